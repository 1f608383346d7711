"""A saved page's footnotes, read the way the cleaner reads them in a text copy.

Pages mark a note's call as a link to the note (`<sup><a href="#fn1">1</a></sup>`, a `doc-noteref`) and
list the notes in an `<ol>` whose numbers are the list's own, not its text; each note ends in a link
back to its call ("↩"). The cleaner finds notes as a "Notes" heading over numbered lines, and calls as
numerals glued to the text ("…as his classification changed.1 The…"), as a text copy of a page shows
them. So, before the page is walked: each note's text begins with its call's number, the links back go,
a call is its numeral alone (no link to the page itself), and a list of notes that no heading names gets
one. A page without such links is left as it was.
"""

from __future__ import annotations

import re

from lxml import html

_NUMBER = re.compile(r"^\[?(\d{1,3})\]?$")
_BLOCKS = frozenset("p div li dd blockquote section".split())
_BACK_MARKS = frozenset("↩ ↩︎ ↑ ^ ⏎ ⤴ back".split())
_NOTES_HEADING = "Notes"


def number_endnotes(root: html.HtmlElement) -> int:
    """Rewrite the page's footnotes in place (see the module's docstring); the number of notes found."""
    ids = {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    notes: dict[int, tuple[int, html.HtmlElement]] = {}  # id(target) -> (number, target)
    calls = []
    for link in root.iter("a"):
        number, target = _call(link, ids)
        if target is None:
            continue
        calls.append(link)
        notes.setdefault(id(target), (number, target))
    if len(notes) < 2:
        return 0  # one link to a numbered place is a contents' entry or a jump, not a system of notes
    for number, target in notes.values():
        _drop_back_links(target, ids)
        _begin_with(target, f"{number} ")
    for link in calls:
        _unwrap(link.getparent() if _is_superscript(link.getparent()) else None)
        _unwrap(link)
    _name_the_list(next(iter(notes.values()))[1])
    return len(notes)


def _call(link: html.HtmlElement, ids: dict) -> tuple[int, html.HtmlElement | None]:
    """A note's call: a link to an element of the page, its text a number, set as a superscript or marked
    as a note's reference."""
    href = (link.get("href") or "").strip()
    found = _NUMBER.match(link.text_content().strip())
    if not href.startswith("#") or found is None:
        return 0, None
    marked = (link.get("role") or "").lower() == "doc-noteref" or "footnote" in (link.get("class") or "").lower()
    if not (marked or _is_superscript(link.getparent()) or any(_is_superscript(c) for c in link)):
        return 0, None
    target = ids.get(href[1:])
    if target is None or target.tag not in ("li", "p", "div", "aside", "section", "dd"):
        return 0, None
    return int(found.group(1)), target


def _is_superscript(element) -> bool:
    return element is not None and isinstance(element.tag, str) and element.tag.lower() == "sup"


def _drop_back_links(note: html.HtmlElement, ids: dict) -> None:
    """The links in a note back to its call ("↩", "^", `doc-backlink`): a web page's, no book's."""
    for link in list(note.iter("a")):
        href = (link.get("href") or "").strip()
        back = (link.get("role") or "").lower() == "doc-backlink" or link.text_content().strip() in _BACK_MARKS
        if back and href.startswith("#") and (href[1:] in ids or not href[1:]):
            link.drop_tree()


def _begin_with(note: html.HtmlElement, prefix: str) -> None:
    """Put the note's number before its first words, in the block that holds them."""
    holder = note
    if not (note.text and note.text.strip()):
        holder = next((child for child in note.iterdescendants() if isinstance(child.tag, str)
                       and child.tag.lower() in _BLOCKS), note)
    number = re.escape(prefix.strip())
    if not re.match(rf"\[?{number}[\].):]?\s", (holder.text or "").lstrip()):  # "1. National Institute …"
        holder.text = prefix + (holder.text or "").lstrip()


def _unwrap(element) -> None:
    """The element's text and children in its place, without the element (a call's link, its <sup>)."""
    if element is not None and element.getparent() is not None:
        element.drop_tag()


def _name_the_list(note: html.HtmlElement) -> None:
    """A "Notes" heading over the notes where the part the page marks as its notes has none (Pandoc's and
    kramdown's `<section class="footnotes">` hold a rule and a bare `<ol>`)."""
    part = next((a for a in note.iterancestors() if _marked_as_notes(a)), None)
    if part is None or any(isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag.lower()) for e in part.iter()):
        return
    heading = html.Element("h2")
    heading.text = _NOTES_HEADING
    part.insert(0, heading)


def _marked_as_notes(element) -> bool:
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return (element.get("role") or "").lower() == "doc-endnotes" or bool(re.search(r"foot\s*notes?|end\s*notes?", words))
