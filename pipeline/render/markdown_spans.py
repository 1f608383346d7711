"""A text's emphasis, strong, code and link marks as spans CommonMark can write.

A saved page's marks come as its markup had them: a `<strong>` around a drop cap and
another around the rest of the word, two `<code>` side by side, a `<strong>` that runs on
past the end of a link, a `<b>` around a space. Written as they are, they give `**B****reakfast**`,
`` `a``b` `` (read as one code span with a double fence) or stars a reader sees. Here they are
made into spans that nest, each holding something visible and no white space at its ends.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..model import MarkKind, Text

KINDS = (MarkKind.EMPHASIS, MarkKind.STRONG, MarkKind.CODE, MarkKind.LINK)
#: What a span may hold and still show nothing: "** **" or "*\u200d*" is no emphasis to CommonMark, but stars.
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
#: Which of two crossing spans keeps its words together: a link before code before emphasis.
_FIRMNESS = {MarkKind.LINK: 2, MarkKind.CODE: 1}
#: Over the same words, which span goes outside: a link round emphasis round code (nothing opens inside code).
_OUTSIDE = {MarkKind.LINK: 0, MarkKind.STRONG: 1, MarkKind.EMPHASIS: 2, MarkKind.CODE: 3}
_STARS = (MarkKind.EMPHASIS, MarkKind.STRONG)


@dataclass(frozen=True)
class Span:
    kind: MarkKind
    start: int
    end: int
    ref: str = ""


def markdown_spans(text: Text) -> list[Span]:
    """The text's spans, visible, trimmed, merged where one runs into the next of its kind, nothing inside
    code, nested (a span crossing another is cut in two) and no link inside a link (CommonMark reads only the
    inner), no stars beside other stars, none CommonMark could not open or close where they stand, ordered
    for writing (outer before inner)."""
    spans = [span for span in (_trimmed(text.text, Span(m.kind, m.start, m.end, m.ref))
                               for m in text.marks if m.kind in KINDS and m.end > m.start) if span]
    spans = _merged(spans)
    links = sorted((s for s in spans if s.kind is MarkKind.LINK), key=lambda s: (s.start, -s.end))
    inner_links = {b for k, a in enumerate(links) for b in links[k + 1:] if _within(b, a)}  # CommonMark: no
    spans = _nested([s for s in spans if s not in inner_links])                              # link in a link
    code = [s for s in spans if s.kind is MarkKind.CODE]
    spans = [s for s in spans if s.kind is MarkKind.CODE or not any(_inside(s, c) for c in code)]  # read as is
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, _OUTSIDE[s.kind])):
        if span.kind is MarkKind.LINK and any(k.kind is MarkKind.LINK and _within(span, k) for k in kept):
            continue  # a link's piece in another link
        if span.kind in _STARS and _beside_stars(span, kept + [span]):
            continue  # stars beside stars ("***a*b*c***") pair up other than meant
        kept.append(span)
    while stuck := [s for s in kept if s.kind in _STARS and not _delimitable(text.text, s, kept)]:
        kept = [s for s in kept if s not in stuck]  # emphasis CommonMark cannot open or close there: plain text
    return kept


def _delimitable(text: str, span: Span, spans: list[Span]) -> bool:
    """Whether stars can open and close the span where it stands, by CommonMark's flanking rules: an opener
    not followed by white space, nor by punctuation unless white space or punctuation comes before it; a
    closer the mirror of that. Another span's delimiter beside it counts as punctuation. `spans` are in
    writing order, so at one offset the earlier of two opening spans is the outer."""
    rank = {s: k for k, s in enumerate(spans)}
    here = rank[span]

    def char(index: int) -> str:
        return text[index] if 0 <= index < len(text) else " "

    o, e = span.start, span.end
    before_open = "!" if any(s.end == o or s.start == o and rank[s] < here for s in spans) else char(o - 1)
    after_open = "!" if any(s.start == o and rank[s] > here for s in spans) else char(o)
    before_close = "!" if any(s.end == e and rank[s] > here for s in spans) else char(e - 1)
    after_close = "!" if any(s.end == e and rank[s] < here or s.start == e for s in spans) else char(e)
    return (not _space(after_open) and (not _punct(after_open) or _space(before_open) or _punct(before_open))
            and not _space(before_close) and (not _punct(before_close) or _space(after_close)
                                               or _punct(after_close)))


def _space(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Zs"


def _punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _trimmed(text: str, span: Span) -> Span | None:
    """The span without white space at its ends ("**Note: **" would not close; a code span loses a space at
    each end), or None if nothing shows."""
    if _INVISIBLE.fullmatch(text, span.start, span.end):
        return None
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


def _beside_stars(span: Span, spans: list[Span]) -> bool:
    """Whether the span's stars would stand next to another span's, at either edge. At one offset the
    delimiters go: the spans ending there, inner first, then those starting there, outer first (`spans` are
    in writing order)."""
    for at in (span.start, span.end):
        closing = [s for s in reversed(spans) if s.end == at]
        opening = [s for s in spans if s.start == at]
        sequence = closing + opening
        k = sequence.index(span, len(closing) if at == span.start else 0)
        for j in (k - 1, k + 1):
            other = sequence[j] if 0 <= j < len(sequence) else None
            if other and other.kind in _STARS and (other.start, other.end) != (span.start, span.end):
                return True  # but strong and emphasis over the same words are "***…***"
    return False


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _inside(span: Span, outer: Span) -> bool:
    """Within the outer span and not all of it (a link over the whole of a code span goes round it)."""
    return outer.start <= span.start and span.end <= outer.end and (span.start, span.end) != (outer.start, outer.end)


def _nested(spans: list[Span]) -> list[Span]:
    """Where two spans cross, the less firm one cut at the other's edge (a link's or code's words stay
    together), until none do; of two crossing stars, the later goes (its halves would stand side by side)."""
    spans = list(spans)
    while crossing := next(((a, b) for a in spans for b in spans if a.start < b.start < a.end < b.end), None):
        a, b = crossing
        firm_a, firm_b = _FIRMNESS.get(a.kind, 0), _FIRMNESS.get(b.kind, 0)
        cut, at = (a, b.start) if firm_b > firm_a else (b, a.end)
        spans.remove(cut)
        if firm_a or firm_b:
            spans += [replace(cut, end=at), replace(cut, start=at)]
    return spans
