"""The article as a page's JSON-LD states it, for a page whose HTML does not hold it.

A page rendered in the browser by script, saved as its source (`curl`, "Save as… HTML only"), has an
empty shell for a body: a menu, a `<div id="root">`, a footer. Many such pages state the whole text
for search engines in JSON-LD's `articleBody`. Where the page's own blocks hold little of it, the
article is read from there instead (plain text: paragraphs, no links or emphasis), with a warning.
"""

from __future__ import annotations

import re

from ..clean.units import Markup, Unit
from .walk import RawBlock

#: A stated body is used where it has this many words at least and the page's own prose blocks (of
#: PROSE_WORDS or more) hold less than SHOWN of its words: the page does not show the article.
MIN_WORDS, SHOWN, PROSE_WORDS = 50, 0.3, 20
#: Paragraphs a site ran together in its articleBody: a sentence's end glued to the next one's capital.
_GLUED_PARAGRAPH = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"”’])(?=[A-Z][a-z])")
WARNING = ("the page's HTML does not show its article (a page its scripts draw); its text is read from the "
           "articleBody the page states for search engines: paragraphs only, without links, emphasis or images")


def stating_line(root) -> int:
    """The line of the HTML file where the JSON-LD that states the body begins (for the warning)."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and "articleBody" in (script.text or ""):
            return script.sourceline or 0
    return 0


def shows_too_little(blocks: list[RawBlock], body: str | None) -> bool:
    """Whether `body` (the stated articleBody) should stand for the page's text."""
    if not body:
        return False
    stated = body.split()
    if len(stated) < MIN_WORDS:
        return False
    shown = sum(len(words) for block in blocks if len(words := block.text.split()) >= PROSE_WORDS)
    return shown < SHOWN * len(stated)


def paragraphs(body: str) -> list[str]:
    """The stated body's paragraphs: its lines, or its sentences' ends glued to the next paragraph."""
    found = []
    for line in body.splitlines():
        found.extend(part.strip() for part in _GLUED_PARAGRAPH.split(" ".join(line.split())))
    return [text for text in found if text]


def stated_units(headline: str | None, body: str, line: int) -> list[Unit]:
    """The headline (an <h1>) and each paragraph of the stated body, as the cleaner's units (`line`: the
    JSON-LD's, where the report says they stand)."""
    texts = ([(headline, Markup(element="h1", source_line=line, heading=1, in_content=True))] if headline else []) \
        + [(text, Markup(element="p", source_line=line, in_content=True)) for text in paragraphs(body)]
    return [Unit(line=number, text=text, group=number, last_line=number, markup=markup)
            for number, (text, markup) in enumerate(texts, start=1)]
