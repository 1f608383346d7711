"""The print edition, laid out by WeasyPrint: the book in parts, and the plain path.

The book is laid out in parts: the front matter, each chapter, the back
matter. Each part is its own WeasyPrint document, and the finished pages are
joined into one PDF. That gives real page numbers without forward
`target-counter()` references (which make WeasyPrint lay pages out again and
can silently drop deferred footnotes): chapters are laid out first, their
page numbers read off the pages, and only then are the contents and the
glossary — which print those numbers as plain text — laid out.

`PdfWriter` is the plain path, and what the fast path (`fast.FastPdfWriter`)
builds on. It uses WeasyPrint's public API alone and imports nothing that
reaches into WeasyPrint's internals, so it works on a WeasyPrint the fast path
was not verified on: the chapters are laid out one after the other in this
process, each from its real first page, the parts joined with `Document.copy`
and written with `write_pdf`; no pickled pages, no replayed painting, no
patches, no layout cache. A footnote WeasyPrint loses is still caught (it is
missing from the pages' anchors) and the chapter set again; a line WeasyPrint
70 breaks after one word is not (only its box tree shows it).
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
from ...render.xhtml import PRINT, Edition, render_chapter
from . import weasy
from ..page_list import PageList, PageStart, starts_from_pdf
from .css_notes import stylesheet_notes
from .fetcher import RestrictedFetcher
from .hyphenation import Hyphenator, hyphenate, keep_words_whole, lower_case_words
from .parts import back_body, front_body, front_items, running_head_css
from .weasy.api import FontConfiguration

Progress = Callable[[str, int, int], None]  # (step, done, total)


def print_stylesheets(styles: Path, fetcher, fonts: FontConfiguration, notes: list[Problem] | None = None) -> list:
    """The print edition's stylesheets, their @font-face fonts loaded into `fonts`; what WeasyPrint
    leaves out of them goes into `notes`, if given."""
    sheets = []
    for name in ("shared.css", "print.css"):
        with stylesheet_notes(styles / name, notes if notes is not None else []):
            sheets.append(CSS(filename=str(styles / name), url_fetcher=fetcher, font_config=fonts))
    return sheets


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
    starts: list[PageStart] = field(default_factory=list)  # where each page with text begins
    front_pages: dict[str, str] = field(default_factory=dict)  # front matter anchor -> label (i, ii…)
    css_notes: list[Problem] = field(default_factory=list)  # what WeasyPrint left out of the stylesheets


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


#: The remedy for a hyphenation fault: the word is kept whole and the chapter set again.
KEPT_WHOLE = "word kept whole"
#: No remedy: a note WeasyPrint's public API moved to the page after its call's.
NOTE_STRAYED = "left: WeasyPrint moves it to make room"


class PdfWriter:
    """Lays out and writes one book with WeasyPrint's public API alone (the plain path).

    The fast path (fast.FastPdfWriter) overrides `session`, `write_body`, `lay_out_part`,
    `writing`, `after_writing` and `short_line_paragraphs`.
    """

    def __init__(self, book: Book, styles: Path, progress: Progress | None = None):
        self.book = book
        self.styles = styles
        self.progress = progress or (lambda step, done, total: None)
        self.fetcher = RestrictedFetcher(styles)
        self.fonts = FontConfiguration()
        self.css_notes: list[Problem] = []  # what WeasyPrint leaves out of the stylesheets
        self.stylesheets = print_stylesheets(styles, self.fetcher, self.fonts, self.css_notes)
        self.running_head = running_head_css(book)
        self.stylesheets.append(CSS(string=self.running_head, font_config=self.fonts))
        self.edition = Edition(PRINT)
        self.hyphenator = Hyphenator.for_book(book.meta.language, book.meta.hyphenation, lower_case_words(
            line.text for chapter in book.chapters for block in chapter.article.blocks for line in block.lines))
        self.on_pages: Callable[[PageList], None] | None = None  # told where the pages begin, once known
        self.relaid: list[tuple[int, str, str]] = []  # (chapter, what was wrong, remedy)
        self.beside: list[int] = []  # chapters laid out by helpers
        self.reused: list[int] = []  # chapters whose layout came from the cache

    # -- documents

    def _html(self, body: str) -> str:
        meta = self.book.meta
        date = meta.date or "2000-01-01"
        authors = ", ".join([meta.editor_alone, *self.book.contributors])
        head = (f'<meta charset="utf-8"/><title>{html.escape(meta.title)}</title>'
                f'<meta name="author" content="{html.escape(authors)}"/>'
                f'<meta name="description" content="{html.escape(meta.description or meta.subtitle or "")}"/>'
                f'<meta name="keywords" content="{html.escape(", ".join(c.title for c in self.book.chapters))}"/>'
                f'<meta name="generator" content="reader-pipeline"/>'
                f'<meta name="dcterms.created" content="{date}T00:00:00Z"/>'
                f'<meta name="dcterms.modified" content="{date}T00:00:00Z"/>')
        return (f'<!DOCTYPE html><html lang="{html.escape(meta.language)}" xml:lang="{html.escape(meta.language)}">'
                f'<head>{head}</head><body>{body}</body></html>')

    def render_document(self, body: str, first_page: int | None = None, extra_css: str | None = None,
                        unbroken: dict[str, frozenset[str]] | None = None, loose: frozenset[str] = frozenset(),
                        tight: frozenset[str] = frozenset(), base=None, changed: frozenset[str] = frozenset()):
        """The XHTML `body` laid out as a WeasyPrint document, its pages numbered from `first_page`;
        its words broken only where `hyphenation` allows, those in `unbroken` (per paragraph) not at
        all, the paragraphs in `loose` set a touch looser and those in `tight` tighter (page_fill). `base`: a layout of the same
        body that differs only in the paragraphs named in `changed` (by text_key), which the fast
        path keeps the unchanged pages of."""
        body = hyphenate(body, self.hyphenator, unbroken, loose, tight)
        sheets = list(self.stylesheets)
        if first_page is not None:
            sheets.append(CSS(string=f"@page :first {{ counter-set: page {first_page}; }}"))
        if extra_css:
            sheets.append(CSS(string=extra_css))
        document = self.html_document(self._html(body), base)
        with self.relaid_from(base, changed):
            return self.noted(document.render(stylesheets=sheets, font_config=self.fonts))

    def html_document(self, source: str, base):
        """The HTML document of `source` (a changed copy of `base`'s, if `base` is given): parsed whole."""
        return HTML(string=source, base_url=str(self.styles) + os.sep, url_fetcher=self.fetcher)

    def relaid_from(self, base, changed: frozenset[str]):
        """While a document changed from `base` is laid out: nothing kept (the plain path lays out whole)."""
        return nullcontext()

    def noted(self, document):
        """A laid-out document, with what a later layout of a changed copy needs (nothing, on the plain path)."""
        return document

    def blank_document(self):
        """A document of one page with neither text, running head nor folio (and the book's metadata)."""
        return HTML(string=self._html(""), base_url=str(self.styles) + os.sep,
                    url_fetcher=self.fetcher).render(
            stylesheets=[*self.stylesheets, CSS(string="html { page: bare; }")],
            font_config=self.fonts)

    def blank_page(self):
        return self.blank_document().pages[0]

    def lay_out_part(self, name: str, body: str, first_page: int | None) -> tuple[list, dict[str, int]]:
        """Pages and anchors of a part laid out whole (front or back matter), set again while a
        third hyphenated line in a row or a page ending in a hyphen needs a word kept whole; the
        back matter's short pages filled as a chapter's are (the front matter's page count sets
        the contents' numbers, and it has no short page to fill)."""
        unbroken: dict[str, frozenset[str]] = {}
        document, faults = None, {}
        for _ in range(self.LAYOUTS):
            document = self.render_document(body, first_page=first_page, unbroken=unbroken, base=document,
                                            changed=frozenset(faults))
            faults = self.hyphen_faults(document, frozenset(unbroken))
            if not faults:
                break
            keep_words_whole(unbroken, faults)
        if name == "back" and not faults:
            document = self.filled(document, lambda loose, tight, base, changed, kept: self.render_document(
                body, first_page=first_page, unbroken=kept, loose=loose, tight=tight, base=base,
                changed=changed), [], unbroken)
        return document.pages, self.first_pages(document)

    @staticmethod
    def first_pages(document) -> dict[str, int]:
        first: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for anchor in page.anchors:
                first.setdefault(anchor, index)
        return first

    # -- the book

    @contextmanager
    def session(self):
        """While laying out and writing: fixed timestamps."""
        with _source_date(self.book):
            try:
                yield
            finally:
                gc.unfreeze()

    def write(self, target: Path, share=None) -> PdfResult:
        """Lay the book out and write it to `target` (`share`: see helper_tasks.share_chapters)."""
        with self.session():
            return self.write_body(target, share)

    def write_body(self, target: Path, share) -> PdfResult:
        """Each chapter laid out here, in order, from its real first page."""
        chapters = self.book.chapters
        body = Body()
        for index, chapter in enumerate(chapters):
            self.progress(f"laying out chapter {chapter.number}", index, len(chapters) + 3)
            self.add_chapter(body, *self.lay_out_chapter(chapter, body.page_number))
        return self.finish_book(target, body)

    def add_chapter(self, body: Body, pages: list, first: dict[str, int]) -> None:
        """A chapter's pages after the body's, then a blank page if it ends on a right-hand one
        (the next part opens on a right-hand page)."""
        body.add(pages, first)
        if len(pages) % 2:
            body.add([self.blank_page()], {})

    def finish_book(self, target: Path, body: Body, painting=None) -> PdfResult:
        """The back and front matter laid out around the chapters, and the PDF written."""
        book = self.book
        total = len(book.chapters) + 3
        self.progress("laying out glossary and sources", len(book.chapters), total)
        body.add(*self.lay_out_back(body))
        self.progress("laying out front matter", len(book.chapters) + 1, total)
        front_pages, front_labels = self._front(body.labels)
        if len(front_pages) % 2:
            front_pages.append(self.blank_page())
        labels = dict(body.labels)
        for anchor, label in front_labels.items():
            labels.setdefault(anchor, label)
        self.progress("writing PDF", len(book.chapters) + 2, total)
        pages = front_pages + body.pages
        folios = [roman(i + 1) for i in range(len(front_pages))] + [str(i + 1) for i in range(len(body.pages))]
        starts = self.page_starts(pages, folios)
        if starts is not None and self.on_pages is not None:  # the EPUB may be made while the PDF is written
            self.on_pages(PageList(starts, labels))
        combined = self.blank_document().copy(pages)
        replayed: list[int] = []
        with self.writing(painting, replayed):
            combined.write_pdf(str(target), pdf_variant="pdf/ua-1", finisher=_page_labels(len(front_pages)))
        if starts is None:
            starts = starts_from_pdf(target, folios, [page.anchors for page in pages])
            if self.on_pages is not None:
                self.on_pages(PageList(starts, labels))
        result = PdfResult(len(front_pages) + len(body.pages), labels=labels,
                           physical={a: len(front_pages) + i + 1 for a, i in body.indexes.items()},
                           refused=list(self.fetcher.refused), relaid=list(self.relaid), beside=sorted(self.beside),
                           reused=sorted(self.reused), painted_beside=len(replayed), starts=starts,
                           front_pages=dict(front_labels), css_notes=list(self.css_notes))
        self.after_writing()
        self.progress("done", total, total)
        return result

    #: Layouts of the back matter tried, at most, until the index's "(continued)" lines stand where pages turn.
    BACK_LAYOUTS = 3

    def lay_out_back(self, body: "Body") -> tuple[list, dict[str, int]]:
        """Glossary, index and sources; laid out again while a left-hand page opens with an index entry's
        sub-entries and no "(continued)" line over them (or has one where none is wanted any more)."""
        continued: frozenset[str] = frozenset()
        for _ in range(self.BACK_LAYOUTS):
            pages, first = self.lay_out_part("back", back_body(self.book, body.labels, continued), body.page_number)
            wanted = self.index_turns(pages, body.page_number)
            if wanted == continued:
                break
            continued = wanted
        return pages, first

    def index_turns(self, pages: list, first_folio: int) -> frozenset[str]:
        """The index's sub-entries (ids) that open a left-hand page; none on the plain path, which cannot
        see a page's text."""
        return frozenset()

    def page_starts(self, pages: list, folios: list[str]) -> list[PageStart] | None:
        """Where each page's body text begins, read before writing; None on the plain path, which
        cannot see a page's text (WeasyPrint's public API does not show it) and reads the PDF's."""
        return None

    def writing(self, painting, replayed: list[int]):
        """What is in force while the PDF is written: nothing on the plain path."""
        return nullcontext()

    def after_writing(self) -> None:
        """After the PDF is written: nothing to tidy on the plain path."""

    def _front(self, labels: dict[str, str]):
        """The front matter laid out, and its anchors' labels (i, ii, …); laid out again if the
        introduction's page moved once its own number was known."""
        items = front_items(self.book)
        pages = dict(labels)
        pages.update({anchor: "x" for anchor, _ in items})
        laid, first = self.lay_out_part("front", front_body(self.book, pages), None)
        front_labels = {a: roman(i + 1) for a, i in first.items()}
        if any(front_labels.get(a) != pages.get(a) for a, _ in items):
            pages.update({a: front_labels.get(a, "") for a, _ in items})
            laid, first = self.lay_out_part("front", front_body(self.book, pages), None)
            front_labels = {a: roman(i + 1) for a, i in first.items()}
        return list(laid), front_labels

    #: Ways to lay a chapter out again if WeasyPrint drops a footnote (on the fast path the
    #: cause known in WeasyPrint 70 is fixed, and this is the safety net; on the plain path
    #: it is the remedy): keeping the paragraph whole, or relaxing widows and orphans.
    #: Layouts of one chapter tried at most (notes, short lines and hyphenation mended in turn).
    LAYOUTS = 12

    NOTE_REMEDIES = ("keep-whole", ".chapter p { orphans: 1; widows: 1; }", ".chapter p { orphans: 3; widows: 3; }")

    def lay_out_chapter(self, chapter, page_number: int):
        """Lay out one chapter from page `page_number`: every footnote placed, no line broken short.

        The layout is checked, not trusted: should WeasyPrint lose a note or end a line after
        one word (on the fast path the known causes are fixed in weasy/fixes.py), the chapter
        is set again, keeping the paragraph whole or setting it without hyphenation. So is a
        chapter with a third hyphenated line in a row or a page ending in a hyphen: that word is
        kept whole. The plain path checks the notes only: lines show only in WeasyPrint's box tree.
        """
        keep_whole: set[str] = set()
        rebreak: set[str] = set()
        remedies = iter(self.NOTE_REMEDIES)
        extra = None
        lost: list[int] = []
        unbroken: dict[str, frozenset[str]] = {}
        document, only_words = None, frozenset()  # the last layout, and the paragraphs changed since (if only words were)
        for _ in range(self.LAYOUTS):
            edition = Edition(PRINT, keep_whole=keep_whole, rebreak=rebreak)
            document = self.render_document(render_chapter(chapter, self.book, edition), first_page=page_number,
                                            extra_css=extra, unbroken=unbroken,
                                            base=document if only_words else None, changed=only_words)
            first = self.first_pages(document)
            missing = [n.number for n in chapter.notes if ids.note_id(chapter, n.number) not in first]
            strayed = [n.number for n in chapter.notes if ids.note_id(chapter, n.number) in first
                       and first[ids.note_id(chapter, n.number)] != first.get(ids.noteref_id(chapter, n.number))]
            short = self.short_line_paragraphs(document) - rebreak
            faults = self.hyphen_faults(document, frozenset(unbroken))
            if not missing and not short and not faults:
                break
            keep_words_whole(unbroken, faults)
            only_words = frozenset(faults) if not missing and not short else frozenset()
            if faults:
                words = sorted(word for found in faults.values() for word in found)
                self.relaid.append((chapter.number, f"hyphens stacked or ending a page or a paragraph ({', '.join(words)})",
                                    KEPT_WHOLE))
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
            self.relaid.append((chapter.number, "a lost note, short line or hyphenation fault remains", "none worked"))
        if not missing and not short and not faults:
            document = self.filled(document, lambda loose, tight, base, changed, kept: self.render_document(
                render_chapter(chapter, self.book, edition), first_page=page_number, extra_css=extra,
                unbroken=kept, loose=loose, tight=tight, base=base, changed=changed),
                [ids.note_id(chapter, n.number) for n in chapter.notes], unbroken)
            first = self.first_pages(document)
        if strayed:  # only the plain path: the fast one keeps notes with their calls (weasy/fixes.py)
            self.relaid.append((chapter.number, f"footnote(s) {', '.join(map(str, strayed))} printed a page "
                                                f"after the call", NOTE_STRAYED))
        return document.pages, first

    def short_line_paragraphs(self, document) -> set[str]:
        """Paragraphs (by text_key) with a line, not their last, filled less than half way: none
        that the plain path can see (only WeasyPrint's box tree shows them)."""
        return set()

    def filled(self, document, render: Callable[..., object], notes, unbroken) -> object:
        """The layout with its short pages filled where loosening a paragraph does it (page_fill):
        the plain path cannot see lines, and keeps the layout as it is."""
        return document

    def hyphen_faults(self, document, settled=None) -> dict[str, set[str]]:
        """Words to keep whole (per render.xhtml.text_key): a third hyphenated line in a row,
        a page ending in a hyphen, and (but in the paragraphs `settled` names; None: not that) a
        paragraph's last line opening with a broken word's end. None the plain path can see (only
        the box tree shows lines)."""
        return {}


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
class Body:
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
