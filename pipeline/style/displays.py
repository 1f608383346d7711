"""A displayed quotation without quotation marks round it.

Set apart and indented, a quotation is already marked as one: a book sets it bare, and
the quotations inside it then take the primary mark (New Hart's Rules 9.3; Chicago
13.9). Web pages often keep the marks, so that the same book shows displays with and
without them. This rule takes off the marks that enclose a whole display: the opening
mark of its first paragraph, the opening marks that start its following paragraphs
while the quotation runs on, and the mark that closes it in its last paragraph, before
at most a citation ("…bread.” (Trotsky, p. 5.)"). A display whose marks do not enclose
all of it ("“Yes,” he said, “…”") keeps them. The quotation-mark rule runs afterwards
and sets what is left by its new depth.
"""

from __future__ import annotations

import re

from ..model import Text
from .edits import Edit
from .quotes import quotations

RULE = "displays"
#: What may follow the closing mark: a full stop or comma the page put outside it, and a citation in parentheses.
_AFTER_CLOSE = re.compile(r"\s*[.,;:]?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*\.?)?\s*$")


def display_edits(paragraphs: list[Text]) -> list[list[Edit]]:
    """For each paragraph of a display, the edits that take off its enclosing marks (none if they do not
    enclose the whole display)."""
    none: list[list[Edit]] = [[] for _ in paragraphs]
    if not paragraphs:
        return none
    last = len(paragraphs) - 1
    edits: list[list[Edit]] = [[] for _ in paragraphs]
    for k, text in enumerate(paragraphs):
        s = text.text
        start = len(s) - len(s.lstrip())
        found = quotations(text)
        opening = next((q for q in found if q.opens == start), None)  # “ or ‘: the page's primary mark
        if opening is not None:
            if opening.closes is None and k < last:  # the quotation runs on into the next paragraph
                edits[k].append(Edit(start, start + 1, "", RULE))
                continue
            if opening.closes is not None and k == last and _AFTER_CLOSE.match(s, opening.closes + 1):
                edits[k] += [Edit(start, start + 1, "", RULE), Edit(opening.closes, opening.closes + 1, "", RULE)]
                continue
            return none
        if k == 0:
            return none  # the display does not open with a quotation mark
        if k < last and _unmatched_close(s, found, alone=False) is not None:
            return none  # the quotation ends before the display does
        if k == last:
            close = _unmatched_close(s, found)
            if close is None or not _AFTER_CLOSE.match(s, close + 1):
                return none
            edits[k].append(Edit(close, close + 1, "", RULE))
    return edits


def _unmatched_close(s: str, found, alone: bool = True) -> int | None:
    """The ” that closes a quotation opened in an earlier paragraph: one that no quotation of this paragraph
    closes with (`alone`: and the only one). Only a double mark: a lone ’ may be an apostrophe."""
    closes = {q.closes for q in found}
    unmatched = [i for i, ch in enumerate(s) if ch == "”" and i not in closes]
    return unmatched[0] if unmatched and (len(unmatched) == 1 or not alone) else None
