"""Typography: curly quotes, proper dashes and ellipses, single spaces.

Numbers, ranges ("1927-8", "pp118-119") and URLs are left exactly as they are:
only a hyphen with a space on both sides is a dash, and URLs are set aside
before any rule runs.
"""

from __future__ import annotations

import re

from ..model import MarkKind
from .features import URL, may_hold_url
from .units import Event, StageResult, Unit

STAGE = "typography"

_SPACED_ELLIPSIS = re.compile(r"(?<!\.)\.\s\.\s\.(?!\s?\.)")
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_SPACED_DASH = re.compile(r"(?<=\S) (?:-|--) (?=\S)")
_DOUBLE_HYPHEN = re.compile(r"(?<=\w)--(?=\w)")
_OPENING_CONTEXT = set(" \t([{<—–-/“‘\"'") | {"\u00a0"}
_ELISIONS = re.compile(r"'(?:tis|twas|em|n|cause|til|\d0s|\d\d)\b", re.I)
_SPACES = re.compile(r" {2,}")


def _quotes(text: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            out.append("“" if before in _OPENING_CONTEXT and not after.isspace() else "”")
        elif ch == "'":
            if before.isalnum() and (after.isalnum()):
                out.append("’")  # apostrophe inside a word: don't, workers'
            elif before in _OPENING_CONTEXT and not after.isspace():
                out.append("’" if _ELISIONS.match(text, i) else "‘")
            else:
                out.append("’")
        else:
            out.append(ch)
    return "".join(out)


def _apply_outside_urls(text: str, fix) -> str:
    if not may_hold_url(text):
        return fix(text)
    parts: list[str] = []
    last = 0
    for match in URL.finditer(text):
        parts.append(fix(text[last:match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(fix(text[last:]))
    return "".join(parts)


_QUOTE_ELLIPSIS = re.compile(r"([“‘\"'(\[])\s+…")


def _fix(text: str) -> str:
    text = _SPACED_ELLIPSIS.sub("…", text)
    text = _ELLIPSIS.sub("…", text)
    text = _QUOTE_ELLIPSIS.sub(r"\1…", text)
    text = _SPACED_DASH.sub(" – ", text)
    text = _DOUBLE_HYPHEN.sub("—", text)
    if '"' in text or "'" in text:
        text = _quotes(text)
    return _SPACES.sub(" ", text)


def set_text(text: str) -> str:
    """The typographically set version of one line."""
    if not _settable(text):
        return text
    return _apply_outside_urls(text, _fix).strip()


def _set_outside_code(unit: Unit) -> str:
    """The line set, its code (a saved page's `<code>`, `<pre>`) left as the page wrote it: quotes, dashes and
    runs of spaces are code's own."""
    code = sorted((m.start, m.end) for m in unit.marks if m.kind is MarkKind.CODE and m.end > m.start)
    if not code:
        return set_text(unit.text)
    text, out, last = unit.text, [], 0
    for start, end in code:
        out.append(_set_piece(text[last:max(start, last)]))
        out.append(text[max(start, last):end])
        last = max(last, end)
    out.append(_set_piece(text[last:]))
    return "".join(out)


def _set_piece(text: str) -> str:
    """A stretch of a line set as `set_text` sets a line, its white space at the ends kept (code adjoins it)."""
    return _apply_outside_urls(text, _fix) if _settable(text) else text


def _settable(text: str) -> bool:
    return any(c in text for c in "\"'.-  ")


def apply_typography(units: list[Unit]) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    for unit in units:
        text = _set_outside_code(unit)
        if text != unit.text:
            events.append(Event(STAGE, "typography", "reshaped", unit.line, unit.text, text))
            unit = unit.but(text=text)
        out.append(unit)
    return StageResult(out, events)
