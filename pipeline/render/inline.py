"""Inline rendering: plain text plus annotations to an XHTML fragment.

The only place where text becomes markup. Everything from a seed or an editor
is escaped here, so markup in an article (`<script>`, `]]>`, entities) shows as
text. Spans nest as the marks do (a link inside emphasis, emphasis inside a
glossary term); a span that crosses another's edge, or a link inside a link,
cannot be written in XHTML and is left out (the cleaner and the editorial stage
never make one).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from ..model import LINE_BREAK, WEB_ADDRESS, Mark, MarkKind, Text, is_link_address, is_title, title_language

#: What the renderer turns into a link (glossary terms are never linked inside it).
URL = WEB_ADDRESS
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
    glossary_link: Callable[[str, str], str]  # (entry id, inner XHTML) -> XHTML
    index_span: Callable[[str, str], str] = lambda anchor, inner: f'<span id="{anchor}">{inner}</span>'


#: For text that carries no references (the editors' Markdown): its emphasis, strong, code and links only.
PLAIN = InlineStyle(note_call=lambda key: "", glossary_link=lambda entry_id, inner: inner)


def lang_attributes(tag: str) -> str:
    """`lang` and `xml:lang` (EPUB's XHTML reads either; both, they must agree)."""
    tag = html.escape(tag, quote=True)
    return f' lang="{tag}" xml:lang="{tag}"'


def _escape(text: str) -> str:
    """Escaped, web addresses linked, and a line break inside a paragraph (verse, an address) kept."""
    return linkify(html.escape(text, quote=False)).replace(LINE_BREAK, "<br/>")


_ANCHORS = (MarkKind.GLOSSARY, MarkKind.LINK)
_TAGS = {MarkKind.EMPHASIS: "em", MarkKind.STRONG: "strong", MarkKind.CODE: "code"}


@dataclass
class _Span:
    mark: Mark
    children: list["_Span"] = field(default_factory=list)


def _span_tree(marks: list[Mark]) -> list[_Span]:
    """The text's spans (every mark but note calls) as a tree of properly nested spans."""
    roots: list[_Span] = []
    open_spans: list[_Span] = []
    # Of spans over the same words, the index's is the outermost: its id then holds the words, link and all.
    spans = sorted((m for m in marks if m.kind is not MarkKind.NOTE_CALL),
                   key=lambda m: (m.start, -m.end, m.kind is not MarkKind.INDEX))
    for mark in spans:
        while open_spans and open_spans[-1].mark.end <= mark.start:
            open_spans.pop()
        if open_spans:
            outer = open_spans[-1].mark
            if mark.end > outer.end or (mark.kind, mark.start, mark.end) == (outer.kind, outer.start, outer.end):
                continue  # crosses the outer span's edge, or repeats it
            if mark.kind in _ANCHORS and any(s.mark.kind in _ANCHORS for s in open_spans):
                continue  # a link inside a link
        span = _Span(mark)
        (open_spans[-1].children if open_spans else roots).append(span)
        open_spans.append(span)
    return roots


@dataclass
class _Writer:
    """Writes one Text: its spans in order, each note call right after the character it follows."""

    text: str
    points: dict[int, list[str]]  # offset -> note keys called there
    style: InlineStyle
    out: list[str] = field(default_factory=list)

    def calls(self, offset: int) -> None:
        self.out.extend(self.style.note_call(key) for key in self.points.pop(offset, ()))

    def plain(self, start: int, end: int, top: bool, through_end: bool) -> None:
        """text[start:end], split at note calls; web addresses become links only outside every span."""
        position = start
        while position < end:
            stops = [p for p in self.points if position < p < end or (through_end and p == end)]
            stop = min(stops) if stops else end
            piece = self.text[position:stop]
            self.out.append(_escape(piece) if top else html.escape(piece, quote=False).replace(LINE_BREAK, "<br/>"))
            position = stop
            if stop < end or through_end:
                self.calls(stop)

    def spans(self, start: int, end: int, spans: list[_Span], top: bool) -> None:
        position = start
        for span in spans:
            self.plain(position, span.mark.start, top, through_end=True)
            outer = self.out
            self.out = []
            self.spans(span.mark.start, span.mark.end, span.children, top=False)
            inner, self.out = "".join(self.out), outer
            self.out.append(_wrap(span.mark, inner, self.style))
            position = span.mark.end
            self.calls(position)
        self.plain(position, end, top, through_end=top)


def _wrap(mark: Mark, inner: str, style: InlineStyle) -> str:
    if mark.kind is MarkKind.GLOSSARY:
        return style.glossary_link(mark.ref, inner)
    if mark.kind is MarkKind.INDEX:  # a place the index locates: the PDF reads its page, the EPUB links to it
        return style.index_span(html.escape(mark.ref, quote=True), inner)
    if mark.kind is MarkKind.LINK:
        # Checked again here: whatever made the model, only these addresses reach an edition.
        return f'<a href="{html.escape(mark.ref, quote=True)}">{inner}</a>' if is_link_address(mark.ref) else inner
    if is_title(mark):  # a work's title, set in italics, in its own language where the editors give one
        language = title_language(mark)
        return f'<i class="title"{lang_attributes(language) if language else ""}>{inner}</i>'
    tag = _TAGS[mark.kind]
    return f"<{tag}>{inner}</{tag}>"


def render_text(text: Text, style: InlineStyle | None = None) -> str:
    """The Text as inline XHTML; without a style, its characters only (no marks)."""
    if not text.marks or style is None:
        return _escape(text.text)
    points: dict[int, list[str]] = {}
    for mark in text.marks:
        if mark.kind is MarkKind.NOTE_CALL:
            points.setdefault(mark.start, []).append(mark.ref)
    writer = _Writer(text.text, points, style)
    writer.calls(0)
    writer.spans(0, len(text.text), _span_tree(text.marks), top=True)
    for offset in sorted(points):  # past the end of the text (never made upstream)
        writer.calls(offset)
    return "".join(writer.out)
