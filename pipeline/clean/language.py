"""The page's language and script: what a word, a sentence and a function word are.

Rules that count words or weigh stop-words must hold for any language. Most
scripts separate words with spaces; Chinese, Japanese, Thai, Lao, Khmer and
Myanmar do not, so a line's *size* counts their characters, scaled to words.
Function words come from jusText's stop-lists (one per language, drawn from
Wikipedia, BSD licence), read as data; the page's language is the list that
covers most of its words. Chinese and Japanese, which jusText has no lists
for, use their commonest function characters.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..language_tags import same_language
from .vocabulary import STOPWORDS

#: Scripts written without spaces between words, with characters per word.
_SPACELESS = (
    (re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"), 2.0),  # Han, kana
    (re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"), 4.0),  # Thai, Lao, Myanmar, Khmer
)
_ANY_SPACELESS = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                            r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN_OR_KANA = _SPACELESS[0][0]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Sentence-ending marks of many scripts (Latin, CJK full width, Devanagari, Arabic, Urdu).
SENTENCE_MARKS = ".!?…。！？｡।॥؟۔"

#: The commonest function characters of Chinese and Japanese prose.
_CJK_FUNCTION = {
    "Chinese": frozenset("的了是在和有我他这也不就人都一上中说要为以会与对而及等被从但其之或并所把将她它们个"),
    "Japanese": frozenset("のにはをたがでてとしれさあるいもすからなこやれるどかだへばずりまよう"),
}
NEUTRAL_SHARE = 0.35
_DETECTION_WORDS = 200  # the head of each list (they are ordered by frequency) identifies the language
_SAMPLE_WORDS = 3000
_SAMPLE_CHARS = 200_000


@dataclass(frozen=True)
class Language:
    name: str
    stopwords: frozenset[str]
    spaceless: bool = False  # written without spaces: function words are counted as characters

    def stopword_share(self, text: str) -> float:
        """Share of the line's words that are function words (0 when it has none).

        A language without a list gets a neutral share, that of typical prose:
        no evidence either way, rather than every line looking like a menu."""
        if not self.stopwords:
            return NEUTRAL_SHARE
        if self.spaceless:
            return _spaceless_share(text, self.stopwords)
        found = _WORD.findall(text)
        if not found:
            return 0.0
        return sum(1 for w in found if w.lower() in self.stopwords) / len(found)


def line_size(text: str) -> float:
    """Words in a line; characters of spaceless scripts count as a share of a word."""
    if not _ANY_SPACELESS.search(text):
        return len(text.split())
    size = 0.0
    rest = text
    for pattern, per_word in _SPACELESS:
        found = len(pattern.findall(rest))
        if found:
            size += found / per_word
            rest = pattern.sub(" ", rest)
    return size + len(rest.split())


_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
STEM = 5  # letters a word is known by ("machine", "machines"), in every language alike


def content_terms(text: str, stopwords: frozenset[str] = frozenset()) -> set[str]:
    """What a line is about: its words of three letters or more that are not function words, and,
    in scripts without spaces, its pairs of neighbouring characters (about a word each)."""
    terms = {w for w in (m.lower() for m in _CONTENT_WORD.findall(_ANY_SPACELESS.sub(" ", text)))
             if w not in stopwords}
    for run in re.findall(_ANY_SPACELESS.pattern + "+", text):
        terms.update(run[i:i + 2] for i in range(len(run) - 1))
    return terms


def is_spaceless(text: str) -> bool:
    """Written mostly in a script without spaces between words."""
    return len(_ANY_SPACELESS.findall(text)) > len(text) / 3


def _spaceless_share(text: str, function: frozenset[str]) -> float:
    chars = _ANY_SPACELESS.findall(text)
    if not chars:
        found = _WORD.findall(text)
        return 0.0 if not found else sum(1 for w in found if w.lower() in function) / len(found)
    share = sum(1 for c in chars if c in function) / len(chars)
    # A function word is one character, a content word about two: share of words, not characters.
    return 2 * share / (1 + share)


@lru_cache(maxsize=1)
def _stoplist_folder() -> Path | None:
    spec = importlib.util.find_spec("justext")  # found, not imported: only its data is read
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return folder if folder.is_dir() else None


@lru_cache(maxsize=None)
def stoplist(name: str) -> frozenset[str]:
    folder = _stoplist_folder()
    if name in _CJK_FUNCTION:
        return _CJK_FUNCTION[name]
    if folder is None or not (folder / f"{name}.txt").is_file():
        return _FALLBACK_ENGLISH
    words = (folder / f"{name}.txt").read_text(encoding="utf-8").split()
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def _detection_index() -> dict[str, tuple[str, ...]]:
    """Each frequent function word and the languages whose lists begin with it."""
    folder = _stoplist_folder()
    index: dict[str, list[str]] = {}
    if folder is None:
        return {}
    for path in sorted(folder.glob("*.txt")):
        if path.stem == "Simple_English":  # a copy of English under another name
            continue
        head = path.read_text(encoding="utf-8").split()[:_DETECTION_WORDS]
        for word in {w.lower() for w in head}:
            index.setdefault(word, []).append(path.stem)
    return {word: tuple(names) for word, names in index.items()}


def _function_word_counts(words: list[str], languages: Container[str] | None = None) -> dict[str, int]:
    """For each language (of `languages`, or any), how many of `words` are among its frequent function words."""
    index = _detection_index()
    counts: dict[str, int] = {}
    for word in words:
        for name in index.get(word.lower(), ()):
            if languages is None or name in languages:
                counts[name] = counts.get(name, 0) + 1
    return counts


def _function_words_of(words: list[str], language: str) -> set[str]:
    """The different words of `words` that are among `language`'s frequent function words."""
    index = _detection_index()
    return {word.lower() for word in words if language in index.get(word.lower(), ())}


def detect_language(texts: list[str]) -> Language:
    """The language whose function words cover most of the page's words (read from its first
    _SAMPLE_CHARS characters: enough to tell, and a huge page costs no more)."""
    sample = " ".join(texts)[:_SAMPLE_CHARS]
    spaceless = _ANY_SPACELESS.findall(sample)
    words = _WORD.findall(sample)
    if len(spaceless) > len(words):
        if len(_HAN_OR_KANA.findall(sample)) < len(spaceless) / 2:
            return Language("Southeast Asian", frozenset(), spaceless=True)  # no list: shares are neutral
        name = "Japanese" if len(_KANA.findall(sample)) > 0.1 * len(spaceless) else "Chinese"
        return Language(name, stoplist(name), spaceless=True)
    index = _detection_index()
    if not index:
        return Language("English", _FALLBACK_ENGLISH)
    counts = _function_word_counts(words[:_SAMPLE_WORDS])
    if not counts:
        return Language("English", stoplist("English"))
    # Ties (a page of names and numbers) favour English, the lists' most common language.
    name = max(sorted(counts), key=lambda n: (counts[n], n == "English"))
    return Language(name, stoplist(name))


#: The BCP 47 tags of the languages a chapter may be marked with, by jusText's names for them: the
#: languages with a book's readership and hyphenation patterns. Regional and minor varieties are left out
#: (their lists share most of their words with a major language's: a Spanish page reads as Asturian as often
#: as not) and so are lists that hold English words (Sundanese, Igbo, Marathi: three English pages of the
#: development set read as Sundanese).
LANGUAGE_TAGS = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Basque": "eu", "Belarusian": "be",
    "Bengali": "bn", "Bulgarian": "bg", "Catalan": "ca", "Chinese": "zh", "Croatian": "hr", "Czech": "cs",
    "Danish": "da", "Dutch": "nl", "English": "en", "Estonian": "et", "Finnish": "fi", "French": "fr",
    "Georgian": "ka", "German": "de", "Greek": "el", "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu",
    "Icelandic": "is", "Indonesian": "id", "Irish": "ga", "Italian": "it", "Japanese": "ja", "Korean": "ko",
    "Latvian": "lv", "Lithuanian": "lt", "Macedonian": "mk", "Norwegian_Bokmal": "nb", "Persian": "fa",
    "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru", "Serbian": "sr", "Slovak": "sk",
    "Slovenian": "sl", "Spanish": "es", "Swedish": "sv", "Tamil": "ta", "Turkish": "tr", "Ukrainian": "uk",
    "Urdu": "ur", "Vietnamese": "vi", "Welsh": "cy",
}
_CLEAR_LEAD = 1.25  # the language's function words this many times the next tagged language's
_CLEAR_SHARE = 0.15  # and at least this share of the words: running text, not a page of names
_CLEAR_WORDS = 8  # and at least this many ("Ann Smith" is two Irish function words, not a page in Irish)
_CLEAR_DISTINCT = 4  # of as many different words ("word word word …" is not a page in Afrikaans)
_TAG_SAMPLE_CHARS = 20_000  # the article's first pages tell its language as well as all of them


def language_tag(texts: list[str]) -> str | None:
    """The BCP 47 tag of the language the page is written in, where its function words say so clearly (the
    languages of `LANGUAGE_TAGS`): what a chapter is marked with for screen readers and hyphenation. None when
    the page does not say clearly."""
    sample = " ".join(texts)[:_TAG_SAMPLE_CHARS]
    spaceless = _ANY_SPACELESS.findall(sample)
    words = _WORD.findall(sample)
    if len(spaceless) > len(words):
        language = detect_language([sample])
        return LANGUAGE_TAGS.get(language.name)
    counts = _function_word_counts(words, LANGUAGE_TAGS)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < max(_CLEAR_WORDS, _CLEAR_SHARE * len(words)) \
            or (len(ranked) > 1 and ranked[0] < _CLEAR_LEAD * ranked[1]):
        return None
    name = max(counts, key=counts.get)
    if len(_function_words_of(words, name)) < _CLEAR_DISTINCT:
        return None
    return LANGUAGE_TAGS[name]


def page_language(declared: str | None, texts: list[str]) -> str | None:
    """The article's language: what its words say clearly (`language_tag`), with the region a saved page
    declares where the two agree ("pt-BR"); what the page declares where its words do not say (a template's
    default "en" on a page in Russian gives way to its words)."""
    found = language_tag(texts)
    if found is None:
        return declared
    return declared if declared and same_language(declared, found) else found


#: Used only when jusText's lists cannot be found (a broken installation).
_FALLBACK_ENGLISH = STOPWORDS
