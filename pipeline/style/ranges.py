"""En dashes in number ranges: "1925-27" → "1925–27", "pp. 69-70" → "pp. 69–70".

A hyphen between two numbers is a range only when the numbers rise (the second read
with the first's leading digits when it is shorter: "516-27" is 516 to 527) and the
pair stands alone: not part of a longer chain of numbers (dates such as 2023-05-03,
ISBNs, phone numbers), not glued to letters (identifiers such as COVID-19 or T-34),
and not inside a web address.
"""

from __future__ import annotations

import re

from ..model import Text
from .edits import Edit
from .protect import protected

_PAIR = re.compile(r"(?<![\w.,/:#+\-–])(\d{1,4})-(\d{1,4})(?![\w/\-–]|[.,]\d)")
_PAGES = re.compile(r"(?:^|[\s(])pp?$")  # "pp118-119": a page range glued to its abbreviation
_NUMBER_BEFORE = re.compile(r"\d[ \u00a0]$")  # "020 7946-0000": the last groups of a phone number
_PHONE_WORDS = re.compile(r"\b(?:tel|phone|telephone|call|fax|ring|mobile)\.?:?\s*$", re.I)


def is_range(first: str, second: str) -> bool:
    """Whether first-second reads as a rising range of numbers."""
    if first.startswith("0") or (second.startswith("0") and len(second) >= len(first)):
        return False  # 020-…, 0800-…: codes, not ranges
    low = int(first)
    if len(second) < len(first):
        high = int(first[:len(first) - len(second)] + second)
    else:
        high = int(second)
        if len(second) > len(first) and high - low > 10:
            return False  # 555-1234: a number, not 99-100
    return high > low


def range_edits(text: Text, rule: str = "ranges") -> list[Edit]:
    s = text.text
    if "-" not in s:
        return []
    guard = protected(text)
    edits = []
    for match in _PAIR.finditer(s):
        hyphen = match.start() + len(match.group(1))
        before = s[:match.start()]
        if guard.covers(match.start(), match.end()) or not is_range(match.group(1), match.group(2)):
            continue
        if _NUMBER_BEFORE.search(before) or _PHONE_WORDS.search(before):
            continue
        edits.append(Edit(hyphen, hyphen + 1, "–", rule))
    # "pp118-119", "p12-13": glued to the page abbreviation
    for match in re.finditer(r"(?<=p)(\d{1,4})-(\d{1,4})(?![\w/\-–])", s):
        if _PAGES.search(s[:match.start()]) and is_range(match.group(1), match.group(2)) \
                and not guard.covers(match.start(), match.end()):
            hyphen = match.start() + len(match.group(1))
            edits.append(Edit(hyphen, hyphen + 1, "–", rule))
    return edits
