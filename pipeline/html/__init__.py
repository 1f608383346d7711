"""Saved web pages as seeds: the page's blocks become the cleaner's units, with the markup's evidence.

`read_html_seed` is the HTML counterpart of `read.read_text_seed`: it reads and parses
the page (`source.py`), walks its body into blocks with inline marks
(`walk.py`), finds its images in the page's own folder (`images.py`) and what it
says about its article (`facts.py`), and hands the cleaner units that carry a
`Markup`. From there the same stages clean text and HTML seeds alike.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..clean.outside import FURNITURE_WORDS
from ..clean.units import Markup, Unit
from ..model import LINE_BREAK, Figure, MarkKind, Text
from . import stated_body
from .archive import is_archive, read_archive
from .facts import PageFacts, page_facts
from .footnotes import number_endnotes
from .images import ImageFolder, files_folder
from .source import HtmlSource, is_html_seed, parse_page, read_page_bytes, unclosed_comment
from .walk import RawBlock, walk

__all__ = ["HtmlSource", "is_html_seed", "read_html_seed", "PageFacts"]

_PROSE_WORDS = 12


def read_html_seed(path: Path) -> HtmlSource:
    data = read_page_bytes(path)
    archive = read_archive(data, path) if is_archive(path) else None
    if archive is not None:
        data = archive.html
    root = parse_page(data, path, archive.charset if archive else None)
    facts = page_facts(root)
    folder = files_folder(path)
    images = ImageFolder(folder if folder.is_dir() and archive is None else None,
                         archived=archive.pictures if archive else None, base=archive.location if archive else "")
    elements: dict = {}
    number_endnotes(root)
    raw = walk(root, facts.url or "", images, elements)
    stated = stated_body.shows_too_little(raw, facts.article_body)
    line = stated_body.stating_line(root) if stated else 0
    units = stated_body.stated_units(facts.title, facts.article_body, line) if stated else \
        _units(_merge_figures(raw), facts, elements)
    lines = tuple(u.text.replace(LINE_BREAK, " ") or (u.markup.figure.name if u.markup.figure else "") for u in units)
    comment = unclosed_comment(data)
    unsourced = images.unsourced_warning()
    warnings = tuple(images.warnings) + ((unsourced,) if unsourced else ()) + ((comment,) if comment else ()) \
        + (((line, stated_body.WARNING),) if stated else ())
    return HtmlSource(path, lines, 0, tuple(units), facts, warnings,
                      folder if folder.is_dir() else None)


def _merge_figures(blocks: list[RawBlock]) -> list[RawBlock]:
    """An image and the caption its <figure> (or the caption line under it) gives become one block."""
    out: list[RawBlock] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is not None and last.image is not None and not last.text and _captions(block, last):
            last.text, last.marks = block.text, block.marks
            last.link_chars = block.link_chars
            continue
        out.append(block)
    return out


def _captions(block: RawBlock, image: RawBlock) -> bool:
    if block.image is not None or not block.text:
        return False
    if image.figure_id and block.figure_id == image.figure_id:
        return block.in_caption or block.element == "figcaption"
    return bool({"caption", "figcaption", "credit"} & block.own_words) and len(block.text.split()) <= 60


def _content_container(blocks: list[RawBlock]) -> set[int]:
    """Elements that hold the page's densest run of paragraphs: the deepest element holding at
    least 70 % of its prose words (the readability idea, as one plain count). Paragraphs the page
    marks as furniture (a comment thread, a disclaimer) are not counted: a long thread under a short
    story is not the page's article."""
    totals: Counter = Counter()
    depth: dict[int, int] = {}
    words_all = 0
    for block in blocks:
        words = len(block.text.split())
        if words < _PROSE_WORDS or block.link_chars > 0.3 * max(1, len(block.text)) \
                or block.own_words & FURNITURE_WORDS:
            continue
        words_all += words
        for level, element in enumerate(block.path):
            totals[element] += words
            depth[element] = level
    if not words_all:
        return set()
    best = max((e for e, w in totals.items() if w >= 0.7 * words_all), key=lambda e: depth[e], default=None)
    return {best} if best is not None else set()


def _jumps(block: RawBlock, url: str | None) -> bool:
    """A block that is one link, or several, to places on the page itself (a table of contents' entry, "Back to
    top", "Jump to recipe"); not a heading, which pages link to itself for its readers to copy its address."""
    if not url or block.heading or not block.text.strip():
        return False
    page = url.split("#")[0]
    links = [m for m in block.marks if m.kind is MarkKind.LINK]
    covered = sum(m.end - m.start for m in links)
    return bool(links) and all(m.ref.startswith(page + "#") for m in links) \
        and covered >= len("".join(block.text.split())) * 0.9


def _other_articles(blocks: list[RawBlock], elements: dict[int, str]) -> set[int]:
    """The page's outermost <article> elements but the one that holds the most words: on a page that has
    several, the others are stories of their own (teasers, the next post, a list of posts)."""
    words: Counter = Counter()
    for block in blocks:
        for element in block.path:
            words[element] += len(block.text.split())
    tops = {next((e for e in b.path if elements.get(e) == "article"), None) for b in blocks}
    tops.discard(None)
    if len(tops) < 2:
        return set()
    main = max(tops, key=lambda e: words[e])
    return tops - {main}


def _units(blocks: list[RawBlock], facts: PageFacts, elements: dict[int, str] | None = None) -> list[Unit]:
    container = _content_container(blocks)
    elements = elements or {}
    others = _other_articles(blocks, elements)
    units: list[Unit] = []
    for number, block in enumerate(blocks, start=1):
        figure = None
        if block.image is not None:
            image = block.image
            figure = Figure(image.src, image.file, image.alt, Text(block.text, list(block.marks)) if block.text
                            else None, width=image.width, height=image.height)
        markup = Markup(
            element=block.element, source_line=block.source_line, landmarks=block.landmarks,
            heading=block.heading, list_id=block.list_id, ordered=block.ordered, quote_id=block.quote_id,
            link_share=min(1.0, block.link_chars / max(1, len(block.text))), words=block.words,
            own_words=block.own_words, in_content=bool(container & set(block.path)), figure=figure,
            rows=block.rows, header_rows=block.header_rows, caption=block.caption,
            other_article=bool(others & set(block.path)), jump=_jumps(block, facts.url))
        marks = tuple(block.marks) if figure is None else ()
        units.append(Unit(line=number, text=block.text, group=number, last_line=number,
                          marks=marks, markup=markup))
    return units

