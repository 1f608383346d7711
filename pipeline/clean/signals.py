"""What a line of a page shows about itself and its place: the body model's named features.

Each feature is a number for one line, named and described, so that the body
model's weights can be read and every decision explained ("a short line
without a sentence ending, far below the page's main run of prose"). Four
kinds:

- the line's own shape: size, ending, function-word share, capitals, digits,
  dates, labels, names;
- its neighbours' shape: content follows content, furniture follows furniture;
- its place in the page: how much prose lies above and below it, how far it is
  from the page's densest run of prose, whether a comment thread, a repeating
  teaser pattern or a section label surrounds it;
- its contrast with the page's own prose, and its words: the share of words
  that, over many sites, belong to page furniture rather than to articles
  (the *lexicon*, learned with the model's weights and stored beside them).

Everything is computed from the page's text alone; nothing here knows a site.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass

from .attribution import is_byline, is_dateline
from .comments import comment_headers, thread_span
from .features import has_url, is_heading_like
from .language import SENTENCE_MARKS, Language, content_terms, is_spaceless, line_size
from .vocabulary import COMMENT_LABELS, TAIL_LABELS


@dataclass(frozen=True)
class Feature:
    name: str
    reads: str  # what the line is when this feature is high, for a person reading the report
    low: str = ""  # what it is when the feature is negative (signed measures only)


#: The line's own shape, its neighbours and its place (filled by `page_features`).
BASE: tuple[Feature, ...] = (
    Feature("bias", "a line"),
    Feature("size_1", "a single word"),
    Feature("size_2_3", "two or three words"),
    Feature("size_4_7", "a short line"),
    Feature("size_8_15", "a line of a dozen words"),
    Feature("size_16_30", "a sentence-long line"),
    Feature("size_31_60", "a paragraph"),
    Feature("size_61", "a long paragraph"),
    Feature("log_size", "a long line"),
    Feature("ends_sentence", "ends like a sentence"),
    Feature("ends_question", "a question"),
    Feature("ends_colon", "ends with a colon"),
    Feature("ends_comma", "ends mid-sentence"),
    Feature("ends_open", "no closing punctuation"),
    Feature("ends_ellipsis", "cut off with an ellipsis, like a teaser"),
    Feature("stopwords", "dense in function words"),
    Feature("few_stopwords", "few function words"),
    Feature("capitals", "mostly capitalised words, like a title or menu"),
    Feature("all_caps", "in capitals"),
    Feature("digits", "mostly figures"),
    Feature("date", "a date"),
    Feature("time", "a time of day"),
    Feature("url", "a web address"),
    Feature("handle", "an @-handle or e-mail address"),
    Feature("separators", "items separated by | or •"),
    Feature("commas", "many commas"),
    Feature("long_words", "long words", "short words"),
    Feature("few_letters", "symbols rather than words"),
    Feature("label", "a section label such as 'Related' or 'Comments'"),
    Feature("byline", "a byline or dateline"),
    Feature("comment_cue", "a comment's header (says, reply, ago)"),
    Feature("repeated", "repeated elsewhere on the page"),
    Feature("bullet", "a list item"),
    Feature("price", "a price"),
    Feature("code", "program code"),
    Feature("quoted", "opens with a quotation mark"),
    Feature("heading_like", "short and capitalised"),
    Feature("name_line", "a person's name on its own"),
    Feature("about_person", "a note about a person, like an author's biography"),
    Feature("heading_over_prose", "a heading over prose"),
    Feature("prev_prose", "after a paragraph"),
    Feature("next_prose", "before a paragraph"),
    Feature("prev2_prose", "two lines after a paragraph"),
    Feature("next2_prose", "two lines before a paragraph"),
    Feature("prev_size", "after a long line"),
    Feature("next_size", "before a long line"),
    Feature("near_density", "among paragraphs"),
    Feature("wide_density", "in a stretch of prose"),
    Feature("between_prose", "between paragraphs"),
    Feature("prose_after_prose", "a paragraph following a paragraph"),
    Feature("prose_after_colon", "a paragraph that a line ending with a colon introduces"),
    Feature("position", "late on the page"),
    Feature("first_line", "the page's first line"),
    Feature("last_line", "the page's last line"),
    Feature("last_prose_line", "the page's last line of prose"),
    Feature("mass_before", "below most of the page's prose"),
    Feature("mass_after", "above most of the page's prose"),
    Feature("nothing_before", "above all of the page's prose"),
    Feature("nothing_after", "below all of the page's prose"),
    Feature("in_run", "in the page's main run of prose"),
    Feature("before_run", "far above the page's main run of prose"),
    Feature("after_run", "far below the page's main run of prose"),
    Feature("after_label", "below a 'Related' or 'Comments' label that follows the article"),
    Feature("short_in_run", "a short line in the main run of prose"),
    Feature("short_outside_run", "a short line outside the main run of prose"),
    Feature("prose_outside_run", "a paragraph outside the main run of prose"),
    Feature("short_run", "in a run of short lines"),
    Feature("run_after_colon", "an item of a list introduced by a colon"),
    Feature("run_between_prose", "in a few short lines between paragraphs"),
    Feature("comment_header", "a comment's author and time"),
    Feature("in_thread", "in a comment thread"),
    Feature("after_thread", "below a comment thread"),
    Feature("after_comment_label", "below a comments label"),
    Feature("cohesion", "sharing the article's vocabulary"),
    Feature("no_cohesion", "using none of the article's vocabulary"),
    Feature("in_pattern", "in a repeating pattern of short and long lines, like a list of other stories"),
    Feature("title_guess", "the page's title"),
    Feature("after_title", "below the page's title"),
    Feature("label_above", "just below a section label"),
    Feature("byline_above", "just below a byline or a date"),
    Feature("since_label", "in a list below a section label"),
)

#: Thresholds on continuous features, so that a linear model can weigh "very" apart from "somewhat".
_BINS: tuple[tuple[str, float, str], ...] = (
    ("log_size", 1.0, "more than two words"), ("log_size", 1.8, "more than five words"),
    ("log_size", 2.5, "more than a dozen words"), ("log_size", 3.2, "more than two dozen words"),
    ("log_size", 4.0, "more than fifty words"),
    ("stopwords", 0.1, "some function words"), ("stopwords", 0.2, "a fifth function words"),
    ("stopwords", 0.3, "a third function words"), ("stopwords", 0.4, "many function words"),
    ("stopwords", 0.5, "mostly function words"),
    ("capitals", 0.3, "some capitalised words"), ("capitals", 0.6, "mostly capitalised words"),
    ("capitals", 0.9, "every word capitalised, like a title or menu"),
    ("digits", 0.05, "some figures"), ("digits", 0.2, "many figures"), ("digits", 0.5, "mostly figures"),
    ("commas", 0.3, "some commas"), ("commas", 1.0, "many commas"),
    ("long_words", -0.3, "words of average length"), ("long_words", 0.0, "longish words"),
    ("long_words", 0.3, "long words"), ("long_words", 0.8, "very long words"),
    ("prev_size", 1.0, "after a line of some words"), ("prev_size", 2.0, "after a sentence"),
    ("prev_size", 3.0, "after a paragraph"),
    ("next_size", 1.0, "before a line of some words"), ("next_size", 2.0, "before a sentence"),
    ("next_size", 3.0, "before a paragraph"),
    ("near_density", 0.2, "near a paragraph"), ("near_density", 0.5, "among paragraphs"),
    ("near_density", 0.8, "surrounded by paragraphs"),
    ("wide_density", 0.2, "in a page region with some prose"), ("wide_density", 0.4, "in a region of prose"),
    ("wide_density", 0.6, "in a region mostly of prose"), ("wide_density", 0.8, "in a region of prose only"),
    ("position", 0.1, "past the page's top"), ("position", 0.25, "past the page's first quarter"),
    ("position", 0.5, "in the page's second half"), ("position", 0.75, "in the page's last quarter"),
    ("position", 0.9, "at the page's end"),
    ("mass_before", 0.05, "below some of the page's prose"), ("mass_before", 0.3, "below a third of the prose"),
    ("mass_before", 0.6, "below most of the prose"), ("mass_before", 0.9, "below nearly all of the prose"),
    ("mass_before", 0.98, "below all of the page's prose"),
    ("mass_after", 0.02, "above some of the page's prose"), ("mass_after", 0.1, "above a tenth of the prose"),
    ("mass_after", 0.4, "above much of the prose"), ("mass_after", 0.7, "above most of the prose"),
    ("mass_after", 0.95, "above nearly all of the prose"),
    ("before_run", 0.5, "above the main run of prose"), ("before_run", 1.5, "well above the main run of prose"),
    ("before_run", 2.5, "far above the main run of prose"), ("before_run", 3.5, "very far above the prose"),
    ("after_run", 0.5, "below the main run of prose"), ("after_run", 1.5, "well below the main run of prose"),
    ("after_run", 2.5, "far below the main run of prose"), ("after_run", 3.5, "very far below the prose"),
    ("short_run", 0.8, "in a run of short lines"), ("short_run", 1.5, "in a run of several short lines"),
    ("short_run", 2.2, "in a long run of short lines, like a menu"),
    ("short_run", 3.0, "in a very long run of short lines"),
    ("cohesion", 0.2, "sharing a little of the article's vocabulary"),
    ("cohesion", 0.4, "sharing some of the article's vocabulary"),
    ("cohesion", 0.6, "sharing much of the article's vocabulary"),
    ("cohesion", 0.8, "sharing the article's vocabulary"),
)
#: Measures compared with the page's own prose: a line unlike the article's paragraphs stands out.
_CONTRASTED = (("log_size", "length"), ("stopwords", "function words"), ("capitals", "capitals"),
               ("digits", "figures"), ("long_words", "word length"), ("commas", "commas"),
               ("cohesion", "vocabulary"))
_LEXICON_FEATURES = (
    Feature("no_lexicon", "on a page in a language the lexicon does not know"),
    Feature("lexicon_mean", "worded like an article rather than like page furniture",
            "worded like page furniture rather than like an article"),
    Feature("lexicon_debris", "many words typical of page furniture"),
    Feature("lexicon_share", "made of words the lexicon knows"),
    Feature("lexicon_prev", "after a line worded like an article", "after a line worded like page furniture"),
    Feature("lexicon_next", "before a line worded like an article", "before a line worded like page furniture"),
    Feature("lexicon_ahead", "before lines worded like an article", "before lines worded like page furniture"),
    Feature("lexicon_behind", "after lines worded like an article", "after lines worded like page furniture"),
)

FEATURES: tuple[Feature, ...] = (
    BASE
    + tuple(Feature(f"{name}>={edge:g}", reads) for name, edge, reads in _BINS)
    + tuple(f for name, what in _CONTRASTED for f in (
        Feature(f"{name}-vs-prose", f"more {what} than the article's paragraphs",
                f"less {what} than the article's paragraphs"),
        Feature(f"{name}-unlike-prose", f"unlike the article's paragraphs in {what}")))
    + _LEXICON_FEATURES
)
INDEX = {f.name: i for i, f in enumerate(FEATURES)}
_BASE_COUNT = len(BASE)
_BIN_COLUMNS = tuple((INDEX[name], edge) for name, edge, _ in _BINS)

_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|"
                   r"years?|mins?|hrs?)\s+ago\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s\|\S|\S\|\s")
_SEPARATOR_MARKS = "|•·»›/"
_COMMENT_CUE = re.compile(r"\b(?:says|said|wrote)\s*:|\breply\b|\breplies\b|\bago\b|\bupvotes?\b|\blikes?\b\s*$|"
                          r"\bpermalink\b|\breport\s+(?:comment|abuse)\b|\bin\s+reply\s+to\b", re.I)
_BULLET = re.compile(r"^(?:[•◦▪▸►✓✔→*-]\s|\d{1,2}[.)]\s)")
_PRICE = re.compile(r"[$£€¥₹]\s?\d|\d\s?(?:USD|EUR|GBP)\b")
_CODE = re.compile(r"[;{}]\s*$|^\s*[{}()\]]+[;,]?\s*$|\w\(.*\)\s*[;{]?$|=>|==|!=|</?\w+>|^\s*(?:def|class|import|"
                   r"return|const|let|var|function|public|private|if|for|while)\b.*[({:;]\s*$")
_LETTERS = re.compile(r"[^\W\d_]+")
_CODE_MARKS = ";{}()]=<:"  # every form of _CODE has one of these
_DIGIT = re.compile(r"\d")
_NAME_LINE = re.compile(r"^(?:(?i:by|written\s+by|author:?)\s+)?(?:Dr\.?\s+)?[A-Z][\w’'.-]+"
                        r"(?:\s+(?:[A-Z][\w’'.-]*\.?|de|van|von|der|da|di|la|le|bin|al)){1,3}$")
_ABOUT_PERSON = re.compile(
    r"^(?:[A-Z][\w’'.-]+\s+){1,4}(?:is|was|has|holds|teaches|writes|works|lives|covers|reports|joined|"
    r"started|founded|leads|serves)\b.{0,300}\b(?:editor|writer|author|journalist|member|lecturer|"
    r"professor|historian|researcher|founder|owner|ceo|director|contributor|columnist|reporter|blogger|"
    r"specialist|expert|consultant|manager|coach|graduate|degree|years\s+of\s+experience|passionate)\b")
_LEXICON_WORD = re.compile(r"[^\W\d_]{2,}")
_PROSE_SIZE = 8
_SHORT_SIZE = 8


@dataclass
class LineShape:
    """A line's own measurements, before its neighbours are looked at."""

    size: float
    prose: bool
    values: list[float]


def _ending(text: str) -> str:
    trimmed = text.rstrip("\"'”’»)]*")
    end = trimmed[-1:]
    if end in ("?", "？"):
        return "question"
    if end and end in SENTENCE_MARKS:
        return "sentence"
    if end == ":":
        return "colon"
    if end in {",", ";", "-", "–", "—"}:
        return "comma"
    return "open" if end.isalnum() else "other"


def _size_bin(size: float) -> str:
    for limit, name in ((1, "size_1"), (3, "size_2_3"), (7, "size_4_7"), (15, "size_8_15"),
                        (30, "size_16_30"), (60, "size_31_60")):
        if size <= limit:
            return name
    return "size_61"


_ENDINGS = {"sentence": ("ends_sentence",), "question": ("ends_sentence", "ends_question"),
            "colon": ("ends_colon",), "comma": ("ends_comma",), "open": ("ends_open",), "other": ()}


def _near_digits(pattern: re.Pattern, text: str, first_digit: int) -> bool:
    """Search a date or time pattern (each has a digit) from a little before the line's first digit:
    a long paragraph is not scanned from its start, with the same answer on any real line."""
    return pattern.search(text, max(0, first_digit - 40)) is not None


def line_shape(text: str, language: Language, repeated: bool) -> LineShape:
    """Measure one line by itself."""
    values = [0.0] * len(FEATURES)
    size = line_size(text)
    stripped = text.strip()
    ending = _ending(stripped)
    share = language.stopword_share(text)
    words = _LETTERS.findall(text)
    letters = sum(len(w) for w in words)
    visible = len(text.replace(" ", "")) or 1

    def put(name: str, value: float = 1.0) -> None:
        values[INDEX[name]] = value

    put("bias")
    put(_size_bin(size))
    put("log_size", math.log1p(size))
    for name in _ENDINGS[ending]:
        put(name)
    if stripped.endswith(("…", "...", "[…]", "[...]")):
        put("ends_ellipsis")
    put("stopwords", share)
    put("few_stopwords", 1.0 if share < 0.1 else 0.0)
    if len(words) >= 2:
        put("capitals", sum(1 for w in words if w[0].isupper()) / len(words))
    if letters >= 4 and stripped.upper() == stripped and stripped.lower() != stripped:
        put("all_caps")
    put("digits", len(_DIGIT.findall(text)) / visible)
    digit = _DIGIT.search(text)
    put("date", 1.0 if digit and _near_digits(_DATE, text, digit.start()) else 0.0)
    put("time", 1.0 if digit and _near_digits(_TIME, text, digit.start()) else 0.0)
    put("url", 1.0 if has_url(text) else 0.0)
    put("handle", 1.0 if "@" in text and _HANDLE.search(text) else 0.0)
    put("separators", 1.0 if any(c in text for c in _SEPARATOR_MARKS) and _SEPARATORS.search(text) else 0.0)
    put("commas", min(3.0, 10 * text.count(",") / max(1.0, size)))
    if words and not is_spaceless(text):  # without spaces, a "word" is a whole clause: no measure
        put("long_words", min(3.0, (letters / len(words) - 4.5) / 3))
    put("few_letters", 1.0 if letters < 0.5 * visible else 0.0)
    put("repeated", 1.0 if repeated else 0.0)
    put("bullet", 1.0 if _BULLET.match(stripped) else 0.0)
    put("price", 1.0 if digit and _PRICE.search(text) else 0.0)
    put("code", 1.0 if any(c in stripped for c in _CODE_MARKS) and _CODE.search(stripped) else 0.0)
    put("quoted", 1.0 if stripped[:1] in "\"“‘«„" else 0.0)
    put("heading_like", 1.0 if is_heading_like(stripped) else 0.0)
    if size <= 20:
        put("label", 1.0 if TAIL_LABELS.match(stripped) or COMMENT_LABELS.match(stripped) else 0.0)
        put("byline", 1.0 if is_byline(stripped) or is_dateline(stripped) else 0.0)
        put("name_line", 1.0 if _NAME_LINE.match(stripped) else 0.0)
    if size <= 25:
        put("comment_cue", 1.0 if _COMMENT_CUE.search(text) else 0.0)
    if size <= 80:
        put("about_person", 1.0 if _ABOUT_PERSON.match(stripped) else 0.0)
    prose = size >= _PROSE_SIZE and (ending in ("sentence", "question", "colon") or share >= 0.3 or size >= 40)
    return LineShape(size, prose, values)


def _dense_run(shapes: list[LineShape]) -> tuple[int, int]:
    """The stretch of lines richest in prose: a maximum-sum run where prose
    scores its size and every other line costs a little."""
    best, best_span = -math.inf, (0, len(shapes) - 1)
    total, start = 0.0, 0
    for i, shape in enumerate(shapes):
        gain = min(shape.size, 60) / 10 if shape.prose else -1.0
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _cohesion(texts: list[str], language: Language, start: int, end: int) -> list[float | None]:
    """Share of a line's content words that the page's main run of prose also uses
    (the line's own words not counted): an article's lines share a vocabulary."""
    words = [content_terms(t, language.stopwords) for t in texts]
    counts: dict[str, int] = {}
    for i in range(start, end + 1):
        for w in words[i]:
            counts[w] = counts.get(w, 0) + 1
    out: list[float | None] = []
    for i, found in enumerate(words):
        if not found:
            out.append(None)
            continue
        own = 1 if start <= i <= end else 0
        out.append(sum(1 for w in found if counts.get(w, 0) > own) / len(found))
    return out


def _shape_code(shape: LineShape) -> str:
    v = shape.values
    if v[INDEX["date"]] or v[INDEX["time"]]:
        return "d"
    if shape.prose:
        return "p"
    return "h" if v[INDEX["heading_like"]] else "s"


def _patterned(shapes: list[LineShape], min_repeats: int = 3) -> set[int]:
    """Lines in a stretch where a pattern of two to five line shapes, not all
    alike, repeats at least three times (title, blurb; title, date, blurb; …)."""
    codes = "".join(_shape_code(s) for s in shapes)
    marked: set[int] = set()
    n = len(codes)
    for period in range(2, 6):
        i = 0
        while i + period * min_repeats <= n:
            unit = codes[i:i + period]
            if len(set(unit)) < 2:
                i += 1
                continue
            j = i + period
            while j + period <= n and codes[j:j + period] == unit:
                j += period
            if (j - i) // period >= min_repeats:
                marked.update(range(i, j))
                i = j
            else:
                i += 1
    return marked


def _title_guess(shapes: list[LineShape], repeated: list[bool], start: int) -> int | None:
    """The page's title, as a first guess: the last short capitalised line of
    three words or more within a dozen lines above the main run of prose,
    preferring one the page shows twice (a title recurs in breadcrumbs and share bars)."""
    best, best_score = None, 0.0
    for i in range(max(0, start - 12), min(len(shapes), start + 1)):
        shape = shapes[i]
        v = shape.values
        if not v[INDEX["heading_like"]] or shape.size < 3 or v[INDEX["label"]]:
            continue
        score = 1.0 + (0.5 if repeated[i] else 0.0) + 0.05 * (i - start)
        if score > best_score:
            best, best_score = i, score
    return best


def _short_runs(shapes: list[LineShape]) -> dict[int, tuple[int, float, float]]:
    """For each line in a run of lines that are not prose: the run's length,
    whether a line ending with a colon introduces it, whether prose closes it on both sides."""
    runs: dict[int, tuple[int, float, float]] = {}
    i, n = 0, len(shapes)
    while i < n:
        if shapes[i].prose:
            i += 1
            continue
        j = i
        while j < n and not shapes[j].prose:
            j += 1
        before = shapes[i - 1] if i > 0 else None
        after_colon = 1.0 if before is not None and before.values[INDEX["ends_colon"]] else 0.0
        bounded = 1.0 if before is not None and j < n and j - i <= 3 else 0.0
        for k in range(i, j):
            runs[k] = (j - i, after_colon, bounded)
        i = j
    return runs


def _label_after_article(shapes: list[LineShape], masses: list[float]) -> int | None:
    """The first label line that has nearly all the page's prose above it."""
    total = masses[-1] if masses else 0.0
    for i, shape in enumerate(shapes):
        if shape.values[INDEX["label"]] and total and masses[i] >= 0.85 * total:
            return i
    return None


@dataclass
class _Page:
    """Page-wide measurements the place features are read from."""

    shapes: list[LineShape]
    prose: list[float]
    weight: list[float]
    masses: list[float]
    cumulative: list[float]
    run: tuple[int, int]

    @classmethod
    def measure(cls, texts: list[str], language: Language) -> "_Page":
        counts: dict[str, int] = {}
        for text in texts:
            counts[text] = counts.get(text, 0) + 1
        shapes = [line_shape(t, language, counts[t] > 1) for t in texts]
        prose = [1.0 if s.prose else 0.0 for s in shapes]
        weight = [min(s.size, 100) if s.prose else 0.0 for s in shapes]
        masses, cumulative, running = [], [0.0], 0.0
        for w, p in zip(weight, prose):
            running += w
            masses.append(running)
            cumulative.append(cumulative[-1] + p)
        return cls(shapes, prose, weight, masses, cumulative, _dense_run(shapes) if shapes else (0, 0))

    def density(self, i: int, radius: int) -> float:
        lo, hi = max(0, i - radius), min(len(self.shapes), i + radius + 1)
        return (self.cumulative[hi] - self.cumulative[lo] - self.prose[i]) / max(1, hi - lo - 1)


def page_features(texts: list[str], language: Language, lexicon: dict[str, float] | None = None) -> list[list[float]]:
    """Every line's feature vector, in the order of FEATURES."""
    if not texts:
        return []
    page = _Page.measure(texts, language)
    _place_features(page, texts, language)
    rows = [s.values for s in page.shapes]
    _bin_features(rows)
    _contrast_features(rows)
    _lexicon_features(rows, texts, lexicon or {})
    return rows


def _place_features(page: _Page, texts: list[str], language: Language) -> None:
    shapes, prose, n = page.shapes, page.prose, len(page.shapes)
    total = page.masses[-1] or 1.0
    run_start, run_end = page.run
    label_at = _label_after_article(shapes, page.masses)
    runs = _short_runs(shapes)
    headers = comment_headers(texts)
    thread = thread_span(headers)
    comment_label = next((i for i, s in enumerate(shapes) if i > run_start and s.values[INDEX["label"]]
                          and COMMENT_LABELS.match(texts[i].strip())), None)
    cohesion = _cohesion(texts, language, run_start, run_end)
    patterned = _patterned(shapes)
    title = _title_guess(shapes, [s.values[INDEX["repeated"]] > 0 for s in shapes], run_start)
    labels = [i for i, s in enumerate(shapes) if s.values[INDEX["label"]]]
    attributions = [i for i, s in enumerate(shapes)
                    if s.values[INDEX["byline"]] or (s.values[INDEX["date"]] and s.size <= 12)]
    label_k = 0
    for i, shape in enumerate(shapes):
        v = shape.values

        def put(name: str, value: float = 1.0) -> None:
            v[INDEX[name]] = value

        prev_p = prose[i - 1] if i > 0 else 0.0
        next_p = prose[i + 1] if i + 1 < n else 0.0
        put("prev_prose", prev_p)
        put("next_prose", next_p)
        put("prev2_prose", prose[i - 2] if i > 1 else 0.0)
        put("next2_prose", prose[i + 2] if i + 2 < n else 0.0)
        put("prev_size", math.log1p(shapes[i - 1].size) if i > 0 else 0.0)
        put("next_size", math.log1p(shapes[i + 1].size) if i + 1 < n else 0.0)
        put("near_density", page.density(i, 3))
        put("wide_density", page.density(i, 10))
        put("between_prose", prev_p * next_p)
        put("prose_after_prose", prev_p * prose[i])
        put("prose_after_colon", 1.0 if i and shapes[i - 1].values[INDEX["ends_colon"]] else 0.0)
        put("heading_over_prose", v[INDEX["heading_like"]] * next_p)
        put("position", i / max(1, n - 1))
        put("first_line", 1.0 if i == 0 else 0.0)
        put("last_line", 1.0 if i == n - 1 else 0.0)
        put("last_prose_line", 1.0 if shape.prose and page.masses[i] == page.masses[-1] else 0.0)
        before = (page.masses[i] - page.weight[i]) / total
        after = (total - page.masses[i]) / total
        put("mass_before", before)
        put("mass_after", after)
        put("nothing_before", 1.0 if before < 0.02 else 0.0)
        put("nothing_after", 1.0 if after < 0.02 else 0.0)
        inside = run_start <= i <= run_end
        put("in_run", 1.0 if inside else 0.0)
        put("before_run", math.log1p(run_start - i) if i < run_start else 0.0)
        put("after_run", math.log1p(i - run_end) if i > run_end else 0.0)
        put("after_label", 1.0 if label_at is not None and i > label_at else 0.0)
        short = shape.size < _SHORT_SIZE
        put("short_in_run", 1.0 if short and inside else 0.0)
        put("short_outside_run", 1.0 if short and not inside else 0.0)
        put("prose_outside_run", 1.0 if shape.prose and not inside else 0.0)
        if i in runs:
            length, after_colon, bounded = runs[i]
            put("short_run", math.log1p(length))
            put("run_after_colon", after_colon)
            put("run_between_prose", bounded)
        put("comment_header", 1.0 if i in headers else 0.0)
        if thread:
            put("in_thread", 1.0 if thread[0] <= i <= thread[1] else 0.0)
            put("after_thread", 1.0 if i > thread[1] else 0.0)
        put("after_comment_label", 1.0 if comment_label is not None and i > comment_label else 0.0)
        if cohesion[i] is not None:
            put("cohesion", cohesion[i])
            put("no_cohesion", 1.0 if cohesion[i] == 0 else 0.0)
        put("in_pattern", 1.0 if i in patterned else 0.0)
        if title is not None:
            put("title_guess", 1.0 if i == title else 0.0)
            put("after_title", 1.0 if i > title else 0.0)
        put("byline_above", 1.0 if any(i - 3 <= j < i for j in attributions) else 0.0)
        while label_k < len(labels) and labels[label_k] < i:
            label_k += 1
        if label_k:
            above = labels[label_k - 1]
            put("label_above", 1.0 if i - above <= 2 else 0.0)
            put("since_label", 1.0 / (1 + i - above))


def _bin_features(rows: list[list[float]]) -> None:
    offset = _BASE_COUNT
    for row in rows:
        for k, (column, edge) in enumerate(_BIN_COLUMNS):
            row[offset + k] = 1.0 if row[column] >= edge else 0.0


def _contrast_features(rows: list[list[float]]) -> None:
    """Each measure's difference from its median over the page's main run of prose."""
    core = [r for r in rows if r[INDEX["in_run"]] and r[INDEX["size_1"]] + r[INDEX["size_2_3"]]
            + r[INDEX["size_4_7"]] == 0] or rows
    for name, _ in _CONTRASTED:
        column = INDEX[name]
        median = statistics.median(r[column] for r in core)
        signed, unsigned = INDEX[f"{name}-vs-prose"], INDEX[f"{name}-unlike-prose"]
        for row in rows:
            difference = row[column] - median
            row[signed] = difference
            row[unsigned] = abs(difference)


def lexicon_scores(texts: list[str], lexicon: dict[str, float]) -> list[tuple[float, float, float]]:
    """Per line: the mean lexicon weight of its known words, the share of them that lean to
    furniture, and the share of its words known."""
    out = []
    for text in texts:
        words = _LEXICON_WORD.findall(text)
        known = [lexicon[w] for w in (x.lower() for x in words) if w in lexicon]
        if known:
            out.append((max(-5.0, min(5.0, sum(known) / len(known))),
                        sum(1 for k in known if k < -0.5) / len(known), len(known) / len(words)))
        else:
            out.append((0.0, 0.0, 0.0))
    return out


def add_lexicon_features(rows: list[list[float]], texts: list[str], lexicon: dict[str, float]) -> None:
    """Fill the lexicon columns (training fills them once per fold, with that fold's lexicon)."""
    _lexicon_features(rows, texts, lexicon)


def _lexicon_features(rows: list[list[float]], texts: list[str], lexicon: dict[str, float]) -> None:
    for row in rows:
        row[INDEX["no_lexicon"]] = 0.0 if lexicon else 1.0
    if not lexicon:
        return
    scores = lexicon_scores(texts, lexicon)
    means = [s[0] for s in scores]
    running = [0.0]
    for m in means:
        running.append(running[-1] + m)
    n = len(rows)
    for i, row in enumerate(rows):
        mean, debris, share = scores[i]
        row[INDEX["lexicon_mean"]] = mean
        row[INDEX["lexicon_debris"]] = debris
        row[INDEX["lexicon_share"]] = share
        row[INDEX["lexicon_prev"]] = means[i - 1] if i else 0.0
        row[INDEX["lexicon_next"]] = means[i + 1] if i + 1 < n else 0.0
        ahead = min(n, i + 6) - (i + 1)
        row[INDEX["lexicon_ahead"]] = (running[i + 1 + ahead] - running[i + 1]) / ahead if ahead > 0 else 0.0
        behind = i - max(0, i - 5)
        row[INDEX["lexicon_behind"]] = (running[i] - running[i - behind]) / behind if behind > 0 else 0.0
