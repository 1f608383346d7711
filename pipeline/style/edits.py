"""Edits to a Text that keep its marks where they belong.

A rule returns Edits (replace text[start:end] by `new`); `apply_edits` makes them
all at once and moves every mark with the text: a mark before an edit stays, a
mark after it shifts by the change in length, and a mark's edge inside an
edited span moves to that span's edge. A note call right after a word stays
right after it, whatever happens to the dash that follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Mark, Text


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new: str
    rule: str = ""


def _position(offset: int, edits: list[Edit], is_end: bool) -> int:
    """Where `offset` of the old text lands in the new one."""
    shift = 0
    for edit in edits:
        if offset <= edit.start:
            break
        if offset >= edit.end:
            shift += len(edit.new) - (edit.end - edit.start)
            continue
        return edit.start + shift + (len(edit.new) if is_end else 0)  # inside an edited span: to its edge
    return offset + shift


def apply_edits(text: Text, edits: list[Edit]) -> list[tuple[str, str, str]]:
    """Make `edits` (non-overlapping) to `text` in place; return (rule, before, after) for each."""
    edits = sorted((e for e in edits if text.text[e.start:e.end] != e.new), key=lambda e: (e.start, e.end))
    kept: list[Edit] = []
    for edit in edits:  # overlapping edits: the first wins
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    if not kept:
        return []
    old = text.text
    changes = [(e.rule, _context(old, e.start, e.end), "") for e in kept]
    parts, last = [], 0
    for edit in kept:
        parts.append(old[last:edit.start])
        parts.append(edit.new)
        last = edit.end
    parts.append(old[last:])
    text.text = "".join(parts)
    marks = []
    for mark in text.marks:
        start = _position(mark.start, kept, is_end=False)
        end = start if mark.start == mark.end else _position(mark.end, kept, is_end=True)
        marks.append(Mark(mark.kind, start, max(start, end), mark.ref))
    text.marks = sorted(marks, key=lambda m: (m.start, m.end, m.kind.value))
    new_starts = []
    shift = 0
    for edit in kept:
        new_starts.append(edit.start + shift)
        shift += len(edit.new) - (edit.end - edit.start)
    return [(rule, before, _context(text.text, s, s + len(e.new)))
            for (rule, before, _), e, s in zip(changes, kept, new_starts)]


def _context(text: str, start: int, end: int, width: int = 24) -> str:
    """The edited span with a little text either side, for the report."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
