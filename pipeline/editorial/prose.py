"""The editors' Markdown read into the model: prose blocks of Text with marks.

Python-Markdown reads the Markdown (with smarty: curly quotes, dashes and
ellipses); its one stable output is HTML, so that HTML is the parser's
intermediate and nothing more. The allow-list sanitiser nh3 (the Rust
ammonia library) parses it as a browser would and keeps only the elements
read below, those Markdown itself makes: other raw HTML an editor types is
dropped (script and style with their content, any other element leaving its
text), and so are comments, event handlers and every attribute but a link's
address (a typed <b>, <i> or <a> reads as its Markdown would). What is left becomes
paragraphs, headings, lists and quotations of plain text with emphasis,
strong, code and link marks. A link keeps only an http, https or mailto
address (`is_link_address`, checked again by the renderer); any other link,
or a relative one, is its text alone. Nothing of the HTML reaches the model:
only `render/` makes XHTML, from the marks. `markdown_findings` reads Markdown's output before
the sanitiser and names, by line, all that this drops or prints other than the editor meant, so
that `check` can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

from ..model import (LINK_SCHEMES, BlockQuote, Heading, ItemList, Mark, MarkKind, Paragraph, Prose, Text,
                     is_link_address)

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {"p", "pre", "blockquote", "ul", "ol", "li", *_HEADINGS}
_INLINE = {"em": MarkKind.EMPHASIS, "i": MarkKind.EMPHASIS, "strong": MarkKind.STRONG, "b": MarkKind.STRONG,
           "code": MarkKind.CODE, "a": MarkKind.LINK}
_ATTRIBUTES = {"a": {"href"}}


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["smarty"], output_format="xhtml")


def _converted(source: str) -> str:
    md = _markdown()
    md.reset()
    return md.convert(source)


def _sanitised_html(source: str) -> str:
    return nh3.clean(_converted(source), tags=_BLOCKS | set(_INLINE), attributes=_ATTRIBUTES,
                     url_schemes=set(LINK_SCHEMES), link_rel=None, strip_comments=True)


def parse_markdown(source: str) -> list[Prose]:
    """Markdown as prose blocks (for the introduction, the colophon and glossary definitions)."""
    return _blocks(BeautifulSoup(_sanitised_html(source), "html.parser").contents)


def markdown_paragraphs(source: str) -> list[Text]:
    """Markdown as paragraphs of text (for notes, which are set inline, at the foot of a page):
    a heading, a quoted paragraph and a list item each become a paragraph."""
    out = []
    for text in _flatten(parse_markdown(source)):
        text = _stripped(text)
        if text.text:
            out.append(text)
    return out


def _flatten(blocks: list[Prose]):
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield block.text
        elif isinstance(block, BlockQuote):
            yield from _flatten(block.blocks)
        else:
            for item in block.items:
                yield from _flatten(item)


# ---------------------------------------------------------------- blocks

def _blocks(nodes) -> list[Prose]:
    """Block elements as blocks; text and inline elements between them as paragraphs of their own."""
    blocks: list[Prose] = []
    run: list = []

    def flush() -> None:
        text = _stripped(_text(run))
        if text.text:
            blocks.append(Paragraph(text))
        run.clear()

    for node in nodes:
        if isinstance(node, Tag) and node.name in _BLOCKS:
            flush()
            blocks.extend(_block(node))
        else:
            run.append(node)
    flush()
    return blocks


def _block(tag: Tag) -> list[Prose]:
    if tag.name == "p":
        text = _text(tag.contents)
        return [Paragraph(text)] if text.text.strip() else []
    if tag.name in _HEADINGS:
        text = _stripped(_text(tag.contents))
        return [Heading(text, _HEADINGS[tag.name])] if text.text else []
    if tag.name == "pre":  # a code block: its text, set as code
        text = _stripped(_text(tag.contents))
        marks = [Mark(MarkKind.CODE, 0, len(text.text))] + [m for m in text.marks if m.kind is not MarkKind.CODE]
        return [Paragraph(Text(text.text, marks))] if text.text else []
    if tag.name == "blockquote":
        inner = _blocks(tag.contents)
        return [BlockQuote(inner)] if inner else []
    if tag.name == "li":  # an item outside any list (raw HTML): its content only
        return _blocks(tag.contents)
    return _list(tag)


def _list(tag: Tag) -> list[Prose]:
    items: list[list[Prose]] = []
    stray: list = []  # content outside any item (raw HTML): an item of its own
    for node in [*tag.contents, None]:
        if node is None or (isinstance(node, Tag) and node.name == "li"):
            items.append(_blocks(stray))
            stray = []
            if node is not None:
                items.append(_blocks(node.contents))
        else:
            stray.append(node)
    items = [item for item in items if item]
    loose = any(isinstance(child, Tag) and child.name == "p" for li in tag.find_all("li", recursive=False)
                for child in li.children)
    return [ItemList(items, ordered=tag.name == "ol", loose=loose)] if items else []


# ---------------------------------------------------------------- inline text

def _text(nodes) -> Text:
    """The text of inline nodes, with a mark for each element the model knows (others: their text)."""
    parts: list[str] = []
    found: list[tuple[int, Mark]] = []  # (order of the opening tag, mark): outer before inner
    length = opened = 0

    def walk(node) -> None:
        nonlocal length, opened
        if isinstance(node, Tag):
            start, order = length, opened
            opened += 1
            for child in node.contents:
                walk(child)
            mark = _mark(node, start, length)
            if mark is not None:
                found.append((order, mark))
        elif type(node) is NavigableString:  # not a comment, doctype or processing instruction
            parts.append(str(node))
            length += len(node)

    for node in nodes:
        walk(node)
    found.sort(key=lambda om: (om[1].start, -om[1].end, om[0]))
    return Text("".join(parts), [mark for _, mark in found])


def _mark(tag: Tag, start: int, end: int) -> Mark | None:
    kind = _INLINE.get(tag.name)
    if kind is None or start == end:
        return None
    if kind is MarkKind.LINK:
        address = (tag.get("href") or "").strip()
        return Mark(kind, start, end, address) if is_link_address(address) else None
    return Mark(kind, start, end)


def _stripped(text: Text) -> Text:
    """The Text without white space at either end, its marks moved with it."""
    lead = len(text.text) - len(text.text.lstrip())
    body = text.text.strip()
    marks = []
    for mark in text.marks:
        start = min(max(mark.start - lead, 0), len(body))
        end = min(max(mark.end - lead, 0), len(body))
        if end > start:
            marks.append(Mark(mark.kind, start, end, mark.ref))
    return Text(body, marks, text.line)


# ---------------------------------------------------------------- what the book cannot keep

#: Elements that show something other than their text: dropping them loses what the editor meant.
_LOSES_CONTENT = {"img", "picture", "video", "audio", "iframe", "object", "embed", "canvas", "svg"}
#: Elements the sanitiser removes with their content, which is code, never words for a reader.
_CODE = {"script", "style"}
#: Elements Markdown itself makes for `---` and a hard line break; dropping them loses no words.
_HARMLESS = {"hr", "br"}
_REFERENCE_USE = re.compile(r"\[([^\[\]\n]+)\][ ]?\[([^\[\]\n]*)\]")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*\S", re.MULTILINE)
_TOP_HEADING = re.compile(r"^[ ]{0,3}#(?!#)[ \t]|^[ ]{0,3}#$|^.*\S.*\n[ ]{0,3}=+[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    """Something in the editors' Markdown the book cannot keep as written, at a line of the source."""

    message: str
    line: int  # 1-based, in the Markdown source
    hint: str
    severity: str = "warning"  # "error" where words or an image would be lost


def markdown_findings(source: str, headings: bool = True) -> list[Finding]:
    """What reading `source` would drop or print other than meant: raw HTML, links to addresses the
    book does not keep, reference links with no definition, and (`headings=False`, for a part the
    book heads itself) a top-level heading. Found on Markdown's own output, before the sanitiser,
    so that what it removes is seen."""
    soup = BeautifulSoup(_converted(source), "html.parser")
    found = [*_raw_html_findings(soup, source), *_link_findings(soup, source), *_reference_findings(soup, source)]
    if not headings:
        found += _top_heading_findings(soup, source)
    return sorted(found, key=lambda f: f.line)


def _line(source: str, offset: int | None) -> int:
    return source.count("\n", 0, offset) + 1 if offset is not None and offset >= 0 else 1


def _nth_offset(source: str, pattern: re.Pattern, nth: int) -> int | None:
    """Where the nth (from 0) match of `pattern` starts in the source, to give a finding its line."""
    matches = list(pattern.finditer(source))
    return matches[nth].start() if nth < len(matches) else None


def _raw_html_findings(soup: BeautifulSoup, source: str) -> list[Finding]:
    found = []
    seen: dict[str, int] = {}
    for tag in soup.find_all(True):
        name = tag.name
        if name in _BLOCKS or name in _INLINE or name in _HARMLESS:
            continue
        nth = seen[name] = seen.get(name, -1) + 1
        pattern = re.compile(rf"<\s*{re.escape(name)}\b" + (r"|!\[" if name == "img" else ""), re.IGNORECASE)
        line = _line(source, _nth_offset(source, pattern, nth))
        if name in _LOSES_CONTENT:
            found.append(Finding(f"<{name}> is removed, and what it shows with it: the book keeps no raw HTML",
                                 line, "write it as text (an image needs a chapter's figure, not a note)", "error"))
        elif name in _CODE:
            found.append(Finding(f"<{name}> is removed with its content: the book runs no code and keeps no "
                                 f"raw HTML", line, f"remove the <{name}> element"))
        else:
            found.append(Finding(f"raw HTML <{name}> is removed (its text is kept, but not where or as the "
                                 f"tag sets it)", line,
                                 "write Markdown instead: a blank line between paragraphs, *italics*, **bold**, "
                                 "[text](https://…)"))
    return found


def _link_findings(soup: BeautifulSoup, source: str) -> list[Finding]:
    found = []
    for tag in soup.find_all("a"):
        address = tag.get("href")
        if address is None or is_link_address(address.strip()):
            continue
        text = tag.get_text()
        offset = source.find(address) if address else source.find(f"[{text}]")
        found.append(Finding(f"the link “{text}” is dropped (its text is kept): {_why_not_kept(address.strip())}",
                             _line(source, offset), "write the full web address, https://…, or remove the link"))
    return found


def _why_not_kept(address: str) -> str:
    if not address:
        return "it has no address"
    try:
        parts = urlsplit(address)
    except ValueError:
        return f"'{address}' is not a web address"
    if not parts.scheme:
        return f"'{address}' is relative, and the book has no file it could lead to"
    if parts.scheme.lower() not in LINK_SCHEMES:
        return f"'{parts.scheme}:' addresses are not kept, only http, https and mailto"
    return f"'{address}' names no site"


def _reference_findings(soup: BeautifulSoup, source: str) -> list[Finding]:
    """`[text][name]` with no `[name]: address` line: Markdown prints it as typed, brackets and all."""
    defined = {_label(m.group(1)) for m in _REFERENCE_DEFINITION.finditer(source)}
    printed = "".join(t for t in soup.find_all(string=True) if t.parent.name not in ("code", "pre"))
    found = []
    for match in _REFERENCE_USE.finditer(source):
        text, name = match.groups()
        label = _label(name or text)
        if label in defined or f"][{name}]" not in printed:
            continue
        found.append(Finding(f"the reference link [{text}][{name}] has no definition: it is printed as typed",
                             _line(source, match.start()),
                             f"add a line '[{name or text}]: https://…' to the same text, or write "
                             f"[{text}](https://…)"))
    return found


def _label(name: str) -> str:
    return " ".join(name.split()).casefold()


def _top_heading_findings(soup: BeautifulSoup, source: str) -> list[Finding]:
    return [Finding(f"a top-level heading (“{tag.get_text().strip()}”): the book sets this part's own heading",
                    _line(source, _nth_offset(source, _TOP_HEADING, nth)),
                    "remove it, or make it a section heading with ##")
            for nth, tag in enumerate(soup.find_all("h1"))]
