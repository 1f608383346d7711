"""The cleaner's working material: one unit per source block, with a role.

Stages never delete silently: a unit they drop leaves an Event naming the rule,
and a unit they reshape leaves one too. Units keep their source line number so
that reports and editors' overrides can point at the seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar
from enum import Enum

from ..model import Figure, Mark, Text


class Role(str, Enum):
    BODY = "body"  # a paragraph of the article (until a stage decides otherwise)
    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATELINE = "dateline"
    EPIGRAPH = "epigraph"
    HEADING = "heading"
    QUOTE = "quote"
    QUOTE_SIGNATURE = "quote-signature"
    QUOTE_SOURCE = "quote-source"
    LIST_ITEM = "list-item"
    NOTES_HEADING = "notes-heading"
    NOTE = "note"
    REFERENCES_HEADING = "references-heading"
    REFERENCE = "reference"
    ABOUT_AUTHOR = "about-author"


@dataclass(frozen=True)
class Markup:
    """What an HTML seed's markup says about one block: plain data, read by the reader, weighed by the cleaner.

    A text seed's units carry none. `words` are the class and id words of the block and its
    ancestors ("share", "related", "comments"), `landmarks` the sectioning elements and ARIA
    roles around it (nav, header, footer, aside, main, article, form).
    """

    element: str  # the element that holds the block: p, h2, li, blockquote, figure, table, pre, div, td …
    source_line: int = 0  # the line of the HTML file where the block starts
    landmarks: frozenset[str] = frozenset()
    heading: int = 0  # 1–6 for h1–h6
    list_id: int = 0  # the list the item belongs to (0: none)
    ordered: bool = False
    quote_id: int = 0  # the blockquote it stands in (0: none)
    link_share: float = 0.0  # share of its characters inside links
    words: frozenset[str] = frozenset()  # class and id words of the block and its ancestors
    own_words: frozenset[str] = frozenset()  # … of the block element and its two nearest ancestors
    in_content: bool = False  # inside the page's densest container of paragraphs
    figure: Figure | None = None
    rows: tuple[tuple[Text, ...], ...] = ()  # a data table's cells
    header_rows: int = 0
    caption: str = ""  # a data table's caption
    other_article: bool = False  # inside an <article> of a page that has several, not the longest
    jump: bool = False  # all of it a link to a place on the page itself: a contents' entry, "Back to top"


@dataclass(frozen=True)
class Unit:
    line: int  # 1-based line in the seed
    text: str
    role: Role = Role.BODY
    group: int = 0  # index of the blank-line-separated block it came from
    last_line: int = 0  # last source line when lines were joined
    pinned: bool = False  # set by an editor's override: stages leave the role alone
    keep: bool = False  # an editor said keep: no debris rule may drop it
    rule: str = ""  # the rule that gave the current role
    calls: tuple = ()  # note calls found in the text: ((offset, number), ...)
    starts_quote: bool = False  # first unit of a new quotation
    place: str = ""  # set by the body stage: "" in the article, or "before", "after", "aside"
    why: str = ""  # the body stage's reason for that place, for the report
    marks: tuple[Mark, ...] = ()  # inline marks over `text` (emphasis, links; HTML seeds)
    markup: Markup | None = None  # the HTML's evidence (HTML seeds only)

    def but(self, **changes) -> "Unit":
        if self.marks and "text" in changes and "marks" not in changes:
            from .marks import remap_marks  # marks follow the words they covered
            changes["marks"] = remap_marks(self.text, changes["text"], self.marks)
        return replace(self, **changes)

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class Event:
    """What a stage did to one line, by which named rule."""

    stage: str
    rule: str
    action: str  # "dropped", "reshaped", "marked"
    line: int
    text: str
    detail: str = ""


@dataclass
class Overrides:
    """Editors' decisions handed into the cleaner as plain data.

    Each maps a source line number to what the editor wants; the editorial
    layer resolves the quoted line starts to line numbers before cleaning.
    """

    keep: set[int] = field(default_factory=set)
    drop: set[int] = field(default_factory=set)
    heading: set[int] = field(default_factory=set)
    quotation: set[int] = field(default_factory=set)
    paragraph: set[int] = field(default_factory=set)
    part: set[int] = field(default_factory=set)  # a part's title: a heading over the sections of an instalment

    #: Every kind of decision, as book.yaml's `cleaning:` names them.
    KINDS: ClassVar[tuple[str, ...]] = ("keep", "drop", "heading", "quotation", "paragraph", "part")

    def role_for(self, line: int) -> Role | None:
        if line in self.heading or line in self.part:
            return Role.HEADING
        if line in self.quotation:
            return Role.QUOTE
        if line in self.paragraph:
            return Role.BODY
        return None


@dataclass
class StageResult:
    units: list[Unit]
    events: list[Event] = field(default_factory=list)


def dropped(stage: str, rule: str, unit: Unit, detail: str = "") -> Event:
    return Event(stage, rule, "dropped", unit.line, unit.text, detail)


def marked(stage: str, rule: str, unit: Unit, detail: str = "") -> Event:
    return Event(stage, rule, "marked", unit.line, unit.text, detail)
