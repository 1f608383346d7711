"""Site furniture: widgets, share bars, and the site talking to its visitor.

Each rule looks at one line as a whole. A line is furniture when it is
nothing but interface labels or network names, or when it is unmistakably the
site speaking (cookie banners, newsletter and paywall prompts, copyright
footers), and short enough not to be an article paragraph that mentions them.
A long sentence of that kind between two paragraphs of running text is the
article's own: the site speaks from the page's margins.
"""

from __future__ import annotations

import re

from .features import ends_sentence, word_count
from .units import Event, Role, StageResult, Unit, dropped
from .vocabulary import COMMENT_LABELS, SEARCH_LABELS, SHARE_TARGETS, SITE_VOICE, TAIL_LABELS, UI_LABELS

STAGE = "furniture"

_SEPARATORS = re.compile(r"\s*(?:[|·•/,;:]|\s-\s|\s–\s)\s*")
_LABEL_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_COUNT = re.compile(r"^\d[\d,.]*\s*[kKmM]?$")

#: Names that are also ordinary English words need a furniture neighbour.
_AMBIGUOUS_TARGETS = {
    "x", "print", "email", "e-mail", "mail", "copy", "link", "line", "signal", "threads",
    "mix", "buffer", "pocket", "save", "more", "like", "follow", "pin", "feed", "listen",
    "download", "gift", "url", "pdf", "share", "comment", "comments", "bookmark", "favorite",
    "embed", "subscribe", "tweet",
}
SHARE_LABEL = re.compile(r"^(?:share|tweet|email|post)\s+(?:this|on|via|to|the)\b.{0,30}$|^share:?$|"
                          r"^click\s+to\s+(?:share|email|print|tweet|pin)\b.{0,60}$|"
                          r"^(?:gift|save|print)\s+(?:this|the)\s+(?:article|story|post|page|recipe)$|"
                          r"^(?:save|print|jump\s+to|rate\s+this|pin)\s+(?:the\s+)?recipe[!.]?$|"
                          r"^x\s*[(（](?:旧|formerly\s+)?twitter[)）]$|^pin\s+(?:this|it)\b.{0,30}$", re.I)
#: A shop's button beside a product: "Check price on Amazon", "See the latest deals" (63 such lines in the
#: development set, none the gold's), "$129.95 at Amazon" (40, none the gold's), "Buy now at Amazon" (19, none).
_PRICE_BUTTON = re.compile(r"^(?:check|see|view|compare)\s+(?:the\s+)?(?:latest\s+|current\s+|best\s+)?"
                           r"(?:price|prices|deal|deals)\b.{0,30}$|"
                           r"^(?:[$€£¥]|US\$|A\$|C\$)\s?\d[\d,.]*\s+(?:at|on|from|@)\s+\S.{0,30}$|"
                           r"^(?:buy|shop|order)\s+(?:now|it\s+now|today)(?:\s+(?:at|on|from)\s+\S.{0,30})?[!.]?$", re.I)
#: Site-voice rules only apply to lines shorter than this (in words): a long
#: paragraph that mentions cookies or newsletters is article text.
_SITE_VOICE_MAX_WORDS = 45


def _label(text: str) -> str:
    return _LABEL_PUNCT.sub("", text.lower())


def _share_tokens(text: str) -> list[str] | None:
    """The network names a line consists of, or None if it holds anything else."""
    parts = [p for p in _SEPARATORS.split(text.strip().lower()) if p]
    tokens: list[str] = []
    for part in parts:
        part = _LABEL_PUNCT.sub("", part)
        if not part or _COUNT.match(part):
            continue
        if part in SHARE_TARGETS:
            tokens.append(part)
            continue
        # "Facebook Twitter WhatsApp" on one line: split on spaces and retry.
        words = part.split()
        if len(words) > 1 and all(w in SHARE_TARGETS for w in words):
            tokens.extend(words)
            continue
        return None
    return tokens or None


def classify(unit: Unit) -> str | None:
    """The furniture rule this line falls under on its own, or None."""
    text = unit.text
    words = word_count(text)
    if words > _SITE_VOICE_MAX_WORDS:
        return None  # every furniture rule is about short lines
    if words > 12:
        return _site_voice(text, words)
    label = _label(text)
    if label in SEARCH_LABELS:
        return "search-widget"
    if SHARE_LABEL.match(text.strip()):
        return "share-bar"
    if _PRICE_BUTTON.match(text.strip()):
        return "interface-label"
    tokens = _share_tokens(text)
    if tokens:
        if len(tokens) > 1 or tokens[0] not in _AMBIGUOUS_TARGETS:
            return "share-bar"
        return "share-bar?"  # a lone ambiguous word: furniture only beside furniture
    if (label in UI_LABELS or text.strip().lower() in UI_LABELS) and not (
            TAIL_LABELS.match(text.strip()) or COMMENT_LABELS.match(text.strip())):
        return "interface-label"  # teaser and comment labels are left to the tail stage
    return _site_voice(text, words)


def _site_voice(text: str, words: int) -> str | None:
    for rule, pattern in SITE_VOICE:
        if rule == "copyright-footer" and words > 25:
            continue
        if pattern.search(text):
            return rule
    return None


#: Rules that find the site speaking in whole sentences (not labels, links or credits).
_SPOKEN = frozenset({"cookie-notice", "affiliate-disclosure", "newsletter-prompt", "copyright-footer",
                     "paywall-prompt", "donation-prompt", "social-prompt"})


def _amid_prose(units: list[Unit], rules: list[str | None], i: int) -> bool:
    """A sentence between two paragraphs of running text, neither of them furniture, is the
    article's own ("cookies, bagels and doughnuts must be packaged", "implement affiliate links
    and UTM tracking"): the site speaks from the page's margins, not from inside a paragraph run."""
    if i == 0 or i + 1 >= len(units) or not _is_paragraph(units[i].text, _SENTENCE_WORDS):
        return False
    return all(rules[j] is None and _is_paragraph(units[j].text, _PARAGRAPH_WORDS) for j in (i - 1, i + 1))


_SENTENCE_WORDS = 20  # a sentence as long as a paragraph's: a banner or a prompt is shorter
_PARAGRAPH_WORDS = 12  # a neighbour that is running text


def _is_paragraph(text: str, words: int) -> bool:
    return word_count(text) >= words and ends_sentence(text)


def drop_furniture(units: list[Unit]) -> StageResult:
    rules = [None if (u.keep or u.pinned or u.role is not Role.BODY) else classify(u) for u in units]
    kept: list[Unit] = []
    events: list[Event] = []
    for i, (unit, rule) in enumerate(zip(units, rules)):
        if rule == "share-bar?":
            near = [r for r in rules[max(0, i - 2):i] + rules[i + 1:i + 3] if r and r != "share-bar?"]
            neighbours = [r for r in rules[max(0, i - 1):i] + rules[i + 1:i + 2] if r]
            rule = "share-bar" if near or len(neighbours) >= 1 else None
        if rule in _SPOKEN and _amid_prose(units, rules, i):
            rule = None
        if rule:
            events.append(dropped(STAGE, rule, unit))
        else:
            kept.append(unit)
    return StageResult(kept, events)
