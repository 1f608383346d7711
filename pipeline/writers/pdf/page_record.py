"""The last PDF layout's pages, kept for an EPUB-only build: used while they still hold.

After a build that lays the PDF out, the page starts and the anchors' pages are
kept in .cache/layout/pages.json with a digest of everything that layout
depended on: the layout cache's fingerprint (stylesheets, fonts, WeasyPrint and
the Python libraries under it, the PDF writer's code) and the XHTML of every
part the writer laid out — each chapter, and the back and front matter as those
page numbers make them. The native libraries' versions (Pango, HarfBuzz) are
left out: reading them loads WeasyPrint's internals, which the plain path and
an EPUB-only build never load, and the record describes the PDF in out/, which
an upgrade of them does not change. `build --epub` computes the same digest for the book as it
is now; if it matches, the EPUB gets the page list and the index's page
numbers of the PDF in out/, else it is made without them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ...caching import read_entry, write_entry
from ...model import Book
from ...render.xhtml import PRINT, Edition, render_chapter
from ..page_list import PageList, PageStart
from .hyphenation import house_exceptions
from .layout_cache import fingerprint
from .parts import back_body, front_body, running_head_css

NAME = "pages.json"


def layout_digest(book: Book, styles: Path, labels: dict[str, str]) -> str:
    """What the print edition's pages depend on, for this book and these page numbers."""
    exceptions = house_exceptions(book.meta.language, book.meta.hyphenation)  # no patterns loaded
    digest = hashlib.sha256(fingerprint(styles, [running_head_css(book), *exceptions], native=False).encode())
    edition = Edition(PRINT)
    for chapter in book.chapters:
        digest.update(b"\0chapter\0" + render_chapter(chapter, book, edition).encode())
    digest.update(b"\0back\0" + back_body(book, labels).encode())
    digest.update(b"\0front\0" + front_body(book, labels).encode())
    return digest.hexdigest()


def save(folder: Path, book: Book, styles: Path, pages: PageList) -> None:
    """Keep the pages of the PDF just written, with the digest of what they depend on."""
    record = {"digest": layout_digest(book, styles, pages.labels), "labels": pages.labels,
              "starts": [[s.label, s.text, list(s.hints)] for s in pages.starts]}
    write_entry(folder / NAME, json.dumps(record, ensure_ascii=False))


def load(folder: Path, book: Book, styles: Path) -> PageList | None:
    """The last PDF's pages if they still hold for the book and styles as they are now; else None."""
    try:
        record = json.loads(read_entry(folder / NAME) or "")
        labels = {str(k): str(v) for k, v in record["labels"].items()}
        starts = [PageStart(str(label), str(text), tuple(hints)) for label, text, hints in record["starts"]]
        if record["digest"] != layout_digest(book, styles, labels):
            return None
    except (ValueError, KeyError, TypeError):
        return None
    return PageList(starts, labels)
