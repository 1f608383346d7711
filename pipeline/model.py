"""The document model: what the cleaner produces and the writers consume.

Text is plain text; everything inline (note calls, glossary terms, emphasis,
links) is an annotation over character offsets. Nothing here holds HTML, so a
phrase can be searched and anchored without un-escaping anything, and the one
renderer decides how each annotation looks. The editors' Markdown (notes,
glossary definitions, the introduction and the colophon) is held the same way:
Texts with marks, in the few block types of `Prose`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .clean import CleanResult
    from .problems import Problem


class MarkKind(str, Enum):
    NOTE_CALL = "note-call"  # zero-width: a note reference after offset `start`
    GLOSSARY = "glossary"  # a span linked to a glossary entry
    EMPHASIS = "emphasis"  # ref "title": a work's title, set in italics
    STRONG = "strong"
    CODE = "code"
    LINK = "link"  # ref: the address, one that `is_link_address` accepts
    INDEX = "index"  # a span the index locates: ref is its anchor id (never inside a link or a note call)


#: A line break inside a paragraph (verse, an address: a saved page's `<br>`). A plain newline in a
#: Text is white space, as in the editors' Markdown; this one is kept as a break in both editions.
LINE_BREAK = "\u2028"

#: A web address in plain text is a link: the renderer makes it one, and glossary terms are
#: never linked inside it.
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"”’]+", re.I)

#: The only addresses a LINK mark may hold: nothing that runs (javascript:), embeds (data:)
#: or reads a file (file:), and nothing relative, which would lead nowhere in the editions.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def is_link_address(address: str) -> bool:
    """Whether `address` may be a link's target (absolute http(s) with a host, or mailto)."""
    if not address or any(ord(ch) < 33 or ord(ch) == 127 for ch in address):
        return False
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        return len(address) > len("mailto:")
    return scheme in LINK_SCHEMES and bool(parts.netloc)


@dataclass(frozen=True)
class Mark:
    """An inline annotation over text[start:end] (start == end for a point)."""

    kind: MarkKind
    start: int
    end: int
    ref: str = ""  # note key or glossary entry id


TITLE = "title"  # the `ref` of the emphasis over a work's title (editorial `italics:`), "title:it" in Italian


def title_ref(language: str | None = None) -> str:
    """The `ref` of a title's emphasis: "title", or "title:it" for words in Italian."""
    return f"{TITLE}:{language}" if language else TITLE


def is_title(mark: Mark) -> bool:
    return mark.kind is MarkKind.EMPHASIS and (mark.ref == TITLE or mark.ref.startswith(TITLE + ":"))


def title_language(mark: Mark) -> str | None:
    """The language a title's emphasis gives ("it" of "title:it"), or None."""
    return (mark.ref.partition(":")[2] or None) if is_title(mark) else None


@dataclass
class Text:
    """A run of plain text with its inline annotations."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    line: int = 0  # first source line, for reports and error messages

    def sub(self, start: int, end: int) -> "Text":
        """text[start:end] with the marks inside it (cut to its edges)."""
        marks = [Mark(m.kind, max(m.start, start) - start, min(m.end, end) - start, m.ref) for m in self.marks
                 if (start <= m.start <= end if m.start == m.end else m.start < end and start < m.end)]
        return Text(self.text[start:end], marks, self.line)

    def with_mark(self, mark: Mark) -> "Text":
        marks = sorted([*self.marks, mark], key=lambda m: (m.start, m.end, m.kind.value))
        return Text(self.text, marks, self.line)


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTATION = "quotation"
    LIST = "list"
    TABLE = "table"  # a simple data table (from an HTML seed): `rows` of cells
    FIGURE = "figure"  # an image with its alt text and caption (from an HTML seed): `figure`


@dataclass
class Figure:
    """An image of the article, as the saved page gave it: never fetched, read only from the page's folder.

    `file` is the image inside the page's own `NAME_files/` folder, or None when the page's `src`
    named no such file (missing, on the web, or leaving the folder: the reader warned). The
    editorial stage fills `data` and `media_type` (checked, scaled down) and may give `alt`.
    """

    src: str  # the address as the page wrote it, for messages
    file: Path | None
    alt: str = ""
    caption: "Text | None" = None
    data: bytes = b""
    media_type: str = ""
    width: int = 0
    height: int = 0

    @property
    def name(self) -> str:
        """The image's file name, as editors name it in book.yaml's `figures:`."""
        return self.file.name if self.file else self.src.rsplit("/", 1)[-1].split("?")[0]


@dataclass
class Block:
    """A block of the article body.

    Paragraphs and headings hold one Text in `lines`; a quotation holds its
    paragraphs in `lines` plus an optional signature and source citation; a
    list holds one Text per item.
    """

    kind: BlockKind
    lines: list[Text]
    level: int = 1  # headings: 0 = a part's title (an instalment), 1 = section, 2 = subsection
    signature: Text | None = None
    source: Text | None = None
    ordered: bool = False  # lists: numbered
    rows: list[list[Text]] = field(default_factory=list)  # tables: cells row by row
    header_rows: int = 0  # tables: how many of the first rows are headers
    figure: Figure | None = None

    @property
    def text(self) -> str:
        return "\n".join(t.text for t in self.lines)


@dataclass
class SourceNote:
    """A note the source article carried itself (a numbered line under "Notes")."""

    number: int
    text: Text


@dataclass
class Article:
    """One cleaned article, before editorial decisions are applied."""

    path: Path
    title: Text | None = None
    standfirst: Text | None = None
    author: str | None = None
    published: str | None = None  # ISO date the page gives for the article
    publication: str | None = None  # the site or periodical, where the page says (HTML seeds)
    language: str | None = None  # BCP 47: what its words say clearly, else what a saved page declares
    epigraph: Block | None = None
    blocks: list[Block] = field(default_factory=list)
    about_author: Text | None = None
    source_notes: list[SourceNote] = field(default_factory=list)
    references: list[Text] = field(default_factory=list)
    references_heading: str = "References"  # the page's own word over them: "Sources", "Further reading"

    def has_body(self) -> bool:
        """Whether a block other than a heading holds words or a figure: what a chapter needs to be read."""
        return any(block.kind is not BlockKind.HEADING and (block.figure is not None
                                                             or any(line.text.strip() for line in block.lines))
                   for block in self.blocks)

    def texts(self):
        """Every body Text in reading order (where note calls and terms live)."""
        if self.standfirst:
            yield self.standfirst
        for block in self.blocks:
            yield from block.lines
            if block.signature:
                yield block.signature
            if block.source:
                yield block.source

    def word_count(self) -> int:
        words = sum(len(t.text.split()) for t in self.texts())
        return words + (len(self.about_author.text.split()) if self.about_author else 0)


class NoteOrigin(str, Enum):
    SOURCE = "source"  # the article's own note
    EDITOR = "editor"  # written by this reader's editors
    SUPPLIED = "supplied"  # the source's note, lost in the scrape, supplied by the editors
    MISSING = "missing"  # the article calls a note its scraped text lacks


@dataclass
class Note:
    """A note as the reader sees it: numbered per chapter in reading order."""

    key: str  # stable key of the call mark ("s12" source 12, "e3" editor note 3)
    number: int
    origin: NoteOrigin
    paragraphs: list[Text]  # set inline (a footnote is part of a line): paragraphs only


@dataclass
class Paragraph:
    text: Text


@dataclass
class Heading:
    text: Text
    level: int = 1  # 1 = the editor's top level (Markdown `#`); the renderer places it under the page's title


@dataclass
class ItemList:
    items: list[list[Prose]]  # each item holds blocks (a paragraph, and perhaps a list inside it)
    ordered: bool = False
    loose: bool = False  # items set as paragraphs (blank lines between them in the Markdown)


@dataclass
class BlockQuote:
    blocks: list[Prose]


#: A block of the editors' Markdown, as the editorial stage parsed it.
Prose = Paragraph | Heading | ItemList | BlockQuote


@dataclass
class GlossaryEntry:
    id: str
    term: str
    forms: list[str]
    definition: list[Prose]
    see_also: list[str] = field(default_factory=list)
    match_case: bool = True
    line: int = 0
    uses: list[str] = field(default_factory=list)  # chapter ids where the term is linked
    sort: str = ""  # where the entry is filed, when not under its term ("Cliff" for "Tony Cliff")
    see_from: list[str] = field(default_factory=list)  # forms filed as cross-references to this entry

    def filing(self) -> str:
        """The key the glossary files the entry under."""
        return glossary_filing(self.sort or self.term)


def glossary_filing(words: str) -> str:
    """Where a glossary headword is filed: letter by letter, case and a leading "the" aside."""
    return numbers_in_order(words.lower().removeprefix("the "))


_NUMBER = re.compile(r"\d+")


def numbers_in_order(key: str) -> str:
    """A filing key whose numbers file in numerical order, before letters (Chicago 16.64): "20th Congress"
    before "1923 Opposition", which letter by letter would come first."""
    return _NUMBER.sub(lambda m: m.group().zfill(8), key)


@dataclass
class IndexLocator:
    """One occurrence of an index heading's form: the span `anchor` in chapter `chapter`."""

    anchor: str
    chapter: str
    words: str  # the occurrence as the text has it


@dataclass
class IndexSubentry:
    id: str
    heading: str
    sort_key: str
    forms: list[str]
    match_case: bool = True
    within: list[str] = field(default_factory=list)  # section headings where the entry's own forms are this one's
    exceptions: list[str] = field(default_factory=list)  # phrases where a mention of the entry is not this one's
    locators: list[IndexLocator] = field(default_factory=list)


@dataclass
class IndexEntry:
    """A main entry of the back-of-book index (index.yaml), with its locators in reading order."""

    id: str
    heading: str
    kind: str  # person, organisation, event, place, idea or work
    sort_key: str
    forms: list[str]
    subentries: list[IndexSubentry] = field(default_factory=list)
    see: list[str] = field(default_factory=list)  # entry ids
    see_also: list[str] = field(default_factory=list)  # entry ids
    own_locators: bool = True  # False: only the sub-entries list pages (a name on nearly every page)
    match_case: bool = True
    line: int = 0
    locators: list[IndexLocator] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)  # phrases in which a form does not name the entry

    def headings(self):
        """The entry and its sub-entries: everything that holds locators."""
        yield self
        yield from self.subentries


@dataclass
class Chapter:
    id: str  # file-safe identifier, also the anchor prefix
    number: int
    title: str
    author: str | None
    article: Article
    notes: list[Note] = field(default_factory=list)
    publication: str | None = None
    published: str | None = None
    url: str | None = None
    summary: str | None = None
    running_head: str | None = None  # over print's pages: the editors' short form, else the title cut to fit
    language: str | None = None  # BCP 47, where it is not the book's: the editors', else the article's


@dataclass
class BookMeta:
    title: str
    subtitle: str | None
    editor: str
    language: str
    identifier: str
    slug: str
    publisher: str | None = None
    date: str | None = None  # ISO date of this edition
    rights: str | None = None
    description: str | None = None
    isbn: str | None = None  # printed on the copyright page
    credit: str | None = None  # the title page's credit line; None: "Edited by <editor>"
    dash: str = "–"  # the house style's dash (also before an attribution)
    glossary_terms: str = "discreet"  # how print marks glossary terms: "discreet" or "none"
    hyphenation: tuple[str, ...] = ()  # print: words written with a hyphen where they may break ("bureau-cracy")

    @property
    def credit_line(self) -> str:
        return self.credit or f"Edited by {self.editor}"

    @property
    def editor_alone(self) -> str:
        """The editors' name standing alone, as a library's catalogue lists it: its first letter a capital
        ("the Reader Pipeline editors" is written to run in a sentence, "compiled by the … editors")."""
        name = self.editor or ""
        return name[:1].upper() + name[1:]


@dataclass
class Book:
    meta: BookMeta
    chapters: list[Chapter]
    introduction: list[Prose] = field(default_factory=list)  # none: the book has no introduction
    glossary: list[GlossaryEntry] = field(default_factory=list)
    colophon: list[Prose] = field(default_factory=list)  # the editors' text before the list of sources
    index: list[IndexEntry] = field(default_factory=list)  # sorted as printed

    @property
    def contributors(self) -> list[str]:
        seen: list[str] = []
        for chapter in self.chapters:
            if chapter.author and chapter.author not in seen:
                seen.append(chapter.author)
        return seen


@dataclass
class BuildInput:
    """What the writers need plus what the reports need."""

    book: Book
    cleaned: dict[str, CleanResult] = field(default_factory=dict)  # chapter id -> cleaning result
    warnings: list[Problem] = field(default_factory=list)
    style_changes: object = None  # style.StyleChanges: what the house style changed, for the report
