"""One capitalisation for chapter titles and headings: sentence case or title case.

Sentence case ("The rise of Stalin") keeps the first word's capital and the capitals
of proper nouns, and lowers every other word's. What is a proper noun is read off
the book itself: a word (or a run of capitalised words, "Second World War") that its
text capitalises inside sentences more often than not, plus the editors' own list and
the `italics:` titles. Title case ("The Rise of Stalin") capitalises every word but
the short function words. Words already written with capitals inside them (USSR,
McCarthy, NEPmen) are never changed, and only first letters change case, so a
heading keeps its length and its marks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

SENTENCE = "sentence"
TITLE = "title"
AS_WRITTEN = "as-written"

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_MINOR = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs from into onto upon with over "
    "than after about".split())
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?:…][”’)]?\s+|[“‘(]\s*)$")


def _base(word: str) -> str:
    """The word without a possessive: Stalin’s -> Stalin."""
    return re.sub(r"[’']s?$", "", word)


@dataclass
class Lexicon:
    """How the book's own text capitalises its words, for telling proper nouns from others."""

    capital: Counter = field(default_factory=Counter)
    lower: Counter = field(default_factory=Counter)
    corpus: str = ""

    @classmethod
    def of(cls, texts) -> "Lexicon":
        lexicon = cls()
        parts = []
        for text in texts:
            parts.append(text)
            for match in _WORD.finditer(text):
                word = _base(match.group())
                if not word:
                    continue
                if word[0].isupper():
                    if not _STARTS_SENTENCE.search(text[:match.start()]):
                        lexicon.capital[word.lower()] += 1
                elif word[0].islower():
                    lexicon.lower[word.lower()] += 1
        lexicon.corpus = "\n".join(parts)
        return lexicon

    def proper(self, word: str) -> bool:
        """Kept capitalised unless the text writes it in lower case more often than capitalised
        inside a sentence (a word the text never uses is kept as written)."""
        key = _base(word).lower()
        return self.lower[key] <= self.capital[key]

    def proper_phrase(self, phrase: str) -> bool:
        """A run of capitalised words the text writes so more often than in lower case."""
        capitalised = len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", self.corpus))
        lowered = phrase[0] + phrase[1:].lower()
        lower = len(re.findall(r"(?<!\w)" + re.escape(lowered) + r"(?!\w)", self.corpus)) if lowered != phrase else 0
        return capitalised > 0 and capitalised > lower


def _kept_spans(title: str, keep) -> list[tuple[int, int]]:
    spans = []
    for phrase in keep:
        for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", title):
            spans.append(match.span())
    return spans


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _plain_capitalised(word: str) -> bool:
    """Capital first letter and no capital after it (not USSR, McCarthy, NEPmen)."""
    letters = [c for c in word[1:] if c.isalpha()]
    return word[0].isupper() and not any(c.isupper() for c in letters)


def _set_first(title: str, at: int, upper: bool) -> str:
    ch = title[at]
    new = ch.upper() if upper else ch.lower()
    return title if len(new) != 1 else title[:at] + new + title[at + 1:]


def sentence_case(title: str, lexicon: Lexicon, keep=()) -> str:
    spans = _kept_spans(title, keep)
    words = list(_WORD.finditer(title))
    out = title
    for index, match in enumerate(words):
        word = match.group()
        if index == 0:
            out = _set_first(out, match.start(), upper=True)
            continue
        if _inside(spans, *match.span()) or not _plain_capitalised(word):
            continue
        # The run of capitalised words this one belongs to ("Second World War").
        first = last = index
        while first > 1 and words[first - 1].group()[0].isupper() and \
                title[words[first - 1].end():words[first].start()] == " ":
            first -= 1
        while last + 1 < len(words) and words[last + 1].group()[0].isupper() and \
                title[words[last].end():words[last + 1].start()] == " ":
            last += 1
        run = title[words[first].start():words[last].end()]
        if (first < last and lexicon.proper_phrase(_base(run))) or lexicon.proper(word):
            continue
        if "-" in word:  # Counter-Revolution: each part
            for part in re.finditer(r"[^\W\d_]+", word):
                if not lexicon.proper(part.group()):
                    out = _set_first(out, match.start() + part.start(), upper=False)
            continue
        out = _set_first(out, match.start(), upper=False)
    return out


def title_case(title: str, keep=()) -> str:
    spans = _kept_spans(title, keep)
    words = list(_WORD.finditer(title))
    out = title
    for index, match in enumerate(words):
        word = match.group()
        if _inside(spans, *match.span()) or any(c.isupper() for c in word[1:]):
            continue
        before = title[:match.start()].rstrip()
        opens = index == 0 or index == len(words) - 1 or before.endswith((":", "—", "–", "?", "!"))
        for part in re.finditer(r"[^\W\d_][\w’']*", word):
            minor = part.group().lower() in _MINOR and not (opens and part.start() == 0)
            out = _set_first(out, match.start() + part.start(), upper=not minor)
    return out


def capitalise(title: str, rule: str, lexicon: Lexicon, keep=()) -> str:
    if rule == SENTENCE:
        return sentence_case(title, lexicon, keep)
    if rule == TITLE:
        return title_case(title, keep)
    return title
