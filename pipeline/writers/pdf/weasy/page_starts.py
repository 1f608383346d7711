"""Where each laid-out page's body text begins: its first words and the elements they stand in.

WeasyPrint keeps no public record of which text a page holds, but its box tree
does: every box belongs to an element, every line box holds text boxes, each a
stretch of an element's text. A page's body is its first child (the root's
box); its margin boxes (running head, folio) and its footnote area are other
children. Generated text (a footnote call, the glossary's asterisk) belongs to
a pseudo-element and is skipped: it is not in the book's text.
"""

from __future__ import annotations

from weasyprint.formatting_structure import boxes

from ...page_list import joined_lines

#: Enough characters of a page's first lines to find them again, uniquely, in the e-book.
CHARACTERS = 160


def _text_boxes(box, ids: tuple[str, ...]):
    """(text, ids of the elements it stands in, innermost first) of each text box, in order."""
    element = getattr(box, "element", None)
    tag = getattr(box, "element_tag", "") or ""
    if "::" in tag:  # generated content: not the book's text
        return
    own = element.get("id") if element is not None and hasattr(element, "get") else None
    if own and (not ids or ids[0] != own):
        ids = (own, *ids)
    if isinstance(box, boxes.TextBox):
        yield box.text, ids
        return
    if isinstance(box, boxes.LineBox):
        yield "\n", ids  # a line's end: the words of two lines are apart even where no space was laid
    for child in getattr(box, "children", None) or ():
        yield from _text_boxes(child, ids)


def page_start(page) -> tuple[str, tuple[str, ...]] | None:
    """The first characters of a page's body text (lines joined by spaces) and the ids of the
    elements its first text stands in, innermost first; None for a page without body text."""
    page_box = page._page_box
    body = next((child for child in page_box.children
                 if not isinstance(child, (boxes.MarginBox, boxes.FootnoteAreaBox))), None)
    if body is None:
        return None
    parts: list[str] = []
    hints: tuple[str, ...] | None = None
    length = 0
    for text, ids in _text_boxes(body, ()):
        if hints is None:
            if not text.strip():
                continue
            hints = ids
        parts.append(text)
        length += len(text)
        if length >= CHARACTERS:
            break
    return (joined_lines("".join(parts)), hints) if hints is not None else None

