"""The article's head: its title, standfirst, byline, date and epigraph.

The body stage has placed the article; its head stands just above it or in
its first lines. The headline is chosen by the title ranker (`metadata.py`);
between it and the text may stand a standfirst (the summary, often ending
"…, writes Name"), a byline, a date and an epigraph. The author and the date
found are reported as events, whatever line gave them, so that the article
carries them even when its byline is a line that says more.
"""

from __future__ import annotations

import re

from .attribution import BY_ALONE, STANDFIRST_BYLINE, is_byline, is_dateline
from .datetext import without_dates
from .features import CLOSING_QUOTES, ends_sentence, starts_with_quote, word_count
from .metadata import BREADCRUMB, PageMetadata, bare_headline, find_metadata, same_words
from .outside import marked_furniture
from .units import Event, Role, StageResult, Unit, marked

STAGE = "head"
_CITATION_END = re.compile(r"\((?:[^()]|\([^()]*\))+\)\.?$|\s[—–]\s?[A-Z][^.]{1,80}$")
_HEAD_LINES = 3  # body lines searched for a byline, a date or an epigraph
_HEAD_LABELS = 2  # and a section's or category's labels passed over among them ("Education" over "By …")


def _is_epigraph(text: str) -> bool:
    return starts_with_quote(text) and bool(_CITATION_END.search(text)) and \
        any(q in text[1:] for q in CLOSING_QUOTES)


#: A credit line, not a summary: "Reviewed By: Ann Smith, MD", "Written By 11 Feb 2019 · 3 min read".
_CREDIT = re.compile(r"^\W*(?:\w+\s+)?(?:written|reviewed|edited|fact[\s-]?checked|posted)\s+by\b", re.I)


def _is_standfirst(unit: Unit, over_byline: bool = False) -> bool:
    """A summary over the text: no sentence ending, or one that names its writer, or any sentences between the
    headline and the byline (`over_byline`: the text never begins above its writer's name). A paragraph that
    ends on a colon or a comma leads into the lines below it: it is the text's first paragraph. A
    saved page's line that is mostly a link, or that the page marks as furniture ("Learn about our editorial
    process" in the author's box), is none."""
    text = unit.text
    if unit.markup is not None and (unit.markup.link_share > 0.5 or marked_furniture(unit)
                                    or unit.markup.figure is not None or unit.markup.element == "figcaption"):
        return False  # a link, a picture's caption, or a part the page marks as its author's box, a promotion …
    n = word_count(text)
    if n < 6 or n > 80 or starts_with_quote(text) or text.rstrip().endswith((":", ",", ";")) \
            or _CREDIT.match(text):
        return False
    if over_byline and n >= _DEK_WORDS and not BREADCRUMB.search(text):
        return True  # a breadcrumb ("Home » Guides » …") or a second headline is no summary
    return bool(STANDFIRST_BYLINE.search(text)) or not ends_sentence(text)


_DEK_WORDS = 8  # a summary in sentences, not a headline's length


def _open(unit: Unit) -> bool:
    """A line this stage may give a role: body text no editor has pinned."""
    return unit.role is Role.BODY and not unit.pinned


def recognise_head(units: list[Unit], title_weights: dict[str, float] | None = None,
                   holder: str | None = None) -> StageResult:
    body = [i for i, u in enumerate(units) if not u.place and u.role is Role.BODY]
    if not body:
        return StageResult(list(units))
    first, last = body[0], body[-1]
    stated = next((i for i, u in enumerate(units) if u.role is Role.TITLE), None)  # a saved page's (page_units.py)
    meta = find_metadata(units, first, last, title_weights, holder=holder, stated=stated)
    roles: dict[int, Role] = {}
    if meta.title is not None and _open(units[meta.title]):
        roles[meta.title] = Role.TITLE
    for index, role in ((meta.author_line, Role.BYLINE), (meta.date_line, Role.DATELINE)):
        if index is not None and index not in roles and _open(units[index]):
            roles[index] = Role.BYLINE if index == meta.author_line else role
    _mark_between(units, roles, meta, first)
    _mark_first_lines(units, roles, meta, body)
    return _apply(units, roles, meta)


def _mark_between(units: list[Unit], roles: dict[int, Role], meta: PageMetadata, first: int) -> None:
    """Between the headline and the text: an epigraph, a standfirst, bylines and dates."""
    if meta.title is None or meta.title >= first:
        start = meta.title + 1 if meta.title is not None else first
        stop = start  # the text follows the title at once: only its first lines are searched
    else:
        start, stop = meta.title + 1, first
    standfirst = False
    for i in range(start, stop):
        unit = units[i]
        if i in roles or not _open(unit):
            continue
        text = unit.text
        if _repeats_title(units, meta, i):
            roles[i] = Role.TITLE
        elif role := _attribution(text, units[i - 1].text):
            roles[i] = role
        elif _is_epigraph(text) and not standfirst:
            roles[i] = Role.EPIGRAPH
        elif not standfirst and _is_standfirst(unit, over_byline=_byline_below(roles, i, stop)):
            roles[i] = Role.STANDFIRST
            standfirst = True


def _byline_below(roles: dict[int, Role], i: int, stop: int) -> bool:
    """Whether a byline the page's metadata found stands below line i and above the text."""
    return any(role is Role.BYLINE and i < j < stop for j, role in roles.items())


def _repeats_title(units: list[Unit], meta: PageMetadata, i: int) -> bool:
    """The headline again under itself ("Title", a share bar or a byline, "Title"): a page's second copy of
    it, no standfirst and no paragraph."""
    return meta.title is not None and i != meta.title and same_words(units[i].text, units[meta.title].text)


def _attribution(text: str, above: str) -> Role | None:
    """A byline or a dateline, which may stand anywhere in the head: a "By" on its own line and the name under
    it are a byline too (`above` is the line over `text`)."""
    if is_byline(text) or (_CREDIT.match(text) and word_count(text) <= 15) or BY_ALONE.match(text) \
            or (BY_ALONE.match(above) and word_count(text) <= 12 and not ends_sentence(text)):
        return Role.BYLINE
    return Role.DATELINE if is_dateline(text) or _mostly_dates(text) or _RELATIVE_TIME.match(text.strip()) else None


#: A date as so long ago ("3 hours ago", "Updated 2 days ago", "vor 3 Stunden", "il y a 2 jours", "hace 3
#: horas", "3 часа назад"): a dateline (114 such lines in the development set, none the gold's), though no
#: date of the article can be read from it.
_RELATIVE_TIME = re.compile(
    r"^(?:(?:updated|posted|published|edited)\s*:?\s*)?(?:"
    r"(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|"
    r"y|yrs?|years?)\s+ago"
    r"|vor\s+\d{1,3}\s+(?:sekunden|minuten|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|il\s+y\s+a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|hace\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses|mes|años?)"
    r"|\d{1,3}\s+(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет)\s+назад"
    r")$", re.I)


#: A time of day as pages write it: "10:30", "10h30", "10.30 Uhr", "2:05 PM".
_TIME = re.compile(r"\b\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr))?\b", re.I)
_FEW_WORDS = 8


def _mostly_dates(text: str) -> bool:
    """A dateline in any language: dates and times, and a few words around them ("Publié le 14 mars 2024 à
    10h30, modifié le 15 mars 2024", "14.03.2024, 10:30 Uhr"), no sentence."""
    if ends_sentence(text) or word_count(text) > 24:
        return False
    rest = without_dates(text)
    return rest != text and len(_TIME.sub(" ", rest).split()) <= _FEW_WORDS


def _mark_first_lines(units: list[Unit], roles: dict[int, Role], meta: PageMetadata, body: list[int]) -> None:
    """A byline, a date, an epigraph or a standfirst the body model took for the article's first lines (the
    first _HEAD_LINES of `body`, a section's label passed over not counted)."""
    titled = any(r is Role.TITLE for r in roles.values())
    opening = True  # nothing but head lines so far
    labels = 0
    lines = [i for i in body if i != meta.title]  # a headline the article was found to open with is no head line
    for k, i in enumerate(lines[:_HEAD_LINES + _HEAD_LABELS]):
        if k >= _HEAD_LINES + labels:
            break
        unit = units[i]
        if i in roles or not _open(unit):
            continue
        text = unit.text
        if _repeats_title(units, meta, i):
            roles[i] = Role.TITLE
        elif role := _attribution(text, units[i - 1].text if i else ""):
            roles[i] = role
        elif opening and titled and _is_epigraph(text):
            roles[i] = Role.EPIGRAPH
        elif opening and titled and _is_standfirst(unit) and Role.STANDFIRST not in roles.values():
            roles[i] = Role.STANDFIRST
        elif _is_label(text) and labels < _HEAD_LABELS:  # a section's name over the byline: passed over, kept
            opening, labels = False, labels + 1
            continue
        else:
            break
        opening = opening and roles[i] in (Role.TITLE, Role.EPIGRAPH, Role.STANDFIRST, Role.BYLINE, Role.DATELINE)


def _is_label(text: str) -> bool:
    """A word or two that is no sentence: a section's name, a category."""
    return word_count(text) <= 2 and not ends_sentence(text)


def _apply(units: list[Unit], roles: dict[int, Role], meta: PageMetadata) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    for i, unit in enumerate(units):
        role = roles.get(i)
        if role is not None and role is not unit.role:
            unit = unit.but(role=role, rule=role.value, place="", why="")
            if role is Role.TITLE and (bare := bare_headline(unit.text)) != unit.text:
                unit = unit.but(text=bare)
            events.append(marked(STAGE, role.value, unit))
        out.append(unit)
    anchor = units[meta.title].line if meta.title is not None else 0
    if meta.author:
        events.append(Event(STAGE, "author", "found", anchor, meta.author, meta.author))
    if meta.date:
        events.append(Event(STAGE, "published", "found", anchor, meta.date, meta.date))
    return StageResult(out, events)
