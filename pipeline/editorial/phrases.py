"""Finding the phrases editors quote, whatever quotes and dashes they typed.

Editors type straight quotes and hyphens; the cleaned text has curly quotes
and dashes. Both sides are folded the same way, with a map from folded
offsets back to the original, so a match lands on the original characters.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

_FOLD = {
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " ", "\u202f": " ",
}


FOLD = _FOLD  # for callers that fold quotes and dashes but keep case
_TRANSLATE = str.maketrans(_FOLD)
_NEEDS_SLOW_FOLD = re.compile(r"…|\s\s|[^\S ]")


def fold(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with quotes, dashes, ellipses and spaces normalised,
    plus, for every folded character, its offset in `text`."""
    folded = text.translate(_TRANSLATE).lower()
    if len(folded) == len(text) and not _NEEDS_SLOW_FOLD.search(folded):
        return folded, list(range(len(text)))  # one character for one: the usual paragraph
    return _fold_slowly(text)


def _fold_slowly(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        ch = _FOLD.get(ch, ch)
        if ch == "…":
            out.extend("...")
            where.extend((i, i, i))
            previous_space = False
            continue
        if ch.isspace():
            if previous_space:
                continue
            ch = " "
            previous_space = True
        else:
            previous_space = False
        out.append(ch.lower())
        where.append(i)
    return "".join(out), where


@lru_cache(maxsize=4096)
def fold_text(text: str) -> str:
    return fold(text)[0].strip()


def find_all(phrase: str, text: str, folded: tuple[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of every whole-word occurrence of `phrase`
    (pass `folded` = fold(text) when searching the same text for many phrases)."""
    needle = fold_text(phrase)
    if not needle:
        return []
    folded, where = folded or fold(text)
    if needle not in folded:
        return []
    spans = []
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + (r"(?!\w)" if needle[-1].isalnum() else ""))
    for match in pattern.finditer(folded):
        start = where[match.start()]
        end = where[match.end() - 1] + 1
        spans.append((start, end))
    return spans


def closest_passages(phrase: str, texts: list[str], n: int = 3) -> list[str]:
    """The passages most like `phrase`, to show an editor what the text says."""
    size = max(1, len(phrase.split()))
    windows: list[str] = []
    for text in texts:
        words = text.split()
        for i in range(max(1, len(words) - size + 1)):
            windows.append(" ".join(words[i:i + size]))
    if len(windows) > 50_000:
        windows = windows[:50_000]
    lowered = {w.lower(): w for w in windows}
    matches = difflib.get_close_matches(phrase.lower(), list(lowered), n=n, cutoff=0.4)
    return [lowered[m] for m in matches]
