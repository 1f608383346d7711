"""Who paints which pages: helper processes from the book's last chapter, the writer from its first.

Once every chapter's folios are set, the chapters' pages are cut into runs of
RUN_PAGES. Helpers claim runs from the back of the list while the main
process lays out the back and front matter, then writes the PDF, claiming
runs from the front as it reaches them; each run is claimed by one side only.
A helper paints its run (weasy/painting.py) and leaves the result in the
inbox; the writer replays it, or paints the run itself if it claimed it, or
if its helper failed or is silent for too long.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from ...workers import Helpers, claim_last, collect, post
from .chapter_share import RECEIVE_SECONDS
from .fetcher import RestrictedFetcher
from .weasy import patches
from .weasy.api import FontConfiguration
from .weasy.page_transfer import PLACEHOLDER_FIRST, load_pages, set_folios
from .weasy.painting import PaintedPage, paint_run

#: Pages in one run of a chapter painted by one side: short enough that neither side
#: waits long for the other when they meet.
RUN_PAGES = 8

_FONTS: dict[tuple, tuple[FontConfiguration, RestrictedFetcher]] = {}


def _fonts_for(styles: Path, sheets) -> tuple[FontConfiguration, RestrictedFetcher]:
    """This process's font configuration with the book's @font-face fonts loaded (made once)."""
    key = (styles, sheets)
    if key not in _FONTS:
        fonts, fetcher = FontConfiguration(), RestrictedFetcher(styles)
        sheets(styles, fetcher, fonts)
        _FONTS[key] = fonts, fetcher
    return _FONTS[key]


def standing_pages(styles: Path, sheets, data: bytes, first: int) -> list:
    """A part's pickled pages as they will stand in the book, from page `first` (`sheets`: the
    function that loads the book's stylesheets, and with them its fonts)."""
    fonts, fetcher = _fonts_for(styles, sheets)
    pages = load_pages(data, fonts, fetcher)
    set_folios(pages, first, PLACEHOLDER_FIRST)
    return pages


def paint_pages(pages: list) -> list[PaintedPage | None]:
    """Paint a run of pages as the writer would (the fast session's patches in force), each
    reporting what it first used among them; None for a page the writer is to paint itself."""
    with patches.applied(*patches.HELPER_PAINTING):
        return paint_run(pages)


def paint_claimed(styles: Path, sheets, chapters: list[tuple[bytes, int]], runs: list[tuple[int, int, int]],
                  inbox: Path) -> int:
    """In a helper: paint runs of pages, (chapter, start, end), from the back of the list until
    they meet the ones the main process claims from the front; each is left in the inbox and its
    name sent. Returns how many."""
    standing: dict[int, list] = {}
    sent = 0
    while (index := claim_last(len(runs))) is not None:
        chapter, start, end = runs[index]
        if chapter not in standing:  # runs are claimed backwards: the chapter before is done with
            standing.clear()
            standing[chapter] = standing_pages(styles, sheets, *chapters[chapter])
        if not post(inbox, f"{index}.painted", (index, paint_pages(standing[chapter][start:end]))):
            break
        sent += 1
    return sent


@dataclass
class PaintShare:
    """Runs of chapter pages, in book order, that helpers paint from the last while the writer
    paints from the first: each run is claimed by one side only."""

    helpers: Helpers
    parts: list[list]  # each run's pages, as the writer holds them
    futures: list[Future]
    inbox: Path
    _front: int = 0  # parts up to here are settled: claimed here, or waited for
    _mine: set[int] = field(default_factory=set)
    _painted: dict[int, list] = field(default_factory=dict)

    @classmethod
    def start(cls, helpers: Helpers, inbox: Path, styles: Path, sheets, chapters: list[tuple[int, bytes, list]]):
        """Offer the chapters, (first page, pickled pages, pages) in book order, to every helper."""
        runs = [(number, start, min(start + RUN_PAGES, len(pages)))
                for number, (_, _, pages) in enumerate(chapters) for start in range(0, len(pages), RUN_PAGES)]
        helpers.open_ends()
        offered = [(data, first) for first, data, _ in chapters]
        futures = []
        for _ in range(helpers.count):
            try:
                futures.append(helpers.submit(paint_claimed, styles, sheets, offered, runs, inbox))
            except Exception:  # a broken pool (a helper died): the writer paints every page
                break
        return cls(helpers, [chapters[number][2][start:end] for number, start, end in runs], futures, inbox)

    def painted(self, part: int, position: int) -> PaintedPage | None:
        """The part's page at `position` as a helper painted it, or None: it is the writer's to
        paint (claimed here, or a helper could not)."""
        while self._front <= part:
            claimed = self.helpers.claim_first(len(self.parts)) if self.futures else self._front
            if claimed is None:
                break  # the helpers have the rest
            self._mine.add(claimed)
            self._front = claimed + 1
        if part in self._mine:
            return None
        self._wait_for(part)
        pages = self._painted.get(part)
        if pages is None or len(pages) != len(self.parts[part]):
            return None
        painted, pages[position] = pages[position], None  # replayed once: not kept till the end
        return painted

    def _wait_for(self, part: int) -> None:
        heard = time.monotonic()
        while part not in self._painted:
            message = self.helpers.sent(wait=0.05)
            if message is not None:
                self._take(message)
                heard = time.monotonic()
            elif all(future.done() for future in self.futures) or time.monotonic() - heard > RECEIVE_SECONDS:
                while (message := self.helpers.sent()) is not None:
                    self._take(message)
                self._painted.setdefault(part, None)  # its helper failed, or is stuck: painted here

    def _take(self, message) -> None:
        _, name = message
        stem, _, kind = str(name).partition(".")
        if kind != "painted" or not stem.isdigit():
            return
        posted = collect(self.inbox, name)
        index, pages = posted if posted is not None else (int(stem), None)  # unreadable: painted here
        self._painted[index] = pages
