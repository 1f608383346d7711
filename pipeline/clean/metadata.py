"""The article's own metadata, read off the page: its title, its author, its date.

The title is the headline just above the article: a short capitalised line
that the page often repeats (in its breadcrumb or share bar), standing above
the byline and date, not a section label, a ticker or the site's name. The
author comes from a byline ("By …", "Written by …", "Author: …", "…, writes
Name"), from a name standing beside the date or alone under the title (a
person, a team, a firm that signs, a user name), from an author's box at the
article's end, and last from a personal site's header (its owner's name, the
copyright line's person when the header repeats it). A reviewer's byline
counts only where no writer is named. The date is the article's publication
date: one written beside the byline or title, "Published" before "Updated".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .attribution import BY_ALONE, CAPITAL, STANDFIRST_BYLINE, uncased_byline
from .datetext import MONTHS, find_dates, without_dates
from .features import ends_sentence, is_heading_like, without_note_call, word_count
from .language import (STEM, SENTENCE_MARKS, content_terms, detect_language, line_size,
                       stoplist as language_stopwords)
from .furniture import classify
from .units import Unit
from .vocabulary import COMMENT_LABELS, JOB_WORD, STOPWORDS, TAIL_LABELS

_TITLE_WINDOW = 60  # lines above the article searched for its title
_META_WINDOW = 12  # lines above the title searched for the byline and date
_HEAD_LINES = 4  # and lines into the article
_AUTHOR_HEAD_LINES = 8  # lines into the article searched for the byline
_NAME_WORD = rf"\(?[{CAPITAL}][\w’'.-]*\.?\)?"
#: Particles inside a name, written in lower case ("Ana de la Cruz", "Marius van der Wijden").
_PARTICLES = frozenset("de van von der den da di du le la del dos bin al".split())
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
_CAPITALISED_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?:[\W\d_]|(?i:posted|published|updated|last\s+updated|on|in|author|article|story|guide|review|recipe|analysis|"
    rf"opinion|column|essay|interview|feature|\d+\s+min(?:ute)?s?\s+read)\b)*"
    rf"\b(?i:by|words\s+by|written\s+by|posted\s+by|story\s+by|text\s+by|reviewed\s+by|"
    rf"authored\s+by|author|authors|contributors?|von|por|par|di|autor|autorka|auteur|autore|автор|авторы|"
    rf"текст(?=\s*:))(?:\s*:\s*|\s+|(?<=[bB][yY])(?=[A-Z]))"
    # "the Acme Team", "Ask the Doctors", "The Currency editors"
    rf"(?P<name>(?:the\s+)?{_CAPITALISED_NAME}(?:\s+the\s+{_NAME_WORD})?(?:\s+(?:team|staff|editors|newsroom|desk)\b)?"
    rf"(?:\s*(?:,\s*(?:and\s|&)?|and\s|&)\s*{_CAPITALISED_NAME}){{0,5}})")
_GLUED_FOLLOWER = re.compile(r"(?<=[a-z.])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact|Edited|Medically|In\s|"
                             r"Founder|Co-founder|Editor|Writer|Author|Contributor|Senior|Staff|Head|Director|"
                             r"Manager|CEO|"
                             r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
_NOT_NAME_WORDS = {"the", "our", "team", "staff", "editors", "editor", "admin", "published", "updated", "posted",
                   "last", "on", "in", "read", "min", "share", "comments", "comment", "home", "news", "blog",
                   "sponsored", "sponsor", "advertisement"}
_DATE_CUE = re.compile(r"\b(?:published|posted|date|first\s+published|publicado|veröffentlicht|publié|pubblicato)\b",
                       re.I)
_UPDATE_CUE = re.compile(r"\b(?:updated|modified|edited|reviewed|actualizado|aktualisiert|mis\s+à\s+jour)\b", re.I)
BREADCRUMB = re.compile(r"\s[>»›/|]\s|\S\s?[>»›]\s?\S")
_PERSON = re.compile(rf"^(?:Dr\.?\s+)?{_CAPITALISED_NAME}$")
#: "© 2025 Ann Smith. All rights reserved": the site's owner, a person on a personal site, else a firm.
_YEARS = r"\d{4}(?:\s*[-–]\s*\d{4})?"
_COPYRIGHT = re.compile(rf"(?:(?i:©|\(c\)|copyright)|^@(?=\s*\d{{4}}))(?:\s*(?i:©|\(c\)|copyright))*\s*"
                        rf"(?:{_YEARS})?[\s,·|]*(?i:by\s+)?(?P<rest>.*)")
#: Where the holder's name ends: a sentence's end, a separator, the rights, a credit for the site's design.
_HOLDER_END = re.compile(r"\.(?=\s|$)|[,|·•;:]|\s[-–—]\s|"
                         r"\s(?:all\s+rights?|some\s+rights|powered\s+by|design(?:ed)?\s+by|theme\s+by|built\s+with|"
                         r"privacy|terms|\d{4})\b", re.I)
_COMPANY_SUFFIX = re.compile(r"(?:,?\s+(?:inc|llc|l\.l\.c|ltd|limited|gmbh|corp|corporation|co|plc|pty|s\.a|ag)\.?)+$",
                             re.I)
_HOLDER_WORD = re.compile(rf"[{CAPITAL}\d][\w’'.&-]*|&|and|of|the|for|de|van|von")
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
                  day_first: bool = False, holder: str | None = None, stated: int | None = None) -> PageMetadata:
    """Title, author and date of the article spanning units[first..last]; `holder` is whom the page's
    copyright line names (`copyright_holder`), the author when nothing else names one; `stated` is the line a
    saved page's markup gives as its headline, which the byline and the date are searched around (the ranker's
    choice, which the markup overrules, had moved their search with every change of the ranker)."""
    title = stated if stated is not None else choose_title(units, first, title_weights)
    anchor = title if title is not None else first
    near = range(max(0, min(anchor, first) - _META_WINDOW), min(len(units), max(first, anchor) + _HEAD_LINES))
    author, author_line = _find_author(units, near, anchor, last, title, holder)
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
    # what the rest of the page says of the line (`_TitlePage`): two or more lines below the article's start, a
    # byline or date under or over it, the same words within three lines, the last step of a breadcrumb or a step
    # before it, its words at the start or the end of a longer line ("Title | Site", "5 Comments on Title"), the
    # share of its words in the article's opening paragraphs, a dateline, the first headline under three menu
    # items, a headline under it, a telephone number
    "below_2", "next_byline_or_date", "prev_byline_or_date", "twin_near", "breadcrumb_tail", "breadcrumb_inner",
    "starts_other", "ends_other", "lead_overlap", "mostly_date", "after_nav_run", "next_headline", "phone",
    # its words again, set off by a separator ("Title | Site", "5 Comments on Title"), a job title, a name a call
    # to action names ("Subscribe to X"), a numbered heading ("1.1 Name", "Tip #1 - …"): a section, not a headline
    "echo_separated", "role_line", "named_by_action", "numbered",
    # how the line reads: under a breadcrumb's step cut onto a line of its own ("Cleaning /" over "Cleaning
    # Trends"), a piece of a sentence (", and"), a filing line ("Published in Design, Layout"), a short label before
    # a colon ("Quick Summary: …"), over a similar headline (a section repeating the page's headline below it)
    "after_crumb_step", "fragment", "filing_line", "label_prefix", "over_similar",
    # a headline over a byline, found outside the lines searched: the body model began the article far from it
    "far_over_byline",
    # how often its words recur in the article's paragraphs (a headline names what the article is about, another
    # story's headline or a section's name less so), the most of any candidate's, at least half
    "salience", "best_salience", "salience_half",
    # a button within two lines under it ("Play now", "Learn more"): a promotion's heading, not the article's
    "over_button",
    # the share of the article's paragraphs that use one of its words or more: a headline's subject runs through
    # the whole text, a section's or a teaser's through a few paragraphs of it
    "coverage",
    # a line between it and the text (a dek, not a byline or a date) with a paragraph just under that; a number in
    # it ("7 Tips") that the article's numbered sections count, give or take one or two
    "prose_two_down", "count_matches",
)
_TITLE_INDEX = {name: k for k, name in enumerate(TITLE_FEATURES)}
_SEPARATOR = re.compile(r"\s[|–—-]\s")
#: A line that asks the reader to do something: a button or a prompt, not a headline.
_CALL_TO_ACTION = re.compile(r"^(?:sign|log(?:in|out)?|subscribe|join|search|shop|buy|get|start|learn|discover|"
                             r"explore|see|check|view|read|watch|listen|download|book|request|contact|message|call|email|"
                             r"back|go|try|register|sponsored|advertisement|follow|share|create|find)\b", re.I)
_NOW = re.compile(r"\bnow[.!]?$", re.I)


def _is_button(text: str) -> bool:
    """A button's words: a verb that calls to act, or "… now", in three words at most."""
    return 0 < word_count(text) <= 3 and bool(_CALL_TO_ACTION.match(text) or _NOW.search(text))


#: Menu items or a date and a name run together when a page is reduced to text ("HomeProducts", "2025Julian").
_GLUED = re.compile(r"\d[^\W\d]{2}|[a-z]{2}[A-Z][a-z]")
#: The ranker's "no title" scores zero; a headline-shaped candidate a little under it is still the page's best guess.
_WEAK_TITLE = -1.5
_BELOW_LINES = 12  # lines under the article's first line searched too, while no paragraph has come
_PROSE_WORDS = 20  # a line this long is a paragraph: no headline stands under one
_KEY_WORD = re.compile(r"\w+")
#: A breadcrumb's steps: "Home » Guides » Renting a Car", "Home / Tips & Tools / Book Reviews".
_CRUMB_STEP = re.compile(r"\s[>»›/]\s|\s?[>»›]\s?")
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A date's shape, also where a page has run it into the next word ("Mar 27, 20255 mins").
_DATE_SHAPE = re.compile(rf"\b{_MONTH_WORD}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}(?!\w)|"
                         r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b", re.I)
#: What stands beside a date in a dateline: cues, reading times, numbers, punctuation.
_DATE_WORDS = re.compile(r"\b(?:posted|published|updated|last|modified|on|at|by|min|mins|minutes?|read|ago|"
                         r"days?|hours?|weeks?|months?|years?|am|pm)\b|\d+|[^\w\s]", re.I)
#: What stands beside a date in a dateline in other languages ("Publicado em 5 de março de 2025, às 08h30",
#: "Publié le 3 février 2025 à 10 h 42", "Veröffentlicht am 3. Februar 2025, 10:42 Uhr"): cues and times.
_OTHER_DATE_WORDS = re.compile(r"\b(?:publi\w*|veröffentlicht|aktualisiert|actualiz\w*|mis\s+à\s+jour|pubblicat\w*|"
                               r"aggiornat\w*|gepubliceerd|bijgewerkt|opublikowano|опубликовано|обновлено|"
                               r"le|el|em|am|à|às|a\s+las|alle|ore|um|om|o|в|uhr|h|ч)\b|"
                               r"\b\d{1,2}\s?[h:.]\s?\d{2}\b|\d+|[^\w\s]", re.I)


def _dateline_in_any_language(text: str) -> bool:
    """A date (in any language `find_dates` reads) with no more than two words beside it once cues and times go."""
    rest = without_dates(text)
    return rest != text and len(_OTHER_DATE_WORDS.sub(" ", rest).split()) <= 2


#: A numbered section: "1. Name", "1.1 Name", "Tip #1 - …", "Step 3: …".
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*[.)]\s|\d+\.\d+\s|(?:step|tip|part|no\.?|#)\s*#?\d+\b)", re.I)
#: What stands between a headline and more words where a page repeats it: "Title | Site", "Title :: View in Browser",
#: "Title (site.com)", "5 Comments on Title", "More about Title".
_ECHO_AFTER = re.compile(r"^\s*(?:[|·•(]|::|[-–—]\s)")
_ECHO_BEFORE = re.compile(r"(?:[|·•]|\s[-–—]|\b(?:comments?|responses?|replies|thoughts)\s+on|\bmore\s+about)\s*$")
_ECHO_MARK = re.compile(r"[|·•(:\-–—]|\bon\b|\babout\b")
#: A site's or a section's name as the object of a call to action: "Subscribe to the X", "Welcome to X", "About X".
_ACTED_ON = re.compile(r"^(?:subscribe\s+to|welcome\s+to|follow|about|bookmarking|support|donate\s+to|join|"
                       r"back\s+to|return\s+to|more\s+from|in\s+this\s+section:)\s+(?:the\s+)?(.+?)\s*$")
#: The end of a breadcrumb's step: "Home /", "Guides »".
_CRUMB_END = re.compile(r"(?:^|\s)[>»›/]$")
#: A piece of a sentence, not a line of its own: ", and", "- or more".
_FRAGMENT = re.compile(r"^(?:[,;.:)\]}–—-]|(?:and|or|but|nor)\b)")
#: A filing line: "Published in Design", "Posted in News", "Filed under Tips".
_FILING = re.compile(r"^(?:published|posted|filed)\s+(?:in|under)\b", re.I)
#: A label of one or two words before a colon: "Quick Summary: …", "PROJECT: …".
_LABEL_PREFIX = re.compile(r"^\s*[^\s:]+(?:\s+[^\s:]+)?\s*:\s+(?P<rest>\S.*)$")
_SALIENCE_LINES = 80  # the article's paragraphs whose words a headline's are counted in
_SALIENCE_WORDS = 12  # a line this long is one of them
_SALIENCE_CAP = 10  # a word used this often is as much the article's subject as one used more
#: A count in a headline: "7 Tips", "Top Nine …" (a number of 2 to 100, not a year, a price or a share).
_COUNT = re.compile(r"(?<![\d.,])(\d{1,3})(?![\d.,:%])")
_COUNT_WORDS = {word: k for k, word in enumerate("zero one two three four five six seven eight nine ten eleven twelve"
                                                 .split())}
_COUNTED_LINES = 400  # the article's lines whose numbered sections are counted
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d[\d\s-]{8,}")


def _key(text: str) -> tuple[str, ...]:
    """A line's words, case and punctuation aside."""
    return tuple(_KEY_WORD.findall(text.lower()))


def same_words(a: str, b: str) -> bool:
    """Two lines with the same words, case and punctuation aside (a headline and its second copy)."""
    return _key(a) == _key(b)


def _size(text: str) -> int:
    """A line's words; in a script without spaces, its characters as about as many words (never none)."""
    size = line_size(text)
    return max(1, round(size)) if size else 0


class _TitlePage:
    """A page's lines as the title ranker reads them, with what it asks of them more than once worked out once:
    their words, their dates, a breadcrumb's steps, and (set by `title_candidates`) the words of the article's
    opening paragraphs."""

    def __init__(self, units: list[Unit]):
        self.units = units
        self.texts = [u.text.strip() for u in units]
        self.lowered = [t.lower() for t in self.texts]
        self.counts: dict[str, int] = {}
        for text in self.lowered:
            self.counts[text] = self.counts.get(text, 0) + 1
        self.sizes = [_size(t) for t in self.texts]
        self.keys = [_key(t) for t in self.texts]
        self._dated: dict[int, bool] = {}
        self._headline: dict[int, bool] = {}
        self.tails: set[tuple[str, ...]] = set()
        self.inner: set[tuple[str, ...]] = set()
        for text, n in zip(self.texts, self.sizes):
            if n <= 40 and BREADCRUMB.search(text):
                steps = [step for step in map(_key, _CRUMB_STEP.split(text)) if step]
                if len(steps) >= 2:
                    self.tails.add(steps[-1])
                    self.inner.update(steps[:-1])
        self.acted_on = {m.group(1) for text in self.lowered if (m := _ACTED_ON.match(text))}
        self.echoes = [(j, text) for j, text in enumerate(self.lowered)
                       if self.sizes[j] <= 60 and _ECHO_MARK.search(text)]  # lines that may repeat a headline
        self.lead: set[str] = set()
        self.longer = [(j, k) for j, k in enumerate(self.keys) if 3 <= len(k) <= 60]

    def text(self, i: int) -> str:
        return self.texts[i] if 0 <= i < len(self.texts) else ""

    def size(self, i: int) -> int:
        return self.sizes[i] if 0 <= i < len(self.sizes) else 0

    def dated(self, i: int) -> bool:
        if i not in self._dated:
            self._dated[i] = bool(find_dates(self.texts[i]))
        return self._dated[i]

    def headline(self, i: int) -> bool:
        """`_headline_shaped` of line i (False off the page)."""
        if not 0 <= i < len(self.texts):
            return False
        if i not in self._headline:
            text = self.texts[i]
            self._headline[i] = (3 <= self.sizes[i] <= 20 and is_heading_like(text) and not self.dated(i)
                                 and not _is_byline(text) and not TAIL_LABELS.match(text))
        return self._headline[i]

    def byline_or_date(self, i: int, shaped: bool = False) -> bool:
        """A byline or a dateline of at most twenty words; `shaped`: a date written as the page ran it too."""
        if not 0 <= i < len(self.texts) or not 0 < self.sizes[i] <= 20:
            return False
        text = self.texts[i]
        return bool(_is_byline(text) or self.dated(i) or (shaped and _DATE_SHAPE.search(text)))

    def starts_and_ends(self, i: int) -> tuple[bool, bool]:
        """Whether a longer line begins with line i's words ("Title | Site") and whether one ends with them
        ("Share: Title", "Home / Guides / Title")."""
        key, n = self.keys[i], len(self.keys[i])
        starts = ends = False
        if n < 2:
            return starts, ends
        for j, other in self.longer:
            if j != i and len(other) > n:
                starts = starts or other[:n] == key
                ends = ends or other[-n:] == key
                if starts and ends:
                    break
        return starts, ends


def title_candidates(units: list[Unit], first: int) -> list[tuple[int, list[float]]]:
    """Lines that could be the headline, each with its TITLE_FEATURES."""
    page = _TitlePage(units)
    texts, sizes = page.texts, page.sizes
    paragraphs = [t for t, n in zip(texts[first:first + 60], sizes[first:first + 60]) if n >= _PROSE_WORDS][:3]
    page.lead = _vocabulary(paragraphs)  # the article's opening paragraphs
    window = range(max(0, first - _TITLE_WINDOW), _window_end(page, first))
    longest = max((sizes[i] for i in window if sizes[i] <= 30 and is_heading_like(texts[i])), default=0)
    vocabulary = _vocabulary(texts[first + 2:first + 42])  # the article, past a title it may begin with
    below = set(page.lowered[first + 2:])
    common = lowercase_words(texts)
    lines = [i for i in window if 1 <= sizes[i] <= 40 and not _sentences(texts[i], sizes[i])]
    far = _far_over_byline(page, window)
    out = [(i, _title_row(page, i, first, longest, vocabulary, below, common)) for i in sorted([*lines, *far])]
    for i, row in out:
        row[_TITLE_INDEX["far_over_byline"]] = 1.0 if i in far else 0.0
    overlaps = [row[_TITLE_INDEX["overlap"]] for i, row in out if sizes[i] >= 3]
    best = max(overlaps, default=0.0)
    for i, row in out:
        if best > 0 and sizes[i] >= 3 and row[_TITLE_INDEX["overlap"]] == best:
            row[_TITLE_INDEX["best_overlap"]] = 1.0
    _mark_containment(out, page)
    _mark_salience(out, page, first)
    numbered = sum(1 for j in range(first, min(len(texts), first + _COUNTED_LINES))
                   if 1 <= sizes[j] <= 15 and _NUMBERED.match(texts[j]))
    for i, row in out:
        count = _headline_count(texts[i])
        row[_TITLE_INDEX["count_matches"]] = 1.0 if count and count - 1 <= numbered <= count + 2 else 0.0
    nearest = next((i for i, _row in reversed(out) if i < first and sizes[i] >= 2 and is_heading_like(texts[i])
                    and not page.dated(i) and not _is_byline(texts[i])), None)
    for i, row in out:
        row[_TITLE_INDEX["nearest_heading"]] = 1.0 if i == nearest else 0.0
    return out


def _headline_count(text: str) -> int:
    """The number a headline counts ("7 Tips", "Top Nine …"): 2 to 100, or 0."""
    for match in _COUNT.finditer(text):
        if 2 <= int(match.group(1)) <= 100:
            return int(match.group(1))
    return next((_COUNT_WORDS[w] for w in _KEY_WORD.findall(text.lower()) if _COUNT_WORDS.get(w, 0) >= 2), 0)


#: Where a sentence ends and another begins within a line: "…a gamekeeper. He began…".
_SENTENCE_BREAK = re.compile(rf"[{re.escape(SENTENCE_MARKS)}][\"”’)\]]*(?:\[\d+\])?\s+[\"“‘(]?(?P<next>[^\W\d_])")


def _sentences(text: str, size: int) -> bool:
    """A paragraph of sentences, never a headline: two or more, ending in a stop, fifteen words or more."""
    return size >= 15 and ends_sentence(without_note_call(text)) and any(
        not match.group("next").islower() for match in _SENTENCE_BREAK.finditer(text))  # a capital, or a script's
    # letter that has no case: "…पड़ा। इतिहासकारों…" breaks as "…a gamekeeper. He began…" does


def _mark_salience(out: list[tuple[int, list[float]]], page: _TitlePage, first: int) -> None:
    """How often each candidate's words recur in the article's paragraphs: "salience" (the mean, each word's
    count capped), "best_salience" (the most of any candidate of two words or more), "salience_half", and
    "coverage" (the share of the paragraphs with one of its words or more)."""
    prose = [t for t, n in zip(page.texts[first:], page.sizes[first:]) if n >= _SALIENCE_WORDS][:_SALIENCE_LINES]
    function = detect_language(prose).stopwords  # "for", "the": every article's words, no subject's
    paragraphs = [{term[:STEM] for term in content_terms(text, function)} for text in prose]
    counts = Counter(term[:STEM] for text in prose for term in content_terms(text, function))
    scores = {}
    for i, row in out:
        terms = {term[:STEM] for term in content_terms(page.texts[i], function)}
        scores[i] = sum(min(counts[t], _SALIENCE_CAP) for t in terms) / _SALIENCE_CAP / len(terms) if terms else 0.0
        row[_TITLE_INDEX["salience"]] = scores[i]
        if terms and paragraphs:
            row[_TITLE_INDEX["coverage"]] = sum(1 for words in paragraphs if words & terms) / len(paragraphs)
        row[_TITLE_INDEX["salience_half"]] = 1.0 if scores[i] >= 0.5 else 0.0
    best = max((scores[i] for i, _row in out if page.sizes[i] >= 2), default=0.0)
    for i, row in out:
        row[_TITLE_INDEX["best_salience"]] = 1.0 if best > 0 and page.sizes[i] >= 2 and scores[i] == best else 0.0


def _far_over_byline(page: _TitlePage, window: range) -> set[int]:
    """Headlines above the window with a byline just under them: where the body model began the article far
    below its head (a list of products or teasers under the headline taken for its start)."""
    return {i for i in range(window.start) if page.headline(i)
            and any(_is_byline(page.texts[j]) and page.sizes[j] <= 20
                    for j in range(i + 1, min(len(page.texts), i + 4)))}


def _window_end(page: _TitlePage, first: int) -> int:
    """Past the last line searched: the article's first line and, while no paragraph has come, a few under it
    (an article found a line or two early begins with a promotion, a breadcrumb or a date over its headline)."""
    end = first + 1
    while end < len(page.texts) and end <= first + _BELOW_LINES and (page.sizes[end - 1] < _PROSE_WORDS
                                                                      or _long_dateline(page, end - 1)):
        end += 1
    return min(end, len(page.texts))


def _long_dateline(page: _TitlePage, i: int) -> bool:
    """A dateline long enough to pass for a paragraph ("Posted on 20 December 2025 by Ann Smith - 5 Comments on
    Title"): a head's line, not the text's; the headline may stand under it."""
    text = page.texts[i]
    return page.sizes[i] <= 40 and page.dated(i) and bool(_DATE_CUE.match(text) or _is_byline(text)) \
        and not text.endswith(".")


def _mark_containment(out: list[tuple[int, list[float]]], page: _TitlePage) -> None:
    """A headline repeated inside a breadcrumb or a menu line, and the menu line that holds it."""
    lowered = page.lowered
    for i, row in out:
        if page.sizes[i] < 2:
            continue
        mine = lowered[i]
        holders = {j for j, other in enumerate(lowered) if len(other) > len(mine) + 2 and mine in other}
        row[_TITLE_INDEX["inside_other"]] = 1.0 if holders else 0.0
        for j, other_row in out:
            if j in holders:
                other_row[_TITLE_INDEX["holds_other"]] = 1.0


def _vocabulary(texts: list[str]) -> set[str]:
    return {term for text in texts for term in content_terms(text)}


def _overlap(text: str, vocabulary: set[str]) -> float:
    terms = content_terms(text)
    return len(terms & vocabulary) / len(terms) if terms else 0.0


def _title_row(page: _TitlePage, i: int, first: int, longest: int, vocabulary: set[str], below: set[str],
               common: frozenset[str]) -> list[float]:
    text, n, unit = page.texts[i], page.sizes[i], page.units[i]
    row = [0.0] * len(TITLE_FEATURES)

    def put(name: str, value: float | bool = 1.0) -> None:
        row[_TITLE_INDEX[name]] = float(value)

    put("bias")
    above = first - i
    if above < 0:
        put("below")
        put("below_2", above < -1)
    else:
        put(next(f"above_{k}" for k, limit in (("0", 0), ("1", 1), ("2", 2), ("3", 3), ("4_6", 6), ("7_10", 10),
                                                 ("11_20", 20), ("21", 10 ** 6)) if above <= limit))
    put(next(f"words_{k}" for k, limit in (("1", 1), ("2_3", 3), ("4_7", 7), ("8_12", 12), ("13_20", 20),
                                            ("21", 10 ** 6)) if n <= limit))
    put("heading_like", is_heading_like(text))
    put("ends_question", text.endswith(("?", "？")))
    put("ends_period", text.endswith((".", "。")))
    put("ends_colon", text.endswith((":", "：")))
    words = text.split()
    put("capitals", sum(1 for w in words if w[:1].isupper()) / len(words))
    put("all_caps", text.upper() == text and text.lower() != text)
    repeats = page.counts.get(page.lowered[i], 0)
    put("repeated", repeats > 1)
    put("repeated_thrice", repeats > 2)
    put("repeated_below", page.lowered[i] in below)
    put("heads_byline_or_date", any(page.byline_or_date(j) for j in range(i + 1, i + 4)))
    put("after_short_line", i > 0 and page.sizes[i - 1] <= 3)
    put("longest_nearby", n == longest)
    put("furniture", bool(classify(unit)))
    put("label", bool(TAIL_LABELS.match(text) or COMMENT_LABELS.match(text)))
    put("date", page.dated(i))
    put("byline", bool(_is_byline(text) or BY_ALONE.match(page.text(i - 1))))  # or the name under "By"
    put("person", bool(_PERSON.match(text)) and n <= 4)
    put("breadcrumb", bool(BREADCRUMB.search(text)))
    put("separator", bool(_SEPARATOR.search(text)))
    put("place_aside", unit.place == "aside")
    put("place_body", not unit.place)
    put("digits", sum(c.isdigit() for c in text) / max(1, len(text)))
    put("glued", bool(_GLUED.search(text)))
    put("before_prose", page.size(i + 1) >= 20)
    put("under_headline", page.headline(i - 1))
    put("over_longer", n < page.size(i + 1) <= 60 and not _is_byline(page.text(i + 1))
        and not page.dated(i + 1))
    put("above_41", above > 40)  # beside above_21: far above a late-found start
    put("named_person", bool(_person_line(text, common)))
    put("over_button", any(_is_button(page.text(j)) for j in (i + 1, i + 2)))
    above_text, below_text = page.text(i - 1), page.text(i + 1)
    put("dek_under_title_case", page.headline(i - 1) and _case_drop(above_text, text))
    put("title_case_over_dek", page.headline(i) and 3 <= page.size(i + 1) <= 40 and _case_drop(text, below_text))
    put("call_to_action", bool(_CALL_TO_ACTION.match(text)))
    put("under_shorter_headline", page.headline(i - 1) and page.size(i - 1) < n)
    put("label_over_headline", n <= 4 and page.headline(i + 1) and page.size(i + 1) > n + 2)
    overlap = _overlap(text, vocabulary)
    put("overlap", overlap)
    for edge in (30, 50, 70):
        put(f"overlap_{edge}", overlap >= edge / 100)
    _page_evidence(page, i, put)
    return row


def _page_evidence(page: _TitlePage, i: int, put) -> None:
    """What the rest of the page says of line i (the features after "label_over_headline")."""
    text, key, n = page.texts[i], page.keys[i], page.sizes[i]
    put("next_byline_or_date", page.byline_or_date(i + 1, shaped=True))
    put("prev_byline_or_date", page.byline_or_date(i - 1, shaped=True))
    put("twin_near", bool(key) and any(page.keys[j] == key for j in range(max(0, i - 3), min(len(page.keys), i + 4))
                                       if j != i))
    put("breadcrumb_tail", key in page.tails and not BREADCRUMB.search(text))
    put("breadcrumb_inner", key in page.inner and key not in page.tails)
    starts, ends = page.starts_and_ends(i)
    put("starts_other", starts)
    put("ends_other", ends)
    terms = content_terms(text)
    put("lead_overlap", len(terms & page.lead) / len(terms) if terms else 0.0)
    put("mostly_date", bool(page.dated(i) or _DATE_SHAPE.search(text))
        and (len(_DATE_WORDS.sub(" ", _DATE_SHAPE.sub(" ", text)).split()) <= 2 or _dateline_in_any_language(text)))
    put("phone", bool(_PHONE.search(text)))
    put("next_headline", page.headline(i + 1))
    put("after_nav_run", i >= 3 and n >= 3 and is_heading_like(text) and all(1 <= page.sizes[j] <= 4
                                                                              for j in range(i - 3, i)))
    _what_it_is(page, i, put)


def _what_it_is(page: _TitlePage, i: int, put) -> None:
    """Whether line i is a headline the page repeats with a separator, or a job title, a site's or a section's
    name, a numbered section (the features after "phone")."""
    text, n = page.texts[i], page.sizes[i]
    put("echo_separated", _echoed(page, i))
    put("role_line", n <= 12 and bool(JOB_WORD.search(text)) and not text.endswith(("?", ".")))
    put("named_by_action", page.lowered[i] in page.acted_on)
    put("numbered", bool(_NUMBERED.match(text)))
    _how_it_reads(page, i, put)


def _how_it_reads(page: _TitlePage, i: int, put) -> None:
    """Whether line i follows a breadcrumb's step, is a piece of a sentence, a filing line, a label's line, or
    stands over a similar headline (the features after "numbered")."""
    text, key = page.texts[i], page.keys[i]
    put("after_crumb_step", bool(_CRUMB_END.search(page.text(i - 1))))
    put("fragment", bool(_FRAGMENT.match(text)))
    put("filing_line", bool(_FILING.match(text)))
    label = _LABEL_PREFIX.match(text)
    put("label_prefix", bool(label) and word_count(label.group("rest")) >= 3)
    put("prose_two_down", page.size(i + 1) < _PROSE_WORDS and not page.byline_or_date(i + 1, shaped=True)
        and any(page.size(j) >= _PROSE_WORDS for j in (i + 2, i + 3)))
    put("over_similar", any(_similar(key, page.keys[j]) for j in range(i + 1, min(len(page.keys), i + 11))))


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two headlines of three words or more, not the same, half their words or more shared."""
    if len(a) < 3 or len(b) < 3 or a == b:
        return False
    x, y = set(a), set(b)
    return len(x & y) >= len(x | y) / 2


def _echoed(page: _TitlePage, i: int) -> bool:
    """Whether another line holds line i's text and more, set off by a separator: "Title | Site", "Title ::
    View in Browser", "5 Comments on Title", "More about Title"."""
    mine = page.lowered[i]
    if page.sizes[i] < 3:
        return False
    for j, other in page.echoes:
        if j == i or len(other) <= len(mine) + 2:
            continue
        if other.startswith(mine) and _ECHO_AFTER.match(other[len(mine):]):
            return True
        if other.endswith(mine) and _ECHO_BEFORE.search(other[:-len(mine)]):
            return True
    return False


def _title_case_share(text: str) -> float:
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) / len(words) if words else 0.0


def _case_drop(upper: str, lower: str) -> bool:
    """A Title Case headline over a sentence-case line: the headline and its dek, in that order."""
    return _title_case_share(upper) >= 0.8 and _title_case_share(lower) <= 0.4


def _headline_shaped(text: str) -> bool:
    """A line a dek or standfirst could sit under: heading-like, a few words, not a date, byline or label."""
    return (3 <= word_count(text) <= 20 and is_heading_like(text) and not find_dates(text)
            and not _is_byline(text) and not TAIL_LABELS.match(text))


def choose_title(units: list[Unit], first: int, weights: dict[str, float] | None = None) -> int | None:
    """The headline: the candidate the title ranker scores highest, if it scores above zero (or a little under
    it, where it reads as a headline)."""
    return pick_title(units, first, title_candidates(units, first), weights)


def pick_title(units: list[Unit], first: int, candidates: list[tuple[int, list[float]]],
               weights: dict[str, float] | None = None) -> int | None:
    """`choose_title` over candidates already found (the trainer finds them once and tries many weights)."""
    weights = weights or {}
    vector = [weights.get(name, 0.0) for name in TITLE_FEATURES]
    best, best_score = None, _WEAK_TITLE
    for i, row in candidates:
        score = sum(w * x for w, x in zip(vector, row) if x)
        if score > best_score:
            best, best_score = i, score
    if best is not None and best_score <= 0 and not is_heading_like(units[best].text):
        best = None  # a weak candidate is the title only where it reads as a headline
    if best is None:
        best = _headline_over_text(units, first)
    return _breadcrumb_tail(units, best, [i for i, _row in candidates])


#: An aggregator's note after a headline: the linked story's site and a count of comments ("… Jobs (latimes.com)
#: 87", "… (example.org)"), not the headline's words.
_SOURCE_ECHO = re.compile(r"\s+\((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\)(?:\s+\d[\d,]*)?$", re.I)


def bare_headline(text: str) -> str:
    """The headline's own words, without an aggregator's note of the story's site after them."""
    return _SOURCE_ECHO.sub("", text) or text


def _headline_over_text(units: list[Unit], first: int) -> int | None:
    """Where the ranker finds no headline, a headline-shaped line standing right above the text: a plain
    page that begins with its title."""
    i = first - 1
    if i < 0 or not _headline_shaped(units[i].text) or _CALL_TO_ACTION.match(units[i].text.strip()):
        return None
    return i


def _breadcrumb_tail(units: list[Unit], best: int | None, candidates: list[int]) -> int | None:
    """ "Home » Guides » Renting a Car" chosen where "Renting a Car" stands alone nearby: the line alone."""
    if best is None or not BREADCRUMB.search(units[best].text):
        return best
    trail = units[best].text.strip().lower()
    tails = [i for i in candidates if i != best and word_count(units[i].text) >= 2
             and trail.endswith(units[i].text.strip().lower())]
    return min(tails, key=lambda i: abs(i - best)) if tails else best


# -- author --------------------------------------------------------------------------------

_ROLE_WORDS = re.compile(
    r"\s*(?:,|\||·|•|\s-\s|–|—)?\s*\b(?:former|senior|staff(?=\s*\S)|junior|chief|deputy|managing|associate|"
    r"contributing|lead|head|executive|editor|editorial|writer|contributor|reporter|correspondent|columnist|analyst|"
    r"founder|co-founder|ceo|cto|director|manager|expert|specialist|consultant|professor|gardener|author|freelance|"
    r"journalist|(?:january|february|march|april|june|july|august|september|october|november|december)(?:\s|$)|"
    r"photographer|producer|host|team(?=\s*\S)|guest|last\s+(?:updated|modified|reviewed)|updated|published|posted|"
    r"reviewed|edited|fact|view|on\s|in|at)\b.*$",
    re.I)
#: A role after a comma, whatever words stand before its job word: ", Print Managing Editor", ", Privacy and Digital
#: Security Expert", ", Trial Attorney at …": the whole of it goes, from the comma.
_ROLE_AFTER_COMMA = re.compile(
    r"\s*,\s*[^,]*?\b(?:editor|editors|writer|contributor|reporter|correspondent|columnist|analyst|founder|co-founder|"
    r"ceo|cto|cfo|coo|director|manager|expert|specialist|consultant|professor|author|journalist|photographer|"
    r"producer|attorney|lawyer|strategist|officer|president|coordinator|marketer|engineer|developer|designer|"
    r"researcher|scientist|advisor|adviser|planner|instructor|teacher|coach)s?\b.*$",
    re.I)
#: Letters after a name that belong to it ("Ann Smith, MD", "Li Wei, Ph.D.", "Jo Park, MS, RD").
_CREDENTIALS = r"(?:,?\s+(?:Ph\.?\s?D\.?|M\.?D\.?|[A-Z]{2,6}\b\.?))*"
#: The name before them: no word of it in capitals ("Jeffrey A. Slotnick CPP, PSP" is a name and two credentials).
_UNCAPPED_WORD = rf"(?![A-Z]{{2,}}\b){_NAME_WORD}"
_CREDENTIALED = re.compile(rf"^(?P<name>(?:Dr\.?\s+)?{_UNCAPPED_WORD}"
                           rf"(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_UNCAPPED_WORD}){{0,4}})"
                           rf"{_CREDENTIALS}$")
#: A group that signs an article: "The Editorial Team", "Acme Staff".
_TEAM = re.compile(rf"^(?!by\s)(?:(?:the\s+)?(?:{_NAME_WORD}\s+){{1,3}}(?:team|staff|editors|newsroom|desk)"
                   rf"|team\s+{_NAME_WORD})$", re.I)
#: "About Ann Smith" heading an author's box.
_ABOUT = re.compile(r"^about\s+(?:the\s+author:?\s*)?(?=[A-Z])", re.I)
_ABOUT_THE_AUTHOR = re.compile(r"^about\s+the\s+author\s*[:\-–—]\s*\S", re.I)
_NAME_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")
#: A reviewer's or an editor's byline, not the writer's.
_REVIEWER = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:reviewed|fact[\s-]?checked|checked|edited)\s+by\b", re.I)
_BOX_INSIDE = 25  # lines at the article's end searched for its author's box too


def _clean_name(name: str) -> str | None:
    """A byline's name without the role, date or menu word run on after it; None when it is no name."""
    name = _GLUED_FOLLOWER.split(name, maxsplit=1)[0]
    if not _TEAM.match(name.strip(" ,.;:|·•-–—")):  # "SolutionsHub Editorial Team" is a team, not a role
        name = _ROLE_WORDS.sub("", _ROLE_AFTER_COMMA.sub("", name))
    name = name.strip(" ,.;:|·•-–—")
    words = name.split()
    if words and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        words = words[:len(words) // 2]  # "Ann Smith Ann Smith": a name and its link
    name = " ".join(words)
    if not words or len(words) > 12 or (words[0].lower() in _NOT_NAME_WORDS and not _TEAM.match(name)
                                        and not _PEN_NAME.match(name)):
        return None
    return name


#: "The Ritualist", "The Pioneer Woman": a pen name or a publication that signs with its article.
_PEN_NAME = re.compile(r"^the\s+(?!(?:staff|team|editors?|admin)\b)\S", re.I)
#: "by whova | 21 Apr 2025", "Posted on 1 July 2024 by infuy": a user name in lower case after the cue.
_HANDLE_BYLINE = re.compile(r"^(?:[\W\d_]|(?:posted|published|updated|on|in)\b)*\b(?:posted\s+by|written\s+by|by)"
                            r"\s+(?P<name>[a-z][a-z0-9_.-]{2,24})\s*(?:$|[|·•,]|(?:on|in|at)\b)", re.I)


def _without_dates(text: str) -> str:
    return without_dates(text, " · ")  # a separator where each date stood, as between a byline's parts


def _is_byline(text: str) -> bool:
    """A byline: "By Ann Smith", "Posted on 3 May 2025 by Ann Smith", "Publié le 3 février 2025 par Ann Smith"."""
    if _BYLINE.match(text):
        return True
    return bool(_PUBLISHED.match(text) and _PUBLISHED_BY.match(_without_dates(text)))  # dates cost: only then


#: "Publié le 3 février 2025 par Claire Martin" (the date taken out): a dateline in another language that ends
#: in its writer, the cue "by" in that language ("da", "door", "av" only after the word for "published").
_PUBLISHED = re.compile(r"(?i:publi|veröffentlicht|pubblicat|gepubliceerd|opublikowano)")
_PUBLISHED_BY = re.compile(
    rf"^(?i:publi[ée]e?s?|publicad[oa]|veröffentlicht|pubblicat[oa]|gepubliceerd|publicerad|publiceret|publisert|"
    rf"opublikowano)(?:\s+(?i:le|el|am|il|op|den|dnia|em))?[\s·,|]*"
    rf"(?i:par|por|von|da|door|av|af|przez)\s+(?P<name>{_CAPITALISED_NAME})\s*$")


def byline_name(text: str) -> str | None:
    """The name a byline gives ("By Ann Smith | 3 May 2025" → "Ann Smith")."""
    text = _without_dates(_YEAR_GLUED.sub(" ", text.strip()))
    if word_count(text) > 25:
        return None
    match = _BYLINE.match(text)
    if match:
        return _clean_name(match.group("name"))
    match = _PUBLISHED_BY.match(text) if _PUBLISHED.match(text) else None
    if match:
        return _clean_name(match.group("name"))
    match = _HANDLE_BYLINE.match(text)
    if match and match.group("name").islower():
        handle = match.group("name")
        return handle if handle not in _NOT_NAME_WORDS | _COMMON_WORDS | _FREQUENT else None
    return uncased_byline(text)


def _name_beside_date(text: str, common: frozenset[str] = frozenset()) -> str | None:
    """ "Ann Smith · 3 May 2025", "3 May 2025 · Ann Smith on behalf of …", "12/19/2025 • Column Name • Ann
    Smith", "3 May 2025 Acme": the name beside a date, one of the parts a separator leaves, not a label."""
    text = _YEAR_GLUED.sub(" ", text)  # "Dec 17, 2025Ann Smith"
    dates = find_dates(text)
    if not dates or word_count(text) > 20:
        return None
    for side in (text[:dates[0].start], text[dates[-1].end:]):
        for part in _SIDE_PARTS.split(side):
            if part.rstrip().endswith(":"):
                continue  # "Publicado: 14/03/2024": a label
            part = part.strip(" ,.;:|·•-–—")
            match = _SIDE_NAME.match(part)
            name = _clean_name(match.group("name")) if match else None
            if name and 2 <= len(name.split()) <= 4 and (
                    _is_person(name, common) or _TEAM.match(name) and _team_named(name, common)):
                return name
            if name and part == name and _single_name(name, common):
                return name
    return None


_YEAR_GLUED = re.compile(r"(?<=\b\d{4})(?=[A-Z][a-z])")
_SIDE_NAME = re.compile(rf"^(?:(?i:by)\s+)?(?P<name>{_CAPITALISED_NAME})")
_SIDE_PARTS = re.compile(r"\s*(?:[|·•/]|\s[-–—]\s)\s*")
_MONTH_OR_DAY = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
                           r"[a-z]*", re.I)


def _single_name(word: str, common: frozenset[str]) -> bool:
    """One word standing for the writer: a first name, a pen name or a firm ("Mirela", "Acme", "EcoFlow") that
    the page never writes in lower case and that is no label's word, no month and no frequent word."""
    lowered = word.lower()
    return (bool(re.fullmatch(rf"[{CAPITAL}][\w’'-]{{2,19}}", word)) and not any(c.isdigit() for c in word)
            and not word.isupper() and not _MONTH_OR_DAY.fullmatch(word) and lowered not in common
            and lowered not in _NOT_NAME_WORDS | _COMMON_WORDS | _GENRES
            and not _DATE_CUE.fullmatch(word) and not _UPDATE_CUE.fullmatch(word))


#: Kinds of article, and what was done on the date, a single word beside the date may name instead of a writer.
_GENRES = frozenset("essay essays opinion column analysis interview feature features recipe recipes podcast video "
                    "explainer editorial commentary letters obituary obituaries report reports update updates "
                    "uncategorized uncategorised general announcements insights stories story released created "
                    "modified written reviewed revised date today yesterday".split())


def _written_only_in_bylines(token: str, texts: list[str]) -> bool:
    """A user name in lower case stands in short lines only (bylines, an author's box), never in prose."""
    return all(word_count(t) <= 12 for t in texts if token in _LOWER_WORD.findall(_without_addresses(t)))


def _handle(text: str, texts: list[str]) -> bool:
    """A writer's user name in lower case ("inikosoftseo", "jdoe_22"): one token, no word of the language,
    written nowhere else on the page (a category in lower case is repeated in the page's menus)."""
    token = text.strip()
    if not re.fullmatch(r"[a-z][a-z0-9_.-]{3,24}", token) or token in _NOT_NAME_WORDS | _COMMON_WORDS | _GENRES \
            or token in _FREQUENT:
        return False
    return sum(token in _LOWER_WORD.findall(_without_addresses(t)) for t in texts) == 1


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
    """Words the page writes in lower case somewhere: common words, not names ("library", "items"). An address
    is no writing: "hello@acme.com" and "blog.acme.com" do not make "acme" a common word."""
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(_without_addresses(text)))


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+\b")
_ADDRESS = re.compile(r"\S*(?:@|://|[a-z]\.[a-z]{2})\S*", re.I)
_ADDRESS_MARK = re.compile(r"@|://|[a-z]\.[a-z]{2}", re.I)


def _without_addresses(text: str) -> str:
    return _ADDRESS.sub(" ", text) if _ADDRESS_MARK.search(text) else text


def _is_person(text: str, common: frozenset[str] = frozenset()) -> bool:
    """A line that is a person's name: two to four capitalised words, none of them a label's or a function
    word or a frequent word the page also writes in lower case, and not most of them words it does (`common`)."""
    text = text.strip()
    if not _PERSON.match(text) or not 2 <= word_count(text) <= 4 or text.upper() == text:
        return False
    if any(len(w.strip(".,")) > 1 and w.isupper() for w in text.split()):
        return False  # "RSS Feeds", "CIS Controls": an acronym is a label's word, not a name's
    if _RUN_ON.search(text):
        return False  # "Wedding ChecklistsJust Engaged": menu items run together, not a name ("McNally" is one)
    if _CALL_TO_ACTION.match(text):
        return False  # "Join Urge", "Shop Apparel": a button, not a name
    if TAIL_LABELS.match(text) or COMMENT_LABELS.match(text):
        return False  # "Recent Posts", "Related Articles", "Leave a Reply": a box's label
    words = [w.lower().strip(".,") for w in text.split()
             if not _INITIAL.fullmatch(w) and w not in _PARTICLES]  # "A." is no word "a"; "de" is a name's
    if any(w in _NOT_NAME_WORDS or w in _COMMON_WORDS or (w in common and w in _FREQUENT) for w in words):
        return False
    if words and words[-1].endswith("s") and words[-1] in common and words[-1][:-1] in common:
        return False  # "Set Goals": a plural the page writes in lower case, and its singular, names no one
    return 2 * sum(w in common for w in words) <= len(words)


_RUN_ON = re.compile(r"[a-z]{4}[A-Z]")
_INITIAL = re.compile(rf"[{CAPITAL}]\.")


def _person_line(text: str, common: frozenset[str]) -> str | None:
    """The name a line that says nothing else gives: a person, with letters after the name, or a team."""
    text = _without_dates(text).strip(" ·|,")
    if _TEAM.match(text):  # "The Editorial Team": its words are a team's, not a role after a name
        return text if _team_named(text, common) else None
    text = _ROLE_WORDS.sub("", _ROLE_AFTER_COMMA.sub("", _GLUED_FOLLOWER.split(text, maxsplit=1)[0])
                           ).strip(" ·|,-–—") or text
    cased = text.title() if text.isupper() else text  # "ANN SMITH" in a capitals-only byline style
    match = _CREDENTIALED.match(cased)
    if match and _is_person(match.group("name"), common):
        return text
    names = _NAME_LIST.split(cased)  # "Ann Smith and Bo Lind", "Ann Smith, Bo Lind & Cy Park"
    # a list of three or more may hold one name with a word the page writes in lower case ("Rui Ma")
    return text if 2 <= len(names) <= 6 and all(_is_person(n, common) for n in names) and \
        3 * sum(_has_common(n, common) for n in names) <= len(names) else None


def _team_named(team: str, common: frozenset[str]) -> bool:
    """ "The Upwork Team", "Team Riverside", "BCBSOK Connect Team": a team with a name, one word of it at least
    no word the page writes in lower case ("Our Sales Team", "Meet the Team" are labels)."""
    words = [w.lower().strip(".,") for w in team.split()]
    own = [w for w in words if w not in STOPWORDS and not _TEAM_WORD.fullmatch(w)]
    return any(w not in common and w not in _COMMON_WORDS for w in own)


_TEAM_WORD = re.compile(r"team|staff|editors|newsroom|desk")


def _has_common(name: str, common: frozenset[str]) -> bool:
    """In a list of names no word is one the page writes in lower case ("Mine Safety and Health Materials")."""
    return any(w.lower().strip(".,") in common for w in name.split())


def _first_name(text: str, common: frozenset[str]) -> bool:
    """One capitalised word that is no label's word and that the page never writes in lower case."""
    word = text.strip()
    return (bool(re.fullmatch(rf"[{CAPITAL}][a-z{CAPITAL.lower()}’'-]+", word)) and 3 <= len(word) <= 15
            and word.lower() not in common and word.lower() not in _NOT_NAME_WORDS | _COMMON_WORDS)


def _find_author(units: list[Unit], near: range, anchor: int, last: int,
                 title: int | None = None, holder: str | None = None) -> tuple[str | None, int | None]:
    found = next(author_candidates(units, near, anchor, last, title, holder), None)
    if not found:
        return None, None
    return _as_written_alone(found[0], [u.text.strip() for u in units]), found[1]


def _as_written_alone(name: str, texts: list[str]) -> str:
    """A byline that ran on into a category ("Ann Smith Garden Notes May"): the name as the page writes it
    on a line of its own elsewhere (an author's box), when that is the byline's first words."""
    words = name.split()
    if len(words) < 3 or "," in name or _NAME_LIST.search(name) or _TEAM.match(name):
        return name
    alone = {t for t in texts if 2 <= len(t.split()) < len(words)}
    return next((" ".join(words[:k]) for k in range(len(words) - 1, 1, -1) if " ".join(words[:k]) in alone), name)


def author_candidates(units: list[Unit], near: range, anchor: int, last: int, title: int | None = None,
                      holder: str | None = None) -> Iterator[tuple[str, int | None, str]]:
    """Every (name, line it alone names or None, rule) the author rules read, in the order they are trusted:
    the first is the one taken (the rest are there to be looked at, as benchmarks do)."""
    order = sorted(near, key=lambda k: abs(k - anchor))
    # a byline may stand a few lines further into the article (under a standfirst and a photo's caption)
    further = range(near.stop, min(len(units), near.stop + _AUTHOR_HEAD_LINES - _HEAD_LINES))
    texts = [u.text.strip() for u in units]
    common = lowercase_words(texts)
    reviewers = []  # "Reviewed by …": the writer's name, when the page gives it, stands elsewhere in the head
    for i in order + list(further):
        name = byline_name(texts[i])
        if name and name.islower():  # a user name, written in bylines only ("by default" is no byline)
            name = name if _written_only_in_bylines(name, texts) else None
        else:
            name = _named(name, texts[i], common)
        if name and _REVIEWER.match(texts[i]):
            reviewers.append((name, (i if _only_attribution(texts[i], name) else None), "reviewer"))
        elif name:
            yield name, (i if _only_attribution(texts[i], name) else None), "byline"
        name = _after_cue(texts, i, common)
        if name:
            yield name, None, "after_cue"
    lone = []  # one word beside a date may be a dateline's place ("Madrid - 12 Jan 2026"): after a full name
    for i in order:
        name = _name_beside_date(texts[i], common)
        if name and " " not in name:
            lone.append((name, (i if _only_attribution(texts[i], name) else None), "beside_date"))
        elif name:
            yield name, (i if _only_attribution(texts[i], name) else None), "beside_date"
        name = _name_among_parts(texts[i], common)
        if name:
            yield name, (i if _only_attribution(texts[i], name) else None), "among_parts"
    for i in order:
        match = STANDFIRST_BYLINE.search(texts[i])
        if match and word_count(texts[i]) >= 6:
            yield match.group("name").rstrip("."), None, "standfirst"
        name = _written_by_sentence(texts[i])
        if name:
            yield name, None, "written_by"
    for i in order:  # a name on its own under the title or beside the date
        name = _person_line(texts[i], common) if i != title else None
        if name and (_beside_date(units, i) or _under_title(i, title)):
            yield name, i, "person_line"
    yield from lone
    for i in order:  # a first name, a pen name, a firm or "Staff" alone: only under the title and beside the date
        if i != title and _under_title(i, title) and _beside_date(units, i) and (
                _single_name(texts[i].strip(), common) or _handle(texts[i], texts) or _STAFF.match(texts[i])):
            yield texts[i].strip(), i, "one_word"
    yield from reviewers
    box = range(max(anchor + 1, last - _BOX_INSIDE), min(len(units), last + 40))
    for i in list(box) + order:  # an author's box, at the article's end or after it
        # after the article, or a short byline line closing it ("Posted by Ann at 11:15 AM")
        name = (_named(byline_name(texts[i]), texts[i], common, far=True) or _after_cue(texts, i, common)) \
            if i > last or (i > anchor + _HEAD_LINES and word_count(texts[i]) <= 12) else None
        if name:
            yield name, None, "box_byline"
        name = _person_line(_ABOUT.sub("", texts[i]), common) if i != title else None
        if name and _introduces(name, texts[i + 1:i + 4]):
            yield name, None, "box_bio"
        if name and i + 1 < len(texts) and _first_person_bio(name, texts[i + 1], common):
            yield name, None, "box_bio"
        about = _ABOUT.sub("", texts[i]) if _ABOUT.match(texts[i]) else ""  # "About Ann" over "Ann Smith is …"
        if about and _first_name(about, common) and (_introduces(about, texts[i + 1:i + 2])
                                                     or _ABOUT_THE_AUTHOR.match(texts[i])):
            yield about, None, "box_bio"  # or "About the Author: Ann", which says so itself
        name = _written_by_sentence(texts[i]) if i > last else None
        if name:
            yield name, None, "box_written_by"
    for i in sorted(range(len(units)), key=lambda k: abs(k - anchor)):  # a byline standing anywhere
        name = _named(byline_name(texts[i]), texts[i], common, far=True) if word_count(texts[i]) <= 8 else None
        if name and _only_attribution(texts[i], name):
            yield name, None, "byline_anywhere"
        name = _after_cue(texts, i, common)  # "By" over "Ann Smith", in a header far above
        if name and len(name.split()) >= 2:
            yield name, None, "cue_anywhere"
    name = _site_owner(units, common, holder)
    if name:  # nobody signs the article: a personal site's owner
        yield name, None, "site_owner"


def _named(name: str | None, line: str, common: frozenset[str], far: bool = False) -> str | None:
    """A byline's name, unless the line is a bare "By …" or "Author …" and every word of the name is one the
    page writes in lower case: "By Industry", "By Event Type" are a menu's facets, "Author Spotlight" a heading
    ("Written by Top Growth Marketing" is a byline whatever its words). Far from the title, a bare cue's name
    is one of two words at least and not in capitals ("By Region", "BY COMPANY TYPE" in a menu)."""
    if name is None or _TEAM.match(name):
        return name
    if name.lower().startswith("the "):  # a pen name ("The Ritualist"), not a heading ("By the Numbers")
        return name if name[:1] == "T" and not _has_common(name.split(None, 1)[1], common) else None
    if not _BARE_CUE.match(line):
        return name
    if far and (len(name.split()) < 2 or name.isupper()):
        return None
    words = [w.lower().strip(".,") for w in name.split() if not _INITIAL.fullmatch(w)]
    return name if any(w not in common and w not in _COMMON_WORDS for w in words) else None


_BARE_CUE = re.compile(r"^\W*(?:by|authors?)\b", re.I)


#: "This post was written by Ann Smith, MD, gastroenterologist": a sentence that names the writer.
_WRITTEN_BY = re.compile(rf"\b(?:was|is|were|are)\s+(?:written|authored|contributed|prepared)\s+by\s+"
                         rf"(?:(?:our|the)\s+(?:\w+\s+)?(?:writer|editor|author|contributor)s?\s+)?"
                         rf"(?P<name>(?:Dr\.?\s+)?{_CAPITALISED_NAME}{_CREDENTIALS})")


#: A standfirst that ends with its byline and date: "… beyond the U.S. and Canada. By Ann Smith on 19 Dec. 2025".
_TAIL_BYLINE = re.compile(rf"[.!?]\s+By\s+(?P<name>{_CAPITALISED_NAME})(?:\s+on)?[\s·|,]*$")


def _written_by_sentence(text: str) -> str | None:
    """The writer a sentence names: "… By Ann Smith on 3 May 2025" closing a standfirst, or "This post was
    written by Ann Smith, MD, …"."""
    tail = _TAIL_BYLINE.search(_without_dates(text)) if word_count(text) <= 80 else None
    if tail and _is_person(tail.group("name")):
        return tail.group("name")
    match = _WRITTEN_BY.search(text) if word_count(text) <= 40 else None
    if not match:
        return None
    name = match.group("name").strip(" ,.")
    person = re.split(r",", name, maxsplit=1)[0]
    return name if _is_person(person) else None


def _after_cue(texts: list[str], i: int, common: frozenset[str]) -> str | None:
    """ "Written by" or "Author:" on a line of its own: the name on the next line, a first name will do."""
    if not BY_ALONE.match(texts[i]) or i + 1 >= len(texts):
        return None
    for following in texts[i + 1:i + 3]:  # the next line, or the one after a category label between
        name = _person_line(following, common)
        if name is None:
            alone = re.split(r"\s[-–—|·]\s|,", following, maxsplit=1)[0].strip()  # "Noor - Product marketer"
            name = alone if _first_name(alone, common) or _is_person(alone, common) else None
        if name or word_count(following) > 6:
            return name
    return None


def _under_title(i: int, title: int | None) -> bool:
    """Within the three lines under the headline, where a byline stands."""
    return title is not None and title < i <= title + 3


def copyright_holder(texts: list[str]) -> str | None:
    """Whom the page's copyright line names, the last such line first: "© 2025 Ann Smith. All rights
    reserved" → "Ann Smith", "Copyright © 2025 Acme Widgets, Inc." → "Acme Widgets". A personal site's owner,
    or the firm a company's blog writes as: the author when nothing else on the page names one. The page's
    lines before any stage dropped them: the furniture stage drops the copyright footer."""
    for text in reversed(texts):
        match = _COPYRIGHT.search(text) if word_count(text) <= 40 else None
        if not match:
            continue
        name = _HOLDER_END.split(match.group("rest"), maxsplit=1)[0].strip(" .")
        name = _COMPANY_SUFFIX.sub("", name).strip(" ,.")
        words = name.split()
        if (1 <= len(words) <= 5 and all(_HOLDER_WORD.fullmatch(w) for w in words)
                and (words[0][:1].isupper() or words[-1][:1].isupper())
                and not any(w.lower() in ("copyright", "rights", "reserved", "all") for w in words)):
            return name
    return None


#: Words of a firm's or a label's name, not a person's: a header or a copyright line that holds one names no owner.
_ORG_WORDS = frozenset("""inc llc ltd limited gmbh corp corporation company co group media press news university college
    school academy institute foundation association society center centre council agency associates partners
    solutions services systems technologies technology tech labs lab studio studios consulting digital software
    health hospital hospitals clinic dentistry dental medical care energy community bank financial insurance
    capital ventures holdings international global network magazine journal review times post daily weekly
    music art design designs books publishing publications store shop blog online official skip navigation
    toggle menu panel page contents language search select main home""".split())
_OWNERS_SITE = re.compile(rf"^(?P<name>{_CAPITALISED_NAME})[’']s\s+(?:\w+\s+)?(?:blog|site|thoughts|notes|journal|"
                          rf"substack|newsletter|website|weblog|diary|musings)\b", re.I)


def _owner_name(name: str, common: frozenset[str]) -> bool:
    """Two or three capitalised words that make a person's name, not a firm's or a label's."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(len(w) <= 18 for w in words) and _is_person(name, common)
            and not _has_common(name, common)
            and not any(w.lower().strip(".,") in _ORG_WORDS for w in words) and not _TEAM.match(name))


def _site_owner(units: list[Unit], common: frozenset[str], holder: str | None) -> str | None:
    """A personal site's owner, whom its header names: the page's first line a person's name ("Ann Smith"),
    "Ann Smith's Blog" in its first lines, or the person its copyright line names when the header carries
    that name too ("ann/smith", "Ann Smithposts about")."""
    header = [u.text.strip(" /|·•-–—:") for u in units[:3] if u.line <= 3]  # "Ann Smith //"
    if holder and 2 <= len(holder.split()) <= 3 and not any(w.lower() in _ORG_WORDS | STOPWORDS
                                                             for w in holder.split()):
        squashed = re.sub(r"\W", "", holder.lower())
        for unit in (u for u in units[:10] if u.line <= 10):
            if squashed in re.sub(r"\W", "", unit.text.lower()):
                written = re.search(r"\W*".join(map(re.escape, holder.split())), unit.text, re.I)
                return written.group(0) if written and holder.isupper() else holder  # the header's case
    for text in header:
        match = _OWNERS_SITE.match(text)
        if match and _owner_name(match.group("name"), common):
            return match.group("name")
    if header and units[0].line == 1 and _owner_name(header[0], common):
        return header[0]
    return None


#: How a bio goes on after the name: "Ann Smith is …", "Ann, a gardener, has …".
_BIO_VERB = (r"(?:is|was|has|had|writes|wrote|covers|loves|lives|joined|leads|works|holds|spent|began|started|"
             r"specializes|specialises|teaches|grew|brings|explores|reports|serves|helps|founded|studied|enjoys)\b")


#: A bio in the first person under the name: "I’m the founder of …", "Hi, I am a gardener …".
_FIRST_PERSON_BIO = re.compile(r"^(?:[Hh]i|[Hh]ello|[Hh]ey)?[,!]?\s*(?:I’m|I'm|I\s+am)\s+(?:a|an|the|[A-Z])\b")


def _first_person_bio(name: str, following: str, common: frozenset[str]) -> bool:
    """ "Ann Smith" over "I’m the founder of … I’ve hired …": a bio in the first person, a long one, under a
    name with no word the page writes in lower case or the language uses often ("Hey Paul" over a reply)."""
    words = [w.lower().strip(".,") for w in name.split()]
    return (bool(_FIRST_PERSON_BIO.match(following)) and word_count(following) >= 12
            and not any(w in common or w in _FREQUENT or w in STOPWORDS for w in words))


def _introduces(name: str, following: list[str]) -> bool:
    """A name line followed by a note about that person: a bio's sentence ("Ann has written …"), a role
    ("| Author"), "More by Ann Smith"; not a button's words ("Start Free Trial" over "Start your trial")."""
    bio = re.compile(rf"^(?:{re.escape(name)}|{re.escape(name.split()[0])}(?:\s+[{CAPITAL}][\w’'-]+){{0,2}})"
                     rf"(?:,[^,]{{0,60}},)?\s+{_BIO_VERB}")
    by_name = re.compile(rf"\b(?:by|about)\s+{re.escape(name)}\b", re.I)
    return any(bio.match(t) or t.strip(" |").lower() in ("author", "about the author")
               or _ROLE_LINE.match(t.strip(" |")) or (by_name.search(t) and word_count(t) <= 8)
               for t in following)


def _beside_date(units: list[Unit], i: int) -> bool:
    """The line above or below gives a date; a line without a word or a date between does not count ("210412")."""
    near = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(units) and abs(k - i) < 3 and not _HAS_LETTER.search(units[k].text) \
                and not find_dates(units[k].text):
            k += step
        if 0 <= k < len(units):
            near.append(units[k].text)
    return any((find_dates(t) or _DATE_CUE.search(t) or _UPDATE_CUE.search(t) or _DAY_MONTH.match(t.strip()))
               and word_count(t) <= 12 for t in near)


_HAS_LETTER = re.compile(r"[^\W\d_]")
#: A date without its year, as blogs print this year's posts: "Jan 23", "23 January".
_DAY_MONTH = re.compile(r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
                        r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)$", re.I)
_STAFF = re.compile(r"^staff(?:\s+[a-z]+)?$", re.I)

def _only_attribution(text: str, name: str) -> bool:
    """Whether the line says nothing but the byline (and perhaps a date)."""
    rest = _without_dates(text).replace(name, " ")
    return word_count(rest) <= 6


# -- date ----------------------------------------------------------------------------------

#: A month and its year on a short line of their own, as magazines date an issue's articles: "April 2025",
#: "Published: March 2024". Read only where the head shows no day's date.
_MONTH_YEAR = re.compile(r"^(?:(?:published|posted|updated|issue|date)\s*:?\s*)?(?P<month>[^\W\d_]+)\.?,?\s+"
                         r"(?P<year>(?:19|20)\d\d)$", re.I)


def _month_alone(units: list[Unit], near: range, anchor: int) -> tuple[str | None, int | None]:
    """The nearest month-and-year line ("April 2025" gives "2025-04"), when the head has no full date."""
    found = []
    for i in near:
        match = _MONTH_YEAR.match(units[i].text.strip())
        month = MONTHS.get(match.group("month").lower()) if match else None
        if month:
            found.append((abs(i - anchor), i, f"{match.group('year')}-{month:02d}"))
    if not found:
        return None, None
    _distance, i, iso = min(found)
    return iso, i


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
        return _month_alone(units, near, anchor)
    rank, _distance, _start, iso, i, text = min(candidates)
    rest = text
    for found in find_dates(text, day_first):
        rest = rest.replace(text[found.start:found.end], " ")
    return iso, (i if word_count(_DATE_CUE.sub(" ", _UPDATE_CUE.sub(" ", rest))) <= 3 else None)
