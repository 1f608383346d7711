"""The print edition: the book laid out and written by WeasyPrint.

- `writer` lays the book out in parts and writes the PDF: `write_pdf`, and
  `share_chapters` to have helper processes lay chapters out beside it.
- `chapter_share` and `paint_share` decide which process lays out and paints what;
  `layout_cache` keeps laid-out parts between builds; `fetcher` is the only
  way WeasyPrint reads a file.
- `weasy/` is the one package that reaches into WeasyPrint's internals, behind
  a version gate; everything else here uses WeasyPrint's public API.

This module stays light: the build imports it before WeasyPrint is loaded.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .weasy.libraries import import_weasyprint

__all__ = ["import_weasyprint", "warm_up"]


def warm_up(libraries: Path | None) -> None:
    """In a helper process as it starts: import WeasyPrint (`libraries`: where find_library's
    answers are kept) and the writer, while the main process prepares the book."""
    import_weasyprint(libraries)
    importlib.import_module(f"{__name__}.writer")
