"""The article's span: which lines are the article, and which stand before, after or aside.

The body model (`body_model.py`) reads every line's features and chooses, in
one best path, where the article starts and ends and which lines inside it
are asides (a caption, a "Read more" box, a product card). This stage only
marks each line's place and why; the head stage then looks just above the
article for its title and byline, and the outside stage drops what is left.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .comments import comment_headers, is_reply_header, thread_span
from .body_model import AFTER, ASIDE, BEFORE, BODY, BodyModel, load_model, viterbi
from .datetext import find_dates
from .features import ends_sentence, is_heading_like, without_note_call, word_count
from .language import Language
from .markup_model import MARKUP_FEATURES, MarkupModel, load_markup_model, markup_rows
from .signals import FEATURES, INDEX, page_features
from .units import Role, StageResult, Unit
from .vocabulary import CLOSING_HEADINGS

STAGE = "body"
_READS = {f.name: (f.reads, f.low) for f in (*FEATURES, *MARKUP_FEATURES)}
_PLACES = {BEFORE: "before", AFTER: "after", ASIDE: "aside"}
_TEXT_NAMES = frozenset(f.name for f in FEATURES)


def _decides(unit: Unit) -> bool:
    """Lines the model may place: editors' decisions and recognised notes are left alone."""
    return unit.role is Role.BODY and not unit.pinned and not unit.keep


def find_body(units: list[Unit], model: BodyModel | None, language: Language,
              markup: MarkupModel | None = None) -> StageResult:
    if not units:
        return StageResult([])
    model = model or load_model()
    scored = [u for u in units if u.text]  # an image without a caption is placed by its neighbours
    if not scored:
        return StageResult(list(units))
    lexicon = model.lexicon if language.name == model.lexicon_language else {}
    extra = None
    if any(u.markup is not None for u in scored):  # a saved page: its markup's evidence joins the text's
        markup = markup or load_markup_model()
        extra = markup_rows(scored)
    texts = [u.text for u in scored]
    rows, scores = _scores(texts, range(len(texts)), model, language, lexicon, markup, extra)
    path = viterbi(scores, model.base, model.initial)
    thread = _thread_taken_for_body(path, texts)
    if thread is not None:  # read the page again as if the thread were not on it: the article is elsewhere
        rest = [i for i in range(len(texts)) if i not in thread]
        rest_rows, rest_scores = _scores(texts, rest, model, language, lexicon, markup, extra)
        for k, i in enumerate(rest):
            rows[i], scores[i] = rest_rows[k], rest_scores[k]
        for i in thread:
            scores[i][BODY] = scores[i][ASIDE] = float("-inf")
        path = viterbi(scores, model.base, model.initial)
    missed = _paragraph_outside_a_small_body(path, texts, language)
    if missed is not None:  # decode again, that paragraph inside the article
        scores[missed] = [float("-inf") if state != BODY else score for state, score in enumerate(scores[missed])]
        path = viterbi(scores, model.base, model.initial)
    runs_to, runs_from = _article_runs_to(path, texts), _entries_run_from(path, texts)
    if runs_to is not None or runs_from is not None:  # decode again, the article running at least that far
        path = viterbi(_article_over(scores, runs_from, runs_to), model.base, model.initial)
    path = _opening_split_off(path, rows, texts, language)
    path = _opening_under_head(path, rows, texts, language)
    if extra is None:  # a saved page's markup says where its article starts (tried: 5 of its pages took debris)
        path = _lead_over_first_heading(path, texts, language)
    path = _lists_introduced_above(path, texts)
    path = _closing_lines(path, rows, texts, language)
    path = _lines_before_own_notes(path, scored, language)
    path = _continued_pattern(path, texts, language)
    path = _labelled_like_the_text(path, texts)
    path = _items_a_sentence_introduces(path, rows, texts)
    path = _listing_a_sentence_introduces(path, scored, texts)
    path = _introduced_list_runs_to_close(path, rows, texts, language)
    path = _runs_on_to_furniture(path, rows, texts, _furniture_after(units, scored), language)
    inside = [i for i, state in enumerate(path) if state not in (BEFORE, AFTER)]
    first = scored[inside[0]].line if inside else None
    last = scored[inside[-1]].line if inside else None
    placed: dict[int, str] = {}
    for k, (unit, row, state) in enumerate(zip(scored, rows, path)):
        if state in _PLACES and _decides(unit):
            why = _reason(model, row, state, first, last, markup if extra else None, extra[k] if extra else None)
            if extra:  # a saved page's units are its blocks
                why = why.replace(f"starts at line {first}", f"starts at block {first}").replace(
                    f"ends at line {last}", f"ends at block {last}")
            placed[id(unit)] = (_PLACES[state], why)
    return StageResult(_place(units, placed))


def _place(units: list[Unit], placed: dict[int, tuple[str, str]]) -> list[Unit]:
    """Each unit with its place; an uncaptioned image stands where the text around it stands."""
    out: list[Unit] = []
    for i, unit in enumerate(units):
        if unit.text:
            found = placed.get(id(unit))
            out.append(unit.but(place=found[0], why=found[1]) if found else unit)
            continue
        before = next((placed.get(id(u), ("", ""))[0] for u in reversed(units[:i]) if u.text), "before")
        after = next((placed.get(id(u), ("", ""))[0] for u in units[i + 1:] if u.text), "after")
        if before == "" and after == "" or not _decides(unit):
            out.append(unit)
        else:
            place = before if before in ("before", "after") else after if after in ("before", "after") else "aside"
            out.append(unit.but(place=place, why="an image where the text around it is not the article's"))
    return out


_SMALL_BODY = 0.5  # the body's words, against the longest paragraph outside it, below which it is not the article


def _paragraph_outside_a_small_body(path: list[int], texts: list[str], language: Language) -> int | None:
    """The longest paragraph outside the article, when the body the model found holds fewer than half
    as many words: the model took a banner or a promotion for the article (a shop's page whose one
    text is its terms), and the text it left out is the page's article. None when the body is not so
    small."""
    sizes = [word_count(text) for text in texts]
    body_words = sum(size for size, state in zip(sizes, path) if state == BODY)
    outside = [i for i, state in enumerate(path) if state in (BEFORE, AFTER) and body_words < _SMALL_BODY * sizes[i]
               and _is_paragraph(texts[i], language)]  # the cheap test first: on most pages no line is so long
    return max(outside, key=lambda i: sizes[i]) if outside else None


def _closing_lines(path: list[int], rows: list[list[float]], texts: list[str], language: Language) -> list[int]:
    """Give the article back its closing lines when the model ended it early: a line its last line
    introduces with a colon, and a closing paragraph that reads like the article (a sentence,
    worded like an article, sharing its vocabulary). Measured on the development set, the
    closing-paragraph rule is right two times in three, and each line it restores is article text."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    end = body[-1]
    while end + 1 < len(path) and path[end + 1] == AFTER:
        nxt = end + 1
        row, text = rows[nxt], texts[nxt]
        introduced = texts[end].rstrip().endswith(":")
        closing = _reads_like_closing(text, row, language)
        if not (introduced or closing):
            break
        path[nxt] = BODY
        end = nxt
        if closing and not introduced:
            break  # one closing paragraph, not a run of them
    return path


def _reads_like_closing(text: str, row: list[float], language: Language) -> bool:
    """A closing paragraph of the article: a sentence, worded like an article, sharing its vocabulary."""
    return (ends_sentence(text) and word_count(text) >= 4 and language.stopword_share(text) >= 0.25
            and row[INDEX["cohesion"]] >= 0.3 and row[INDEX["lexicon_mean"]] > 0)


_LIST_ITEMS_INSIDE = 8  # items between a list's introduction and the article's end
_LIST_ITEMS_AFTER = 40  # items a list carries past the article's end


def _introduced_list_runs_to_close(path: list[int], rows: list[list[float]], texts: list[str],
                                   language: Language) -> list[int]:
    """A list the article introduces with a colon ("Here are a few models he recommends:") runs on
    when the model ended the article among its items: the items below the end (lines that are not
    sentences) are the article's, with the sentence that closes the list, when that sentence reads
    like the article. Items with nothing like the article after them are more often a list of links
    to other pages, and stay where the model put them."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    end = body[-1]
    head = end
    while head > end - _LIST_ITEMS_INSIDE and head >= 0 and _is_list_line(texts[head]):
        head -= 1
    if head == end or head < 0 or path[head] != BODY or not _introduces(texts[head]):
        return path
    k = end + 1
    while k < len(texts) and k - end <= _LIST_ITEMS_AFTER and path[k] == AFTER and _is_list_line(texts[k]):
        k += 1
    if k == end + 1 or k >= len(texts) or path[k] != AFTER or not _reads_like_closing(texts[k], rows[k], language):
        return path
    for i in range(end + 1, k + 1):
        path[i] = BODY
    return path


def _is_list_line(text: str) -> bool:
    """A list's line of any length: not a sentence, and not the introduction of another list."""
    return bool(text.strip()) and not ends_sentence(text) and not text.rstrip().endswith(":")


_RUN_ON_MAX = 200  # lines from the article's end to the page's furniture (a directory of a hundred lines)
_OTHER_BOX = ("label", "byline", "about_person")  # features of a line that heads or signs another box


def _runs_on_to_furniture(path: list[int], rows: list[list[float]], texts: list[str],
                          furniture_after: list[bool], language: Language) -> list[int]:
    """The article runs on to the page's furniture when the model ended it early: the lines from its
    end to the first place an earlier stage dropped furniture (a share bar, a menu's label) are the
    article's when the last of them closes it (a sentence that reads like the article, as in "This
    list is not exhaustive …" under a directory) and none of them belongs to another box: a label,
    a byline or a note about a person (an author's card), or a line the page shows again outside the
    article (a menu, a carousel's copy)."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body or furniture_after[body[-1]]:
        return path
    start, end = body[0], body[-1]
    k = end + 1
    while k < len(texts) and k - end < _RUN_ON_MAX and path[k] == AFTER and not furniture_after[k]:
        k += 1
    if k >= len(texts) or path[k] != AFTER or not furniture_after[k]:
        return path
    if not _reads_like_closing(texts[k], rows[k], language):
        return path
    span = range(end + 1, k + 1)
    elsewhere = {texts[i] for i in range(len(texts)) if not start <= i <= k}
    if any(texts[i] in elsewhere or any(rows[i][INDEX[name]] > 0 for name in _OTHER_BOX) for i in span):
        return path
    for i in span:
        path[i] = BODY
    return path


def _furniture_after(units: list[Unit], scored: list[Unit]) -> list[bool]:
    """For each line with text, whether an earlier stage dropped lines right below it (furniture stood
    there): within a blank-line-separated group (a blank line is not furniture), or between a saved
    page's blocks (each its own group, numbered as its lines are)."""
    following = {id(a): b for a, b in zip(units, units[1:])}
    out = []
    for unit in scored:
        nxt = following.get(id(unit))
        blocks = nxt is not None and nxt.group - unit.group == nxt.line - unit.line
        out.append(nxt is not None and (nxt.group == unit.group or blocks)
                   and nxt.line > max(unit.line, unit.last_line) + 1)
    return out


_OPENING_PARAGRAPHS = 5  # paragraphs above the article that make a part of it the page split off


def _opening_split_off(path: list[int], rows: list[list[float]], texts: list[str], language: Language) -> list[int]:
    """Give the article back its opening when a block of other pages' text split it from the rest and
    the model took only the rest: a stretch of five paragraphs or more above the start (one heading at
    most between two), sharing the article's vocabulary and worded like an article, is the article's
    (the stretch nearest the start, when several are). What stands between it and the start is set
    apart, inside the article."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    start = body[0]
    prose = [i for i in range(start) if _is_paragraph(texts[i], language)]
    for stretch in reversed(_stretches(prose)):
        if len(stretch) < _OPENING_PARAGRAPHS:
            continue
        cohesion = sum(rows[i][INDEX["cohesion"]] for i in stretch) / len(stretch)
        worded = sum(rows[i][INDEX["lexicon_mean"]] for i in stretch) / len(stretch)
        if cohesion >= 0.5 and worded > 0:
            for i in range(stretch[0], start):
                path[i] = BODY if i <= stretch[-1] else ASIDE
            break  # the stretch nearest the start
    return path


_HEAD_REACH = 25  # lines from a byline or a date down to the opening it heads (a disclaimer, a contents list between)
_CONTENTS_ENTRIES = 4  # entries of a contents list that stand again, in order, in the article
_CONTENTS_GAP = 3  # lines from the opening's last paragraph to its contents list (a "Table of contents" label)


def _opening_under_head(path: list[int], rows: list[list[float]], texts: list[str], language: Language) -> list[int]:
    """Give the article back its first paragraphs when the model started it below them: a short
    opening is often split from the rest by a contents list or a box of picks. The paragraphs nearest
    above the start, worded like an article, are its opening when the page says where it stands: right
    under a byline or a date (the writer's name and the day head the text, not a teaser), or two
    paragraphs or more with a byline or date a little above them, or a contents list just below them
    whose entries stand again, in order, as the article's own lines. A teaser's summary stands over
    its byline, not under it. What stands between the opening and the start is set apart, but for a
    heading below the contents list that the list names (the first section's, which the model left out
    with the list)."""
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    start, end = body[0], body[-1]
    paragraphs = [i for i in range(start) if path[i] == BEFORE and _opens_article(texts[i], rows[i], language)]
    if not paragraphs:
        return path
    stretch = _stretches(paragraphs)[-1]  # paragraph lines only: a heading between two is not counted
    above = [k for k in range(max(0, stretch[0] - _HEAD_REACH), stretch[0]) if _is_attribution(texts[k], rows[k])]
    headed = bool(above) and (above[-1] == stretch[0] - 1 or len(stretch) >= 2)
    contents = _contents_list_below(stretch[-1], start, end, texts)
    if not (headed or contents):
        return path
    named = {_entry_text(texts[i]) for i in contents}
    path = list(path)
    for i in range(stretch[0], start):  # below the contents list, a heading it names opens the next section
        path[i] = BODY if i <= stretch[-1] or (contents and i > contents[-1] and _entry_text(texts[i]) in named) \
            else ASIDE
    return path


_LEAD_WORDS = 15


def _lead_over_first_heading(path: list[int], texts: list[str], language: Language) -> list[int]:
    """Give the article back its lead where the model started it at its first section's heading: a page of
    reference ("Nikolai Starostin (1902–1996) was a Soviet footballer…", then "Early life") opens on a
    paragraph of names and dates, which the model reads as furniture. An article seldom opens on a heading,
    so a paragraph that ends a sentence right above one, with no other paragraph above it, is the article's."""
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body or body[0] == 0:
        return path
    start = body[0]
    lead = start - 1
    if path[lead] != BEFORE or word_count(texts[start]) > 8 or not is_heading_like(texts[start]) \
            or not _is_prose(without_note_call(texts[lead]), language, words=_LEAD_WORDS) \
            or any(_is_paragraph(texts[i], language) for i in range(lead)):
        return path
    path = list(path)
    path[lead] = BODY
    return path


def _opens_article(text: str, row: list[float], language: Language) -> bool:
    """A paragraph worded like an article's (not a disclaimer's, a sign-up's or a bio's), not a title."""
    return (_is_paragraph(text, language) and row[INDEX["lexicon_mean"]] > 0
            and row[INDEX["capitals"]] < 0.6)


def _is_attribution(text: str, row: list[float]) -> bool:
    """A byline, or a date standing (nearly) alone."""
    return row[INDEX["byline"]] > 0 or (row[INDEX["date"]] > 0 and word_count(text) <= 12)


_NUMBERING = re.compile(r"^\s*(?:(?:#?\d+(?:\.\d+)*[.):]?|[•·*–—-])\s*)+")  # "2.1 1. HIIT" is "HIIT"


def _entry_text(text: str) -> str:
    """A contents entry as its section's heading reads: without its number or bullet."""
    return _NUMBERING.sub("", text).strip().rstrip(":").casefold()


def _contents_list_below(last: int, start: int, end: int, texts: list[str]) -> list[int]:
    """The lines of a contents list a few lines below line `last`, above the start: a run of short
    lines of which four or more, half of them at least, stand again in order between the article's
    start and end. Empty when there is none."""
    k = next((k for k in range(last + 1, min(start, last + 1 + _CONTENTS_GAP)) if _is_entry(texts[k])), None)
    if k is None:
        return []
    run = []
    while k < start and _is_entry(texts[k]):
        run.append(k)
        k += 1
    places: dict[str, list[int]] = {}
    for i in range(start, end + 1):
        places.setdefault(_entry_text(texts[i]), []).append(i)
    found, at = 0, start
    for i in run:
        later = [p for p in places.get(_entry_text(texts[i]), ()) if p >= at]
        if later:
            found, at = found + 1, later[0] + 1
    return run if found >= _CONTENTS_ENTRIES and 2 * found >= len(run) else []


def _is_entry(text: str) -> bool:
    return 1 <= word_count(text) <= 14 and not ends_sentence(text)


def _stretches(lines: list[int]) -> list[list[int]]:
    """Runs of line numbers no more than two apart (a heading, at most, between two paragraphs)."""
    out: list[list[int]] = []
    for i in lines:
        if out and i - out[-1][-1] <= 2:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _is_paragraph(text: str, language: Language) -> bool:
    """A paragraph of running text: prose, and longer and richer in function words than a caption."""
    return _is_prose(text, language, words=12, share=0.3)


_INTRODUCTION_WORDS = 8  # a sentence that introduces a list, not a label ("Tags:")
_ITEM_WORDS = 10


def _lists_introduced_above(path: list[int], texts: list[str]) -> list[int]:
    """Give the article back the lists it opens with, when the model started it below them: short
    items right above the start, under a sentence that introduces them with a colon ("… improves many
    aspects of health, including:"), are the article's, and so is that sentence; so again for a list
    above that sentence. A menu has no sentence over it."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    start = body[0]
    while True:
        k = start - 1
        while k >= 0 and path[k] == BEFORE and _is_item(texts[k]):
            k -= 1
        if k == start - 1 or k < 0 or path[k] != BEFORE or not _introduces(texts[k]):
            return path
        for i in range(k, start):
            path[i] = BODY
        start = k


def _items_a_sentence_introduces(path: list[int], rows: list[list[float]], texts: list[str]) -> list[int]:
    """Inside the article, the items under a sentence of its own that introduces them with a colon
    ("… they are still worth looking into:") are its list, not a box beside it: short lines, none said
    twice in the list nor more than twice on the page (a list of the sections below names each once
    more; a button or a label its cards repeat recurs all over), not program code (a listing's lines
    are sometimes the article's, sometimes not). Two items at least; the list ends at the first line
    that is not such an item."""
    path = list(path)
    counts = Counter(texts)
    for k in range(len(path) - 1):
        if path[k] != BODY or path[k + 1] != ASIDE or not _introduces(texts[k]):
            continue
        items: list[int] = []
        for i in range(k + 1, len(path)):
            if path[i] != ASIDE or not _is_short_item(texts[i]) or counts[texts[i]] > 2 or rows[i][INDEX["code"]] > 0 \
                    or not any(c.isalpha() for c in texts[i]):
                break
            items.append(i)
        if len(items) >= 2 and len({texts[i] for i in items}) == len(items):
            for i in items:
                path[i] = BODY
    return path


def _listing_a_sentence_introduces(path: list[int], scored: list[Unit], texts: list[str]) -> list[int]:
    """A saved page's listing (its `<pre>`) set apart inside the article right under a sentence of the article
    that introduces it with a colon ("Run this:", "To rotate the logs weekly, add this:") is the article's: the sentence
    points at it. Listings no sentence introduces stay the model's to place."""
    path = list(path)
    for k in range(1, len(path)):
        markup = scored[k].markup
        if path[k] == ASIDE and path[k - 1] == BODY and markup is not None and markup.element == "pre" \
                and texts[k - 1].rstrip().endswith(":") and word_count(texts[k - 1]) >= 2:  # "Run this:"
            path[k] = BODY
    return path


def _is_short_item(text: str) -> bool:
    """A list's item inside the article: a few words, which may end with a full stop ("Acme Movers, Inc.")."""
    return 1 <= word_count(text) <= _ITEM_WORDS and not text.rstrip().endswith(":")


def _is_item(text: str) -> bool:
    """A list's item: a few words, not a sentence, not an introduction of its own."""
    return _is_short_item(text) and not ends_sentence(text)


def _introduces(text: str) -> bool:
    return text.rstrip().endswith(":") and word_count(text) >= _INTRODUCTION_WORDS


_MIN_PERIOD, _MAX_PERIOD = 2, 8  # lines in one entry of a list of entries (name, rating, heading, review …)
_GROUP_HEADING_LINES = 2  # a group's heading of two lines: "Q3 2026: Top tech conferences" over "July"


def _continued_pattern(path: list[int], texts: list[str], language: Language) -> list[int]:
    """A list of entries (a heading, a rating, a paragraph, over and over) goes on as long as its pattern
    does: when the article's last three entries repeat one pattern of lines and whole entries after its
    end go on repeating it, each line takes the place its counterpart in the article's last entry has.
    A button the page repeats under every entry ("Read more") is no part of the pattern: it stands
    aside wherever the list goes on. One short line over two entries or more (a month over a calendar's
    next events) heads the next group and stays with the list; over a single entry, it more often
    heads another box (an author's card). Two short lines over an entry (a quarter, then a month) head
    a group when the list already has headings of that shape inside the article: as many lines, of as
    many words each."""
    path = list(path)
    skeleton = _skeleton(texts, language)
    lines = [i for i, (shape, text) in enumerate(skeleton) if not _is_button(shape, text)]
    body = [k for k, i in enumerate(lines) if path[i] == BODY]
    if not body:
        return path
    end = body[-1]
    for period in range(_MIN_PERIOD, _MAX_PERIOD + 1):
        start = end - 3 * period + 1  # three whole entries seen inside the article
        if start < 0 or path[lines[start]] == BEFORE:
            continue
        cycle = [skeleton[i] for i in lines[start:end + 1]]
        if not all(_alike(cycle[k], cycle[k - period]) for k in range(period, len(cycle))):
            continue
        shapes = [shape for shape, _text in cycle[-period:]]
        if "prose" not in shapes or len(set(shapes)) < 2:
            continue
        last = lines[end - period + 1:end + 1]  # the article's last entry: the pattern to go on with

        def entry_at(k: int, states: tuple[int, ...] = (AFTER,)) -> bool:
            return k + period <= len(lines) and all(
                path[lines[k + j]] in states and _alike(skeleton[lines[k + j]], skeleton[last[j]]) for j in range(period))

        def heading_at(k: int, states: tuple[int, ...]) -> tuple[int, ...]:
            """The words in each line of a two-line heading at k over an entry (a quarter, a month), or ()."""
            h = _GROUP_HEADING_LINES
            short = [j for j in range(max(0, k - 1), min(len(lines), k + h))
                     if path[lines[j]] in states and skeleton[lines[j]][0] == "short"]
            if short != list(range(k, k + h)) or not entry_at(k + h, states):  # h short lines, no more, over an entry
                return ()
            return tuple(word_count(texts[lines[k + j]]) for j in range(h))

        own = {heading_at(k, (BODY, ASIDE)) for k in range(end)} - {()}  # the list's own group headings
        k, stop = end + 1, lines[end]
        while True:
            if entry_at(k):
                for j in range(period):  # whole entries only
                    path[lines[k + j]] = path[last[j]]
                stop, k = lines[k + period - 1], k + period
            elif (k < len(lines) and path[lines[k]] == AFTER and skeleton[lines[k]][0] == "short"
                  and entry_at(k + 1) and entry_at(k + 1 + period)):
                path[lines[k]] = BODY  # a group's heading over two entries or more
                k += 1
            elif heading_at(k, (AFTER,)) in own:  # a heading shaped like those the list has inside the article
                for j in range(_GROUP_HEADING_LINES):
                    path[lines[k + j]] = BODY
                k += _GROUP_HEADING_LINES
            else:
                break
        placed = {texts[i]: path[i] for i in range(lines[end]) if path[i] in (BODY, ASIDE)}
        for i in range(lines[end] + 1, stop):
            if path[i] == AFTER:  # a button between entries the list carried on: placed as its copies above
                path[i] = placed.get(texts[i], ASIDE)
        break
    return path


def _is_button(shape: str, text: str) -> bool:
    """A short line the page repeats under its entries ("Read more", "Book now"), not a value ("Rating: 4.5")."""
    return shape == "short" and bool(text) and word_count(text) <= 3 and not any(c.isdigit() for c in text)


def _skeleton(texts: list[str], language: Language) -> list[tuple[str, str]]:
    """Each line's part in a repeating pattern: its shape, and its text when the page repeats it."""
    counts = Counter(texts)
    out = []
    for text in texts:
        if word_count(text) >= 12 and ends_sentence(text):
            shape = "prose"
        elif word_count(text) <= 12:
            shape = "short"
        else:
            shape = "long"
        out.append((shape, text if counts[text] > 2 else ""))
    return out


def _alike(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two lines play the same part: the same shape, and the same text where both are lines the page
    repeats ("Rated: Good" is not "Read more"). One repeated value among varying ones ("Rating: 4.5"
    three times in a list of ratings) still plays its entry's part. A line that is not a sentence plays
    a name's part whatever its length: one entry's name runs to fifteen words, the next to five."""
    return _part(a[0]) == _part(b[0]) and (a[1] == b[1] or not (a[1] and b[1]))


def _part(shape: str) -> str:
    return "prose" if shape == "prose" else "line"


def _article_runs_to(path: list[int], texts: list[str]) -> int | None:
    """The furthest line the article must reach, when the model ended it before the rest of its list of
    entries or before its closing section; None when it ends where the model ended it."""
    found = [r for r in (_entries_run_to(path, texts), _closing_section_to(path, texts)) if r is not None]
    return max(found, default=None)


_CLOSING_REACH = 3  # lines from the article's end to its closing section's heading (a button, a credit between)


def _closing_section_to(path: list[int], texts: list[str]) -> int | None:
    """The first paragraph of the article's closing section, when the model ended the article just
    above it: a heading such as "Conclusion", "Final thoughts" or "The bottom line" over a paragraph,
    a few lines below the end, heads the article's own last section (a related-posts list or a
    comment box has other headings). The article runs at least through that paragraph; where it
    ends after that, the model decides again."""
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return None
    end = body[-1]
    for k in range(end + 1, min(len(texts) - 1, end + 1 + _CLOSING_REACH)):
        if CLOSING_HEADINGS.match(texts[k].strip()) and ends_sentence(texts[k + 1]) and word_count(texts[k + 1]) >= 8:
            return k + 1
    return None


_MAX_ENTRY = 16  # lines from one entry's repeated line to the next's (a product card with its tags runs to 14)
_ENTRIES_SEEN = 3  # repeated lines inside the article that make it a list of entries
_ENTRY_HEAD_LINES = 2  # shared lines of one more entry below the end that carry the list over it
_LABEL = re.compile(r"^(\w[\w'’&/ -]{0,28}?)\s*(?::|\s\|)\s*\S")  # "Price | $12", "Best for: beginners"


@lru_cache(maxsize=8192)  # the list rules ask of each line several times
def _entry_key(text: str) -> tuple[str, str]:
    """What a line shares with its counterparts in the other entries of a list: its label when it
    opens with a short capitalised one ("Price | from $12", "Best for: beginners"), being a date
    when it is one alone (a calendar's events), else its text."""
    if _is_date_alone(text):
        return "date", ""
    match = _LABEL.match(text)
    if match and match.group(1)[0].isupper() and word_count(match.group(1)) <= 4:
        return "label", match.group(1).lower()
    return "line", text


_DIGIT = re.compile(r"\d")
_DATE_ALONE_MAX = 80  # characters: the longest date written out ("Wednesday, 17 September 2025 at 10:30 am")


def _is_date_alone(text: str) -> bool:
    if len(text) > _DATE_ALONE_MAX or not _DIGIT.search(text):
        return False  # every date find_dates reads has a year in digits: most lines need no search
    dates = find_dates(text)
    return len(dates) == 1 and not any(c.isalnum() for c in text[:dates[0].start] + text[dates[0].end:])


def _entries_run_to(path: list[int], texts: list[str]) -> int | None:
    """Where a list of entries that the model ended early really ends. Entries of a listicle often
    share a line the page repeats in each ("Rated: Good", "See the rating", "Read more") or a label
    that opens one of their lines ("Price | …", "Best for: …"): when the article's last entries each
    hold such a line, evenly spaced, and it goes on recurring at that spacing after the article's
    end, the list (and the article) runs on at least to its last recurrence; where it ends after
    that, the model decides again. One recurrence less than an entry's length below the end is most
    often the last entry's own closing line, but several (its "Author: …", "Released: …") head one
    more entry. The shared line must not stand before the article too (an advertisement's label
    recurs evenly, but all over the page), unless the list began above the article: at the list's
    spacing up to the start, several shared lines recur, or one recurs three times. None when nothing
    runs on."""
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return None
    start, end = body[0], body[-1]
    where: dict[tuple[str, str], list[int]] = {}
    for i, text in enumerate(texts):
        where.setdefault(_entry_key(text), []).append(i)
    found: list[tuple[int, bool, bool]] = []  # per shared line: how far it recurs, a whole entry on, once or twice above
    for (_kind, text), places in where.items():
        inside = [i for i in places if start <= i <= end]
        after = [i for i in places if i > end]
        if len(inside) < _ENTRIES_SEEN or not after or word_count(text) > 12:
            continue
        run = _last_run(inside)
        if len(run) < _ENTRIES_SEEN:
            continue
        gaps = [b - a for a, b in zip(run, run[1:])]
        reach = max(gaps) + max(gaps) // 2  # an entry's length, and some: entries vary
        before = [i for i in places if i < start]
        if before and not (run[0] == inside[0] and _chained(before + run[:1], reach)):
            continue  # the line stands apart above the article too: an advertisement's label, not an entry's
        if min(gaps[-_ENTRIES_SEEN + 1:]) < 2 or end - run[-1] > reach:
            continue
        last = run[-1]
        for i in after:
            if i - last > reach:
                break
            last = i
        if last > end:
            found.append((last, last - end >= min(gaps), 0 < len(before) < _ENTRIES_SEEN))
    if sum(few_above for _last, _whole, few_above in found) < _ENTRY_HEAD_LINES:
        found = [f for f in found if not f[2]]  # one label once or twice above the article: an advertisement's
    whole = [last for last, is_whole, _few in found if is_whole]  # a whole entry on, not the last one's closing line
    heads = [last for last, is_whole, _few in found if not is_whole]
    if len(heads) >= _ENTRY_HEAD_LINES:  # a last entry's head: several of its shared lines, not one closing line
        whole += heads
    return max(whole, default=None)


def _chained(places: list[int], reach: int) -> bool:
    """Each place within an entry's reach of the next: one list running on."""
    return all(b - a <= reach for a, b in zip(places, places[1:]))


def _last_run(places: list[int]) -> list[int]:
    """The article's last run of entries: the places of a shared line, back from its last one for as
    long as no gap exceeds an entry's length. Its widest gap, not only its last three, sets how far
    apart entries may stand: one entry without the line (an advertisement's slot) is not the end."""
    run = [places[-1]]
    for i in reversed(places[:-1]):
        if run[-1] - i > _MAX_ENTRY:
            break
        run.append(i)
    return run[::-1]


def _labelled_like_the_text(path: list[int], texts: list[str]) -> list[int]:
    """An aside that opens with the label of lines the article keeps ("License: CC-BY" where
    "License: CC-BY-NC" stands in the text, one entry up) plays their part in its own entry: it
    is the article's too, when the article keeps at least as many lines with that label as it
    sets apart."""
    keys = [_entry_key(text) for text in texts]
    kept: dict[tuple[str, str], int] = {}
    apart: dict[tuple[str, str], int] = {}
    for key, state in zip(keys, path):
        if key[0] == "label" and state in (BODY, ASIDE):
            tally = kept if state == BODY else apart
            tally[key] = tally.get(key, 0) + 1
    return [BODY if state == ASIDE and kept.get(key, 0) >= max(1, apart.get(key, 0)) else state
            for key, state in zip(keys, path)]


def _scores(texts: list[str], lines, model: BodyModel, language: Language, lexicon: dict[str, float],
            markup: MarkupModel | None, extra: list[list[float]] | None) -> tuple[list[list[float]], list[list[float]]]:
    """The features and channel scores of `lines`, read as one page (with the markup's, on a saved page)."""
    rows = page_features([texts[i] for i in lines], language, lexicon)
    scores = [model.channels(row) for row in rows]
    if extra is not None:
        scores = [[a + b for a, b in zip(s, markup.channels(extra[i]))] for s, i in zip(scores, lines)]
    return rows, scores


_REPLY_SHARE = 0.1  # reply headers among the body's lines that make it a thread


def _thread_taken_for_body(path: list[int], texts: list[str]) -> range | None:
    """The comment thread the model took for the article, when it did: a body in which one line in
    ten or more is a reply's header ("Re: …", "Name says:", "by name (12345)"), three at least, is
    readers' talk, whose sentences read like an article's. The article is elsewhere (above the
    thread, as a rule); None when the body is not a thread."""
    body = [i for i, state in enumerate(path) if state in (BODY, ASIDE)]
    replies = [i for i in body if is_reply_header(texts[i])]
    if len(replies) < 3 or len(replies) < _REPLY_SHARE * len(body):
        return None
    span = thread_span(comment_headers(texts))
    if span is None or not span[0] <= replies[0] <= span[1]:
        return None
    return range(span[0], span[1] + 1)


def _article_over(scores: list[list[float]], first: int | None, last: int | None) -> list[list[float]]:
    """The scores with "before the article" closed from line `first` on and "after the article"
    closed up to line `last`."""
    out = [list(s) for s in scores]
    for s in out[first:] if first is not None else ():
        s[BEFORE] = float("-inf")
    for s in out[:last + 1] if last is not None else ():
        s[AFTER] = float("-inf")
    return out


_MIRRORED = {BEFORE: AFTER, AFTER: BEFORE, BODY: BODY, ASIDE: ASIDE}


def _entries_run_from(path: list[int], texts: list[str]) -> int | None:
    """Where a list of entries that the model started late really starts: the same evidence as
    `_entries_run_to`, read up the page (the entries' shared lines recurring evenly above the start)."""
    first = _entries_run_to([_MIRRORED[state] for state in reversed(path)], texts[::-1])
    return None if first is None else len(texts) - 1 - first


_OWN_BACKMATTER = (Role.NOTES_HEADING, Role.REFERENCES_HEADING)


def _lines_before_own_notes(path: list[int], units: list[Unit], language: Language) -> list[int]:
    """Prose between the article's end and its own notes or references heading is the article's:
    those sections follow the text they annotate, so nothing of another page stands between."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    heading = next((k for k in range(body[-1] + 1, len(units)) if units[k].role in _OWN_BACKMATTER), None)
    between = range(body[-1] + 1, heading) if heading is not None else range(0)
    if all(_is_prose(units[k].text, language) for k in between):
        for k in between:
            path[k] = BODY
    return path


def _is_prose(text: str, language: Language, words: int = 4, share: float = 0.2) -> bool:
    return ends_sentence(text) and word_count(text) >= words and language.stopword_share(text) >= share


def _reason(model: BodyModel, row: list[float], state: int, first: int | None, last: int | None,
            markup: MarkupModel | None = None, markup_row: list[float] | None = None) -> str:
    """Where the line stands and the two features that weighed most against it."""
    if first is None:
        where = "no article text found on the page"
    elif state == BEFORE:
        where = f"before the article, which starts at line {first}"
    elif state == AFTER:
        where = f"after the article, which ends at line {last}"
    else:
        where = "inside the article, but set apart from it"
    reads: list[str] = []
    pushes = model.contributions(row, state)
    if markup is not None and markup_row is not None:
        pushes = sorted(pushes + markup.contributions(markup_row, state), reverse=True)
    for _push, name in pushes:
        high, low = _READS[name]
        value = row[model.features.index(name)] if name in _TEXT_NAMES else 1.0
        phrase = high if value > 0 else low
        if phrase and phrase not in reads:
            reads.append(phrase)
        if len(reads) == 2:
            break
    return where + (": " + ", ".join(reads) if reads else "")
