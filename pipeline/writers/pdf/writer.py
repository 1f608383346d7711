"""The print edition, laid out by WeasyPrint.

The book is laid out in parts: the front matter, each chapter, the back
matter. Each part is its own WeasyPrint document, and the finished pages are
joined into one PDF. That gives real page numbers without forward
`target-counter()` references (which make WeasyPrint lay pages out again and
can silently drop deferred footnotes): chapters are laid out first, their
page numbers read off the pages, and only then are the contents and the
glossary — which print those numbers as plain text — laid out.

Two ways to make it, the same book:

- *The fast path* (a WeasyPrint in `weasy.VERIFIED`): chapters are laid out
  side by side as if from page 1 (chapter_share), their folios set once their
  real numbers are known, pages painted side by side (paint_share) and kept in
  the layout cache, WeasyPrint's two layout bugs fixed at their causes. All of
  that reaches into WeasyPrint's internals, through `weasy/` only.
- *The plain path* (any other WeasyPrint, or `build --plain-pdf`): the same
  parts laid out one after the other in this process, each from its real
  first page, and written with WeasyPrint's public API alone: no pickled
  pages, no replayed painting, no patches, no layout cache. A footnote
  WeasyPrint loses is still caught (it is missing from the pages' anchors)
  and the chapter set again; a line WeasyPrint 70 breaks after one word is
  not (only its box tree shows it).
"""

from __future__ import annotations

import gc
import html
import os
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pydyf
from weasyprint import CSS, HTML

from ...dates import source_date_epoch
from ...model import Book
from ...problems import PipelineError, Problem
from ...render import ids
from ...render.xhtml import (PRINT, Edition, render_chapter, text_key, render_colophon, render_contents,
                             render_glossary, render_halftitle, render_imprint, render_introduction,
                             render_titlepage)
from ...workers import Helpers, claim, post
from . import weasy
from .chapter_share import ChapterShare, SentChapter
from .fetcher import RestrictedFetcher
from .layout_cache import CachedPart, LayoutCache, fingerprint
from .paint_share import PaintShare
from .weasy import patches
from .weasy.api import FontConfiguration, release_font_files
from .weasy.fixes import short_lines
from .weasy.page_transfer import PLACEHOLDER_FIRST, TransferError, dump_pages, load_pages, set_folios

Progress = Callable[[str, int, int], None]  # (step, done, total)


def print_stylesheets(styles: Path, fetcher, fonts: FontConfiguration) -> list:
    """The print edition's stylesheets, their @font-face fonts loaded into `fonts`."""
    return [CSS(filename=str(styles / name), url_fetcher=fetcher, font_config=fonts)
            for name in ("shared.css", "print.css")]


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def roman(number: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
              (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


@dataclass
class PdfResult:
    pages: int
    labels: dict[str, str] = field(default_factory=dict)  # anchor -> printed page label
    physical: dict[str, int] = field(default_factory=dict)  # anchor -> 1-based page index in the PDF
    refused: list[str] = field(default_factory=list)  # URLs the fetcher refused
    relaid: list = field(default_factory=list)  # chapters laid out again to keep every footnote
    beside: list[int] = field(default_factory=list)  # chapters laid out by helper processes
    reused: list[int] = field(default_factory=list)  # chapters whose layout came from the cache
    painted_beside: int = 0  # pages painted by helper processes
    plain: str | None = None  # why the plain path made it (None: the fast path)


@contextmanager
def _source_date(book: Book):
    """Fix every timestamp WeasyPrint (or fontTools) might embed."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if previous is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(book))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def plain_reason(requested: bool) -> str | None:
    """Why the PDF is to be made with WeasyPrint's public API alone; None for the fast path."""
    if requested:
        return "--plain-pdf: laying out with WeasyPrint's public API only (slower)"
    if not weasy.verified():
        return (f"WeasyPrint {weasy.version()} is not verified for the fast path; laying out with the "
                "public API only (slower)")
    return None


class PdfWriter:
    """Lays out and writes one book; `fast` takes the fast path (the caller checks the gate:
    its patches refuse to apply on a WeasyPrint it was not verified on)."""

    def __init__(self, book: Book, styles: Path, progress: Progress | None = None, cache: Path | None = None,
                 fast: bool = True):
        self.book = book
        self.fast = fast
        self.styles = styles
        self.progress = progress or (lambda step, done, total: None)
        self.fetcher = RestrictedFetcher(styles)
        self.fonts = FontConfiguration()
        self.stylesheets = print_stylesheets(styles, self.fetcher, self.fonts)
        # The book's title as the left-hand running head (a plain string: no element to hide).
        running_head = (f"@page :left {{ @top-left {{ content: {_css_string(book.meta.title)}; }} }}"
                        "@page chapter:nth(1 of chapter), glossary:nth(1 of glossary), sources:nth(1 of sources), "
                        ":blank, bare { @top-left { content: none; } }")
        self.stylesheets.append(CSS(string=running_head, font_config=self.fonts))
        self.cache = LayoutCache(cache, fingerprint(styles, [running_head])) if cache and fast else None
        self.edition = Edition(PRINT)
        self.relaid: list[tuple[int, list[int], str]] = []  # (chapter, lost notes, remedy)
        self.beside: list[int] = []  # chapters laid out by helpers
        self.reused: list[int] = []  # chapters whose layout came from the cache

    # -- documents

    def _html(self, body: str) -> str:
        meta = self.book.meta
        date = meta.date or "2000-01-01"
        authors = ", ".join([meta.editor, *self.book.contributors])
        head = (f'<meta charset="utf-8"/><title>{html.escape(meta.title)}</title>'
                f'<meta name="author" content="{html.escape(authors)}"/>'
                f'<meta name="description" content="{html.escape(meta.description or meta.subtitle or "")}"/>'
                f'<meta name="keywords" content="{html.escape(", ".join(c.title for c in self.book.chapters))}"/>'
                f'<meta name="generator" content="reader-pipeline"/>'
                f'<meta name="dcterms.created" content="{date}T00:00:00Z"/>'
                f'<meta name="dcterms.modified" content="{date}T00:00:00Z"/>')
        return (f'<!DOCTYPE html><html lang="{html.escape(meta.language)}" xml:lang="{html.escape(meta.language)}">'
                f'<head>{head}</head><body>{body}</body></html>')

    def _render(self, body: str, first_page: int | None = None, extra_css: str | None = None):
        sheets = list(self.stylesheets)
        if first_page is not None:
            sheets.append(CSS(string=f"@page :first {{ counter-set: page {first_page}; }}"))
        if extra_css:
            sheets.append(CSS(string=extra_css))
        document = HTML(string=self._html(body), base_url=str(self.styles) + os.sep,
                        url_fetcher=self.fetcher)
        return document.render(stylesheets=sheets, font_config=self.fonts)

    def _blank_document(self):
        """A document of one page with neither text, running head nor folio (and the book's metadata)."""
        return HTML(string=self._html(""), base_url=str(self.styles) + os.sep,
                    url_fetcher=self.fetcher).render(
            stylesheets=[*self.stylesheets, CSS(string="html { page: bare; }")],
            font_config=self.fonts)

    def _blank(self):
        return self._blank_document().pages[0]

    # -- the layout cache

    def _take(self, part: CachedPart) -> tuple[list, dict[str, int]]:
        """Pages and anchors of a part laid out elsewhere (a helper, an earlier build), with its records."""
        self.relaid.extend(part.relaid)
        self.fetcher.refused.extend(part.refused)
        return load_pages(part.pages, self.fonts, self.fetcher), part.first

    def store(self, key: str, pages: list, first: dict[str, int], relaid: list, refused: list[str]) -> CachedPart:
        """The part as it is sent and cached (raises TransferError if its pages cannot be pickled)."""
        part = CachedPart(dump_pages(pages), first, relaid, refused)
        if self.cache is not None:
            self.cache.put(key, part)
        return part

    def _keep(self, key: str, pages: list, first: dict[str, int], relaid: list, refused: list[str]) -> CachedPart | None:
        """The part laid out here, pickled and cached; None if pages of its kind cannot be kept
        (it is then laid out again next time, and painted here)."""
        try:
            return self.store(key, pages, first, relaid, refused)
        except TransferError:
            return None

    def cached_chapter(self, chapter) -> tuple[str, CachedPart | None]:
        """The chapter's cache key and, if a build laid out the same chapter before, its layout."""
        if self.cache is None:
            return "", None
        key = self.cache.key("chapter", self.book.meta.language, render_chapter(chapter, self.book, self.edition))
        return key, self.cache.get(key)

    def _laid_part(self, name: str, body: str, first_page: int | None) -> tuple[list, dict[str, int]]:
        """Pages and anchors of a part laid out whole (front or back matter), from the cache if there."""
        # The key is what decides the layout: the body and its language, not the <head>'s metadata.
        key = self.cache.key(name, str(first_page), self.book.meta.language, body) if self.cache else ""
        part = self.cache.get(key) if self.cache else None
        if part is not None:
            return self._take(part)
        refused = len(self.fetcher.refused)
        document = self._render(body, first_page=first_page)
        first = self._first_pages(document)
        if self.cache is not None:
            self._keep(key, document.pages, first, [], self.fetcher.refused[refused:])
        return document.pages, first

    @staticmethod
    def _first_pages(document) -> dict[str, int]:
        first: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for anchor in page.anchors:
                first.setdefault(anchor, index)
        return first

    # -- the book

    @contextmanager
    def session(self):
        """While laying out and writing: fixed timestamps and, on the fast path, its patches in force."""
        fixes = patches.applied(*patches.FAST_SESSION) if self.fast else nullcontext()
        with _source_date(self.book), fixes:
            try:
                yield
            finally:
                gc.unfreeze()

    def write(self, target: Path, share: ChapterShare | None = None) -> PdfResult:
        with self.session():
            if not self.fast:
                return self._write_plain(target)
            return self._write(target, share or ChapterShare.start(self.book, self.styles, None))

    def _write(self, target: Path, share: ChapterShare) -> PdfResult:
        """The fast path: chapters laid out as they are claimed, their folios set after."""
        body = _Body()
        paints: list[tuple[int, bytes, list]] = []  # chapters helpers may paint: (first page, pickle, pages)
        for chapter, pages, first, pickled in self._chapters(share, len(self.book.chapters) + 3):
            try:
                set_folios(pages, body.page_number)
            except TransferError:  # folios it cannot rewrite: the chapter is laid out from its real page
                pages, first = self.lay_out_chapter(chapter, body.page_number)
                pickled = None
            if pickled is not None:
                paints.append((body.page_number, pickled, pages))
            self._add_chapter(body, pages, first)
        return self._finish(target, body, self._paint_beside(share, paints))

    def _write_plain(self, target: Path) -> PdfResult:
        """The plain path: each chapter laid out here, in order, from its real first page."""
        chapters = self.book.chapters
        body = _Body()
        for index, chapter in enumerate(chapters):
            self.progress(f"laying out chapter {chapter.number}", index, len(chapters) + 3)
            self._add_chapter(body, *self.lay_out_chapter(chapter, body.page_number))
        return self._finish(target, body, None)

    def _add_chapter(self, body: _Body, pages: list, first: dict[str, int]) -> None:
        """A chapter's pages after the body's, then a blank page if it ends on a right-hand one
        (the next part opens on a right-hand page)."""
        body.add(pages, first)
        if len(pages) % 2:
            body.add([self._blank()], {})

    def _finish(self, target: Path, body: _Body, painting: PaintShare | None) -> PdfResult:
        """The back and front matter laid out around the chapters, and the PDF written."""
        book = self.book
        total = len(book.chapters) + 3
        self.progress("laying out glossary and sources", len(book.chapters), total)
        back_body = (render_glossary(book, self.edition, self._glossary_pages(body.labels)) if book.glossary else "")
        back_body += render_colophon(book)
        body.add(*self._laid_part("back", back_body, body.page_number))
        self.progress("laying out front matter", len(book.chapters) + 1, total)
        front_pages, front_labels = self._front(body.labels)
        if len(front_pages) % 2:
            front_pages.append(self._blank())
        labels = dict(body.labels)
        for anchor, label in front_labels.items():
            labels.setdefault(anchor, label)
        self.progress("writing PDF", len(book.chapters) + 2, total)
        combined = self._blank_document().copy(front_pages + body.pages)
        replayed: list[int] = []
        with self._writing(painting, replayed):
            combined.write_pdf(str(target), pdf_variant="pdf/ua-1", finisher=_page_labels(len(front_pages)))
        result = PdfResult(len(front_pages) + len(body.pages), labels=labels,
                           physical={a: len(front_pages) + i + 1 for a, i in body.indexes.items()},
                           refused=list(self.fetcher.refused), relaid=list(self.relaid), beside=sorted(self.beside),
                           reused=sorted(self.reused), painted_beside=len(replayed))
        if self.cache is not None:
            self.cache.prune(spare=max(16, 2 * len(book.chapters)))
        self.progress("done", total, total)
        return result

    @contextmanager
    def _writing(self, painting: PaintShare | None, replayed: list[int]):
        """While the PDF is written on the fast path: pydyf's page references kept, and the pages
        helpers painted replayed (the index of each, in writing order, added to `replayed`)."""
        if not self.fast:
            yield
            return
        with patches.applied("page-references-memo"), \
                patches.applied("replay-painted-pages", share=painting, replayed=replayed):
            yield

    def _paint_beside(self, share: ChapterShare, paints: list[tuple[int, bytes, list]]) -> PaintShare | None:
        """Helpers paint chapters, from the last, while the back and front matter are laid out here
        (the writer paints the others from the first: the two sides meet somewhere in between)."""
        if share.helpers is None or share.inbox is None or not paints:
            return None
        return PaintShare.start(share.helpers, share.inbox, self.styles, print_stylesheets, paints)

    def _chapters(self, share: ChapterShare, total: int):
        """Every chapter's pages (numbered from PLACEHOLDER_FIRST), anchors and pickled pages
        (None if there are none to give a helper), in book order.

        This process lays out the chapters it claims while the helpers lay out
        theirs; a chapter a helper could not send is laid out here.
        """
        chapters = self.book.chapters
        laid: dict[int, tuple[list, dict[str, int]]] = {}
        pickled: dict[int, bytes] = {}
        for index in share.claims():
            self._receive(share.arrived(), laid, pickled)
            key, part = self.cached_chapter(chapters[index])
            if part is not None:
                laid[index], pickled[index] = self._take(part), part.pages
                self.reused.append(chapters[index].number)
                continue
            self.progress(f"laying out chapter {chapters[index].number}", len(laid), total)
            start, refused = len(self.relaid), len(self.fetcher.refused)
            laid[index] = self.lay_out_chapter(chapters[index], PLACEHOLDER_FIRST)
            if self.cache is not None or share.helpers is not None:
                # Cached now, so that the time it takes is shared out with the layouts.
                kept = self._keep(key, *laid[index], self.relaid[start:], self.fetcher.refused[refused:])
                if kept is not None:
                    pickled[index] = kept.pages
            # The laid-out pages live until the PDF is written: keep the garbage collector
            # from walking them again after every chapter (quadratic in the book's length).
            gc.freeze()
        if share.futures:
            self.progress("waiting for the chapters laid out beside", len(laid), total)
        self._receive(share.rest(), laid, pickled)
        for index, chapter in enumerate(chapters):
            if index not in laid:
                self.progress(f"laying out chapter {chapter.number}", len(laid), total)
                laid[index] = self.lay_out_chapter(chapter, PLACEHOLDER_FIRST)
            pages, first = laid[index]
            yield chapter, pages, first, pickled.get(index)

    def _receive(self, sent_chapters: list[SentChapter], laid: dict, pickled: dict) -> None:
        """Take in chapters sent by helpers (one that could not be sent is laid out here later)."""
        chapters = self.book.chapters
        for sent in sent_chapters:
            if self.cache is not None:
                self.cache.used.add(sent.key)
            if sent.part is None:
                continue
            laid[sent.index], pickled[sent.index] = self._take(sent.part), sent.part.pages
            (self.reused if sent.reused else self.beside).append(chapters[sent.index].number)
            gc.freeze()

    def _front(self, labels: dict[str, str]):
        book = self.book
        front_items = [("introduction", "Introduction")] if book.introduction_html else []

        def body(pages: dict[str, str]) -> str:
            parts = [render_halftitle(book), render_titlepage(book), render_imprint(book),
                     render_contents(book, pages, front_items)]
            if book.introduction_html:
                parts.append(render_introduction(book))
            return f'<div class="front">{"".join(parts)}</div>'

        pages = dict(labels)
        pages.update({anchor: "x" for anchor, _ in front_items})
        laid, first = self._laid_part("front", body(pages), None)
        front_labels = {a: roman(i + 1) for a, i in first.items()}
        if any(front_labels.get(a) != pages.get(a) for a, _ in front_items):
            pages.update({a: front_labels.get(a, "") for a, _ in front_items})
            laid, first = self._laid_part("front", body(pages), None)
            front_labels = {a: roman(i + 1) for a, i in first.items()}
        return list(laid), front_labels

    def _glossary_pages(self, labels: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
        pages: dict[str, list[tuple[str, str]]] = {}
        for entry in self.book.glossary:
            refs = []
            for chapter in self.book.chapters:
                anchor = ids.term_use_id(chapter, entry.id)
                if anchor in labels:
                    refs.append((labels[anchor], anchor))
            pages[entry.id] = refs
        return pages

    #: Ways to lay a chapter out again if WeasyPrint drops a footnote (on the fast path the
    #: cause known in WeasyPrint 70 is fixed, and this is the safety net; on the plain path
    #: it is the remedy): keeping the paragraph whole, or relaxing widows and orphans.
    NOTE_REMEDIES = ("keep-whole", ".chapter p { orphans: 1; widows: 1; }", ".chapter p { orphans: 3; widows: 3; }")

    def lay_out_chapter(self, chapter, page_number: int):
        """Lay out one chapter from page `page_number`: every footnote placed, no line broken short.

        The layout is checked, not trusted: should WeasyPrint lose a note or end a line after
        one word (on the fast path the known causes are fixed in weasy/fixes.py), the chapter
        is set again, keeping the paragraph whole or setting it without hyphenation. The plain
        path checks the notes only: a line's length shows only in WeasyPrint's box tree.
        """
        keep_whole: set[str] = set()
        rebreak: set[str] = set()
        remedies = iter(self.NOTE_REMEDIES)
        extra = None
        lost: list[int] = []
        for _ in range(8):
            edition = Edition(PRINT, keep_whole=keep_whole, rebreak=rebreak)
            document = self._render(render_chapter(chapter, self.book, edition), first_page=page_number,
                                    extra_css=extra)
            first = self._first_pages(document)
            missing = [n.number for n in chapter.notes if ids.note_id(chapter, n.number) not in first]
            short = self._short_lines(document) - rebreak
            if not missing and not short:
                break
            if missing:
                lost = sorted(set(lost) | set(missing))
                remedy = next(remedies, None)
                if remedy is None:
                    raise PipelineError(Problem(
                        f"WeasyPrint dropped footnote(s) {', '.join(map(str, missing))} of chapter "
                        f"{chapter.number} from every layout tried", None,
                        hint="shorten the note or move its call; please report the text as a WeasyPrint bug"))
                if remedy == "keep-whole":
                    keep_whole = {n.key for n in chapter.notes if n.number in lost}
                else:
                    extra = remedy
                self.relaid.append((chapter.number, f"footnote(s) {', '.join(map(str, missing))} kept", remedy))
            if short:
                rebreak |= short
                self.relaid.append((chapter.number, f"{len(short)} paragraph(s) with a short line",
                                    "set without hyphenation"))
        else:
            self.relaid.append((chapter.number, "a short line remains", "none worked"))
        return document.pages, first

    def _short_lines(self, document) -> set[str]:
        """Paragraphs (by text_key) with a line, not their last, filled less than half way
        (on the fast path; none on the plain path, which does not read the box tree)."""
        return {text_key(text) for text in short_lines(document)} if self.fast else set()


def _page_labels(front_pages: int):
    """A finisher that names pages as printed: i, ii, … for the front matter, then 1, 2, …

    Without /PageLabels a viewer's page box says 12 where the folio says x.
    """
    def finish(document, pdf):
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array([
            0, pydyf.Dictionary({"S": "/r"}), front_pages, pydyf.Dictionary({"S": "/D"})])})
    return finish


def _place(first: dict[str, int], page_number: int, offset: int, labels: dict[str, str],
           indexes: dict[str, int]) -> None:
    """Record the printed page label and the body page index of each anchor of a part."""
    for anchor, index in first.items():
        labels[anchor] = str(page_number + index)
        indexes[anchor] = offset + index


@dataclass
class _Body:
    """The body's pages as they are added, with the page number of the next and each anchor's
    printed label and index among them."""

    pages: list = field(default_factory=list)
    page_number: int = 1
    labels: dict[str, str] = field(default_factory=dict)
    indexes: dict[str, int] = field(default_factory=dict)

    def add(self, pages: list, first: dict[str, int]) -> None:
        """Pages of a part, and the index within them of each anchor's first page."""
        _place(first, self.page_number, len(self.pages), self.labels, self.indexes)
        self.pages.extend(pages)
        self.page_number += len(pages)


def write_pdf(book: Book, styles: Path, target: Path, progress: Progress | None = None,
              share: ChapterShare | None = None, cache: Path | None = None, plain: bool = False) -> PdfResult:
    """Lay out and write the print edition.

    `share` has helpers lay out some of the chapters (see share_chapters); `cache` is a folder
    of layouts kept from earlier builds. Both serve the fast path only, which is taken unless
    `plain` asks for the plain path or the gate refuses this WeasyPrint (the result says why).
    """
    reason = plain_reason(plain)
    writer = PdfWriter(book, styles, progress, cache, fast=reason is None)
    try:
        result = writer.write(target, share if reason is None else None)
    finally:
        release_font_files(writer.fonts)
    result.plain = reason
    return result


def share_chapters(book: Book, styles: Path, helpers: Helpers | None, cache: Path | None = None) -> ChapterShare:
    """The book's chapters offered to `helpers` to lay out (fast path only), from the layout cache if there."""
    return ChapterShare.start(book, styles, helpers, cache, task=lay_out_claimed)


def lay_out_claimed(book: Book, styles: Path, order: list[int], cache: Path | None, inbox: Path) -> tuple[int, int]:
    """In a helper: lay out chapters as they are claimed (or take them from the cache), until none
    is left, and send each one as it is done; returns this process's id and how many it sent."""
    writer = PdfWriter(book, styles, cache=cache)
    sent = 0
    with writer.session():
        while (position := claim()) < len(order):
            index = order[position]
            chapter = book.chapters[index]
            key, part = writer.cached_chapter(chapter)
            reused = part is not None
            if part is None:
                start, refused = len(writer.relaid), len(writer.fetcher.refused)
                pages, first = writer.lay_out_chapter(chapter, PLACEHOLDER_FIRST)
                try:
                    part = writer.store(key, pages, first, writer.relaid[start:], writer.fetcher.refused[refused:])
                except TransferError:
                    pass  # sent as None: the main process lays it out
            if not post(inbox, f"{index}.chapter", SentChapter(index, key, part, reused)):
                break
            sent += 1
    return os.getpid(), sent
