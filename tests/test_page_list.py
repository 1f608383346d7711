"""One page numbering for both editions: the EPUB's page breaks and page list follow the PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from conftest import SMALL_BOOK, XHTML_NS, make_project
from page_words import epub_markers, pdf_pages, same_start
from pipeline.__main__ import main
from pipeline.render.xhtml import PRINT_PAGES_NOTE
from pipeline.writers.epub_pages import page_list_nav, place_markers
from pipeline.writers.page_list import PageStart, joined_lines

OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


# ------------------------------------------------------------- the real reader

def test_every_pdf_page_with_text_has_its_marker_and_begins_with_the_same_words(built, epub_path, pdf_path):
    printed = pdf_pages(pdf_path)
    marked = epub_markers(epub_path)
    assert len(printed) >= 150
    assert sorted(marked) == sorted(label for label, _ in printed), "one marker per PDF page that carries text"
    wrong = [(label, words[:8], marked[label][1][:8]) for label, words in printed
             if not same_start(label, words, marked[label][1])]
    assert wrong == []


def test_the_page_list_lists_every_marker_in_order(built, epub_documents, pdf_path):
    nav = epub_documents["EPUB/text/toc.xhtml"].find(".//x:nav[@epub:type='page-list']", XHTML_NS)
    assert nav is not None and nav.get("role") == "doc-pagelist" and nav.get("hidden") == "hidden"
    links = nav.findall(".//x:a", XHTML_NS)
    assert [a.text for a in links] == [label for label, _ in pdf_pages(pdf_path)]
    assert links[0].text == "i" and links[-1].text.isdigit()
    for a in links:
        file, anchor = a.get("href").split("#")
        marker = epub_documents[f"EPUB/text/{file}"].find(f".//*[@id='{anchor}']")
        assert marker.get(EPUB_TYPE) == "pagebreak" and marker.get("role") == "doc-pagebreak"
        assert marker.get("aria-label") == a.text and anchor == f"page-{a.text}"
        assert len(marker) == 0 and not (marker.text or "").strip(), "an empty marker"


def test_no_marker_splits_a_word_or_stands_in_a_link_or_a_navigation_list(epub_path):
    for label, (name, after, marker) in epub_markers(epub_path).items():
        ancestors = [e.tag for e in marker.iterancestors()]
        assert "{http://www.w3.org/1999/xhtml}a" not in ancestors, label
        assert "{http://www.w3.org/1999/xhtml}ol" not in ancestors, label
        previous = marker.getprevious()
        before = (previous.tail if previous is not None else marker.getparent().text) or ""
        following = marker.tail or ""
        assert not (before[-1:].isalnum() and following[:1].isalnum()), (label, before[-20:], following[:20])


def test_the_package_says_where_its_page_numbers_come_from(opf, built):
    features = [m.text for m in opf.iterfind(".//opf:meta[@property='schema:accessibilityFeature']", OPF)]
    assert {"pageBreakMarkers", "printPageNumbers", "pageNavigation", "index"} <= set(features)
    source = opf.find(".//dc:source", OPF)
    assert "print edition" in source.text and built.made.book.meta.title in source.text
    refines = opf.find(f".//opf:meta[@refines='#{source.get('id')}']", OPF)
    assert refines.get("property") == "source-of" and refines.text == "pagination"
    assert opf.find(".//opf:meta[@property='pageBreakSource']", OPF).text == source.text


@pytest.fixture(scope="module")
def opf(epub_files):
    name = next(n for n in epub_files if n.endswith(".opf"))
    return etree.fromstring(epub_files[name])


# ------------------------------------------------------------- placing markers

def _place(fragment: str, *starts: PageStart):
    bodies, placed, missed = place_markers([fragment], list(starts))
    return bodies[0], [p.label for p in placed], missed


def test_a_page_that_begins_half_way_through_a_word_is_marked_before_the_word():
    body, placed, _ = _place("<p>the struggle against Bolshevism at birth and so on</p>",
                             PageStart("12", "ism at birth and so on"))
    assert placed == ["12"]
    assert "against <span" in body and '/>Bolshevism at birth' in body


def test_a_marker_goes_before_a_link_or_a_note_call_never_inside():
    fragment = ('<p>text <a href="#g" class="glossterm">Left Opposition</a> and more'
                '<a href="#n1" class="noteref">12</a> words follow here</p>')
    body, _, _ = _place(fragment, PageStart("3", "Opposition and more words follow here"))
    assert re.search(r'text <span [^>]*id="page-3"[^>]*/><a href="#g"', body), body
    body, _, _ = _place(fragment, PageStart("4", "words follow here"))
    assert re.search(r'</a> <span [^>]*id="page-4"[^>]*/>words follow', body), body


def test_a_marker_in_the_navigation_lists_goes_before_the_navigation():
    fragment = ('<nav epub:type="toc"><h2>Contents</h2><ol><li><a href="a.xhtml">Introduction</a></li>'
                '<li><a href="b.xhtml">Chapter one</a></li></ol></nav>')
    body, placed, _ = _place(fragment, PageStart("v", "Introduction vii Chapter one 1"))
    assert placed == ["v"] and body.startswith('<span') and 'id="page-v"' in body.split("<nav")[0]


def test_pages_at_one_place_keep_their_order_and_words_not_found_are_reported():
    body, placed, missed = _place("<h1>Stalin and Stalinism</h1><p>Five Socialist Readings</p>",
                                  PageStart("i", "Stalin and Stalinism"),
                                  PageStart("iii", "Stalin and Stalinism Five Socialist Readings"),
                                  PageStart("iv", "Nowhere in the text"))
    assert placed == ["i", "iii"] and missed == ["iv"]
    assert body.index('id="page-i"') < body.index('id="page-iii"') < body.index("Stalin")


def test_a_page_that_begins_in_a_footnote_is_marked_in_its_endnote_and_the_text_goes_on():
    chapter = "<p>First page words here.</p><p>Third page words come after the note.</p>"
    notes = '<div id="chapter-1-note-3" role="listitem"><p><a href="#r">3.</a> A long note runs over here.</p></div>'
    bodies, placed, missed = place_markers([chapter, notes], [
        PageStart("5", "First page words here"), PageStart("6", "over here", ("chapter-1-note-3",)),
        PageStart("7", "Third page words come after the note")])
    assert missed == [] and [(p.label, p.doc) for p in placed] == [("5", 0), ("6", 1), ("7", 0)]
    assert re.search(r'runs <span [^>]*id="page-6"[^>]*/>over here', bodies[1])


def test_lines_are_joined_as_the_page_reads():
    assert joined_lines("Bolshev\u2010\nism at\nbirth of anti-\nSemitism") == "Bolshevism at birth of anti-Semitism"


def test_the_page_list_nav_is_hidden_and_labelled():
    nav = page_list_nav([("chapter-1.xhtml#page-1", "1")])
    assert 'epub:type="page-list"' in nav and 'role="doc-pagelist"' in nav and 'hidden="hidden"' in nav
    assert '<a href="chapter-1.xhtml#page-1">1</a>' in nav


# ------------------------------------------------------------- an EPUB-only build

PROSE = ("The revolution of 1917 was followed by a long civil war that left the economy in ruins and "
         "the working class scattered across the countryside in search of food.\n\n")


def _imprint(epub: Path) -> str:
    """The e-book's copyright page, which its title page's document holds, as text."""
    with zipfile.ZipFile(epub) as archive:
        return "".join(etree.fromstring(archive.read("EPUB/text/titlepage.xhtml")).itertext())


def test_an_epub_only_build_takes_the_last_layouts_pages_while_they_hold(tmp_path, capsys):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE * 40}, SMALL_BOOK)
    out = project / "out"
    assert main(["build", "--epub", "--no-report", "--project", str(project)]) == 0
    assert not epub_markers(out / "a-small-book.epub")  # no PDF laid out yet
    assert "made without the print edition's page list" in capsys.readouterr().out
    assert PRINT_PAGES_NOTE not in _imprint(out / "a-small-book.epub")  # its glossary and index name chapters

    assert main(["build", "--no-report", "-q", "--project", str(project)]) == 0
    full = epub_markers(out / "a-small-book.epub")
    assert sorted(full) == sorted(label for label, _ in pdf_pages(out / "a-small-book.pdf")) and len(full) >= 3
    assert PRINT_PAGES_NOTE in _imprint(out / "a-small-book.epub")  # whose pages the numbers are
    assert "page list" not in "".join(page.extract_text() for page in PdfReader(out / "a-small-book.pdf").pages)
    capsys.readouterr()
    assert main(["build", "--epub", "--no-report", "--project", str(project)]) == 0
    assert "page list" not in capsys.readouterr().out
    assert {k: v[1] for k, v in epub_markers(out / "a-small-book.epub").items()} == {k: v[1] for k, v in full.items()}

    css = project / "styles" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\np { line-height: 2; }\n", encoding="utf-8")
    assert main(["build", "--epub", "--no-report", "--project", str(project)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "page list" in line]
    assert len(lines) == 1 and "made without the print edition's page list" in lines[0]
    assert not epub_markers(out / "a-small-book.epub")


def test_a_pdf_only_build_says_when_the_epub_beside_it_gives_other_pages(tmp_path, capsys):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\n" + PROSE * 40}, SMALL_BOOK)
    assert main(["build", "--no-report", "-q", "--project", str(project)]) == 0
    capsys.readouterr()
    assert main(["build", "--pdf", "--no-report", "--project", str(project)]) == 0
    assert "is from an earlier build" not in capsys.readouterr().out  # the same pages: nothing to say

    css = project / "styles" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\np { line-height: 2; }\n", encoding="utf-8")
    assert main(["build", "--pdf", "--no-report", "--project", str(project)]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "is from an earlier build" in line]
    assert len(said) == 1 and "build --epub" in said[0]
    assert main(["build", "--epub", "--no-report", "--project", str(project)]) == 0
    markers = epub_markers(project / "out" / "a-small-book.epub")
    assert sorted(markers) == sorted(label for label, _ in pdf_pages(project / "out" / "a-small-book.pdf"))


def test_the_paged_epub_is_the_same_to_the_byte_each_time(built, epub_path):
    from conftest import ROOT
    from pipeline.writers.epub import build_epub
    from pipeline.writers.page_list import PageList
    pages = PageList(built.pdf.starts, built.pdf.labels)
    first = build_epub(built.made.book, ROOT / "styles", None, pages)
    assert first == build_epub(built.made.book, ROOT / "styles", None, pages)
    assert first == epub_path.read_bytes()
