"""A changed chapter's HTML made from the earlier layout's parsed tree, only its changed tags and text set anew.

A print-finish trial lays a chapter out again from HTML that differs from the earlier layout's in a
few paragraphs: a class added (page_fill), a word's soft hyphens taken out (kept whole). Parsing
the whole chapter again with tinyhtml5 cost about a sixth of a small trial. Here the two sources are
cut at their tags; where they have the same tokens but for some start tags and runs of text, the
earlier document's tree is copied and only those are set: a start tag's attributes as tinyhtml5
reads that tag alone, a run of text as it is (one holding a character reference, a carriage return
or a NUL, or blank on either side, is parsed whole instead, as is any other difference). That is
what parsing gives only where the earlier tree reads back as its source did, token for token (no
element the parser implied, moved or dropped, no text it changed): that is checked once per earlier
document, and the chapter is parsed whole where it does not hold.
"""

from __future__ import annotations

import copy
import html as html_text
import re

#: A tag (or comment, or doctype): `re.split` with it leaves text at even places, tags at odd ones.
_TAG = re.compile(r"(<[^>]*>)")
#: HTML's void elements: a start tag and no end tag.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})


_last = None


def remember(html, source: str, base_url: str) -> None:
    """Note the source and base URL an HTML document was made from (for a later one changed from it)."""
    global _last
    html.reader_source = source
    html.reader_base_url = base_url
    _last = html


def taken():
    """The last HTML document noted in this process (taken once): the one a layout just made was of."""
    global _last
    found, _last = _last, None
    return found


def edited(earlier, source: str, base_url: str, url_fetcher):
    """`source` as an HTML document made from `earlier`'s tree (an HTML document noted here), or None
    if it must be parsed whole."""
    before = getattr(earlier, "reader_source", None)
    if before is None or earlier.reader_base_url != base_url or _places(earlier) is None:
        return None
    places = _places(earlier)
    tokens, after = _TAG.split(before), _TAG.split(source)
    if len(tokens) != len(after):
        return None
    root = copy.deepcopy(earlier.etree_element)
    elements = list(root.iter())
    for k, (old, new) in enumerate(zip(tokens, after)):
        if old != new and not _set(elements, places.get(k), old, new):
            return None
    return _document_of(root, earlier.base_url, url_fetcher)


def _set(elements: list, place, old: str, new: str) -> bool:
    """Token `new` set where `old` was in the copied tree; False where that cannot be done so."""
    if place is None:
        return False
    index, what = place
    element = elements[index]
    if what == "start":
        attributes = _attributes(new, element.tag)
        if attributes is None:
            return False
        element.attrib.clear()
        element.attrib.update(attributes)
        return True
    if any(mark in old or mark in new for mark in "&\r\0") or not old.strip() or not new.strip():
        return False
    setattr(element, what, new)
    return True


def _attributes(tag: str, name: str) -> dict | None:
    """A start tag's attributes as tinyhtml5 reads it (None if it reads as another element)."""
    import tinyhtml5

    body = tinyhtml5.parse(f"<!DOCTYPE html><body>{tag}", namespace_html_elements=False).find("body")
    if body is None or len(body) != 1 or body[0].tag != name:
        return None
    return dict(body[0].attrib)


def _places(html) -> dict[int, tuple[int, str]] | None:
    """Token index (in the source cut at its tags) -> (element's place in the tree, "start", "text" or
    "tail") for the body's tokens, if the tree reads back as its source, token for token; else None."""
    if not hasattr(html, "reader_places"):
        html.reader_places = _read_back(html)
    return html.reader_places


def _read_back(html) -> dict[int, tuple[int, str]] | None:
    source = getattr(html, "reader_source", None)
    root = html.etree_element
    body = root.find("body")
    if source is None or body is None or root.find(".//base") is not None:
        return None
    tokens = _TAG.split(source)
    try:
        start = tokens.index("<body>")
    except ValueError:
        return None
    order = {id(element): k for k, element in enumerate(root.iter())}
    places: dict[int, tuple[int, str]] = {}
    try:
        return places if _walk_children(body, tokens, start + 1, order, places) is not None else None
    except IndexError:  # the source ends before the tree does
        return None


def _walk_children(parent, tokens: list[str], k: int, order: dict, places: dict) -> int | None:
    """Match the parent's text (at token k) and its children; the index after the parent's end tag."""
    if not _same_text(tokens[k], parent.text):
        return None
    places[k] = (order[id(parent)], "text")
    for child in parent:
        if not isinstance(child.tag, str) or not _starts(tokens[k + 1], child.tag):
            return None
        places[k + 1] = (order[id(child)], "start")
        if child.tag in _VOID:
            if len(child) or child.text:
                return None
            k += 2
        else:
            k = _walk_children(child, tokens, k + 2, order, places)
            if k is None:
                return None
        if not _same_text(tokens[k], child.tail):
            return None
        places[k] = (order[id(child)], "tail")
    if tokens[k + 1] != f"</{parent.tag}>":
        return None
    return k + 2


def _starts(token: str, name: str) -> bool:
    return token.startswith(f"<{name}") and token[len(name) + 1:len(name) + 2] in (">", " ", "/", "\t", "\n")


def _same_text(token: str, text: str | None) -> bool:
    return html_text.unescape(token) == (text or "")


def _document_of(root, base_url: str, url_fetcher):
    """An HTML document of a tree already parsed, as `weasyprint.HTML` makes one of a string (`base_url`
    as it resolved the earlier's)."""
    import cssselect2
    from weasyprint import HTML

    html = HTML.__new__(HTML)
    html.base_url = base_url
    html.url_fetcher = url_fetcher
    html.media_type = "print"
    html.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    html.etree_element = html.wrapper_element.etree_element
    return html
