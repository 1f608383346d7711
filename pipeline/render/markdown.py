"""An Article as Markdown: what `python -m pipeline clean FILE` prints.

Editors vet a new article with it before adding it to the book, and pandoc
reads it for the benchmark, so it is plain CommonMark: a YAML front-matter
block with what the page says about the article (title, author, date,
standfirst, the author's note), then the article itself: `#` title, `##`
headings, `>` quotations, `-` list items, `[^n]` note calls.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left

from ..language_tags import primary
from ..model import LINE_BREAK, Article, Block, BlockKind, Mark, MarkKind, Text
from .listing import listing
from .markdown_spans import markdown_spans

# An underscore between two letters or digits (snake_case) cannot open or close emphasis in CommonMark: left
# alone; one beside another underscore can (`__init__`). An ampersand that would begin an entity (`&lt;`) is
# escaped too.
_ESCAPE = re.compile(r"[\\`*\[\]<>]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
# What opens a block at a line's start: a heading, a quotation, a list item, a rule or a setext underline, a fence.
_LINE_START = re.compile(r"^(\s*)([#>+=~-]|\d+[.)](?=\s|$))")


def _escape(text: str, line_start: bool = True) -> str:
    """Text with what CommonMark would read as markup escaped: its marks, and a line that would open a heading,
    a quotation or a list (at the start, unless `line_start` is false, and after each line break)."""
    lines = _ESCAPE.sub(lambda m: "\\" + m.group(), text).split(LINE_BREAK)
    return LINE_BREAK.join(_LINE_START.sub(_escape_opening, line) if k or line_start else line
                           for k, line in enumerate(lines))


def _escape_opening(match: re.Match) -> str:
    """ "1." as "1\\.", "#" as "\\#": a digit cannot be escaped, its stop can."""
    spaces, opening = match.groups()
    return spaces + (opening[:-1] + "\\" + opening[-1] if opening[0].isdigit() else "\\" + opening)


_OPEN = {MarkKind.EMPHASIS: "*", MarkKind.STRONG: "**", MarkKind.LINK: "["}
_BACKTICKS = re.compile(r"`+")
_EDGE_BREAKS = re.compile(r"^(?:\\\n\s*)+|(?:\s*\\\n)+\s*$")
#: A link's address that CommonMark would end early or not read (a space, an unbalanced parenthesis): in <…>.
_BARE_ADDRESS = re.compile(r"[^\s()<>]*")


def _code_spans(spans: list[Mark]) -> list[Mark]:
    return [s for s in spans if s.kind is MarkKind.CODE]


def _fence(code: str, least: int = 1) -> str:
    """A run of backticks longer than any inside the code, as CommonMark asks of a code span or fence."""
    return "`" * max(least, 1 + max((len(run) for run in _BACKTICKS.findall(code)), default=0))


def _destination(address: str) -> str:
    """A link's or an image's address as CommonMark reads it whole: in <…> where it holds a space or a
    parenthesis."""
    return address if _BARE_ADDRESS.fullmatch(address) else "<" + re.sub(r"([<>\\])", r"\\\1", address) + ">"


def _delimiters(text: str, span: Mark) -> tuple[str, str]:
    """How a span opens and closes: code in backticks enough to hold its own (with a space where it begins or
    ends with one), a link's address in <…> where it holds what would end it."""
    if span.kind is MarkKind.CODE:
        body = text[span.start:span.end].replace(LINE_BREAK, " ")
        pad = " " if body.startswith("`") or body.endswith("`") else ""
        return _fence(body) + pad, pad + _fence(body)
    if span.kind is MarkKind.LINK:
        return "[", f"]({_destination(span.ref)})"
    return _OPEN[span.kind], _OPEN[span.kind]


def _tokens(text: Text, notes: bool, spans: list[Mark]) -> dict[int, list[str]]:
    """What to write before each offset: note calls, and the opening and closing of emphasis,
    strong, code and links (a saved page's marks), closing inner spans before outer ones."""
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for span in spans:
        opening, closing = _delimiters(text.text, span)
        opens.setdefault(span.start, []).append(opening)
        closes.setdefault(span.end, []).insert(0, closing)
    at = {offset: closes.get(offset, []) + opens.get(offset, []) for offset in {*opens, *closes}}
    code = _code_spans(spans)  # in writing order, never overlapping
    starts = [c.start for c in code]
    for mark in (m for m in text.marks if notes and m.kind is MarkKind.NOTE_CALL):
        k = bisect_left(starts, mark.start) - 1  # the last code span starting before the call
        if not (k >= 0 and mark.start < code[k].end):
            at.setdefault(mark.start, []).insert(0, f"[^{mark.ref}]")
    return at


def inline(text: Text, notes: bool = True, breaks: str = "\\\n") -> str:
    """Escaped text with note calls as [^n] footnote references, emphasis as *…*, links as [text](address),
    code as `…` (its text as it is), and line breaks inside a paragraph as CommonMark hard breaks (a heading,
    one line, gives `breaks=" "`; a code span cannot break, and its breaks are spaces)."""
    spans = markdown_spans(text)
    code_ends = {s.start: s.end for s in _code_spans(spans)}
    at = _tokens(text, notes, spans)
    out: list[str] = []
    cuts = sorted({0, len(text.text), *at})
    code_until = -1  # the end of the code span the writing is in
    for start, end in zip(cuts, cuts[1:] + [None]):
        code_until = code_ends.get(start, code_until)
        tokens = at.get(start, [])
        if tokens and tokens[0].startswith("[") and out and out[-1].endswith("!"):
            out[-1] = out[-1][:-1] + "\\!"  # "![" would open an image
        out.extend(tokens)
        if end is None:
            break
        piece = text.text[start:end]
        if end <= code_until:
            out.append(piece.replace(LINE_BREAK, " "))
        else:
            line_start = (start == 0 or text.text[start - 1] == LINE_BREAK) and not at.get(start)
            out.append(_escape(piece, line_start).replace(LINE_BREAK, breaks))
    # a break at a paragraph's edge is no break, but a backslash; four spaces before it, code
    return _EDGE_BREAKS.sub("", "".join(out)).lstrip(" \t")


def _listing(text: Text) -> str | None:
    """A paragraph that is code from end to end (a saved page's `<pre>`) as a fenced block."""
    code = listing(text)
    if code is None:
        return None
    fence = _fence(code, least=3)
    return f"{fence}\n{code}\n{fence}"


def _block(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return "#" * (max(block.level, 1) + 1) + " " + inline(block.lines[0], breaks=" ")  # a part's title as a section
    if block.kind is BlockKind.QUOTATION:
        parts = [inline(t) for t in block.lines]
        if block.signature:
            parts.append(inline(block.signature))
        if block.source:
            parts.append(inline(block.source))
        return "\n>\n".join("> " + p for p in parts)
    if block.kind is BlockKind.LIST:
        return "\n".join(f"{f'{i}.' if block.ordered else '-'} " + inline(t) for i, t in enumerate(block.lines, 1))
    if block.kind is BlockKind.FIGURE:
        figure = block.figure
        image = f"![{_escape(figure.alt)}]({_destination(figure.name)})"
        return image + ("\n\n" + inline(figure.caption) if figure.caption else "")
    if block.kind is BlockKind.TABLE:
        return _table(block)
    return _listing(block.lines[0]) or inline(block.lines[0])


def _table(block: Block) -> str:
    width = max(len(row) for row in block.rows)
    cells = [[inline(c).replace("|", "\\|").replace("\\\n", " ") for c in row] + [""] * (width - len(row))
             for row in block.rows]
    head = cells[0] if block.header_rows else [""] * width
    body = cells[1:] if block.header_rows else cells
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * width]
    table = "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])
    return (inline(block.lines[0]) + "\n\n" + table) if block.lines else table


def front_matter(article: Article) -> str:
    """The page's metadata as a YAML block (values as JSON strings, which YAML reads as they are)."""
    fields = (("title", article.title.text if article.title else None), ("author", article.author),
              ("date", article.published), ("standfirst", article.standfirst.text if article.standfirst else None),
              ("about_author", article.about_author.text if article.about_author else None),
              ("language", article.language if article.language and primary(article.language) != "en" else None))
    # one line a value: a line break in a headline (and any other break YAML reads as one) is a space here
    lines = [f"{key}: {json.dumps(' '.join(value.split()), ensure_ascii=False)}" for key, value in fields if value]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


def article_markdown(article: Article, title: str | None = None, metadata: bool = True) -> str:
    """The article as CommonMark; with `metadata`, its head and author's note go in the front matter."""
    parts: list[str] = []
    heading = title or (article.title.text if article.title else None)
    if heading:
        parts.append("# " + _escape(heading).replace(LINE_BREAK, " "))  # an ATX heading is one line
    if article.standfirst and not metadata:
        parts.append("*" + inline(article.standfirst) + "*")
    if article.epigraph:
        parts.append(_block(article.epigraph))
    parts.extend(_block(b) for b in article.blocks)
    if article.about_author and not metadata:
        parts.append("*" + inline(article.about_author) + "*")
    if article.source_notes:
        parts.extend(f"[^s{n.number}]: {_escape(n.text.text)}" for n in article.source_notes)
    if article.references:
        parts.append("## " + _escape(article.references_heading))
        parts.extend("- " + inline(r) for r in article.references)
    return (front_matter(article) if metadata else "") + "\n\n".join(parts) + "\n"


def _plain(text: Text) -> str:
    """Text with note calls written back as glued numerals, as scraped pages carry them."""
    out = []
    last = 0
    for mark in sorted((m for m in text.marks if m.kind is MarkKind.NOTE_CALL), key=lambda m: m.start):
        out.append(text.text[last:mark.start])
        if mark.ref.startswith("s"):
            out.append(mark.ref[1:])
        last = mark.start
    out.append(text.text[last:])
    return "".join(out)


def article_text(article: Article) -> str:
    """The cleaned article as plain text, one block a line (the cleaner's own input format)."""
    lines: list[str] = []
    if article.title:
        lines.append(article.title.text.replace(LINE_BREAK, " "))  # the headline is one line, as the page's is
    if article.standfirst:
        lines.append(_plain(article.standfirst))
    if article.epigraph:
        lines.extend(_plain(t) for t in article.epigraph.lines)
    for block in article.blocks:
        if block.kind is BlockKind.TABLE:
            lines.extend(t.text for t in block.lines)
            lines.extend(" | ".join(c.text for c in row) for row in block.rows)
            continue
        if block.kind is BlockKind.HEADING:
            lines.append(_plain(block.lines[0]).replace(LINE_BREAK, " "))
            continue
        lines.extend(_plain(t) for t in block.lines)
        if block.signature:
            lines.append(_plain(block.signature))
        if block.source:
            lines.append(_plain(block.source))
    if article.about_author:
        lines.append(article.about_author.text)
    if article.source_notes:
        lines.append("Notes")
        lines.extend(f"{n.number} {n.text.text}" for n in article.source_notes)
    if article.references:
        lines.append(article.references_heading)
        lines.extend(r.text for r in article.references)
    return "\n".join(lines).replace(LINE_BREAK, "\n") + "\n"
