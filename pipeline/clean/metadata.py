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
from .vocabulary import COMMENT_LABELS, STOPWORDS, TAIL_LABELS

_TITLE_WINDOW = 60  # lines above the article searched for its title
_META_WINDOW = 12  # lines above the title searched for the byline and date
_HEAD_LINES = 4  # and lines into the article
#: Capital letters of the Latin scripts ("Çelik", "Ødegaard"): a name's words begin with one.
_CAPITAL = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_NAME_WORD = rf"\(?[{_CAPITAL}][\w’'.-]*\.?\)?"
_CAPITALISED_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|van|von|der|da|di|le|la|del|dos|bin|al)\s+)?{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?:[\W\d_]|(?i:posted|published|updated|last\s+updated|on|in|article|story|guide|review|recipe|analysis|"
    rf"opinion|column|essay|interview|feature|\d+\s+min(?:ute)?s?\s+read)\b)*"
    rf"\b(?i:by|words\s+by|written\s+by|posted\s+by|story\s+by|text\s+by|reviewed\s+by|"
    rf"authored\s+by|author|authors|von|por|par|di)(?:\s*:\s*|\s+|(?<=[bB][yY])(?=[A-Z]))(?P<name>{_CAPITALISED_NAME}"
    rf"(?:\s*(?:,\s*(?:and\s|&)?|and\s|&)\s*{_CAPITALISED_NAME}){{0,5}})")
_GLUED_FOLLOWER = re.compile(r"(?<=[a-z.])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact|Edited|Medically|"
                             r"Founder|Co-founder|Editor|Writer|Author|Contributor|Senior|Staff|Head|Director|"
                             r"Manager|CEO|"
                             r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
_NOT_NAME_WORDS = {"the", "our", "team", "staff", "editors", "editor", "admin", "published", "updated", "posted",
                   "last", "on", "in", "read", "min", "share", "comments", "comment", "home", "news", "blog",
                   "sponsored", "sponsor", "advertisement"}
_DATE_CUE = re.compile(r"\b(?:published|posted|date|first\s+published|publicado|veröffentlicht|publié|pubblicato)\b",
                       re.I)
_UPDATE_CUE = re.compile(r"\b(?:updated|modified|edited|reviewed|actualizado|aktualisiert|mis\s+à\s+jour)\b", re.I)
_BREADCRUMB = re.compile(r"\s[>»›/|]\s|\S\s?[>»›]\s?\S")
_PERSON = re.compile(rf"^(?:Dr\.?\s+)?{_CAPITALISED_NAME}$")
#: "© 2025 Ann Smith. All rights reserved": on a personal site, the writer.
#: The name is matched with its case: "© 2025 Ann Smith. All rights reserved" names two words, not five.
_YEARS = r"\d{4}(?:\s*[-–]\s*\d{4})?"
_COPYRIGHT = re.compile(rf"(?i:©|\(c\)|copyright)\s*(?:{_YEARS}\s*)?(?P<name>{_CAPITALISED_NAME})"
                        rf"(?:\s+{_YEARS})?\s*(?:[.,]|$)")
_COMPANY = re.compile(r"\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|company|co|group|media|press|news|"
                      r"university|foundation|institute|association|society|all)\b\.?", re.I)
_ROLE_LINE = re.compile(r"^(?:\w+\s+){0,2}(?:writer|editor|author|contributor|journalist|reporter|columnist|"
                        r"correspondent)s?$", re.I)
#: Words of labels and headings that are not names (a name line made of them is a section label). Function
#: words only: a general stop-list holds names too ("king", "john"); the page's own lower-case words do the rest.
_COMMON_WORDS = frozenset(w for w in (STOPWORDS | {
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
    author, author_line = _find_author(units, near, anchor, last, title)
    date, date_line = _find_date(units, near, anchor, day_first)
    return PageMetadata(title, author, author_line, date, date_line)


# -- title ---------------------------------------------------------------------------------

#: What a title candidate shows: named, so that the ranker's weights can be read.
TITLE_FEATURES = (
    "bias", "above_0", "above_1", "above_2", "above_3", "above_4_6", "above_7_10", "above_11_20", "above_21",
    "above_41",
    "below", "words_1", "words_2_3", "words_4_7", "words_8_12", "words_13_20", "words_21", "heading_like",
    "ends_question", "ends_period", "ends_colon", "capitals", "all_caps", "repeated", "repeated_thrice",
    "repeated_below", "heads_byline_or_date", "after_short_line", "longest_nearby", "furniture", "label",
    "date", "byline", "person", "breadcrumb", "separator", "place_aside", "place_body", "digits",
    "overlap", "overlap_30", "overlap_50", "overlap_70", "best_overlap",
    "inside_other", "holds_other", "glued", "nearest_heading", "before_prose",
    "under_headline", "over_longer", "named_person", "dek_under_title_case", "title_case_over_dek", "call_to_action",
    "under_shorter_headline", "label_over_headline",
)
_TITLE_INDEX = {name: k for k, name in enumerate(TITLE_FEATURES)}
_SEPARATOR = re.compile(r"\s[|–—-]\s")
#: A line that asks the reader to do something: a button or a prompt, not a headline.
_CALL_TO_ACTION = re.compile(r"^(?:sign|log|subscribe|join|search|shop|buy|get|start|learn|discover|explore|see|"
                             r"check|view|read|watch|listen|download|book|request|contact|message|call|email|"
                             r"back|go|try|register|sponsored|advertisement|follow|share|create|find)\b", re.I)
#: Menu items or a date and a name run together when a page is reduced to text ("HomeProducts", "2025Julian").
_GLUED = re.compile(r"\d[^\W\d]{2}|[a-z]{2}[A-Z][a-z]")


def title_candidates(units: list[Unit], first: int) -> list[tuple[int, list[float]]]:
    """Lines that could be the headline, each with its TITLE_FEATURES."""
    texts = [u.text.strip() for u in units]
    counts: dict[str, int] = {}
    for text in texts:
        counts[text.lower()] = counts.get(text.lower(), 0) + 1
    # below the article's first line only when that line is no paragraph: under one, a short line is a heading
    opens_with_prose = word_count(texts[first]) >= 20 if first < len(texts) else False
    window = range(max(0, first - _TITLE_WINDOW), min(len(units), first + (1 if opens_with_prose else 2)))
    sizes = {i: word_count(texts[i]) for i in window}
    longest = max((sizes[i] for i in window if sizes[i] <= 30 and is_heading_like(texts[i])), default=0)
    vocabulary = _vocabulary(texts[first + 2:first + 42])  # the article, past a title it may begin with
    common = lowercase_words(texts)
    out = []
    for i in window:
        text, n = texts[i], sizes[i]
        if not 1 <= n <= 40:
            continue
        out.append((i, _title_row(units, texts, i, first, n, counts, longest, vocabulary, common)))
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


def _title_row(units, texts, i, first, n, counts, longest, vocabulary, common) -> list[float]:
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
    put("above_41", 1.0 if above > 40 else 0.0)  # beside above_21: far above a late-found start
    put("named_person", 1.0 if _person_line(text, common) else 0.0)
    above_text, below_text = (texts[i - 1] if i > 0 else ""), (texts[i + 1] if i + 1 < len(texts) else "")
    put("dek_under_title_case", 1.0 if _headline_shaped(above_text) and _case_drop(above_text, text) else 0.0)
    put("title_case_over_dek", 1.0 if _headline_shaped(text) and 3 <= word_count(below_text) <= 40
        and _case_drop(text, below_text) else 0.0)
    put("call_to_action", 1.0 if _CALL_TO_ACTION.match(text) else 0.0)
    put("under_shorter_headline", 1.0 if _headline_shaped(above_text) and word_count(above_text) < n else 0.0)
    put("label_over_headline", 1.0 if n <= 4 and _headline_shaped(below_text) and word_count(below_text) > n + 2
        else 0.0)
    overlap = _overlap(text, vocabulary)
    put("overlap", overlap)
    for edge in (30, 50, 70):
        put(f"overlap_{edge}", 1.0 if overlap >= edge / 100 else 0.0)
    return row


def _title_case_share(text: str) -> float:
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) / len(words) if words else 0.0


def _case_drop(upper: str, lower: str) -> bool:
    """A Title Case headline over a sentence-case line: the headline and its dek, in that order."""
    return _title_case_share(upper) >= 0.8 and _title_case_share(lower) <= 0.4


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
    candidates = title_candidates(units, first)
    for i, row in candidates:
        score = sum(w * x for w, x in zip(vector, row) if x)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        best = _headline_over_text(units, first)
    return _breadcrumb_tail(units, best, [i for i, _row in candidates])


def _headline_over_text(units: list[Unit], first: int) -> int | None:
    """Where the ranker finds no headline, a headline-shaped line standing right above the text: a plain
    page that begins with its title."""
    i = first - 1
    if i < 0 or not _headline_shaped(units[i].text) or _CALL_TO_ACTION.match(units[i].text.strip()):
        return None
    return i


def _breadcrumb_tail(units: list[Unit], best: int | None, candidates: list[int]) -> int | None:
    """ "Home » Guides » Renting a Car" chosen where "Renting a Car" stands alone nearby: the line alone."""
    if best is None or not _BREADCRUMB.search(units[best].text):
        return best
    trail = units[best].text.strip().lower()
    tails = [i for i in candidates if i != best and word_count(units[i].text) >= 2
             and trail.endswith(units[i].text.strip().lower())]
    return min(tails, key=lambda i: abs(i - best)) if tails else best


# -- author --------------------------------------------------------------------------------

_BY_ALONE = re.compile(r"^(?:by|written\s+by|words\s+by|posted\s+by|article\s+by|authors?|author\s+by|por|von|par)"
                       r"\s*:?$", re.I)
_ROLE_WORDS = re.compile(
    r"\s*(?:,|\||·|•|\s-\s|–|—)?\s*\b(?:former|senior|staff(?=\s*\S)|junior|chief|deputy|managing|associate|"
    r"contributing|lead|head|executive|editor|editorial|writer|contributor|reporter|correspondent|columnist|analyst|"
    r"founder|co-founder|ceo|cto|director|manager|expert|specialist|consultant|professor|gardener|author|freelance|"
    r"journalist|(?:january|february|march|april|june|july|august|september|october|november|december)(?:\s|$)|"
    r"photographer|producer|host|team(?=\s*\S)|guest|last\s+(?:updated|modified|reviewed)|updated|published|posted|"
    r"reviewed|edited|fact|view|on\s|in|at)\b.*$",
    re.I)
#: Letters after a name that belong to it ("Ann Smith, MD", "Li Wei, Ph.D.", "Jo Park, MS, RD").
_CREDENTIALS = r"(?:,?\s+(?:Ph\.?\s?D\.?|M\.?D\.?|[A-Z]{2,6}\b\.?))*"
_CREDENTIALED = re.compile(rf"^(?:Dr\.?\s+)?(?P<name>{_CAPITALISED_NAME}){_CREDENTIALS}$")
#: A group that signs an article: "The Editorial Team", "Acme Staff".
_TEAM = re.compile(rf"^(?:(?:the\s+)?(?:{_NAME_WORD}\s+){{1,3}}(?:team|staff|editors|newsroom|desk)"
                   rf"|team\s+{_NAME_WORD})$", re.I)
#: "About Ann Smith" heading an author's box.
_ABOUT = re.compile(r"^about\s+(?:the\s+author:?\s*)?(?=[A-Z])", re.I)
_NAME_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")
_BOX_INSIDE = 15  # lines at the article's end searched for its author's box too


def _clean_name(name: str) -> str | None:
    """A byline's name without the role, date or menu word run on after it; None when it is no name."""
    name = _GLUED_FOLLOWER.split(name, maxsplit=1)[0]
    name = _ROLE_WORDS.sub("", name).strip(" ,.;:|·•-–—")
    words = name.split()
    if words and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        words = words[:len(words) // 2]  # "Ann Smith Ann Smith": a name and its link
    name = " ".join(words)
    if not words or len(words) > 12 or (words[0].lower() in _NOT_NAME_WORDS and not _TEAM.match(name)):
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


#: The language's most frequent words ("free", "new", "final"), a label's rather than a name's when the page
#: also writes them in lower case ("Start Free Trial"); a name that is one of them ("King") the page capitalises.
_FREQUENT = language_stopwords("English")


def _name_among_parts(text: str, common: frozenset[str]) -> str | None:
    """ "12 Comments | Ann Smith | Last Updated: 3 May 2025": a name as one part of a dated line of parts."""
    parts = _PARTS.split(text)
    if len(parts) < 2 or word_count(text) > 20 or not find_dates(text):
        return None
    return next((name for part in parts if (name := _person_line(part, common))), None)


_PARTS = re.compile(r"\s*[|·•]\s*")


def lowercase_words(texts: list[str]) -> frozenset[str]:
    """Words the page writes in lower case somewhere: common words, not names ("library", "items")."""
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(text))


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+\b")


def _is_person(text: str, common: frozenset[str] = frozenset()) -> bool:
    """A line that is a person's name: two to four capitalised words, none of them a label's or a function
    word or a frequent word the page also writes in lower case, and not most of them words it does (`common`)."""
    text = text.strip()
    if not _PERSON.match(text) or not 2 <= word_count(text) <= 4 or text.upper() == text:
        return False
    if any(len(w.strip(".,")) > 1 and w.isupper() for w in text.split()):
        return False  # "RSS Feeds", "CIS Controls": an acronym is a label's word, not a name's
    words = [w.lower().strip(".,") for w in text.split()]
    if any(w in _NOT_NAME_WORDS or w in _COMMON_WORDS or (w in common and w in _FREQUENT) for w in words):
        return False
    return 2 * sum(w in common for w in words) <= len(words)


def _person_line(text: str, common: frozenset[str]) -> str | None:
    """The name a line that says nothing else gives: a person, with letters after the name, or a team."""
    text = _without_dates(text).strip(" ·|,")
    if _TEAM.match(text):  # "The Editorial Team": its words are a team's, not a role after a name
        words = text.split()[:-1]
        return text if 2 * sum(w.lower() in common for w in words) < len(words) else None
    text = _ROLE_WORDS.sub("", _GLUED_FOLLOWER.split(text, maxsplit=1)[0]).strip(" ·|,-–—") or text
    cased = text.title() if text.isupper() else text  # "ANN SMITH" in a capitals-only byline style
    match = _CREDENTIALED.match(cased)
    if match and _is_person(match.group("name"), common):
        return text
    names = _NAME_LIST.split(cased)  # "Ann Smith and Bo Lind", "Ann Smith, Bo Lind & Cy Park"
    return text if 2 <= len(names) <= 6 and all(_is_person(n, common) and not _has_common(n, common)
                                                for n in names) else None


def _has_common(name: str, common: frozenset[str]) -> bool:
    """In a list of names no word is one the page writes in lower case ("Mine Safety and Health Materials")."""
    return any(w.lower().strip(".,") in common for w in name.split())


def _first_name(text: str, common: frozenset[str]) -> bool:
    """One capitalised word that is no label's word and that the page never writes in lower case."""
    word = text.strip()
    return (bool(re.fullmatch(rf"[{_CAPITAL}][a-z{_CAPITAL.lower()}’'-]+", word)) and 3 <= len(word) <= 15
            and word.lower() not in common and word.lower() not in _NOT_NAME_WORDS | _COMMON_WORDS)


def _find_author(units: list[Unit], near: range, anchor: int, last: int,
                 title: int | None = None) -> tuple[str | None, int | None]:
    order = sorted(near, key=lambda k: abs(k - anchor))
    texts = [u.text.strip() for u in units]
    common = lowercase_words(texts)
    for i in order:
        name = byline_name(texts[i])
        if name:
            return name, (i if _only_attribution(texts[i], name) else None)
        name = _after_cue(texts, i, common)
        if name:
            return name, None
    for i in order:
        name = _name_beside_date(texts[i]) or _name_among_parts(texts[i], common)
        if name:
            return name, (i if _only_attribution(texts[i], name) else None)
    for i in order:
        match = STANDFIRST_BYLINE.search(texts[i])
        if match and word_count(texts[i]) >= 6:
            return match.group("name").rstrip("."), None
    for i in order:  # a name on its own under the title or beside the date
        name = _person_line(texts[i], common) if i != title else None
        if name and (_beside_date(units, i) or _under_title(i, title)):
            return name, i
    for i in order:  # a first name or a pen name alone: only under the title and beside the date
        if i != title and _under_title(i, title) and _beside_date(units, i) and _first_name(texts[i], common):
            return texts[i].strip(), i
    box = range(max(anchor + 1, last - _BOX_INSIDE), min(len(units), last + 40))
    for i in list(box) + order:  # an author's box, at the article's end or after it
        name = (byline_name(texts[i]) or _after_cue(texts, i, common)) if i > last else None
        if name:
            return name, None
        name = _person_line(_ABOUT.sub("", texts[i]), common) if i != title else None
        if name and _introduces(name, texts[i + 1:i + 4]):
            return name, None
    for i in sorted(range(len(units)), key=lambda k: abs(k - anchor)):  # a byline standing anywhere
        name = byline_name(texts[i]) if word_count(texts[i]) <= 8 else None
        if name and _only_attribution(texts[i], name):
            return name, None
    return _copyright_holder(texts, common), None


def _after_cue(texts: list[str], i: int, common: frozenset[str]) -> str | None:
    """ "Written by" or "Author:" on a line of its own: the name on the next line, a first name will do."""
    if not _BY_ALONE.match(texts[i]) or i + 1 >= len(texts):
        return None
    following = texts[i + 1]
    name = _person_line(following, common)
    if name is None:
        alone = re.split(r"\s[-–—|·]\s|,", following, maxsplit=1)[0].strip()  # "Noor - Product marketer"
        name = alone if _first_name(alone, common) else None
    return name


def _under_title(i: int, title: int | None) -> bool:
    """Within the three lines under the headline, where a byline stands."""
    return title is not None and title < i <= title + 3


def _copyright_holder(texts: list[str], common: frozenset[str] = frozenset()) -> str | None:
    """The person a personal site's copyright line names, when nothing else named the writer."""
    for text in reversed(texts):
        match = _COPYRIGHT.search(text) if word_count(text) <= 30 else None
        if match:
            name = match.group("name").strip()
            if _is_person(name, common) and not _COMPANY.search(name):
                return name
    return None


#: How a bio goes on after the name: "Ann Smith is …", "Ann, a gardener, has …".
_BIO_VERB = (r"(?:is|was|has|had|writes|wrote|covers|loves|lives|joined|leads|works|holds|spent|began|started|"
             r"specializes|specialises|teaches|grew|brings|explores|reports|serves|helps|founded|studied|enjoys)\b")


def _introduces(name: str, following: list[str]) -> bool:
    """A name line followed by a note about that person: a bio's sentence ("Ann has written …"), a role
    ("| Author"), "More by Ann Smith"; not a button's words ("Start Free Trial" over "Start your trial")."""
    bio = re.compile(rf"^(?:{re.escape(name)}|{re.escape(name.split()[0])})(?:,[^,]{{0,60}},)?\s+{_BIO_VERB}")
    by_name = re.compile(rf"\b(?:by|about)\s+{re.escape(name)}\b", re.I)
    return any(bio.match(t) or t.strip(" |").lower() in ("author", "about the author")
               or _ROLE_LINE.match(t.strip(" |")) or (by_name.search(t) and word_count(t) <= 8)
               for t in following)


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
