"""The house style: one set of typographic conventions for the whole book.

Runs after cleaning and annotating, over every text the reader sees: the chapters
(titles, standfirsts, epigraphs, headings, paragraphs, quotations, the authors'
notes and references), the notes, the glossary, the introduction, the colophon
and the front matter's own text. Each rule is a small function in its own module
that returns edits; `apply_edits` makes them and keeps every mark (emphasis,
links, note calls, glossary terms) on its words. The rules change typography only
— spacing, dashes, quotation marks, capitals of titles and headings — never a word, so a
quotation keeps its words. Every change is counted, with examples, for the
cleaning report.

Settings come from the `style:` block of book.yaml (`HouseStyle.from_yaml`); with
no block the book is set in the defaults below.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Article, BlockKind, BlockQuote, Book, Heading, ItemList, Paragraph, Prose, Text
from .capitals import AS_WRITTEN, SENTENCE, TITLE, Lexicon, capitalise
from .dashes import CLOSED_EM, SPACED_EN, dash_edits
from .displays import display_edits
from .edits import Edit, apply_edits
from .joins import join_edits, related_pairs
from .quotes import DOUBLE, SINGLE, quote_edits
from .ranges import range_edits
from .spacing import spacing_edits

__all__ = ["HouseStyle", "StyleChanges", "apply_house_style", "SPACED_EN", "CLOSED_EM", "DOUBLE", "SINGLE",
           "SENTENCE", "TITLE", "AS_WRITTEN"]

#: What each rule does, for the report (rule name -> description).
RULES = {
    "spacing": "spaces around punctuation and quotation marks where the page slipped",
    "dashes": "one dash convention",
    "ranges": "en dashes in number ranges",
    "joins": "one form for a compound written both with a hyphen and with an en dash",
    "displays": "no quotation marks round a displayed quotation",
    "quotes": "one primary quotation mark, the other inside it",
    "capitals": "one capitalisation for chapter titles and headings",
    "italics": "titles of works in italics (the italics: list)",
}
#: Changes the report lists one by one, not by examples: the editors' corrections of words (editorial.corrections).
LISTED_IN_FULL = frozenset({"corrections"})


@dataclass(frozen=True)
class HouseStyle:
    dashes: str = SPACED_EN  # spaced en dash ("word – word"), as British publishers set it
    quotes: str = DOUBLE  # the primary mark; see README ("For editors") for why double
    ranges: bool = True
    capitalisation: str = SENTENCE  # chapter titles and headings
    proper_nouns: tuple[str, ...] = ()  # kept as written by the capitalisation rule
    glossary_terms: str = "discreet"  # how print marks glossary terms: discreet or none
    hyphenation: tuple[str, ...] = ()  # print's break points for words the patterns break wrongly
    bare_displays: bool = True  # no quotation marks round a displayed quotation (style.displays)

    @classmethod
    def from_yaml(cls, data: dict | None) -> "HouseStyle":
        data = data or {}
        defaults = cls()
        return cls(dashes=data.get("dashes", defaults.dashes), quotes=data.get("quotes", defaults.quotes),
                   ranges=data.get("ranges", defaults.ranges),
                   bare_displays=data.get("bare_displays", defaults.bare_displays),
                   capitalisation=data.get("capitalisation", defaults.capitalisation),
                   proper_nouns=tuple(data.get("proper_nouns") or ()),
                   glossary_terms=data.get("glossary_terms", defaults.glossary_terms),
                   hyphenation=tuple(data.get("hyphenation") or ()))

    @property
    def dash(self) -> str:
        """The dash character of the convention (also before an attribution)."""
        return "–" if self.dashes == SPACED_EN else "—"


@dataclass
class StyleChanges:
    """What the house style changed: counts per rule and per part of the book, and examples."""

    counts: Counter = field(default_factory=Counter)  # (rule, where) -> changes
    examples: dict = field(default_factory=dict)  # rule -> [(where, before, after)]

    def add(self, rule: str, where: str, before: str, after: str) -> None:
        self.counts[(rule, where)] += 1
        shown = self.examples.setdefault(rule, [])
        if rule in LISTED_IN_FULL or len(shown) < 8 and all(b != before for _, b, _ in shown):
            shown.append((where, before, after))

    def by_rule(self) -> Counter:
        out: Counter = Counter()
        for (rule, _where), n in self.counts.items():
            out[rule] += n
        return out


def _typography(text: Text, style: HouseStyle, where: str, changes: StyleChanges,
                pairs: frozenset[tuple[str, str]] = frozenset()) -> None:
    """Spacing, ranges, compounds, then dashes, then quotation marks: each rule sees the last one's result."""
    steps = [spacing_edits]
    if style.ranges:
        steps.append(range_edits)
    steps.append(lambda t: join_edits(t, pairs))
    steps.append(lambda t: dash_edits(t, style.dashes))
    steps.append(lambda t: quote_edits(t, style.quotes))
    for step in steps:
        edits: list[Edit] = step(text)
        for rule, before, after in apply_edits(text, edits):
            changes.add(rule, where, before, after)


def _string(value: str | None, style: HouseStyle, where: str, changes: StyleChanges) -> str | None:
    if not value:
        return value
    text = Text(value)
    _typography(text, style, where, changes)
    return text.text


def _heading(text: Text, style: HouseStyle, lexicon: Lexicon, keep, where: str, changes: StyleChanges) -> None:
    new = capitalise(text.text, style.capitalisation, lexicon, keep)
    edits = [Edit(i, i + 1, b, "capitals") for i, (a, b) in enumerate(zip(text.text, new)) if a != b]
    if edits and len(new) == len(text.text):
        before = text.text
        apply_edits(text, edits)
        changes.add("capitals", where, before, text.text)


def prose_texts(blocks: list[Prose], headings: bool = True):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Heading):
            if headings:
                yield block.text
        elif isinstance(block, BlockQuote):
            yield from prose_texts(block.blocks, headings)
        elif isinstance(block, ItemList):
            for item in block.items:
                yield from prose_texts(item, headings)


def article_texts(article: Article, headings: bool = True):
    """Every Text of an article's body a reader sees, in reading order: standfirst, epigraph, blocks (with
    their headings, unless told not to), signatures and sources, the author's note and the references."""
    if article.standfirst:
        yield article.standfirst
    for block in ([article.epigraph] if article.epigraph else []) + article.blocks:
        if block.kind is BlockKind.HEADING and not headings:
            continue
        yield from block.lines
        for extra in (block.signature, block.source):
            if extra is not None:
                yield extra
    if article.about_author:
        yield article.about_author
    yield from article.references


def book_texts(book: Book, headings: bool = True):
    """(where, Text) for every Text of the book a reader sees (and its headings, unless told not to)."""
    for chapter in book.chapters:
        where = f"chapter {chapter.number}"
        for text in article_texts(chapter.article, headings):
            yield where, text
        for note in chapter.notes:
            for text in note.paragraphs:
                yield f"{where} notes", text
    for entry in book.glossary:
        for text in prose_texts(entry.definition, headings):
            yield "glossary", text
    for text in prose_texts(book.introduction, headings):
        yield "introduction", text
    for text in prose_texts(book.colophon, headings):
        yield "sources", text


def _headings(book: Book):
    for chapter in book.chapters:
        for block in chapter.article.blocks:
            if block.kind is BlockKind.HEADING:
                yield f"chapter {chapter.number}", block.lines[0]
    for where, blocks in (("introduction", book.introduction), ("sources", book.colophon)):
        for block in blocks:
            if isinstance(block, Heading):
                yield where, block.text


def _bare_displays(book: Book, changes: StyleChanges) -> None:
    """The marks round each displayed quotation of the chapters taken off (style.displays), before the
    quotation-mark rule sets what is inside by its new depth."""
    for chapter in book.chapters:
        for block in chapter.article.blocks:
            if block.kind is BlockKind.QUOTATION:
                paragraphs = block.lines + ([block.signature] if block.signature else [])
                for text, edits in zip(paragraphs, display_edits(paragraphs)):
                    for rule, before, after in apply_edits(text, edits):
                        changes.add(rule, f"chapter {chapter.number}", before, after)


def apply_house_style(book: Book, style: HouseStyle, keep_as_written=(),
                      changes: StyleChanges | None = None) -> StyleChanges:
    """Set every text of `book` in the house style, in place; `keep_as_written`: phrases (the
    italics: titles) whose capitals the capitalisation rule leaves alone."""
    changes = changes if changes is not None else StyleChanges()
    pairs = related_pairs([text for _where, text in book_texts(book)] + [Text(e.term) for e in book.glossary])
    if style.bare_displays:
        _bare_displays(book, changes)
    for where, text in book_texts(book):
        _typography(text, style, where, changes, pairs)
    if style.capitalisation != AS_WRITTEN:
        lexicon = Lexicon.of(text.text for where, text in book_texts(book, headings=False))
        keep = (*style.proper_nouns, *keep_as_written)
        for chapter in book.chapters:
            new = capitalise(chapter.title, style.capitalisation, lexicon, keep)
            if new != chapter.title:
                changes.add("capitals", f"chapter {chapter.number} title", chapter.title, new)
                chapter.title = new
            if chapter.running_head:
                chapter.running_head = capitalise(chapter.running_head, style.capitalisation, lexicon, keep)
        for where, text in _headings(book):
            _heading(text, style, lexicon, keep, where, changes)
    for chapter in book.chapters:
        where = f"chapter {chapter.number}"
        chapter.title = _string(chapter.title, style, f"{where} title", changes)
        chapter.running_head = _string(chapter.running_head, style, f"{where} running head", changes)
        chapter.summary = _string(chapter.summary, style, "sources", changes)
    meta = book.meta
    meta.dash = style.dash
    meta.glossary_terms = style.glossary_terms
    meta.hyphenation = style.hyphenation
    meta.rights = _string(meta.rights, style, "front matter", changes)
    meta.description = _string(meta.description, style, "front matter", changes)
    return changes
