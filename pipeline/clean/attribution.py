"""Who wrote the article and when: bylines, datelines and "…, writes Name".

Shared by the stages that find the article's head and by the body model,
which weighs a byline as a sign of the article's start.
"""

from __future__ import annotations

import re

from .features import word_count
from .vocabulary import MONTHS

NAME = r"(?:[A-Z][\w’'.-]*\.?)(?:\s+(?:(?:de|van|von|der|da|di|le|la|and|&)\s+)?[A-Z][\w’'.-]*\.?){0,4}"
#: "…, writes Ann Smith" closing a standfirst; a bare "by" only after a comma or dash ("…, by Ann Smith"),
#: since a sentence may end "… established by Lenin."
STANDFIRST_BYLINE = re.compile(
    rf"(?:(?:,|\s[—–-])?\s+(?:writes|argues|explains|reports|says|asks|reviews|looks\s+at|examines|"
    rf"considers|recalls|reflects|insists|warns|introduces)|(?:,|\s[—–-])\s+by)\s+(?P<name>{NAME})\s*\.?$")
BYLINE = re.compile(
    rf"^(?:by|words\s+by|written\s+by|posted\s+by|story\s+by|text\s+by|author:?)\s+(?P<name>{NAME})"
    rf"(?:\s*(?:[|,•·]|\s[-–—]\s).{{0,80}})?$", re.I)
DATE = (rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+\d{{4}}|{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
        rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
DATELINE = re.compile(
    rf"^(?:(?:published|posted|updated|last\s+updated|first\s+published|modified|date)\s*:?\s*(?:on\s+)?)?"
    rf"{DATE}(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{{2,5}})?)?"
    rf"(?:\s*[|•·]\s*.{{0,60}}|\s+by\s+(?P<name>{NAME}))?\.?$", re.I)


def byline_author(text: str) -> str | None:
    """The writer's name in a byline, a dateline ("Posted on … by Name") or a standfirst
    ending "…, writes Name"."""
    match = BYLINE.match(text) or DATELINE.match(text.strip()) or STANDFIRST_BYLINE.search(text)
    return match.group("name").rstrip(".") if match and match.group("name") else None


def is_byline(text: str) -> bool:
    return bool(BYLINE.match(text))


def is_dateline(text: str) -> bool:
    return word_count(text) <= 14 and bool(DATELINE.match(text.strip()))
