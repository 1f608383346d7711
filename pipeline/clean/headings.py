"""Section headings: short lines that head a run of paragraphs.

A heading is short, capitalised, does not end like a sentence ("Forced or
slave labour was introduced on a massive scale.") or an introduction
("Trotsky explained how:"), and is followed by the article going on. A short
question heads a section only when paragraphs follow it.
"""

from __future__ import annotations

import re

from .features import is_heading_like
from .language import line_size
from .units import Event, Role, StageResult, Unit, marked
from .vocabulary import TAIL_LABELS

STAGE = "headings"

_HEADED = {Role.BODY, Role.QUOTE, Role.LIST_ITEM}
#: A number alone (likes, comments, a step's number): the development set's gold heads no section with one.
_COUNT = re.compile(r"^\d[\d.,]*\s*[KkMm]?$")
#: A button's words, which a page's text copy keeps on a line of their own under what they act on.
_BUTTON = re.compile(
    r"^(?:(?:learn|read|find\s+out|see|view|discover|know)\s+more"
    r"|(?:apply|buy|shop|order|book|download|subscribe|join|register|sign\s+up|enrol|enroll|donate|try\s+it|"
    r"get\s+it|call)\s+(?:now|today)"
    r"|get\s+started|(?:get|book|request|schedule)\s+a\s+(?:demo|quote|call)|get\s+in\s+touch|contact\s+us"
    r"|(?:see|view|buy|shop|check|compare)\s+(?:it\s+)?(?:on|at)\s+[\w.&'’-]+(?:\s+[\w.&'’-]+)?"
    r"|read\s+(?:the\s+|our\s+|full\s+)?review|visit\s+(?:the\s+|our\s+)?(?:website|site|store|shop))[!.]?$", re.I)
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")  # a year may head a chronicle's section ("1917")
#: An interview's or an FAQ's question marked as one ("Q: Did Stalin read everything?", "Q. What is…"): a line of
#: the text, as the answer under it ("A: …") is, never a section's name that a contents list would show.
_ASKED = re.compile(r"^(?:Q|Question)\s*[:.]\s", re.I)
#: An amount and its measure: a recipe's ingredient ("3/4 cup (130 g) dates", "2 tbsp butter"), never a heading
#: (47 such lines in the development set, all of them the article's).
_QUANTITY = re.compile(r"^(?:\d+(?:[./]\d+)?|[½¼¾⅓⅔⅛])(?:\s*(?:-|–|to)\s*\d+(?:[./]\d+)?)?\s*"
                       r"(?:cups?|c\.|tablespoons?|tbsps?\.?|teaspoons?|tsps?\.?|g|grams?|kg|ml|l|litres?|liters?|"
                       r"oz|ounces?|lbs?\.?|pounds?|pinch(?:es)?|cloves?|sticks?|cans?|slices?)\b", re.I)
#: A label before a colon and another story's headline ("Read also: …", "Читайте также: …", "Lesen Sie auch: …").
_LEAD_IN = re.compile(r"^(?P<label>[^:：]{2,40})[:：]\s*\S")


def _teaser(text: str) -> bool:
    """A teaser that a related-stories label leads in: the article points to another story, it heads nothing."""
    lead = _LEAD_IN.match(text.strip())
    return bool(lead and TAIL_LABELS.match(lead.group("label").strip()))


def recognise_headings(units: list[Unit]) -> StageResult:
    out = list(units)
    events: list[Event] = []
    for i, unit in enumerate(units):
        if unit.pinned or unit.markup is not None or unit.role is not Role.BODY or not is_heading_like(unit.text):
            continue
        if _COUNT.match(unit.text.strip()) and not _YEAR.match(unit.text.strip()):
            continue  # "142", "2.1K", "3": a count or a step's number, never a section's name
        if _BUTTON.match(unit.text.strip()):
            continue  # "Apply now", "Learn more", "See on Amazon": a button's words, kept as the page's text
        if _ASKED.match(unit.text):
            continue  # "Q: …": a question of the text's, like its answer
        if _QUANTITY.match(unit.text.strip()):
            continue  # an ingredient and its amount
        if "; " in unit.text:
            continue  # "Cons: Heavy; propane adapter sold separately": items in a row, not a section's name
        if _teaser(unit.text):
            continue  # "Read also: Title": a pointer to another story, not a section's name
        if i > 0 and units[i - 1].role is Role.BODY and units[i - 1].text.rstrip().endswith(":"):
            continue  # introduced by a colon: an item or a quotation, not a heading
        if _heads_text(units, i):
            out[i] = unit.but(role=Role.HEADING, rule="section-heading")
            events.append(marked(STAGE, "section-heading", unit))
    return StageResult(out, events)


def _heads_text(units: list[Unit], i: int) -> bool:
    """Whether paragraphs follow (possibly after one further heading line, or, under a question, a short answer:
    "Will it work in an older house?" over "Yes." over the paragraph that says why)."""
    asks = units[i].text.rstrip().endswith("?")
    for unit in units[i + 1:i + 3]:
        if unit.role is Role.HEADING or (unit.role is Role.BODY and is_heading_like(unit.text)):
            continue
        if asks and unit.role is Role.BODY and _SHORT_ANSWER.match(unit.text.strip()):
            continue
        return unit.role in _HEADED and line_size(unit.text) >= 8  # in words, or a script's characters as words
    return False


#: An answer of a word or two that a paragraph goes on to explain: "Yes.", "No.", "It depends."
_SHORT_ANSWER = re.compile(r"^(?:yes|no|yes\s+and\s+no|it\s+depends|not\s+really|usually|sometimes|rarely)[.!]$", re.I)
