"""One form for a compound the book writes two ways: "Hitler-Stalin Pact" beside "Hitler–Stalin Pact".

An en dash between two words marks a relation between equals ("Nazi–Soviet", "Hitler–Stalin");
a hyphen makes the two one word ("Marxism-Leninism"). Which a compound is cannot be read off its
letters, but the book's own writing shows it: a pair of words that any text of the book joins
with an en dash is a relation, and its hyphenated copies take the en dash too. A pair only ever
hyphenated stays as written, as does anything inside a web address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Text
from .edits import Edit
from .protect import protected

#: Two words of two letters or more joined by a hyphen or an en dash, not part of a longer chain.
_JOINED = re.compile(r"(?<![\w\-–])([^\W\d_]{2,})([-–])([^\W\d_]{2,})(?![\w\-–])")


def related_pairs(texts: Iterable[Text]) -> frozenset[tuple[str, str]]:
    """The word pairs the book joins with an en dash somewhere (outside web addresses)."""
    pairs = set()
    for text in texts:
        if "–" not in text.text:
            continue
        guard = protected(text)
        for match in _JOINED.finditer(text.text):
            if match.group(2) == "–" and not guard.covers(*match.span()):
                pairs.add((match.group(1), match.group(3)))
    return frozenset(pairs)


def join_edits(text: Text, pairs: frozenset[tuple[str, str]], rule: str = "joins") -> list[Edit]:
    """En dashes for the hyphens of pairs the book elsewhere joins with one."""
    s = text.text
    if "-" not in s or not pairs:
        return []
    guard = protected(text)
    edits = []
    for match in _JOINED.finditer(s):
        if match.group(2) == "-" and (match.group(1), match.group(3)) in pairs \
                and not guard.covers(*match.span()):
            edits.append(Edit(match.start(2), match.end(2), "–", rule))
    return edits
