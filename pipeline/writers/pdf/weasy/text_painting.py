"""Lines of text painted as WeasyPrint 70 paints them, each glyph's operators worked out once.

Most of painting is WeasyPrint's loop over every glyph of every line
(``draw/text.py``, ``draw_first_line``): half a dozen reads of C structures
per glyph, then its hexadecimal code, its width and the kerning that makes up
the difference between the two. For a given font and size, all of that
follows from the glyph's number, advance and offsets, so it is worked out the
first time and looked up afterwards; the glyphs themselves are read from
Pango's array in one go. The operators are the same, in the same order, and
so are the font's widths and text mappings: the PDF is the same to the byte.

Lines that need anything else (an ellipsis, a glyph missing from the fonts, a
raised glyph, a colour or bitmap emoji font) are painted by WeasyPrint's own
function, before anything of the line is written.

A piece is kept for as long as its font object lives. That is right because a
glyph's width, once a font has one, is never changed: WeasyPrint sets it only
when missing (its .notdef path writes only numbers no real glyph has), and so
does the replay of pages painted by helpers (painting.replay).
"""

from __future__ import annotations

import struct
import weakref

from weasyprint.text.ffi import FROM_UNITS, ffi, pango

#: A PangoGlyphInfo: glyph number; width, x and y offsets (the geometry); visual attributes.
_GLYPH = struct.Struct("=Iiii4x")
_EMPTY = pango.PANGO_GLYPH_EMPTY
_UNKNOWN = pango.PANGO_GLYPH_UNKNOWN_FLAG

#: Per font object and size: each (glyph, width, x offset, y offset) as a piece of a TJ string.
_PIECES: "weakref.WeakKeyDictionary[object, dict[float, dict[tuple, str]]]" = weakref.WeakKeyDictionary()


class _Unusual(Exception):
    """A line this painter leaves to WeasyPrint's own."""


def painting_glyphs_once(original):
    """WeasyPrint's `draw_first_line` (`original`), with the glyph loop looked up (None, and the
    patch is not applied, if Pango's glyph array is not laid out as this painter reads it)."""
    if ffi.sizeof("PangoGlyphInfo") != _GLYPH.size or ffi.offsetof("PangoGlyphInfo", "geometry") != 4:
        return None

    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
        return _draw_first_line(original, stream, textbox, text_overflow, block_ellipsis, matrix)
    return draw_first_line


def _draw_first_line(original, stream, textbox, text_overflow, block_ellipsis, matrix):
    if text_overflow == "ellipsis" or block_ellipsis != "none":
        return original(stream, textbox, text_overflow, block_ellipsis, matrix)
    if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
        return []  # as WeasyPrint: nothing to draw
    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
    first_line, _ = textbox.pango_layout.get_first_line()
    try:
        operations = _operations(stream, textbox, first_line)
    except _Unusual:
        return original(stream, textbox, text_overflow, block_ellipsis, matrix)
    stream.set_text_matrix(*matrix.values)
    for font_size, string in operations:
        if font_size is not None:
            stream.set_font_size(*font_size)
        else:
            stream.show_text(string)
    return []  # no emojis


def _operations(stream, textbox, first_line) -> list[tuple[tuple | None, str | None]]:
    """The line's font changes, (font name, size), and TJ strings, in WeasyPrint's order."""
    operations = []
    previous_font = None
    string = ""
    utf8 = []  # the line's text as UTF-8, once a glyph's text is looked up
    old_pango = pango.pango_version() < 14802
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        pango_font = glyph_item.item.analysis.font
        if pango_font != previous_font:
            previous_font = pango_font
            font, font_size = stream.add_font(pango_font)
            if font.svg or font.png or font.colr:
                raise _Unusual
            if old_pango:  # https://gitlab.gnome.org/GNOME/pango/-/issues/530, as WeasyPrint
                font_size = textbox.style["font_size"]
            if string:
                operations.append((None, string))
            string = ""
            operations.append(((font.hash, 1 if font.bitmap else font_size), None))
            pieces = _PIECES.setdefault(font, {}).setdefault(font_size, {})
        glyph_string = glyph_item.glyphs
        data = ffi.buffer(glyph_string.glyphs, glyph_string.num_glyphs * _GLYPH.size)
        parts = ["<"]
        for index, glyph in enumerate(_GLYPH.iter_unpack(data)):
            piece = pieces.get(glyph)
            if piece is None:
                piece = pieces[glyph] = _piece(stream, textbox, font, font_size, glyph_item, index, glyph, utf8)
            parts.append(piece)
        run_string = "".join(parts)
        string += run_string[:-1] if run_string[-1] == "<" else run_string + ">"
    operations.append((None, string))
    return operations


def _piece(stream, textbox, font, font_size, glyph_item, index, glyph, utf8) -> str:
    """A glyph's part of the TJ string, noting its width and text in the font as WeasyPrint does."""
    glyph_id, width, x_offset, y_offset = glyph
    if glyph_id == _EMPTY:
        return f">{-width / font_size}<"
    if glyph_id & _UNKNOWN or y_offset:
        raise _Unusual
    if glyph_id not in font.to_unicode:
        if not utf8:
            utf8.append(textbox.pango_layout.text.encode())
        font.to_unicode[glyph_id] = _glyph_text(glyph_item, index, utf8[0])
    piece = ""
    offset = x_offset / font_size
    if offset:
        piece += f">{-offset}<"
    piece += f"{glyph_id:02x}" if font.bitmap else f"{glyph_id:04x}"
    if glyph_id in font.widths:
        logical_width = font.widths[glyph_id]
    else:
        pango.pango_font_get_glyph_extents(glyph_item.item.analysis.font, glyph_id, stream.ink_rect,
                                           stream.logical_rect)
        logical_width = font.widths[glyph_id] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
    kerning = logical_width + offset - width * 1000 * FROM_UNITS / font_size
    if kerning:
        piece += f">{int(kerning)}<"
    return piece


def _glyph_text(glyph_item, index: int, utf8: bytes) -> str:
    """The text a glyph stands for: its cluster of the line's UTF-8 text."""
    glyph_string, item = glyph_item.glyphs, glyph_item.item
    clusters, count = glyph_string.log_clusters, glyph_string.num_glyphs
    start = clusters[index]
    if item.analysis.level % 2:  # right to left
        end = item.length if index == 0 else clusters[index - 1]
    else:
        end = item.length if index == count - 1 else clusters[index + 1]
    return utf8[item.offset + start:item.offset + end].decode()
