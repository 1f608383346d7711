"""A chapter's running head in print: its title, or a short form of it that fits one line.

A running head stands on one line over the text in small italics; a title longer than
RUNNING_HEAD_MAX characters runs to two there. Books shorten such heads (Chicago 1.10), and the
editors may give the short form in book.yaml (`running_head:`); where they do not, the title is cut
at its last clause boundary (a colon, a dash, a comma, a semicolon) inside the limit, or after its
last whole word with an ellipsis, and `check` says which words the pages are headed with.
"""

from __future__ import annotations

import re

RUNNING_HEAD_MAX = 60  # characters: one line of 8 pt italics over the text block
_SHORTEST = 12  # a cut that leaves less says too little ("Stalin")
_BOUNDARY = re.compile(r"\s*(?::|;|,|\s[–—-])\s")


def short_running_head(title: str) -> str | None:
    """The head for a title too long for one line (None: the title fits)."""
    title = " ".join(title.split())
    if len(title) <= RUNNING_HEAD_MAX:
        return None
    cuts = [m.start() for m in _BOUNDARY.finditer(title) if _SHORTEST <= m.start() <= RUNNING_HEAD_MAX]
    if cuts:
        return title[:cuts[-1]]
    words = title[:RUNNING_HEAD_MAX].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return words + "…"
