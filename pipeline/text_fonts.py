"""The font files the book's text is set in: those of the families shared.css names for `html, body`.

The coverage check asks these, and only these, whether they can draw every
character: a font the styles ship for code (a monospace) draws none of the
running text, and one an editor adds to the stack for another script (a CJK
font after Charis SIL) does.
"""

from __future__ import annotations

from pathlib import Path

import tinycss2

from .styles_check import FONT_SUFFIXES


def _families(value: list) -> list[str]:
    """The family names of a `font-family` value, in order ("Charis SIL", serif → ["charis sil", "serif"])."""
    names, current = [], []
    for token in value:
        if token.type == "literal" and token.value == ",":
            names.append(" ".join(current))
            current = []
        elif token.type in ("string", "ident"):
            current.append(token.value)
    names.append(" ".join(current))
    return [name.lower() for name in names if name]


def _declarations(rule) -> dict[str, list]:
    found = {}
    for item in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration":
            found[item.lower_name] = item.value
    return found


def text_fonts(styles: Path) -> list[Path]:
    """The font files of the families `html, body` are set in (shared.css), in the stack's order; the
    files of styles/fonts/ whole when the stylesheet names none of them."""
    sheet = styles / "shared.css"
    rules = tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_whitespace=True,
                                      skip_comments=True) if sheet.is_file() else []
    faces: dict[str, list[Path]] = {}
    stack: list[str] = []
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face" and rule.content:
            found = _declarations(rule)
            family = _families(found.get("font-family", []))
            urls = [token.value for token in found.get("src", []) if token.type == "url"] + [
                token.arguments[0].value for token in found.get("src", [])
                if token.type == "function" and token.lower_name == "url" and token.arguments]
            if family:
                faces.setdefault(family[0], []).extend(styles / url for url in urls)
        elif rule.type == "qualified-rule" and "body" in tinycss2.serialize(rule.prelude):
            stack = _families(_declarations(rule).get("font-family", [])) or stack
    files = [path for family in stack for path in faces.get(family, []) if path.is_file()]
    if files:
        return files
    folder = styles / "fonts"
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES) if folder.is_dir() else []
