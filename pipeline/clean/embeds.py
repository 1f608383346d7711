"""Embedded social posts: a tweet's text, its link line and its attribution; a player's embedding code.

An embedded post reduces to visible text as: the post's text (one block), a
line of links (t.co, pic.twitter.com, a link emoji), and an attribution such
as "— Name (@handle) March 5, 2023". The attribution is the anchor: it is
unmistakable, and the link lines and the one block of post text above it
belong to the same embed.
"""

from __future__ import annotations

import re

from .features import is_url_only, word_count
from .units import Event, Role, StageResult, Unit, dropped
from .vocabulary import MONTHS

STAGE = "embeds"

_ATTRIBUTION = re.compile(
    rf"^[—–-]{{1,2}}\s*.{{1,80}}?\(@\w{{1,30}}\)\s*(?:on\s+)?(?:{MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{MONTHS}\.?,?\s+\d{{4}})\s*$",
    re.IGNORECASE,
)
_OTHER_EMBEDS = re.compile(
    r"^(?:view\s+this\s+post\s+on\s+instagram|a\s+post\s+shared\s+by\s+.{1,80}|"
    r"watch\s+on\s+youtube|watch\s+this\s+video\s+on\s+youtube|"
    r"view\s+(?:this\s+)?(?:post|tweet)\s+on\s+(?:x|twitter|facebook|threads|bluesky)|"
    r"(?:this\s+)?(?:tweet|post|video|content)\s+(?:is\s+)?(?:no\s+longer\s+)?(?:unavailable|"
    r"has\s+been\s+deleted|not\s+available)[.!]?|"
    r"@[\w.]{1,30}\s*♬.*|"
    r"\d[\d,.]*[km]?\s*(?:likes?|retweets?|reposts?|replies|views)(?:\s*[·•]\s*\d[\d,.]*[km]?\s*\w+)*|"
    r"(?:read|see)\s+\d+\s+(?:replies|comments)|"
    r"copy\s+link\s+to\s+(?:tweet|post))\s*$",
    re.IGNORECASE,
)
#: The code a page offers for embedding its player or post, shown as text ("Embed <iframe src=…>"): a tag
#: written out, nothing else on the line.
_EMBED_CODE = re.compile(r"^(?:embed\s*:?\s*)?<(?:iframe|embed|object|script|video|audio)\b[^<>]*>"
                         r"(?:\s*</(?:iframe|object|script|video|audio)>)?\s*$", re.IGNORECASE)
_EMBED_HOSTS = re.compile(r"\b(?:t\.co|pic\.twitter\.com|twitter\.com|x\.com|instagram\.com|"
                          r"youtu\.be|youtube\.com|tiktok\.com|facebook\.com|fb\.watch|"
                          r"bsky\.app|threads\.net)/", re.IGNORECASE)
_POST_MAX_CHARS = 500  # a post's text is short; an article paragraph is not taken for one


def _is_link_line(unit: Unit) -> bool:
    return is_url_only(unit.text) and bool(_EMBED_HOSTS.search(unit.text))


def drop_embeds(units: list[Unit]) -> StageResult:
    drop: dict[int, str] = {}
    for i, unit in enumerate(units):
        if unit.keep or unit.pinned or unit.role is not Role.BODY:
            continue
        if _ATTRIBUTION.match(unit.text):
            drop[i] = "social-embed"
            j = i - 1
            while j >= 0 and _is_link_line(units[j]):
                drop[j] = "social-embed"
                j -= 1
            post = units[j] if j >= 0 else None
            if (post and not post.keep and not post.pinned and post.role is Role.BODY
                    and len(post.text) <= _POST_MAX_CHARS and word_count(post.text) >= 1):
                drop[j] = "social-embed"
        elif _OTHER_EMBEDS.match(unit.text) or _is_link_line(unit):
            drop[i] = "social-embed"
        elif _EMBED_CODE.match(unit.text.strip()):
            drop[i] = "embed-code"
    events: list[Event] = []
    kept: list[Unit] = []
    for i, unit in enumerate(units):
        if i in drop:
            events.append(dropped(STAGE, drop[i], unit))
        else:
            kept.append(unit)
    return StageResult(kept, events)
