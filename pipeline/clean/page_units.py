"""The first step for a saved web page: its blocks, already units, and what its markup says.

The HTML reader (`pipeline.html`) has made one unit a block, each with its
`Markup`. Here they enter the cleaning story like a text seed's lines: the
reader's warnings (images refused or missing) become events, the page's own
statement of its author, date and publication become "found" events, and the
page's headline (`<h1>`, or the headline its metadata names) is the title.
"""

from __future__ import annotations

import re

from .units import Event, Role, StageResult, Unit

STAGE = "page"
_WORDS = re.compile(r"\w+")


def _key(text: str | None) -> tuple[str, ...]:
    return tuple(_WORDS.findall((text or "").lower()))


def _title_index(units: list[Unit], facts) -> int | None:
    """The headline's unit: the first heading whose words are the page's most trusted statement of its title."""
    headings = [(i, _key(u.text)) for i, u in enumerate(units) if u.markup and u.markup.heading]
    for title in facts.titles:
        wanted = _key(title)
        found = next((i for i, key in headings if key == wanted), None)
        if wanted and found is not None:
            return found
    return None


def split_page(source) -> StageResult:
    units = list(source.units)
    events = [Event(STAGE, "image", "warning", line, "", message) for line, message in source.warnings]
    facts = source.page
    title = _title_index(units, facts) if facts else None
    if title is not None:
        units[title] = units[title].but(role=Role.TITLE, rule="page-title")
        events.append(Event(STAGE, "page-title", "marked", units[title].line, units[title].text, "the page's headline"))
    for rule, value in (("author", facts and facts.author), ("published", facts and facts.published),
                        ("publication", facts and facts.publication)):
        if value:
            events.append(Event(STAGE, rule, "found", 0, value, value))
    return StageResult(units, events)
