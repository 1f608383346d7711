"""Editors' Markdown to safe XHTML.

Markdown allows raw HTML, and links can carry `javascript:` or `file:` URLs.
Markdown's output is cleaned by an allow-list sanitiser (nh3, the Rust
ammonia library) and re-serialised as well-formed XHTML, so that nothing an
editor types can run in a reader or fetch a file into the PDF.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3
from bs4 import BeautifulSoup

_BLOCK_TAGS = {"p", "ul", "ol", "li", "blockquote", "em", "strong", "i", "b", "cite", "a", "abbr",
               "sub", "sup", "code", "q", "span", "small"}
_INLINE_TAGS = {"em", "strong", "i", "b", "cite", "a", "abbr", "sub", "sup", "code", "q", "span", "small"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "span": {"lang"}, "q": {"lang"}, "i": {"lang"},
               "em": {"lang"}}
_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["smarty"], output_format="xhtml")


def _to_html(source: str) -> str:
    md = _markdown()
    md.reset()
    return md.convert(source)


def _xhtml(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    return soup.decode(formatter="minimal").strip()


def markdown_blocks(source: str) -> str:
    """Block-level XHTML (paragraphs, lists, quotations) from Markdown."""
    clean = nh3.clean(_to_html(source), tags=_BLOCK_TAGS, attributes=_ATTRIBUTES,
                      url_schemes=_SCHEMES, link_rel=None, strip_comments=True)
    return _xhtml(clean)


def markdown_paragraphs(source: str) -> list[str]:
    """Inline XHTML, one string per paragraph (for notes and definitions)."""
    html = _to_html(source)
    soup = BeautifulSoup(html, "html.parser")
    blocks = [el for el in soup.find_all(recursive=False) if getattr(el, "name", None)]
    texts = [el.decode_contents() for el in blocks] if blocks else [html]
    out = []
    for text in texts:
        clean = nh3.clean(text, tags=_INLINE_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                          link_rel=None, strip_comments=True)
        clean = _xhtml(clean)
        if clean:
            out.append(clean)
    return out
