"""Where the EPUB's index lives, and where its locators lead.

A document that is wholly an index must say so on its <body> (EPUB Indexes 1.0), where
no ARIA role may go, so DAISY Ace reports the body's epub:type without its role. The
index therefore shares the glossary's document, as a <section epub:type="index"
role="doc-index"> after the glossary (as in print, where it follows the glossary); the
manifest item says the document holds an index, so EPUBCheck checks its structure. A
book without a glossary gives the index a document of its own.
"""

from __future__ import annotations

from ..model import Book
from ..render.index import IndexView
from ..render.xhtml import Edition, chapter_key


def index_properties(book: Book) -> tuple[str, ...]:
    """The glossary document's manifest properties: it holds the index too, if the book has one."""
    return ("index",) if book.index else ()


def index_place(docs) -> tuple[str, str | None]:
    """(document key, anchor) of the index: its own document, or the section after the glossary."""
    return ("index", None) if "index" in docs else ("glossary", "index")


def index_view(book: Book, edition: Edition, pages: dict[str, str] | None) -> IndexView:
    """Locators lead into the chapters' files (or the parts a long chapter was split into)."""
    keys = {c.id: chapter_key(c) for c in book.chapters}
    chapter_of = {loc.anchor: keys[loc.chapter] for e in book.index for h in e.headings() for loc in h.locators}
    return IndexView(lambda anchor: edition.href(chapter_of[anchor], anchor), pages,
                     {c.id: c.number for c in book.chapters})
