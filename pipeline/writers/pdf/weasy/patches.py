"""Every monkeypatch the PDF writer makes, in one table, applied and reverted only through it.

Each row names the object patched (a module, or a class in one), the attribute
replaced, the factory in this package that makes the replacement from the
original, what kind of change it is and why it is there. Targets and factories
are written as names and imported only when a patch is applied, so that this
table can be read, and `libraries` can use it, before WeasyPrint is imported.

A row bound to WeasyPrint's internals (`any_version` False) is applied only on
a WeasyPrint the fast paths were verified on (the gate in this package's
`__init__`); on any other, `applied` raises NotVerified before changing
anything, so the plain path cannot take a patch by mistake.
"""

from __future__ import annotations

import importlib
from contextlib import contextmanager
from dataclasses import dataclass

from . import verified


@dataclass(frozen=True)
class Patch:
    target: str  # "module" or "module:Class"
    attribute: str
    factory: str  # "module.function" in this package: (original, **context) -> replacement, or None to leave it
    kind: str  # "bug fix", "speed", "replay" or "import"
    why: str
    any_version: bool = False  # touches none of WeasyPrint's code: safe whatever its version


PATCHES: dict[str, Patch] = {
    "notes-with-calls": Patch(
        "weasyprint.layout.block", "_linebox_layout", "fixes.keeping_notes_with_calls", "bug fix",
        "To make room for a line that widows or orphans keep on the page, WeasyPrint moves the page's "
        "notes to the next page, away from their calls. It breaks the paragraph earlier instead."),
    "footnotes-of-kept-line": Patch(
        "weasyprint.layout.block", "_linebox_layout", "fixes.keeping_line_footnotes", "bug fix",
        "A footnote called from a line WeasyPrint keeps after moving the page's notes away is never laid "
        "out: it vanishes from the book. The notes of that line are moved to the next page too."),
    "line-breaks": Patch(
        "weasyprint.text.line_break", "split_first_line", "fixes.breaking_lines_right", "bug fix",
        "A line is measured with the white space it ends on (and, under letter or word spacing, a fraction "
        "wider) and taken for one that cannot break: a text before a link is broken after one word, a line "
        "Pango broke at a space again at an earlier soft hyphen, leaving holes. It is measured without it."),
    "line-breaks-inline": Patch(
        "weasyprint.layout.inline", "split_first_line", "fixes.breaking_lines_right", "bug fix",
        "The same fix where inline layout calls the function: that module imports it by name."),
    "pages-kept-on-relayout": Patch(
        "weasyprint.layout", "make_all_pages", "relayout.recording", "speed",
        "A chapter laid out again with a few paragraphs changed (a word kept whole, a paragraph set "
        "looser) is made again only from the first page they touch until the layout is back in step; "
        "the other pages are the earlier layout's. Each layout's pages are noted for that."),
    "margins-kept-on-relayout": Patch(
        "weasyprint.layout", "make_margin_boxes", "relayout.keeping_margins", "speed",
        "A page kept from the earlier layout keeps its running head and folio rather than having them "
        "made again."),
    "backgrounds-kept-on-relayout": Patch(
        "weasyprint.layout", "layout_backgrounds", "relayout.keeping_backgrounds", "speed",
        "A page kept from the earlier layout keeps its boxes' laid-out backgrounds rather than having "
        "every box of it walked again."),
    "styles-kept-on-relayout": Patch(
        "weasyprint.css", "StyleFor", "restyle.reusing", "speed",
        "A chapter laid out again with a few paragraphs changed is styled again only where it changed "
        "(a class added, and what inherits it); every other element keeps the earlier layout's computed "
        "styles. Each styling is noted for that."),
    "glyphs-painted-once": Patch(
        "weasyprint.draw.text", "draw_first_line", "text_painting.painting_glyphs_once", "speed",
        "WeasyPrint works out every glyph of every line again as it paints it; each (glyph, advance, "
        "offset) is worked out once per font and size. The same operators, the same bytes."),
    "subset-tables-dropped-first": Patch(
        "fontTools.subset:Subsetter", "subset", "fixes.dropping_tables_first", "speed",
        "fontTools decompiles GSUB and GPOS before subsetting although WeasyPrint asks it to drop them "
        "(Charis's are large); they are dropped first. The same font."),
    "deflate-level": Patch(
        "pydyf", "zlib", "fixes.deflating", "speed",
        "pydyf deflates every stream at zlib level 9; level 6, zlib's default, is much faster for a "
        "slightly larger file."),
    "page-references-memo": Patch(
        "pydyf:PDF", "page_references", "fixes.memoised_page_references", "speed",
        "pydyf rebuilds the tuple of every page reference on each read, and WeasyPrint's tagging reads it "
        "once per tagged box: quadratic in pages. The tuple is kept while the page count is unchanged."),
    "replay-painted-pages": Patch(
        "weasyprint.document:Page", "paint", "painting.replaying", "replay",
        "Pages a helper process painted are replayed into the document's stream instead of painted "
        "again in the process that writes the PDF. Context: share, replayed."),
    "note-drawn-boxes": Patch(
        "weasyprint.draw.text", "draw_first_line", "painting.noting_drawn_boxes", "replay",
        "In a helper painting pages: notes which text box each font is first used for, so that the "
        "writer can add the font to its document as painting that box would."),
    "find-library-answers": Patch(
        "ctypes.util", "find_library", "library_answers.answering_from", "import",
        "While WeasyPrint is imported: ctypes' library lookups answered from this machine's earlier "
        "answers (each miss costs a run of ldconfig, gcc and ld). Context: known, looked_up.",
        any_version=True),
}

#: Laying out and writing on the fast path, in the main process and in helpers.
FAST_SESSION = ("notes-with-calls", "footnotes-of-kept-line", "line-breaks", "line-breaks-inline",
                "pages-kept-on-relayout", "margins-kept-on-relayout",
                "backgrounds-kept-on-relayout", "styles-kept-on-relayout", "glyphs-painted-once", "subset-tables-dropped-first",
                "deflate-level")
#: Painting pages in a helper: as the writer would, noting which box first used each font.
HELPER_PAINTING = FAST_SESSION + ("note-drawn-boxes",)


class NotVerified(RuntimeError):
    """A patch bound to WeasyPrint's internals, asked for on a WeasyPrint it was not verified on."""


#: The patches in force in this process, in the order applied.
active: list[str] = []


@contextmanager
def applied(*names: str, **context):
    """The named patches in force while the block runs, applied in order and reverted in reverse
    order after it (also on an error). `context` is passed to each factory."""
    patches = [PATCHES[name] for name in names]
    if any(not patch.any_version for patch in patches) and not verified():
        raise NotVerified(f"{', '.join(names)}: not applied on a WeasyPrint the fast paths were not verified on")
    undo = []
    try:
        for name, patch in zip(names, patches):
            owner = _target(patch.target)
            original = getattr(owner, patch.attribute)
            replacement = _factory(patch.factory)(original, **context)
            if replacement is None:
                continue  # the factory found WeasyPrint unlike what it was written for: left as it is
            setattr(owner, patch.attribute, replacement)
            undo.append((name, owner, patch.attribute, original))
            active.append(name)
        yield
    finally:
        for name, owner, attribute, original in reversed(undo):
            setattr(owner, attribute, original)
            active.remove(name)


def _target(name: str):
    module, _, cls = name.partition(":")
    owner = importlib.import_module(module)
    return getattr(owner, cls) if cls else owner


def _factory(name: str):
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(f"{__package__}.{module}"), function)
