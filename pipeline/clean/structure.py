"""Structure an HTML page states outright: section headings, list items and block quotations.

A text seed's structure is guessed from the words (`headings.py`,
`quotations.py`); a saved page says it with `<h2>`, `<li>` and `<blockquote>`,
and those stages leave its units to this one. An editor's override still wins.
"""

from __future__ import annotations

from .units import Event, Role, StageResult, Unit, marked

STAGE = "structure"


def _role(unit: Unit) -> tuple[Role, str] | None:
    markup = unit.markup
    if markup.heading >= 2 or (markup.heading == 1 and unit.role is Role.BODY):
        return Role.HEADING, "html-heading"
    if markup.quote_id:
        return Role.QUOTE, "html-quotation"
    if markup.list_id and markup.element == "li":
        return Role.LIST_ITEM, "html-list"
    return None


def recognise_structure(units: list[Unit]) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    previous_quote = 0
    for unit in units:
        markup = unit.markup
        if markup is None or unit.pinned or unit.role is not Role.BODY or markup.figure or markup.rows:
            out.append(unit)
            previous_quote = 0
            continue
        found = _role(unit)
        if found is not None:
            role, rule = found
            starts = role is Role.QUOTE and markup.quote_id != previous_quote
            unit = unit.but(role=role, rule=rule, starts_quote=starts)
            events.append(marked(STAGE, rule, unit))
        previous_quote = markup.quote_id if unit.role is Role.QUOTE else 0
        out.append(unit)
    return StageResult(out, events)
