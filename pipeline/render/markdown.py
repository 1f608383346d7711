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

from ..model import LINE_BREAK, Article, Block, BlockKind, MarkKind, Text

# An underscore inside a word (snake_case) cannot open or close emphasis in CommonMark: left alone.
_ESCAPE = re.compile(r"[\\`*\[\]<>]|(?<!\w)_|_(?!\w)")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s)")


def _escape(text: str) -> str:
    text = _ESCAPE.sub(lambda m: "\\" + m.group(), text)
    return _LINE_START.sub(r"\1\\\2", text)


_OPEN = {MarkKind.EMPHASIS: "*", MarkKind.STRONG: "**", MarkKind.CODE: "`", MarkKind.LINK: "["}


def _tokens(text: Text, notes: bool) -> dict[int, list[str]]:
    """What to write before each offset: note calls, and the opening and closing of emphasis,
    strong, code and links (a saved page's marks), closing inner spans before outer ones."""
    at: dict[int, list[str]] = {}
    spans = sorted((m for m in text.marks if m.kind in _OPEN and m.end > m.start), key=lambda m: (m.start, -m.end))
    for mark in spans:
        at.setdefault(mark.start, []).append(_OPEN[mark.kind])
    for mark in sorted(spans, key=lambda m: (m.end, -m.start), reverse=False):
        close = f"]({mark.ref})" if mark.kind is MarkKind.LINK else _OPEN[mark.kind]
        at.setdefault(mark.end, []).insert(0, close)
    for mark in text.marks:
        if mark.kind is MarkKind.NOTE_CALL and notes:
            at.setdefault(mark.start, []).insert(0, f"[^{mark.ref}]")
    return at


def inline(text: Text, notes: bool = True, breaks: str = "\\\n") -> str:
    """Escaped text with note calls as [^n] footnote references, emphasis as *…*, links as [text](address),
    and line breaks inside a paragraph as CommonMark hard breaks (a heading, one line, gives `breaks=" "`)."""
    at = _tokens(text, notes)
    out: list[str] = []
    last = 0
    for offset in sorted(at):
        out.append(_escape(text.text[last:offset]))
        out.extend(at[offset])
        last = offset
    out.append(_escape(text.text[last:]))
    return "".join(out).replace(LINE_BREAK, breaks)


def _block(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return "#" * (block.level + 1) + " " + inline(block.lines[0], breaks=" ")
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
        image = f"![{_escape(figure.alt)}]({figure.name.replace(' ', '%20')})"
        return image + ("\n\n" + inline(figure.caption) if figure.caption else "")
    if block.kind is BlockKind.TABLE:
        return _table(block)
    return inline(block.lines[0])


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
              ("about_author", article.about_author.text if article.about_author else None))
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
        parts.append("## References")
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
        lines.append("References")
        lines.extend(r.text for r in article.references)
    return "\n".join(lines).replace(LINE_BREAK, "\n") + "\n"
