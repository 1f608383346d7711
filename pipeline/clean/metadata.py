"""The article's own metadata, read off the page: its title, its author, its date.

The title is the headline just above the article: a short capitalised line
that the page often repeats (in its breadcrumb or share bar), standing above
the byline and date, not a section label, a ticker or the site's name. The
author comes from a byline ("By …", "Written by …", "Author: …", "…, writes
Name"), or from a name standing beside the date. The date is the article's
publication date: one written beside the byline or title, "Published" before
"Updated".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import NAME, STANDFIRST_BYLINE
from .datetext import find_dates
from .features import is_heading_like, word_count
from .language import content_terms, stoplist as language_stopwords
from .furniture import classify
from .units import Unit
from .vocabulary import COMMENT_LABELS, TAIL_LABELS

_TITLE_WINDOW = 30  # lines above the article searched for its title
_META_WINDOW = 12  # lines above the title searched for the byline and date
_HEAD_LINES = 4  # and lines into the article
#: Capital letters of the Latin scripts ("Çelik", "Ødegaard"): a name's words begin with one.
_CAPITAL = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_NAME_WORD = rf"\(?[{_CAPITAL}][\w’'.-]*\.?\)?"
_CAPITALISED_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|van|von|der|da|di|le|la|del|dos|bin|al)\s+)?{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?:[\W\d_]|(?i:posted|published|updated|last\s+updated|on|in|article|story|\d+\s+min(?:ute)?s?\s+read)\b)*"
    rf"\b(?i:by|words\s+by|written\s+by|posted\s+by|story\s+by|text\s+by|reviewed\s+by|"
    rf"authored\s+by|author|authors|von|por|par|di)\s*:?\s*(?P<name>{_CAPITALISED_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_CAPITALISED_NAME}){{0,3}})")
_GLUED_FOLLOWER = re.compile(r"(?<=[a-z.])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact|Edited|Medically|"
                             r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
_NOT_NAME_WORDS = {"the", "our", "team", "staff", "editors", "editor", "admin", "published", "updated", "posted",
                   "last", "on", "in", "read", "min", "share", "comments", "comment", "home", "news", "blog"}
_DATE_CUE = re.compile(r"\b(?:published|posted|date|first\s+published|publicado|veröffentlicht|publié|pubblicato)\b",
                       re.I)
_UPDATE_CUE = re.compile(r"\b(?:updated|modified|edited|reviewed|actualizado|aktualisiert|mis\s+à\s+jour)\b", re.I)
_BREADCRUMB = re.compile(r"\s[>»›/|]\s|\S\s?[>»›]\s?\S")
_PERSON = re.compile(rf"^(?:Dr\.?\s+)?{_CAPITALISED_NAME}$")
#: "© 2025 Ann Smith. All rights reserved": on a personal site, the writer.
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*(?:[-–]\s*\d{{4}})?\s*)?(?P<name>{_CAPITALISED_NAME})"
                        rf"\s*(?:[.,]|$)", re.I)
_COMPANY = re.compile(r"\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|company|co|group|media|press|news|"
                      r"university|foundation|institute|association|society|all)\b\.?", re.I)
_ROLE_LINE = re.compile(r"^(?:\w+\s+){0,2}(?:writer|editor|author|contributor|journalist|reporter|columnist|"
                        r"correspondent)s?$", re.I)
#: Words of labels and headings that are not names (a name line made of them is a section label).
_COMMON_WORDS = frozenset(w for w in (language_stopwords("English") | {
    "home", "smart", "video", "production", "analytics", "news", "blog", "guide", "guides", "tips", "review",
    "reviews", "software", "solutions", "services", "program", "partner", "learn", "more", "buy", "get", "started",
    "email", "code", "travel", "budget", "marketing", "director", "philosophy", "careers", "conferences",
    "upcoming", "contact", "support", "resources", "events", "product", "products", "business", "search",
    "privacy", "policy", "terms", "menu", "shop", "store", "hacks", "coffee", "friday", "monday", "weekly"}))


@dataclass(frozen=True)
class PageMetadata:
    title: int | None = None  # index of the title unit
    author: str | None = None
    author_line: int | None = None  # index of the unit that named the author, when it says nothing else
    date: str | None = None  # ISO
    date_line: int | None = None  # index of the unit that gave the date, when it says nothing else


def find_metadata(units: list[Unit], first: int, last: int, title_weights: dict[str, float] | None = None,
                  day_first: bool = False) -> PageMetadata:
    """Title, author and date of the article spanning units[first..last]."""
    title = choose_title(units, first, title_weights)
    anchor = title if title is not None else first
    near = range(max(0, min(anchor, first) - _META_WINDOW), min(len(units), max(first, anchor) + _HEAD_LINES))
    author, author_line = _find_author(units, near, anchor, last)
    date, date_line = _find_date(units, near, anchor, day_first)
    return PageMetadata(title, author, author_line, date, date_line)


# -- title ---------------------------------------------------------------------------------

#: What a title candidate shows: named, so that the ranker's weights can be read.
TITLE_FEATURES = (
    "bias", "above_0", "above_1", "above_2", "above_3", "above_4_6", "above_7_10", "above_11_20", "above_21",
    "below", "words_1", "words_2_3", "words_4_7", "words_8_12", "words_13_20", "words_21", "heading_like",
    "ends_question", "ends_period", "ends_colon", "capitals", "all_caps", "repeated", "repeated_thrice",
    "repeated_below", "heads_byline_or_date", "after_short_line", "longest_nearby", "furniture", "label",
    "date", "byline", "person", "breadcrumb", "separator", "place_aside", "place_body", "digits",
    "overlap", "overlap_30", "overlap_50", "overlap_70", "best_overlap",
    "inside_other", "holds_other", "glued", "nearest_heading", "before_prose",
    "under_headline", "over_longer",
)
_TITLE_INDEX = {name: k for k, name in enumerate(TITLE_FEATURES)}
_SEPARATOR = re.compile(r"\s[|–—-]\s")
#: Menu items or a date and a name run together when a page is reduced to text ("HomeProducts", "2025Julian").
_GLUED = re.compile(r"\d[^\W\d]{2}|[a-z]{2}[A-Z][a-z]")


def title_candidates(units: list[Unit], first: int) -> list[tuple[int, list[float]]]:
    """Lines that could be the headline, each with its TITLE_FEATURES."""
    texts = [u.text.strip() for u in units]
    counts: dict[str, int] = {}
    for text in texts:
        counts[text.lower()] = counts.get(text.lower(), 0) + 1
    window = range(max(0, first - _TITLE_WINDOW), min(len(units), first + 2))
    sizes = {i: word_count(texts[i]) for i in window}
    longest = max((sizes[i] for i in window if sizes[i] <= 30 and is_heading_like(texts[i])), default=0)
    vocabulary = _vocabulary(texts[first + 2:first + 42])  # the article, past a title it may begin with
    out = []
    for i in window:
        text, n = texts[i], sizes[i]
        if not 1 <= n <= 40:
            continue
        out.append((i, _title_row(units, texts, i, first, n, counts, longest, vocabulary)))
    overlaps = [row[_TITLE_INDEX["overlap"]] for i, row in out if sizes[i] >= 3]
    best = max(overlaps, default=0.0)
    for i, row in out:
        if best > 0 and sizes[i] >= 3 and row[_TITLE_INDEX["overlap"]] == best:
            row[_TITLE_INDEX["best_overlap"]] = 1.0
    _mark_containment(out, texts, sizes)
    nearest = next((i for i, _row in reversed(out) if i < first and sizes[i] >= 2 and is_heading_like(texts[i])
                    and not find_dates(texts[i]) and not _BYLINE.match(texts[i])), None)
    for i, row in out:
        row[_TITLE_INDEX["nearest_heading"]] = 1.0 if i == nearest else 0.0
    return out


def _mark_containment(out: list[tuple[int, list[float]]], texts: list[str], sizes: dict[int, int]) -> None:
    """A headline repeated inside a breadcrumb or a menu line, and the menu line that holds it."""
    lowered = [t.lower() for t in texts]
    for i, row in out:
        if sizes[i] < 2:
            continue
        mine = lowered[i]
        holders = [j for j, other in enumerate(lowered) if len(other) > len(mine) + 2 and mine in other]
        row[_TITLE_INDEX["inside_other"]] = 1.0 if holders else 0.0
        for j, other_row in out:
            if j in holders:
                other_row[_TITLE_INDEX["holds_other"]] = 1.0


def _vocabulary(texts: list[str]) -> set[str]:
    return {term for text in texts for term in content_terms(text)}


def _overlap(text: str, vocabulary: set[str]) -> float:
    terms = content_terms(text)
    return len(terms & vocabulary) / len(terms) if terms else 0.0


def _title_row(units, texts, i, first, n, counts, longest, vocabulary) -> list[float]:
    text = texts[i]
    row = [0.0] * len(TITLE_FEATURES)

    def put(name: str, value: float = 1.0) -> None:
        row[_TITLE_INDEX[name]] = value

    put("bias")
    above = first - i
    if above < 0:
        put("below")
    else:
        put(next(f"above_{k}" for k, limit in (("0", 0), ("1", 1), ("2", 2), ("3", 3), ("4_6", 6), ("7_10", 10),
                                                 ("11_20", 20), ("21", 10 ** 6)) if above <= limit))
    put(next(f"words_{k}" for k, limit in (("1", 1), ("2_3", 3), ("4_7", 7), ("8_12", 12), ("13_20", 20),
                                            ("21", 10 ** 6)) if n <= limit))
    put("heading_like", 1.0 if is_heading_like(text) else 0.0)
    put("ends_question", 1.0 if text.endswith("?") else 0.0)
    put("ends_period", 1.0 if text.endswith(".") else 0.0)
    put("ends_colon", 1.0 if text.endswith(":") else 0.0)
    words = text.split()
    put("capitals", sum(1 for w in words if w[:1].isupper()) / len(words))
    put("all_caps", 1.0 if text.upper() == text and text.lower() != text else 0.0)
    repeats = counts.get(text.lower(), 0)
    put("repeated", 1.0 if repeats > 1 else 0.0)
    put("repeated_thrice", 1.0 if repeats > 2 else 0.0)
    put("repeated_below", 1.0 if any(t.lower() == text.lower() for t in texts[first + 2:]) else 0.0)
    put("heads_byline_or_date", 1.0 if _heads_byline_or_date(units, i) else 0.0)
    put("after_short_line", 1.0 if i > 0 and word_count(texts[i - 1]) <= 3 else 0.0)
    put("longest_nearby", 1.0 if n == longest else 0.0)
    put("furniture", 1.0 if classify(units[i]) else 0.0)
    put("label", 1.0 if TAIL_LABELS.match(text) or COMMENT_LABELS.match(text) else 0.0)
    put("date", 1.0 if find_dates(text) else 0.0)
    put("byline", 1.0 if _BYLINE.match(text) else 0.0)
    put("person", 1.0 if _PERSON.match(text) and n <= 4 else 0.0)
    put("breadcrumb", 1.0 if _BREADCRUMB.search(text) else 0.0)
    put("separator", 1.0 if _SEPARATOR.search(text) else 0.0)
    put("place_aside", 1.0 if units[i].place == "aside" else 0.0)
    put("place_body", 1.0 if not units[i].place else 0.0)
    put("digits", sum(c.isdigit() for c in text) / max(1, len(text)))
    put("glued", 1.0 if _GLUED.search(text) else 0.0)
    put("before_prose", 1.0 if i + 1 < len(texts) and word_count(texts[i + 1]) >= 20 else 0.0)
    put("under_headline", 1.0 if i > 0 and _headline_shaped(texts[i - 1]) else 0.0)
    put("over_longer", 1.0 if i + 1 < len(texts) and n < word_count(texts[i + 1]) <= 60
        and not _BYLINE.match(texts[i + 1]) and not find_dates(texts[i + 1]) else 0.0)
    overlap = _overlap(text, vocabulary)
    put("overlap", overlap)
    for edge in (30, 50, 70):
        put(f"overlap_{edge}", 1.0 if overlap >= edge / 100 else 0.0)
    return row


def _headline_shaped(text: str) -> bool:
    """A line a dek or standfirst could sit under: heading-like, a few words, not a date, byline or label."""
    return (3 <= word_count(text) <= 20 and is_heading_like(text) and not find_dates(text)
            and not _BYLINE.match(text) and not TAIL_LABELS.match(text))


def _heads_byline_or_date(units: list[Unit], i: int) -> bool:
    for unit in units[i + 1:i + 4]:
        text = unit.text.strip()
        if word_count(text) <= 20 and (_BYLINE.match(text) or find_dates(text)):
            return True
    return False


def choose_title(units: list[Unit], first: int, weights: dict[str, float] | None = None) -> int | None:
    """The headline: the candidate the title ranker scores highest, if it scores above zero."""
    weights = weights or {}
    vector = [weights.get(name, 0.0) for name in TITLE_FEATURES]
    best, best_score = None, 0.0
    for i, row in title_candidates(units, first):
        score = sum(w * x for w, x in zip(vector, row) if x)
        if score > best_score:
            best, best_score = i, score
    return best


# -- author --------------------------------------------------------------------------------

_BY_ALONE = re.compile(r"^(?:by|written\s+by|words\s+by|posted\s+by|authors?|author\s+by|por|von|par)\s*:?$", re.I)
_ROLE_WORDS = re.compile(
    r"\s*(?:,|\||·|•|\s-\s|–|—)?\s*\b(?:former|senior|staff|junior|chief|deputy|managing|associate|contributing|"
    r"lead|head|executive|editor|editorial|writer|contributor|reporter|correspondent|columnist|analyst|founder|"
    r"co-founder|ceo|cto|director|manager|expert|specialist|consultant|professor|gardener|author|freelance|journalist|"
    r"(?:january|february|march|april|june|july|august|september|october|november|december)(?:\s|$)|"
    r"photographer|producer|host|team|guest|updated|published|posted|reviewed|edited|fact|on\s|in\s)\b.*$",
    re.I)


def _clean_name(name: str) -> str | None:
    name = _GLUED_FOLLOWER.split(name, maxsplit=1)[0]
    name = _ROLE_WORDS.sub("", name).strip(" ,.;:|·•-–—")
    words = name.split()
    if not words or len(words) > 12 or words[0].lower() in _NOT_NAME_WORDS:
        return None
    return name


def _without_dates(text: str) -> str:
    for found in reversed(find_dates(text)):
        text = text[:found.start] + " · " + text[found.end:]
    return text


def byline_name(text: str) -> str | None:
    """The name a byline gives ("By Ann Smith | 3 May 2025" → "Ann Smith")."""
    text = _without_dates(text.strip())
    if word_count(text) > 25:
        return None
    match = _BYLINE.match(text)
    return _clean_name(match.group("name")) if match else None


def _name_beside_date(text: str) -> str | None:
    """ "Ann Smith · 3 May 2025" or "3 May 2025 · Ann Smith on behalf of …": the name beside a date."""
    dates = find_dates(text)
    if not dates or word_count(text) > 20:
        return None
    for part in (text[:dates[0].start], text[dates[-1].end:]):
        part = part.strip(" ,.;:|·•-–—")
        match = re.match(rf"^(?:(?i:by)\s+)?(?P<name>{_CAPITALISED_NAME})", part)
        if match:
            name = _clean_name(match.group("name"))
            if name and 2 <= len(name.split()) <= 4:
                return name
    return None


def _is_person(text: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """A line that is a person's name: two to four capitalised words, none of them a common word."""
    text = text.strip()
    if not _PERSON.match(text) or not 2 <= word_count(text) <= 4 or text.upper() == text:
        return False
    words = [w.lower().strip(".,") for w in text.split()]
    return not any(w in _NOT_NAME_WORDS or w in stopwords or w in _COMMON_WORDS for w in words)


def _find_author(units: list[Unit], near: range, anchor: int, last: int) -> tuple[str | None, int | None]:
    order = sorted(near, key=lambda k: abs(k - anchor))
    texts = [u.text.strip() for u in units]
    for i in order:
        name = byline_name(texts[i])
        if name:
            return name, (i if _only_attribution(texts[i], name) else None)
        if _BY_ALONE.match(texts[i]) and i + 1 < len(units) and _is_person(_without_dates(texts[i + 1]).strip(" ·")):
            return _clean_name(_without_dates(texts[i + 1])), None
    for i in order:
        name = _name_beside_date(texts[i])
        if name:
            return name, (i if _only_attribution(texts[i], name) else None)
    for i in order:
        match = STANDFIRST_BYLINE.search(texts[i])
        if match and word_count(texts[i]) >= 6:
            return match.group("name").rstrip("."), None
    for i in order:  # a name on its own beside the date
        if _is_person(texts[i]) and _beside_date(units, i):
            return texts[i], i
    for i in list(range(last + 1, min(len(units), last + 40))) + order:  # an author's box
        name = byline_name(texts[i]) if i > last else None
        if name:
            return name, None
        if _is_person(texts[i]) and _introduces(texts[i], texts[i + 1:i + 4]):
            return texts[i], None
    for i in sorted(range(len(units)), key=lambda k: abs(k - anchor)):  # a byline standing anywhere
        name = byline_name(texts[i]) if word_count(texts[i]) <= 8 else None
        if name and _only_attribution(texts[i], name):
            return name, None
    return _copyright_holder(texts), None


def _copyright_holder(texts: list[str]) -> str | None:
    """The person a personal site's copyright line names, when nothing else named the writer."""
    for text in reversed(texts):
        match = _COPYRIGHT.search(text) if word_count(text) <= 30 else None
        if match:
            name = match.group("name").strip()
            if _is_person(name) and not _COMPANY.search(name):
                return name
    return None


def _introduces(name: str, following: list[str]) -> bool:
    """A name line followed by a note about that person ("Ann has written …", "| Author")."""
    first_name = name.split()[0]
    return any(t.startswith((first_name + " ", name)) or t.strip(" |").lower() in ("author", "about the author")
               or _ROLE_LINE.match(t.strip(" |")) or (name in t and word_count(t) <= 8) for t in following)


def _beside_date(units: list[Unit], i: int) -> bool:
    near = [u.text for u in units[max(0, i - 1):i + 2] if u is not units[i]]
    return any((find_dates(t) or _DATE_CUE.search(t) or _UPDATE_CUE.search(t)) and word_count(t) <= 12 for t in near)


def _only_attribution(text: str, name: str) -> bool:
    """Whether the line says nothing but the byline (and perhaps a date)."""
    rest = _without_dates(text).replace(name, " ")
    return word_count(rest) <= 6


# -- date ----------------------------------------------------------------------------------

def _find_date(units: list[Unit], near: range, anchor: int, day_first: bool) -> tuple[str | None, int | None]:
    candidates = []
    for i in near:
        text = units[i].text
        if word_count(text) > 30:
            continue
        for found in find_dates(text, day_first):
            before = text[max(0, found.start - 40):found.start]
            rank = 0 if _DATE_CUE.search(before) else 2 if _UPDATE_CUE.search(before) else 1
            candidates.append((rank, abs(i - anchor), found.start, found.iso, i, text))
    if not candidates:
        return None, None
    rank, _distance, _start, iso, i, text = min(candidates)
    rest = text
    for found in find_dates(text, day_first):
        rest = rest.replace(text[found.start:found.end], " ")
    return iso, (i if word_count(_DATE_CUE.sub(" ", _UPDATE_CUE.sub(" ", rest))) <= 3 else None)
