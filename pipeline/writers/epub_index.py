"""Where the EPUB index's locators lead: the chapters' files, or the parts a long chapter was split into.

The index is a document of its own, never split; its heading stands outside the
`<section epub:type="index" role="doc-index">`: a document that were wholly an
index would have to say so on its <body> (EPUB Indexes 1.0), where no ARIA role
may go, and DAISY Ace would report the body's epub:type without its role.
"""

from __future__ import annotations

from ..model import Book
from ..render.index import IndexView
from ..render.xhtml import Edition, chapter_key


def index_view(book: Book, edition: Edition, pages: dict[str, str] | None) -> IndexView:
    """Locators lead into the chapters' files (or the parts a long chapter was split into)."""
    keys = {c.id: chapter_key(c) for c in book.chapters}
    chapter_of = {loc.anchor: keys[loc.chapter] for e in book.index for h in e.headings() for loc in h.locators}
    return IndexView(lambda anchor: edition.href(chapter_of[anchor], anchor), pages,
                     {c.id: c.number for c in book.chapters})
