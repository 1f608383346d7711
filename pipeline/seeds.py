"""Read any seed: a plain-text copy of a page, or a page saved by a browser (.html, .htm, or one file: .mhtml, .mht).

The one place that knows both readers, so that neither imports the other.
"""

from __future__ import annotations

from pathlib import Path

from .html import read_html_seed
from .html.source import is_html_seed
from .read import SourceText, read_text_seed


def read_seed(path: Path) -> SourceText:
    """The seed's lines (a text seed) or blocks (a saved page), decoded and normalised."""
    return read_html_seed(path) if is_html_seed(path) else read_text_seed(path)
