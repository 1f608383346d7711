"""Chapters laid out by helper processes while the main process lays out others.

Both sides claim chapters from one list, longest first, so the work balances
itself: a helper that started late, or a chapter slower than its length
suggests, just means the other side takes one more. Each helper sends its
chapters back as pickled pages (see weasy/page_transfer.py); the main
process joins them with its own into one WeasyPrint document, so the PDF is
written once, with one structure tree, one outline and one subset of each
font — the same bytes as a build laid out in a single process.

A helper writes each chapter to a file of the share's inbox folder and sends
only its name through the queue: a helper that dies mid-write leaves a file
that is never named, never half a message the main process would wait for.
Nothing is lost if a helper fails: any chapter not received is laid out by
the main process.

What a helper does with a chapter is the writer's: it passes its task
function to `ChapterShare.start`.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ...model import Book, Chapter
from ...workers import Helpers, collect
from .layout_cache import CachedPart

#: How long to wait for a chapter a helper has said it sent before laying it out here.
RECEIVE_SECONDS = 120


@dataclass
class SentChapter:
    """A chapter from a helper: its part as the layout cache holds it, or None if its pages
    could not be pickled (the main process then lays it out)."""

    index: int
    key: str  # in the layout cache ("" without one)
    part: CachedPart | None
    reused: bool = False  # the layout came from the cache


def cost(chapter: Chapter) -> int:
    """A chapter's expected layout time, in characters (notes count double: they are set twice)."""
    body = sum(len(text.text) for text in chapter.article.texts())
    notes = sum(len(paragraph.text) for note in chapter.notes for paragraph in note.paragraphs)
    return body + 2 * notes


@dataclass
class ChapterShare:
    """Who lays out which chapter of one PDF: claims from one list, longest chapter first."""

    order: list[int]  # chapter indexes, longest first
    helpers: Helpers | None = None
    futures: list[Future] = field(default_factory=list)
    inbox: Path | None = None  # where helpers leave their chapters
    _local: int = 0  # next claim when there are no helpers
    _received: Counter = field(default_factory=Counter)  # helper pid -> chapters taken in

    @classmethod
    def start(cls, book: Book, styles: Path, helpers: Helpers | None, cache: Path | None = None,
              task: Callable | None = None) -> "ChapterShare":
        """Offer the book's chapters to the helpers: each runs `task(book, styles, order, cache,
        inbox)`, which claims chapters by their place in `order` and posts each one to `inbox`
        as a SentChapter, and returns (its process id, how many it sent)."""
        if helpers is not None and task is None:
            raise ValueError("helpers need the task that lays their chapters out")
        order = sorted(range(len(book.chapters)), key=lambda i: -cost(book.chapters[i]))
        share = cls(order, helpers)
        if helpers is not None:
            share.inbox = Path(tempfile.mkdtemp(prefix="reader-chapters-"))
            share.futures = [helpers.submit(task, book, styles, order, cache, share.inbox)
                             for _ in range(helpers.count)]
        return share

    def close(self) -> None:
        """Stop helpers claiming work, then remove the inbox (no helper writes there again)."""
        if self.helpers is not None:
            self.helpers.close_claims()
        if self.inbox is not None:
            shutil.rmtree(self.inbox, ignore_errors=True)

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

    def _take(self, message) -> SentChapter | None:
        pid, name = message
        self._received[pid] += 1
        return collect(self.inbox, name)  # None (unreadable): the chapter is laid out here

    def arrived(self) -> list[SentChapter]:
        """The chapters helpers have sent so far (does not wait)."""
        arrived = []
        while self.helpers is not None and (message := self.helpers.sent()) is not None:
            arrived.append(self._take(message))
        return [sent for sent in arrived if sent is not None]

    def rest(self) -> list[SentChapter]:
        """The chapters still to come from helpers (waits for them); a failed helper's are not all among them."""
        rest = self.arrived()
        expected: dict[int, int] = {}
        for future in self.futures:
            try:
                pid, count = future.result()
            except Exception:  # a broken pool or a crash: the chapters it did not send are laid out here
                continue
            expected[pid] = expected.get(pid, 0) + count
        while any(self._received[pid] < count for pid, count in expected.items()):
            message = self.helpers.sent(wait=RECEIVE_SECONDS)
            if message is None:
                break
            rest.append(self._take(message))
        rest.extend(self.arrived())  # stragglers of a helper that failed after sending
        return [sent for sent in rest if sent is not None]
