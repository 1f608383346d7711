"""A second new user's pages (a newsletter post, a column, a blog post, a review): what their heads and
share bars held that came out as the article's section headings. Every line here is invented."""

from __future__ import annotations


import pytest

from clean_lines import TITLE, role_between_paragraphs, roles, run
from invented_article import ARTICLE, NAV
from pipeline.clean.furniture import classify
from pipeline.clean.units import Role, Unit

STANDFIRST = "Forty homes were evacuated after the gauges upstream failed in the storm and the alarm came late"


@pytest.mark.parametrize("when", ["3 hours ago", "Updated 2 days ago", "1 hr ago", "vor 3 Stunden",
                                  "il y a 2 jours", "hace 3 horas", "3 часа назад"])
def test_a_time_so_long_ago_under_the_byline_is_the_dateline_not_a_heading(when):
    """The body model began the article at its headline; the head's lines under it are searched all the same
    (the headline was counted among the three, and the time came out as "## 3 hours ago")."""
    result = run(*NAV, TITLE, STANDFIRST, "Mary Ellis | Reporter", when, *ARTICLE)
    found = roles(result)
    assert found.get(when, Role.DATELINE) is Role.DATELINE  # marked as the head's, or dropped with it
    assert found.get(ARTICLE[0]) is Role.BODY and result.article.author == "Mary Ellis"


@pytest.mark.parametrize("count", ["142", "2.1K", "3", "2,332"])
def test_a_number_alone_is_never_a_section_heading(count):
    assert role_between_paragraphs(count) is not Role.HEADING


def test_a_year_may_head_a_chronicles_section():
    assert role_between_paragraphs("2007") is Role.HEADING


@pytest.mark.parametrize("line, rule", [("Gift this article", "share-bar"), ("Save this story", "share-bar"),
                                        ("Check price on Amazon", "interface-label"),
                                        ("See the latest deals", "interface-label")])
def test_a_gift_or_a_shops_button_is_furniture(line, rule):
    assert classify(Unit(line=1, text=line)) == rule


def test_a_sentence_about_prices_is_not_a_button():
    assert classify(Unit(line=1, text="Check prices before you book: fares rose by a fifth this spring.")) is None


def test_a_sentence_with_its_notes_call_at_the_end_is_no_heading():
    """Pages that cite sources print a call in brackets after the stop: "…an hour.[32]" ends a sentence."""
    from pipeline.clean.features import is_heading_like
    assert not is_heading_like("Keep your workout to under an hour.[32]")
    assert not is_heading_like("The NSCA defines it as:[21]")
    assert is_heading_like("The 2-for-2 rule [16]") and is_heading_like("Why it matters")


@pytest.mark.parametrize("line", ["Words: Eleanor Finch", "Text: Eleanor Finch"])
def test_a_magazines_words_or_text_line_names_the_author(line):
    assert run(*NAV, TITLE, line, *ARTICLE).article.author == "Eleanor Finch"


def test_a_newsletter_platforms_standing_pitch_is_a_newsletter_prompt():
    pitch = ("The Slow Ledger is a reader-supported publication. To receive new posts and support my work, "
             "consider becoming a free or paid subscriber.")
    assert classify(Unit(line=1, text=pitch)) == "newsletter-prompt"


def test_a_magazines_month_and_year_dates_the_article_where_no_day_is_given():
    assert run(*NAV, TITLE, "Words: Eleanor Finch", "April 2025", *ARTICLE).article.published == "2025-04"
    # a day's date wins over a month's
    assert run(*NAV, TITLE, "April 2025", "By Mary Ellis", "14 March 2024", *ARTICLE).article.published == "2024-03-14"
    assert run(*NAV, TITLE, "Summer 2025", "By Mary Ellis", *ARTICLE).article.published is None


@pytest.mark.parametrize("button", ["Apply now", "Learn more", "SEE ON AMAZON", "Read Review!", "Get a demo"])
def test_a_buttons_words_are_never_a_section_heading(button):
    """The university page's "Apply now" came out "## Apply now"; the set's outputs had 37 such headings."""
    assert role_between_paragraphs(button) is not Role.HEADING


@pytest.mark.parametrize("question", ["Q: Did Stalin read everything?", "Q. What is left to find?",
                                      "Question: Are the archives still open?"])
def test_an_interviews_marked_question_is_text_not_a_section_heading(question):
    """An interview's "Q: …" lines came out as section headings, some of them and not others (14 of the set's
    outputs' lines on five pages): a contents list would have shown the questions."""
    assert role_between_paragraphs(question) is Role.BODY


def test_a_question_unmarked_may_still_head_an_faqs_section():
    assert role_between_paragraphs("Did Stalin read everything?") is Role.HEADING


def test_a_tutorials_step_in_the_imperative_still_heads_its_section():
    assert role_between_paragraphs("Create the volumes") is Role.HEADING
