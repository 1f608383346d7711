"""Fixes for WeasyPrint 70 layout bugs and one waste, applied while the PDF is made.

The two bugs cost whole-chapter relayouts before (the PDF writer detected their
effects after layout and set the chapter again), which was a third of the
build's time. The writer still checks every layout, so if a future WeasyPrint
changes the patched functions, the book stays right and only gets slower.

1. *Lost footnotes.* When a line overflows the page, WeasyPrint moves the
   page's footnotes to the next page to make room; if the line then fits, it
   is kept, but the footnotes called from that very line are never laid out
   nor moved: the note vanishes from the book (``layout/block.py``,
   ``_linebox_layout``). The fix moves such notes to the next page too, after
   the ones already moved, so numbering order is kept.

2. *Lines broken after one word.* When Pango says the rest of a text fits on
   the line but WeasyPrint's measure, which counts the trailing white space,
   says it does not, ``split_first_line`` concludes that the line cannot be
   broken earlier and keeps only the first word (or a hyphenated piece of
   it). That happens to a text that ends in a space before a link, or in a
   no-break space before "— Ed.". The fix measures the text without its
   trailing white space: a collapsible space may hang at the line's end, so
   the whole text is kept; a no-break space counts, so Pango is asked to
   break within a width that leaves room for it.

3. *Subsetting time.* fontTools (4.6x) decompiles a font's GSUB and GPOS tables
   before subsetting, although WeasyPrint asks it to drop them: with Charis's
   large tables that was a second of every build. The fix drops the tables the
   subsetter would drop anyway before it starts (the result is the same font).

4. *Deflate time.* pydyf deflates every stream at zlib level 9, which took
   half a second of each build for this book; level 6 (zlib's default) takes
   a quarter of that for a file 3 % larger.

5. *Painting time.* WeasyPrint works out every glyph of every line again
   when it paints it; ``text_painting`` works each out once per font and size
   (the same operators, the same bytes).
"""

from __future__ import annotations

import math
import zlib
from contextlib import contextmanager

import pydyf

import weasyprint
from weasyprint.draw import text as draw_text
from weasyprint.layout import block, inline
from weasyprint.text import line_break
from fontTools import subset

from .text_painting import painting_glyphs_once

#: zlib's default level: four times as fast as pydyf's 9 on PDF content, 3 % larger.
DEFLATE_LEVEL = 6

#: The versions whose internals these fixes were written against.
PATCHED_VERSIONS = ("70.",)


def applies() -> bool:
    return weasyprint.__version__.startswith(PATCHED_VERSIONS)


@contextmanager
def layout_fixes():
    """Install the fixes while a PDF is laid out and written (layout and painting: WeasyPrint 70 only)."""
    patches = [(subset.Subsetter, "subset", _dropping_tables_first(subset.Subsetter.subset)),
               (pydyf, "zlib", _Deflating())]
    if applies():
        split = _hanging_white_space(line_break.split_first_line)
        patches += [(block, "_linebox_layout", _keeping_line_footnotes(block._linebox_layout)),
                    (line_break, "split_first_line", split),
                    (inline, "split_first_line", split)]  # inline imports it by name
        painter = painting_glyphs_once(draw_text.draw_first_line)
        if painter is not None:
            patches.append((draw_text, "draw_first_line", painter))
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def _dropping_tables_first(original):
    def subset_font(self, font):
        options = self.options
        dropped = [tag for tag in font.keys() if tag.strip() in options.drop_tables]
        if "kern" in font and not options.legacy_kern and "GPOS" in font:
            dropped.append("kern")  # the subsetter drops it when GPOS is there
        for tag in dropped:
            del font[tag]
        return original(self, font)
    return subset_font


class _Deflating:
    """pydyf's zlib, with its streams deflated at DEFLATE_LEVEL whatever level pydyf asks for."""

    def __getattr__(self, name):
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level=DEFLATE_LEVEL, *args, **kwargs):
        return zlib.compressobj(DEFLATE_LEVEL, *args, **kwargs)


def _keeping_line_footnotes(original):
    def linebox_layout(context, box, index, child, new_children, *args, **kwargs):
        result = original(context, box, index, child, new_children, *args, **kwargs)
        abort, stop = result[0], result[1]
        if stop and not abort and new_children and context.footnotes:
            for descendant in new_children[-1].descendants():
                footnote = descendant.footnote
                if footnote is not None and footnote in context.footnotes:
                    context.footnotes.remove(footnote)
                    context.reported_footnotes.append(footnote)
        return result
    return linebox_layout


def _hanging_white_space(original):
    def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True,
                         minimum=False):
        result = original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        resume_index, width = result[2], result[3]
        if (resume_index is None or max_width is None or max_width == math.inf
                or not text[-1:].isspace() or width >= max_width / 2):
            return result
        bare_text = text.rstrip()
        if not bare_text:
            return result
        bare = original(bare_text, style, context, math.inf, justification_spacing, is_line_start, minimum)
        if bare[2] is not None or bare[3] > max_width:
            return result  # the text really is too long: Pango's break was right
        whole = original(text, style, context, math.inf, justification_spacing, is_line_start, minimum)
        trailing = text[len(bare_text):]
        if trailing.strip(" ") == "" and style["white_space"] in ("normal", "nowrap", "pre-line"):
            return whole  # collapsible spaces hang at the end of the line
        return original(text, style, context, max_width - (whole[3] - bare[3]), justification_spacing,
                        is_line_start, minimum)
    return split_first_line
