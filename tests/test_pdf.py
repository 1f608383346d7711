"""The print edition: fonts, outline, metadata, tagging, page numbers, security, reproducibility."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.render import ids


@pytest.fixture(scope="module")
def reader(pdf_path):
    return PdfReader(pdf_path)


def _fonts(reader):
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor", {})
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def test_only_the_shipped_fonts_are_used_and_all_are_embedded(reader):
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    for name in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+Charis-SIL(-Bold)?(-Italic)?", name), f"a system font crept in: {name}"


def test_every_chapter_and_section_has_a_bookmark(reader, built):
    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title
    outline = list(walk(reader.outline))
    titles = [t for _, t in outline]
    from pipeline.render.outline import chapter_outline
    for chapter in built.made.book.chapters:
        assert chapter.title in titles
        expected = [(1, e.title, [(2, c.title) for c in e.children]) for e in chapter_outline(chapter)]
        at = titles.index(chapter.title)
        got = outline[at + 1:at + 1 + sum(1 + len(c) for _d, _t, c in expected)]
        assert got == [x for d, t, c in expected for x in [(d, t), *c]], chapter.title  # parts over their sections
    assert (1, "Part three: Stalin and the Second World War") in outline
    assert ("Stalin and Stalinism" not in titles) or titles.count("Stalin and Stalinism") <= 1
    assert {d for d, _ in outline} == {0, 1, 2}


def test_document_metadata_and_tagging(reader, built):
    meta = built.made.book.meta
    info = reader.metadata
    assert info["/Title"] == meta.title
    assert info["/Author"].startswith("The Reader Pipeline editors, ")
    assert info["/Subject"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == meta.language
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    assert info["/CreationDate"].startswith(f"D:{meta.date.replace('-', '')}")


def test_contents_page_numbers_are_the_pages_where_chapters_start(built, pdf_text):
    result = built.pdf
    contents = next(text for text in pdf_text if "Contents" in text and "Sources" in text)
    flat = " ".join(contents.split())
    for chapter in built.made.book.chapters:
        anchor = ids.chapter_id(chapter)
        label = result.labels[anchor]
        page = pdf_text[result.physical[anchor] - 1]
        assert " ".join(chapter.title.split()) in " ".join(page.split()), f"{chapter.title} not on its page"
        assert re.search(rf"{re.escape(chapter.title)}[ .]*{label}\b", flat), f"contents: {chapter.title} {label}"
        assert result.physical[anchor] % 2 == 1, "a chapter opens on a right-hand (odd) page"


def test_folios_are_roman_in_front_and_arabic_in_the_body(built, pdf_text):
    first_chapter = built.pdf.physical[ids.chapter_id(built.made.book.chapters[0])]
    introduction = next(i for i, t in enumerate(pdf_text) if t.strip().startswith("Introduction"))
    assert re.search(r"\b[ivx]+\s*$", pdf_text[introduction + 1].strip())
    second = pdf_text[first_chapter].strip()  # the page after the first chapter's opening
    assert re.search(r"\b2\s*$", second) or re.match(r"2\b", second)


def test_openings_carry_no_folio_and_the_pages_after_them_do(built, pdf_text):
    """Like a chapter's first page, the contents' and the introduction's have no folio (the contents' had
    "v", the only opening with one); the introduction's second has a roman one. So have the back matter's."""
    def folio(page: str) -> str | None:
        last = page.strip().splitlines()[-1].strip()
        return last if re.fullmatch(r"[ivxl]+|\d+", last) else None

    contents = next(i for i, t in enumerate(pdf_text) if t.strip().startswith("Contents"))
    assert folio(pdf_text[contents]) is None and built.pdf.labels  # the page is still numbered, in the EPUB's list
    for part in ("glossary", "colophon"):
        assert folio(pdf_text[built.pdf.physical[part] - 1]) is None, part
    opening = next(i for i, t in enumerate(pdf_text) if t.strip().startswith("Introduction"))
    assert folio(pdf_text[opening]) is None
    assert re.fullmatch(r"[ivxl]+", folio(pdf_text[opening + 1]) or "")
    for chapter in built.made.book.chapters:
        first = built.pdf.physical[ids.chapter_id(chapter)] - 1
        assert folio(pdf_text[first]) is None, chapter.title
        assert folio(pdf_text[first + 1]) == str(int(built.pdf.labels[ids.chapter_id(chapter)]) + 1)


def test_the_pdf_embeds_no_files_and_no_javascript(pdf_path):
    data = Path(pdf_path).read_bytes()
    assert b"/EmbeddedFiles" not in data and b"/JavaScript" not in data and b"/URI (file:" not in data


def test_page_labels_name_pages_as_their_folios(reader, built, pdf_text):
    """A viewer's page box shows the printed folio: roman in the front matter, arabic after."""
    labels = reader.page_labels
    first_chapter = built.pdf.physical[ids.chapter_id(built.made.book.chapters[0])] - 1
    assert labels[:3] == ["i", "ii", "iii"] and labels[first_chapter] == "1"
    assert all(re.fullmatch(r"[ivxl]+", label) for label in labels[:first_chapter])
    checked = 0
    for index in range(first_chapter, len(pdf_text)):
        lines = pdf_text[index].strip().splitlines()
        if lines and re.fullmatch(r"\d+", lines[-1].strip()):
            assert lines[-1].strip() == labels[index], f"page {index + 1}"
            checked += 1
    assert checked > 100
