"""What the e-book takes from the print edition's layout: where each page begins, and each anchor's page.

The PDF writer reports, for every page that carries text, the page's folio
and the first words of its body text (running head, folio and footnotes
aside), with the ids of the elements those words stand in where it knows
them. The EPUB writer finds the same words in its own text and marks the page
there (epub_pages). On the fast path the words come from WeasyPrint's boxes
(pdf/weasy/page_starts); on the plain path, which keeps to WeasyPrint's public
API, from the written PDF's text, with the page's anchors as hints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Parts of the book that open on a page of their own, by the id of their element: an anchor of
#: one of these on a page says the page's text begins in it (the plain path's only hint).
PART_IDS = ("halftitle", "titlepage", "imprint", "contents", "introduction", "glossary", "index", "colophon")


@dataclass(frozen=True)
class PageStart:
    label: str  # the page's folio as printed: "47", "xii"
    text: str  # the first words of its body text
    hints: tuple[str, ...] = ()  # ids of the elements the words stand in, innermost first


@dataclass
class PageList:
    """The print edition's pages, as the e-book needs them."""

    starts: list[PageStart] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # anchor -> page label (index, glossary)


def joined_lines(text: str) -> str:
    """Lines as one text: a word hyphenated at a line's end whole again (WeasyPrint's hyphen, U+2010,
    goes; a word's own hyphen stays), other lines joined by a space; the print edition's soft hyphens
    and a web address's break points (zero-width spaces) are not text."""
    text = text.replace("\u00ad", "").replace("\u200b", "")
    return " ".join(text.replace("\u2010\n", "").replace("-\n", "-").split())


def _part_hint(anchors) -> tuple[str, ...]:
    parts = [a for a in anchors if a in PART_IDS or (a.startswith("chapter-") and a[8:].isdigit())]
    return tuple(parts[:1])


def starts_from_pdf(path: Path, labels: list[str], anchors: list) -> list[PageStart]:
    """The plain path's page starts: each page's first words as the written PDF's text gives them
    (WeasyPrint paints a page's body before its running head and folio), and as a hint the part
    (chapter, glossary, index…) whose element opens on the page, from its public anchors."""
    from pypdf import PdfReader

    starts = []
    for index, page in enumerate(PdfReader(str(path)).pages):
        text = joined_lines(page.extract_text() or "")
        if text:
            starts.append(PageStart(labels[index], text[:160], _part_hint(anchors[index])))
    return starts
