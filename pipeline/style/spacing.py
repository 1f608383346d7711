"""Spaces around punctuation as a typesetter sets them, where a web page slipped.

Pages typed in a hurry put a space before a full stop ("suicide ."), none after a
quotation closed at a sentence's end (".’In addition") or before one opened after it
(".“The mood"), none after a quotation closed inside a sentence ("human beings’resulted"),
a space inside a hyphenated word ("state- owned") and none after a dash ("1921 -that").
Each is a slip of the keyboard, not a word: the text is respaced, and the dash rule, which
runs next, sets the dash in the house's convention. A hyphen before "and", "or" or "to" is a compound's first half
("pre- and post-war") and stays; an ellipsis between words is spaced on both sides ("minds…
are", "minds …are" and "minds… are" become "minds … are", "slackened!…On" "slackened! … On"); ellipses spaced ". . ." and protected
spans (addresses, code) are left alone.
"""

from __future__ import annotations

import re

from ..model import Text
from .edits import Edit
from .protect import protected

#: A space between a word and the punctuation that ends its clause, not an ellipsis spaced out.
_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W_])( +)(?=[.,;:!?](?:[’”\s]|$))(?![.,;:!?] [.,])")
#: A closing mark after a sentence's end, run into the next sentence's capital.
_CLOSED_THEN_CAPITAL = re.compile(r"(?<=[.!?][’”])(?=[A-Z])")
#: An opening mark run on from a sentence's end.
_STOP_THEN_OPENING = re.compile(r"(?<=[a-z][.!?])(?=[“‘][^\W\d_])")
#: A hyphen left hanging before a space inside a word; not a compound's first half ("pre- and post-war").
_HANGING_HYPHEN = re.compile(r"(?<=[^\W\d_]{2})- (?=[a-z]{2,})(?!(?:and|or|nor|to|as)\b)")
#: A spaced dash whose second space is missing: "1921 -that is" (a dash the cleaner could not read as one).
_DASH_WITHOUT_SPACE = re.compile(r"(?<=\w) (-)(?=[a-z]{2,})")
#: An ellipsis between words is spaced on both sides, as the house sets it ("minds … are", "bureaucracy …
#: As early"): one closed up to the word before it, with words or a space after it, and one closed up to the
#: word after it, with a word or a space before it. At a quotation's or a bracket's edge it stays closed
#: ("“…and", "went…”").
_ELLIPSIS_AFTER_WORD = re.compile(r"(?<=[^\W_]|[!?;:,”’)])…(?= ?[^\W_])")
_ELLIPSIS_BEFORE_WORD = re.compile(r"(?<=[^\W_] )…(?=[^\W_])|(?<=[^\W_]|[!?;:,”’)])…(?=[^\W_])")
#: What follows an apostrophe inside a word (don’t, they’re, rock’n’roll, ma’am) or precedes it (O’Brien).
_CONTRACTION_END = re.compile(r"(?:s|t|re|ve|ll|d|m|n|am|em|clock)\b|\W|$", re.I)
_ELISION_START = re.compile(r"(?:^|\W)(?:o|d|l|dell|n)$", re.I)


def spacing_edits(text: Text, rule: str = "spacing") -> list[Edit]:
    s = text.text
    guard = protected(text)
    edits = [Edit(m.start(1), m.end(1), "", rule) for m in _SPACE_BEFORE_STOP.finditer(s)]
    edits += [Edit(m.start(), m.start(), " ", rule) for pattern in (_CLOSED_THEN_CAPITAL, _STOP_THEN_OPENING)
              for m in pattern.finditer(s)]
    edits += [Edit(m.start(), m.end(), "-", rule) for m in _HANGING_HYPHEN.finditer(s)]
    edits += [Edit(m.start(1), m.end(1), "– ", rule) for m in _DASH_WITHOUT_SPACE.finditer(s)]
    edits += [Edit(i + 1, i + 1, " ", rule) for i in _run_on_closings(s)]
    edits += [Edit(m.start(), m.start(), " ", rule) for m in _ELLIPSIS_AFTER_WORD.finditer(s)]
    edits += [Edit(m.end(), m.end(), " ", rule) for m in _ELLIPSIS_BEFORE_WORD.finditer(s)]
    return [e for e in edits if not guard.covers(max(0, e.start - 1), e.end + 1)]


def _run_on_closings(s: str) -> list[int]:
    """’ inside a word that closes a single quotation the sentence opened ("as ‘lack of care for them as
    human beings’resulted in"): where what follows is no contraction's end and what precedes it no
    elided word's start."""
    found, open_quotes = [], 0
    for i, ch in enumerate(s):
        if ch == "‘" and (i == 0 or not s[i - 1].isalnum()):
            open_quotes += 1
        elif ch == "’" and open_quotes:
            inside = 0 < i < len(s) - 1 and s[i - 1].isalpha() and s[i + 1].isalpha()
            if not inside:
                if not s[i + 1:i + 2].isalnum():
                    open_quotes -= 1
            elif not _CONTRACTION_END.match(s, i + 1) and not _ELISION_START.search(s, 0, i) \
                    and re.match(r"[a-z]{3,}", s[i + 1:]):
                found.append(i)
                open_quotes -= 1
    return found
