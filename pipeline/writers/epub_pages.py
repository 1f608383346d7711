"""The print edition's page breaks marked in the e-book, and its page list.

For each page the PDF writer reported (page_list.PageStart), the page's first
words are looked for in the e-book's text, in reading order, from where the
last page began, or from the element the words stand in when the PDF writer
knows it (its ids are the e-book's: one renderer makes both). Words are
compared as letters only, so the print edition's capitals (text-transform),
note-call numbers and generated asterisks make no difference, and a word the
page begins half-way through (hyphenated over the page's turn) is found by the
words after it: the marker then goes before the whole word.

A page that begins in a footnote (one run over from the page before, with no
text of its own above it) is marked in that note, which is an endnote here;
the next page is looked for from where the text had got to.

A marker, `<span epub:type="pagebreak" role="doc-pagebreak" id="page-47"
aria-label="47"/>`, goes where its page's first word begins: never inside a
word, never inside a link or a note call (it goes before the link), never
inside the navigation document's lists (it goes before the navigation).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from .page_list import PageStart

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
_WRAP = f'<wrap xmlns="{XHTML}" xmlns:epub="{EPUB}">{{}}</wrap>'
_WORD = re.compile(r"[^\W\d_]+")
_NOTE = re.compile(r"^chapter-\d+-note-\d+$")
_A, _NAV, _OL = f"{{{XHTML}}}a", f"{{{XHTML}}}nav", f"{{{XHTML}}}ol"
_TYPE = f"{{{EPUB}}}type"
#: Print ids whose e-book counterpart is named otherwise.
ALIASES = {"contents": "toc", "contents-title": "toc-title"}
#: How far past the last page's start a page's words are looked for (in words); a page holds about 400.
WINDOW = 6000


def words(text: str) -> list[str]:
    """A text's words as compared: letters only, lower case, compatibility forms folded (ﬁ -> fi)."""
    return [w.lower() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


@dataclass
class _Token:
    word: str
    doc: int
    node: etree._Element
    attr: str  # "text" or "tail"
    offset: int


@dataclass
class Placed:
    label: str
    doc: int  # index of the document in the order given
    id: str


class _Text:
    """Every word of the documents in reading order, with where it stands, and where each id begins."""

    def __init__(self, roots: list[etree._Element]):
        self.tokens: list[_Token] = []
        self.ids: dict[str, int] = {}
        for doc, root in enumerate(roots):
            self._walk(root, doc)
        self.words = [t.word for t in self.tokens]

    def _walk(self, element, doc: int) -> None:
        if element.get(_TYPE) in ("landmarks", "page-list"):  # hidden lists of links, not reading text
            self._words(element.tail, element, "tail", doc)
            return
        if element.get("id"):
            self.ids.setdefault(element.get("id"), len(self.tokens))
        self._words(element.text, element, "text", doc)
        for child in element:
            self._walk(child, doc)
        self._words(element.tail, element, "tail", doc)

    def _words(self, text: str | None, node, attr: str, doc: int) -> None:
        for match in _WORD.finditer(text or ""):
            for word in words(match.group()):
                self.tokens.append(_Token(word, doc, node, attr, match.start()))

    def find(self, needle: list[str], start: int) -> int | None:
        """The first position from `start` (within WINDOW) where `needle` stands; or, if its first
        word is the end of a word hyphenated over the page's turn, where that word begins."""
        words_at = self.words
        end = min(len(words_at), start + WINDOW)
        for n in (8, 6, 4, 3, 2, 1):
            if len(needle) < n:
                continue
            for position in range(start, end):
                if words_at[position:position + n] == needle[:n]:
                    return position
            rest = needle[1:1 + n]
            if len(rest) == n and n >= 2:
                for position in range(max(start, 1), end):
                    if words_at[position:position + n] == rest and words_at[position - 1].endswith(needle[0]) \
                            and words_at[position - 1] != needle[0]:
                        return position - 1
        return None


def _marker(label: str) -> etree._Element:
    span = etree.Element(f"{{{XHTML}}}span", nsmap={None: XHTML, "epub": EPUB})
    span.set(_TYPE, "pagebreak")
    span.set("role", "doc-pagebreak")
    span.set("id", f"page-{label}")
    span.set("aria-label", label)
    return span


def _container(token: _Token):
    return token.node if token.attr == "text" else token.node.getparent()


def _location(token: _Token):
    """Where a marker for this word goes: ("split", token) in its text, or ("before", element)."""
    element = _container(token)
    outer_link = None
    nav = None
    in_list = False
    while element is not None and element.tag != "wrap":
        if element.tag == _A:
            outer_link = element
        if element.tag == _OL:
            in_list = True
        if element.tag == _NAV:
            nav = element
        element = element.getparent()
    if nav is not None and in_list:
        return ("before", nav)
    if outer_link is not None:
        return ("before", outer_link)
    return ("split", token)


def _insert(location, spans: list[etree._Element]) -> None:
    kind, where = location
    if kind == "before":
        parent = where.getparent()
        index = parent.index(where)
        for i, span in enumerate(spans):
            parent.insert(index + i, span)
        return
    token = where
    node = token.node
    if token.attr == "text":
        rest, node.text = node.text[token.offset:], node.text[:token.offset] or None
        for i, span in enumerate(spans):
            node.insert(i, span)
    else:
        rest, node.tail = node.tail[token.offset:], node.tail[:token.offset] or None
        parent = node.getparent()
        index = parent.index(node)
        for i, span in enumerate(spans):
            parent.insert(index + 1 + i, span)
    spans[-1].tail = rest


def place_markers(fragments: list[str], starts: list[PageStart]) -> tuple[list[str], list[Placed], list[str]]:
    """The fragments (documents' bodies, in reading order) with a marker at each page's start; the
    markers placed, in page order; and the labels of pages whose words were not found."""
    roots = [etree.fromstring(_WRAP.format(fragment)) for fragment in fragments]
    text = _Text(roots)
    cursor = 0
    found: list[tuple[str, _Token]] = []
    missed: list[str] = []
    for start in starts:
        begin = cursor
        for hint in start.hints:
            position = text.ids.get(ALIASES.get(hint, hint))
            if position is not None:
                begin = max(cursor, position)
                break
        position = text.find(words(start.text), begin)
        if position is None:
            missed.append(start.label)
            continue
        if not any(_NOTE.search(hint) for hint in start.hints[:1]):
            cursor = position  # a page that begins in a footnote (an endnote here) leaves the text's place
        found.append((start.label, text.tokens[position]))
    groups: dict[tuple, tuple[int, object, list[str]]] = {}
    for order, (label, token) in enumerate(found):
        location = _location(token)
        key = (location[0], id(location[1]))
        groups.setdefault(key, (order, location, []))[2].append(label)
    # Last first: a marker put in a text node leaves the offsets before it as they were.
    for _, location, labels in sorted(groups.values(), key=lambda g: -g[0]):
        _insert(location, [_marker(label) for label in labels])
    placed = [Placed(label, token.doc, f"page-{label}") for label, token in found]
    return [_serialised(root) for root in roots], placed, missed


def _serialised(root: etree._Element) -> str:
    text = etree.tostring(root, encoding="unicode")
    return text[text.index(">") + 1:text.rindex("</wrap>")]


def page_list_nav(entries: list[tuple[str, str]]) -> str:
    """The navigation document's page list: (href, label) of every marker, in page order."""
    items = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in entries)
    return (f'<nav id="page-list" epub:type="page-list" role="doc-pagelist" aria-labelledby="page-list-title" '
            f'hidden="hidden"><h2 id="page-list-title">Pages</h2><ol>{items}</ol></nav>')


def mark_pages(docs, starts: list[PageStart]) -> list[tuple[str, str]]:
    """Put each page's marker in its document (`docs`: the EPUB's documents in reading order, each
    with .key, .file and .body; their bodies are rewritten); (href, label) of each, in page order."""
    readable = [doc for doc in docs if doc.key != "cover" and doc.body]
    bodies, placed, _ = place_markers([doc.body for doc in readable], starts)
    for doc, body in zip(readable, bodies):
        doc.body = body
    return [(f"{readable[p.doc].file.removeprefix('text/')}#{p.id}", p.label) for p in placed]


def print_source(book) -> str:
    """The print edition the e-book's page numbers are those of (dc:source, pageBreakSource)."""
    meta = book.meta
    title = meta.title + (f": {meta.subtitle}" if meta.subtitle else "")
    isbn = f", ISBN {meta.isbn}" if meta.isbn else ""
    publisher = f", {meta.publisher}" if meta.publisher else ""
    year = f", {meta.date[:4]}" if meta.date else ""
    return f"{title}, print edition (A5, PDF){publisher}{year}{isbn}"
