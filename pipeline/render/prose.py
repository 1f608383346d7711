"""The editors' prose (introduction, colophon, glossary definitions) as block XHTML.

Blocks are written as Python-Markdown wrote them when the model held its
HTML (one block a line, lists and quotations opening on a line of their
own), so that the editions did not change when the HTML left the model.
"""

from __future__ import annotations

from ..model import BlockQuote, Heading, ItemList, Paragraph, Prose
from .inline import PLAIN, render_text


def render_prose(blocks: list[Prose]) -> str:
    return "\n".join(_block(block) for block in blocks)


def _block(block: Prose) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{render_text(block.text, PLAIN)}</p>"
    if isinstance(block, Heading):
        level = min(block.level + 2, 6)  # under the page's own title (h2), as its sections
        return f"<h{level}>{render_text(block.text, PLAIN)}</h{level}>"
    if isinstance(block, BlockQuote):
        return f"<blockquote>\n{render_prose(block.blocks)}\n</blockquote>"
    if isinstance(block, ItemList):
        tag = "ol" if block.ordered else "ul"
        items = "\n".join(_item(item, block.loose) for item in block.items)
        return f"<{tag}>\n{items}\n</{tag}>"
    raise TypeError(f"not a prose block: {block!r}")


def _item(blocks: list[Prose], loose: bool) -> str:
    if loose:
        return f"<li>\n{render_prose(blocks)}\n</li>"
    # A tight item's paragraph is its bare text; a block inside it (a list) follows on.
    parts = [render_text(b.text, PLAIN) if isinstance(b, Paragraph) else _block(b) + "\n" for b in blocks]
    return f"<li>{''.join(parts)}</li>"
