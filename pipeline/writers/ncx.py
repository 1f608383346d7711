"""The EPUB's NCX, finished: its depth, the print edition's page list, one play order.

EPUB 2 reading systems (and converters that still read the NCX) take the contents from it, and the
print edition's pages from its `pageList`; the EPUB 3 navigation document has both already. ebooklib
writes the NCX with a depth of 0 and no page list. Where the book has the print edition's pages, the
NCX gets them too, with the counts the NCX 2005 spec asks of a book that has a page list, and every
navigation point and page target one `playOrder` in reading order (the spec's rule: one sequence over
both, the same number where two point at one place).
"""

from __future__ import annotations

import re

from lxml import etree

_NS = "http://www.daisy.org/z3986/2005/ncx/"
_ROMAN = re.compile(r"^[ivxlcdm]+$")


def _tag(name: str) -> str:
    return f"{{{_NS}}}{name}"


def finish_ncx(ncx: bytes, documents: dict[str, bytes], order: list[str],
               pages: list[tuple[str, str]]) -> bytes:
    """The NCX with its depth set and, if `pages` (href beside the NCX, label) are given, a page list and
    one play order over it and the contents. `documents`: each XHTML file's bytes by its href beside the
    NCX; `order`: the hrefs in reading order (the spine)."""
    root = etree.fromstring(ncx)
    points = list(root.iter(_tag("navPoint")))
    depth = max((sum(1 for _ in p.iterancestors(_tag("navPoint"))) + 1 for p in points), default=0)
    _set_meta(root, "dtb:depth", depth)
    if pages:
        targets = _page_list(root, pages)
        _set_meta(root, "dtb:totalPageCount", len(targets))
        _set_meta(root, "dtb:maxPageNumber", max((int(label) for _, label in pages if label.isdigit()), default=0))
        _play_order([*points, *targets], documents, order)
        etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _set_meta(root, name: str, value: int) -> None:
    for meta in root.iter(_tag("meta")):
        if meta.get("name") == name:
            meta.set("content", str(value))


def _page_list(root, pages: list[tuple[str, str]]) -> list:
    """A pageList after the navMap: one target a page, "front" for the roman folios."""
    page_list = etree.Element(_tag("pageList"))
    label = etree.SubElement(etree.SubElement(page_list, _tag("navLabel")), _tag("text"))
    label.text = "Pages"
    targets = []
    for href, name in pages:
        target = etree.SubElement(page_list, _tag("pageTarget"), id=f"page-target-{name}",
                                  type="normal" if name.isdigit() else "front" if _ROMAN.match(name) else "special")
        if name.isdigit():
            target.set("value", name)
        text = etree.SubElement(etree.SubElement(target, _tag("navLabel")), _tag("text"))
        text.text = name
        etree.SubElement(target, _tag("content"), src=href)
        targets.append(target)
    root.find(_tag("navMap")).addnext(page_list)
    return targets


def _play_order(entries: list, documents: dict[str, bytes], order: list[str]) -> None:
    """Number `entries` (navPoints and pageTargets) by where their content points in the book: by the
    document's place in the spine, then by where the fragment's id stands in it."""
    spine = {href: index for index, href in enumerate(order)}

    def place(entry) -> tuple[int, int]:
        src = entry.find(_tag("content")).get("src")
        href, _, fragment = src.partition("#")
        text = documents.get(href, b"")
        at = text.find(f' id="{fragment}"'.encode()) if fragment else 0
        return spine.get(href, len(spine)), max(at, 0)

    places = {id(entry): place(entry) for entry in entries}
    numbers = {where: number for number, where in enumerate(sorted(set(places.values())), start=1)}
    for entry in entries:
        entry.set("playOrder", str(numbers[places[id(entry)]]))
