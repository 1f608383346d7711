"""Drop what the body stage placed outside the article, once the head has taken its title and byline.

Lines before and after the article go. An aside inside it goes only when it
does not read as running text (a caption, a product name, a button): a
paragraph inside the article's span is never dropped by the text model's say-so.
On a saved page the markup's evidence has joined the text's (a disclaimer's,
a teaser's, a comment's container), and an aside goes even when it reads as
prose: on the development set's pages the prose asides kept were three parts
in four not the article's.
"""

from __future__ import annotations

from .features import is_prose
from .units import Event, Role, StageResult, Unit, dropped

STAGE = "outside"
_RULES = {"before": "outside-body", "after": "outside-body", "aside": "body-aside"}


def _goes(unit: Unit) -> bool:
    if not unit.place or unit.role is not Role.BODY or unit.pinned or unit.keep:
        return False
    return unit.place != "aside" or unit.markup is not None or not is_prose(unit.text)


def drop_outside(units: list[Unit]) -> StageResult:
    kept: list[Unit] = []
    events: list[Event] = []
    for unit in units:
        if _goes(unit):
            events.append(dropped(STAGE, _RULES[unit.place], unit, unit.why))
        else:
            kept.append(unit.but(place="", why="") if unit.place else unit)
    return StageResult(kept, events)
