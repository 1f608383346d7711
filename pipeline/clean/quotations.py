"""Quotations, letters and lists: what a line ending with a colon introduces.

Web text loses indentation, so a block quotation survives only as a line
ending with ":" followed by quoted lines ("…Trotsky put it:" / "“In its
struggle…”"), or, in journals that set quotations without marks, by a single
unmarked paragraph. Letters add a signature ("J. Stalin.") and a source in
parentheses ("(Izvestiya …, p. 191.)"). A run of short items after a colon is
a list.
"""

from __future__ import annotations

import re

from .features import CLOSING_QUOTES, OPENING_QUOTES, is_heading_like, word_count
from .units import Event, Role, StageResult, Unit, marked

STAGE = "quotations"

_SIGNATURE = re.compile(
    r"^[\"“]?(?:[A-Z][a-z]{0,3}\.\s?){1,3}\s*[A-Z][\w\[\]’'-]+(?:\s[A-Z][\w\[\]’'-]+)?[.!]?[\"”’]?$"
    r"|^[\"“]?[A-Z][\w’'-]+(?:\s[A-Z][\w\[\]’'-]+){0,2}\.?[\"”]$")
_SOURCE = re.compile(r"^\((?:[^()]|\([^()]*\))+\)\.?$")
_SOURCE_AT_END = re.compile(r"[”\"]\s*\((?:[^()]|\([^()]*\))+\)\.?$")
_MAX_ITEM_WORDS = 30


def _opens_quote(text: str) -> bool:
    return text[:1] in OPENING_QUOTES and text[:1] not in "’"


def _closes_quote(text: str) -> bool:
    stripped = text.rstrip(".,;:!?)0123456789 ")
    return stripped[-1:] in CLOSING_QUOTES or text.rstrip()[-1:] in CLOSING_QUOTES


def _balance(text: str) -> int:
    """Opening minus closing double quotation marks."""
    if '"' in text and "“" not in text and "”" not in text:
        return text.count('"') % 2
    return text.count("“") - text.count("”")


def _unclosed(text: str) -> bool:
    """A quoted paragraph whose quotation runs on into the next line."""
    if _SOURCE_AT_END.search(text):
        return False  # "…" (Source, p. 12.): the citation closes it
    return _balance(text) > 0


def _free(unit: Unit) -> bool:
    """A line this stage may give a role: an HTML page's blocks say their structure in markup (structure.py)."""
    return unit.role is Role.BODY and not unit.pinned and unit.markup is None


def recognise_quotations(units: list[Unit]) -> StageResult:
    out = list(units)
    events: list[Event] = []

    def mark(i: int, role: Role, rule: str, first: bool = False) -> None:
        out[i] = out[i].but(role=role, rule=rule, starts_quote=first)
        events.append(marked(STAGE, rule, out[i]))

    i = 0
    while i < len(out):
        unit = out[i]
        if unit.role is Role.QUOTE and unit.pinned:
            # An editor marked this line a quotation: signature and source may follow.
            i = _close_run(out, i + 1, mark)
            continue
        if not (_free(unit) and unit.text.rstrip().endswith(":")) or i + 1 >= len(out):
            i += 1
            continue
        nxt = out[i + 1]
        if not _free(nxt):
            i += 1
            continue
        if _opens_quote(nxt.text):
            mark(i + 1, Role.QUOTE, "quotation", first=True)
            j = i + 2
            pending = _unclosed(nxt.text)
            while j < len(out) and _free(out[j]):
                text = out[j].text
                following = out[j + 1] if j + 1 < len(out) else None
                if _SIGNATURE.match(text) and not (following is not None and _free(following)
                                                   and _opens_quote(following.text)):
                    break  # "L. Kam[enev]”: the sign-off that ends a letter
                if _opens_quote(text) and not _SOURCE.match(text):
                    mark(j, Role.QUOTE, "quotation")
                    pending = _unclosed(text)
                elif pending and _closes_quote(text) and _balance(text) < 0 \
                        and not _SIGNATURE.match(text):
                    mark(j, Role.QUOTE, "quotation-continued")
                    pending = False
                else:
                    break
                j += 1
            i = _close_run(out, j, mark)
            continue
        items = _list_run(out, i + 1)
        if items >= 2:
            for k in range(i + 1, i + 1 + items):
                mark(k, Role.LIST_ITEM, "list")
            i += 1 + items
            continue
        if not is_heading_like(nxt.text) and word_count(nxt.text) > _MAX_ITEM_WORDS:
            mark(i + 1, Role.QUOTE, "unmarked-quotation", first=True)
            i = _close_run(out, i + 2, mark)
            continue
        i += 1
    return StageResult(out, events)


def _close_run(out: list[Unit], j: int, mark) -> int:
    """Attach a signature and a source citation that follow a quotation."""
    if j < len(out) and _free(out[j]) and _SIGNATURE.match(out[j].text):
        mark(j, Role.QUOTE_SIGNATURE, "signature")
        j += 1
    if j < len(out) and _free(out[j]) and _SOURCE.match(out[j].text):
        mark(j, Role.QUOTE_SOURCE, "quotation-source")
        j += 1
    return j


def _list_run(units: list[Unit], start: int) -> int:
    """How many short items follow an introducing colon (0 if they don't form a list)."""
    count = 0
    longest = 0
    for unit in units[start:]:
        if not _free(unit) or _opens_quote(unit.text) or word_count(unit.text) > _MAX_ITEM_WORDS:
            break
        if unit.text.rstrip().endswith(":"):
            break
        count += 1
        longest = max(longest, word_count(unit.text))
    if count < 2:
        return 0
    after = units[start + count] if start + count < len(units) else None
    if after is not None and after.role is Role.BODY and word_count(after.text) <= longest:
        return 0  # the short lines go on: these are short paragraphs, not a list
    count = _same_shape(units[start:start + count])
    return count if count >= 2 else 0


#: A list item's end: a semicolon (", and", "; or" too: the item before the last), a sentence's end, or none.
_SEMICOLON_END = re.compile(r"(?:;|[;,]\s+(?:and|or))$")
#: A sentence this many times as long as the longest item before it (items that end without a stop) is no item.
_SENTENCE_AFTER_ITEMS = 1.5
#: An enumerator a line opens with: "3. Decant everything", "b) …".
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[A-Za-z])[.)]\s")
#: A stop at the very end. Not `features.ends_sentence`, which also takes a note's numeral after the stop: an
#: item or a table row ending in a number ("$$$ 4.4", "2/0/4.283.0.0") would read as a sentence, and the list
#: its neighbours make would run on over the paragraphs after it (tried: two pages worse, one better).
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")


def _end(text: str) -> str:
    text = text.rstrip()
    return ";" if _SEMICOLON_END.search(text) else "." if _SENTENCE_END.search(text) else ""


def _same_shape(items: list[Unit]) -> int:
    """How many of the lines after a colon are one list's items, where the article goes on after them in
    another shape: items ending in semicolons end with the first that does not (with it, if it ends a
    sentence: "…; fix the potholes, twice."); a heading after items that end sentences ("Wrapping up"), or
    a numbered heading after items without numbers ("3. Decant everything" after "2 pairs of shoes"), heads
    the article's next section; a sentence half as long again as the longest of items that end without a
    stop ("120 MW battery system", "Created 310 jobs") is its next paragraph."""
    first = _end(items[0].text)
    numbered = bool(_ENUMERATOR.match(items[0].text))
    longest = word_count(items[0].text)
    for k, item in enumerate(items[1:], start=1):
        text = item.text
        end = _end(text)
        if first == ";":
            if end == ";":
                continue
            return k + 1 if end == "." else k
        if first == "." and end == "" and is_heading_like(text):
            return k
        if not numbered and _ENUMERATOR.match(text) and is_heading_like(text):
            return k
        if first == "" and end == "." and word_count(text) > _SENTENCE_AFTER_ITEMS * longest:
            return k
        longest = max(longest, word_count(text))
    return len(items)
