"""How each laid-out paragraph's lines end: which are hyphenated, and which end a page.

Read off WeasyPrint's box tree (no public API shows a line): every block box
whose children are line boxes is one paragraph's lines on one page; the boxes
of one element on successive pages are one paragraph. A line ends hyphenated
when its last text ends in the hyphenation character WeasyPrint added at a
soft hyphen; the word is that text's last letters and the next line's first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from weasyprint.formatting_structure import boxes

from ..hyphenation import own_text
from .fixes import HOLE, word_spacing

#: WeasyPrint's default hyphenate-character, added where a line breaks at a soft hyphen.
HYPHEN = "\u2010"
#: A compound's own hyphen, where a line may end too (it reads as a hyphenated line all the same).
OWN_HYPHENS = "-\u2010"
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"^[^\W\d_]+")
_LAST_WORD = re.compile(r"\S+$")
_FIRST_WORD = re.compile(r"^\S+")


@dataclass
class Line:
    text: str
    page: int
    last_on_page: bool = False  # the paragraph goes on on the next page
    fill: float = 1.0  # the share of the paragraph's width its text takes
    spacing: float = 0.0  # the most justification added to one of its word spaces, in ems (fixes.word_spacing)

    @property
    def holed(self) -> bool:
        """Set with holes between its words (fixes.holed)."""
        return self.spacing > HOLE

    @property
    def hyphenated(self) -> bool:
        """Ending in a hyphen: one WeasyPrint added, or a compound's own."""
        return self.text.rstrip()[-1:] in OWN_HYPHENS

    @property
    def added_hyphen(self) -> bool:
        """Ending in a hyphen WeasyPrint added at a soft hyphen (the text has the soft hyphen before it)."""
        return self.text.rstrip().endswith("\u00ad" + HYPHEN)


@dataclass
class Paragraph:
    element: object  # the element laid out (the same on every page it is on)
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraph's own text (not its notes'), as render.xhtml.text_key names it."""
        return own_text(self.element) if self.element is not None else ""

    def broken_word(self, index: int) -> str | None:
        """The word broken at the end of line `index`, whole (None if that line is not hyphenated): a
        word's letters where WeasyPrint added the hyphen, the whole compound where it is the word's own."""
        parts = self.broken_parts(index)
        return "".join(parts) if parts is not None else None

    def broken_parts(self, index: int) -> tuple[str, str] | None:
        """`broken_word`'s two parts: what ends line `index` and what opens the next."""
        line = self.lines[index]
        if not line.hyphenated or index + 1 >= len(self.lines):
            return None
        text, following = line.text.rstrip(), self.lines[index + 1].text.lstrip()
        if line.added_hyphen:
            head = _LAST_LETTERS.search(text[:-2])
            tail = _FIRST_LETTERS.search(following)
        else:
            head = _LAST_WORD.search(text)
            tail = _FIRST_WORD.search(following)
        return (head.group() if head else ""), (tail.group() if tail else "")


def paragraphs(document) -> list[Paragraph]:
    """Every paragraph of a laid-out document, with its lines in order across pages (read once per
    document: the print finish asks for them several times; its lines do not change once laid out)."""
    read = getattr(document, "reader_paragraphs", None)
    if read is None:
        read = document.reader_paragraphs = _paragraphs(document)
    return read


def _paragraphs(document) -> list[Paragraph]:
    found: dict[tuple, Paragraph] = {}
    order = getattr(getattr(document, "reader_pagination", None), "order", None) or {}
    for number, page in enumerate(document.pages):
        for box in _blocks_with_lines(page._page_box):
            key = _element_key(box, order)
            paragraph = found.setdefault(key, Paragraph(box.element))
            lines = [Line(_soft_hyphens_at_breaks_only(_text(line)), number, fill=_fill(line, box),
                          spacing=word_spacing(line))
                     for line in box.children if isinstance(line, boxes.LineBox)]
            if paragraph.lines and lines:
                paragraph.lines[-1].last_on_page = paragraph.lines[-1].page != number
            paragraph.lines.extend(lines)
    return list(found.values())


def _element_key(box, order: dict[int, int]) -> tuple:
    """One key for every box of one element: its place in the document where the layout knows it
    (a layout made partly again shows boxes of two copies of the document, see relayout)."""
    if box.element is None:
        return ("box", id(box))
    place = order.get(id(box.element))
    return ("place", place) if place is not None else ("element", id(box.element))


@dataclass
class PageRoom:
    """How much of a page's text block its body leaves empty, in points, and whether it has notes."""

    number: int
    room: float
    notes: bool
    lines: int = 0  # lines of its body (not its notes)


def rooms(document) -> list[PageRoom]:
    """Each page's empty depth under its body's last line (above the footnote area, if any)."""
    found = []
    for number, page in enumerate(document.pages):
        page_box = page._page_box
        top = page_box.content_box_y()
        bottom = top + page_box.height
        areas = [c for c in page_box.children if isinstance(c, boxes.FootnoteAreaBox) and c.children]
        if areas:
            bottom = min(area.position_y for area in areas)
        body = [c for c in page_box.children if not isinstance(c, (boxes.MarginBox, boxes.FootnoteAreaBox))]
        lines = [line for area in body for line in _lines(area) if line.children]
        last = max((line.position_y + line.height for line in lines), default=None)
        found.append(PageRoom(number, bottom - last if last is not None else bottom - top, bool(areas), len(lines)))
    return found


def _lines(box):
    if isinstance(box, boxes.LineBox):
        yield box
        return
    for child in getattr(box, "children", None) or ():
        yield from _lines(child)


def _fill(line, block) -> float:
    if not line.children or not block.width:
        return 0.0
    used = max(c.position_x + c.margin_width() for c in line.children) - block.content_box_x()
    return used / block.width


def _blocks_with_lines(box):
    children = getattr(box, "children", None) or ()
    if isinstance(box, boxes.BlockContainerBox) and any(isinstance(c, boxes.LineBox) for c in children):
        yield box
        return
    for child in children:
        yield from _blocks_with_lines(child)


def _text(box) -> str:
    if isinstance(box, boxes.TextBox):
        return box.text
    return "".join(_text(child) for child in getattr(box, "children", None) or ())


def _soft_hyphens_at_breaks_only(text: str) -> str:
    """A line's text without its soft hyphens but the one a break was made at (before the hyphen added)."""
    added = text.rstrip().endswith("\u00ad" + HYPHEN)
    bare = text.replace("\u00ad", "")
    if added:
        bare = bare.rstrip()[:-1] + "\u00ad" + HYPHEN
    return bare
