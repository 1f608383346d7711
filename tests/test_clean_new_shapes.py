"""A third new user's pages, in shapes and languages the development set has few of: a listicle with product
cards, a recipe, an FAQ, a German news page with a dek, Russian, Japanese and Chinese articles, and a saved page
that sets its paragraphs in `<div>`s. What each lost or kept wrongly. Every line here is invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA
from clean_lines import TITLE, role_between_paragraphs, roles, run
from invented_article import ARTICLE, NAV
from pipeline.clean import clean
from pipeline.clean.attribution import uncased_byline
from pipeline.clean.furniture import classify
from pipeline.clean.headings import recognise_headings
from pipeline.clean.units import Role, Unit
from pipeline.seeds import read_seed



# -- guillemets are quotation marks ------------------------------------------------------------------------

RUSSIAN = [
    "Каждую субботу с апреля по октябрь на одной из улиц старой Вологды собираются волонтёры, чтобы покрасить "
    "фасад, заменить прогнившие доски или поправить наличники на окнах старого деревянного дома.",
    "Большинство этих домов жилые. В них живут пенсионеры, молодые семьи и студенты, и у многих хозяев просто "
    "нет денег на ремонт, который требует и времени, и опыта, и согласования с городом.",
    "«Мы не музей, мы просто соседи», — смеётся Кузнецова.",
    "Сложнее всего, по словам организаторов, договориться с жильцами. Многие опасаются, что после ремонта дом "
    "признают памятником и им запретят что-либо менять, поэтому разговоры иногда занимают месяцы.",
    "В этом сезоне волонтёры планируют отреставрировать фасады ещё четырёх домов. Записаться может любой "
    "желающий, опыт не нужен, а инструменты и краску проект выдаёт на месте.",
]
RUSSIAN_TITLE = "«Дом держится, пока в нём живут»: как волонтёры в Вологде спасают деревянную застройку"


def test_a_headline_and_a_paragraph_in_guillemets_are_not_post_navigation():
    """"«" opened a "previous post" arrow: the quoted headline went, a menu item became the title, and a short
    quoted paragraph went too."""
    result = run("Главная", "Новости", "Культура", "Спорт", RUSSIAN_TITLE, "Анна Смирнова", "14 марта 2025",
                 *RUSSIAN)
    assert result.article.title.text == RUSSIAN_TITLE
    assert roles(result).get(RUSSIAN[2]) is Role.BODY


@pytest.mark.parametrize("line", ["« The Ferry That Never Came", "« Как мы ремонтировали крышу", "Ten Lighthouses ›", "Следующая »"])
def test_an_arrow_without_its_closing_mark_is_still_post_navigation(line):
    assert classify(Unit(line=1, text=line)) == "post-navigation"


@pytest.mark.parametrize("line", ["« Nous ne sommes pas un musée », dit-elle.", "‹Das ist gut›", "»Nein«, sagt sie."])
def test_a_quotation_in_guillemets_is_no_arrow(line):
    assert classify(Unit(line=1, text=line)) is None


# -- furniture in more words and languages -----------------------------------------------------------------

@pytest.mark.parametrize("line, rule", [
    ("$129.95 at Amazon", "interface-label"), ("£24.99 at Argos", "interface-label"),
    ("Buy now", "interface-label"), ("Buy now at AJ Madison", "interface-label"),
    ("Continue reading below", "ad-label"), ("Pin this recipe for later!", "share-bar"),
    ("Save Recipe", "share-bar"), ("Jump to Recipe", "share-bar"), ("X（旧Twitter）", "share-bar"),
    ("この記事をシェア", "share-bar"), ("Diesen Artikel teilen", "share-bar"), ("On this page", "interface-label"),
    ("Was this page helpful?", "interface-label"), ("Was this answer helpful?", "interface-label"),
    ("YesNo", "interface-label"), ("Full size table", "interface-label"), ("Cite this article", "interface-label"),
    ("4 мин. на чтение", "reading-time"),
])
def test_buttons_prompts_and_labels_are_furniture(line, rule):
    assert classify(Unit(line=1, text=line)) == rule


@pytest.mark.parametrize("line", [
    "The stove sold for $129.95 at Amazon last spring, and the price has not moved since.",
    "Buy now, pay later schemes have spread to camping shops as well.",
])
def test_a_sentence_about_prices_and_buying_is_no_button(line):
    assert classify(Unit(line=1, text=line)) is None


# -- a listicle's product cards ----------------------------------------------------------------------------

STOVES = [("1. Best overall: Alpenflame Duo", "Alpenflame Duo", "$129.95 at Amazon"),
          ("2. Best for backpacking: Kestrel Micro", "Kestrel Micro", "$59.00 at Backcountry"),
          ("3. Best budget: Campsite Basic 1", "Campsite Basic 1", "$24.99 at Walmart")]


def listicle() -> list[str]:
    lines = [*NAV, "The 3 Best Camping Stoves We Tested", "By Rhys Taggart", ARTICLE[0]]
    for (entry, name, price), paragraph in zip(STOVES, ARTICLE[1:4]):
        lines += [entry, name, price, "Buy now", paragraph, "Advertisement", "Continue reading below"]
    return lines + ARTICLE[4:]


def test_a_listicles_entries_are_headings_and_its_product_cards_go():
    """Each entry's card (its name again, a price at a shop, "Buy now") stood between the entry and its
    paragraph: the entries came out as paragraphs, the cards stayed, and the last entry went as an aside."""
    result = run(*listicle())
    found = roles(result)
    assert [found.get(entry) for entry, _name, _price in STOVES] == [Role.HEADING] * 3
    kept = {u.text for u in result.units}
    for _entry, name, price in STOVES:
        assert name not in kept and price not in kept
    assert not {"Buy now", "Continue reading below"} & kept
    assert [u.role for u in result.units].count(Role.BODY) == len(ARTICLE)  # every paragraph, typeset
    echoes = [e for e in result.events if e.rule == "name-echo"]
    assert [e.text for e in echoes] == [name for _entry, name, _price in STOVES]


def test_a_sentence_that_names_the_next_entry_leaves_its_heading_alone():
    result = run(*NAV, TITLE, *ARTICLE[:2], "Next up: 5. Ajazz AK820 Pro Specs.", "5. Ajazz AK820 Pro Specs",
                 *ARTICLE[2:])
    assert roles(result).get("5. Ajazz AK820 Pro Specs") is Role.HEADING


# -- headings that need evidence ---------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Read also: The Ferry That Never Came", "Читайте также: В Архангельске снесут ещё три дома",
    "Lesen Sie auch: Radweg auf der Aachener Straße wird breiter", "Related: Ten Lighthouses Worth the Walk",
])
def test_a_teaser_led_in_by_a_label_is_no_heading(line):
    assert role_between_paragraphs(line) is not Role.HEADING


@pytest.mark.parametrize("line", ["Cons: Heavy; propane adapter sold separately",
                                  "3/4 cup (130 g) Medjool dates, pitted and chopped", "2 tbsp unsalted butter"])
def test_a_row_of_items_or_an_ingredient_is_no_heading(line):
    assert role_between_paragraphs(line) is not Role.HEADING


def test_a_section_heading_still_heads_its_paragraphs():
    assert role_between_paragraphs("What the Council Knew") is Role.HEADING


# -- scripts without spaces --------------------------------------------------------------------------------

JAPANESE = [
    "創業二百年の酒蔵が、仕込み水の水源を守るため、蔵の裏に広がる山林およそ三十ヘクタールを買い取った。水源の森を"
    "自ら管理する酒蔵は全国でもまだ珍しく、地域の林業関係者からも注目が集まっている。",
    "きっかけは三年前の豪雨だった。山の斜面が崩れ、井戸の水が数週間にわたって濁り、その年の仕込みを一部見送らざるを"
    "得なかったという。",
    "蔵元は「水は買えない。森が荒れれば、酒も造れなくなる」と話す。買い取った山林では、地元の森林組合と協力して"
    "間伐を進め、広葉樹を植える計画だ。",
    "作業には週末ごとに地元の高校生や移住者などのボランティアも加わる。参加者は延べ四百人を超え、蔵では作業の後に"
    "仕込み水で炊いたおにぎりを振る舞っている。",
]


def test_a_japanese_byline_by_its_cue_and_subheads_over_paragraphs():
    """"文・写真：" (text and photographs) was no cue, and a subhead was never a heading, since a paragraph in a
    script without spaces is one "word" long."""
    result = run("ホーム", "ニュース", "地域", "創業二百年の酒蔵、山林を買い取り", "文・写真：高橋 由紀", "2025年2月18日",
                 "この記事をシェア", "X（旧Twitter）", JAPANESE[0], JAPANESE[1], "「水は買えない」", JAPANESE[2],
                 "ボランティアと進める森づくり", JAPANESE[3])
    found = roles(result)
    assert result.article.author == "高橋 由紀"
    assert found.get("「水は買えない」") is Role.HEADING and found.get("ボランティアと進める森づくり") is Role.HEADING
    assert "この記事をシェア" not in found and "X（旧Twitter）" not in found


@pytest.mark.parametrize("line, name", [("文・写真：高橋 由紀", "高橋 由紀"), ("取材・文：山田太郎", "山田太郎"),
                                        ("文/图 王伟", "王伟"), ("写真：高橋 由紀", None), ("記者会見", None)])
def test_a_cjk_byline_for_the_text_and_the_photographs(line, name):
    assert uncased_byline(line) == name


# -- a dek between the headline and the byline -------------------------------------------------------------

GERMAN = [
    "Die Stadt Köln will in den kommenden zwei Jahren rund 1.200 öffentliche Parkplätze in der Südstadt "
    "zurückbauen. Auf den frei werdenden Flächen sollen Radwege, Bäume und Sitzbänke entstehen.",
    "Betroffen sind vor allem die Bonner Straße, die Merowingerstraße und mehrere Seitenstraßen rund um den "
    "Chlodwigplatz. Die ersten Arbeiten sollen im Herbst beginnen, wenn der Rat zustimmt.",
    "Die Bürgerinitiative hält dagegen, dass Handwerker und Pflegedienste schon heute kaum einen Platz finden. "
    "Sie hat angekündigt, gegen den Beschluss zu klagen, sobald er gefasst ist.",
]
DEK = ("Bis Ende 2026 sollen in der Kölner Südstadt breitere Radwege und mehr Grün entstehen. Eine Bürgerinitiative "
       "hält das für einen Fehler.")


def test_a_dek_in_sentences_between_the_headline_and_the_byline_is_the_standfirst():
    """On a page in a language the lexicon does not know the dek went with the lines above the article; a summary
    that ends like a sentence was no standfirst."""
    result = run("Startseite", "Region", "Köln", "Stadt streicht 1.200 Parkplätze in der Südstadt", DEK,
                 "Von Katrin Weber", "14.03.2025, 18:22 Uhr", "Teilen", *GERMAN)
    assert roles(result).get(DEK) is Role.STANDFIRST
    assert result.article.author == "Katrin Weber"


def test_a_breadcrumb_between_the_headline_and_the_byline_is_no_standfirst():
    crumb = "Home » Guides » Rivers » Why the village flooded and who knew it would?"
    result = run(*NAV, TITLE, crumb, "By Mary Ellis", *ARTICLE)
    assert roles(result).get(crumb) is not Role.STANDFIRST


# -- a saved page whose paragraphs are <div>s --------------------------------------------------------------

def test_a_saved_page_that_sets_its_paragraphs_in_divs_keeps_all_of_them():
    """The markup model weighs a <div> of text as loose text (a widget's blurb): on a page that sets every
    paragraph in one, the last five of nine went as "after the article". Its bold subheads are its headings."""
    page = DATA / "html" / "vologda-divs.html"
    paragraphs = [re.sub(r"<[^>]+>", "", p) for p in
                  re.findall(r'<div class="txt">(.*?)</div>', page.read_text(encoding="utf-8"))]
    result = clean(read_seed(page))
    kept = {u.text: u.role for u in result.units}
    assert len(paragraphs) == 9 and all(kept.get(p) is Role.BODY for p in paragraphs)
    assert kept.get("Начинали с одного дома") is Role.HEADING and kept.get("Что дальше") is Role.HEADING
    heading = next(u for u in result.units if u.text == "Что дальше")
    assert not heading.marks  # the bold was the heading's setting, not an emphasis within it


def test_bold_lines_are_no_headings_on_a_page_with_headings_of_its_own(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE[1:])
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><h1>{TITLE}</h1><p>{ARTICLE[0]}</p><h2>What the Council Knew</h2>"
                    f"<p><strong>A note from the editor</strong></p>{paragraphs}</article></body></html>",
                    encoding="utf-8")
    kept = {u.text: u.role for u in clean(read_seed(page)).units}
    assert kept.get("What the Council Knew") is Role.HEADING
    assert kept.get("A note from the editor") is Role.BODY


# -- headings over short answers, and stacks of short lines ------------------------------------------------

def test_a_question_answered_yes_before_its_paragraph_heads_it():
    result = run(*NAV, TITLE, *ARTICLE[:2], "Is a heat pump noisy?", "No.", *ARTICLE[2:])
    assert roles(result).get("Is a heat pump noisy?") is Role.HEADING


def test_a_rhetorical_question_over_a_short_sentence_is_no_heading():
    result = run(*NAV, TITLE, *ARTICLE[:2], "Cool?", "Good.", *ARTICLE[2:])
    assert roles(result).get("Cool?") is not Role.HEADING


def test_a_short_line_two_others_above_a_paragraph_heads_nothing():
    """A paper's keywords ("Urban ecology", "Tilia cordata") over its "Introduction": every line within three of
    a paragraph headed it, so the last two keywords came out as sections. A heading may stand over one other (its
    subheading, a dek); the keyword next to "Introduction" still passes for one."""
    keywords = ["Artificial light at night", "Phenology", "Citizen science", "Urban ecology", "Tilia cordata"]
    lines = [ARTICLE[0], "Keywords", *keywords, "Introduction", *ARTICLE[1:]]
    units = recognise_headings([Unit(line=k + 1, text=text) for k, text in enumerate(lines)]).units
    assert [u.text for u in units if u.role is Role.HEADING] == ["Tilia cordata", "Introduction"]


def test_a_heading_over_its_subheading_still_heads_its_section():
    result = run(*NAV, TITLE, *ARTICLE[:2], "What the Council Knew", "The Gauges at the Weir", *ARTICLE[2:])
    found = roles(result)
    assert found.get("What the Council Knew") is Role.HEADING and found.get("The Gauges at the Weir") is Role.HEADING


@pytest.mark.parametrize("line", ["Support independent literary journalism", "Support local news today"])
def test_an_appeal_for_support_is_a_donation_prompt(line):
    assert classify(Unit(line=1, text=line)) == "donation-prompt"


# -- saved pages: footnotes, listings, lists in paragraphs, captions, blank lines --------------------------

def save(tmp_path: Path, body: str, name: str = "page.html") -> Path:
    page = tmp_path / name
    page.write_text(f"<!DOCTYPE html><html lang='en'><head><title>{TITLE}</title></head><body>"
                    f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article><h1>{TITLE}</h1>"
                    f"{body}</article></main><footer>© 2025 The Courier</footer></body></html>", encoding="utf-8")
    return page


def call(n: int) -> str:
    return f'<sup id="fnref{n}"><a href="#fn{n}" class="footnote-ref" role="doc-noteref">{n}</a></sup>'


NOTES = ["The gauge records are kept at the county archive in Lewes.",
         "Council minutes, 14 March 2007, item 6.",
         "Interview with the author, 2 December 2025."]


def test_a_saved_pages_footnotes_are_the_chapters_notes_and_their_calls_its_calls(tmp_path):
    """A page's `<sup><a href="#fn1">` calls and its notes' `<ol>` (Pandoc's, with no heading and a "↩" back
    to each call): the notes went as outside the article, and each call stayed as a digit glued to a word."""
    paragraphs = [ARTICLE[0].replace("doors.", f"doors.{call(1)}"), ARTICLE[1].replace("notice.", f"notice.{call(2)}"),
                  ARTICLE[2], ARTICLE[3].replace("kitchen.", f"kitchen.{call(3)}"), *ARTICLE[4:]]
    notes = "".join(f'<li id="fn{n}"><p>{text} <a href="#fnref{n}" class="footnote-back" role="doc-backlink">'
                    f"↩︎</a></p></li>" for n, text in enumerate(NOTES, 1))
    page = save(tmp_path, "".join(f"<p>{p}</p>" for p in paragraphs)
                + f'<section class="footnotes" role="doc-endnotes"><hr><ol>{notes}</ol></section>')
    from pipeline.render.markdown import article_markdown
    markdown = article_markdown(clean(read_seed(page)).article)
    body, _, notes_part = markdown.partition("[^s1]: ")
    assert [body.count(f"[^s{n}]") for n in (1, 2, 3)] == [1, 1, 1]  # each call once, in the text
    assert [line for line in ("[^s1]: " + notes_part).split("\n") if line] == [
        f"[^s{n}]: {text}" for n, text in enumerate(NOTES, 1)]
    assert "↩" not in markdown and not re.search(r"(?:doors|notice|kitchen)\.\d", markdown)


def test_a_listing_in_a_pre_without_code_is_a_listing_with_its_indents(tmp_path):
    """Medium and a terminal's copy set a listing in `<pre>` alone: it was a paragraph, its lines run together,
    its indents closed up, and a short one, under the sentence that introduces it, went as an aside."""
    from pipeline.render.markdown import article_markdown
    page = save(tmp_path, f"<p>{ARTICLE[0]}</p><p>Run this:</p><pre>make clean\n  make all\n# then test</pre>"
                          f"<p>{ARTICLE[1]}</p><pre><code>    indented first\n        second</code></pre>"
                          + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]))
    markdown = article_markdown(clean(read_seed(page)).article)
    assert "Run this:\n\n```\nmake clean\n  make all\n# then test\n```" in markdown
    assert "```\n    indented first\n        second\n```" in markdown


def test_a_list_whose_items_are_paragraphs_is_a_list(tmp_path):
    steps = ["Stir the starter and keep ten grams of it.", "Add fifty grams of flour and of water.",
             "Cover it loosely and leave it overnight."]
    page = save(tmp_path, f"<p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p><ol>"
                + "".join(f"<li><p>{s}</p></li>" for s in steps) + "</ol>"
                + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]))
    found = {u.text: u.role for u in clean(read_seed(page)).units}
    assert [found.get(s) for s in steps] == [Role.LIST_ITEM] * 3


def test_a_pictures_caption_is_no_standfirst(tmp_path):
    caption = "Volunteers fill sandbags outside the old mill on Wednesday evening. Photo: Ann Hale"
    page = save(tmp_path, f"<figure><img src='flood.jpg' alt='Sandbags'><figcaption>{caption}</figcaption></figure>"
                          f"<p class='byline'>By Mary Ellis</p>" + "".join(f"<p>{p}</p>" for p in ARTICLE))
    assert clean(read_seed(page)).article.standfirst is None


def test_a_page_without_paragraphs_is_parted_at_its_blank_lines(tmp_path):
    """An old blog sets its post in one `<div>`, paragraphs parted by `<br><br>`: it came out as one block of
    hard line breaks."""
    page = save(tmp_path, "<div class='post-body'>" + "<br><br>".join(ARTICLE) + "</div>")
    units = clean(read_seed(page)).units
    assert [u.role for u in units].count(Role.BODY) == len(ARTICLE)


def test_a_page_with_paragraphs_keeps_a_blank_line_inside_one(tmp_path):
    verse = "The river rose<br>and rose again<br><br>and no one came"
    page = save(tmp_path, "".join(f"<p>{p}</p>" for p in ARTICLE[:3]) + f"<p>{verse}</p>"
                + "".join(f"<p>{p}</p>" for p in ARTICLE[3:]))
    texts = [u.text for u in clean(read_seed(page)).units]
    assert not any(t == "and no one came" for t in texts)
