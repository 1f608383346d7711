"""After the article: teaser lists, comments and footers.

Pages end with furniture that is often written in full sentences (the blurb
of a related article, a reader's comment), so it cannot be told apart line by
line. It is told apart by position: a label such as "Latest articles",
"You should also read" or "3 comments" opens it, and nothing that follows
reads like the article going on. A label in the middle of an article (an
inline "Read more" box) only takes the short lines that belong to it.
"""

from __future__ import annotations

from .features import is_heading_like, is_prose, is_substantial, word_count
from .units import Event, Role, StageResult, Unit, dropped
from .vocabulary import COMMENT_LABELS, TAIL_LABELS

STAGE = "tail"

#: Roles recognised by pattern before this stage: they survive a tail cut.
_PROTECTED = {Role.NOTES_HEADING, Role.NOTE, Role.REFERENCES_HEADING, Role.REFERENCE}
_CONTINUATION_SHARE = 0.25  # article text after a label, as a share of the text before it
_CONTINUATION_RUN = 3  # or this many long paragraphs in a row after it
_MIN_ARTICLE_WORDS = 100  # article text needed above a label for it to end the article


def _movable(unit: Unit) -> bool:
    return unit.role is Role.BODY and not unit.pinned and not unit.keep


def _is_label(unit: Unit) -> str | None:
    text = unit.text.strip()
    if word_count(text) > 20:
        return None
    if COMMENT_LABELS.match(text):
        return "comments"
    if word_count(text) > 8:
        return None
    if TAIL_LABELS.match(text):
        return "teaser-block"
    return None


def _article_goes_on(units: list[Unit], at: int, english: bool, share: bool = True) -> bool:
    """Whether real article text follows a label (so the label is an inline box).

    Long paragraphs in a row mean the article goes on (teaser lists and comment
    threads alternate short lines with long ones); so does, for teaser labels,
    a good share of the article's text still to come. A label with little
    article text above it (a comment count under the headline) is not the end.
    """
    before = sum(word_count(u.text) for u in units[:at]
                 if u.role is Role.BODY and is_substantial(u.text, english))
    after = 0
    run = best_run = 0
    for unit in units[at + 1:]:
        if unit.role is not Role.BODY:
            continue
        if _is_label(unit):
            break
        if is_substantial(unit.text, english) and word_count(unit.text) >= 30:
            after += word_count(unit.text)
            run += 1
            best_run = max(best_run, run)
        else:
            run = 0
    if before < _MIN_ARTICLE_WORDS:
        return True
    return best_run >= _CONTINUATION_RUN or (share and after >= _CONTINUATION_SHARE * before)


def cut_tail(units: list[Unit], english: bool = True) -> StageResult:
    good = [i for i, u in enumerate(units) if u.role is Role.BODY and is_substantial(u.text, english)]
    if not good:
        return StageResult(list(units))
    drop: dict[int, str] = {}
    cut = None
    i = good[0] + 1
    while i < len(units):
        unit = units[i]
        label = _is_label(unit) if _movable(unit) else None
        if label and _article_goes_on(units, i, english, share=label == "teaser-block"):
            drop[i] = "inline-teaser" if label == "teaser-block" else "comment-count"
            j = i + 1
            while j < len(units) and _movable(units[j]) and not is_prose(units[j].text, english) \
                    and word_count(units[j].text) <= 15:
                drop[j] = "inline-teaser"
                j += 1
            i = j
            continue
        if label:
            cut = i
            for j in range(i, len(units)):
                if units[j].role not in _PROTECTED and not units[j].pinned and not units[j].keep:
                    drop[j] = label
            break
        i += 1
    end = cut if cut is not None else len(units)
    # Short labels left just above the cut head nothing: they belong to it.
    j = end - 1
    while cut is not None and j > good[0] and _movable(units[j]) \
            and not is_prose(units[j].text, english) and word_count(units[j].text) <= 8:
        drop[j] = "orphan-label"
        j -= 1
    _trim_footer(units, good, end, english, drop)
    events: list[Event] = []
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        if index in drop:
            events.append(dropped(STAGE, drop[index], unit))
        else:
            kept.append(unit)
    return StageResult(kept, events)


def _trim_footer(units: list[Unit], good: list[int], end: int, english: bool,
                 drop: dict[int, str]) -> None:
    """After the last paragraph, a line that reads as neither prose nor a
    heading over prose starts the footer: it and what follows go."""
    last = max((i for i in good if i < end), default=None)
    if last is None:
        return
    in_footer = False
    for i in range(last + 1, end):
        unit = units[i]
        if i in drop or unit.role is not Role.BODY:
            continue
        if not in_footer:
            nxt = next((units[k] for k in range(i + 1, end) if k not in drop), None)
            heads_prose = (is_heading_like(unit.text) and nxt is not None and nxt.role is Role.BODY
                           and is_prose(nxt.text, english) and word_count(nxt.text) >= 8)
            if is_prose(unit.text, english) or heads_prose:
                continue
            in_footer = True
        if _movable(unit):
            drop[i] = "page-footer"
