"""Editors' overrides, applied before any rule so that rules respect them.

An editor keeps a line the cleaner would drop, drops one it would keep, or
says what a line is (heading, a part's title, quotation, paragraph). The editorial layer has
already turned each quoted line start into a line number.
"""

from __future__ import annotations

from .units import Event, Overrides, StageResult, Unit, dropped, marked

STAGE = "overrides"
#: The rule of a line an editor made a part's title: assembled as a heading of level 0, over sections.
PART_RULE = "editor-part"


def apply_overrides(units: list[Unit], overrides: Overrides) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    for unit in units:
        lines = range(unit.line, max(unit.line, unit.last_line) + 1)
        if any(n in overrides.drop for n in lines):
            events.append(dropped(STAGE, "editor-drop", unit))
            continue
        if any(n in overrides.keep for n in lines):
            unit = unit.but(keep=True)
            events.append(marked(STAGE, "editor-keep", unit))
        role = overrides.role_for(unit.line)
        if role is not None:
            rule = PART_RULE if unit.line in overrides.part else f"editor-{role.value}"
            unit = unit.but(role=role, pinned=True, keep=True, rule=rule)
            events.append(marked(STAGE, rule, unit))
        out.append(unit)
    return StageResult(out, events)
