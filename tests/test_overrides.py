"""Editors' cleaning overrides: keep, drop, heading, quotation, paragraph — by quoting a line's start."""

from __future__ import annotations

from conftest import SMALL_BOOK, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
from pipeline.model import BlockKind

LONG = ("The revolution of 1917 was followed by a long civil war that left the economy in ruins and the "
        "working class scattered across the countryside in search of food and work.")
SEED = "\n\n".join([
    "A Title for the Page",
    LONG,
    "Latest articles",                      # a teaser label: the cleaner drops it and what follows
    "Solidarity forever, as the old song has it, and so it proved for the strikers.",
])


def _chapter(tmp_path, cleaning: str):
    book = SMALL_BOOK + "    cleaning:\n" + cleaning
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED + "\n\n" + LONG.replace("1917", "1905")
                                                             + "\n\nA short line\n\n" + LONG.replace("1917", "1921")},
                                                 book)))
    return made.book.chapters[0].article, made.cleaned["one"]


def test_without_overrides_the_cleaner_decides(tmp_path):
    article, result = _chapter(tmp_path, "      keep: []\n")
    texts = [b.text for b in article.blocks]
    assert "Latest articles" not in texts


def test_keep_drop_heading_quotation_and_paragraph(tmp_path):
    article, result = _chapter(tmp_path, "\n".join([
        "      keep: [\"Latest articles\", \"Solidarity forever\"]",
        "      drop: [\"The revolution of 1905\"]",
        "      heading: [\"Solidarity forever\"]",
        "      quotation: [\"The revolution of 1921\"]",
        "      paragraph: [\"A short line\"]", ""]))
    kinds = {b.text[:22]: b.kind for b in article.blocks}
    assert "Latest articles" in kinds  # kept (and, heading a paragraph, set as a heading)
    assert kinds["Solidarity forever, as"] is BlockKind.HEADING
    assert kinds["The revolution of 1921"] is BlockKind.QUOTATION
    assert kinds["A short line"] is BlockKind.PARAGRAPH
    assert not any(t.startswith("The revolution of 1905") for t in kinds)
    rules = {e.rule for e in result.events}
    assert {"editor-keep", "editor-drop", "editor-heading", "editor-quote"} <= rules
