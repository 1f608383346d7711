"""Chapters laid out by helper processes while the main process lays out others.

Both sides claim chapters from one list, longest first, so the work balances
itself: a helper that started late, or a chapter slower than its length
suggests, just means the other side takes one more. Each helper sends its
chapters back as pickled pages (see page_transfer); the main process joins
them with its own into one WeasyPrint document, so the PDF is written once,
with one structure tree, one outline and one subset of each font — the same
bytes as a build laid out in a single process.

Nothing is lost if a helper fails: any chapter not received is laid out by
the main process.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Book, Chapter
from ..workers import Helpers, claim, send

#: How long to wait for a chapter a helper has said it sent before laying it out here.
RECEIVE_SECONDS = 120


@dataclass
class SentChapter:
    """A chapter laid out by a helper: its pages pickled, or None if they could not be."""

    index: int
    key: str  # in the layout cache ("" without one)
    pages: bytes | None
    first: dict[str, int]  # anchor -> page index within the chapter
    relaid: list = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    problem: str = ""
    reused: bool = False  # the layout came from the cache


def cost(chapter: Chapter) -> int:
    """A chapter's expected layout time, in characters (notes count double: they are set twice)."""
    body = sum(len(text.text) for text in chapter.article.texts())
    notes = sum(len(paragraph) for note in chapter.notes for paragraph in note.paragraphs)
    return body + 2 * notes


@dataclass
class ChapterShare:
    """Who lays out which chapter of one PDF: claims from one list, longest chapter first."""

    order: list[int]  # chapter indexes, longest first
    helpers: Helpers | None = None
    futures: list[Future] = field(default_factory=list)
    _local: int = 0  # next claim when there are no helpers
    _taken: int = 0  # chapters received from helpers

    @classmethod
    def start(cls, book: Book, styles: Path, helpers: Helpers | None, cache: Path | None = None) -> "ChapterShare":
        order = sorted(range(len(book.chapters)), key=lambda i: -cost(book.chapters[i]))
        share = cls(order, helpers)
        if helpers is not None:
            share.futures = [helpers.submit(lay_out_claimed, book, styles, order, cache)
                             for _ in range(helpers.count)]
        return share

    def claims(self):
        """In the main process: the chapter indexes this process is to lay out, as it claims them."""
        while True:
            if self.helpers is not None:
                position = self.helpers.claim()
            else:
                position, self._local = self._local, self._local + 1
            if position >= len(self.order):
                return
            yield self.order[position]

    def arrived(self) -> list[SentChapter]:
        """The chapters helpers have sent so far (does not wait)."""
        arrived = []
        while self.helpers is not None and (sent := self.helpers.sent()) is not None:
            arrived.append(sent)
        self._taken += len(arrived)
        return arrived

    def rest(self) -> list[SentChapter]:
        """The chapters still to come from helpers (waits for them); a failed helper's are not among them."""
        expected, rest = 0, self.arrived()
        for future in self.futures:
            try:
                expected += future.result()
            except Exception:  # a broken pool or a crash: the chapters it did not send are laid out here
                continue
        while self._taken < expected and (sent := self.helpers.sent(wait=RECEIVE_SECONDS)) is not None:
            rest.append(sent)
            self._taken += 1
        return rest


def lay_out_claimed(book: Book, styles: Path, order: list[int], cache: Path | None = None) -> int:
    """In a helper: lay out chapters as they are claimed (or take them from the cache), until none
    is left, and send each one as it is done; returns how many were sent."""
    from .page_transfer import PLACEHOLDER_FIRST, TransferError
    from .pdf import PdfWriter

    writer = PdfWriter(book, styles, cache=cache)
    sent = 0
    with writer.session():
        while (position := claim()) < len(order):
            index = order[position]
            chapter = book.chapters[index]
            key, part = writer.cached_chapter(chapter)
            problem, reused = "", part is not None
            if part is None:
                start = len(writer.relaid)
                pages, first = writer._chapter(chapter, PLACEHOLDER_FIRST)
                try:
                    part = writer.store(key, pages, first, writer.relaid[start:])
                except TransferError as exc:
                    problem = str(exc)
            send(SentChapter(index, key, part and part.pages, part.first if part else {},
                             part.relaid if part else [], list(writer.fetcher.refused), problem, reused))
            sent += 1
            writer.fetcher.refused.clear()
    return sent
