"""Structure an HTML page states outright: section headings, list items and block quotations.

A text seed's structure is guessed from the words (`headings.py`,
`quotations.py`); a saved page says it with `<h2>`, `<li>` and `<blockquote>`,
and those stages leave its units to this one. An editor's override still wins.
"""

from __future__ import annotations

from ..model import MarkKind
from .features import is_heading_like
from .language import line_size
from .units import Event, Role, StageResult, Unit, marked

STAGE = "structure"
#: An item's own text, or its paragraph (`<li><p>…</p></li>`, as Substack, Ghost and many editors write lists).
_ITEM_ELEMENTS = frozenset(("li", "p"))
_PARAGRAPH = 8  # a block this long (in words, or a script's characters as words) is running text


def _role(unit: Unit, bold_headings: bool = False) -> tuple[Role, str] | None:
    markup = unit.markup
    if markup.heading >= 2 or (markup.heading == 1 and unit.role is Role.BODY):
        return Role.HEADING, "html-heading"
    if bold_headings and _all_bold(unit) and is_heading_like(unit.text) and not markup.list_id:
        return Role.HEADING, "bold-heading"
    if markup.quote_id:
        return Role.QUOTE, "html-quotation"
    if markup.list_id and markup.element in _ITEM_ELEMENTS:
        return Role.LIST_ITEM, "html-list"
    return None


def _all_bold(unit: Unit) -> bool:
    """A block set wholly in bold: `<div><b>Что дальше</b></div>`, `<p><strong>Step two</strong></p>`."""
    text = unit.text
    covered = sum(m.end - m.start for m in unit.marks if m.kind is MarkKind.STRONG)
    return bool(text.strip()) and covered >= len(text.strip())


def _bold_headings(units: list[Unit]) -> set[int]:
    """Blocks in bold alone that head the article's sections: on a page whose article marks no heading of its
    own (a template of `<div>`s), a short bold line over running text is how it sets them."""
    if any(u.markup is not None and u.markup.heading >= 2 and u.role is Role.BODY for u in units):
        return set()  # headings of its own: a bold line is a lead-in or a label, not a section
    return {i for i, u in enumerate(units[:-1]) if u.markup is not None and _all_bold(u)
            and units[i + 1].role is Role.BODY and not _all_bold(units[i + 1])
            and line_size(units[i + 1].text) >= _PARAGRAPH}


def recognise_structure(units: list[Unit]) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    previous_quote = 0
    bold = _bold_headings(units)
    for k, unit in enumerate(units):
        markup = unit.markup
        if markup is None or unit.pinned or unit.role is not Role.BODY or markup.figure or markup.rows:
            out.append(unit)
            previous_quote = 0
            continue
        found = _role(unit, k in bold)
        if found is not None:
            role, rule = found
            starts = role is Role.QUOTE and markup.quote_id != previous_quote
            unit = unit.but(role=role, rule=rule, starts_quote=starts)
            if rule == "bold-heading":  # the bold was how the page set a heading; a heading needs none
                unit = unit.but(marks=tuple(m for m in unit.marks if m.kind is not MarkKind.STRONG))
            events.append(marked(STAGE, rule, unit))
        previous_quote = markup.quote_id if unit.role is Role.QUOTE else 0
        out.append(unit)
    return StageResult(out, events)
