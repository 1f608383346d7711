"""A chapter's outline: its parts (an article published in instalments) and its sections.

A part's title is a heading of level 0 (book.yaml's `part:`). Where text stands before the first,
that text is part one, untitled: the article's first instalment, under the chapter's own title.
Both editions nest the sections in their parts: the chapter's markup, the e-book's contents and
the PDF's bookmarks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, BlockKind, Chapter
from . import ids


@dataclass
class OutlineEntry:
    """A part or a section as the contents list it: where it starts, its title, what it holds."""

    id: str
    title: str
    children: list[OutlineEntry] = field(default_factory=list)


def part_numbers(blocks: list[Block]) -> dict[int, int]:
    """The number of each part's title by its block's index: from 2 where text stands before the first
    (an untitled part one), else from 1."""
    titles = [k for k, block in enumerate(blocks) if block.kind is BlockKind.HEADING and block.level == 0]
    first = 2 if titles and titles[0] > 0 else 1
    return {k: first + n for n, k in enumerate(titles)}


def opens_untitled(parts: dict[int, int]) -> bool:
    """Whether the chapter whose `part_numbers` these are opens with an untitled part one."""
    return min(parts.values(), default=1) == 2


_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def part_name(number: int) -> str:
    """ "Part two": in words, as a book names its parts, up to twelve."""
    return f"Part {_NUMBER_WORDS[number - 1] if number <= len(_NUMBER_WORDS) else number}"


def part_label(number: int, title: str | None) -> str:
    """A part as the contents and the bookmarks name it: "Part two: Stalin and the Second World War"."""
    return f"{part_name(number)}: {title}" if title else part_name(number)


def chapter_outline(chapter: Chapter) -> list[OutlineEntry]:
    """The chapter's parts, each with its sections, or (without parts) its sections."""
    blocks = chapter.article.blocks
    parts = part_numbers(blocks)
    top: list[OutlineEntry] = []
    part: OutlineEntry | None = None
    if opens_untitled(parts):
        part = OutlineEntry(ids.part_id(chapter, 1), part_label(1, None))
        top.append(part)
    index = 0
    for k, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        if k in parts:
            part = OutlineEntry(ids.part_id(chapter, parts[k]), part_label(parts[k], block.lines[0].text))
            top.append(part)
        elif block.level == 1:
            index += 1
            entry = OutlineEntry(ids.section_id(chapter, index), block.lines[0].text)
            (part.children if part is not None else top).append(entry)
    return top

