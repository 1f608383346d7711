"""Measurements of a line that the rules share: length, punctuation, prose-ness."""

from __future__ import annotations

import re

from .language import SENTENCE_MARKS, line_size
from .vocabulary import STOPWORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_TERMINAL = re.compile(rf"[{re.escape(SENTENCE_MARKS)}]['\"”’)\]」』]*$|[.!?…]['\"”’)\]]*\d{{1,3}}$")
#: A web address, with or without a scheme (closing quotes are not part of it).
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"”]+|\b[\w-]+(?:\.[\w-]+)+/[^\s<>\"”]*", re.I)
OPENING_QUOTES = "\"“‘'«„"
CLOSING_QUOTES = "\"”’'»"


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(text.split())


def stopword_ratio(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    return sum(1 for w in found if w.lower() in STOPWORDS) / len(found)


def ends_sentence(text: str) -> bool:
    """Ends like a sentence (a trailing note-call numeral is allowed)."""
    return bool(_TERMINAL.search(text.rstrip()))


def is_prose(text: str, english: bool = True) -> bool:
    """A line that reads as running text rather than a label or a title."""
    n = word_count(text)
    if n < 4:
        return False
    if not ends_sentence(text) and not text.rstrip().endswith((":", ",", ";")):
        return n >= 40
    if english:
        return n >= 8 or stopword_ratio(text) >= 0.15
    return True


def is_substantial(text: str, english: bool = True) -> bool:
    """A paragraph long enough that no menu or label looks like it."""
    n = word_count(text)
    if english and n < 30 and stopword_ratio(text) < 0.12:
        return False
    return n >= 20 or (n >= 12 and ends_sentence(text))


#: A note's call in brackets at a line's end, as pages that cite sources print it: "…an hour.[32]".
_TRAILING_CALL = re.compile(r"\s*\[\d{1,3}\]$")


def without_note_call(text: str) -> str:
    """The line without a bracketed note call at its end: "…an hour.[32]" ends a sentence, as "…an hour." does."""
    return _TRAILING_CALL.sub("", text.strip())


def is_heading_like(text: str) -> bool:
    """Short, capitalised, and not ending like a sentence or an introduction."""
    stripped = without_note_call(text)
    n = line_size(stripped)
    if n == 0 or n > 14 or len(stripped) > 110:
        return False
    if stripped[-1] in ".,;:。，；：、" or stripped.endswith("…"):
        return False
    if stripped.endswith(("?", "!")) and n > 8:
        return False
    first = stripped.lstrip(OPENING_QUOTES + "(['「『（【")[:1]  # a quoted headline: “…”, 「…」
    uncased = first.isalpha() and first.upper() == first.lower()  # scripts without capitals (Han, Arabic …)
    return bool(first) and (first.isupper() or first.isdigit() or uncased)


def may_hold_url(text: str) -> bool:
    """False when URL cannot match (every form has a slash or "www."): a quick test before a slow search."""
    return "/" in text or "www." in text.lower()


def has_url(text: str) -> bool:
    return may_hold_url(text) and URL.search(text) is not None


def is_url_only(text: str) -> bool:
    if len(text) > 1000 or not has_url(text):
        return False
    remainder = URL.sub("", text)
    return not words(remainder.replace("pic.twitter.com", ""))


def starts_with_quote(text: str) -> bool:
    return text[:1] in OPENING_QUOTES


def looks_english(texts: list[str]) -> bool:
    """Whether stopword rules apply: the page is mostly English prose."""
    sample = " ".join(texts)[:20000]
    return stopword_ratio(sample) >= 0.2
