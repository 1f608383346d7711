"""From units with roles to the Article document model."""

from __future__ import annotations

from pathlib import Path

from ..model import Article, Block, BlockKind, Mark, MarkKind, SourceNote, Text
from .backmatter import NUMBERED
from .language import page_language
from .attribution import byline_author, markup_or_shown_author
from .overrides import PART_RULE
from .units import Event, Role, Unit



def source_note_key(number: int) -> str:
    return f"s{number}"


def _text(unit: Unit) -> Text:
    marks = [Mark(MarkKind.NOTE_CALL, offset, offset, source_note_key(number))
             for offset, number in unit.calls]
    marks += unit.marks
    return Text(unit.text, sorted(marks, key=lambda m: (m.start, -m.end, m.kind.value)), unit.line)


def _found(article: Article, units: list[Unit], events: list[Event]) -> None:
    """What the page says of its author, date, publication and language: a saved page's markup ("page" events) or what
    the head stage read off the text. The publication is the markup's. The date is the one the page shows its
    reader, the markup's where it shows none: the markup often keeps another (a revised page's first date, the
    day in another time zone), and the same page saved as text or as HTML gives the same date. The author is
    the markup's unless it is no person's name (`markup_or_shown_author`). The language is what the article's
    words say, else what the markup declares (`page_language`)."""
    found = {(e.rule, e.stage == "page"): e.detail for e in events if e.action == "found"}  # the last of each
    article.publication = found.get(("publication", True)) or found.get(("publication", False))
    article.published = found.get(("published", False)) or found.get(("published", True))
    article.author = markup_or_shown_author(found.get(("author", True)), found.get(("author", False)),
                                            article.publication)
    article.language = page_language(found.get(("language", True)), [u.text for u in units])


def _heading_levels(units: list[Unit]) -> dict[int, int]:
    """A page's h2…h6 as the article's levels: its highest heading is level 1."""
    found = sorted({u.markup.heading for u in units if u.role is Role.HEADING and u.markup and u.markup.heading})
    return {h: min(i + 1, 3) for i, h in enumerate(found)}


def _markup_block(unit: Unit) -> Block | None:
    markup = unit.markup
    if markup is None:
        return None
    if markup.figure is not None:
        return Block(BlockKind.FIGURE, [markup.figure.caption] if markup.figure.caption else [],
                     figure=markup.figure)
    if markup.rows:
        return Block(BlockKind.TABLE, [Text(markup.caption)] if markup.caption else [],
                     rows=[list(r) for r in markup.rows], header_rows=markup.header_rows)
    return None


def assemble(path: Path, units: list[Unit], events: list[Event] = ()) -> Article:
    article = Article(path=path)
    _found(article, units, events)
    levels = _heading_levels(units)
    blocks: list[Block] = []
    list_id = None
    for unit in units:
        role = unit.role
        last = blocks[-1] if blocks else None
        special = _markup_block(unit) if role is Role.BODY else None
        if special is not None:
            blocks.append(special)
        elif role is Role.TITLE:
            article.title = article.title or _text(unit)  # a second copy of the headline is not text
        elif role is Role.STANDFIRST and article.standfirst is None:
            article.standfirst = _text(unit)
            article.author = article.author or byline_author(unit.text)
        elif role is Role.BYLINE:
            article.author = article.author or byline_author(unit.text)
        elif role is Role.DATELINE:
            continue
        elif role is Role.EPIGRAPH and article.epigraph is None and not blocks:
            article.epigraph = Block(BlockKind.QUOTATION, [_text(unit)])
        elif role is Role.HEADING:
            level = 0 if unit.rule == PART_RULE else levels.get(unit.markup.heading, 1) if unit.markup else 1
            blocks.append(Block(BlockKind.HEADING, [_text(unit)], level=level))
        elif role is Role.QUOTE:
            if last is not None and last.kind is BlockKind.QUOTATION and not unit.starts_quote \
                    and last.signature is None and last.source is None:
                last.lines.append(_text(unit))
            else:
                blocks.append(Block(BlockKind.QUOTATION, [_text(unit)]))
        elif role is Role.QUOTE_SIGNATURE:
            if last is not None and last.kind is BlockKind.QUOTATION and last.signature is None:
                last.signature = _text(unit)
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, [_text(unit)]))
        elif role is Role.QUOTE_SOURCE:
            if last is not None and last.kind is BlockKind.QUOTATION and last.source is None:
                last.source = _text(unit)
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, [_text(unit)]))
        elif role is Role.LIST_ITEM:
            same = unit.markup is None or unit.markup.list_id == list_id
            if last is not None and last.kind is BlockKind.LIST and same:
                last.lines.append(_text(unit))
            else:
                blocks.append(Block(BlockKind.LIST, [_text(unit)], ordered=bool(unit.markup and unit.markup.ordered)))
            list_id = unit.markup.list_id if unit.markup else None
        elif role is Role.NOTE:
            match = NUMBERED.match(unit.text)
            if match:
                text = _text(unit)
                offset = match.start(2)
                article.source_notes.append(SourceNote(int(match.group(1)), Text(
                    text.text[offset:], [], unit.line)))
        elif role is Role.REFERENCE:
            article.references.append(_text(unit))
        elif role is Role.ABOUT_AUTHOR:
            article.about_author = _text(unit) if article.about_author is None else Text(
                f"{article.about_author.text} {unit.text}", [], article.about_author.line)
        elif role is Role.REFERENCES_HEADING:
            article.references_heading = unit.text.strip().rstrip(":").strip() or article.references_heading
        elif role is Role.NOTES_HEADING:
            continue
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, [_text(unit)]))
    article.blocks = blocks
    return article
