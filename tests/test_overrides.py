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


def test_a_part_title_heads_the_sections_after_it_numbered_from_two_under_the_chapter_title(tmp_path):
    from pipeline.render.markdown import article_markdown
    from pipeline.render.xhtml import EPUB, Edition, chapter_sections, render_chapter
    cleaning = "      part: [\"A short line\"]\n      heading: [\"Solidarity forever\"]\n"
    book = SMALL_BOOK + "    cleaning:\n" + cleaning
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED + "\n\nA short line\n\n" + LONG},
                                                 book)))
    chapter = made.book.chapters[0]
    levels = [(b.text[:12], b.level) for b in chapter.article.blocks if b.kind is BlockKind.HEADING]
    assert levels == [("Solidarity f", 1), ("A short line", 0)]
    assert "editor-part" in {e.rule for e in made.cleaned["one"].events}
    html = render_chapter(chapter, made.book, Edition(EPUB))
    assert ('<section id="chapter-1-section-2" class="section part">\n<p class="part-number">Part two</p>\n'
            '<h3 id="chapter-1-section-2-heading" class="part-title" data-part="Part two">A short line</h3>') in html
    assert html.count('<section id="chapter-1-section-') == 2 and html.count("</section>") == 3
    assert [t for _sid, t in chapter_sections(chapter)] == ["Solidarity forever, as the old song has it, and so it "
                                                            "proved for the strikers.", "Part two: A short line"]
    assert "\n## A short line\n" in article_markdown(chapter.article), "Markdown has no level above a section"


def test_parts_are_numbered_in_words_and_the_first_is_one_where_nothing_stands_before_it():
    from pipeline.model import Block, Text
    from pipeline.render.xhtml import part_name, part_numbers
    part, text = Block(BlockKind.HEADING, [Text("P")], level=0), Block(BlockKind.PARAGRAPH, [Text("x")])
    assert part_numbers([part, text, part, text]) == {0: 1, 2: 2}
    assert part_numbers([text, part, text]) == {1: 2}
    assert [part_name(n) for n in (1, 3, 12, 13)] == ["Part one", "Part three", "Part twelve", "Part 13"]
