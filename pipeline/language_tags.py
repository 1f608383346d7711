"""BCP 47 language tags as the book compares them: by their language, not their region."""

from __future__ import annotations


def primary(tag: str) -> str:
    """The tag's language ("pt" of "pt-BR"), in lower case."""
    return tag.split("-")[0].lower()


def same_language(a: str, b: str) -> bool:
    """"en-US" and "en-GB" are one language to a reader, a screen reader's voice and a hyphenator."""
    return primary(a) == primary(b)
