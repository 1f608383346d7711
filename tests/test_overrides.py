"""Editors' cleaning overrides: keep, drop, heading, quotation, paragraph — by quoting a line's start."""

from __future__ import annotations

import re

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


def test_parts_hold_their_sections_and_the_text_before_the_first_title_is_part_one(tmp_path):
    from pipeline.render.markdown import article_markdown
    from pipeline.render.outline import chapter_outline
    from pipeline.render.xhtml import EPUB, Edition, render_chapter
    cleaning = "      part: [\"A short line\"]\n      heading: [\"Solidarity forever\", \"A Later Section\"]\n"
    book = SMALL_BOOK + "    cleaning:\n" + cleaning
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED + "\n\nA short line\n\n" + LONG
                                                             + "\n\nA Later Section\n\n" + LONG}, book)))
    chapter = made.book.chapters[0]
    levels = [(b.text[:12], b.level) for b in chapter.article.blocks if b.kind is BlockKind.HEADING]
    assert levels == [("Solidarity f", 1), ("A short line", 0), ("A Later Sect", 1)]
    assert "editor-part" in {e.rule for e in made.cleaned["one"].events}
    html = render_chapter(chapter, made.book, Edition(EPUB))
    body = html[html.index("</header>"):]
    # part one (untitled) holds the opening text and the first section; part two its title and the next
    assert re.findall(r'<section id="([^"]+)"|</section>', body) == [
        "chapter-1-part-1", "chapter-1-section-1", "", "", "chapter-1-part-2", "chapter-1-section-2", "", "", ""]
    assert ('<h3 id="chapter-1-part-1-heading" class="part-title" data-label="Part one">'
            '<span class="part-number">Part one</span></h3>') in body
    assert ('<h3 id="chapter-1-part-2-heading" class="part-title" data-label="Part two: A short line">'
            '<span class="part-number">Part two</span><span class="part-colon">: </span>'
            '<span class="part-name">A short line</span></h3>') in body
    assert '<h4 id="chapter-1-section-2-heading">A Later Section</h4>' in body, "a section inside a part is an h4"
    outline = chapter_outline(chapter)
    assert [(e.title, [c.title[:11] for c in e.children]) for e in outline] == [
        ("Part one", ["Solidarity "]), ("Part two: A short line", ["A Later Sec"])]
    assert [e.id for part in outline for e in (part, *part.children)] == ["chapter-1-part-1", "chapter-1-section-1", "chapter-1-part-2",
                                            "chapter-1-section-2"]
    assert "\n## A short line\n" in article_markdown(chapter.article), "Markdown has no level above a section"


def test_parts_are_numbered_in_words_and_the_first_is_one_where_nothing_stands_before_it():
    from pipeline.model import Block, Text
    from pipeline.render.outline import part_label, part_name, part_numbers
    part, text = Block(BlockKind.HEADING, [Text("P")], level=0), Block(BlockKind.PARAGRAPH, [Text("x")])
    assert part_numbers([part, text, part, text]) == {0: 1, 2: 2}
    assert part_numbers([text, part, text]) == {1: 2}
    assert part_numbers([text, text]) == {}
    assert [part_name(n) for n in (1, 3, 12, 13)] == ["Part one", "Part three", "Part twelve", "Part 13"]
    assert part_label(2, "Title") == "Part two: Title" and part_label(1, None) == "Part one"


def test_a_chapter_without_parts_keeps_its_sections_at_h3(tmp_path):
    from pipeline.render.xhtml import EPUB, Edition, render_chapter
    book = SMALL_BOOK + "    cleaning:\n      heading: [\"Solidarity forever\"]\n"
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED}, book)))
    html = render_chapter(made.book.chapters[0], made.book, Edition(EPUB))
    assert '<section id="chapter-1-section-1" class="section">\n<h3 id="chapter-1-section-1-heading">' in html
    assert "part" not in html
