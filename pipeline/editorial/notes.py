"""Notes: anchor editors' notes to quoted phrases, then number all notes.

Source notes and editors' notes share one sequence per chapter, numbered in
reading order. A call whose note the scraped text lacks stays visible: the
reader is told the note is missing from the source (unless an editor has
supplied its text), and the build warns, naming the chapter and sentence.
"""

from __future__ import annotations

import re

from ..model import Article, BlockKind, Mark, MarkKind, Note, NoteOrigin, Text
from ..problems import Problem
from .load import ChapterSpec, NoteSpec
from .phrases import closest_passages, find_all, fold
from .prose import markdown_paragraphs
from .yamlfile import YamlDocument

MISSING_TEXT = "The text of this note is missing from the source."
_AFTER_CALL = set(".,;:!?’”)")
_SENTENCE_START = re.compile(r"[.!?…][”’\"')\]]?\s+(?=\S)")


def editor_note_key(index: int) -> str:
    return f"e{index + 1}"


def reading_texts(article: Article, headings: bool = False) -> list[Text]:
    """Texts that may carry note calls and glossary links, in reading order."""
    texts: list[Text] = []
    if article.standfirst:
        texts.append(article.standfirst)
    if article.epigraph:
        texts.extend(article.epigraph.lines)
    for block in article.blocks:
        if block.kind is BlockKind.HEADING and not headings:
            continue
        texts.extend(block.lines)
    return texts


def sentence_at(text: str, offset: int) -> str:
    starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, offset)]
    start = starts[-1] if starts else 0
    sentence = text[start:offset].strip()
    return sentence if len(sentence) <= 160 else "…" + sentence[-157:]


def anchor_editor_notes(article: Article, notes: list[NoteSpec], doc: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []
    texts = reading_texts(article)
    folded = [fold(text.text) for text in texts]  # once per text, not once per note
    placed: dict[tuple[int, int], NoteSpec] = {}  # (text, offset) -> the note whose call stands there
    for spec in notes:
        hits = [(text, span) for text, f in zip(texts, folded) for span in find_all(spec.after, text.text, f)]
        if not hits:
            near = closest_passages(spec.after, [t.text for t in texts])
            problems.append(doc.problem(
                f"phrase “{spec.after}” is not in chapter '{spec.chapter}'", (*spec.where, "after"),
                hint=("closest passages: " + " | ".join(f"“{p}”" for p in near)) if near
                else "quote the phrase exactly as it reads in the cleaned chapter"))
            continue
        if spec.occurrence is None and len(hits) > 1:
            shown = " | ".join(f"“…{sentence_at(t.text, s[1])}”" for t, s in hits[:3])
            problems.append(doc.problem(
                f"phrase “{spec.after}” occurs {len(hits)} times in chapter '{spec.chapter}'",
                (*spec.where, "after"), hint=f"add occurrence: N (1 = first) or quote a longer phrase; {shown}"))
            continue
        index = (spec.occurrence or 1) - 1
        if index >= len(hits):
            problems.append(doc.problem(
                f"occurrence {spec.occurrence} asked, but “{spec.after}” occurs {len(hits)} time(s) in "
                f"chapter '{spec.chapter}'", (*spec.where, "occurrence"),
                hint=_occurrence_hint(spec, hits)))
            continue
        text, (_, end) = hits[index]
        while end < len(text.text) and text.text[end] in _AFTER_CALL and not (
                text.text[end] == "’" and text.text[end + 1:end + 2].isalpha()):
            end += 1  # the call follows the punctuation that closes the phrase, as in British practice
        first = placed.setdefault((id(text), end), spec)
        if first is not spec:
            problems.append(_same_place_problem(first, spec, doc))
            continue
        text.marks.append(Mark(MarkKind.NOTE_CALL, end, end, editor_note_key(spec.index)))
        text.marks.sort(key=lambda m: (m.start, m.end))
    return problems


def _same_place_problem(first: NoteSpec, second: NoteSpec, doc: YamlDocument) -> Problem:
    """Two calls at one place print side by side ("1" and "2" read as note 12)."""
    first_line, second_line = doc.where(first.where)[0], doc.where(second.where)[0]
    return doc.problem(
        f"the notes at lines {first_line} and {second_line} both follow “{second.after}” in chapter "
        f"'{second.chapter}': their calls would stand side by side and read as one number",
        (*second.where, "after"), hint=f"merge them into one note (the one at line {first_line})")


def _occurrence_hint(spec: NoteSpec, hits: list) -> str:
    """What to write instead of an occurrence the chapter does not have: the last one there is,
    or a longer phrase, with the sentences the phrase stands in so the editor can choose."""
    shown = " | ".join(f"“…{sentence_at(t.text, s[1])}”" for t, s in hits[:3])
    last = "occurrence: 1 (or leave it out)" if len(hits) == 1 else f"occurrence: 1 to {len(hits)}"
    return f"use {last}, or quote a longer phrase; {shown}"


def _source_paragraphs(text: Text) -> list[Text]:
    """The source's note as its one paragraph: its words only, as the page gave them."""
    return [Text(text.text, line=text.line)]


def number_notes(chapter_id: str, article: Article, spec: ChapterSpec, editor_notes: list[NoteSpec],
                 doc: YamlDocument) -> tuple[list[Note], list[Problem]]:
    """All notes of a chapter in reading order, numbered from 1, plus warnings."""
    sources = {n.number: n for n in article.source_notes}
    editors = {editor_note_key(n.index): n for n in editor_notes}
    notes: list[Note] = []
    problems: list[Problem] = []
    called: set[int] = set()
    for text in reading_texts(article):
        for mark in sorted((m for m in text.marks if m.kind is MarkKind.NOTE_CALL), key=lambda m: m.start):
            number = len(notes) + 1
            if mark.ref in editors:
                paragraphs = markdown_paragraphs(editors[mark.ref].text)
                notes.append(Note(mark.ref, number, NoteOrigin.EDITOR, paragraphs))
                continue
            source_number = int(mark.ref[1:])
            called.add(source_number)
            if source_number in sources:
                notes.append(Note(mark.ref, number, NoteOrigin.SOURCE,
                                  _source_paragraphs(sources[source_number].text)))
            elif source_number in spec.missing_notes:
                paragraphs = markdown_paragraphs(spec.missing_notes[source_number][0])
                notes.append(Note(mark.ref, number, NoteOrigin.SUPPLIED, paragraphs))
            else:
                notes.append(Note(mark.ref, number, NoteOrigin.MISSING, [Text(MISSING_TEXT)]))
                problems.append(Problem(
                    f"chapter '{chapter_id}': the source calls note {source_number} but its notes list lacks "
                    f"it, after “{sentence_at(text.text, mark.start)}”", spec.seed, text.line,
                    hint=f"supply its text under missing_notes (number: {source_number}) of this chapter in "
                         f"editorial/book.yaml", severity="warning"))
    for number, note in sorted(sources.items()):
        if number not in called:
            problems.append(Problem(
                f"chapter '{chapter_id}': source note {number} has no call in the text: "
                f"“{note.text.text[:80]}”", spec.seed, note.text.line,
                hint="the call may have been lost in the scrape; the note is left out", severity="warning"))
    for number, (_, where) in sorted(spec.missing_notes.items()):
        if number in sources or number not in called:
            reason = "the source has this note" if number in sources else "no call in the text has this number"
            problems.append(doc.problem(f"missing_notes {number} is not used: {reason}", where,
                                        severity="warning"))
    return notes, problems
