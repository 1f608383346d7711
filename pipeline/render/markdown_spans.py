"""A text's emphasis, strong, code and link marks as spans CommonMark can write.

A saved page's marks come as its markup had them: a `<strong>` around a drop cap and
another around the rest of the word, two `<code>` side by side, a `<strong>` that runs on
past the end of a link, a `<b>` around a space. Written as they are, they give `**B****reakfast**`,
`` `a``b` `` (read as one code span with a double fence) or stars a reader sees. Here they are
made into spans that nest, each holding something visible and no white space at its ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import MarkKind, Text

KINDS = (MarkKind.EMPHASIS, MarkKind.STRONG, MarkKind.CODE, MarkKind.LINK)
#: What a span may hold and still show nothing: "** **" or "*\u200d*" is no emphasis to CommonMark, but stars.
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
#: Which of two crossing spans keeps its words together: a link before code before emphasis.
_FIRMNESS = {MarkKind.LINK: 2, MarkKind.CODE: 1}


@dataclass(frozen=True)
class Span:
    kind: MarkKind
    start: int
    end: int
    ref: str = ""


def markdown_spans(text: Text) -> list[Span]:
    """The text's spans, visible, trimmed, merged where one runs into the next of its kind, nothing inside
    code, and nested (a span crossing another is cut in two), ordered for writing (outer before inner)."""
    spans = [span for span in (_trimmed(text.text, Span(m.kind, m.start, m.end, m.ref))
                               for m in text.marks if m.kind in KINDS and m.end > m.start) if span]
    spans = _merged(spans)
    code = [s for s in spans if s.kind is MarkKind.CODE]
    spans = [s for s in spans if s.kind is MarkKind.CODE or not any(_inside(s, c) for c in code)]  # read as is
    return sorted(_nested(spans), key=lambda s: (s.start, -s.end, -_FIRMNESS.get(s.kind, 0)))


def _trimmed(text: str, span: Span) -> Span | None:
    """The span without white space at its ends ("**Note: **" would not close), or None if nothing shows."""
    if _INVISIBLE.fullmatch(text, span.start, span.end):
        return None
    if span.kind is MarkKind.CODE:
        return span  # code's spaces are its own
    start, end = span.start, span.end
    while _INVISIBLE.fullmatch(text[start]):
        start += 1
    while _INVISIBLE.fullmatch(text[end - 1]):
        end -= 1
    return replace(span, start=start, end=end)


def _merged(spans: list[Span]) -> list[Span]:
    """Spans of one kind (and one address) that touch or overlap as one: the outermost of nested code too."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.kind.value, s.ref, s.start, -s.end)):
        last = out[-1] if out else None
        if last and (last.kind, last.ref) == (span.kind, span.ref) and span.start <= last.end:
            out[-1] = replace(last, end=max(last.end, span.end))
        else:
            out.append(span)
    return out


def _inside(span: Span, outer: Span) -> bool:
    """Within the outer span and not all of it (a link over the whole of a code span goes round it)."""
    return outer.start <= span.start and span.end <= outer.end and (span.start, span.end) != (outer.start, outer.end)


def _nested(spans: list[Span]) -> list[Span]:
    """Where two spans cross, the less firm one cut at the other's edge, until none do."""
    spans = list(spans)
    while crossing := next(((a, b) for a in spans for b in spans if a.start < b.start < a.end < b.end), None):
        a, b = crossing
        if _FIRMNESS.get(b.kind, 0) > _FIRMNESS.get(a.kind, 0):
            cut, at = a, b.start
        else:
            cut, at = b, a.end
        spans.remove(cut)
        spans += [replace(cut, end=at), replace(cut, start=at)]
    return spans
