"""Paragraphs the page shows twice.

Multi-part pages repeat a part's summary above its heading and again as its
first paragraph; galleries repeat captions. One copy is article text, the
other is furniture: the copy standing directly above a heading is the teaser, and
so is a copy in a run of lines the page repeats (a table of contents lists the
headings that stand, each above its own paragraphs, further down); otherwise the
later copy goes.
"""

from __future__ import annotations

import re

from .features import is_heading_like, word_count
from .units import Event, Role, StageResult, Unit, dropped

STAGE = "duplicates"
_MIN_WORDS = 8  # short lines ("Read more", a repeated heading) repeat legitimately
_FOLD = re.compile(r"\W+")


def _key(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def drop_duplicates(units: list[Unit]) -> StageResult:
    seen: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if unit.role is Role.BODY and word_count(unit.text) >= _MIN_WORDS:
            seen.setdefault(_key(unit.text), []).append(i)
    repeated = _repeated_lines(units)
    drop: set[int] = set()
    for indexes in seen.values():
        if len(indexes) < 2:
            continue
        teaser = [i for i in indexes if _stands_above_heading(units, i) or _in_repeated_run(units, i, repeated)]
        if not teaser and _in_own_entries(units, indexes):
            continue
        keep = next((i for i in indexes if i not in teaser), indexes[0])
        drop.update(i for i in indexes if i != keep and not units[i].keep and not units[i].pinned)
    events: list[Event] = []
    kept: list[Unit] = []
    for i, unit in enumerate(units):
        if i in drop:
            events.append(dropped(STAGE, "duplicate-paragraph", unit))
        else:
            kept.append(unit)
    return StageResult(kept, events)


def _stands_above_heading(units: list[Unit], i: int) -> bool:
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and (nxt.role is Role.HEADING or is_heading_like(nxt.text))


def _repeated_lines(units: list[Unit]) -> set[str]:
    """The keys of article lines, of any length, that the page shows more than once."""
    counts: dict[str, int] = {}
    for unit in units:
        if unit.role is Role.BODY and unit.text:
            counts[_key(unit.text)] = counts.get(_key(unit.text), 0) + 1
    return {key for key, n in counts.items() if n > 1}


def _in_repeated_run(units: list[Unit], i: int, repeated: set[str]) -> bool:
    """A copy next to another repeated line is one entry of a list of them (contents, teasers)."""
    return any(0 <= j < len(units) and units[j].role is Role.BODY and _key(units[j].text) in repeated
               for j in (i - 1, i + 1))


def _in_own_entries(units: list[Unit], indexes: list[int]) -> bool:
    """Each copy is a line of its own entry: the lines just above the copies all differ, and so do
    the lines just below (a tour's "Included services" paragraph, shared by two tours of a list)."""
    above = [_key(units[i - 1].text) if i > 0 else "" for i in indexes]
    below = [_key(units[i + 1].text) if i + 1 < len(units) else "" for i in indexes]
    far = all(b - a > 2 for a, b in zip(indexes, indexes[1:]))
    return far and len(set(above)) == len(above) and len(set(below)) == len(below)
