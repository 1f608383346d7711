"""The house style on the real reader: one dash, one primary quotation mark, en-dash ranges,
titles of works in italics, one capitalisation, attributions, a title page on one axis."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from pypdf import PdfReader

from conftest import XHTML_NS, make_project, SMALL_BOOK
from pdf_lines import lines
from pipeline.editorial.apply import build_book
from pipeline.editorial.italics import italics_pattern
from pipeline.editorial.load import load_editorial
from pipeline.model import WEB_ADDRESS, Text
from pipeline.render import ids
from pipeline.render.xhtml import render_imprint
from pipeline.style import book_texts
from pipeline.style.capitals import Lexicon, sentence_case
from pipeline.style.quotes import DOUBLE, quotations
from pipeline.style.ranges import is_range

_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "dt", "dd")


def _paragraphs(epub_documents) -> dict[str, list[str]]:
    """Each document's block texts (every paragraph, item, heading), as a reader sees them."""
    out = {}
    for name, document in epub_documents.items():
        if name.endswith(("nav.xhtml", "cover.xhtml")):
            continue
        texts = []
        for element in document.iter(*(f"{{{XHTML_NS['x']}}}{tag}" for tag in _BLOCKS)):
            if element.find(".//x:p", XHTML_NS) is not None:
                continue  # a list item or definition that holds paragraphs: its paragraphs count
            texts.append("".join(element.itertext()))
        out[name] = texts
    return out


@pytest.fixture(scope="module")
def paragraphs(epub_documents):
    return _paragraphs(epub_documents)


def _all(paragraphs) -> list[str]:
    return [WEB_ADDRESS.sub("URL", t) for texts in paragraphs.values() for t in texts]


def test_no_compound_is_written_both_with_a_hyphen_and_with_an_en_dash(paragraphs):
    joined = re.compile(r"(?<![\w\-–])([^\W\d_]{2,})([-–])([^\W\d_]{2,})(?![\w\-–])")
    forms: dict[tuple[str, str], set[str]] = {}
    for text in _all(paragraphs):
        for match in joined.finditer(text):
            forms.setdefault((match.group(1), match.group(3)), set()).add(match.group(2))
    assert forms[("Hitler", "Stalin")] == {"–"}  # written "Hitler-Stalin Pact" in chapter 3
    assert {pair for pair, dashes in forms.items() if len(dashes) > 1} == set()


def test_one_dash_style_across_chapters_notes_glossary_and_front_matter(paragraphs):
    texts = _all(paragraphs)
    em = sum(t.count("—") for t in texts)
    spaced_en = sum(len(re.findall(r"\s–\s", t)) for t in texts)
    assert spaced_en > 200
    assert em <= 3, [t for t in texts if "—" in t][:5]
    # Only an attribution opens with a dash (and a no-break space: "–\u00a0Trotsky").
    assert not [t for t in texts if re.match(r"\s*[–—-][ \t\n]", t)], "a paragraph opens with a dash"


def test_one_primary_quotation_mark(paragraphs):
    outer = [q.kind for t in _all(paragraphs) for q in quotations(Text(t)) if q.depth == 0]
    assert len(outer) > 400
    assert outer.count(DOUBLE) / len(outer) > 0.98


def test_no_number_range_keeps_a_hyphen(paragraphs):
    pairs = re.compile(r"(?<![\w.,/:#+\-–])(\d{1,4})-(\d{1,4})(?![\w/\-–]|[.,]\d)")
    left = [m.group() for t in _all(paragraphs) for m in pairs.finditer(t) if is_range(m.group(1), m.group(2))]
    assert left == []
    assert sum(len(re.findall(r"\d–\d", t)) for t in _all(paragraphs)) > 80


def test_every_listed_title_is_italic_wherever_it_occurs(epub_documents, built):
    titles = [line for line in _italics(built)]
    pattern = italics_pattern(titles)
    roman = []
    for name, document in epub_documents.items():
        if document.find(".//x:nav", XHTML_NS) is not None:
            continue  # the navigation document: its labels are plain text, as reading systems show them
        body = document.find("x:body", XHTML_NS)
        for element in body.iter():
            for piece, italic in _pieces(element):
                if not italic:
                    roman += [(name, m.group()) for m in pattern.finditer(piece)]
    assert roman == []


def _italics(built) -> list[str]:
    from pipeline.editorial.load import load_editorial as load
    from conftest import ROOT
    return load(ROOT).italics


def _pieces(element):
    """(text, in italics?) of the text directly inside `element` and its tail pieces' parents' style."""
    italic = any(a.tag in (f"{{{XHTML_NS['x']}}}i", f"{{{XHTML_NS['x']}}}em", f"{{{XHTML_NS['x']}}}cite")
                 for a in [element, *element.iterancestors()])
    if element.text:
        yield element.text, italic
    for child in element:
        if child.tail:
            yield child.tail, italic


def test_the_five_chapter_titles_follow_one_capitalisation_rule(built):
    book = built.made.book
    lexicon = Lexicon.of(t.text for _, t in book_texts(book, headings=False))
    titles = [c.title for c in book.chapters]
    assert titles == ["Seventy years after Stalin’s death", "The rise of Stalin",
                      "Stalin: 50 years after the death of a tyrant",
                      "Stalinism in Russia: the rise of a new ruling class", "Stalinism’s long shadow"]
    assert all(sentence_case(t, lexicon) == t for t in titles)


def test_every_chapter_opening_and_contents_entry_has_an_attribution(epub_documents, built, pdf_text):
    book = built.made.book
    for chapter in book.chapters:
        anchor = ids.chapter_id(chapter)
        section = next(d for d in epub_documents.values()
                       if d.find(f".//x:section[@id='{anchor}']", XHTML_NS) is not None)
        head = section.find(f".//x:section[@id='{anchor}']/x:header", XHTML_NS)
        byline = head.find("x:p[@class='byline']", XHTML_NS)
        expected = chapter.author or chapter.publication or "Author unknown"
        assert byline is not None, f"chapter {chapter.number} opens without its byline"  # even where the
        assert "".join(byline.itertext()) == expected  # standfirst ends "…, writes Tom Orsag"
        if expected == "Author unknown":  # the editors' note, set apart from a name's small capitals
            assert byline.find("x:span[@class='unknown']", XHTML_NS) is not None
    contents = next(t for t in pdf_text if t.lstrip().startswith("Contents"))
    for chapter in book.chapters:
        assert (chapter.author or chapter.publication or "Author unknown") in contents


def test_the_epigraph_attribution_is_set_as_an_attribution(epub_documents):
    epigraphs = [e for d in epub_documents.values() for e in d.iterfind(".//x:blockquote[@class='epigraph']", XHTML_NS)]
    assert len(epigraphs) == 1
    source = epigraphs[0].find("x:p[@class='epigraph-source']", XHTML_NS)
    assert "".join(source.itertext()) == "–\u00a0Trotsky, The Stalin School of Falsification"
    quotation = "".join(epigraphs[0].find("x:p", XHTML_NS).itertext())
    assert quotation.startswith("The revolution explodes") and quotation.endswith("crowning of history.")


def test_the_title_page_is_set_on_one_axis(pdf_path):
    reader = PdfReader(pdf_path)
    page = next(p for p in reader.pages[:6] if "Five Socialist Readings" in (p.extract_text() or ""))
    centres = [(x0 + x1) / 2 for x0, x1 in lines(page).values()]
    assert len(centres) >= 4
    assert max(centres) - min(centres) <= 3


def test_the_copyright_page_prints_the_isbn_and_no_uuid(built, pdf_text, pdf_path):
    number, imprint = next((k, t) for k, t in enumerate(pdf_text[:6], 1) if "Published by" in t)
    assert "urn:uuid" not in imprint and "Identifier" not in imprint
    assert "Set in" not in imprint  # the sources page says it, once
    from print_finish import PrintedBook
    page = PrintedBook(pdf_path).pages[number - 1]
    assert abs(page.text_lines[-1].baseline - page.block_bottom) <= 1.5  # the notices stand at the page's foot
    assert built.made.book.meta.credit_line in " ".join(imprint.split())
    # what the glossary's page lists are, said where the asterisk is explained
    assert "glossary, which lists after each entry the pages where it is so marked" in " ".join(imprint.split())
    # where the texts came from, as the sources page says it (web pages, not "original publications"); the
    # reader's book.yaml gives no page's address, so the sources page lists none and it is not promised
    assert not any(chapter.url for chapter in built.made.book.chapters)
    assert "reproduced from their publishers’ web pages; the sources at the end of the book give what is " \
           "known of each" in " ".join(imprint.split())
    assert "listed among the sources" not in imprint


def test_an_isbn_and_a_credit_from_book_yaml(tmp_path):
    book = SMALL_BOOK.replace("editor: Test Editor\n", "editor: Test Editor\nisbn: 978-0-19-953744-3\n"
                                                       "credit: Selected and annotated by Jane Smith\n")
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": "A title\n\nSome text here.\n"}, book)))
    imprint = render_imprint(made.book)
    assert "ISBN 978-0-19-953744-3" in imprint and "Selected and annotated by Jane Smith" in imprint
    assert "urn:uuid" not in imprint


def test_the_copyright_page_points_to_the_sources_addresses_only_where_they_are_given(tmp_path):
    seeds = {"one.txt": "A title\n\nSome text here.\n"}
    book = SMALL_BOOK.replace("    title: Chapter One\n", "    title: Chapter One\n    url: https://example.org/one\n")
    with_urls = render_imprint(build_book(load_editorial(make_project(tmp_path / "a", seeds, book))).book)
    assert "reproduced from the web pages listed among the sources at the end of the book" in with_urls
    without = render_imprint(build_book(load_editorial(make_project(tmp_path / "b", seeds, SMALL_BOOK))).book)
    assert "listed among the sources" not in without and "their publishers’ web pages" in without


def test_the_report_lists_the_house_style_changes_per_rule(built):
    report = next(p for p in built.outputs if p.name == "cleaning-report.html").read_text(encoding="utf-8")
    section = report[report.index('<section id="house-style">'):]
    for rule in ("dashes", "ranges", "quotes", "capitals", "italics"):
        assert f"<code>{rule}</code>" in section
    counts = built.made.style_changes.by_rule()
    assert counts["dashes"] > 100 and counts["ranges"] > 30 and counts["quotes"] > 30
    assert "1925–27" in section or "69–70" in section


def test_a_letters_paragraphs_are_indented_as_the_texts_are(pdf_path):
    """Kamenev's letter in chapter 3: a short paragraph ("I could not reach you by phone.") never reads as the
    line before it run on."""
    from print_finish import PrintedBook
    page = next(p for p in PrintedBook(pdf_path).pages if any(line.text.startswith("Joseph,") for line in p.lines))
    salutation = next(line for line in page.lines if line.text.startswith("Joseph,"))
    short = next(line for line in page.lines if line.text.startswith("I could not reach you by phone"))
    assert 8 < short.x0 - salutation.x0 < 14  # 1.2em of the quotation's 9.4pt


def test_a_quotation_that_opens_a_section_sits_under_its_heading_as_a_paragraph_would(pdf_path):
    """"Stalin and the intellectuals" (chapter 4) opens on a quotation: one line's step under its heading, as a
    paragraph has, not a blank line more."""
    from print_finish import PrintedBook
    steps = {}
    for page in PrintedBook(pdf_path).pages:
        for heading, under in zip(page.lines, page.lines[1:]):
            if abs(heading.size - 10.5) < 0.1 and not heading.text.rstrip().endswith(".") and under.size < 9.6:
                steps[heading.text.strip()] = under.baseline - heading.baseline
    assert "Stalin and the intellectuals" in steps
    assert all(step < 15 for step in steps.values()), steps


def test_the_epigraph_is_set_ragged_in_the_ebook_too(epub_files):
    """A justified line of an epigraph's few words gapes on a reading system as in print."""
    import tinycss2
    css = epub_files["EPUB/css/shared.css"].decode("utf-8")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    aligned = {tinycss2.serialize(rule.prelude).strip(): declaration.value
               for rule in rules if rule.type == "qualified-rule"
               for declaration in tinycss2.parse_declaration_list(rule.content, True, True)
               if declaration.type == "declaration" and declaration.lower_name == "text-align"}
    assert tinycss2.serialize(aligned[".epigraph p"]).strip() == "left"
