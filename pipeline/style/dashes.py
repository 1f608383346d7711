"""One dash convention: a spaced en dash ("word – word") or a closed em dash ("word—word").

Only dashes that set off words are changed: an en dash joining two words or numbers
("Nazi–Soviet", "1917–28") is a connective, not a dash, and stays. A dash that opens
a text (an attribution: "— Trotsky") stays as it is. With spaced en dashes the space
before the dash is a no-break space, so that no line begins with a dash.
"""

from __future__ import annotations

import re

from ..model import Text
from .edits import Edit
from .protect import protected

SPACED_EN = "spaced-en"
CLOSED_EM = "closed-em"
NBSP = "\u00a0"

#: A dash that sets off words: an em dash, or an en dash with space on at least one side.
_DASH = re.compile(r"[ \u00a0]*—[ \u00a0]*|[ \u00a0]+–[ \u00a0]*|[ \u00a0]*–[ \u00a0]+")
_CLOSING = set("”’)]},.;:!?…")


def dash_edits(text: Text, convention: str, rule: str = "dashes") -> list[Edit]:
    s = text.text
    if "—" not in s and "–" not in s:
        return []
    guard = protected(text)
    edits = []
    for match in _DASH.finditer(s):
        start, end = match.span()
        if not s[:start].strip() or guard.covers(start, end):
            continue  # a dash opening the text (an attribution), or inside an address
        after = s[end] if end < len(s) else ""
        if convention == SPACED_EN:
            new = NBSP + "–" + ("" if not after or after in _CLOSING else " ")
            if s[start - 1] in "(“‘[" and start > 0:
                new = "– "
        else:
            new = "—"
        edits.append(Edit(start, end, new, rule))
    return edits
