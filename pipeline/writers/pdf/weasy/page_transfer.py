"""Laid-out pages moved between processes, and folios set after layout.

A chapter's layout does not depend on the page it starts on: chapters open on
a right-hand page, and the page number shows only in the folio, a margin box
that takes no room from the text. So a chapter can be laid out anywhere, at
any time, in any process, as if it started on page 1; once every chapter's
length is known, `set_folios` writes the real numbers into the folio boxes.

WeasyPrint's pages are plain Python objects once laid out (the Pango layouts
behind their text are released), except for the font configuration and URL
fetcher that their styles point to. `dump_pages` writes those as references,
and `load_pages` resolves them to the receiving process's own, which has
loaded the same @font-face fonts from the same stylesheets.
"""

from __future__ import annotations

import copyreg
import io
import pickle

from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.text import line_break
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

#: The page number chapters are laid out from before their real one is known.
PLACEHOLDER_FIRST = 1
#: A margin box's computed content when it is a folio: counter(page) in decimal.
FOLIO = ("counter()", ("page", "decimal"))

_FONTS, _FETCHER = "font-configuration", "url-fetcher"


class TransferError(Exception):
    """Pages that cannot be moved or renumbered: the caller lays the chapter out itself."""


def _placeholder(box, laid_out: bool) -> AbsolutePlaceholder:
    placeholder = AbsolutePlaceholder(box)
    object.__setattr__(placeholder, "_layout_done", laid_out)
    return placeholder


def _reduce_placeholder(placeholder: AbsolutePlaceholder):
    # A placeholder passes every attribute to its box, even the ones pickle looks up on
    # a half-made instance: it is rebuilt from its box instead.
    return _placeholder, (placeholder._box, placeholder._layout_done)


def _received(name: str):
    """Stands, in a pickle, for the receiving process's font configuration or URL fetcher
    (load_pages puts them in its place)."""
    raise pickle.UnpicklingError(f"{name}: pages are read with load_pages")


def _subclasses(cls: type) -> list[type]:
    found, stack = [], [cls]
    while stack:
        found.append(stack.pop())
        stack.extend(found[-1].__subclasses__())
    return found


def _reference(name: str):
    return lambda obj: (_received, (name,))


class _Pickler(pickle.Pickler):
    """Reducers by type, not a persistent_id method, which pickle would call for every object
    of every page. The table is made for each dump, so that it holds every subclass of the two
    types sent as references."""

    def __init__(self, file):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = {**copyreg.dispatch_table, AbsolutePlaceholder: _reduce_placeholder,
                               **{cls: _reference(_FONTS) for cls in _subclasses(FontConfiguration)},
                               **{cls: _reference(_FETCHER) for cls in _subclasses(URLFetcher)}}


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, fonts: FontConfiguration, fetcher: URLFetcher):
        super().__init__(io.BytesIO(data))
        self.resolved = {_FONTS: fonts, _FETCHER: fetcher}

    def find_class(self, module, name):
        if module == __name__ and name == _received.__name__:
            return self.resolved.__getitem__
        return super().find_class(module, name)


def dump_pages(pages: list) -> bytes:
    buffer = io.BytesIO()
    try:
        _Pickler(buffer).dump(list(pages))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
        held = "a page holds a C object" if "_cffi_backend" in str(exc) else "pages cannot be sent to another process"
        raise TransferError(f"{held}: {exc}") from None
    return buffer.getvalue()


def load_pages(data: bytes, fonts: FontConfiguration, fetcher: URLFetcher) -> list:
    return _Unpickler(data, fonts, fetcher).load()


#: How a margin box fitted to its content is anchored, by the end of its name.
_ANCHOR = {"left": 0.0, "center": 0.5, "right": 1.0}
#: How text moves in a box of fixed width, by its text-align.
_ALIGN = {"left": 0.0, "start": 0.0, "center": 0.5, "right": 1.0, "end": 1.0}


def set_folios(pages: list, first: int, laid_out_from: int = PLACEHOLDER_FIRST) -> None:
    """Make pages laid out as numbered from `laid_out_from` show folios from `first`.

    A folio is a margin box whose content is `counter(page)`, the page number in
    decimal: its text is replaced, measured again with WeasyPrint's own line
    splitter and moved as its box is anchored, so the result is what laying out
    from `first` would give. Any other use of the page number in a margin box
    (another numbering style, words around it) cannot be rewritten this way:
    TransferError, and the caller lays the part out from its real first page.
    """
    for index, page in enumerate(pages):
        old, new = str(laid_out_from + index), str(first + index)
        if old == new:
            continue
        for margin in page._page_box.children:
            if isinstance(margin, boxes.MarginBox) and _shows_page_number(margin):
                _renumber(margin, old, new)


def _shows_page_number(margin) -> bool:
    content = margin.style["content"]
    if content in ("normal", "none") or not any(_counts_pages(item) for item in content):
        return False
    if list(content) != [FOLIO]:
        raise TransferError(f"{margin.at_keyword}: a page number other than counter(page) cannot be rewritten")
    return True


def _counts_pages(item) -> bool:
    kind, value = item
    return kind in ("counter()", "counters()") and value[0] in ("page", "pages")


def _renumber(margin, old: str, new: str) -> None:
    texts = [box for box in margin.descendants() if isinstance(box, boxes.TextBox)]
    if len(texts) != 1 or texts[0].text != old:
        raise TransferError(f"{margin.at_keyword}: the folio reads {texts[0].text if texts else ''!r}, not {old}")
    text = texts[0]
    line = next(box for box in margin.descendants() if isinstance(box, boxes.LineBox))
    if line.children != [text]:
        raise TransferError(f"{margin.at_keyword}: the folio is not alone on its line")
    layout, _, _, width, _, _ = line_break.split_first_line(new, text.style, None, None, 0)
    grown = width - text.width
    name = margin.at_keyword.lstrip("@")
    if not name.startswith(("top-", "bottom-")) or name.endswith("-corner"):
        raise TransferError(f"{margin.at_keyword}: folios are renumbered in the top and bottom rows only")
    fitted = abs(margin.width - text.width) < 1e-6
    text.text, text.pango_layout, text.width = new, layout, width
    if fitted:  # the box is as wide as its text: it grows away from its anchored side
        margin.width += grown
        line.width += grown
        margin.translate(-grown * _ANCHOR[name.split("-")[-1]], 0)
    else:  # the box keeps its width: the text moves within the line
        text.translate(-grown * _ALIGN.get(line.style["text_align_all"], 0.0), 0)
