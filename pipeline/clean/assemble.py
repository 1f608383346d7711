"""From units with roles to the Article document model."""

from __future__ import annotations

from pathlib import Path

from ..model import Article, Block, BlockKind, Mark, MarkKind, SourceNote, Text
from .backmatter import NUMBERED
from .attribution import byline_author
from .units import Event, Role, Unit



def source_note_key(number: int) -> str:
    return f"s{number}"


def _text(unit: Unit) -> Text:
    marks = [Mark(MarkKind.NOTE_CALL, offset, offset, source_note_key(number))
             for offset, number in unit.calls]
    return Text(unit.text, marks, unit.line)


def assemble(path: Path, units: list[Unit], events: list[Event] = ()) -> Article:
    article = Article(path=path)
    for event in events:  # what the head stage read off the page, wherever it stood
        if event.action == "found" and event.rule == "author":
            article.author = event.detail
        elif event.action == "found" and event.rule == "published":
            article.published = event.detail
    blocks: list[Block] = []
    for unit in units:
        role = unit.role
        last = blocks[-1] if blocks else None
        if role is Role.TITLE and article.title is None:
            article.title = _text(unit)
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
            blocks.append(Block(BlockKind.HEADING, [_text(unit)]))
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
            if last is not None and last.kind is BlockKind.LIST:
                last.lines.append(_text(unit))
            else:
                blocks.append(Block(BlockKind.LIST, [_text(unit)]))
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
        elif role in (Role.NOTES_HEADING, Role.REFERENCES_HEADING):
            continue
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, [_text(unit)]))
    article.blocks = blocks
    return article
