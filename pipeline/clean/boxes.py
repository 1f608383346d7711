"""Boxes inside the article: a "Related" or "Read more" label and the short lines under it.

The body model keeps the article's span; a label of site furniture inside it
("Read more", "You may also like", "3 Comments") is never article text, and
the headlines listed under it belong to it, up to the article's next
paragraph. A label is told by its words (`vocabulary.TAIL_LABELS`,
`COMMENT_LABELS`), matched against the whole line.
"""

from __future__ import annotations

from .features import is_prose, is_substantial, word_count
from .language import STEM, Language, content_terms
from .units import Event, Role, StageResult, Unit, dropped
from .vocabulary import COMMENT_LABELS, JOB_WORD, STOPWORDS, TAIL_LABELS

STAGE = "boxes"
_LABEL_WORDS = 8
_ITEM_WORDS = 25  # a listed headline is shorter than this


def _movable(unit: Unit) -> bool:
    """Article text (or an aside within it) that no editor has decided on."""
    return unit.role is Role.BODY and not unit.pinned and not unit.keep and unit.place in ("", "aside")


def _is_label(text: str) -> bool:
    text = text.strip()
    return word_count(text) <= _LABEL_WORDS and bool(TAIL_LABELS.match(text) or COMMENT_LABELS.match(text))


def _heads_next_section(units: list[Unit], start: int, end: int, function: frozenset[str],
                        english: bool = True) -> bool:
    """Whether the last of the lines a label lists (units[start:end]) is the article's next heading, right over
    a paragraph: half as long as the headlines before it or less ("A levee under strain" under "Farmers count
    cost of lost harvest as insurers warn of premium rises"), or naming what that paragraph is about ("Pick
    the Right Location" over "Picking a good location for your garden is key"), as another story's headline
    seldom does. A job title over a biography (an author's box) heads nothing."""
    if end - start < 2 or end >= len(units) or not is_prose(units[end].text):
        return False
    last, paragraph = units[end - 1].text, units[end].text
    if is_substantial(paragraph, english) and not JOB_WORD.search(last) and _names_paragraph(last, paragraph, function):
        return True
    if end - start < 3:
        return False
    before = [word_count(u.text) for u in units[start:end - 1]]
    return word_count(last) * 2 <= sum(before) / len(before)


def _names_paragraph(heading: str, paragraph: str, function: frozenset[str]) -> bool:
    """Half or more of a heading's words (two or more) recur in the paragraph under it."""
    terms = content_terms(heading, function)
    if len(terms) < 2:
        return False
    below = content_terms(paragraph, function)
    return 2 * sum(1 for term in terms if any(_same_word(term, other) for other in below)) >= len(terms)


def _same_word(a: str, b: str) -> bool:
    """The same word, give or take an ending: "location"/"locations", and a word one letter shorter than a
    stem that begins the other, "pick"/"picking"."""
    if a[:STEM] == b[:STEM]:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) == STEM - 1 and long_.startswith(short)


def _function_words(language: Language | None) -> frozenset[str]:
    """The page's function words, without its language list's common nouns: jusText's lists hold a language's
    most frequent words, "party" and "Partei" among them, which name what a heading is about."""
    if language is None or language.name == "English":
        return STOPWORDS
    return STOPWORDS | {w for w in language.stopwords if len(w) <= 4}


def drop_boxes(units: list[Unit], language: Language | None = None) -> StageResult:
    function = _function_words(language)
    english = language is None or language.name == "English"
    drop: dict[int, str] = {}
    i = 0
    while i < len(units):
        if _movable(units[i]) and _is_label(units[i].text):
            drop[i] = "section-label"
            j = i + 1
            while j < len(units) and _movable(units[j]) and not is_prose(units[j].text) \
                    and word_count(units[j].text) <= _ITEM_WORDS:
                drop[j] = "inline-teaser"
                j += 1
            if _heads_next_section(units, i + 1, j, function, english):
                del drop[j - 1]
            i = j
            continue
        i += 1
    kept: list[Unit] = []
    events: list[Event] = []
    for index, unit in enumerate(units):
        if index in drop:
            events.append(dropped(STAGE, drop[index], unit, "a label of site furniture, and what it lists"))
        else:
            kept.append(unit)
    return StageResult(kept, events)
