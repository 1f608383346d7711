"""Anchor ids, shared by both editions so that every link has one target.

Ids are unique across the whole book because the PDF is one document.
"""

from __future__ import annotations

from ..model import Chapter


def chapter_id(chapter: Chapter) -> str:
    return f"chapter-{chapter.number}"


def chapter_title_id(chapter: Chapter) -> str:
    return f"chapter-{chapter.number}-title"


def part_id(chapter: Chapter, number: int) -> str:
    return f"chapter-{chapter.number}-part-{number}"


def section_id(chapter: Chapter, index: int) -> str:
    return f"chapter-{chapter.number}-section-{index}"


def noteref_id(chapter: Chapter, number: int) -> str:
    return f"chapter-{chapter.number}-noteref-{number}"


def note_id(chapter: Chapter, number: int) -> str:
    return f"chapter-{chapter.number}-note-{number}"


def term_use_id(chapter: Chapter, entry_id: str) -> str:
    return f"chapter-{chapter.number}-term-{entry_id}"


def index_entry_id(entry_id: str) -> str:
    return f"index-{entry_id}"


def index_end_id(anchor: str) -> str:
    """Print's second anchor of an index occurrence, after its last word: with the first, after its first
    word, it shows a form that runs over a page's turn ("White Sea–Baltic Canal", a range of two pages)."""
    return f"{anchor}-end"


def glossary_entry_id(entry_id: str) -> str:
    return f"glossary-{entry_id}"


def chapter_notes_id(chapter: Chapter) -> str:
    return f"notes-chapter-{chapter.number}"


_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp",
               "image/svg+xml": "svg"}


def figure_id(chapter: Chapter, index: int) -> str:
    return f"chapter-{chapter.number}-figure-{index}"


def figure_file(chapter: Chapter, index: int, media_type: str) -> str:
    """The image's file in the EPUB (under images/): named by place, never by the page's own file name."""
    return f"images/chapter-{chapter.number}-figure-{index}.{_EXTENSIONS.get(media_type, 'bin')}"
