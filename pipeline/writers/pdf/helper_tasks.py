"""What helper processes run for the PDF, under names the main process can hand them early.

The build starts its helpers, and offers them the PDF's chapters, while it is
still preparing the book and importing WeasyPrint in a thread: so that their
work overlaps that, this module imports neither WeasyPrint nor the fast path.
Each task imports what it needs in the helper, where it runs.

A helper takes the fast path's work only on a WeasyPrint the fast path was
verified on (the gate, asked in the helper); on any other it sends nothing,
and the writer, which asks the same gate, makes the PDF on the plain path.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ...model import Book
from ...workers import Helpers
from . import weasy
from .chapter_share import ChapterShare
from .weasy.libraries import import_weasyprint


def warm_up(libraries: Path | None) -> None:
    """In a helper process as it starts: import WeasyPrint (`libraries`: where find_library's
    answers are kept) and the writer, while the main process prepares the book."""
    import_weasyprint(libraries)
    importlib.import_module(f"{__package__}.fast" if weasy.verified() else f"{__package__}.writer")


def share_chapters(book: Book, styles: Path, helpers: Helpers | None, cache: Path | None = None) -> ChapterShare:
    """The book's chapters offered to `helpers` to lay out on the fast path (from the layout
    cache if there); the main process claims its own from the same share."""
    return ChapterShare.start(book, styles, helpers, cache, task=lay_out_claimed)


def lay_out_claimed(book: Book, styles: Path, order: list[int], cache: Path | None, inbox: Path) -> tuple[int, int]:
    """In a helper: the fast path's chapter task (fast.lay_out_claimed); nothing on a WeasyPrint
    the fast path was not verified on. Returns this process's id and how many chapters it sent."""
    if not weasy.verified():
        return os.getpid(), 0
    from .fast import lay_out_claimed as fast_task  # in the helper only: it reaches into WeasyPrint

    return fast_task(book, styles, order, cache, inbox)
