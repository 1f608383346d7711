"""Note calls that survived the scrape as bare numerals glued to the text.

"…collapsed on 25 December 1991.1 Yet…" carries call 1; "only 1.3 percent"
carries none. Calls run 1, 2, 3 … in reading order, so the numerals are
aligned as a sequence: of all numerals glued to a word or a punctuation mark,
the chain with increasing values that best explains the text (strong
candidates, few gaps) is taken, and nothing else is touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .backmatter import NUMBERED
from .units import Event, Role, StageResult, Unit

STAGE = "notes"

_CANDIDATE = re.compile(r"(?<=[^\s\d,/\-–—:+£$€#%])(\d{1,3})(?=[\s\"“”’'),;\]]|$)")
_STRONG_AFTER = re.compile(r"(?:\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)")
_CALL_BEFORE = set(".,;:!?”’\")]…")
_TEXT_ROLES = {Role.BODY, Role.QUOTE, Role.LIST_ITEM, Role.STANDFIRST, Role.QUOTE_SIGNATURE,
               Role.QUOTE_SOURCE, Role.EPIGRAPH}
STRONG, WEAK, GAP = 3, 1, 2


@dataclass(frozen=True)
class Candidate:
    unit: int  # index into the units list
    start: int  # offset of the numeral in the unit's text
    end: int
    value: int
    strong: bool
    after_punctuation: bool


def note_numbers(units: list[Unit]) -> list[int]:
    return [int(NUMBERED.match(u.text).group(1)) for u in units
            if u.role is Role.NOTE and NUMBERED.match(u.text)]


def find_candidates(units: list[Unit], limit: int) -> list[Candidate]:
    found: list[Candidate] = []
    for index, unit in enumerate(units):
        if unit.role not in _TEXT_ROLES:
            continue
        for match in _CANDIDATE.finditer(unit.text):
            value = int(match.group(1))
            if not 1 <= value <= limit:
                continue
            before = unit.text[match.start() - 1]
            strong = bool(_STRONG_AFTER.match(unit.text, match.end()))
            found.append(Candidate(index, match.start(), match.end(), value, strong, before in _CALL_BEFORE))
    return found


def align(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """The best increasing chain of values (a Fenwick tree of prefix maxima keeps it linear)."""
    size = limit + 1
    tree: list[tuple[float, int]] = [(float("-inf"), -1)] * (size + 1)

    def update(value: int, item: tuple[float, int]) -> None:
        i = value + 1
        while i <= size:
            if item[0] > tree[i][0]:
                tree[i] = item
            i += i & -i

    def query(value: int) -> tuple[float, int]:  # max over values < `value`
        best = (float("-inf"), -1)
        i = value
        while i > 0:
            if tree[i][0] > best[0]:
                best = tree[i]
            i -= i & -i
        return best

    update(0, (0.0, -1))  # the empty chain, at value 0
    previous: list[int] = []
    scores: list[float] = []
    for k, cand in enumerate(candidates):
        base, pred = query(cand.value)
        # best[u] is stored as score + GAP * u so that the gap penalty stays linear.
        score = base - GAP * (cand.value - 1) + (STRONG if cand.strong else WEAK)
        if not cand.after_punctuation and not cand.strong:
            score -= WEAK  # a numeral glued to a word and followed by lower case: a weak guess
        previous.append(pred)
        scores.append(score)
        update(cand.value, (score + GAP * cand.value, k))
    if not candidates:
        return []
    end_score, k = query(size)
    chain: list[Candidate] = []
    while k >= 0:
        chain.append(candidates[k])
        k = previous[k]
    return [c for c in reversed(chain)]


def find_note_calls(units: list[Unit]) -> StageResult:
    """Strip aligned call numerals from the text and record them on their units."""
    numbers = note_numbers(units)
    if not numbers:
        return StageResult(list(units))
    limit = max(numbers) + 10
    candidates = find_candidates(units, limit)
    chain = align(candidates, limit)
    chosen = {(c.unit, c.start) for c in chain}
    out = list(units)
    events: list[Event] = []
    by_unit: dict[int, list[Candidate]] = {}
    for cand in chain:
        by_unit.setdefault(cand.unit, []).append(cand)
    for index, calls in by_unit.items():
        unit = out[index]
        text = unit.text
        offsets: list[tuple[int, int]] = []
        removed = 0
        for cand in sorted(calls, key=lambda c: c.start):
            offsets.append((cand.start - removed, cand.value))
            text = text[:cand.start - removed] + text[cand.end - removed:]
            removed += cand.end - cand.start
        out[index] = unit.but(text=text, calls=tuple(offsets))
        events.append(Event(STAGE, "note-call", "reshaped", unit.line, unit.text,
                            "calls " + ", ".join(str(v) for _, v in offsets)))
    for cand in candidates:
        if (cand.unit, cand.start) in chosen or not (cand.strong and cand.after_punctuation):
            continue
        if cand.value <= max(numbers):
            unit = units[cand.unit]
            events.append(Event(STAGE, "call-out-of-order", "warning", unit.line, unit.text,
                                f"numeral {cand.value} looks like a note call out of sequence"))
    return StageResult(out, events)
