"""Titles set in italics: books, papers and films the articles name in roman.

Web text loses the italics of titles (*The Revolution Betrayed*). Editors list
the titles once in book.yaml; every whole-word occurrence becomes an emphasis
annotation, which both editions render as italics.
"""

from __future__ import annotations

import re

from ..model import Chapter, Mark, MarkKind
from ..problems import Problem
from .load import Editorial
from .notes import reading_texts


def set_italics(chapters: list[Chapter], editorial: Editorial) -> list[Problem]:
    titles = sorted(editorial.italics, key=len, reverse=True)  # "The Revolution Betrayed" before "Revolution"
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(t) for t in titles) + r")(?![\w-])")
    found: set[str] = set()
    for chapter in chapters:
        texts = reading_texts(chapter.article, headings=True)
        if chapter.article.about_author:
            texts.append(chapter.article.about_author)
        for text in texts:
            calls = [m.start for m in text.marks if m.kind is MarkKind.NOTE_CALL]
            for match in pattern.finditer(text.text):
                if any(match.start() < c < match.end() for c in calls):
                    continue
                text.marks.append(Mark(MarkKind.EMPHASIS, match.start(), match.end(), "title"))
                found.add(match.group())
            text.marks.sort(key=lambda m: (m.start, m.end))
    return [editorial.book.problem(f"italics: “{title}” does not occur in any chapter", ("italics", i),
                                   severity="warning", hint="check the spelling and capitals, or remove it")
            for i, title in enumerate(editorial.italics) if title not in found]
