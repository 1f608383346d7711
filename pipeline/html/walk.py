"""Walk a parsed page into blocks of text with inline marks and the markup's evidence.

One block per paragraph-like element (p, h1–h6, li, blockquote's paragraphs, pre,
a data table, a figure, or a run of text between block elements), in reading order.
Inline markup becomes marks over the block's text (emphasis, strong, code, links to
http, https and mailto only); `<br>` becomes a line break. Nothing of the page's own
markup survives: no element, attribute, style or script reaches the blocks, only text,
marks and plain facts (element, landmarks, heading level, list, class words).

The walk is iterative (a page nested thousands deep cannot exhaust Python's stack),
skips what a browser does not show (script, style, template, hidden elements,
form controls) and never fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..model import LINE_BREAK, Mark, MarkKind, Text, is_link_address
from .images import ImageFolder

BLOCK = frozenset("""address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary
table tbody td tfoot th thead tr ul legend""".split())
SKIP = frozenset("""script style noscript template svg math iframe object embed canvas input select textarea button
option optgroup datalist head title meta link base audio video source track map area dialog frame frameset
portal slot""".split())
_LANDMARK_TAGS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "main": "main",
                  "article": "article", "form": "form"}
_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
          "main": "main", "article": "article", "search": "form", "form": "form", "dialog": "aside"}
_MARK_TAGS = {"em": MarkKind.EMPHASIS, "i": MarkKind.EMPHASIS, "cite": MarkKind.EMPHASIS,
              "dfn": MarkKind.EMPHASIS, "var": MarkKind.EMPHASIS, "strong": MarkKind.STRONG,
              "b": MarkKind.STRONG, "code": MarkKind.CODE, "kbd": MarkKind.CODE, "samp": MarkKind.CODE,
              "tt": MarkKind.CODE}
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\u2060]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORDS = re.compile(r"[a-z]{2,}")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
MAX_CELL = 300  # a cell longer than this makes the table a layout table, read as blocks


@dataclass
class RawBlock:
    """A block as the walk found it, before the cleaner turns it into a unit."""

    text: str
    marks: list[Mark]
    element: str
    source_line: int
    landmarks: frozenset[str]
    words: frozenset[str]
    own_words: frozenset[str]
    heading: int = 0
    list_id: int = 0
    ordered: bool = False
    quote_id: int = 0
    link_chars: int = 0
    figure_id: int = 0  # the <figure> it stands in
    in_caption: bool = False
    image: object = None  # an Image (see images.py) for a figure block
    rows: tuple = ()
    header_rows: int = 0
    caption: str = ""  # a data table's <caption>
    path: tuple[int, ...] = ()  # ids of its ancestor elements, for finding the content container


def _trimmed(mark: Mark, text: str) -> Mark | None:
    """The mark without the spaces at its edges (`<em> word </em>`), or None if nothing is left."""
    start, end = mark.start, min(mark.end, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mark(mark.kind, start, end, mark.ref) if end > start else None


def _listing_marks(marks: list[Mark], text: str) -> list[Mark]:
    """A `<pre>`'s code: all of its text, its first line's indent too (which a code mark's trimmed edge leaves
    out), whether or not a `<code>` holds it (Medium, a terminal's copy set in `<pre>` alone)."""
    code = [m for m in marks if m.kind is MarkKind.CODE]
    if not code:
        return [*marks, Mark(MarkKind.CODE, 0, len(text))]
    return [Mark(m.kind, 0, m.end, m.ref) if m in code and not text[:m.start].strip() else m for m in marks]


def class_words(element) -> frozenset[str]:
    value = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return frozenset(_WORDS.findall(value.replace("_", " ").replace("-", " "))) if value.strip() else frozenset()


def _holds_page(element, tag: str) -> bool:
    """A control that, as the parser repaired the page, holds the page itself: a `<button>` left open
    swallows what follows it. Its content is walked; the control's own words stay out (too short to keep)."""
    return tag in ("button", "select", "label") and element.find(".//p") is not None


def _hidden(element) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


@dataclass
class _Frame:
    tag: str
    id: int
    words: frozenset[str]
    landmark: str = ""
    list_id: int = 0
    ordered: bool = False


@dataclass
class Walker:
    base_url: str
    images: ImageFolder
    blocks: list[RawBlock] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[Mark] = field(default_factory=list)
    open_marks: list[list] = field(default_factory=list)  # [kind, start, ref, tag]
    link_depth: int = 0
    link_chars: int = 0
    pre: int = 0
    start_line: int = 0
    counter: int = 0
    figure: int = 0
    caption: int = 0
    elements: dict = field(default_factory=dict)  # frame id -> element name
    blank_lines_part: bool = False  # a page that sets no paragraph in a <p>: its `<br><br>` parts them

    # ---------------------------------------------------------------- text
    def _last(self) -> str:
        return self.parts[-1][-1:] if self.parts else ""

    def add_text(self, text: str | None, line: int) -> None:
        if not text:
            return
        text = _CONTROL.sub("", text)
        if self.pre:
            text = text.replace("\r\n", "\n").replace("\t", "    ").replace("\n", LINE_BREAK)
        else:
            text = _SPACES.sub(" ", text)
            if text.startswith(" ") and (not self.parts or self._last() in (" ", LINE_BREAK)):
                text = text[1:]
        if not text:
            return
        if not self.parts:
            self.start_line = line
        self.parts.append(text)
        self.length += len(text)
        if self.link_depth:
            self.link_chars += len(text.strip())

    def line_break(self, line: int) -> None:
        if not self.parts:
            return
        if self.blank_lines_part and not self.pre and self._last() == LINE_BREAK:
            self.flush()  # a blank line (`<br><br>`): where a page without <p>s ends its paragraphs
            return
        self._trim_end()
        self.parts.append(LINE_BREAK)
        self.length += 1

    def _trim_end(self) -> None:
        while self.parts and self._last() == " ":
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            if not self.parts[-1]:
                self.parts.pop()

    # ---------------------------------------------------------------- blocks
    def flush(self, element: str = "") -> None:
        """End the current block: its text, trimmed, with the marks that cover any of it."""
        self._trim_end()
        while self.parts and self._last() == LINE_BREAK:
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            if not self.parts[-1]:
                self.parts.pop()
            self._trim_end()
        text = "".join(self.parts)
        for entry in self.open_marks:  # a mark open across the block's end is closed here, reopened after
            self._close_mark(entry, len(text))
            entry[1] = 0
        if text.strip():
            self.blocks.append(self._block(text, element))
        self.parts, self.length, self.marks, self.link_chars = [], 0, [], 0

    def _context(self):
        landmarks = frozenset(f.landmark for f in self.frames if f.landmark)
        words = frozenset().union(*(f.words for f in self.frames)) if self.frames else frozenset()
        own = frozenset().union(*(f.words for f in self.frames[-3:])) if self.frames else frozenset()
        return landmarks, words, own

    def _block(self, text: str, element: str) -> RawBlock:
        landmarks, words, own = self._context()
        tags = [f.tag for f in self.frames]
        holder = element or next((t for t in reversed(tags) if t in BLOCK), "div")
        heading = next((int(t[1]) for t in reversed(tags) if len(t) == 2 and t[0] == "h" and t[1] in "123456"), 0)
        item = next((f for f in reversed(self.frames) if f.tag == "li"), None)
        parent = None
        if item is not None:
            index = self.frames.index(item)
            parent = next((f for f in reversed(self.frames[:index]) if f.tag in ("ul", "ol", "menu", "dir")), None)
        quote = next((f.id for f in reversed(self.frames) if f.tag == "blockquote"), 0)
        marks = sorted((m for m in self.marks if m.end > m.start and m.start < len(text)),
                       key=lambda m: (m.start, -m.end))
        marks = [t for t in (_trimmed(m, text) for m in marks) if t is not None]
        if holder == "pre":
            marks = _listing_marks(marks, text)
        return RawBlock(text, marks, holder, self.start_line, landmarks, words, own, heading,
                        parent.id if parent else 0, parent.ordered if parent else False, quote,
                        self.link_chars, self.figure, self.caption > 0,
                        path=tuple(f.id for f in self.frames))

    # ---------------------------------------------------------------- marks
    def _open_mark(self, kind: MarkKind, ref: str, tag: str) -> None:
        self.open_marks.append([kind, self.length, ref, tag])

    def _close_mark(self, entry: list, end: int | None = None) -> None:
        kind, start, ref, _tag = entry
        end = self.length if end is None else end
        if end > start:
            self.marks.append(Mark(kind, start, end, ref))

    def close_marks(self, tag: str) -> None:
        for index in range(len(self.open_marks) - 1, -1, -1):
            if self.open_marks[index][3] == tag:
                self._close_mark(self.open_marks.pop(index))
                return

    def link_address(self, href: str | None) -> str:
        if not href:
            return ""
        href = href.strip()
        if href.lower().startswith(("javascript:", "data:", "vbscript:", "file:")):
            return ""
        address = urljoin(self.base_url, href) if self.base_url and ":" not in href.split("/")[0] else href
        return address if is_link_address(address) else ""

    # ---------------------------------------------------------------- elements
    def open(self, element, tag: str) -> None:
        self.counter += 1
        words = class_words(element)
        landmark = _LANDMARK_TAGS.get(tag) or _ROLES.get((element.get("role") or "").lower(), "")
        frame = _Frame(tag, self.counter, words, landmark)
        self.elements[self.counter] = tag
        if tag in ("ul", "ol", "menu", "dir"):
            frame.list_id, frame.ordered = self.counter, tag == "ol"
        line = element.sourceline or 0
        if tag in BLOCK:
            self.flush()
        self.frames.append(frame)
        if tag == "figure":
            self.figure = self.counter
        elif tag == "figcaption":
            self.caption += 1
        elif tag == "br":
            self.line_break(line)
        elif tag == "pre":
            self.pre += 1
        elif tag == "a":
            self.link_depth += 1
            address = self.link_address(element.get("href"))
            if address:
                self._open_mark(MarkKind.LINK, address, tag)
        elif tag in _MARK_TAGS:
            self._open_mark(_MARK_TAGS[tag], "", tag)
        elif tag == "img":
            self.image(element, line)

    def close(self, element, tag: str) -> None:
        if tag in BLOCK:
            self.flush(tag if tag not in ("div", "section", "body", "html") else "")
        if tag == "a":
            self.link_depth -= 1
            self.close_marks("a")
        elif tag in _MARK_TAGS:
            self.close_marks(tag)
        elif tag == "pre":
            self.pre -= 1
        elif tag == "figcaption":
            self.caption -= 1
        elif tag == "figure":
            self.figure = 0
        self.frames.pop()

    def image(self, element, line: int) -> None:
        found = self.images.image(element, line)
        if found is None:
            return
        self.flush()
        landmarks, words, own = self._context()
        self.blocks.append(RawBlock("", [], "img", line, landmarks, words, own, figure_id=self.figure,
                                    image=found, path=tuple(f.id for f in self.frames)))


_PARAGRAPHS = 3  # <p>s of some length: a page that has this many sets its paragraphs in them


def _without_paragraphs(body) -> bool:
    """Whether the page sets its prose in no <p> (an old blog's `text<br><br>text`)."""
    found = 0
    for paragraph in body.iter("p"):
        found += len(paragraph.text_content().split()) >= 12
        if found >= _PARAGRAPHS:
            return False
    return True


def walk(root, base_url: str, images: ImageFolder, elements: dict | None = None) -> list[RawBlock]:
    """Every block of the page's <body>, in reading order; `elements`, if given, receives the name of
    every element entered, by the id its blocks' `path` gives it."""
    body = root.find("body")
    walker = Walker(base_url, images, blank_lines_part=_without_paragraphs(body if body is not None else root))
    tables = _TableReader(walker)
    stack: list[tuple[object, bool]] = [(body if body is not None else root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if closing:
            walker.close(element, tag)
            walker.add_text(element.tail, element.sourceline or 0)
            continue
        if not tag or (tag in SKIP and not _holds_page(element, tag)) or _hidden(element):
            if element is not root and tag != "body":
                walker.add_text(element.tail, element.sourceline or 0)
            continue
        if tag == "table" and tables.read(element):
            walker.add_text(element.tail, element.sourceline or 0)
            continue
        walker.open(element, tag)
        walker.add_text(element.text, element.sourceline or 0)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    walker.flush()
    if elements is not None:
        elements.update(walker.elements)
    return walker.blocks


@dataclass
class _TableReader:
    """A simple data table becomes one block of cells; a layout table is walked like any other markup."""

    walker: Walker

    def read(self, table) -> bool:
        if table.find(".//table") is not None:
            return False
        rows: list[tuple[Text, ...]] = []
        header_rows = 0
        for tr in table.iter("tr"):
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            texts = tuple(Text(visible_text(c)) for c in cells)
            if any(len(t.text) > MAX_CELL for t in texts):
                return False
            if texts:
                rows.append(texts)
                if len(rows) == header_rows + 1 and all(c.tag.lower() == "th" for c in cells):
                    header_rows += 1
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or max(len(r) for r in rows) > 30:
            return False
        w = self.walker
        w.flush()
        w.counter += 1
        w.frames.append(_Frame("table", w.counter, class_words(table)))
        w.elements[w.counter] = "table"
        w.start_line = table.sourceline or 0
        caption = table.find("caption")
        title = visible_text(caption) if caption is not None else ""
        text = " ".join(c.text for r in rows for c in r if c.text)
        block = w._block(text or title, "table")
        w.frames.pop()
        block.rows, block.header_rows, block.caption = tuple(rows), header_rows, title
        if title:
            block.text = title + " " + block.text
        w.blocks.append(block)
        return True


def visible_text(element) -> str:
    """The text a browser shows inside `element` (scripts, styles and hidden elements left out)."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(element, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            out.append(node.tail or "")
            continue
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if node is not element:
            stack.append((node, True))
        if not tag or tag in SKIP or _hidden(node):
            continue
        if tag == "br":
            out.append(" ")
        out.append(node.text or "")
        stack.extend((child, False) for child in reversed(node))
    return _SPACES.sub(" ", _CONTROL.sub("", "".join(out))).strip()
