"""Chapters laid out in helper processes: pages sent between processes, folios set after
layout, and a book that is the same to the byte however its chapters were shared out."""

from __future__ import annotations

import io
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from weasyprint import CSS, HTML
from weasyprint.formatting_structure import boxes
from weasyprint.text.ffi import ffi

from pipeline.build import BuildOptions, build, prepare
from pipeline import workers
from pipeline.workers import helpers
from pipeline.writers.pdf import paint_share, write_pdf
from pipeline.writers.pdf.chapter_share import ChapterShare
from pipeline.writers.pdf.fast import FastPdfWriter
from pipeline.writers.pdf.helper_tasks import share_chapters
from pipeline.writers.pdf.weasy import patches
from pipeline.writers.pdf.weasy.page_transfer import TransferError, dump_pages, load_pages, set_folios
from pipeline.writers.pdf.writer import print_stylesheets
from conftest import ROOT


@pytest.fixture(scope="module")
def book():
    return prepare(BuildOptions(ROOT))[1].book


@pytest.fixture(scope="module")
def writer(book) -> FastPdfWriter:
    return FastPdfWriter(book, ROOT / "styles")


def shortest(book):
    return min(book.chapters, key=lambda c: c.article.word_count())


def margins(pages) -> list[tuple]:
    """Every margin box's boxes, with their text and geometry."""
    return [(type(box).__name__, getattr(box, "text", None), round(box.position_x, 6), round(box.width, 6))
            for page in pages for margin in page._page_box.children if isinstance(margin, boxes.MarginBox)
            for box in margin.descendants()]


def pdf_bytes(document, pages) -> bytes:
    out = io.BytesIO()
    document.copy(pages).write_pdf(out, pdf_variant="pdf/ua-1")
    return out.getvalue()


@pytest.mark.parametrize("laid_out_from, first", [(1, 97), (9, 1), (95, 998)])
def test_folios_set_after_layout_are_those_of_a_layout_from_that_page(writer, book, laid_out_from, first):
    """More digits or fewer: the folio reads the new number, measured and aligned as WeasyPrint would."""
    with writer.session():
        moved, _ = writer.lay_out_chapter(shortest(book), laid_out_from)
        direct, _ = writer.lay_out_chapter(shortest(book), first)
        set_folios(moved, first, laid_out_from)
    assert margins(moved) == margins(direct)
    assert any(text == str(first + 1) for _, text, _, _ in margins(moved))


def test_pages_sent_to_another_process_draw_the_same_pdf(writer, book):
    with writer.session():
        pages, _ = writer.lay_out_chapter(shortest(book), 1)
        received = load_pages(dump_pages(pages), writer.fonts, writer.fetcher)
        document = writer.blank_document()
        assert pdf_bytes(document, received) == pdf_bytes(document, pages)


def test_a_page_holding_a_c_object_is_refused_not_sent_broken():
    with pytest.raises(TransferError, match="C object"):
        dump_pages([{"pointer": ffi.new("int *")}])


def test_font_configurations_and_fetchers_of_any_kind_are_sent_as_references(writer):
    from weasyprint.urls import URLFetcher

    class OwnFetcher(URLFetcher):
        pass

    sent = dump_pages([{"fonts": writer.fonts, "fetcher": writer.fetcher, "own": OwnFetcher()}])
    received_fonts, received_fetcher = object(), object()
    page, = load_pages(sent, received_fonts, received_fetcher)
    assert page["fonts"] is received_fonts
    assert page["fetcher"] is received_fetcher and page["own"] is received_fetcher


class _FailedHelpers:
    """Helpers that claimed the longest chapter, then died without sending it."""

    count = 1

    def __init__(self):
        self.claimed = 1

    def claim(self) -> int:
        self.claimed += 1
        return self.claimed - 1

    def sent(self, wait=None):
        return None

    def submit(self, fn, *args):
        raise BrokenProcessPool("the pool is broken")

    def close_claims(self):
        pass


def _small(book):
    """The reader's two shortest chapters, without glossary: quick to lay out."""
    return type(book)(book.meta, [c for c in book.chapters if c.article.word_count() < 3000], book.introduction,
                      [], book.colophon)


def test_chapters_a_helper_never_sent_are_laid_out_here(book, tmp_path):
    small = _small(book)
    failed: Future = Future()
    failed.set_exception(BrokenProcessPool("killed"))
    share = ChapterShare([0, 1], _FailedHelpers(), [failed])
    shared = write_pdf(small, ROOT / "styles", tmp_path / "shared.pdf", share=share)
    alone = write_pdf(small, ROOT / "styles", tmp_path / "alone.pdf")
    assert shared.beside == [] and shared.pages == alone.pages
    assert (tmp_path / "shared.pdf").read_bytes() == (tmp_path / "alone.pdf").read_bytes()


def test_the_default_build_is_the_same_pdf_as_one_laid_out_alone(tmp_path, built, pdf_path):
    alone = build(BuildOptions(project=ROOT, out=tmp_path, epub=False, report=False, jobs=1, cache_layout=False))
    assert alone.pdf.beside == []
    assert alone.outputs[0].read_bytes() == Path(pdf_path).read_bytes()


def test_chapters_a_helper_laid_out_make_the_same_pdf(book, tmp_path):
    """The helper claims every chapter (the main process waits for it before claiming any)."""
    small = _small(book)
    with helpers(1) as side:
        share = share_chapters(small, ROOT / "styles", side)
        wait(share.futures)
        shared = write_pdf(small, ROOT / "styles", tmp_path / "shared.pdf", share=share)
        share.close()
    alone = write_pdf(small, ROOT / "styles", tmp_path / "alone.pdf")
    assert shared.beside == [c.number for c in small.chapters] and alone.beside == []
    assert (tmp_path / "shared.pdf").read_bytes() == (tmp_path / "alone.pdf").read_bytes()


def test_pages_a_helper_painted_make_the_same_pdf(book, tmp_path, monkeypatch):
    """Every run of chapter pages is the helper's to paint (the writer claims none) and is
    replayed: the same bytes as painting here."""
    monkeypatch.setattr(workers.Helpers, "claim_first", lambda self, count: None)
    offered = []
    start = paint_share.PaintShare.start.__func__

    def recording_start(cls, *args):
        share = start(cls, *args)
        offered.extend(page for part in share.parts for page in part)
        return share

    monkeypatch.setattr(paint_share.PaintShare, "start", classmethod(recording_start))
    small = _small(book)
    with helpers(1) as side:
        share = share_chapters(small, ROOT / "styles", side)
        shared = write_pdf(small, ROOT / "styles", tmp_path / "shared.pdf", share=share)
        share.close()
    alone = write_pdf(small, ROOT / "styles", tmp_path / "alone.pdf")
    assert len(offered) > 10 and shared.painted_beside == len(offered)
    assert alone.painted_beside == 0
    assert (tmp_path / "shared.pdf").read_bytes() == (tmp_path / "alone.pdf").read_bytes()


def test_a_page_painting_needs_more_than_the_replay_carries_is_painted_here(writer):
    """Transparency groups (and images, patterns, shadings) are the main process's to paint."""
    def painted(style: str):
        with writer.session():
            pages = writer.render_document(f'<p style="{style}">Stalin</p>').pages
        return paint_share.paint_pages(paint_share.standing_pages(ROOT / "styles", print_stylesheets,
                                                                  dump_pages(pages), 1))

    plain, = painted("color: black")
    assert plain is not None and plain.operators and plain.fonts and plain.tags
    assert painted("opacity: 0.5") == [None]


class _PaintingHelpers:
    """Helpers that claimed every run of pages (and may send nothing)."""

    count = 1

    def claim_first(self, count):
        return None

    def sent(self, wait=None):
        return None


def _charis(styles, fetcher, fonts):
    font = (styles / "fonts" / "CharisSIL-Regular.ttf").as_uri()
    return [CSS(string=f'@font-face {{ font-family: C; src: url("{font}") }} body {{ font-family: C; font-size: 10pt }}',
                font_config=fonts)]


class _Replaying:
    """What replaying painted pages asks of a PaintShare: pages 2 onwards painted as one run."""

    def __init__(self, pages, painted):
        self.parts, self._painted = [pages], painted

    def painted(self, part, position):
        return self._painted[position]


@pytest.mark.parametrize("first, later", [("β", "β"), ("\u00e9", "e\u0301")], ids=["width", "to-unicode"])
def test_a_run_replayed_after_other_pages_gives_what_painting_here_gives(first, later, monkeypatch):
    """The document keeps a glyph's first width (and text): a run whose own first use differs
    (another size, another spelling) must not change what the pages before it set."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # fontTools dates the font subsets
    from weasyprint.text.fonts import FontConfiguration
    styles = ROOT / "styles"
    source = (f"<html lang='en'><body><p>{first} one</p><p style='break-before: page; font-size: 7.8pt'>{later} two</p>"
              f"<p style='break-before: page'>{later} three</p></body></html>")

    def render():
        fonts = FontConfiguration()
        return HTML(string=source).render(stylesheets=_charis(styles, None, fonts), font_config=fonts)

    with patches.applied(*patches.FAST_SESSION):
        alone = render().write_pdf(pdf_variant="pdf/ua-1")
        document = render()
        run = paint_share.paint_pages(paint_share.standing_pages(styles, _charis, dump_pages(document.pages), 1)[1:])
        assert None not in run
        with patches.applied("replay-painted-pages", share=_Replaying(document.pages[1:], run), replayed=[]):
            shared = document.write_pdf(pdf_variant="pdf/ua-1")
    assert shared == alone


def test_a_page_painted_tagged_is_not_replayed_into_an_untagged_pdf(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # fontTools dates the font subsets
    from weasyprint.text.fonts import FontConfiguration
    fonts = FontConfiguration()
    document = HTML(string="<p>one</p><p style='break-before: page'>two</p>").render(font_config=fonts)
    run = paint_share.paint_pages(paint_share.standing_pages(ROOT / "styles", lambda *args: None,
                                                             dump_pages(document.pages), 1)[1:])
    alone = document.write_pdf()
    replayed = []
    with patches.applied("replay-painted-pages", share=_Replaying(document.pages[1:], run), replayed=replayed):
        assert document.write_pdf() == alone
    assert replayed == []


def test_a_helper_that_failed_to_paint_leaves_its_pages_to_the_main_process(tmp_path):
    failed: Future = Future()
    failed.set_exception(BrokenProcessPool("killed"))
    share = paint_share.PaintShare(_PaintingHelpers(), [["page"]], [failed], tmp_path)
    assert share.painted(0, 0) is None
    done: Future = Future()
    done.set_result(1)
    share = paint_share.PaintShare(_PaintingHelpers(), [["page", "page"]], [done], tmp_path)
    share._painted[0] = [None]  # fewer pages than the run has: none is trusted
    assert share.painted(0, 0) is None


def test_a_list_claimed_from_both_ends_gives_each_item_once():
    with helpers(1) as side:
        side.open_ends()
        firsts = [side.claim_first(5) for _ in range(2)]
        workers._ends = side.ends  # as in a helper
        try:
            lasts = [workers.claim_last(5) for _ in range(4)]
        finally:
            workers._ends = None
        assert firsts == [0, 1] and lasts == [4, 3, 2, None]
        assert side.claim_first(5) is None


class _Heap:
    """Stands for a helper's laid-out pages: writes `path` when freed."""

    def __init__(self, path: str):
        self.path = path

    def __del__(self):
        Path(self.path).write_text("freed")


def _hold_a_heap(path: str, marker: str) -> None:
    import atexit
    global _held
    _held = _Heap(path)
    atexit.register(Path(marker).write_text, "atexit handlers ran")


def test_a_helper_exits_after_its_atexit_handlers_without_freeing_its_heap(tmp_path):
    """A helper ends with os._exit once the handlers libraries registered have run (freeing its
    objects one by one took 0.2 s of every build), and its exit is a clean one."""
    freed, marker = tmp_path / "freed", tmp_path / "exited"
    with helpers(1) as side:
        side.submit(_hold_a_heap, str(freed), str(marker)).result()
        processes = list(side.pool._processes.values())
    assert marker.read_text() == "atexit handlers ran"
    assert not freed.exists()
    assert [process.exitcode for process in processes] == [0]


def _make_files_then_die() -> None:
    import os
    import signal
    import tempfile
    Path(tempfile.mkdtemp(prefix="weasyprint-"), "font.ttf").write_bytes(b"a copy of a font")
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_helpers_temporary_files_are_removed(tmp_path, monkeypatch):
    """A helper killed outright runs no exit handler: its temporary files, made in a folder
    the main process owns, are removed with that folder when the helpers are done."""
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with helpers(1) as side:
        with pytest.raises(BrokenProcessPool):
            side.submit(_make_files_then_die).result()
        assert [p.name[:15] for p in tmp_path.iterdir()] == ["reader-helpers-"]
        assert list(tmp_path.rglob("font.ttf"))
    assert list(tmp_path.iterdir()) == []


def _pages(css: str, count: int = 3):
    breaks = "".join('<p style="break-before: page">page</p>' for _ in range(count - 1))
    return HTML(string=f"<p>page</p>{breaks}").render(stylesheets=[CSS(string=css)]).pages


def test_only_folios_are_rewritten_and_other_page_numbers_are_refused():
    pages = _pages('@page { @top-right { content: "3" } @bottom-right { content: counter(page) } }')
    set_folios(pages, 10)
    assert [(m.at_keyword, t.text) for m, t in _margin_texts(pages[2])] == [("@top-right", "3"), ("@bottom-right", "12")]
    for content in ("counter(page, lower-roman)", '"Page " counter(page)'):
        with pytest.raises(TransferError):
            set_folios(_pages(f"@page {{ @bottom-right {{ content: {content} }} }}"), 10)


def _margin_texts(page):
    return [(margin, box) for margin in page._page_box.children if isinstance(margin, boxes.MarginBox)
            for box in margin.descendants() if isinstance(box, boxes.TextBox)]
