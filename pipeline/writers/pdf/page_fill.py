"""Full pages that end on the text block's last line: a short page filled by loosening a paragraph on it.

A page of running text ends short when what follows cannot begin in the lines left: a heading
kept with its first lines, a paragraph whose widows or orphans would be broken. A compositor
fills the gap by setting a paragraph of that page a touch looser, so that it runs one line
longer; each such paragraph takes up one line of the gap, and, on a page short by more than a
line, so does one on the three pages before, whose gained line moves on into it. (A page left short because the next
line's note would not fit under it is mended the other way: a few paragraphs on it set a touch
tighter, each a line shorter, may make room for that line and its note: `to_tighten`.) The
writer does the same after a chapter is laid out (on the fast path, which can see the lines): for each page short by some
lines, as many paragraphs ending on it with a nearly full last line (and on the page before a
chapter's last page of fewer than five lines, as many as that page lacks), set with the `loose`
class (print.css: a little more word and letter spacing). A trial is kept only if the
chapter's pages end shorter by less than before, its notes and hyphenation still right.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...render.xhtml import text_key

#: The body line (print.css), and how full a paragraph's last line must be for loosening it to
#: carry a word over (about 5 % of a line gained on each of its other lines).
LINE = 13.8
NEARLY_FULL = 0.6
MIN_LINES = 3
#: What tightening gains on each line of a paragraph (print.css `.tight`: about 4 % of a line): a
#: paragraph's last line is taken back when it is no fuller than that times its other lines.
TIGHT_GAIN = 0.04
#: Paragraphs tightened on one page, at most.
TIGHTENED = 3
#: Trials per chapter, at most.
PASSES = 6
#: Pages before a short one whose paragraphs may be loosened for it: the lines they gain move on
#: into it (where its own paragraphs cannot fill it, as when the next line's note will not fit).
LOOKBACK = 3


#: The fewest lines a chapter's last page should hold.
LAST_PAGE_LINES = 5


@dataclass(frozen=True)
class Shortness:
    """How short a layout's full pages end (pages short by more than a line weigh most), and how
    many lines its last page lacks."""

    over_a_line: int
    lines: int
    last_page: int = 0

    def __lt__(self, other: "Shortness") -> bool:
        return (self.over_a_line, self.lines + self.last_page) < (other.over_a_line, other.lines + other.last_page)


def short_pages(rooms) -> dict[int, int]:
    """Page number -> whole lines left empty, for the pages of running text that end short: not the
    last page (it ends the chapter), nor one whose notes fill its foot."""
    short = {}
    for room in rooms[:-1]:
        lines = int((room.room + 0.5) // LINE)
        if lines >= 1 and not room.notes:
            short[room.number] = lines
    return short


def lacking_on_last_page(rooms) -> int:
    """Lines the last page lacks of LAST_PAGE_LINES (0 for a chapter of one page)."""
    if len(rooms) < 2:
        return 0
    return max(0, LAST_PAGE_LINES - rooms[-1].lines)


def shortness(rooms) -> Shortness:
    short = short_pages(rooms)
    return Shortness(sum(1 for lines in short.values() if lines > 1), sum(short.values()),
                     lacking_on_last_page(rooms))


def to_loosen(paragraphs, rooms, tried: set[str]) -> set[str]:
    """Paragraphs (by text_key) to set looser: for each short page, up to as many as it has
    empty lines, of those ending on it with a nearly full last line, the fullest first, then of
    those on the pages before it (their gained lines move on into it); and on the page before a
    last page of fewer than LAST_PAGE_LINES lines, as many as it lacks."""
    chosen: set[str] = set()
    wanted = dict(short_pages(rooms))
    if lacking_on_last_page(rooms) and rooms[-2].number not in wanted:
        # lines pushed over to the last page, once the page before has filled its own room
        wanted[rooms[-2].number] = lacking_on_last_page(rooms) + int((rooms[-2].room + 0.5) // LINE)
    for page, lines in wanted.items():
        pages = _feeding(page, wanted) if lines > 1 else [page]
        for paragraph in _loosenable(paragraphs, pages):
            key = text_key(paragraph.text)
            if key and key not in tried and key not in chosen:
                chosen.add(key)
                lines -= 1
                if lines == 0:
                    break
    return chosen


def _feeding(page: int, wanted: dict[int, int]) -> list[int]:
    """The pages whose added lines reach `page`: itself, then up to LOOKBACK pages before it, as
    far as a page with room of its own (which would take them). Looked for only for a page short
    by more than a line: one line a page's own paragraphs nearly always fill, and every paragraph
    loosened moves the pages after it."""
    pages = [page]
    for before in range(page - 1, page - 1 - LOOKBACK, -1):
        if before in wanted:
            break
        pages.append(before)
    return pages


def _loosenable(paragraphs, pages: list[int]) -> list:
    """Paragraphs ending on `pages` whose nearly full last line loosening carries over: those on
    the first page first, the fullest first."""
    order = {page: rank for rank, page in enumerate(pages)}
    ending = [p for p in paragraphs if p.lines and p.lines[-1].page in order and len(p.lines) >= MIN_LINES
              and p.lines[-1].fill >= NEARLY_FULL]
    return sorted(ending, key=lambda p: (order[p.lines[-1].page], -p.lines[-1].fill))


def to_tighten(paragraphs, rooms, tried: set[str]) -> set[str]:
    """Paragraphs (by text_key) to set tighter, each then a line shorter: on a page short by more
    than a line because the next one opens with a line whose note would not fit under it (the next
    page has notes), up to TIGHTENED of those wholly on it, which may make room for that line and
    its note; on a page short by one line, the paragraph running on to the next page, which then
    ends on it. Only paragraphs whose last line tightening can take back, the emptiest first."""
    chosen: set[str] = set()
    following = {room.number: rooms[k + 1] for k, room in enumerate(rooms[:-1])}
    for page, lines in short_pages(rooms).items():
        if lines >= 2 and following[page].notes:
            found = [p for p in paragraphs if len(p.lines) >= 2 and all(line.page == page for line in p.lines)]
        elif lines == 1:
            found = [p for p in paragraphs if len(p.lines) >= MIN_LINES and p.lines[0].page == page
                     and p.lines[-1].page == page + 1]
        else:
            continue
        found = sorted((p for p in found if p.lines[-1].fill <= TIGHT_GAIN * (len(p.lines) - 1)),
                       key=lambda p: p.lines[-1].fill)
        for paragraph in found[:TIGHTENED]:
            key = text_key(paragraph.text)
            if key and key not in tried:
                chosen.add(key)
    return chosen
