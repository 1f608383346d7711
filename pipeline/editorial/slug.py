"""Names made from headings and titles: the ids editors may leave out (chapters, glossary and index entries)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """"Trotsky, Leon" -> "trotsky-leon": ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "untitled"
