"""What the house style never touches: web addresses, e-mail addresses and code.

A rule asks `Protected.covers(start, end)` before it edits; an address keeps every
hyphen, quote and capital it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import WEB_ADDRESS, MarkKind, Text

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BARE_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|au|info|io)(?:/\S*)?", re.I)


@dataclass
class Protected:
    spans: list[tuple[int, int]]

    def covers(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.spans)


def protected(text: Text) -> Protected:
    spans = [m.span() for pattern in (WEB_ADDRESS, _EMAIL, _BARE_DOMAIN) for m in pattern.finditer(text.text)]
    spans += [(m.start, m.end) for m in text.marks if m.kind is MarkKind.CODE]
    spans += [(m.start, m.end) for m in text.marks
              if m.kind is MarkKind.LINK and WEB_ADDRESS.fullmatch(text.text[m.start:m.end].strip())]
    return Protected(sorted(spans))
