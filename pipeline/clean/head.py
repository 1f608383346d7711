"""Before the article: navigation, then the title, standfirst, byline and date.

The article proper starts at its first substantial paragraph. Above it, the
title is the nearest short capitalised line; between title and text may stand
a standfirst (the summary, often ending "…, writes Name"), a byline, a date
and an epigraph. What stands above the title is the page's header.
"""

from __future__ import annotations

import re

from .features import (CLOSING_QUOTES, ends_sentence, is_heading_like, is_prose, is_substantial,
                       starts_with_quote, word_count)
from .units import Event, Role, StageResult, Unit, dropped, marked
from .vocabulary import COMMENT_LABELS, MONTHS, TAIL_LABELS

STAGE = "head"

_NAME = r"(?:[A-Z][\w’'.-]*\.?)(?:\s+(?:(?:de|van|von|der|da|di|le|la|and|&)\s+)?[A-Z][\w’'.-]*\.?){0,4}"
_STANDFIRST_BYLINE = re.compile(
    rf"(?:,|\s[—–-])?\s+(?:writes|argues|explains|reports|says|asks|reviews|looks\s+at|examines|"
    rf"considers|recalls|reflects|insists|warns|introduces|by)\s+(?P<name>{_NAME})\s*\.?$")
_BYLINE = re.compile(
    rf"^(?:by|words\s+by|written\s+by|posted\s+by|story\s+by|text\s+by|author:?)\s+(?P<name>{_NAME})"
    rf"(?:\s*(?:[|,•·]|\s[-–—]\s).{{0,80}})?$", re.I)
_DATE = (rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
         rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+\d{{4}}|{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
         rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
_DATELINE = re.compile(
    rf"^(?:(?:published|posted|updated|last\s+updated|first\s+published|modified|date)\s*:?\s*(?:on\s+)?)?"
    rf"{_DATE}(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{{2,5}})?)?"
    rf"(?:\s*[|•·]\s*.{{0,60}}|\s+by\s+(?P<name>{_NAME}))?\.?$", re.I)
_CITATION_END = re.compile(r"\((?:[^()]|\([^()]*\))+\)\.?$|\s[—–]\s?[A-Z][^.]{1,80}$")


def byline_author(text: str) -> str | None:
    """The writer's name in a byline, a dateline ("Posted on … by Name") or a standfirst
    ending "…, writes Name"."""
    match = _BYLINE.match(text) or _DATELINE.match(text.strip()) or _STANDFIRST_BYLINE.search(text)
    return match.group("name").rstrip(".") if match and match.group("name") else None


def is_dateline(text: str) -> bool:
    return word_count(text) <= 14 and bool(_DATELINE.match(text.strip()))


def _is_epigraph(text: str) -> bool:
    return starts_with_quote(text) and bool(_CITATION_END.search(text)) and \
        any(q in text[1:] for q in CLOSING_QUOTES)


def recognise_head(units: list[Unit], english: bool = True) -> StageResult:
    roles: dict[int, Role | None] = {}
    body = [i for i, u in enumerate(units) if u.role is Role.BODY and not u.pinned]
    first = next((i for i in body if is_substantial(units[i].text, english)), None)
    if first is None:
        first = next((i for i in body if is_prose(units[i].text, english)), None)
    if first is None:
        return StageResult(list(units))
    title = _find_title(units, first)
    if title is not None:
        roles[title] = Role.TITLE
        for i in range(title):
            if units[i].role is Role.BODY and not units[i].pinned and not units[i].keep:
                roles[i] = None
    start = title + 1 if title is not None else 0
    standfirst_done = False
    for i in range(start, min(len(units), first + 3)):
        unit = units[i]
        if unit.role is not Role.BODY or unit.pinned:
            continue
        text = unit.text
        if _BYLINE.match(text):
            roles[i] = Role.BYLINE
        elif is_dateline(text):
            roles[i] = Role.BYLINE if byline_author(text) else Role.DATELINE
        elif i < first and _is_furniture_label(text) and not unit.keep:
            roles[i] = None
        elif title is not None and i <= first and _is_epigraph(text) and not standfirst_done:
            roles[i] = Role.EPIGRAPH
        elif title is not None and not standfirst_done and _is_standfirst(text):
            roles[i] = Role.STANDFIRST
            standfirst_done = True
        elif i < first and not is_prose(text, english) and word_count(text) <= 3 and not unit.keep:
            roles[i] = None  # a kicker or section label between title and text
        elif i >= first:
            standfirst_done = True
    if title is None:
        for i in range(first):
            unit = units[i]
            if i not in roles and _movable(unit) and not is_prose(unit.text, english):
                roles[i] = None
    return _apply(units, roles)


def _movable(unit: Unit) -> bool:
    return unit.role is Role.BODY and not unit.pinned and not unit.keep


def _find_title(units: list[Unit], first: int) -> int | None:
    """The nearest heading-like line above the text, past bylines, dates and a standfirst."""
    j = first - 1
    standfirst_seen = 0  # a standfirst and perhaps a caption may stand between title and text
    while j >= 0:
        unit = units[j]
        text = unit.text
        if unit.role is not Role.BODY or unit.pinned:
            j -= 1
            continue
        if _BYLINE.match(text) or is_dateline(text) or _is_furniture_label(text):
            j -= 1
            continue
        if is_heading_like(text) and word_count(text) >= 2 and not byline_author(text):
            return j
        if standfirst_seen < 2 and (is_prose(text) or _is_standfirst(text)) and word_count(text) <= 80:
            standfirst_seen += 1
            j -= 1
            continue
        return None
    # The first substantial unit itself may be preceded by nothing: is it a title?
    return None


def _is_furniture_label(text: str) -> bool:
    """A comment count or teaser label standing in the page header."""
    return word_count(text) <= 20 and bool(COMMENT_LABELS.match(text.strip()) or TAIL_LABELS.match(text.strip()))


def _is_standfirst(text: str) -> bool:
    n = word_count(text)
    if n < 6 or n > 80 or starts_with_quote(text):
        return False
    return bool(_STANDFIRST_BYLINE.search(text)) or not ends_sentence(text)


def _apply(units: list[Unit], roles: dict[int, Role | None]) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    for i, unit in enumerate(units):
        role = roles.get(i, unit.role)
        if i in roles and role is None:
            events.append(dropped(STAGE, "page-header", unit))
            continue
        if role is not unit.role:
            rule = role.value
            unit = unit.but(role=role, rule=rule)
            events.append(marked(STAGE, rule, unit))
        out.append(unit)
    return StageResult(out, events)
