"""The cleaner's Markdown read back by a CommonMark parser shows the text it was written from.

Saved pages bring text full of what Markdown reads as markup (`__init__`, `&lt;`, `* `, `1. `,
backticks) and marks that overlap, touch or cross. Whatever comes in, a CommonMark reader must
see the same words, in the same order, and no stray delimiters.
"""

from __future__ import annotations

import html
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import LINE_BREAK, Block, BlockKind, Mark, MarkKind, Text
from pipeline.render.markdown import _block

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is in the test extra: pip install -e '.[test]'")
COMMONMARK = markdown_it.MarkdownIt("commonmark")

# Letters and digits, spaces, and every character CommonMark gives a meaning to.
ALPHABET = "ab1 _*`[]()<>&#;!\\-+.:=~|\"'\t\u00a0" + LINE_BREAK
KINDS = (MarkKind.EMPHASIS, MarkKind.STRONG, MarkKind.CODE, MarkKind.LINK)
ADDRESSES = ("https://example.org/a", "https://example.org/a_(b)", "https://example.org/a b", "https://x.org/(")


def _visible(markdown: str) -> str:
    """What a reader sees of the rendered Markdown, white space run together."""
    rendered = COMMONMARK.render(markdown)
    rendered = re.sub(r"<br />\n?|</p>\s*<p>|\n", " ", rendered)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@st.composite
def marked_texts(draw) -> Text:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=40).filter(lambda t: t.replace(LINE_BREAK, " ").strip()))
    marks = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(KINDS))
        marks.append(Mark(kind, start, end, draw(st.sampled_from(ADDRESSES)) if kind is MarkKind.LINK else ""))
    return Text(text, marks)


def _expected(text: Text) -> str:
    return " ".join(text.text.replace(LINE_BREAK, " ").split())


@settings(max_examples=600, deadline=None)
@given(marked_texts())
def test_a_paragraph_reads_back_as_its_text(text):
    markdown = _block(Block(BlockKind.PARAGRAPH, [text]))
    assert _visible(markdown) == _expected(text), markdown


@settings(max_examples=300, deadline=None)
@given(marked_texts(), st.sampled_from([BlockKind.HEADING, BlockKind.LIST, BlockKind.QUOTATION]), st.booleans())
def test_a_heading_a_list_item_and_a_quotation_read_back_as_their_text(text, kind, ordered):
    markdown = _block(Block(kind, [text, text] if kind is not BlockKind.HEADING else [text], ordered=ordered))
    expected = _expected(text) if kind is BlockKind.HEADING else _expected(text) + " " + _expected(text)
    assert _visible(markdown) == expected, markdown


@pytest.mark.parametrize("text", ["if __name__ == '__main__':", "write &lt; for <", "1. not a list", "- nor this",
                                  "# nor a heading", "a * b * c", "[not](a link)", "`tick` and ``two``"])
def test_text_that_looks_like_markup_reads_back_as_text(text):
    assert _visible(_block(Block(BlockKind.PARAGRAPH, [Text(text)]))) == text


def test_thousands_of_marks_in_one_paragraph_are_written_in_a_sweep():
    """A hostile page may put tens of thousands of links or code spans in one paragraph: no step is quadratic
    (20,000 marks take a fraction of a second; a quadratic step took minutes)."""
    words = [f"w{k}" for k in range(20000)]
    marks, at = [], 0
    kinds = (MarkKind.CODE, MarkKind.LINK, MarkKind.STRONG, MarkKind.NOTE_CALL)
    for k, word in enumerate(words):
        kind = kinds[k % 4]
        marks.append(Mark(kind, at, at if kind is MarkKind.NOTE_CALL else at + len(word),
                          "https://example.org/" if kind is MarkKind.LINK else str(k)))
        at += len(word) + 1
    marks.append(Mark(MarkKind.EMPHASIS, 0, at - 1))
    started = time.process_time()
    markdown = _block(Block(BlockKind.PARAGRAPH, [Text(" ".join(words), marks)]))
    assert time.process_time() - started < 5
    assert _visible(markdown).startswith("w0 w1 w2")
