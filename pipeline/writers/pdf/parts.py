"""The print edition's back and front matter as XHTML, from the page labels the layout gave.

Kept apart from the writer (and from WeasyPrint): an EPUB-only build computes
the same bodies from the labels of the last layout, to tell whether that
layout still holds for the book as it is now (see page_record).
"""

from __future__ import annotations

from ...model import Book
from ...render.index import DASH, HEADNOTE_PRINT, IndexView, render_index
from ...render.xhtml import (PRINT, Edition, glossary_pages, render_colophon, render_contents, render_glossary,
                             render_halftitle, render_imprint, render_introduction, render_titlepage)

def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def running_head_css(book: Book) -> str:
    """The book's title as the left-hand running head (a plain string: no element to hide)."""
    return (f"@page :left {{ @top-left {{ content: {_css_string(book.meta.title)}; }} }}"
            "@page chapter:nth(1 of chapter), glossary:nth(1 of glossary), index:nth(1 of index), "
            "sources:nth(1 of sources), :blank, bare { @top-left { content: none; } }")


def front_items(book: Book) -> list[tuple[str, str]]:
    """The front matter's entries in the contents (anchor, title), before the chapters."""
    return [("introduction", "Introduction")] if book.introduction else []


def back_body(book: Book, labels: dict[str, str], continued: frozenset[str] = frozenset()) -> str:
    """Glossary, index and sources, their page numbers read from `labels` (anchor -> label); the index's
    entry headings repeated, "(continued)", over the sub-entries in `continued` (ids)."""
    edition = Edition(PRINT)
    body = render_glossary(book, edition, glossary_pages(book, labels)) if book.glossary else ""
    if book.index:
        body += render_index(book, IndexView(lambda anchor: f"#{anchor}", labels, continued=continued),
                             headnote=HEADNOTE_PRINT.format(dash=DASH))
    return body + render_colophon(book)


def front_body(book: Book, pages: dict[str, str]) -> str:
    """Half title, title page, copyright page, contents (page numbers from `pages`), introduction."""
    parts = [render_halftitle(book), render_titlepage(book), render_imprint(book),
             render_contents(book, pages, front_items(book))]
    if book.introduction:
        parts.append(render_introduction(book))
    return f'<div class="front">{"".join(parts)}</div>'
