"""BCP 47 language tags as the book compares them: by their language, not their region."""

from __future__ import annotations


def primary(tag: str) -> str:
    """The tag's language ("pt" of "pt-BR"), in lower case."""
    return tag.split("-")[0].lower()


def same_language(a: str, b: str) -> bool:
    """"en-US" and "en-GB" are one language to a reader, a screen reader's voice and a hyphenator."""
    return primary(a) == primary(b)


#: Languages written right to left, and the scripts that are: a chapter in one is laid out and read that way.
_RIGHT_TO_LEFT = frozenset("ar arc ckb dv fa he iw prs ps sd syr ug ur yi".split())
_RIGHT_TO_LEFT_SCRIPTS = frozenset("arab hebr syrc thaa nkoo adlm rohg".split())
_LEFT_TO_RIGHT_SCRIPTS = frozenset("latn cyrl grek deva".split())


def right_to_left(tag: str) -> bool:
    """Whether text in the language `tag` names runs right to left ("ar", "he-IL", "ur", "az-Arab"; not
    "ku-Latn")."""
    parts = tag.lower().split("-")
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script in _RIGHT_TO_LEFT_SCRIPTS:
        return True
    if script in _LEFT_TO_RIGHT_SCRIPTS:
        return False
    return parts[0] in _RIGHT_TO_LEFT
