"""One primary quotation mark, the other for quotations within quotations.

The marks of a text are paired as a reader pairs them: “ opens and ” closes a double
quotation, ‘ opens a single one, and ’ closes it only where it cannot be an
apostrophe — never inside a word (don’t, Stalin’s), never after a space (’30s), and not
after a plural's s (workers’ state) when a later ’ can close the quotation instead.
Each quotation then takes the mark its depth calls for (the primary outermost,
the secondary inside it, the primary again inside that), both its marks swapped
together; a quotation left open at the end of a paragraph (one that runs on into
the next) has its opening mark set, and a paragraph that ends such a quotation
(a closing mark with nothing open) has the quotations before it read as quoted
within it. A quotation opened with one kind and closed with the other (‘…”), a
misprint, is paired all the same, and both its marks set. Swapping marks changes no offset, so marks
(emphasis, links, note calls) are untouched, and a quotation that opens inside
italics and closes outside them is paired like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Text
from .edits import Edit
from .protect import Protected, protected

DOUBLE = "double"
SINGLE = "single"
_OPENERS = {"“": DOUBLE, "‘": SINGLE}
_MARKS = {DOUBLE: ("“", "”"), SINGLE: ("‘", "’")}
_ELISION = re.compile(r"‘\d\ds\b|‘(?:tis|twas|em|cause|til)\b", re.I)


@dataclass(frozen=True)
class Quotation:
    kind: str  # DOUBLE or SINGLE
    opens: int
    closes: int | None  # None: runs on past the end of the text
    depth: int  # 0: outermost
    mismatched: bool = False  # closed by the other kind's mark (‘…”): a misprint


def _inside_word(s: str, i: int) -> bool:
    return 0 < i < len(s) - 1 and s[i - 1].isalnum() and s[i + 1].isalnum()


def _may_close(s: str, i: int) -> bool:
    """Whether ’ at i may close a single quotation (as opposed to being an apostrophe)."""
    return i > 0 and not s[i - 1].isspace() and not _inside_word(s, i)


def _possessive(s: str, i: int) -> bool:
    """workers’ state, the Doctors’ Plot: an s, the ’, a space and a word."""
    return i > 0 and s[i - 1] in "sS" and s[i + 1:i + 2] == " " and s[i + 2:i + 3].isalpha()


def _closes_here(s: str, i: int, guard: Protected) -> bool:
    if not _may_close(s, i):
        return False
    if not _possessive(s, i):
        return True
    # A plural possessive closes the quotation only if nothing later can.
    boundary = min([j for j in (s.find("”", i), s.find("“", i), s.find("‘", i)) if j >= 0] or [len(s)])
    return not any(s[j] == "’" and _may_close(s, j) and not guard.covers(j) for j in range(i + 1, boundary))


def quotations(text: Text) -> list[Quotation]:
    """The text's quotations, as pairs of marks, in the order they close."""
    s = text.text
    if not any(c in s for c in "“‘"):
        return []
    guard = protected(text)
    stack: list[tuple[str, int]] = []
    found: list[Quotation] = []
    for i, ch in enumerate(s):
        if ch not in "“”‘’" or guard.covers(i):
            continue
        if ch in _OPENERS:
            if ch == "‘" and _ELISION.match(s, i):
                continue
            stack.append((_OPENERS[ch], i))
        elif ch == "”":
            if not stack and not any(q.closes is None for q in found):
                # A closing mark with nothing open: the paragraph ends a quotation that began in
                # an earlier one, so what it quotes so far is quoted within that quotation.
                found = [Quotation(q.kind, q.opens, q.closes, q.depth + 1, q.mismatched) for q in found]
            elif stack and not any(kind == DOUBLE for kind, _ in stack):  # ‘…”: a misprint, closed here
                kind, at = stack.pop()
                found.append(Quotation(kind, at, i, len(stack), mismatched=True))
            elif any(kind == DOUBLE for kind, _ in stack):
                while stack[-1][0] != DOUBLE:  # a single quotation left open inside: it ends here too
                    kind, at = stack.pop()
                    found.append(Quotation(kind, at, None, len(stack)))
                kind, at = stack.pop()
                found.append(Quotation(kind, at, i, len(stack)))
        elif stack and stack[-1][0] == SINGLE and _closes_here(s, i, guard):
            kind, at = stack.pop()
            found.append(Quotation(kind, at, i, len(stack)))
    for depth, (kind, at) in enumerate(stack):
        found.append(Quotation(kind, at, None, depth))
    return found


def wanted(depth: int, primary: str) -> str:
    secondary = SINGLE if primary == DOUBLE else DOUBLE
    return primary if depth % 2 == 0 else secondary


def quote_edits(text: Text, primary: str, rule: str = "quotes") -> list[Edit]:
    edits = []
    for quotation in quotations(text):
        kind = wanted(quotation.depth, primary)
        if kind == quotation.kind and not quotation.mismatched:
            continue
        opening, closing = _MARKS[kind]
        edits.append(Edit(quotation.opens, quotation.opens + 1, opening, rule))
        if quotation.closes is not None:
            edits.append(Edit(quotation.closes, quotation.closes + 1, closing, rule))
    return edits
