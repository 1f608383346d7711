"""Pages painted in helper processes, and replayed into the one PDF the main process writes.

Writing the PDF is serial, and most of it is painting: turning each page's
boxes into PDF operators, shaping every line again with Pango on the way.
Painting a page depends only on that page and the fonts, so a helper can
paint a chapter's pages into streams of its own and send back what painting
produced: the operators, the fonts first used on each page (with a box that
uses them), the glyphs each font was used for, the transparency states, and
which boxes were marked for the structure tree (by their place in the page's
box tree). The main process replays that into WeasyPrint's own stream when
it reaches the page (the patch "replay-painted-pages"), so the file is the
same to the byte as one painted in a single process.

A page whose painting reached for anything else (images, patterns, groups,
colour profiles, glyphs missing from every font) is not sent: the main
process paints it itself, as it does any page whose chapter a helper has not
begun painting by the time the writer reaches it. Who paints which pages is
`..paint_share`'s business; this module only paints and replays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pydyf
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf.stream import Stream
from weasyprint.text.ffi import ffi, pango
from weasyprint.text.fonts import get_pango_font_key

#: WeasyPrint's PDF scale at zoom 1: 72 points per inch over 96 CSS pixels.
SCALE = 0.75
#: The graphics states a replay carries: fill and stroke opacities, named by their value
#: (others, such as blend modes, are numbered per document).
_ALPHA = re.compile(r"^[aA]\d")
#: How pydyf turns each operator of a content stream into bytes when it writes the stream
#: (the replay sends the bytes: marked-content operators hold small dictionaries).
_OPERATOR_BYTES = getattr(pydyf, "_to_bytes", None)


@dataclass
class PaintedPage:
    """What painting one page added to its stream and to the document's shared state."""

    operators: list[bytes]
    fonts: list[tuple[int, int]]  # (font key, index of a box drawn with it), first used on this page
    glyphs: list[tuple[int, list, list]]  # (font key, new widths, new ToUnicode entries) in the run
    states: list[tuple[str, dict]]  # transparency states first used on this page
    tags: list[tuple[int, str, str, int]]  # (box index, box kind, structure tag, marked-content id)


def page_boxes(page) -> list:
    """Every box of a page in tree order: the same list for a page and its pickled copy."""
    found, stack = [], [page._page_box]
    while stack:
        box = stack.pop()
        if isinstance(box, AbsolutePlaceholder):
            box = box._box
        found.append(box)
        children = box.all_children() if hasattr(box, "all_children") else ()
        stack.extend(reversed(list(children)))
    return found


# -- in a helper


class _RecordingStream(Stream):
    """A page's stream that notes which box each new font was first drawn for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.drawing = None  # the text box being drawn
        self.created: list[tuple[int, object]] = []

    def add_font(self, pango_font):
        known = len(self._fonts)
        result = super().add_font(pango_font)
        if len(self._fonts) > known:
            self.created.append((next(reversed(self._fonts)), self.drawing))
        return result


def noting_drawn_boxes(original):
    """WeasyPrint's `draw_first_line` (`original`), telling a recording stream which text box it draws."""
    def draw_first_line(stream, textbox, *args, **kwargs):
        if isinstance(stream, _RecordingStream):
            stream.drawing = textbox
        return original(stream, textbox, *args, **kwargs)
    return draw_first_line


def paint_run(pages: list) -> list[PaintedPage | None]:
    """Paint pages in order, each reporting what it first used among them (None for a page the
    writer is to paint itself). The caller applies patches.HELPER_PAINTING around it.

    Any run of pages can be painted this way: replayed in book order, what a page uses
    first among its run it uses first in the book, unless an earlier page has it already.
    """
    used: dict = {}  # the run's fonts, as WeasyPrint's document keeps them
    states = pydyf.Dictionary()
    return [_paint(page, used, states) for page in pages]


def _paint(page, used: dict, states: pydyf.Dictionary) -> PaintedPage | None:
    resources = pydyf.Dictionary({"ExtGState": states, "XObject": pydyf.Dictionary(),
                                  "Pattern": pydyf.Dictionary(), "Shading": pydyf.Dictionary(),
                                  "ColorSpace": None})  # the document's, set when it is written
    images, tags = {}, {}
    left, top = -SCALE * page.bleed["left"], -SCALE * page.bleed["top"]
    width = SCALE * (page.width + page.bleed["left"] + page.bleed["right"])
    height = SCALE * (page.height + page.bleed["top"] + page.bleed["bottom"])
    rectangle = (left / SCALE, top / SCALE, width / SCALE, height / SCALE)
    stream = _RecordingStream(used, rectangle, resources, images, tags, {}, None, compress=False)
    stream.transform(d=-1, f=page.height * SCALE)
    start = len(stream.stream)
    widths = {key: len(font.widths) for key, font in used.items()}
    unicode = {key: len(font.to_unicode) for key, font in used.items()}
    known_states = len(states)
    try:
        page.paint(stream, SCALE)
    except Exception:  # whatever it is, the main process meets it again painting the page itself
        return None

    listed = page_boxes(page)
    boxes = {id(box): index for index, box in enumerate(listed)}
    try:
        operators = [_OPERATOR_BYTES(op) for op in stream.stream[start:]]
    except Exception:  # not pydyf 0.x's stream: nothing is replayed
        return None
    new_states = list(states.items())[known_states:]
    if (images or any(resources[kind] for kind in ("XObject", "Pattern", "Shading"))
            or any(font.missing or font.used_in_forms for font in used.values())
            or any(id(box) not in boxes for box in tags)
            or any(drawn is None or id(drawn) not in boxes for _, drawn in stream.created)
            or not all(_ALPHA.match(key) for key, _ in new_states)):
        return None  # painting reached for shared state the replay does not carry: painted in the main process
    return PaintedPage(
        operators=operators,
        fonts=[(key, boxes[id(drawn)]) for key, drawn in stream.created],
        glyphs=[(key, list(font.widths.items())[widths.get(key, 0):],
                 list(font.to_unicode.items())[unicode.get(key, 0):]) for key, font in used.items()],
        states=[(key, dict(state)) for key, state in new_states],
        tags=[(boxes[id(box)], type(box).__name__, tag["tag"], tag["mcid"]) for box, tag in tags.items()])


# -- in the main process


def _font_drawn_for(box, key: int, stream) -> bool:
    """Add the font `key` to the document as painting `box` would; False if the box does not use it."""
    layout = box.pango_layout
    layout.reactivate(box.style)
    try:
        pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
        line, _ = layout.get_first_line()
        run = line.runs[0]
        while run != ffi.NULL:
            pango_font = run.data.item.analysis.font
            if get_pango_font_key(pango_font)[0] == key:
                stream.add_font(pango_font)
                return True
            run = run.next
        return False
    finally:
        layout.deactivate()


def replay(stream, painted: PaintedPage, page) -> bool:
    """Add a page painted elsewhere to WeasyPrint's stream; False if it cannot (the page is then
    painted here: at most the fonts it first uses have been added, as painting it adds them)."""
    if stream._tags is None or stream._color_profiles:
        return False  # painted untagged, or in other colours, than the helper painted it
    boxes = page_boxes(page)
    if any(index >= len(boxes) or type(boxes[index]).__name__ != kind for index, kind, _, _ in painted.tags):
        return False
    introduced = {key for key, _ in painted.fonts}
    for key, widths, _ in painted.glyphs:
        font = stream._fonts.get(key)
        if font is None and key not in introduced:
            return False
        if font is not None and any(font.widths.get(glyph, width) != width for glyph, width in widths):
            return False  # the book first set this glyph at another size: its kerning would differ
    for key, witness in painted.fonts:
        if key not in stream._fonts:
            if witness >= len(boxes) or not _font_drawn_for(boxes[witness], key, stream):
                return False
    for key, widths, to_unicode in painted.glyphs:
        font = stream._fonts[key]
        for glyph, width in widths:
            font.widths.setdefault(glyph, width)
        for glyph, text in to_unicode:
            font.to_unicode.setdefault(glyph, text)
    for key, state in painted.states:
        if key not in stream._resources["ExtGState"]:
            stream._resources["ExtGState"][key] = pydyf.Dictionary(state)
    for index, _, tag, mcid in painted.tags:
        stream._tags[boxes[index]] = {"tag": tag, "mcid": mcid}
    stream.stream.extend(painted.operators)
    return True


def _replayed(stream, painted: PaintedPage, page) -> bool:
    try:
        return replay(stream, painted, page)
    except Exception:  # whatever it is, painting the page here meets it again, or works
        return False


def replaying(original, share, replayed: list[int]):
    """WeasyPrint's `Page.paint` (`original`), replaying the pages `share` has had painted
    elsewhere (None, and the patch is not applied, without a share).

    `share` gives `parts` (runs of pages, as the writer holds them) and `painted(part,
    position)` (the page as a helper painted it, or None). A helper paints a run's pages one
    after the other, each relying on the glyph widths its run set first. Once one of them is
    painted here instead (refused, or its widths are not the book's first), the rest of the
    run is painted here too. `replayed` gets the index (in writing order) of each page replayed.
    """
    if share is None:
        return None
    by_page = {id(page): (part, position)
               for part, pages in enumerate(share.parts) for position, page in enumerate(pages)}
    given_up: set[int] = set()  # runs with a page painted here: their later pages rely on it
    painted_count = 0

    def paint(page, stream, scale=1):
        nonlocal painted_count
        part, position = by_page.get(id(page), (None, 0))
        painted = (share.painted(part, position)
                   if part is not None and part not in given_up and scale == SCALE else None)
        if painted is not None and _replayed(stream, painted, page):
            replayed.append(painted_count)
        else:
            if part is not None:
                given_up.add(part)
            original(page, stream, scale)
        painted_count += 1
    return paint
