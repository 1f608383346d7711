"""A chapter's running head in print stands on one line: a long title is cut, or the editors give a short form."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from conftest import ROOT, SMALL_BOOK, make_project
from pipeline.build import BuildOptions, build
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
from pipeline.editorial.running_head import RUNNING_HEAD_MAX, short_running_head
from pipeline.render.xhtml import EPUB, Edition, render_chapter

LONG = "To find the five best French presses, I put seventeen of them to the test – and drank far too much coffee"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BEANS = ["Kenyan", "Colombian", "Ethiopian", "Brazilian", "Guatemalan", "Sumatran"]
SEED = "Heading Line\n\n" + "\n\n".join(
    f"On the {DAYS[k % 7]} of week {k + 1} the press made {k + 3} cups of {BEANS[k % 6]} coffee, ground at setting "
    f"{k % 9 + 10} and steeped for {k % 4 + 3} minutes; the tasters scored it {k % 5 + 5} out of ten and wrote down "
    f"how much sediment reached cup {k % 3 + 1}, which of them preferred it to press {k + 2}, and why the "
    f"{BEANS[(k + 2) % 6]} beans of the week before had tasted {['sharper', 'rounder', 'flatter'][k % 3]}."
    for k in range(60)) + "\n"
BOOK = SMALL_BOOK.replace("title: Chapter One", "title: {title}") + "{extra}"


@pytest.mark.parametrize("title, head", [
    (LONG, "To find the five best French presses"),  # the last clause boundary inside the limit
    ("Stalinism in Russia: the rise of a new ruling class", None),  # fits: the title itself
    ("Plumbers are training as substitute teachers so full time teachers can protest a bill",
     "Plumbers are training as substitute teachers so full time…"),  # no boundary: whole words and an ellipsis
    ("Stalin: fifty years after the death of a tyrant who ruled the Soviet Union for three decades",
     "Stalin: fifty years after the death of a tyrant who ruled…"),  # "Stalin" alone would say too little
])
def test_a_title_too_long_for_one_line_is_cut_at_a_clause_or_a_word(title, head):
    assert short_running_head(title) == head
    assert head is None or len(head) <= RUNNING_HEAD_MAX + 1


def test_book_yaml_allows_the_editors_a_head_as_long_as_the_cut_one_and_no_longer():
    schema = json.loads((ROOT / "pipeline" / "editorial" / "schemas" / "book.schema.json").read_text())
    chapter = schema["$defs"]["chapter"]["properties"]["running_head"]
    assert chapter["maxLength"] == RUNNING_HEAD_MAX


def _made(tmp_path, extra: str = ""):
    root = make_project(tmp_path, {"one.txt": SEED}, BOOK.format(title=f'"{LONG}"', extra=extra))
    return root, build_book(load_editorial(root))


def test_the_cut_title_heads_the_pages_and_check_says_so_until_the_editors_give_their_own(tmp_path):
    _root, made = _made(tmp_path / "cut")
    chapter = made.book.chapters[0]
    assert chapter.running_head == "To find the five best French presses"
    [warning] = [w for w in made.warnings if "running_head" in (w.hint or "")]
    assert "'To find the five best French presses'" in warning.message and warning.line == 7
    html = render_chapter(chapter, made.book, Edition(EPUB, {"endnotes": "endnotes.xhtml"}))
    assert 'data-running-head="To find the five best French presses"' in html
    _root, made = _made(tmp_path / "given", "    running_head: Five French presses tested\n")
    assert made.book.chapters[0].running_head == "Five French presses tested"
    assert not [w for w in made.warnings if "running_head" in (w.hint or "")]


def test_the_print_editions_right_hand_pages_carry_the_short_head_on_one_line(tmp_path):
    root, _made_book = _made(tmp_path, "    running_head: Five French presses tested\n")
    build(BuildOptions(project=root, out=root / "out", epub=False, report=False, jobs=1))
    [pdf] = (root / "out").glob("*.pdf")
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    heads = [text for text in pages if "Five French presses tested" in text]
    assert len(heads) >= 2, pages[:4]
    assert not any("drank far too much" in text for text in pages[1:] if "Five French presses" in text)
