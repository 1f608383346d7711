"""Cleaning rules by kind, on hand-made pages: what goes, what stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.clean.blocks import split_blocks
from pipeline.clean.boxes import drop_boxes
from pipeline.clean.typography import set_text
from pipeline.clean.units import Role
from pipeline.clean.vocabulary import COMMENT_LABELS, TAIL_LABELS
from pipeline.model import BlockKind
from pipeline.read import decode_seed

PARAGRAPHS = [
    "The revolution of 1917 was followed by a long civil war that left the economy in ruins and the working "
    "class scattered across the countryside in search of food.",
    "By the middle of the 1920s a layer of officials had grown up inside the party and the state, and it had "
    "interests of its own that were not those of the workers who had made the revolution.",
    "Historians still argue about how far this outcome was determined by circumstances and how far by the "
    "choices that the leaders of the party made in those difficult years.",
    "What is not in doubt is that the regime which emerged at the end of the decade was very different from "
    "the one that the revolutionaries of 1917 had hoped to build.",
]


def run(*lines: str):
    return clean(decode_seed("\n".join(lines).encode("utf-8"), Path("page.txt")))


def kept_text(result) -> list[str]:
    return [u.text for u in result.units]


def dropped_rules(result) -> dict[str, str]:
    return {e.text: e.rule for e in result.dropped()}


@pytest.mark.parametrize("bar", [
    ["Share this Article", "Facebook", "Twitter", "WhatsApp", "Print", "Reddit", "Telegram"],
    ["Share", "X", "Email", "LinkedIn", "Pinterest", "Copy link"],
    ["Share on Facebook", "Share on X"],
    ["Facebook Twitter LinkedIn Email"],
    ["Share: Facebook | X | Bluesky | Copy link"],
])
def test_share_bars_go_wherever_they_stand(bar):
    result = run(PARAGRAPHS[0], PARAGRAPHS[1], *bar, PARAGRAPHS[2], PARAGRAPHS[3])
    assert kept_text(result) == PARAGRAPHS
    assert set(dropped_rules(result).values()) == {"share-bar"}


def test_a_search_widget_goes():
    result = run("Search", "Close this search box.", "A Title for the Article", *PARAGRAPHS)
    assert dropped_rules(result) == {"Search": "search-widget", "Close this search box.": "search-widget"}
    assert result.article.title.text == "A Title for the Article"


def test_an_embedded_tweet_goes_with_its_link_and_attribution():
    tweet = "On this day in 1953 the dictator died. Watch our video on his legacy."
    result = run(PARAGRAPHS[0], PARAGRAPHS[1], tweet, "🔗 https://t.co/pUOa9gr9S0 pic.twitter.com/UlygnaVOWu",
                 "— Some Group (@some_group) March 5, 2023", PARAGRAPHS[2], PARAGRAPHS[3])
    assert kept_text(result) == PARAGRAPHS
    assert set(dropped_rules(result).values()) == {"social-embed"}


@pytest.mark.parametrize("code", [
    'Embed <iframe src="https://example.org/player/embed/12" width="100%" height="290" title="audio player">',
    '<iframe src="https://www.youtube.com/embed/abc" frameborder="0" allowfullscreen></iframe>',
])
def test_a_players_embedding_code_shown_as_text_goes(code):
    result = run(PARAGRAPHS[0], code, *PARAGRAPHS[1:])
    assert kept_text(result) == PARAGRAPHS
    assert set(dropped_rules(result).values()) == {"embed-code"}
    prose = "The tag <iframe> puts one page inside another, which is how most players are embedded in articles."
    assert prose in kept_text(run(PARAGRAPHS[0], prose, *PARAGRAPHS[1:]))  # a sentence about the code stays


@pytest.mark.parametrize("line, label", [("Discussion about this post", True), ("Discussion about this episode", True),
                                         ("Discussion", False), ("Discussion of the results", False)])
def test_a_newsletter_platforms_discussion_label_heads_the_comments_but_a_papers_discussion_is_its_own(line, label):
    """Under a post, "Discussion about this post" opens the comments (the tail ends the article there); a
    paper's "Discussion" is a section of the article."""
    assert bool(COMMENT_LABELS.match(line)) is label


def test_a_tweet_without_a_link_line_still_goes():
    result = run(*PARAGRAPHS[:2], "Short post text here #history", "— A Person (@aperson) 12 June 2021",
                 *PARAGRAPHS[2:])
    assert kept_text(result) == PARAGRAPHS


def test_a_teaser_block_with_full_sentences_goes():
    result = run(*PARAGRAPHS, "", "Solidarity meetings", "Latest articles", "Read more",
                 "How colonial war led to revolution", "The revolution beginning fifty years ago saw workers "
                 "take control of hundreds of factories, writes A Writer",
                 "How resistance can turn into revolution", "Ending the domination of empire will require a "
                 "revolution, argues Another Writer.")
    assert kept_text(result) == PARAGRAPHS
    assert set(dropped_rules(result).values()) == {"outside-body"}
    reasons = {e.text: e.detail for e in result.dropped()}
    assert reasons["Latest articles"].startswith("after the article, which ends at line 4")


def test_related_and_comment_sections_go_even_in_long_sentences():
    comment = ("I completely disagree with the author about the role of the officials, who in my view were "
               "simply following orders from above as officials always do in such situations.")
    result = run("The officials who rose after the revolution", *PARAGRAPHS, "You may also like",
                 "Another headline about history",
                 "3 Comments", "Jane Reader", "12 March 2024 at 10:15 am", comment, "Reply",
                 "Leave a Reply", "Your email address will not be published. Required fields are marked *")
    assert kept_text(result)[1:] == PARAGRAPHS
    assert comment not in kept_text(result)


def test_an_inline_read_more_box_takes_only_its_own_lines():
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], "Read more",
                 "The headline of another story", *PARAGRAPHS[2:],
                 PARAGRAPHS[0].replace("1917", "1905"), PARAGRAPHS[1].replace("1920s", "1930s"))
    assert all(p in kept_text(result) for p in PARAGRAPHS)
    assert "The headline of another story" not in kept_text(result)


@pytest.mark.parametrize("label", ["Related Story", "Related video", "Related link"])
def test_a_related_box_named_in_the_singular_goes_too(label):
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], label,
                 "The headline of another story", *PARAGRAPHS[2:])
    assert kept_text(result)[1:] == PARAGRAPHS
    assert dropped_rules(result)[label] == "section-label"


def test_a_box_s_long_headlines_go_with_it():
    teasers = ["Why the Molotov–Ribbentrop pact still causes disputes among historians and politicians and what the "
               "documents say",  # 18 words, no sentence's ending
               "The famine of 1932–1933: what the figures say, which long remained classified — and why they are "
               "hard to check"]
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], "Read also", *teasers,
                 *PARAGRAPHS[2:])
    assert kept_text(result)[1:] == PARAGRAPHS
    assert {dropped_rules(result)[t] for t in teasers} == {"inline-teaser"}


def test_a_short_heading_under_a_boxs_headlines_heads_the_article_again():
    """A new user's news page: "A levee under strain", over the next paragraph, had gone with the "Read more"
    box's two headlines above it."""
    teasers = ["Farmers count cost of lost harvest as insurers warn of premium rises",
               "How the great flood of 1893 reshaped the whole valley, in pictures"]
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], "Read more", *teasers,
                 "A levee under strain", *PARAGRAPHS[2:])
    assert kept_text(result)[1:] == PARAGRAPHS[:2] + ["A levee under strain"] + PARAGRAPHS[2:]
    assert {dropped_rules(result)[t] for t in teasers} == {"inline-teaser"}
    assert next(u.role for u in result.units if u.text == "A levee under strain") is Role.HEADING


def test_a_box_s_last_line_that_names_the_paragraph_under_it_heads_the_article_again():
    """A new user's page: "The consequences for the party", of a length with the "More on this topic" box's
    headlines above it, went with them, and the section lost its heading."""
    teasers = ["Stalin's famine: Ukraine 1932/33", "What remained of the Soviet Union"]
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], "More on this topic", *teasers,
                 "Choices of the party leaders", *PARAGRAPHS[2:])
    assert kept_text(result)[1:] == PARAGRAPHS[:2] + ["Choices of the party leaders"] + PARAGRAPHS[2:]
    assert {dropped_rules(result)[t] for t in teasers} == {"inline-teaser"}
    assert next(u.role for u in result.units if u.text == "Choices of the party leaders") is Role.HEADING


def test_a_box_s_heading_in_german_names_its_paragraph_by_the_word_s_stem():
    paragraphs = ["Im August 1936 saßen Sinowjew und Kamenew auf der Anklagebank eines Moskauer Gerichtssaals, und "
                  "beide gestanden Verbrechen, die sie nie begangen haben konnten, vor den Augen der ganzen Welt.",
                  "Die Geständnisse waren das Ergebnis monatelanger Verhöre, in denen die Ermittler den Angeklagten "
                  "mit dem Tod ihrer Familien drohten, bis kaum einer von ihnen noch Widerstand leistete.",
                  "Bis 1938 folgten zwei weitere Prozesse. Die Partei, die sich als Avantgarde der Arbeiterklasse "
                  "verstanden hatte, war zu einem Instrument eines einzelnen Mannes geworden, und ihre Folgen "
                  "reichen bis heute.",
                  "Für die Geschichtsschreibung bleiben die Prozesse ein Schlüssel: Sie zeigen, wie ein Regime die "
                  "Sprache des Rechts benutzte, um das Recht abzuschaffen, und wie wenige im Ausland es sahen.",
                  "Auch ausländische Diplomaten saßen im Saal, und mancher von ihnen schrieb nach Hause, die Schuld "
                  "der Angeklagten sei erwiesen, ein Urteil, das viele von ihnen später bereuen sollten."]
    teasers = ["Stalins Hunger: Die Ukraine 1932/33", "Was von der Sowjetunion blieb"]
    result = run("Die langen Schatten der Moskauer Prozesse", *paragraphs[:2], "Mehr zum Thema", *teasers,
                 "Die Folgen für die Partei", *paragraphs[2:])
    assert kept_text(result)[1:] == paragraphs[:2] + ["Die Folgen für die Partei"] + paragraphs[2:]
    assert {dropped_rules(result)[t] for t in teasers} == {"inline-teaser"}


def test_a_box_s_last_headline_sharing_a_word_with_the_paragraph_still_goes():
    teasers = ["Farmers count cost of lost harvest as insurers warn of premium rises",
               "Why the leaders of the revolution could not agree on the land"]
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], "Read more", *teasers,
                 *PARAGRAPHS[2:])
    assert kept_text(result)[1:] == PARAGRAPHS
    assert {dropped_rules(result)[t] for t in teasers} == {"inline-teaser"}


def test_a_job_title_over_a_biography_in_a_box_heads_nothing():
    """An author's box inside the article ("Recent Posts", a name, a job title, a biography): the job title
    shares the biography's words, as a section's heading does its paragraph's, and still goes with the box."""
    bio = ("Anna founded the Valley Historical Society in 2014 to share her love of local history, and the society "
           "has grown into more than she could have dreamed of.")
    lines = ["Recent Posts", "Follow me", "Anna Adams", "Founder & Director, Valley Historical Society", bio]
    units = split_blocks(decode_seed("\n".join(lines).encode("utf-8"), Path("page.txt"))).units
    result = drop_boxes(units)
    assert [u.text for u in result.units] == [bio]
    assert result.events[-1].rule == "inline-teaser"
@pytest.mark.parametrize("label, comments", [("Читайте также", "Комментарии (2)"), ("Czytaj także:", "Komentarze"),
                                             ("関連記事", "コメント"), ("相关阅读", "评论"), ("관련 기사", "댓글")])
def test_labels_of_boxes_and_comments_in_other_scripts_and_languages_are_known(label, comments):
    assert TAIL_LABELS.match(label) and COMMENT_LABELS.match(comments)
    result = run("The officials who rose after the revolution", *PARAGRAPHS[:2], label,
                 "The headline of another story", *PARAGRAPHS[2:])
    assert kept_text(result)[1:] == PARAGRAPHS
    assert dropped_rules(result)[label] == "section-label"


def test_a_recent_posts_box_inside_the_article_goes_with_its_headlines():
    later = [PARAGRAPHS[0].replace("1917", "1905"), PARAGRAPHS[1].replace("1920s", "1930s")]
    result = run("The officials who rose after the revolution", *PARAGRAPHS, "Recent Posts",
                 "The headline of another story", "A second headline of the blog", *later)
    assert kept_text(result)[1:] == PARAGRAPHS + later
    assert dropped_rules(result)["Recent Posts"] == "section-label"


@pytest.mark.parametrize("line", [
    "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
    "Sign up for our newsletter to get the best stories delivered to your inbox every week.",
    "© 2024 Example Media Ltd. All rights reserved.",
    "Advertisement",
    "Photograph: Sovfoto/Universal Images Group via Getty Images",
    "5 min read",
])
def test_the_site_talking_to_its_visitor_goes(line):
    result = run(*PARAGRAPHS[:2], line, *PARAGRAPHS[2:])
    assert kept_text(result) == PARAGRAPHS


@pytest.mark.parametrize("line, rule", [
    ("Oops! Something went wrong while submitting the form.", "form-message"),
    ("Déjà vu! We already have this email. Try another?", "form-message"),
    ("Thanks for subscribing! Look out for your first newsletter in your inbox soon!", "form-message"),
    ("Awesome, you’re subscribed!", "form-message"),
    ("Thank you! Your submission has been received!", "form-message"),
    ("Business Email *", "form-field"),
    ("Your First and Last Name*", "form-field"),
])
def test_a_sign_up_forms_fields_and_messages_go(line, rule):
    """A form's messages are in the page's text, hidden until it is sent; its fields are marked required."""
    result = run(*PARAGRAPHS[:2], line, *PARAGRAPHS[2:])
    assert kept_text(result) == PARAGRAPHS
    assert dropped_rules(result)[line] == rule


@pytest.mark.parametrize("line", [
    "All goods sold over the counter, such as sandwiches, cookies, bagels and doughnuts, must be packaged, "
    "and the staff who handle them must use gloves.",
    "To measure what these partnerships bring in, implement affiliate links, tracking codes and discounts "
    "that belong to one partner each.",
])
def test_a_long_sentence_worded_like_the_site_between_paragraphs_is_the_article_s(line):
    result = run(*PARAGRAPHS[:2], line, *PARAGRAPHS[2:])
    assert kept_text(result) == [*PARAGRAPHS[:2], line, *PARAGRAPHS[2:]]


def test_a_long_site_sentence_beside_furniture_still_goes():
    line = ("Sign up for our weekly newsletter and get the best stories of the week, our editors' picks and "
            "early invitations delivered to your inbox.")
    result = run(*PARAGRAPHS[:2], line, "Enter your email address", *PARAGRAPHS[2:])
    assert kept_text(result) == PARAGRAPHS


def test_white_space_only_lines_go_even_with_no_break_spaces():
    result = run(PARAGRAPHS[0], "\u00a0", "  \u00a0 ", "\t", PARAGRAPHS[1])
    assert kept_text(result) == PARAGRAPHS[:2]
    assert all(e.rule == "blank-line" for e in result.dropped())


def test_short_lines_heading_paragraphs_are_headings_and_short_sentences_are_not():
    result = run(PARAGRAPHS[0], "The rise of the bureaucracy", PARAGRAPHS[1],
                 "Forced labour was introduced on a massive scale.", "Trotsky explained how:",
                 "“No help came from the West. The power of the Soviets proved cramping.”", PARAGRAPHS[2])
    kinds = [(b.kind, b.text[:30]) for b in result.article.blocks]
    assert kinds[1] == (BlockKind.HEADING, "The rise of the bureaucracy")
    assert (BlockKind.PARAGRAPH, "Forced labour was introduced o") in kinds
    assert (BlockKind.PARAGRAPH, "Trotsky explained how:") in kinds
    assert kinds[-2][0] is BlockKind.QUOTATION


def test_a_standfirst_yields_its_author():
    result = run("A title about Russia", "", "Some say the regime was socialist, yet it was nothing of the kind, "
                 "writes Tom Orsag", "", *PARAGRAPHS)
    assert result.article.standfirst.text.endswith("writes Tom Orsag")
    assert result.article.author == "Tom Orsag"


def test_a_first_paragraph_that_leads_into_a_list_is_text_not_a_standfirst():
    """A line with no sentence ending under the title reads as a standfirst, but one that ends on a
    colon introduces the lines below it: it is the article's first paragraph."""
    lead = "Historians have argued for decades about the causes of the regime's decline, and they name three:"
    result = run("A title about Russia", "", lead, "", *PARAGRAPHS)
    assert result.article.standfirst is None
    assert [b.text for b in result.article.blocks][0] == set_text(lead)


def test_a_byline_line_is_metadata_not_text():
    result = run("Home", "News", "World", "A title about Russia in the twenties", "By Jane Smith",
                 "Published 12 March 2024", *PARAGRAPHS)
    assert result.article.title.text == "A title about Russia in the twenties"
    assert result.article.author == "Jane Smith"
    assert [b.text for b in result.article.blocks] == PARAGRAPHS


def test_the_authors_note_is_about_the_author():
    result = run(*PARAGRAPHS, "Jane Smith is a lecturer in history at a university and a member of a union.")
    assert result.article.about_author.text.startswith("Jane Smith is a lecturer")


@pytest.mark.parametrize("opening", ["It is the easiest win there is, said one researcher",
                                     "This was what the historian had found"])
def test_a_paragraph_near_the_end_that_quotes_a_researcher_stays_in_the_article(opening):
    last = f"{opening}, who had measured the kettles of forty households over a winter and found the same."
    result = run(*PARAGRAPHS, last, PARAGRAPHS[0].replace("1917", "1918"))
    assert result.article.about_author is None
    assert last in [b.text for b in result.article.blocks]


def test_hard_wrapped_prose_is_joined():
    result = run("This paragraph was wrapped at a fixed width by", "whoever saved the page, so its lines end",
                 "in the middle of sentences.", "", "A second paragraph follows here, also",
                 "wrapped in the middle of a sentence, and ends.", "", *PARAGRAPHS)
    assert result.article.blocks[0].text == ("This paragraph was wrapped at a fixed width by whoever saved the "
                                              "page, so its lines end in the middle of sentences.")


def test_a_menu_over_hard_wrapped_prose_is_not_joined_to_it():
    """In a block of prose wrapped at a fixed width, a short line (a menu item, the headline) was not broken for
    want of room: it ends its own block, and only full lines run on to the next."""
    wrapped = ["Gym equipment refers to the various machines, tools and accessories used in a",
               "fitness facility to help people reach their goals. These machines are designed",
               "to work different muscle groups, to build strength and to raise endurance for",
               "people of every level, from beginners to athletes who have trained for years",
               "and know their way around every machine in the room.",
               "Strength equipment comes in three kinds: free weights, machines and bands, and",
               "each has its place in a programme that a trainer draws up with you at the very",
               "start, when you join, and revises with you every few months as you get stronger",
               "and your goals change."]
    page = "\n".join(["Join Now", "Member Portal", "The Beginner's Guide to Gym Equipment", *wrapped, "", *PARAGRAPHS])
    texts = [u.text for u in split_blocks(decode_seed(page.encode("utf-8"), Path("page.txt"))).units]
    assert texts[:3] == ["Join Now", "Member Portal", "The Beginner's Guide to Gym Equipment"]
    assert texts[3] == " ".join(wrapped[:5])
    assert texts[4] == " ".join(wrapped[5:])


@pytest.mark.parametrize("raw, expected", [
    ('He said "no" and left.', "He said “no” and left."),
    ("It's the workers' state.", "It’s the workers’ state."),
    ("'Socialism in one country', he wrote.", "‘Socialism in one country’, he wrote."),
    ("the civil war - along with the war - shattered", "the civil war – along with the war – shattered"),
    ("Wait... and see . . . then", "Wait… and see … then"),
    ("In 1927-8 and pp118-119 the figures", "In 1927-8 and pp118-119 the figures"),
    ("see www.youtube.com/watch?v=6meTW-qafXs now", "see www.youtube.com/watch?v=6meTW-qafXs now"),
    ("http://example.org/a--b?x='y' stays", "http://example.org/a--b?x='y' stays"),
    ("two  spaces   collapse", "two spaces collapse"),
])
def test_typography(raw, expected):
    assert set_text(raw) == expected
    assert set_text(expected) == expected
