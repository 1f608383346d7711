"""The styles folder a build reads: its stylesheets there and its fonts whole.

A missing stylesheet or a damaged font file used to surface deep inside the
writers — a traceback from fontTools, WeasyPrint's bare "unknown file format",
an error blamed on the output file. Checked before anything is laid out, each
is named with its file and the fix.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from .problems import Problem

STYLESHEETS = ("shared.css", "epub.css", "print.css")
FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
_RESTORE = "restore it from the project's repository (git checkout -- {path})"


def styles_problems(styles: Path) -> list[Problem]:
    """Every stylesheet the editions need that is missing, and every font file that cannot be read."""
    problems = [Problem("stylesheet missing: the editions cannot be styled without it", styles / name,
                        hint=_RESTORE.format(path=styles / name))
                for name in STYLESHEETS if not (styles / name).is_file()]
    fonts = styles / "fonts"
    for font in sorted(fonts.iterdir()) if fonts.is_dir() else ():
        if font.suffix.lower() in FONT_SUFFIXES and (reason := font_damage(font)):
            problems.append(Problem(f"font file cannot be used: {reason}", font, hint=_RESTORE.format(path=font)))
    return problems


def font_damage(font: Path) -> str | None:
    """Why a font file cannot be used (not a font, cut short, no character map), or None when it is whole."""
    try:
        with TTFont(str(font), lazy=True) as face:
            size = font.stat().st_size
            short = [tag for tag, entry in face.reader.tables.items() if entry.offset + entry.length > size]
            if short:
                return f"the file is cut short (its {', '.join(short)} table(s) run past its end)"
            if not face.getBestCmap():
                return "it maps no characters to glyphs"
    except Exception as exc:  # fontTools raises many kinds on damaged data; each means the same here
        return f"not a font fontTools can read ({exc})"
    return None
