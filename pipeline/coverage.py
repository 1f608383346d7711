"""Characters the book's fonts cannot draw.

Both editions are set in the fonts shipped in styles/fonts/. A character they
lack (an emoji, a rare script) would be drawn from whatever font the reader's
machine has — or not at all — so the build names it, with the chapter and line.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from .model import Book
from .problems import Problem
from .render.markdown import article_text


@lru_cache(maxsize=4)
def font_characters(font: Path) -> frozenset[int]:
    return frozenset(TTFont(str(font), lazy=True).getBestCmap())


def missing_glyphs(book: Book, font: Path) -> list[Problem]:
    covered = font_characters(font)
    problems = []
    for chapter in book.chapters:
        text = article_text(chapter.article)
        lacking = {ch for ch in set(text) if ord(ch) not in covered and not ch.isspace()}
        found: dict[str, int] = {}  # character -> first line it is on, in reading order
        for number, line in enumerate(text.splitlines(), start=1) if lacking else ():
            for ch in sorted(lacking.intersection(line), key=line.index):
                found.setdefault(ch, number)
        if found:
            shown = ", ".join(f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '?').lower()})" for ch in found)
            problems.append(Problem(
                f"chapter '{chapter.id}': the book's fonts have no glyph for {shown}",
                chapter.article.path, severity="warning",
                hint="readers will see a substitute font or a box; drop the line with a cleaning override, "
                     "or add a font that has the character to styles/"))
    return problems
