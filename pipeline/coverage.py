"""Characters the book's fonts cannot draw.

Both editions are set in the fonts shipped in styles/fonts/. A character they
lack (an emoji, a rare script) would be drawn from whatever font the reader's
machine has — or not at all — so the build names it, with the chapter and line.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from .model import Book
from .problems import Problem
from .render.markdown import article_text


_LISTED = 8  # more characters lacking than this: the chapter is in a script the fonts lack, named as such


@lru_cache(maxsize=16)
def font_characters(font: Path) -> frozenset[int]:
    return frozenset(TTFont(str(font), lazy=True).getBestCmap())


def _script(ch: str) -> str:
    """The script a character belongs to, as its Unicode name begins ("CJK UNIFIED IDEOGRAPH" is Han)."""
    name = unicodedata.name(ch, "")
    if name.startswith("CJK"):
        return "Han"
    return name.split(" ")[0].title() if name else f"U+{ord(ch):04X}"


def _lacking(found: dict[str, int]) -> str:
    """The characters lacking, each named; or, when they are many, how many of which scripts, and the first."""
    if len(found) <= _LISTED:
        return "no glyph for " + ", ".join(f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '?').lower()})"
                                            for ch in found)
    scripts = Counter(_script(ch) for ch in found)
    named = [name for name, _n in scripts.most_common(3)]
    shown = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]
    return (f"no glyph for {len(found)} characters, of the {shown} scripts"
            + (" among others" if len(scripts) > 3 else "") + f" (the first: {''.join(list(found)[:12])})")


def missing_glyphs(book: Book, fonts: list[Path]) -> list[Problem]:
    """Per chapter, the characters none of the text's fonts (`text_fonts`) can draw."""
    covered = frozenset().union(*(font_characters(font) for font in fonts))
    problems = []
    for chapter in book.chapters:
        text = article_text(chapter.article)
        lacking = {ch for ch in set(text) if ord(ch) not in covered and not ch.isspace()}
        found: dict[str, int] = {}  # character -> first line it is on, in reading order
        for number, line in enumerate(text.splitlines(), start=1) if lacking else ():
            for ch in sorted(lacking.intersection(line), key=line.index):
                found.setdefault(ch, number)
        if found:
            many = len(found) > _LISTED
            problems.append(Problem(
                f"chapter '{chapter.id}': the book's fonts have {_lacking(found)}",
                chapter.article.path, severity="warning",
                hint="add a font for that script (an OFL font that covers it, such as the Noto font for it: Noto "
                     "Serif CJK, Noto Naskh Arabic …, with its licence) to styles/fonts/, with an @font-face rule "
                     "and its family after Charis SIL in shared.css's `html, body` font-family" if many else
                     "readers will see a substitute font or a box; drop the line with a cleaning override, "
                     "or add a font that has the character to styles/fonts/ and to shared.css's font-family"))
    return problems
