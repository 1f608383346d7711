"""Where each laid-out page's body text begins: its first words and the elements they stand in.

WeasyPrint keeps no public record of which text a page holds, but its box tree
does: every box belongs to an element, every line box holds text boxes, each a
stretch of an element's text. A page's body is its first child (the root's
box); its margin boxes (running head, folio) and its footnote area are other
children. Generated text (a footnote call, the glossary's asterisk) belongs to
a pseudo-element and is skipped: it is not in the book's text; so is an element
print alone shows and hides from assistive technology (`aria-hidden`: the index's
"(continued)" lines).
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
    if element is not None and hasattr(element, "get") and element.get("aria-hidden") == "true":
        return  # print's own repeat (the index's "Entry (continued)"): not in the e-book either
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
    elements its first text stands in, innermost first; a page whose only text is in its footnote
    area (a note run over from the page before) begins in that note. None for a page without text."""
    children = page._page_box.children
    for area in [c for c in children if not isinstance(c, (boxes.MarginBox, boxes.FootnoteAreaBox))] + \
            [c for c in children if isinstance(c, boxes.FootnoteAreaBox)]:
        found = _first_words(area)
        if found is not None:
            return found
    return None


def _first_words(area) -> tuple[str, tuple[str, ...]] | None:
    parts: list[str] = []
    hints: tuple[str, ...] | None = None
    length = 0
    for text, ids in _text_boxes(area, ()):
        if hints is None:
            if not text.strip():
                continue
            hints = ids
        parts.append(text)
        length += len(text)
        if length >= CHARACTERS:
            break
    return (joined_lines("".join(parts)), hints) if hints is not None else None

