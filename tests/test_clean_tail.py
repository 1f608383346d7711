"""The article's tail, where the model ended it too early: invented pages, one per kind the
development set showed (issue 16): a list the article introduces with a colon and closes with a
sentence, a directory under the article's last paragraph that runs on to the page's furniture,
and a calendar whose next quarter opens with a heading of two lines.
"""

from __future__ import annotations

from pipeline.clean.body import (_continued_pattern, _furniture_after, _introduced_list_runs_to_close,
                                 _runs_on_to_furniture)
from pipeline.clean.body_model import AFTER, BEFORE, BODY
from pipeline.clean.language import detect_language
from pipeline.clean.signals import FEATURES, INDEX
from pipeline.clean.units import Unit
from invented_article import ARTICLE, NAV

INTRODUCTION = "The engineers recommend five kinds of gauge for a river of this size and speed:"
GAUGES = ["Radar level sensor on the bridge", "Pressure transducer at the weir", "Float gauge in a stilling well",
          "Staff gauge: painted, read by eye", "Bubbler gauge with a solar panel"]
CLOSING = "Any one of these would have warned the village in time, the engineers said in their report."
LINKS = ["Related posts", "School roof repairs approved", "New bus route for the valley", "Privacy Policy"]


def _rows(texts: list[str], reads_like_article: list[str]) -> list[list[float]]:
    """Feature rows: the lines in `reads_like_article` share the article's words and wording."""
    rows = [[0.0] * len(FEATURES) for _ in texts]
    for i, text in enumerate(texts):
        if text in reads_like_article:
            rows[i][INDEX["cohesion"]], rows[i][INDEX["lexicon_mean"]] = 0.5, 0.5
    return rows


def _list_page(after: list[str]) -> tuple[list[int], list[str]]:
    inside = [*ARTICLE[:3], INTRODUCTION, GAUGES[0]]
    texts = [*NAV, *inside, *after]
    return [BEFORE] * len(NAV) + [BODY] * len(inside) + [AFTER] * len(after), texts


def test_a_list_the_article_introduces_runs_on_to_the_sentence_that_closes_it():
    path, texts = _list_page([*GAUGES[1:], CLOSING, *LINKS])
    placed = _introduced_list_runs_to_close(path, _rows(texts, [CLOSING]), texts, detect_language(texts))
    assert [texts[i] for i, state in enumerate(placed) if state == BODY][-6:] == [*GAUGES, CLOSING]
    assert placed[-len(LINKS):] == [AFTER] * len(LINKS)


def test_items_with_nothing_like_the_article_after_them_stay_out():
    path, texts = _list_page([*GAUGES[1:], *LINKS])  # a list of links, then the page's furniture
    assert _introduced_list_runs_to_close(path, _rows(texts, []), texts, detect_language(texts)) == path
    path, texts = _list_page([*GAUGES[1:], CLOSING, *LINKS])  # a sentence in other words than the article's
    assert _introduced_list_runs_to_close(path, _rows(texts, []), texts, detect_language(texts)) == path


CLINICS = [line for k, name in enumerate(["Riverside Counselling Centre", "Valley Family Clinic",
                                          "Mill Lane Practice", "Weir Road Health Centre"])
           for line in (name, f"{12 + k} Mill Lane", f"(01632) 96{k}0{k}5", "Fees based on income")]
DIRECTORY_CLOSING = "This list is not complete, and other clinics in the valley may also offer low fees."
FOOTER = ["Office of the Dean Menu", "Meet Our Team", "Contact"]


def _directory_page(between: list[str]) -> tuple[list[int], list[list[float]], list[str], list[bool]]:
    """The article's two paragraphs and the directory's first name; the model ended the article there.
    The page's furniture (a menu's label, dropped by an earlier stage) stands under the closing line."""
    inside = [*ARTICLE[:2], CLINICS[0]]
    after = [*CLINICS[1:], *between, DIRECTORY_CLOSING, *FOOTER]
    texts = [*NAV, *inside, *after]
    path = [BEFORE] * len(NAV) + [BODY] * len(inside) + [AFTER] * len(after)
    furniture = [text == DIRECTORY_CLOSING for text in texts]
    return path, _rows(texts, [DIRECTORY_CLOSING]), texts, furniture


def test_a_directory_under_the_article_runs_on_to_the_page_s_furniture():
    path, rows, texts, furniture = _directory_page([])
    placed = _runs_on_to_furniture(path, rows, texts, furniture, detect_language(texts))
    closing = texts.index(DIRECTORY_CLOSING)
    assert placed[len(NAV):closing + 1] == [BODY] * (closing + 1 - len(NAV))
    assert placed[closing + 1:] == [AFTER] * len(FOOTER)


def test_an_author_s_card_or_the_page_s_menu_before_the_furniture_is_not_the_article_s():
    path, rows, texts, furniture = _directory_page(["Written by Mary Ellis"])
    rows[texts.index("Written by Mary Ellis")][INDEX["byline"]] = 1.0
    assert _runs_on_to_furniture(path, rows, texts, furniture, detect_language(texts)) == path
    path, rows, texts, furniture = _directory_page([NAV[2]])  # a line the page's menu shows above
    assert _runs_on_to_furniture(path, rows, texts, furniture, detect_language(texts)) == path


def test_no_closing_line_before_the_furniture_no_run_on():
    path, rows, texts, furniture = _directory_page([])
    rows = _rows(texts, [])  # the last line before the furniture in other words than the article's
    assert _runs_on_to_furniture(path, rows, texts, furniture, detect_language(texts)) == path


def test_furniture_is_where_an_earlier_stage_dropped_lines_not_a_blank_line():
    units = [Unit(line=1, text="a"), Unit(line=2, text="b"), Unit(line=4, text="c"),
             Unit(line=6, text="d", group=1), Unit(line=7, text="")]
    assert _furniture_after(units, [u for u in units if u.text]) == [False, True, False, False]
    blocks = [Unit(line=n, text="a", group=n) for n in (1, 2, 4, 5)]  # a saved page: a block a group
    assert _furniture_after(blocks, blocks) == [False, True, False, False]


EVENT = ("The {0} brings engineers, planners and council officers together for two days of talks on "
         "river gauges, warnings and the cost of floods.")


def _events(names: list[str]) -> list[str]:
    return [line for name in names for line in (f"{name}: 12-14 May | Leeds", EVENT.format(name))]


def _calendar(inside_heading: list[str]) -> tuple[list[int], list[str]]:
    """A calendar of events the model ended after its first quarter; the next quarter opens with a
    heading of two lines (the quarter, then its first month) over one event."""
    inside = [*inside_heading, *_events(["Flood Forum", "Weir Summit", "Gauge Expo"])]
    after = ["Q2 2026: Top river conferences", "April", *_events(["River Days"]), "Related Posts", "Privacy Policy"]
    texts = ["Home", *inside, *after]
    return [BEFORE] + [BODY] * len(inside) + [AFTER] * len(after), texts


def test_a_calendar_goes_on_under_a_two_line_heading_shaped_like_its_own():
    path, texts = _calendar(["Q1 2026: Top river conferences", "January"])
    placed = _continued_pattern(path, texts, detect_language(texts))
    assert placed[texts.index("April")] == BODY
    assert placed[texts.index(EVENT.format("River Days"))] == BODY
    assert placed[-2:] == [AFTER, AFTER]


def test_two_short_lines_unlike_the_list_s_own_headings_do_not_carry_it_on():
    path, texts = _calendar(["January"])  # the list inside the article has no two-line heading
    assert _continued_pattern(path, texts, detect_language(texts)) == path
