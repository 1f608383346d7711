"""A paragraph that is code from end to end: a saved page's `<pre>`, set as a listing in every edition.

The page's walker keeps a `<pre>`'s lines as line breaks and its indents as spaces inside one
code mark; the renderers set such a paragraph as a block of its own (a fenced block in Markdown,
`<pre>` in the editions), where a paragraph would run its lines together and close up its indents.
"""

from __future__ import annotations

from ..model import LINE_BREAK, MarkKind, Text


def listing(text: Text) -> str | None:
    """The code of a paragraph that holds nothing else, one line of it a line, indents kept; None for a
    paragraph with words outside its code (or none)."""
    code = sorted((m.start, m.end) for m in text.marks if m.kind is MarkKind.CODE and m.end > m.start)
    if not code:
        return None
    start, end = code[0]
    for piece_start, piece_end in code[1:]:
        if piece_start > end:
            return None  # words between two pieces of code: a paragraph with code in it
        end = max(end, piece_end)
    if text.text[:start].strip(" " + LINE_BREAK) or text.text[end:].strip(" " + LINE_BREAK):
        return None
    return text.text[start:end].strip(LINE_BREAK).replace(LINE_BREAK, "\n")
