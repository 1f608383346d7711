"""Property-based tests: the cleaner never crashes and never loses plain article text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, letter_words
from pipeline.clean import clean
from pipeline.clean.embeds import _ATTRIBUTION, _OTHER_EMBEDS
from pipeline.clean.features import is_prose, is_url_only
from pipeline.clean.furniture import SHARE_LABEL
from pipeline.clean.vocabulary import COMMENT_LABELS, SEARCH_LABELS, SHARE_TARGETS, SITE_VOICE, TAIL_LABELS, UI_LABELS
from pipeline.read import decode_seed

#: Paragraphs of real articles: the seeds' lines of 25 words or more, not a note ("1 Thanks to …") nor a
#: quotation.
#: (Sentences drawn word by word from a short list were tried before: "The the the party state workers." is no
#: article's text, and a short line between paragraphs of it could end the article, found at random in one run
#: in many; between real paragraphs, 1,500 examples found no such case.)
PARAGRAPHS = sorted({line.strip() for seed in sorted((ROOT / "seeds").glob("*.txt"))
                     for line in seed.read_text(encoding="utf-8").splitlines()
                     if len(line.split()) >= 25 and not line.lstrip()[:1].isdigit() and line.lstrip()[:1] not in "“\"'"})
paragraph = st.sampled_from(PARAGRAPHS)
printable = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")


def _is_debris_kind(line: str) -> bool:
    """Whether a line is of one of the debris kinds the cleaner is asked to remove."""
    text = line.strip()
    lowered = re.sub(r"^[\W_]+|[\W_]+$", "", text.lower())
    if not letter_words(text):
        return True  # white space or punctuation only
    if lowered in UI_LABELS or lowered in SHARE_TARGETS or lowered in SEARCH_LABELS or text.lower() in UI_LABELS:
        return True
    if SHARE_LABEL.match(text):
        return True
    if all(w in SHARE_TARGETS for w in re.split(r"[\s|·•/,;:]+", lowered) if w):
        return True
    if TAIL_LABELS.match(text) or COMMENT_LABELS.match(text) or _ATTRIBUTION.match(text) \
            or _OTHER_EMBEDS.match(text) or is_url_only(text):
        return True
    return any(p.search(text) for _, p in SITE_VOICE)


def _clean(lines: list[str]):
    return clean(decode_seed("\n".join(lines).encode("utf-8"), Path("generated.txt")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(printable, max_size=3000))
def test_the_cleaner_never_crashes(text):
    assume(text.strip())
    result = _clean(text.split("\n"))
    assert result.article is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(paragraph, min_size=2, max_size=4, unique=True),
       after=st.lists(paragraph, min_size=2, max_size=4, unique=True),
       middle=st.text(printable, min_size=1, max_size=300), blank=st.booleans())
def test_a_line_in_the_middle_of_an_article_is_kept_or_set_apart_with_a_reason(before, after, middle, blank):
    """Paragraphs around it are never lost; the line itself is kept if it reads as running text,
    and may otherwise be set apart as an aside (a caption, a button), never without a reason."""
    middle = unicodedata.normalize("NFC", " ".join(middle.split()))  # reading normalises to NFC
    assume(middle and not _is_debris_kind(middle))
    words = [" ".join(letter_words(p)) for p in (*before, middle, *after)]
    assume(len(set(words)) == len(words))  # the same words twice are a duplicate, whatever the punctuation
    lines = [*before, middle, *after]
    if blank:
        lines = [x for line in lines for x in (line, "")]
    result = _clean(lines)
    kept = " " + " ".join(" ".join(letter_words(u.text)) for u in result.units) + " "
    expected = " ".join(letter_words(middle))
    if f" {expected} " not in kept:
        assert not is_prose(middle), [e for e in result.dropped()]
        event = next(e for e in result.dropped() if e.text == middle)
        assert event.rule == "body-aside" and event.detail.startswith("inside the article")
    for line in before + after:
        assert f" {' '.join(letter_words(line))} " in kept
