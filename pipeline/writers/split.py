"""Split an XHTML fragment into parts small enough for e-readers (under 250 KB each).

Reading systems slow down or stall on very large content documents, so a long
chapter (or a long list of notes) is split between its top-level blocks; a
block that is itself too large and has children is split the same way. Each
continuation repeats the outer element with a distinct id and label.
"""

from __future__ import annotations

import copy

from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
_WRAP = f'<wrap xmlns="{XHTML}" xmlns:epub="{EPUB}">{{}}</wrap>'
LIMIT = 200_000  # bytes of markup per part, leaving room for the document around it


def _size(element) -> int:
    return len(etree.tostring(element, encoding="utf-8"))


def _shell(element, part: int):
    """An empty copy of `element` for its continuation number `part`."""
    shell = etree.Element(element.tag, attrib=dict(element.attrib), nsmap=element.nsmap)
    if part > 1:
        if shell.get("id"):
            shell.set("id", f"{shell.get('id')}-continued-{part}")  # "-part-" would meet a chapter's parts
        label = shell.attrib.pop("aria-labelledby", None)
        title = element.findtext(f".//{{{XHTML}}}h2") or element.findtext(f".//{{{XHTML}}}h3") or "Continued"
        if label or shell.get("aria-label"):
            shell.set("aria-label", f"{' '.join(title.split())} (continued)")
        shell.set("class", (shell.get("class", "") + " continued").strip())
    return shell


def _split(element, limit: int) -> list:
    if _size(element) <= limit or len(element) == 0:
        return [element]
    parts = []
    current = _shell(element, 1)
    current.text = element.text
    size = 0
    for child in element:
        pieces = _split(child, limit) if _size(child) > limit else [child]
        for piece in pieces:
            piece_size = _size(piece)
            if len(current) and size + piece_size > limit:
                parts.append(current)
                current = _shell(element, len(parts) + 1)
                size = 0
            current.append(copy.deepcopy(piece))
            size += piece_size
    parts.append(current)
    return parts


def split_fragment(fragment: str, limit: int = LIMIT) -> list[str]:
    """The fragment as one or more fragments, each under `limit` bytes where the blocks allow."""
    if len(fragment.encode("utf-8")) <= limit:
        return [fragment]
    wrapper = etree.fromstring(_WRAP.format(fragment))
    out = []
    for top in wrapper:
        for part in _split(top, limit):
            text = etree.tostring(part, encoding="unicode")
            out.append(text)
    return out or [fragment]


def anchors(fragment: str) -> list[str]:
    """Every id in a fragment."""
    wrapper = etree.fromstring(_WRAP.format(fragment))
    return [el.get("id") for el in wrapper.iter() if el.get("id")]
