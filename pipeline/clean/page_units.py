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


def words_key(text: str | None) -> tuple[str, ...]:
    """A statement's words, case and punctuation aside: how a headline is matched with the page's lines."""
    return tuple(_WORDS.findall((text or "").lower()))


def _title_index(units: list[Unit], facts) -> int | None:
    """The headline's unit. In order of trust: a heading with the words the page's metadata gives as its title,
    its article's `<h1>`, a block with the metadata's words (a headline set in a `<div>`), and then any other
    statement of it (an `<h1>` elsewhere, often the site's name; the `<title>`) in a heading or a block."""
    keys = [(i, words_key(u.text), bool(u.markup and u.markup.heading)) for i, u in enumerate(units)]
    tiers = dict.fromkeys([*((t, True) for t in facts.stated), *(((facts.h1, True),) if facts.h1 else ()),
                           *((t, False) for t in facts.stated), *((t, h) for t in facts.titles for h in (True, False))])
    for title, heading_only in tiers:
        wanted = words_key(title)
        found = next((i for i, key, heading in keys if key == wanted and (heading or not heading_only)), None)
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
                        ("publication", facts and facts.publication), ("language", facts and facts.language)):
        if value:
            events.append(Event(STAGE, rule, "found", 0, value, value))
    return StageResult(units, events)
