"""From lines to blocks: blank lines, white space, and the two paragraph styles.

Scraped pages come in two styles: one block a line with blank lines between
(some sites), or one block a line with nothing between (others). Either way a
non-blank line is a block. A third style, prose hard-wrapped at a fixed width,
is recognised by its mid-sentence line ends and joined back into paragraphs.
"""

from __future__ import annotations

import re

from ..read import SourceText
from .units import Event, StageResult, Unit

STAGE = "blocks"

# Every kind of Unicode space (no-break, thin, ideographic …) and zero-width
# characters count as white space; runs collapse to one space.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\u2060]+")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’')\]]\s*$")


def normalise_space(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def split_blocks(source: SourceText) -> StageResult:
    """One unit per non-blank line; blank and white-space-only lines separate groups."""
    units: list[Unit] = []
    events: list[Event] = []
    group = 0
    previous_blank = True
    for number, raw in enumerate(source.lines, start=1):
        text = normalise_space(raw)
        if not text:
            if raw.strip(" \t"):
                events.append(Event(STAGE, "blank-line", "dropped", number, raw,
                                    "only no-break or zero-width spaces"))
            if not previous_blank:
                group += 1
            previous_blank = True
            continue
        units.append(Unit(line=number, text=text, group=group, last_line=number))
        previous_blank = False
    if source.removed_controls:
        events.append(Event(STAGE, "control-characters", "reshaped", 0, "",
                            f"{source.removed_controls} control characters removed"))
    wrapped = _hard_wrapped_groups(units)
    if wrapped:
        units, joined = _join_wrapped(units, wrapped)
        events.extend(joined)
    return StageResult(units, events)


def _is_mid_sentence(a: Unit, b: Unit) -> bool:
    return not _SENTENCE_END.search(a.text) and (b.text[:1].islower() or len(a.text) > 50)


def _hard_wrapped_groups(units: list[Unit]) -> set[int]:
    """Blocks whose line ends mostly fall mid-sentence: prose wrapped at a fixed width."""
    breaks: dict[int, list[bool]] = {}
    for a, b in zip(units, units[1:]):
        if a.group == b.group:
            breaks.setdefault(a.group, []).append(_is_mid_sentence(a, b))
    return {group for group, flags in breaks.items() if sum(flags) / len(flags) > 0.6}


def _wrap_widths(units: list[Unit], groups: set[int]) -> dict[int, int]:
    """The width each wrapped block was wrapped at, as most of its lines reach it (the 90th percentile)."""
    lengths: dict[int, list[int]] = {}
    for unit in units:
        if unit.group in groups:
            lengths.setdefault(unit.group, []).append(len(unit.text))
    return {group: sorted(values)[(len(values) - 1) * 9 // 10] for group, values in lengths.items()}


def _continues(prev: Unit, unit: Unit, width: int) -> bool:
    """Whether `unit` goes on with `prev`'s sentence: `prev` ends mid-sentence and either `unit` begins in lower
    case or `prev` was broken only because `unit`'s first word did not fit. A short line in a wrapped block (a
    menu item, a headline over the prose) ends its own block."""
    if _SENTENCE_END.search(prev.text):
        return False
    first_word = unit.text.split(" ", 1)[0]
    return unit.text[:1].islower() or len(prev.text) + 1 + len(first_word) > width


def _join_wrapped(units: list[Unit], groups: set[int]) -> tuple[list[Unit], list[Event]]:
    out: list[Unit] = []
    events: list[Event] = []
    widths = _wrap_widths(units, groups)
    for unit in units:
        prev = out[-1] if out else None
        if prev and prev.group == unit.group and unit.group in groups and \
                _continues(prev, unit, widths[unit.group]):
            joined = prev.text[:-1] + unit.text if prev.text.endswith("-") and unit.text[:1].islower() \
                else f"{prev.text} {unit.text}"
            out[-1] = prev.but(text=joined, last_line=unit.line)
            events.append(Event(STAGE, "hard-wrap", "reshaped", unit.line, unit.text,
                                f"joined to line {prev.line}"))
        else:
            out.append(unit)
    return out, events
