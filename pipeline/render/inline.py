"""Inline rendering: plain text plus annotations to an XHTML fragment.

The only place where text becomes markup. Everything from a seed is escaped
here, so markup in an article (`<script>`, `]]>`, entities) shows as text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from ..model import MarkKind, Text

#: What the renderer turns into a link (glossary terms are never linked inside it).
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"”’]+", re.I)
_TRAILING = ".,;:!?)]’”'"


def linkify(escaped: str) -> str:
    """Turn http(s) and www. addresses in already-escaped text into links."""

    def link(match: re.Match) -> str:
        url = match.group()
        tail = ""
        while url and url[-1] in _TRAILING:
            tail = url[-1] + tail
            url = url[:-1]
        href = url if url.lower().startswith("http") else "https://" + url
        return f'<a href="{href}">{url}</a>{tail}'

    return URL.sub(link, escaped)


@dataclass
class InlineStyle:
    """How references look in one edition (the writers differ only here)."""

    note_call: Callable[[str], str]  # note key -> XHTML placed at the call
    glossary_link: Callable[[str, str], str]  # (entry id, escaped text) -> XHTML


def _escape(text: str) -> str:
    return linkify(html.escape(text, quote=False))


def render_text(text: Text, style: InlineStyle | None = None) -> str:
    if not text.marks or style is None:
        return _escape(text.text)
    points: dict[int, list[str]] = {}
    spans = []
    for mark in text.marks:
        if mark.kind is MarkKind.NOTE_CALL:
            points.setdefault(mark.start, []).append(mark.ref)
        else:
            spans.append(mark)
    spans.sort(key=lambda m: m.start)
    out: list[str] = []
    position = 0

    def emit_plain(upto: int) -> None:
        nonlocal position
        while position < upto:
            stops = [p for p in points if position < p <= upto]
            stop = min(stops) if stops else upto
            out.append(_escape(text.text[position:stop]))
            position = stop
            if stop in points:
                out.extend(style.note_call(key) for key in points.pop(stop))

    if 0 in points:
        out.extend(style.note_call(key) for key in points.pop(0))
    for span in spans:
        if span.start < position:
            continue  # overlapping spans are prevented upstream; never nest them here
        emit_plain(span.start)
        inner = html.escape(text.text[span.start:span.end], quote=False)
        if span.kind is MarkKind.GLOSSARY:
            out.append(style.glossary_link(span.ref, inner))
        elif span.ref == "title":
            out.append(f'<i class="title">{inner}</i>')  # a work's title, set in italics
        else:
            out.append(f"<em>{inner}</em>")
        position = span.end
        if position in points:
            out.extend(style.note_call(key) for key in points.pop(position))
    emit_plain(len(text.text))
    for key in sorted(points):
        out.extend(style.note_call(k) for k in points[key])
    return "".join(out)
