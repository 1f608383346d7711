"""Readers' comments: a thread is told by its rhythm, not its words.

A comment's text is written like an article's, so it cannot be told apart by
itself; its header can: a name line followed by a time stamp ("Chris S" /
"December 18, 2025, 9:46 pm"), "Name says:", "Re: …", "by name (12345)". Three
headers or more, close together, make a thread.
"""

from __future__ import annotations

import re

from .language import line_size

_STAMP = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago|yesterday|today)\b", re.I)
_DATE = re.compile(r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
                   r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
                   r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})\b", re.I)
_SAYS = re.compile(r"^\S.{0,80}?\s(?:says|said|wrote|replied|commented)\s*:?\s*$", re.I)
_REPLY_TO = re.compile(r"^re:\s|^in\s+reply\s+to\b|^replying\s+to\b", re.I)
_BY_ID = re.compile(r"^by\s+\S.{0,60}\(\s*\d+\s*\)")
_MAX_GAP = 30  # lines between a thread's consecutive headers
_MIN_HEADERS = 3


def _is_stamp(text: str) -> bool:
    return line_size(text) <= 14 and bool(_STAMP.search(text) or _DATE.search(text))


def _is_name(text: str) -> bool:
    stripped = text.strip()
    return 0 < line_size(stripped) <= 5 and stripped[-1:] not in ".!?:;,\"”" and any(c.isalpha() for c in stripped)


def is_reply_header(text: str) -> bool:
    """A header only a reader's comment has ("Name says:", "Re: …", "by name (12345)"), unlike a
    name over a date, which also heads an article's byline or an entry of a list."""
    stripped = text.strip()
    return bool(_SAYS.match(stripped) or _REPLY_TO.match(stripped)) and line_size(stripped) <= 16 or bool(
        _BY_ID.match(stripped))


def comment_headers(texts: list[str]) -> set[int]:
    """Lines that open a comment: its author's name, the time stamp, or both."""
    headers: set[int] = set()
    for i, text in enumerate(texts):
        stripped = text.strip()
        if is_reply_header(stripped):
            headers.add(i)
        elif _is_stamp(stripped) and i > 0 and _is_name(texts[i - 1]) and not _is_stamp(texts[i - 1]):
            headers.update((i - 1, i))
    return headers


def thread_span(headers: set[int]) -> tuple[int, int] | None:
    """The first and last header of the longest close-knit run of headers."""
    ordered = sorted(headers)
    best: tuple[int, int] | None = None
    best_count = 0
    start = 0
    for k in range(1, len(ordered) + 1):
        if k == len(ordered) or ordered[k] - ordered[k - 1] > _MAX_GAP:
            run = ordered[start:k]
            # A name and its stamp count as one header.
            count = len(run) - sum(1 for a, b in zip(run, run[1:]) if b == a + 1)
            if count >= _MIN_HEADERS and count > best_count:
                best, best_count = (run[0], run[-1]), count
            start = k
    return best
