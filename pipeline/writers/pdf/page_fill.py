"""Full pages that end on the text block's last line: a short page filled by loosening a paragraph on it.

A page of running text ends short when what follows cannot begin in the lines left: a heading
kept with its first lines, a paragraph whose widows or orphans would be broken. A compositor
fills the gap by setting a paragraph of that page a touch looser, so that it runs one line
longer; each such paragraph takes up one line of the gap, and, on a page short by more than a
line, so does one on the three pages before, whose gained line moves on into it. (A page left short because the next
line's note would not fit under it is mended the other way: a few paragraphs on it set a touch
tighter, each a line shorter, may make room for that line and its note: `to_tighten`.) The
writer does the same after a chapter is laid out (on the fast path, which can see the lines): for each page short by some
lines, as many paragraphs ending on it that loosening should make a line longer (`carried`; and
on the page before a chapter's last page of fewer than five lines, as many as that page lacks),
set with the `loose` class (print.css: a little more word and letter spacing). A trial is kept
only if the chapter's pages end shorter by less than before, its notes and hyphenation still
right; one for several pages that is not is tried again in parts, the page whose change moved
the pages after it (`moving`) on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...render.xhtml import text_key

#: The body line (print.css), and the fewest lines a paragraph loosened must have.
LINE = 13.8
MIN_LINES = 3
#: What loosening (print.css `.loose`) carries on to a paragraph's last line from each of its other
#: lines, as a share of a line. Measured on chapter 3's short pages, each paragraph of three lines
#: or more loosened alone: with its last line's fill plus this for every other line at 0.95 to 1.75,
#: 17 of 22 ran a line longer; at 0.8 to 0.95, 2 of 12; below 0.8, none of 24. (A last line 0.6 full,
#: the rule before, took 14 of 21 and missed 6: twelve lines ending 0.33 full run on, five ending
#: 0.89 full did not.)
LOOSE_GAIN = 0.06
#: A paragraph is loosened for one line where its last line's fill plus that gain comes to at least
#: CARRIES (it may run a line longer; the surest are tried first) and less than TWO_LINES (it should
#: not run two).
CARRIES, TWO_LINES = 0.8, 1.75
#: What tightening gains on each line of a paragraph (print.css `.tight`: about 4 % of a line): a
#: paragraph's last line is taken back when it is no fuller than that times its other lines.
TIGHT_GAIN = 0.04
#: Paragraphs tightened on one page, at most.
TIGHTENED = 3
#: Trials per chapter, at most (a trial for several pages that is not kept is tried again in parts): twelve, or
#: one for every PAGES_PER_TRIAL pages of a longer chapter, which has more short pages to fill.
PASSES = 12
PAGES_PER_TRIAL = 2
#: Short pages tried together, at most: a trial for more is split into groups of this many before it is
#: laid out. Trials of a long chapter's twenty pages at once were rarely kept (a page that moves the rest
#: spoils them) and cost a layout of the whole chapter each; in threes chapter 3 fills as well in 27 trials,
#: and the fresh PDF build took 33.9 s instead of 52.7 s.
GROUP = 3


def in_groups(pages) -> list[frozenset[int]]:
    """Short pages in the groups of at most GROUP that trials take one at a time, in page order."""
    pages = sorted(pages)
    return [frozenset(pages[k:k + GROUP]) for k in range(0, len(pages), GROUP)]


def passes(pages: int) -> int:
    """The trials a chapter of this many pages gets."""
    return max(PASSES, pages // PAGES_PER_TRIAL)


#: The most justification may add to a word space of a paragraph loosened or tightened, in ems: setting a
#: paragraph a touch looser must not leave a line of it spaced out where its last word was carried down
#: whole ("democracy,   against   bureaucratism   and   for   proletarian" over "internationalism.", 1.37 em).
#: The widest line of the reader as greedy breaking sets it takes 0.93 em. At 0.8 the fill lost trials that
#: had filled a page (p146 went eleven lines short for want of a line of 0.96 em); at 1.0 only that one goes.
SPREAD = 1.0


def spread(paragraphs, changed) -> set[str]:
    """The paragraphs of `changed` (text_key) with a line, not their last, spaced wider than SPREAD."""
    return {key for paragraph in paragraphs if (key := text_key(paragraph.text)) in changed
            and any(line.spacing > SPREAD for line in paragraph.lines[:-1])}


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


def to_loosen(paragraphs, rooms, tried: set[str], only: frozenset[int] | None = None) -> set[str]:
    """Paragraphs (by text_key) to set looser (`loosen_by_page`, all pages together)."""
    return _together(loosen_by_page(paragraphs, rooms, tried, only))


def loosen_by_page(paragraphs, rooms, tried: set[str], only: frozenset[int] | None = None) -> dict[int, set[str]]:
    """Short page -> paragraphs (by text_key) to set looser for it: for each short page (of `only`,
    if given), up to as many as it has empty lines, of those ending on it that loosening should make
    a line longer, the surest first, then of those on the pages before it (their gained lines move on
    into it); and on the page before a last page of fewer than LAST_PAGE_LINES lines, as many as it
    lacks."""
    chosen: dict[int, set[str]] = {}
    taken: set[str] = set()
    wanted = dict(short_pages(rooms))
    if lacking_on_last_page(rooms) and rooms[-2].number not in wanted:
        # lines pushed over to the last page, once the page before has filled its own room
        wanted[rooms[-2].number] = lacking_on_last_page(rooms) + int((rooms[-2].room + 0.5) // LINE)
    for page, lines in wanted.items():
        if only is not None and page not in only:
            continue
        for paragraph in _loosenable(paragraphs, _feeding(page, wanted, lines)):
            key = text_key(paragraph.text)
            if key and key not in tried and key not in taken:
                taken.add(key)
                chosen.setdefault(page, set()).add(key)
                lines -= 1
                if lines == 0:
                    break
    return chosen


def _together(by_page: dict[int, set[str]]) -> set[str]:
    return {key for keys in by_page.values() for key in keys}


def _feeding(page: int, wanted: dict[int, int], lines: int) -> list[int]:
    """The pages whose added lines reach `page`: itself, then the pages before it (up to LOOKBACK
    for a page short by more than a line, one for a page a line short), as far as a page with room
    of its own (which would take them). A page a line short takes its line from the page before only
    once its own paragraphs are spent (each trial takes the first of them): a line gained there runs
    on into it (in chapter 3 the only remedy for a page whose own paragraphs had no line to give)."""
    pages = [page]
    for before in range(page - 1, page - 1 - (LOOKBACK if lines > 1 else 1), -1):
        if before in wanted:
            break
        pages.append(before)
    return pages


def carried(paragraph) -> float:
    """How far past its measure loosening should push a paragraph's last line, in lines: its fill
    now, and LOOSE_GAIN from each of its other lines."""
    return paragraph.lines[-1].fill + LOOSE_GAIN * (len(paragraph.lines) - 1)


def _loosenable(paragraphs, pages: list[int]) -> list:
    """Paragraphs ending on `pages` that loosening should make one line longer (not two): those on
    the first page first, the surest first."""
    order = {page: rank for rank, page in enumerate(pages)}
    ending = [p for p in paragraphs if p.lines and p.lines[-1].page in order and len(p.lines) >= MIN_LINES
              and CARRIES <= carried(p) < TWO_LINES]
    return sorted(ending, key=lambda p: (order[p.lines[-1].page], -carried(p)))


def to_tighten(paragraphs, rooms, tried: set[str], only: frozenset[int] | None = None) -> set[str]:
    """Paragraphs (by text_key) to set tighter (`tighten_by_page`, all pages together)."""
    return _together(tighten_by_page(paragraphs, rooms, tried, only))


def tighten_by_page(paragraphs, rooms, tried: set[str], only: frozenset[int] | None = None) -> dict[int, set[str]]:
    """Short page -> paragraphs (by text_key) to set tighter for it, each then a line shorter: on a
    page short by more than a line because the next one opens with a line whose note would not fit
    under it (the next page has notes), up to TIGHTENED of those wholly on it, which may make room
    for that line and its note; on a page short by one line, the paragraph running on to the next
    page, which then ends on it. Only paragraphs whose last line tightening can take back, the
    emptiest first; only for the pages in `only`, if given."""
    chosen: dict[int, set[str]] = {}
    following = {room.number: rooms[k + 1] for k, room in enumerate(rooms[:-1])}
    for page, lines in short_pages(rooms).items():
        if only is not None and page not in only:
            continue
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
                chosen.setdefault(page, set()).add(key)
    return chosen


def moving(pages: list[int], before: list, after: list) -> int | None:
    """Of the short pages a trial was for (`pages`), the one whose change moved the pages after it,
    from where each page began before and after the trial: a page filled from its own paragraphs, or
    from the page before's, still ends where it did, so the first page that begins elsewhere, but a
    short page itself (its line may come from the page before), lies after the change that reached
    on. The last of `pages` before it; None if no page moved, or only before them."""
    for number, start in enumerate(after):
        if (number >= len(before) or start != before[number]) and number not in pages:
            earlier = [page for page in pages if page < number]
            return earlier[-1] if earlier else None
    return None
