"""The back-of-book index as XHTML, in the EPUB Indexes 1.0 vocabulary, for both editions.

Letter groups (`index-group`), entries (`index-entry`, one `index-term` each), sub-entries
in a nested `index-entry-list`, locators (`index-locator`, `index-locator-range`) and
cross-references (`index-xref-preferred` for "see", `index-xref-related` for "see also").
With the print edition's page labels, a heading's locators are its pages, each a link to
its first occurrence on that page, and runs of pages are collapsed (47–49). Without them
(an EPUB built with no valid layout) each chapter that holds a form is one locator.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from ..model import Book, IndexEntry, IndexLocator
from . import ids

DASH = "\u2013"


@dataclass(frozen=True)
class Locator:
    """What one locator shows and where it leads: a page (or run of pages), or a chapter."""

    label: str
    first: str  # anchor of the first occurrence it covers
    last: str | None = None  # anchor on the run's last page (a range), else None


def page_locators(locators: list[IndexLocator], pages: dict[str, str]) -> list[Locator]:
    """One locator per page a form occurs on, runs of consecutive pages as one range (47–49). A form that
    runs over a page's turn occurs on both pages (124–125); each leads to where it starts."""
    firsts: dict[str, str] = {}
    for locator in locators:
        for anchor in (locator.anchor, ids.index_end_id(locator.anchor)):
            label = pages.get(anchor)
            if label is not None:
                firsts.setdefault(label, locator.anchor)
    numbered = sorted(((int(label), anchor) for label, anchor in firsts.items() if label.isdigit()))
    out: list[Locator] = [Locator(label, anchor) for label, anchor in firsts.items() if not label.isdigit()]
    run: list[tuple[int, str]] = []
    for number, anchor in numbered + [(-2, "")]:
        if run and number != run[-1][0] + 1:
            if len(run) == 1:
                out.append(Locator(str(run[0][0]), run[0][1]))
            else:
                out.append(Locator(f"{run[0][0]}{DASH}{run[-1][0]}", run[0][1], run[-1][1]))
            run = []
        run.append((number, anchor))
    return out


def chapter_locators(locators: list[IndexLocator], numbers: dict[str, int]) -> list[Locator]:
    """One locator per chapter a form occurs in, leading to its first occurrence there."""
    firsts: dict[str, str] = {}
    for locator in locators:
        firsts.setdefault(locator.chapter, locator.anchor)
    return [Locator(f"ch.\u00a0{numbers[c]}", anchor) for c, anchor in firsts.items()]


@dataclass
class IndexView:
    """How one edition shows the index: where anchors live and, in print or with a page list, their pages."""

    href: Callable[[str], str]  # anchor -> href
    pages: dict[str, str] | None = None  # anchor -> page label
    chapters: dict[str, int] | None = None  # chapter id -> number
    #: Sub-entries (ids) that open a left-hand page in print: their entry's heading is repeated over them,
    #: "(continued)", as Chicago has it (16.142), so that the reader turning the page knows whose they are.
    continued: frozenset[str] = frozenset()

    def locators(self, locators: list[IndexLocator]) -> list[Locator]:
        if self.pages is not None:
            return page_locators(locators, self.pages)
        return chapter_locators(locators, self.chapters or {})


def linked_anchors(book: Book, view: IndexView) -> set[str]:
    """Every anchor the index links to: the spans the EPUB must write (print writes them all)."""
    out: set[str] = set()
    for entry in book.index:
        for heading in entry.headings():
            if heading is entry and not entry.own_locators:
                continue
            for locator in view.locators(heading.locators):
                out.add(locator.first)
                if locator.last:
                    out.add(locator.last)
    return out


def _locator_html(locator: Locator, view: IndexView) -> str:
    if locator.last is None:
        return f'<a epub:type="index-locator" href="{html.escape(view.href(locator.first))}">{locator.label}</a>'
    first, last = locator.label.split(DASH)
    return (f'<span epub:type="index-locator-range" class="locator-range"><a href="{html.escape(view.href(locator.first))}">{first}</a>'
            f'{DASH}<a href="{html.escape(view.href(locator.last))}">{last}</a></span>')


def _xref(kind: str, lead: str, targets: list[IndexEntry]) -> str:
    """A cross-reference; several targets in alphabetical order, as Chicago files them (16.22)."""
    targets = sorted(targets, key=lambda t: t.sort_key)
    links = "; ".join(f'<a epub:type="index-term" href="#{ids.index_entry_id(t.id)}">{heading_html(t.heading)}</a>'
                      for t in targets)
    lead = lead.replace(" ", "\u00a0")  # "See also" never parted, nor parted from what it names
    return f'<span epub:type="index-xref-{kind}" class="xref"><i>{lead}</i>\u00a0{links}</span>'


_ITALICS = re.compile(r"\*([^*]+)\*")


def heading_html(heading: str) -> str:
    """A heading as printed: *asterisks* set a work's title in italics."""
    return _ITALICS.sub(r'<i>\1</i>', html.escape(heading))


def _item(entry, locators: list[Locator], view: IndexView) -> str:
    """The term and its locators: the start of an <li>."""
    term = f'<span epub:type="index-term">{heading_html(entry.heading)}</span>'
    return term + "".join(", " + _locator_html(x, view) for x in locators)


def _entry(entry: IndexEntry, view: IndexView, shown: dict[str, IndexEntry]) -> str:
    """One entry as an <li>, or "" when it would list nothing."""
    own = view.locators(entry.locators) if entry.own_locators else []
    subs = [(_continued(entry, sub) if sub.id in view.continued else "")
            + f'<li id="{ids.index_entry_id(sub.id)}">{_item(sub, found, view)}</li>'
            for sub in entry.subentries if (found := view.locators(sub.locators))]
    parts = [_item(entry, own, view)]
    if entry.see:
        targets = [shown[r] for r in entry.see if r in shown]
        if not targets:
            return ""
        parts.append(", " + _xref("preferred", "see", targets))
    elif not own and not subs:
        return ""
    related = [shown[r] for r in entry.see_also if r in shown]
    if related:
        parts.append(". " + _xref("related", "See also", related))
    if subs:
        parts.append(f'<ul>{"".join(subs)}</ul>')
    return f'<li id="{ids.index_entry_id(entry.id)}">{"".join(parts)}</li>'


def _continued(entry: IndexEntry, sub) -> str:
    """The entry's heading again at the head of a left-hand page its sub-entries run on to."""
    return (f'<li id="{ids.index_entry_id(sub.id)}-continued" class="continued" aria-hidden="true">'
            f'{heading_html(entry.heading)} <i>(continued)</i></li>')


def _lists_something(entry: IndexEntry, view: IndexView) -> bool:
    return bool((entry.own_locators and view.locators(entry.locators))
                or any(view.locators(s.locators) for s in entry.subentries))


def group_letter(entry: IndexEntry) -> str:
    first = entry.sort_key[:1].upper()
    return first if first.isalpha() else "#"


#: Print's own: its pages need no saying whose they are. The e-book's begins with the same words, so that
#: the page list's marker before them stands where print's page begins.
HEADNOTE_PRINT = "A range (47{dash}49) is a name found on each of those pages."
HEADNOTE_PAGES = HEADNOTE_PRINT + " The page numbers are those of the print edition; each leads to the place it names."
HEADNOTE_CHAPTERS = ("This e-book was made without the print edition’s page numbers: each reference leads to "
                     "the first place a chapter names the subject.")


def render_index(book: Book, view: IndexView, headnote: str | None = None) -> str:
    """The index, with its heading (both editions)."""
    # Entries that would list nothing are left out, and so are references to them ("see" first:
    # an entry whose only target is gone goes too).
    listing = {e.id: e for e in book.index if _lists_something(e, view)}
    shown = {**listing, **{e.id: e for e in book.index if any(r in listing for r in e.see)}}
    groups: dict[str, list[str]] = {}
    for entry in book.index:
        item = _entry(entry, view, shown) if entry.id in shown else ""
        if item:
            groups.setdefault(group_letter(entry), []).append(item)
    if headnote is None:
        headnote = (HEADNOTE_PAGES if view.pages is not None else HEADNOTE_CHAPTERS).format(dash=DASH)
    # The heading stands outside the index proper: a document holding nothing but an index must say
    # so on its <body>, where no ARIA role may go (and DAISY Ace wants the role doc-index).
    out = ['<div id="index" class="index">', '<h2 id="index-title">Index</h2>',
           '<section epub:type="index" role="doc-index" aria-labelledby="index-title">',
           f'<header epub:type="index-headnotes" class="index-headnotes"><p>{html.escape(headnote)}</p></header>',
           '<div class="index-body">']  # the groups in a block of their own, which print sets in two columns
    for letter, items in groups.items():
        gid = f"index-group-{letter.lower() if letter.isalpha() else 'other'}"
        out.append(f'<section epub:type="index-group" id="{gid}" aria-labelledby="{gid}-title">'
                   f'<h3 id="{gid}-title">{html.escape(letter)}</h3><ul>{"".join(items)}</ul></section>')
    out.append("</div></section></div>")
    return "\n".join(out)
