"""Replacements for WeasyPrint 70's functions (and pydyf's, fontTools'): four layout faults and three wastes.

Each factory takes the original and returns its replacement; `patches` lists
them and applies them. Both bugs are reproduced by tests without their fix
(tests/test_weasyprint_fixes.py): the day WeasyPrint fixes one, its test says
the fix can go.

1. *Lost footnotes.* When a line overflows the page, WeasyPrint moves the
   page's footnotes to the next page to make room; if the line then fits, it
   is kept, but the footnotes called from that very line are never laid out
   nor moved: the note vanishes from the book (``layout/block.py``,
   ``_linebox_layout``). The fix moves such notes to the next page too, after
   the ones already moved, so numbering order is kept.

2. *Lines broken short.* When Pango says the rest of a text fits on
   the line but WeasyPrint's measure, which counts the trailing white space,
   says it does not, ``split_first_line`` concludes that the line cannot be
   broken earlier and keeps only the first word (or a hyphenated piece of
   it). That happens to a text that ends in a space before a link, or in a
   no-break space before "— Ed."; and, with letter or word spacing set (a
   paragraph loosened to fill a page), to any such text that fills its line
   to within the trailing space, whose line then ends at its last soft hyphen
   ("dispro-portion-" with "ately benefited the" carried over) and is set with
   gaps wide enough to read as holes. The fix measures the text without its
   trailing white space: a collapsible space may hang at the line's end, so
   the whole text is kept; a no-break space counts, so Pango is asked to
   break within a width that leaves room for it.

7. *Lines broken at a soft hyphen they did not need.* Pango breaks a line
   at a space, but WeasyPrint measures that line with the space it ends on
   (and, under letter or word spacing, with the spacing applied at its ends
   as Pango does not), finds it a fraction too wide, concludes that the line
   cannot be broken there and sets a hyphenated piece instead, wider than
   the measure, which inline layout then breaks again at an earlier soft
   hyphen: "jected to the same bureau-" set alone with holes between its
   words. It happens in paragraphs set a touch tighter or looser to fill a
   page. The fix takes Pango's break, measured without its trailing space,
   when WeasyPrint's line would overflow.

The writer still checks every layout (a footnote missing from the pages'
anchors, `short_lines`), so should a fix stop working the book stays right
and only gets slower.

3. *Subsetting.* fontTools decompiles a font's GSUB and GPOS tables before
   subsetting, although WeasyPrint asks it to drop them; they are dropped
   before it starts (the result is the same font).

4. *Deflating.* pydyf deflates every stream at zlib level 9; level 6
   (zlib's default) is much faster on PDF content for a slightly larger file.

5. *Page references.* pydyf builds the tuple of every page's reference anew
   on each read of ``PDF.page_references``, which WeasyPrint's tagging reads
   once per tagged box: quadratic in pages. The tuple is kept, keyed on the
   number of pages, so it is never stale.

6. *Notes kept with their calls.* When a line overflows the page and widows or
   orphans forbid breaking before it, WeasyPrint first moves the notes already
   on the page to the next one to make room (``_linebox_layout``): a note then
   prints a page after its call, and the call's page is left short above its
   footnote rule. A book keeps a note on its call's page; the fix takes that
   step out, so the paragraph is broken earlier as widows and orphans allow.
   A note too long for its call's page still goes with its call's line to the
   next page (``footnote-policy: line``).
"""

from __future__ import annotations

import inspect
import math
import textwrap
import zlib

from weasyprint.formatting_structure import boxes

#: zlib's default level: much faster than pydyf's 9 on PDF content, for a slightly larger file.
DEFLATE_LEVEL = 6


#: The statement of WeasyPrint 70's ``_linebox_layout`` that moves a page's notes to make room for a line.
MAKE_ROOM = "report = not context.in_column and can_break_now and not could_break_before"


def keeping_notes_with_calls(original):
    """``_linebox_layout`` (`original`) with MAKE_ROOM never true; None (left as it is) if the
    function does not hold that statement once, as on a WeasyPrint it was not written for."""
    source = textwrap.dedent(inspect.getsource(original))
    if source.count(MAKE_ROOM) != 1:
        return None
    namespace = dict(original.__globals__)
    exec(compile(source.replace(MAKE_ROOM, "report = False"), inspect.getsourcefile(original), "exec"), namespace)
    return namespace[original.__name__]


def keeping_line_footnotes(original):
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


def hanging_white_space(original):
    def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True,
                         minimum=False):
        result = original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        resume_index = result[2]
        if resume_index is None or max_width is None or max_width == math.inf or not text[-1:].isspace():
            return result
        bare_text = text.rstrip()
        if not bare_text or not _could_fit(bare_text, style, max_width):
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


#: No glyph of a text face is narrower than this share of the font size (a thin space is 0.2 em).
NARROWEST_GLYPH = 0.15


def _could_fit(text: str, style, max_width: float) -> bool:
    """Whether `text` is short enough that it might fit in `max_width`: a cheap test that spares
    measuring the rest of a long paragraph again at every line's end."""
    return len(text) * style["font_size"] * NARROWEST_GLYPH <= max_width


def _spacing_slack(style) -> float:
    """How far WeasyPrint's measure of a line may exceed Pango's under letter and word spacing:
    both applied at each end of the line (Pango doubles a boundary space's spacing)."""
    letter = style["letter_spacing"]
    letter = 0 if letter == "normal" else letter
    return 2 * (abs(style["word_spacing"]) + abs(letter))


def _pangos_break(text, style, context, max_width, justification_spacing):
    """The first line where Pango breaks `text` at a space, measured as WeasyPrint returns a line
    (its trailing spaces dropped); None where Pango breaks elsewhere or not at all."""
    from weasyprint.text.line_break import create_layout, first_line_metrics

    layout = create_layout(text, style, context, max_width, justification_spacing)
    first_line, resume_index = layout.get_first_line()
    if resume_index is None or not text.encode()[:resume_index].endswith(b" "):
        return None
    return first_line_metrics(first_line, text, layout, resume_index, True, style)


def trusting_pangos_breaks(original):
    def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True,
                         minimum=False):
        result = original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if (result[2] is None or max_width is None or max_width == math.inf or result[3] <= max_width
                or style["white_space"] not in ("normal", "pre-line")):
            return result
        pango = _pangos_break(text, style, context, max_width, justification_spacing)
        if pango is None or pango[3] > max_width + _spacing_slack(style):
            return result
        return pango[:3] + (min(pango[3], max_width),) + pango[4:]
    return split_first_line


def breaking_lines_right(original):
    """``split_first_line`` (`original`) with both of its measuring faults mended (2 and 7 above)."""
    return trusting_pangos_breaks(hanging_white_space(original))


def dropping_tables_first(original):
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

    def __init__(self, module):
        self.module = module

    def __getattr__(self, name):
        return getattr(self.module, name)

    def compressobj(self, level=DEFLATE_LEVEL, *args, **kwargs):
        return self.module.compressobj(DEFLATE_LEVEL, *args, **kwargs)


def deflating(original):
    """The zlib module pydyf uses (`original`), deflating at DEFLATE_LEVEL."""
    return _Deflating(original if original is not None else zlib)


def memoised_page_references(original):
    """pydyf's PDF.page_references property (`original`), read once per page count."""
    def page_references(pdf):
        kids = len(pdf.pages["Kids"])
        cached = pdf.__dict__.get("_reader_page_references")
        if cached is None or cached[0] != kids:
            cached = (kids, original.fget(pdf))
            pdf.__dict__["_reader_page_references"] = cached
        return cached[1]
    return property(page_references)


def _walk(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _walk(child)


def _stretch(box) -> float:
    """What justification added to a line's width: the spacing it gave each space of its texts."""
    if isinstance(box, boxes.TextBox):
        return (getattr(box, "justification_spacing", 0) or 0) * (box.text.count(" ") + box.text.count("\u00a0"))
    return sum(_stretch(child) for child in getattr(box, "children", None) or ())


#: Justification that widens a line's word spaces by more than this (in ems of its text) has set it with
#: holes: WeasyPrint broke it short of a word that would have fitted. The widest a greedy break leaves in
#: the reader is under half of it (spaces of 11 to 12.5 points at 10 points); a line broken short had 60.
HOLE = 2.0


def holed(line) -> bool:
    """Whether justification widened one of the line's word spaces by more than HOLE ems."""
    return word_spacing(line) > HOLE


def word_spacing(line) -> float:
    """The most that justification added to one word space of the line, in ems of its text."""
    return max(((getattr(box, "justification_spacing", 0) or 0) / box.style["font_size"]
                for box in _walk(line) if isinstance(box, boxes.TextBox) and box.style["font_size"]), default=0.0)


def short_lines(document) -> list[str]:
    """The text of each paragraph with a line, not its last, broken short: filled less than half way as
    set (before justification stretched it), or set with holes between its words (`HOLE`). What bugs 2
    and 7 leave (a check of the layout, not a patch)."""
    found: list[str] = []
    for page in document.pages:
        for box in _walk(page._page_box):
            if not isinstance(box, boxes.BlockBox) or not box.children:
                continue
            lines = [c for c in box.children if isinstance(c, boxes.LineBox)]
            for line in lines[:-1]:
                if not line.children:
                    continue
                used = max(c.position_x + c.margin_width() for c in line.children) - box.content_box_x()
                if used - _stretch(line) < 0.5 * box.width or holed(line):
                    found.append("".join(getattr(b, "text", "") or "" for b in _walk(box)))
                    break
    return found
