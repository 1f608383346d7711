"""A chapter laid out again with a few paragraphs changed (weasy/relayout.py): the pages before the
change are kept, and the layout is the one a full render of the changed chapter gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.build import BuildOptions, prepare
from pipeline.render.xhtml import PRINT, Edition, render_chapter, text_key
from pipeline.writers.pdf import weasy
from pipeline.writers.pdf.weasy import line_ends
from conftest import ROOT

pytestmark = pytest.mark.skipif(not weasy.verified(), reason="the fast path targets WeasyPrint 70")


@pytest.fixture(scope="module")
def laid_out():
    """The reader's first chapter laid out, and the writer (its session open) that did it."""
    from pipeline.writers.pdf.fast import FastPdfWriter

    _, made = prepare(BuildOptions(ROOT))
    writer = FastPdfWriter(made.book, ROOT / "styles")
    with writer.session():
        body = render_chapter(made.book.chapters[0], made.book, Edition(PRINT))
        yield writer, body, writer.render_document(body, first_page=1)


def _page_lines(document) -> list[list[tuple]]:
    """Every page's lines (body, notes and margin boxes): their text, where they sit, and their
    letter spacing."""
    found = []
    for page in document.pages:
        found.append([(line_ends._text(line), round(line.position_x, 3), round(line.position_y, 3),
                       str(line.children[0].style["letter_spacing"]) if line.children else None)
                      for line in line_ends._lines(page._page_box)])
    return found


def _paragraph_from(document, page: int):
    """A paragraph of four lines or more that starts on `page`, and its text_key."""
    paragraph = next(p for p in line_ends.paragraphs(document)
                     if p.lines and p.lines[0].page == page and len(p.lines) >= 4)
    return text_key(paragraph.text)


def _change(base, key: str, change: str) -> dict:
    """render_document's options for one paragraph set looser, or with its long words kept whole."""
    if change == "loose":
        return {"loose": frozenset({key})}
    return {"unbroken": {key: frozenset(w for p in line_ends.paragraphs(base) if text_key(p.text) == key
                                        for w in p.text.replace("\u00ad", "").split() if len(w) >= 8)}}


@pytest.mark.parametrize("change", ["loose", "unbroken"])
def test_a_changed_paragraph_gives_the_full_layout_and_keeps_the_pages_before_it(laid_out, change):
    writer, body, base = laid_out
    key = _paragraph_from(base, 3)
    options = _change(base, key, change)

    resumed = writer.render_document(body, first_page=1, base=base, changed=frozenset({key}), **options)
    whole = writer.render_document(body, first_page=1, **options)

    assert _page_lines(resumed) == _page_lines(whole)
    assert _page_lines(resumed) != _page_lines(base)
    for number in range(3):  # the pages before the change are the earlier layout's own boxes
        kept, earlier = resumed.pages[number]._page_box, base.pages[number]._page_box
        assert kept.children[0].children == earlier.children[0].children
    assert resumed.pages[3]._page_box.children[0].children[0] is not base.pages[3]._page_box.children[0].children[0]


def test_a_paragraph_split_over_a_kept_and_a_remade_page_is_one_paragraph(laid_out):
    writer, body, base = laid_out
    key = _paragraph_from(base, 3)
    resumed = writer.render_document(body, first_page=1, loose=frozenset({key}), base=base,
                                     changed=frozenset({key}))
    whole = writer.render_document(body, first_page=1, loose=frozenset({key}))
    assert [(p.text, [(line.text, line.page) for line in p.lines]) for p in line_ends.paragraphs(resumed)] == \
        [(p.text, [(line.text, line.page) for line in p.lines]) for p in line_ends.paragraphs(whole)]


def test_a_change_on_the_first_page_is_made_again_from_it(laid_out):
    writer, body, base = laid_out
    key = _paragraph_from(base, 0)
    resumed = writer.render_document(body, first_page=1, loose=frozenset({key}), base=base,
                                     changed=frozenset({key}))
    assert resumed.pages[0]._page_box.children[0].children[0] is not base.pages[0]._page_box.children[0].children[0]
    assert _page_lines(resumed) == _page_lines(writer.render_document(body, first_page=1, loose=frozenset({key})))
    # back in step before the end: the last page is the earlier layout's own
    assert resumed.pages[-1]._page_box.children[0].children == base.pages[-1]._page_box.children[0].children


def _styles(document) -> list[tuple]:
    """Every element's computed styles and its pseudo-elements', in document order, as text."""
    from weasyprint.css.properties import INITIAL_VALUES

    styles = document.reader_styles._computed_styles
    order = {element: k for k, element in enumerate(document.reader_html.etree_element.iter())}
    return sorted((order[element], pseudo_type or "", tuple(str(style[name]) for name in INITIAL_VALUES))
                  for (element, pseudo_type), style in styles.items() if element in order)


@pytest.mark.parametrize("change", ["loose", "tight", "unbroken"])
def test_a_changed_paragraph_is_styled_from_the_earlier_layout_as_a_full_styling_would(laid_out, change):
    from pipeline.writers.pdf.weasy import restyle

    writer, body, base = laid_out
    keys = frozenset({_paragraph_from(base, 2), _paragraph_from(base, 4)})
    options = {change: keys} if change != "unbroken" else \
        {"unbroken": {key: frozenset(w for p in line_ends.paragraphs(base) if text_key(p.text) == key
                                     for w in p.text.replace("\u00ad", "").split() if len(w) >= 8) for key in keys}}
    reused = restyle.counts["reused"]
    resumed = writer.render_document(body, first_page=1, base=base, changed=keys, **options)
    assert restyle.counts["reused"] == reused + 1
    whole = writer.render_document(body, first_page=1, **options)
    assert restyle.counts["reused"] == reused + 1
    assert _styles(resumed) == _styles(whole)
    if change != "unbroken":
        assert _styles(resumed) != _styles(base)


def test_a_class_that_siblings_or_parents_look_at_is_styled_whole():
    from weasyprint import CSS

    from pipeline.writers.pdf.weasy import restyle

    def sheets(css):
        return [(CSS(string=css), "author", None)]

    assert restyle._classes_local({"loose"}, sheets(".loose { word-spacing: 1px } .loose em { color: red }"))
    assert not restyle._classes_local({"loose"}, sheets(".loose + p { color: red }"))
    assert not restyle._classes_local({"loose"}, sheets(".loose ~ p { color: red }"))
    assert not restyle._classes_local({"loose"}, sheets("p:has(.loose) { color: red }"))
    assert restyle._classes_local({"tight"}, sheets(".loose + p { color: red }"))


def _tree(html) -> list[tuple]:
    return [(e.tag, dict(e.attrib), e.text, e.tail) for e in html.etree_element.iter()]


def _source(writer, body, **options) -> str:
    from pipeline.writers.pdf.hyphenation import hyphenate

    return writer._html(hyphenate(body, writer.hyphenator, **options))


@pytest.mark.parametrize("change", ["loose", "unbroken"])
def test_a_changed_paragraph_is_parsed_from_the_earlier_tree_as_a_whole_parse_would(laid_out, change):
    from weasyprint import HTML

    from pipeline.writers.pdf.weasy import reparse

    writer, body, base = laid_out
    key = _paragraph_from(base, 3)
    options = _change(base, key, change)
    source = _source(writer, body, **options)
    base_url = str(writer.styles) + os.sep
    edited = reparse.edited(base.reader_html, source, base_url, writer.fetcher)
    assert edited is not None
    whole = HTML(string=source, base_url=base_url, url_fetcher=writer.fetcher)
    assert _tree(edited) == _tree(whole)
    assert _tree(edited) != _tree(base.reader_html)
    assert (edited.base_url, edited.media_type, edited.url_fetcher) == \
        (whole.base_url, whole.media_type, writer.fetcher)


def test_a_source_changed_otherwise_is_parsed_whole(laid_out):
    from pipeline.writers.pdf.weasy import reparse

    writer, body, base = laid_out
    earlier = base.reader_html
    source, base_url = earlier.reader_source, str(writer.styles) + os.sep
    assert reparse.edited(earlier, source, base_url, writer.fetcher) is not None
    assert reparse.edited(earlier, source, "elsewhere/", writer.fetcher) is None
    head, _, rest = source.partition("</h2>")
    assert reparse.edited(earlier, head + "</h2><p>A paragraph more.</p>" + rest, base_url, writer.fetcher) is None
    word = next(w for w in rest.split() if w.isalpha() and len(w) > 6)
    assert reparse.edited(earlier, source.replace(word, "&amp;" + word, 1), base_url, writer.fetcher) is None
    assert reparse.edited(earlier, source.replace("<section", '<section hidden=""', 1), base_url, writer.fetcher) \
        is not None  # an attribute added: read from the tag alone


def test_a_chapter_is_laid_out_with_fewer_garbage_collections_and_the_thresholds_are_restored(monkeypatch):
    import gc

    from pipeline.writers.pdf import fast
    from pipeline.writers.pdf.writer import PdfWriter

    seen = []
    monkeypatch.setattr(PdfWriter, "lay_out_chapter", lambda self, chapter, page: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    fast.FastPdfWriter.lay_out_chapter(fast.FastPdfWriter.__new__(fast.FastPdfWriter), None, 1)
    assert seen == [fast.COLLECTION_THRESHOLDS] and gc.get_threshold() == before


def _backgrounds(document) -> list[list[str]]:
    """Every page's canvas and box backgrounds: their colour and layers (where they are painted)."""
    def drawn(background):
        return background and str((background.color, background.layers))
    return [[drawn(page._page_box.canvas_background)] +
            [drawn(box.background) for box in page._page_box.descendants()] for page in document.pages]


def test_a_kept_page_keeps_the_backgrounds_a_full_layout_gives(laid_out):
    writer, body, _ = laid_out
    css = "html { background: #fffff0 } p { background-color: #eeeeee } .footnote { background: #ddeeff }"
    base = writer.render_document(body, first_page=1, extra_css=css)
    key = _paragraph_from(base, 3)
    resumed = writer.render_document(body, first_page=1, extra_css=css, loose=frozenset({key}), base=base,
                                     changed=frozenset({key}))
    whole = writer.render_document(body, first_page=1, extra_css=css, loose=frozenset({key}))
    assert resumed.pages[0]._page_box.children[0].children == base.pages[0]._page_box.children[0].children
    assert _backgrounds(resumed) == _backgrounds(whole)
    assert "0.9333" in str(_backgrounds(whole)[0])  # the paragraphs' own
