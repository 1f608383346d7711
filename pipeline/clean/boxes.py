"""Boxes inside the article: a "Related" or "Read more" label and the short lines under it.

The body model keeps the article's span; a label of site furniture inside it
("Read more", "You may also like", "3 Comments") is never article text, and
the headlines listed under it belong to it, up to the article's next
paragraph. A label is told by its words (`vocabulary.TAIL_LABELS`,
`COMMENT_LABELS`), matched against the whole line.
"""

from __future__ import annotations

from .features import is_prose, word_count
from .units import Event, Role, StageResult, Unit, dropped
from .vocabulary import COMMENT_LABELS, TAIL_LABELS

STAGE = "boxes"
_LABEL_WORDS = 8
_ITEM_WORDS = 25  # a listed headline is shorter than this


def _movable(unit: Unit) -> bool:
    """Article text (or an aside within it) that no editor has decided on."""
    return unit.role is Role.BODY and not unit.pinned and not unit.keep and unit.place in ("", "aside")


def _is_label(text: str) -> bool:
    text = text.strip()
    return word_count(text) <= _LABEL_WORDS and bool(TAIL_LABELS.match(text) or COMMENT_LABELS.match(text))


def _heads_next_section(units: list[Unit], start: int, end: int) -> bool:
    """Whether the last of the lines a label lists (units[start:end]) is the article's next heading: right
    over a paragraph, and half as long as the headlines before it or less ("A levee under strain" under
    "Farmers count cost of lost harvest as insurers warn of premium rises")."""
    if end - start < 3 or end >= len(units) or not is_prose(units[end].text):
        return False
    before = [word_count(u.text) for u in units[start:end - 1]]
    return word_count(units[end - 1].text) * 2 <= sum(before) / len(before)


def drop_boxes(units: list[Unit]) -> StageResult:
    drop: dict[int, str] = {}
    i = 0
    while i < len(units):
        if _movable(units[i]) and _is_label(units[i].text):
            drop[i] = "section-label"
            j = i + 1
            while j < len(units) and _movable(units[j]) and not is_prose(units[j].text) \
                    and word_count(units[j].text) <= _ITEM_WORDS:
                drop[j] = "inline-teaser"
                j += 1
            if _heads_next_section(units, i + 1, j):
                del drop[j - 1]
            i = j
            continue
        i += 1
    kept: list[Unit] = []
    events: list[Event] = []
    for index, unit in enumerate(units):
        if index in drop:
            events.append(dropped(STAGE, drop[index], unit, "a label of site furniture, and what it lists"))
        else:
            kept.append(unit)
    return StageResult(kept, events)
