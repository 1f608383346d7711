"""Titles set in italics: books, papers and films the texts name in roman.

Web text loses the italics of titles (*The Revolution Betrayed*). Editors list
the titles once in book.yaml; every whole-word occurrence, anywhere in the book —
chapters and their headings, notes, the glossary, the introduction and the
sources — becomes an emphasis annotation, which both editions render as italics.
A title's short words may be capitalised either way ("Ten Days that Shook the
World" also finds "Ten Days That Shook the World"); its other words only as listed.
"""

from __future__ import annotations

import re

from ..model import Mark, MarkKind, Text
from ..problems import Problem
from .load import Editorial

_MINOR = frozenset("a an the and but or nor for of in on at to by as that with from into is was".split())


def _title_pattern(title: str) -> str:
    words = re.split(r"(\s+)", title)
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _MINOR:
            out.append(f"(?:{re.escape(word.lower())}|{re.escape(word.lower().capitalize())})")
        else:
            out.append(r"\s+" if word.isspace() else re.escape(word))
    return "".join(out)


def italics_pattern(titles: list[str]) -> re.Pattern:
    ordered = sorted(titles, key=len, reverse=True)  # "The Revolution Betrayed" before "Revolution Betrayed"
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(f"({_title_pattern(t)})" for t in ordered) + r")(?![\w-])")


def mark_titles(text: Text, pattern: re.Pattern, titles: list[str]) -> list[str]:
    """Add a title mark over every listed title in `text`; return the listed titles found."""
    ordered = sorted(titles, key=len, reverse=True)
    calls = [m.start for m in text.marks if m.kind is MarkKind.NOTE_CALL]
    spans = [(m.start, m.end) for m in text.marks if m.kind in (MarkKind.EMPHASIS, MarkKind.CODE, MarkKind.LINK)]
    found = []
    for match in pattern.finditer(text.text):
        start, end = match.span()
        if any(start < c < end for c in calls) or any(s <= start and end <= e for s, e in spans):
            if any(s <= start and end <= e for s, e in spans):
                found.append(ordered[match.lastindex - 1])  # already italic (an editor's *title*)
            continue
        text.marks.append(Mark(MarkKind.EMPHASIS, start, end, "title"))
        found.append(ordered[match.lastindex - 1])
    text.marks.sort(key=lambda m: (m.start, m.end))
    return found


def set_italics(texts, editorial: Editorial, changes=None) -> list[Problem]:
    """`texts`: (where, Text) pairs; `changes`: a StyleChanges that counts each title set in italics."""
    titles = editorial.italics
    pattern = italics_pattern(titles)
    found: set[str] = set()
    for where, text in texts:
        before = {(m.start, m.end) for m in text.marks if m.ref == "title"}
        found.update(mark_titles(text, pattern, titles))
        if changes is not None:
            for mark in text.marks:
                if mark.ref == "title" and (mark.start, mark.end) not in before:
                    title = text.text[mark.start:mark.end]
                    changes.add("italics", where, title, f"<i>{title}</i>")
    return [editorial.book.problem(f"italics: “{title}” does not occur in any chapter", ("italics", i),
                                   severity="warning", hint="check the spelling and capitals, or remove it")
            for i, title in enumerate(titles) if title not in found]
