"""The fast path: the book laid out and painted side by side, kept between builds.

Taken only on a WeasyPrint in `weasy.VERIFIED` (this module imports the parts
of `weasy/` that reach into WeasyPrint's internals, so it is not even imported
otherwise). On top of the plain path's `PdfWriter`:

- chapters are laid out as if from page 1, in whichever process claims them
  first (chapter_share), sent back pickled, and their folios set once their
  real numbers are known (weasy/page_transfer.py);
- helpers paint chapters' pages while the back and front matter are laid out,
  and the writer replays them (paint_share, weasy/painting.py);
- laid-out parts are kept in the layout cache (layout_cache);
- the patches of `weasy.patches.FAST_SESSION` are in force: WeasyPrint 70's two
  layout bugs fixed at their causes, glyphs painted once, faster subsetting
  and deflating; every layout is still checked for a lost note or a short line.

The PDF is the same to the byte whichever process laid out or painted what.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager, nullcontext
from pathlib import Path

from ...model import Book
from ...render import ids
from ...render.xhtml import render_chapter, text_key
from ...workers import claim, post
from ..page_list import PageStart
from .chapter_share import ChapterShare, SentChapter
from .layout_cache import CachedPart, LayoutCache, fingerprint
from .paint_share import PaintShare
from .weasy import patches
from . import page_fill
from .hyphenation import holed_words, hyphen_faults, keep_words_whole
from .weasy import line_ends, relayout, reparse, restyle
from .weasy.fixes import short_lines
from .weasy.page_starts import page_start
from .weasy.page_transfer import PLACEHOLDER_FIRST, TransferError, dump_pages, load_pages, set_folios
from .writer import Body, PdfResult, PdfWriter, Progress, print_stylesheets


class FastPdfWriter(PdfWriter):
    """Lays out and writes one book on the fast path (`cache`: the layout cache's folder)."""

    def __init__(self, book: Book, styles: Path, progress: Progress | None = None, cache: Path | None = None):
        super().__init__(book, styles, progress)
        self.cache = LayoutCache(cache, fingerprint(styles, [self.running_head, *self.hyphenator.exceptions])) \
            if cache else None

    @contextmanager
    def session(self):
        """While laying out and writing: fixed timestamps and the fast session's patches in force."""
        with super().session(), patches.applied(*patches.FAST_SESSION):
            yield

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

    def lay_out_part(self, name: str, body: str, first_page: int | None) -> tuple[list, dict[str, int]]:
        """Pages and anchors of a part laid out whole (front or back matter), from the cache if there."""
        # The key is what decides the layout: the body and its language, not the <head>'s metadata.
        key = self.cache.key(name, str(first_page), self.book.meta.language, body) if self.cache else ""
        part = self.cache.get(key) if self.cache else None
        if part is not None:
            return self._take(part)
        refused = len(self.fetcher.refused)
        with _fewer_collections():
            pages, first = super().lay_out_part(name, body, first_page)
        if self.cache is not None:
            self._keep(key, pages, first, [], self.fetcher.refused[refused:])
        return pages, first

    # -- the book

    def write_body(self, target: Path, share: ChapterShare | None) -> PdfResult:
        """Chapters laid out as they are claimed here or by helpers, their folios set after."""
        share = share or ChapterShare.start(self.book, self.styles, None)
        body = Body()
        paints: list[tuple[int, bytes, list]] = []  # chapters helpers may paint: (first page, pickle, pages)
        for chapter, pages, first, pickled in self._chapters(share, len(self.book.chapters) + 3):
            try:
                set_folios(pages, body.page_number)
            except TransferError:  # folios it cannot rewrite: the chapter is laid out from its real page
                pages, first = self.lay_out_chapter(chapter, body.page_number)
                pickled = None
            if pickled is not None:
                paints.append((body.page_number, pickled, pages))
            self.add_chapter(body, pages, first)
        return self.finish_book(target, body, self._paint_beside(share, paints))

    def index_turns(self, pages: list, first_folio: int) -> frozenset[str]:
        """The index's sub-entries (ids) whose text opens a left-hand (even) page, read off the pages' boxes
        (weasy/page_starts, which passes over a "(continued)" line: print's alone, `aria-hidden`)."""
        subs = {sub.id for entry in self.book.index for sub in entry.subentries}
        found = set()
        for folio, page in enumerate(pages, first_folio):
            start = page_start(page) if folio % 2 == 0 else None
            if start and start[1]:
                anchor = start[1][0].removeprefix(ids.index_entry_id(""))
                if anchor in subs:
                    found.add(anchor)
        return frozenset(found)

    def page_starts(self, pages: list, folios: list[str]) -> list[PageStart]:
        """Where each page's body text begins, read off its boxes (weasy/page_starts)."""
        return [PageStart(folio, *found) for page, folio in zip(pages, folios) if (found := page_start(page))]

    @contextmanager
    def writing(self, painting: PaintShare | None, replayed: list[int]):
        """While the PDF is written: pydyf's page references kept, and the pages helpers painted
        replayed (the index of each, in writing order, added to `replayed`)."""
        with patches.applied("page-references-memo"), \
                patches.applied("replay-painted-pages", share=painting, replayed=replayed):
            yield

    def after_writing(self) -> None:
        """The layout cache pruned of what this build did not use."""
        if self.cache is not None:
            self.cache.prune(spare=max(16, 2 * len(self.book.chapters)))

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

    def html_document(self, source: str, base):
        """The HTML document of `source`: where it differs from `base`'s only in some tags' attributes
        and runs of text, `base`'s parsed tree with those set (weasy/reparse), else parsed whole."""
        base_url = str(self.styles) + os.sep
        earlier = getattr(base, "reader_html", None)
        html = reparse.edited(earlier, source, base_url, self.fetcher) if earlier is not None else None
        if html is None:
            html = super().html_document(source, base)
        reparse.remember(html, source, base_url)
        return html

    def lay_out_chapter(self, chapter, page_number: int):
        """A chapter laid out as on the plain path (see there), with the garbage collector run less often."""
        with _fewer_collections():
            return super().lay_out_chapter(chapter, page_number)

    def relaid_from(self, base, changed: frozenset[str]):
        """While a document changed from `base` in the paragraphs `changed` is laid out: the pages
        before the first that holds one of them, and those after the layout is back in step, kept."""
        pagination = getattr(base, "reader_pagination", None)
        if pagination is None or not changed:
            return nullcontext()
        pages = {line.page for paragraph in line_ends.paragraphs(base) if text_key(paragraph.text) in changed
                 for line in paragraph.lines}
        return _both(relayout.resuming(pagination, pages), restyle.restyling(base.reader_html, base.reader_styles))

    def noted(self, document):
        """A laid-out document, with its pagination (see weasy/relayout), styles (weasy/restyle) and
        HTML document (weasy/reparse) for later layouts of a changed copy."""
        document.reader_pagination = relayout.taken()
        document.reader_styles = restyle.taken()
        document.reader_html = reparse.taken()
        return document

    def short_line_paragraphs(self, document) -> set[str]:
        """Paragraphs (by text_key) with a line, not their last, filled less than half way."""
        return {text_key(text) for text in short_lines(document)}

    def hyphen_faults(self, document, settled=None) -> dict[str, set[str]]:
        """Words to keep whole: a third hyphenated line in a row, a page ending in a hyphen, and, but
        in the paragraphs `settled` names, a last line opening with a broken word's end (None: not
        that; see hyphenation.hyphen_faults)."""
        return hyphen_faults(line_ends.paragraphs(document), settled)

    def filled(self, document, render, notes, unbroken) -> object:
        """The layout with short pages filled by loosening paragraphs on them, or by tightening those
        on a page a note's call left (page_fill), trial by trial, each kept only if its pages end
        shorter by less, its notes and lines still right. A trial that fills better but stacks
        hyphens or ends a page on one is tried once more with those words kept whole. A trial for
        several pages that is not kept is tried again in parts (`_split`): one paragraph that moves
        the pages after it no longer costs the others their chance. `render(loose, tight, base,
        changed, unbroken)` lays the part out; `unbroken` (words kept whole, per paragraph) is the
        part's own so far."""
        loose: frozenset[str] = frozenset()
        tight: frozenset[str] = frozenset()
        kept = dict(unbroken)
        tried: set[str] = set()
        best = page_fill.shortness(line_ends.rooms(document))
        pending: list[frozenset[int]] = []  # groups of pages to try on their own next
        trials, budget = 0, page_fill.passes(len(document.pages))
        while trials < budget:
            paragraphs, rooms = line_ends.paragraphs(document), line_ends.rooms(document)
            only = pending.pop(0) if pending else None
            by_page, kind = _one_kind_of_change(trials, paragraphs, rooms, tried, only)
            if not by_page:
                if only is None:
                    break
                continue
            if only is None and len(by_page) > page_fill.GROUP:  # a few pages a trial (page_fill.GROUP)
                pending[:0] = page_fill.in_groups(by_page)
                continue
            trials += 1
            chosen = frozenset(key for keys in by_page.values() for key in keys)
            to_loosen, to_tighten = (chosen, frozenset()) if kind == "loosen" else (frozenset(), chosen)
            found, trial = self._better_trial(render, loose | to_loosen, tight | to_tighten, document, chosen,
                                              kept, best, notes)
            if found is not None:
                pages = len(document.pages)
                document, best, kept = found
                loose, tight = loose | to_loosen, tight | to_tighten
                if len(document.pages) != pages:
                    pending = []  # the groups' page numbers no longer hold
            elif len(by_page) > 1:
                pending[:0] = _split(sorted(by_page), document, trial)
                continue  # its paragraphs are tried again, in the parts
            tried |= chosen
        return document

    def _better_trial(self, render, loose, tight, base, changed, kept, best, notes):
        """((layout, its shortness, words kept whole), the layout) of a trial that fills better than
        `best` with its notes, lines and hyphenation right, tried once more with stacked words kept
        whole; else (None, the last layout tried, None if it fell short on notes or lines)."""
        for attempt in range(3):
            trial = render(loose, tight, base, changed, kept)
            holes = holed_words(line_ends.paragraphs(trial))
            if holes and attempt == 0:  # a line set with holes: its broken word kept whole, it takes more words
                kept = dict(kept)
                keep_words_whole(kept, holes)
                changed |= frozenset(holes)
                continue
            score = page_fill.shortness(line_ends.rooms(trial))
            if not self.notes_and_lines_right(trial, notes):
                return None, None
            if page_fill.spread(line_ends.paragraphs(trial), changed):
                return None, trial  # a paragraph it changed spaced out: no better, however it fills
            if not score < best:
                return None, trial
            faults = self.hyphen_faults(trial)
            if not faults:
                return (trial, score, kept), trial
            kept = dict(kept)
            keep_words_whole(kept, faults)
            changed |= frozenset(faults)
        return None, None

    def notes_and_lines_right(self, document, notes) -> bool:
        """Every note laid out, and no line (not a paragraph's last) filled less than half way."""
        anchors = self.first_pages(document)
        return all(note in anchors for note in notes) and not self.short_line_paragraphs(document)


def _one_kind_of_change(trial_number: int, paragraphs, rooms, tried: set[str],
                        only: frozenset[int] | None = None) -> tuple[dict[int, set[str]], str]:
    """(short page -> paragraphs, "loosen" or "tighten") for the pages in `only`, if given: one kind
    of change a trial, the kinds in turn, and the other kind where the turn's has no paragraph to
    offer (a trial is not spent on nothing)."""
    kinds = [("loosen", page_fill.loosen_by_page), ("tighten", page_fill.tighten_by_page)]
    if trial_number % 2:
        kinds.reverse()
    for kind, choose in kinds:
        chosen = choose(paragraphs, rooms, tried, only)
        if chosen:
            return chosen, kind
    return {}, ""


def _split(pages: list[int], base, trial) -> list[frozenset[int]]:
    """A trial for several pages that was not kept, in groups to try on their own: the pages before
    the one whose change moved the pages after it (page_fill.moving), that page alone, and the pages
    after it; in halves where that cannot be told."""
    culprit = None
    if trial is not None:
        culprit = page_fill.moving(pages, [page_start(page) for page in base.pages],
                                   [page_start(page) for page in trial.pages])
    if culprit is None:
        middle = len(pages) // 2
        return [frozenset(pages[:middle]), frozenset(pages[middle:])]
    groups = [[page for page in pages if page < culprit], [culprit], [page for page in pages if page > culprit]]
    return [frozenset(group) for group in groups if group]


#: The garbage collector's thresholds while a part is laid out: a layout makes hundreds of thousands
#: of objects that live as long as it does, and with Python's (700, 10, 10) each of a chapter's
#: trials set off full collections that walked every layout kept: 1.65 s of the five chapters'
#: 20 s of CPU went to collecting, 0.6 s with these, for about 45 MB more at the peak.
COLLECTION_THRESHOLDS = (10_000, 10, 10)


@contextmanager
def _fewer_collections():
    before = gc.get_threshold()
    gc.set_threshold(*COLLECTION_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def _both(first, second):
    with first, second:
        yield


def lay_out_claimed(book: Book, styles: Path, order: list[int], cache: Path | None, inbox: Path) -> tuple[int, int]:
    """In a helper (see helper_tasks): lay out chapters as they are claimed (or take them from the
    cache), until none is left, and send each one as it is done; returns this process's id and
    how many it sent."""
    writer = FastPdfWriter(book, styles, cache=cache)
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
