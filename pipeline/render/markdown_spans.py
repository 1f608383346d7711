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
from bisect import bisect_right
from dataclasses import replace

from ..model import Mark, MarkKind, Text

KINDS = (MarkKind.EMPHASIS, MarkKind.STRONG, MarkKind.CODE, MarkKind.LINK)
#: What a span may hold and still show nothing: "** **" or "*\u200d*" is no emphasis to CommonMark, but stars.
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
#: Which of two crossing spans keeps its words together: a link before code before emphasis.
_FIRMNESS = {MarkKind.LINK: 2, MarkKind.CODE: 1}
#: Over the same words, which span goes outside: a link round emphasis round code (nothing opens inside code).
_OUTSIDE = {MarkKind.LINK: 0, MarkKind.STRONG: 1, MarkKind.EMPHASIS: 2, MarkKind.CODE: 3}
_STARS = (MarkKind.EMPHASIS, MarkKind.STRONG)


def markdown_spans(text: Text) -> list[Mark]:
    """The text's spans, visible, trimmed, merged where one runs into the next of its kind, nested (a span
    crossing another is cut in two), nothing inside code, no link inside a link (CommonMark reads only the
    inner), no stars beside other stars and none CommonMark could not open or close where they stand,
    ordered for writing (outer before inner). Each step is a sweep: a page may hold thousands of marks."""
    spans = _merged([span for span in (_trimmed(text.text, m) for m in text.marks
                                       if m.kind in KINDS and m.end > m.start) if span])
    # links first, so that nothing is cut at the edge of a link piece that then goes
    links = _outer_links(_nested([s for s in spans if s.kind is MarkKind.LINK]))
    kept = _writable(_outside_code(_nested(links + [s for s in spans if s.kind is not MarkKind.LINK])))
    while stuck := set(_stuck(text.text, kept)):
        kept = [s for s in kept if s not in stuck]  # emphasis CommonMark cannot open or close there: plain text
    return kept


def _order(span: Mark) -> tuple[int, int, int]:
    """Writing order: by start, the outer first (a link round emphasis round code over the same words)."""
    return span.start, -span.end, _OUTSIDE[span.kind]


def _trimmed(text: str, span: Mark) -> Mark | None:
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


def _merged(spans: list[Mark]) -> list[Mark]:
    """Spans of one kind (and one address) that touch or overlap as one: the outermost of nested code too."""
    out: list[Mark] = []
    for span in sorted(spans, key=lambda s: (s.kind.value, s.ref, s.start, -s.end)):
        last = out[-1] if out else None
        if last and (last.kind, last.ref) == (span.kind, span.ref) and span.start <= last.end:
            out[-1] = replace(last, end=max(last.end, span.end))
        else:
            out.append(span)
    return out


def _outer_links(spans: list[Mark]) -> list[Mark]:
    """All but a link within another link."""
    inner, reach = set(), -1
    for link in sorted((s for s in spans if s.kind is MarkKind.LINK), key=_order):
        if link.end <= reach:
            inner.add(link)
        reach = max(reach, link.end)
    return [s for s in spans if s not in inner]


def _nested(spans: list[Mark]) -> list[Mark]:
    """Where two spans cross, the less firm one cut at the other's edge (a link's or code's words stay
    together), until none do; of two crossing stars, the later goes (its halves would stand side by side)."""
    spans = sorted(spans, key=_order)
    while crossing := _first_crossing(spans):
        a, b = crossing
        firm_a, firm_b = _FIRMNESS.get(a.kind, 0), _FIRMNESS.get(b.kind, 0)
        cut, at = (a, b.start) if firm_b > firm_a else (b, a.end)
        spans.remove(cut)
        if firm_a or firm_b:
            spans = sorted(spans + [replace(cut, end=at), replace(cut, start=at)], key=_order)
    return spans


def _first_crossing(spans: list[Mark]) -> tuple[Mark, Mark] | None:
    """Two spans that cross (a starts, b starts inside it, a ends inside b), found in one sweep over spans in
    writing order with the stack of those still open."""
    open_spans: list[Mark] = []
    for span in spans:
        while open_spans and open_spans[-1].end <= span.start:
            open_spans.pop()
        if open_spans and span.end > open_spans[-1].end:
            return open_spans[-1], span
        open_spans.append(span)
    return None


def _outside_code(spans: list[Mark]) -> list[Mark]:
    """Code and what is not inside it: CommonMark reads a code span's text as it is. (Code spans, merged
    and nested, never overlap one another.)"""
    code = sorted((s for s in spans if s.kind is MarkKind.CODE), key=lambda s: s.start)
    starts = [c.start for c in code]

    def in_code(span: Mark) -> bool:
        k = bisect_right(starts, span.start) - 1
        return k >= 0 and _inside(span, code[k])

    return [s for s in spans if s.kind is MarkKind.CODE or not in_code(s)]


def _writable(spans: list[Mark]) -> list[Mark]:
    """The spans in writing order, less stars that would stand beside another span's stars ("***a*b*c***"
    pairs up other than meant)."""
    kept: list[Mark] = []
    edges = _Edges()
    for span in sorted(spans, key=_order):
        edges.add(span)
        if span.kind in _STARS and edges.beside_stars(span):
            edges.remove(span)
            continue
        kept.append(span)
    return kept


class _Edges:
    """The spans that open and close at each offset, as they are written there: those ending, inner first,
    then those starting, outer first (spans are added in writing order)."""

    def __init__(self, spans: list[Mark] = ()) -> None:
        self.starts: dict[int, list[Mark]] = {}
        self.ends: dict[int, list[Mark]] = {}
        for span in spans:
            self.add(span)

    def add(self, span: Mark) -> None:
        self.starts.setdefault(span.start, []).append(span)
        self.ends.setdefault(span.end, []).insert(0, span)

    def sequence(self, at: int) -> list[Mark]:
        return self.ends.get(at, []) + self.starts.get(at, [])

    def remove(self, span: Mark) -> None:
        self.starts[span.start].remove(span)
        self.ends[span.end].remove(span)

    def neighbours(self, span: Mark, at: int) -> tuple[Mark | None, Mark | None]:
        """What is written just before and just after the span's delimiter at `at` (None: text)."""
        sequence = self.sequence(at)
        k = sequence.index(span, len(self.ends.get(at, [])) if at == span.start else 0)
        return sequence[k - 1] if k else None, sequence[k + 1] if k + 1 < len(sequence) else None

    def beside_stars(self, span: Mark) -> bool:
        """Whether the span's stars would stand next to another span's (strong and emphasis over the same
        words, "***…***", are fine)."""
        return any(other is not None and other.kind in _STARS and (other.start, other.end) != (span.start, span.end)
                   for at in (span.start, span.end) for other in self.neighbours(span, at))


def _stuck(text: str, spans: list[Mark]) -> list[Mark]:
    """Stars CommonMark cannot open or close where they stand, by its flanking rules: an opener not followed
    by white space, nor by punctuation unless white space or punctuation comes before it; a closer the mirror
    of that. Another span's delimiter beside it counts as punctuation."""
    edges = _Edges(spans)

    def char(index: int) -> str:
        return text[index] if 0 <= index < len(text) else " "

    stuck = []
    for span in spans:
        if span.kind not in _STARS:
            continue
        before_open, after_open = edges.neighbours(span, span.start)
        before_close, after_close = edges.neighbours(span, span.end)
        opens = _can_open(char(span.start - 1) if before_open is None else "!",
                          char(span.start) if after_open is None else "!")
        closes = _can_open(char(span.end) if after_close is None else "!",
                           char(span.end - 1) if before_close is None else "!")
        if not (opens and closes):
            stuck.append(span)
    return stuck


def _can_open(outside: str, inside: str) -> bool:
    """CommonMark's flanking rule for a run of stars, its outer and inner neighbour (a closer mirrored)."""
    return not _space(inside) and (not _punct(inside) or _space(outside) or _punct(outside))


def _space(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Zs"


def _punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _within(span: Mark, outer: Mark) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _inside(span: Mark, outer: Mark) -> bool:
    """Within the outer span and not all of it (a link over the whole of a code span goes round it)."""
    return _within(span, outer) and (span.start, span.end) != (outer.start, outer.end)
