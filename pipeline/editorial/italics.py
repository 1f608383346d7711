"""Titles set in italics: books, papers and films the texts name in roman.

Web text loses the italics of titles (*The Revolution Betrayed*). Editors list
the titles once in book.yaml; every whole-word occurrence, anywhere in the book —
chapters and their headings, notes, the glossary, the introduction and the
sources — becomes an emphasis annotation, which both editions render as italics.
A title's short words may be capitalised either way ("Ten Days that Shook the
World" also finds "Ten Days That Shook the World"); its other words only as listed.

A title that is also a name or a common phrase ("Trotsky", "The Second World War")
is listed with the words around it and the title between asterisks, as in Markdown:
"D. Volkogonov, *Trotsky*" sets the book's title in italics where it follows its
author, and leaves the man's name roman everywhere else.
"""

from __future__ import annotations

import re

from ..model import Mark, MarkKind, Text, is_title, title_ref
from ..problems import Problem
from .load import Editorial

_MINOR = frozenset("a an the and but or nor for of in on at to by as that with from into is was".split())


#: An entry with its title between asterisks: the words around it are context, set as they are.
_IN_CONTEXT = re.compile(r"^(?P<before>[^*]*)\*(?P<title>[^*]+)\*(?P<after>[^*]*)$")


def title_of(entry: str) -> str:
    """The title an `italics:` entry names: the entry itself, or its words between asterisks."""
    match = _IN_CONTEXT.match(entry)
    return match.group("title") if match else entry


def _as_written(entry: str) -> str:
    """The words an entry matches in the text: without its asterisks."""
    return entry.replace("*", "")


def _words_pattern(title: str) -> str:
    words = re.split(r"(\s+)", title)
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _MINOR:
            out.append(f"(?:{re.escape(word.lower())}|{re.escape(word.lower().capitalize())})")
        else:
            out.append(r"\s+" if word.isspace() else re.escape(word))
    return "".join(out)


def _entry_pattern(entry: str, k: int) -> str:
    """Entry k as a group `e{k}` whose title is the group `t{k}`."""
    match = _IN_CONTEXT.match(entry)
    if not match:
        return f"(?P<e{k}>(?P<t{k}>{_words_pattern(entry)}))"
    before, title, after = (_words_pattern(match.group(g)) if match.group(g) else ""
                            for g in ("before", "title", "after"))
    return f"(?P<e{k}>{before}(?P<t{k}>{title}){after})"


def _longest_first(entries: list[str]) -> list[str]:
    return sorted(entries, key=lambda e: len(_as_written(e)), reverse=True)  # "The Revolution Betrayed" first


def italics_pattern(entries: list[str]) -> re.Pattern:
    alternatives = "|".join(_entry_pattern(e, k) for k, e in enumerate(_longest_first(entries)))
    return re.compile(r"(?<![\w’'-])(?:" + alternatives + r")(?![\w-])")


def mark_titles(text: Text, pattern: re.Pattern, entries: list[str],
                languages: dict[str, str] | None = None) -> list[str]:
    """Add a title mark over every listed title in `text` (with the entry's language, where `languages` gives
    one); return the entries found."""
    ordered = _longest_first(entries)
    calls = [m.start for m in text.marks if m.kind is MarkKind.NOTE_CALL]
    spans = [(m.start, m.end) for m in text.marks if m.kind in (MarkKind.EMPHASIS, MarkKind.CODE, MarkKind.LINK)]
    found = []
    for match in pattern.finditer(text.text):
        k = int(match.lastgroup[1:])  # the entry's group closes last
        start, end = match.span(f"t{k}")
        language = (languages or {}).get(ordered[k])
        if any(start < c < end for c in calls) or any(s <= start and end <= e for s, e in spans):
            if any(s <= start and end <= e for s, e in spans):
                found.append(ordered[k])  # already italic (an editor's *title*): given its language, if it has one
                if language:
                    _give_language(text, start, end, language)
            continue
        text.marks.append(Mark(MarkKind.EMPHASIS, start, end, title_ref(language)))
        found.append(ordered[k])
    text.marks.sort(key=lambda m: (m.start, m.end))
    return found


def _give_language(text: Text, start: int, end: int, language: str) -> None:
    """An emphasis over exactly these words (an editor's *Yo fui un ministro de Stalin* in a note) becomes the
    title's, in its language."""
    for k, mark in enumerate(text.marks):
        if mark.kind is MarkKind.EMPHASIS and (mark.start, mark.end) == (start, end) and not mark.ref:
            text.marks[k] = Mark(MarkKind.EMPHASIS, start, end, title_ref(language))


def set_italics(texts, editorial: Editorial, changes=None) -> list[Problem]:
    """`texts`: (where, Text) pairs; `changes`: a StyleChanges that counts each title set in italics."""
    titles = editorial.italics
    pattern = italics_pattern(titles)
    found: set[str] = set()
    for where, text in texts:
        before = {(m.start, m.end) for m in text.marks if m.kind is MarkKind.EMPHASIS}  # an editor's own too
        found.update(mark_titles(text, pattern, titles, editorial.italics_languages))
        if changes is not None:
            for mark in text.marks:
                if is_title(mark) and (mark.start, mark.end) not in before:
                    title = text.text[mark.start:mark.end]
                    changes.add("italics", where, title, f"<i>{title}</i>")
    return [editorial.book.problem(f"italics: “{title}” does not occur in any chapter", ("italics", i),
                                   severity="warning", hint="check the spelling and capitals, or remove it")
            for i, title in enumerate(titles) if title not in found]
