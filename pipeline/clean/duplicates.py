"""Paragraphs the page shows twice.

Multi-part pages repeat a part's summary above its heading and again as its
first paragraph; galleries repeat captions. One copy is article text, the
other is furniture: the copy standing directly above a heading is the teaser, and
so is a copy in a run of lines the page repeats (a table of contents lists the
headings that stand, each above its own paragraphs, further down); otherwise the
later copy goes. A line of a short block that every entry of a list repeats (a
credit and an appeal under each of a page's webcams, a warm-up under each day of a
training plan) keeps its copy in each entry, when every copy looks like a teaser or
there are three copies or more: a teaser and its paragraph come in pairs. A table of contents inside the article
(its entries standing again below, in order, as the headings of their sections)
goes whole, its entries of any length. A short line that repeats the words after the colon of the line above it
is a card's name under its entry, and goes.
"""

from __future__ import annotations

import re

from .features import ends_sentence, is_heading_like, word_count
from .units import Event, Role, StageResult, Unit, dropped

STAGE = "duplicates"
_MIN_WORDS = 8  # short lines ("Read more", a repeated heading) repeat legitimately
_FOLD = re.compile(r"\W+")


def _key(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def drop_duplicates(units: list[Unit]) -> StageResult:
    seen: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if unit.role is Role.BODY and word_count(unit.text) >= _MIN_WORDS:
            seen.setdefault(_key(unit.text), []).append(i)
    repeated = _repeated_lines(units)
    drop: set[int] = set()
    for indexes in seen.values():
        if len(indexes) < 2:
            continue
        teaser = [i for i in indexes if _stands_above_heading(units, i) or _in_repeated_run(units, i, repeated)]
        if not teaser and _in_own_entries(units, indexes):
            continue
        list_like = len(teaser) == len(indexes) or len(indexes) >= _LIST_COPIES
        if list_like and _in_entries_block(units, indexes, repeated):
            continue
        keep = next((i for i in indexes if i not in teaser), indexes[0])
        drop.update(i for i in indexes if i != keep and not units[i].keep and not units[i].pinned)
    contents = _contents_entries(units) - drop
    echoes = {i for i in range(1, len(units)) if _echoes_line_above(units, i)} - drop - contents
    events: list[Event] = []
    kept: list[Unit] = []
    for i, unit in enumerate(units):
        if i in contents:
            events.append(dropped(STAGE, "contents-list", unit))
        elif i in echoes:
            events.append(dropped(STAGE, "name-echo", unit))
        elif i in drop:
            events.append(dropped(STAGE, "duplicate-paragraph", unit))
        else:
            kept.append(unit)
    return StageResult(kept, events)


_ECHO_WORDS = 8  # a product's or a pick's name, not a sentence


def _echoes_line_above(units: list[Unit], i: int) -> bool:
    """A short line that says again what the line above says after its colon: a product card's name under its
    entry ("4. Best integrated system: Fenwick Flux 1L" over "Fenwick Flux 1L"), a pick's label under its name
    ("Mayflower: Best for full-service moves"); the seven such lines of the development set are all debris."""
    unit, above = units[i], units[i - 1]
    if unit.keep or unit.pinned or unit.role is not Role.BODY or not 1 <= word_count(unit.text) <= _ECHO_WORDS:
        return False
    _label, colon, tail = above.text.partition(":")
    if not colon or ends_sentence(above.text):
        return False  # "Next up: 5. Ajazz AK820 Pro Specs." over that section's heading: a sentence points to it
    return _key(tail) == _key(unit.text) != ""


def _stands_above_heading(units: list[Unit], i: int) -> bool:
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and (nxt.role is Role.HEADING or is_heading_like(nxt.text))


def _repeated_lines(units: list[Unit]) -> set[str]:
    """The keys of article lines, of any length, that the page shows more than once."""
    counts: dict[str, int] = {}
    for unit in units:
        if unit.role is Role.BODY and unit.text:
            counts[_key(unit.text)] = counts.get(_key(unit.text), 0) + 1
    return {key for key, n in counts.items() if n > 1}


def _in_repeated_run(units: list[Unit], i: int, repeated: set[str]) -> bool:
    """A copy next to another repeated line is one entry of a list of them (contents, teasers)."""
    return any(0 <= j < len(units) and units[j].role is Role.BODY and _key(units[j].text) in repeated
               for j in (i - 1, i + 1))


def _in_own_entries(units: list[Unit], indexes: list[int]) -> bool:
    """Each copy is a line of its own entry: the lines just above the copies all differ, and so do
    the lines just below (a tour's "Included services" paragraph, shared by two tours of a list)."""
    above = [_key(units[i - 1].text) if i > 0 else "" for i in indexes]
    below = [_key(units[i + 1].text) if i + 1 < len(units) else "" for i in indexes]
    far = all(b - a > 2 for a, b in zip(indexes, indexes[1:]))
    return far and len(set(above)) == len(above) and len(set(below)) == len(below)


_BLOCK = 4  # lines, at most, of a block that each entry of a list repeats
_LIST_COPIES = 3  # copies that make a line a list's own whichever looks like a teaser (a teaser comes in a pair)


def _in_entries_block(units: list[Unit], indexes: list[int], repeated: set[str]) -> bool:
    """Each copy is a line of a short block that every entry of a list repeats (a webcam's credit and
    appeal under each view, a product's pros): the copies stand apart and none lies in a run of more
    than a few repeated lines. A copy of the whole article, or a table of contents, is a long run."""
    far = all(b - a > 2 for a, b in zip(indexes, indexes[1:]))
    return far and all(_repeated_run(units, i, repeated) <= _BLOCK for i in indexes)


def _repeated_run(units: list[Unit], i: int, repeated: set[str]) -> int:
    """How many lines the page repeats stand together around line i, itself included."""
    def repeats(j: int) -> bool:
        return 0 <= j < len(units) and units[j].role is Role.BODY and _key(units[j].text) in repeated
    first, last = i, i
    while repeats(first - 1):
        first -= 1
    while repeats(last + 1):
        last += 1
    return last - first + 1


_CONTENTS_RUN = 3  # entries, at least, of a table of contents


def _contents_entries(units: list[Unit]) -> set[int]:
    """A table of contents inside the article: a run of lines, each of which stands again further
    down, in the same order, as a heading above lines the page shows once. Its entries go; the
    headings stay where they head their sections."""
    where: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if unit.role is Role.BODY and unit.text:
            where.setdefault(_key(unit.text), []).append(i)
    copies = [_heading_copy(units, where, i) for i in range(len(units))]
    out: set[int] = set()
    run: list[int] = []
    for i in range(len(units) + 1):
        copy = copies[i] if i < len(units) else None
        if copy is not None and (not run or copy > copies[run[-1]]):
            run.append(i)
            continue
        if len(run) >= _CONTENTS_RUN and copies[run[0]] > run[-1]:  # every heading below the whole list
            out.update(run)
        run = [i] if copy is not None else []
    return out


def _heading_copy(units: list[Unit], where: dict[str, list[int]], i: int) -> int | None:
    """The index of the line's first copy below it that heads a section (a line the page shows once
    follows it), or None."""
    unit = units[i]
    if unit.role is not Role.BODY or unit.keep or unit.pinned or not any(c.isalpha() for c in unit.text):
        return None  # a numeral alone ("4" of a code listing's line numbers) heads nothing
    key = _key(unit.text)
    for j in where.get(key, ()):
        nxt = units[j + 1] if j + 1 < len(units) else None
        if j > i and nxt is not None and len(where.get(_key(nxt.text), ())) == 1:
            return j
    return None
