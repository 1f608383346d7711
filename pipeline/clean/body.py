"""The article's span: which lines are the article, and which stand before, after or aside.

The body model (`body_model.py`) reads every line's features and chooses, in
one best path, where the article starts and ends and which lines inside it
are asides (a caption, a "Read more" box, a product card). This stage only
marks each line's place and why; the head stage then looks just above the
article for its title and byline, and the outside stage drops what is left.
"""

from __future__ import annotations

from .body_model import AFTER, ASIDE, BEFORE, BODY, BodyModel, load_model
from .features import ends_sentence, word_count
from .language import Language
from .signals import FEATURES, INDEX, page_features
from .units import Role, StageResult, Unit

STAGE = "body"
_READS = {f.name: (f.reads, f.low) for f in FEATURES}
_PLACES = {BEFORE: "before", AFTER: "after", ASIDE: "aside"}


def _decides(unit: Unit) -> bool:
    """Lines the model may place: editors' decisions and recognised notes are left alone."""
    return unit.role is Role.BODY and not unit.pinned and not unit.keep


def find_body(units: list[Unit], model: BodyModel | None, language: Language) -> StageResult:
    if not units:
        return StageResult([])
    model = model or load_model()
    lexicon = model.lexicon if language.name == model.lexicon_language else {}
    rows = page_features([u.text for u in units], language, lexicon)
    path = _closing_lines(model.decode(rows), rows, [u.text for u in units], language)
    path = _lines_before_own_notes(path, units, language)
    path = _continued_pattern(path, [u.text for u in units], language)
    inside = [i for i, state in enumerate(path) if state not in (BEFORE, AFTER)]
    first = units[inside[0]].line if inside else None
    last = units[inside[-1]].line if inside else None
    out: list[Unit] = []
    for unit, row, state in zip(units, rows, path):
        if state in _PLACES and _decides(unit):
            unit = unit.but(place=_PLACES[state], why=_reason(model, row, state, first, last))
        out.append(unit)
    return StageResult(out)


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
        closing = (ends_sentence(text) and word_count(text) >= 4 and language.stopword_share(text) >= 0.25
                   and row[INDEX["cohesion"]] >= 0.3 and row[INDEX["lexicon_mean"]] > 0)
        if not (introduced or closing):
            break
        path[nxt] = BODY
        end = nxt
        if closing and not introduced:
            break  # one closing paragraph, not a run of them
    return path


_MIN_PERIOD, _MAX_PERIOD = 2, 8  # lines in one entry of a list of entries (name, rating, heading, review …)


def _continued_pattern(path: list[int], texts: list[str], language: Language) -> list[int]:
    """A list of entries (a heading, a rating, a paragraph, over and over) goes on as long as its pattern
    does: when the article's last three entries repeat one pattern of lines and whole entries after its
    end go on repeating it, each line takes the place its counterpart one entry above has."""
    path = list(path)
    body = [i for i, state in enumerate(path) if state == BODY]
    if not body:
        return path
    end = body[-1]
    skeleton = _skeleton(texts, language)
    for period in range(_MIN_PERIOD, _MAX_PERIOD + 1):
        start = end - 3 * period + 1  # three whole entries seen inside the article
        if start < 0 or path[start] == BEFORE:
            continue
        cycle = skeleton[start:end + 1]
        if not all(cycle[k] == cycle[k - period] for k in range(period, len(cycle))):
            continue
        if "prose" not in cycle[-period:] or len(set(cycle[-period:])) < 2:
            continue
        k = end + 1
        while k + period <= len(path) and all(path[j] == AFTER and skeleton[j] == skeleton[j - period]
                                              for j in range(k, k + period)):
            for j in range(k, k + period):  # whole entries only
                path[j] = path[j - period]
            k += period
        break
    return path


def _skeleton(texts: list[str], language: Language) -> list[str]:
    """Each line's part in a repeating pattern: a line the page repeats is itself, the rest a shape."""
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    out = []
    for text in texts:
        if counts[text] > 2:
            out.append(text)
        elif word_count(text) >= 12 and ends_sentence(text):
            out.append("prose")
        elif word_count(text) <= 12:
            out.append("short")
        else:
            out.append("long")
    return out


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


def _is_prose(text: str, language: Language) -> bool:
    return ends_sentence(text) and word_count(text) >= 4 and language.stopword_share(text) >= 0.2


def _reason(model: BodyModel, row: list[float], state: int, first: int | None, last: int | None) -> str:
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
    for _push, name in model.contributions(row, state):
        high, low = _READS[name]
        phrase = high if row[model.features.index(name)] > 0 else low
        if phrase and phrase not in reads:
            reads.append(phrase)
        if len(reads) == 2:
            break
    return where + (": " + ", ".join(reads) if reads else "")
