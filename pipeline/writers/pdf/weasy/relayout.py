"""A changed layout made again from the first page the change touches, the other pages kept.

The print finish tries a chapter again and again with a few paragraphs changed: a word kept
whole where hyphens stacked, a paragraph set a touch looser to fill a page. Each change is to a
paragraph's letters or spacing, never to the shape of the document, so the box tree of the new
document has the old one's shape and WeasyPrint's record of each page break (`context.page_maker`:
where the page's content resumes in the tree, and its counters and page groups) holds for it up
to the first changed paragraph. WeasyPrint uses that record itself to make again only the pages
a counter changed; here a layout starts from the earlier layout's record, with the pages that
hold a changed paragraph marked as changed, and WeasyPrint makes those pages and the pages after
them until the new layout is back in step with the old (a page that resumes where the old one
did, in the same state), then keeps the old pages. The result is the layout a full render of
the new document gives (the tests compare them); a chapter's trial costs its changed pages.

Three things are carried over by hand: the kept pages' types are styled in the new document, the footnotes already laid out on the kept pages before
the first changed one are taken off the new document's waiting list, and a page is only started
from if no footnote or broken float was carried over to it (else an earlier page is).

`recording` is the patch on `weasyprint.layout.make_all_pages` that notes each layout's pages
as they come out (before their margin boxes are added) and, inside `resuming`, seeds them.
"""

from __future__ import annotations

import copy
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawPage:
    """One laid-out page as pagination left it (margin boxes are added to a copy of it later)."""

    page: object
    children: tuple
    root_children: list
    notes: int  # footnotes laid out in its footnote area
    carries: bool  # a footnote or broken float goes on to the next page


@dataclass
class Pagination:
    """A layout's pages before their margin boxes, WeasyPrint's page-break record, and the
    document order of every element its pages show (for telling old and new boxes of one element)."""

    pages: list[RawPage]
    page_maker: list
    order: dict[int, int] = field(default_factory=dict)  # id(element) -> its place in the document

    def start(self, changed: set[int]) -> int:
        """The page to make again from: the first changed one, or the nearest before it that
        nothing was carried over to."""
        first = min(changed)
        while first > 0 and self.pages[first - 1].carries:
            first -= 1
        return first


@dataclass
class _Resume:
    pagination: Pagination
    changed: set[int]


_resume: _Resume | None = None
_last: Pagination | None = None


@contextmanager
def resuming(pagination: Pagination, changed: set[int]):
    """While the block runs, a layout starts from `pagination`'s record, the pages in `changed`
    (indices) made again (a change on the first page too: the pages after it are kept once the
    layout is back in step)."""
    global _resume
    if not changed:
        yield
        return
    _resume = _Resume(pagination, set(changed))
    try:
        yield
    finally:
        _resume = None
        _margins.clear()


def taken() -> Pagination | None:
    """The pagination of the last layout made in this process (taken once)."""
    global _last
    found, _last = _last, None
    return found


def recording(original, **_context):
    """The replacement for `make_all_pages`: noting the pages made, and seeding them inside `resuming`."""

    def make_all_pages(context, root_box, html, pages):
        resume = _resume
        order = _document_order(html)
        if resume is not None and not pages:
            pages = _seed(context, html, resume)
            order = {**resume.pagination.order, **order}
        given = {id(page): k for k, page in enumerate(pages)}
        recorded = []
        for page in original(context, root_box, html, pages):
            root = page.children[0]
            if id(page) in given and resume is not None:
                carries = resume.pagination.pages[given[id(page)]].carries
            else:
                carries = bool(context.reported_footnotes or context.broken_out_of_flow)
            recorded.append(RawPage(page, page.children, list(root.children), len(page.children[1].children),
                                    carries))
            yield page
        global _last
        _last = Pagination(recorded, list(context.page_maker), order)

    return make_all_pages


def _seed(context, html, resume: _Resume) -> list:
    """Copies of the old layout's pages to pass for the ones kept, with the record of page breaks
    seeded, the footnotes of the pages before the first one made again taken off the waiting list,
    and the kept pages' types styled in the new document (WeasyPrint styles a page type, and its
    margin boxes, as it makes a page of it)."""
    from weasyprint.layout.page import set_page_type_computed_styles

    old = resume.pagination
    for page_type in {raw.page.page_type: None for raw in old.pages}:
        set_page_type_computed_styles(page_type, html, context.style_for)
    first = old.start(resume.changed)
    remade = {k for k in resume.changed if k >= first} | {first}
    context.page_maker = [(resume_at, next_page, right_page, page_state,
                           {"content_changed": k in remade, "pages_wanted": False, "anchors": [],
                            "content_lookups": []})
                          for k, (resume_at, next_page, right_page, page_state, _) in enumerate(old.page_maker)]
    laid_out = sum(raw.notes for raw in old.pages[:first])
    del context.footnotes[:laid_out]
    return [_fresh_copy(raw) for raw in old.pages]


def _fresh_copy(raw: RawPage):
    """The page as pagination left it, as a new box (the old one keeps its margin boxes, which the
    copy takes over: the same page at the same place in the chapter)."""
    page = copy.copy(raw.page)
    root = copy.copy(raw.children[0])
    root.children = list(raw.root_children)
    page.children = (root, *raw.children[1:])
    _margins[id(page)] = [box for box in raw.page.children if box not in raw.children]
    return page


#: The margin boxes of each kept page copy (by id), while a layout that keeps pages runs.
_margins: dict[int, list] = {}


def keeping_margins(original, **_context):
    """The replacement for `make_margin_boxes`: a kept page's own margin boxes (its running head and
    folio, which only its place in the chapter decides), the others made by WeasyPrint."""

    def make_margin_boxes(context, page, state):
        kept = _margins.get(id(page))
        return iter(kept) if kept is not None else original(context, page, state)

    return make_margin_boxes


def keeping_backgrounds(original, **_context):
    """The replacement for `layout_backgrounds`: a kept page's boxes keep the backgrounds the earlier
    layout gave them (the same boxes, styles and page: laying them out again gives the same), the
    others laid out by WeasyPrint."""

    def layout_backgrounds(page, get_image_from_uri):
        if id(page) not in _margins:
            original(page, get_image_from_uri)

    return layout_backgrounds


def _document_order(html) -> dict[int, int]:
    return {id(element): k for k, element in enumerate(html.etree_element.iter())}
