"""Misprints of a web page that the book corrects (book.yaml: a chapter's `corrections:`).

A reprint mends its sources' obvious slips ("One in power" for "Once in power") and
leaves their words otherwise alone. An editor quotes the words as the cleaned chapter
has them (`was`) and gives them mended (`now`); the words are found as editors' notes
find their phrases, whatever quotes and dashes were typed. A correction that matches
nothing, or several places without saying which, runs over a note's call, or rewrites
more than it mends, is an error at its line in book.yaml. Each correction is listed in the cleaning report.
Corrections are made before the notes are anchored and the house style is set, so a
note may quote the mended words and a correction's quotes and dashes are set like the
rest.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..model import Article, MarkKind, Text
from ..problems import Problem
from ..style import StyleChanges, article_texts
from ..style.edits import Edit, apply_edits
from .load import ChapterSpec, CorrectionSpec
from .notes import sentence_at
from .phrases import closest_passages, find_all, fold
from .yamlfile import YamlDocument

RULE = "corrections"
#: How much of the quoted words a correction keeps (difflib's ratio): a misprint's mending, not a rewrite.
_KEPT = 0.6


def _correctable(article: Article) -> Iterator[Text]:
    """Every Text of a cleaned article: its title, its body (`article_texts`) and its own notes, not yet
    numbered with the editors'."""
    if article.title:
        yield article.title
    yield from article_texts(article)
    for note in article.source_notes:
        yield note.text


def correct_misprints(article: Article, spec: ChapterSpec, doc: YamlDocument, where: str,
                      changes: StyleChanges | None = None) -> list[Problem]:
    """Make the chapter's corrections in place (`where`: the chapter as the report names it); return the
    problems of those that cannot be made, in which case none is made."""
    if not spec.corrections:
        return []
    texts = list(_correctable(article))
    folded = [fold(text.text) for text in texts]
    edits: dict[int, list[Edit]] = {}
    problems: list[Problem] = []
    for correction in spec.corrections:
        found = _place(correction, spec, texts, folded, doc)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        k, (start, end) = found
        if any(start < e.end and e.start < end for e in edits.get(k, [])):
            problems.append(doc.problem(f"correction “{correction.was}” overlaps another correction",
                                        (*correction.where, "was"), hint="make the two one correction"))
            continue
        edits.setdefault(k, []).append(Edit(start, end, correction.now, RULE))
    if problems:
        return problems
    for k, text_edits in edits.items():
        for rule, before, after in apply_edits(texts[k], text_edits):
            if changes is not None:
                changes.add(rule, where, before, after)
    return []


def _place(correction: CorrectionSpec, spec: ChapterSpec, texts: list[Text], folded: list,
           doc: YamlDocument) -> tuple[int, tuple[int, int]] | Problem:
    """Which text and span the correction mends, or the problem that says why it cannot be told."""
    where = (*correction.where, "was")
    if difflib.SequenceMatcher(None, correction.was, correction.now).ratio() < _KEPT:
        return doc.problem(f"correction “{correction.was}” → “{correction.now}” rewrites more than it mends",
                           (*correction.where, "now"),
                           hint="a correction mends a misprint and keeps the author's words; "
                                "say more in an editors' note (notes.yaml)")
    hits = [(k, span) for k, (text, f) in enumerate(zip(texts, folded))
            for span in find_all(correction.was, text.text, f)]
    if not hits:
        near = closest_passages(correction.was, [t.text for t in texts])
        return doc.problem(f"correction “{correction.was}” is not in chapter '{spec.id}'", where,
                           hint=("closest passages: " + " | ".join(f"“{p}”" for p in near)) if near
                           else "quote the words exactly as they read in the cleaned chapter")
    if correction.occurrence is None and len(hits) > 1:
        shown = " | ".join(f"“…{sentence_at(texts[k].text, end)}”" for k, (_start, end) in hits[:3])
        return doc.problem(f"correction “{correction.was}” occurs {len(hits)} times in chapter '{spec.id}'", where,
                           hint=f"add occurrence: N (1 = first) or quote more words; {shown}")
    index = (correction.occurrence or 1) - 1
    if index >= len(hits):
        return doc.problem(f"occurrence {correction.occurrence} asked, but “{correction.was}” occurs {len(hits)} "
                           f"time(s) in chapter '{spec.id}'", (*correction.where, "occurrence"),
                           hint=f"use occurrence: 1 to {len(hits)}, or leave it out" if len(hits) > 1
                           else "leave occurrence out")
    k, (start, end) = hits[index]
    if any(m.kind is MarkKind.NOTE_CALL and start < m.start < end for m in texts[k].marks):
        return doc.problem(f"correction “{correction.was}” runs over a note's call", where,
                           hint="quote only the words before the call, or only those after it: the call stays "
                                "where the author put it")
    return hits[index]
