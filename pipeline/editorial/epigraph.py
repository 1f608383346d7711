"""An epigraph's attribution set as an attribution, not run into the quotation.

Web pages run the source of an epigraph into its last line: “… the crowning of
history.” (Trotsky, The Stalin School of Falsification.) The citation in brackets
after the closing quotation mark becomes the epigraph's source (set on a line of
its own, after a dash), and the quotation marks around the whole epigraph go: a
displayed quotation needs none. The words are unchanged.
"""

from __future__ import annotations

import re

from ..model import Block, Text
from ..style.displays import display_edits
from ..style.edits import apply_edits

_CITATION = re.compile(r"(?<=[”’.!?…])\s*\(([^()]{3,160})\)\.?\s*$")


def attribute_epigraph(epigraph: Block | None) -> None:
    if epigraph is None or not epigraph.lines or epigraph.source is not None:
        return
    last = epigraph.lines[-1]
    match = _CITATION.search(last.text)
    if not match:
        return
    inner_start, inner_end = match.span(1)
    while inner_end > inner_start and last.text[inner_end - 1] in ". ":
        inner_end -= 1
    epigraph.source = last.sub(inner_start, inner_end)
    epigraph.lines[-1] = last.sub(0, match.start())
    _drop_enclosing_marks(epigraph.lines)


def _drop_enclosing_marks(lines: list[Text]) -> None:
    """The marks round the whole epigraph, as the house style takes them off any display (style.displays)."""
    for text, edits in zip(lines, display_edits(lines)):
        apply_edits(text, edits)
