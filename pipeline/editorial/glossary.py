"""Glossary: link the first use of each entry in every chapter.

Forms match as whole words. Case follows the editor's writing: a form with a
capital ("Party") matches only capitalised text; a lower-case form ("kulak")
also matches at a sentence start ("Kulak"); `match_case: false` ignores case.
Where forms overlap, the longest wins ("Left Opposition" over "Opposition").
Links never go inside headings, note calls or web addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import WEB_ADDRESS, Chapter, GlossaryEntry, Mark, MarkKind
from ..problems import Problem
from .notes import reading_texts



def _escape(text: str) -> str:
    return re.escape(text).replace(r"\ ", r"\s+")


def _form_pattern(form: str, match_case: bool) -> str:
    if not match_case:
        return f"(?i:{_escape(form)})"
    first = form[:1]
    if first.islower():
        return f"[{re.escape(first)}{re.escape(first.upper())}]{_escape(form[1:])}"
    return _escape(form)


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Matcher:
    """Finds glossary forms in text: candidates by first word, then each form's pattern."""

    entries: list[GlossaryEntry]
    by_first_word: dict[str, list[tuple[re.Pattern, str]]] = field(init=False)

    def __post_init__(self) -> None:
        forms = [(form, entry) for entry in self.entries for form in entry.forms]
        forms.sort(key=lambda fe: -len(fe[0]))  # the longest form wins
        self.by_first_word = {}
        for form, entry in forms:
            first = _WORD.match(form)
            if not first:
                continue
            # Whole words; a possessive "’s" may follow ("Trotsky’s" links "Trotsky").
            pattern = re.compile(rf"(?:{_form_pattern(form, entry.match_case)})(?![\w-]|['’](?!s\b)\w)")
            self.by_first_word.setdefault(first.group().lower(), []).append((pattern, entry.id))

    def find(self, text: str):
        position = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < position or (start and (text[start - 1].isalnum() or text[start - 1] in "'’-_")):
                continue
            for pattern, entry_id in self.by_first_word.get(word.group().lower(), ()):
                match = pattern.match(text, start)
                if match:
                    yield start, match.end(), entry_id
                    position = match.end()
                    break


def link_glossary(chapters: list[Chapter], entries: list[GlossaryEntry]) -> dict[str, list[str]]:
    """Add a link at each entry's first use per chapter; return entry id -> chapter ids."""
    matcher = Matcher(entries)
    uses: dict[str, list[str]] = {e.id: [] for e in entries}
    for chapter in chapters:
        linked: set[str] = set()
        for text in reading_texts(chapter.article):
            urls = [m.span() for m in WEB_ADDRESS.finditer(text.text)]
            calls = [m.start for m in text.marks if m.kind is MarkKind.NOTE_CALL]
            taken = [(m.start, m.end) for m in text.marks if m.kind is not MarkKind.NOTE_CALL]
            for start, end, entry_id in matcher.find(text.text):
                if entry_id in linked:
                    continue
                if any(start < c < end for c in calls):
                    continue
                if any(start < b and a < end for a, b in urls + taken):
                    continue
                text.marks.append(Mark(MarkKind.GLOSSARY, start, end, entry_id))
                taken.append((start, end))
                linked.add(entry_id)
                uses[entry_id].append(chapter.id)
                entry = next(e for e in entries if e.id == entry_id)
                entry.uses.append(chapter.id)
            text.marks.sort(key=lambda m: (m.start, m.end))
    return uses


def unused_warnings(entries: list[GlossaryEntry], uses: dict[str, list[str]], path) -> list[Problem]:
    return [Problem(f"glossary entry '{e.term}' is never used in the text", path, e.line,
                    hint="add the form in which it appears to 'forms', or remove the entry",
                    severity="warning")
            for e in entries if not uses.get(e.id)]
