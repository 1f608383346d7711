"""Editors' Markdown read into the model (Text with marks, prose blocks) and written by the renderer."""

from __future__ import annotations

import pickle

import pytest
from lxml import etree

from conftest import SMALL_BOOK, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
from pipeline.editorial.prose import markdown_paragraphs, parse_markdown
from pipeline.model import BlockQuote, Heading, ItemList, Mark, MarkKind, Paragraph, Text, is_link_address
from pipeline.problems import PipelineError
from pipeline.render.inline import PLAIN, InlineStyle, render_text
from pipeline.render.prose import render_prose


def one_paragraph(source: str) -> Text:
    [block] = parse_markdown(source)
    assert isinstance(block, Paragraph)
    return block.text


def marked(text: Text) -> list[tuple[str, str, str]]:
    """(kind, marked words, ref) of every mark, in order."""
    return [(m.kind.value, text.text[m.start:m.end], m.ref) for m in text.marks]


# ---------------------------------------------------------------- inline marks

def test_emphasis_and_strong_are_marks_over_plain_text():
    text = one_paragraph("An *emphasis*, a _second_, some **strong** and __strong__ words.")
    assert text.text == "An emphasis, a second, some strong and strong words."
    assert marked(text) == [("emphasis", "emphasis", ""), ("emphasis", "second", ""),
                            ("strong", "strong", ""), ("strong", "strong", "")]


def test_nested_marks_keep_their_nesting():
    text = one_paragraph("***Both*** and **strong *with emphasis* inside**.")
    assert text.text == "Both and strong with emphasis inside."
    assert marked(text) == [("strong", "Both", ""), ("emphasis", "Both", ""),
                            ("strong", "strong with emphasis inside", ""), ("emphasis", "with emphasis", "")]
    assert render_text(text, PLAIN) == ("<strong><em>Both</em></strong> and "
                                        "<strong>strong <em>with emphasis</em> inside</strong>.")


def test_typography_is_set_and_entities_are_characters():
    text = one_paragraph('"Quoted" -- and --- the editor\'s ... &amp; &lt;b&gt; 1 < 2')
    assert text.text == "“Quoted” – and — the editor’s … & <b> 1 < 2"
    assert not text.marks
    assert render_text(text, PLAIN) == "“Quoted” – and — the editor’s … &amp; &lt;b&gt; 1 &lt; 2"


def test_inline_code_is_a_mark_and_its_text_is_left_as_typed():
    text = one_paragraph('Run `python -m pipeline check` and "`<x> & y`".')
    assert text.text == "Run python -m pipeline check and “<x> & y”."
    assert marked(text) == [("code", "python -m pipeline check", ""), ("code", "<x> & y", "")]
    assert render_text(text, PLAIN) == ("Run <code>python -m pipeline check</code> and "
                                        "“<code>&lt;x&gt; &amp; y</code>”.")


@pytest.mark.parametrize("source, address", [
    ("[the page](https://example.org/a?b=1&c=2)", "https://example.org/a?b=1&c=2"),
    ("[the page](http://example.org/)", "http://example.org/"),
    ("[the page](mailto:editors@example.org)", "mailto:editors@example.org"),
    ("<https://example.org/x>", "https://example.org/x"),
    ('[the page](https://example.org/ "with a title")', "https://example.org/"),
])
def test_links_to_the_web_and_to_mail_are_link_marks(source, address):
    text = one_paragraph(source)
    assert [(m.kind, m.start, m.end, m.ref) for m in text.marks] == [(MarkKind.LINK, 0, len(text.text), address)]


def test_an_email_autolink_is_a_mailto_link():
    text = one_paragraph("Write to <editors@example.org>.")
    assert text.text == "Write to editors@example.org."
    assert marked(text) == [("link", "editors@example.org", "mailto:editors@example.org")]


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x61;script:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd", "vbscript:msgbox(1)", "ftp://example.org/x", "page.html", "/etc/passwd",
    "#anchor", "//example.org/x", "http:no-host",
])
def test_a_link_to_anything_else_keeps_only_its_words(address):
    text = one_paragraph(f"Read [this page]({address}) now.")
    assert text.text == "Read this page now." and text.marks == []
    assert render_text(text, PLAIN) == "Read this page now."


def test_the_renderer_refuses_an_unsafe_link_whatever_made_the_model():
    for address in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "relative.html", ""):
        assert not is_link_address(address)
        text = Text("click", [Mark(MarkKind.LINK, 0, 5, address)])
        assert render_text(text, PLAIN) == "click"
    quoted = Text("x", [Mark(MarkKind.LINK, 0, 1, 'https://example.org/"onmouseover="alert(1)')])
    assert render_text(quoted, PLAIN) == '<a href="https://example.org/&quot;onmouseover=&quot;alert(1)">x</a>'
    amp = Text("x", [Mark(MarkKind.LINK, 0, 1, "https://example.org/?a=1&b=<2>")])
    assert render_text(amp, PLAIN) == '<a href="https://example.org/?a=1&amp;b=&lt;2&gt;">x</a>'


def test_a_bare_web_address_is_linked_as_in_chapter_text_but_never_inside_a_link_or_code():
    text = one_paragraph("See www.example.org, [https://example.org](https://example.org) "
                         "and `https://example.org/code`.")
    assert render_text(text, PLAIN) == (
        'See <a href="https://www.example.org">www.example.org</a>, '
        '<a href="https://example.org">https://example.org</a> and <code>https://example.org/code</code>.')


def test_line_breaks_are_white_space_in_the_text_as_before():
    """A line break inside a paragraph, typed or hard (two spaces at the line's end), stays a
    newline in the text: XHTML shows it as a space (no <br/>, as when the model held HTML)."""
    text = one_paragraph("The first line  \nthe second line\nthe third.")
    assert text.text == "The first line\nthe second line\nthe third."
    assert render_text(text, PLAIN) == "The first line\nthe second line\nthe third."


# ---------------------------------------------------------------- raw HTML

def test_raw_html_is_dropped_script_and_style_with_their_content():
    source = ('Before <script>alert("x")</script><style>p { display: none }</style> '
              '<img src="http://example.org/x.png" onerror="alert(1)"> <!-- a comment --> '
              '<span onclick="steal()" style="color: red">kept words</span> '
              '<iframe src="javascript:alert(1)"></iframe><u>underlined</u> after.')
    text = one_paragraph(source)
    assert text.text == "Before    kept words underlined after."
    assert text.marks == []
    rendered = render_prose(parse_markdown(source))
    for bad in ("script", "alert", "style", "<img", "onerror", "comment", "onclick", "steal", "iframe", "<u>"):
        assert bad not in rendered


def test_raw_html_the_model_knows_is_read_as_its_markdown_and_nothing_more():
    text = one_paragraph('<b onclick="x()">bold</b>, <i class="c">italic</i>, '
                         '<a href="https://example.org/" onclick="x()" target="_blank">a link</a>, '
                         '<a href="javascript:alert(1)">no link</a>.')
    assert marked(text) == [("strong", "bold", ""), ("emphasis", "italic", ""),
                            ("link", "a link", "https://example.org/")]
    assert render_text(text, PLAIN) == ('<strong>bold</strong>, <em>italic</em>, '
                                        '<a href="https://example.org/">a link</a>, no link.')


def test_a_raw_html_block_leaves_its_text_only():
    blocks = parse_markdown('<div class="x" onclick="y()">\n<p>Inside a div.</p>\n</div>\n\nAfter.')
    assert [b.text.text for b in blocks] == ["Inside a div.", "After."]


# ---------------------------------------------------------------- blocks

def test_paragraphs_are_blocks_of_text():
    blocks = parse_markdown("The first paragraph\ngoes on.\n\n\nThe *second*.\n")
    assert blocks == [Paragraph(Text("The first paragraph\ngoes on.")),
                      Paragraph(Text("The second.", [Mark(MarkKind.EMPHASIS, 4, 10)]))]
    assert render_prose(blocks) == "<p>The first paragraph\ngoes on.</p>\n<p>The <em>second</em>.</p>"


def test_lists_tight_loose_ordered_and_nested():
    tight = parse_markdown("- one\n- *two*\n    - two and a half\n- three")
    assert tight == [ItemList([
        [Paragraph(Text("one"))],
        [Paragraph(Text("two", [Mark(MarkKind.EMPHASIS, 0, 3)])),
         ItemList([[Paragraph(Text("two and a half"))]])],
        [Paragraph(Text("three"))]])]
    assert render_prose(tight) == ("<ul>\n<li>one</li>\n<li><em>two</em><ul>\n<li>two and a half</li>\n</ul>\n</li>\n"
                                   "<li>three</li>\n</ul>")
    loose = parse_markdown("1. First.\n\n2. Second.")
    assert loose == [ItemList([[Paragraph(Text("First."))], [Paragraph(Text("Second."))]], ordered=True, loose=True)]
    assert render_prose(loose) == "<ol>\n<li>\n<p>First.</p>\n</li>\n<li>\n<p>Second.</p>\n</li>\n</ol>"


def test_quotations_and_headings():
    blocks = parse_markdown("## A heading\n\n> A quoted\n> paragraph.\n>\n> - and a list\n\nAfter.")
    assert blocks == [Heading(Text("A heading"), 2),
                      BlockQuote([Paragraph(Text("A quoted\nparagraph.")), ItemList([[Paragraph(Text("and a list"))]])]),
                      Paragraph(Text("After."))]
    rendered = render_prose(blocks)
    assert rendered == ("<h4>A heading</h4>\n<blockquote>\n<p>A quoted\nparagraph.</p>\n<ul>\n<li>and a list</li>\n"
                        "</ul>\n</blockquote>\n<p>After.</p>")
    etree.fromstring(f"<div>{rendered}</div>")


def test_a_code_block_is_a_paragraph_set_as_code():
    assert parse_markdown("    x = <y> & z\n") == [Paragraph(Text("x = <y> & z", [Mark(MarkKind.CODE, 0, 11)]))]


def test_empty_markdown_is_no_block():
    assert parse_markdown("") == [] and parse_markdown("\n\n  \n") == [] and markdown_paragraphs("") == []


def test_notes_are_paragraphs_whatever_blocks_the_markdown_has():
    """A note is set inline (in the PDF, within the page's foot): headings, quotations and list
    items become paragraphs, white space at their ends is dropped."""
    paragraphs = markdown_paragraphs("# Heading\n\nA *note*.\n\n> Quoted.\n\n- one\n- two")
    assert [p.text for p in paragraphs] == ["Heading", "A note.", "Quoted.", "one", "two"]
    assert paragraphs[1].marks == [Mark(MarkKind.EMPHASIS, 2, 6)]


# ---------------------------------------------------------------- the book

NOTES = ('notes:\n  - chapter: one\n    after: "general secretary"\n    text: "See *The Revolution Betrayed*, '
         '[online](https://www.marxists.org/) <script>x()</script>."\n')
GLOSSARY = ("entries:\n  - term: general secretary\n    definition: |-\n      The party's **chief** post.\n\n"
            "      - held by Stalin\n")
SEED = ("A title for the test\n\nThe Bolsheviks took power in October 1917 and the civil war followed. "
        "Lenin died in 1924 and Stalin became general secretary of the party.\n")


def _book(tmp_path):
    files = {"introduction.md": "An *introduction*.\n\n## Its part\n\nText.\n", "colophon.md": "A colophon.\n"}
    book = SMALL_BOOK.replace("chapters:", "introduction: introduction.md\ncolophon: colophon.md\nchapters:")
    project = make_project(tmp_path, {"one.txt": SEED}, book, NOTES, GLOSSARY, files)
    return build_book(load_editorial(project)).book


def test_the_book_holds_no_html_and_pickles(tmp_path):
    book = _book(tmp_path)
    [note] = book.chapters[0].notes
    # the script's removal leaves "online ." and the house style closes the space up
    assert note.paragraphs == [Text("See The Revolution Betrayed, online.", [
        Mark(MarkKind.EMPHASIS, 4, 27), Mark(MarkKind.LINK, 29, 35, "https://www.marxists.org/")])]
    [entry] = book.glossary
    assert entry.definition == [Paragraph(Text("The party’s chief post.", [Mark(MarkKind.STRONG, 12, 17)])),
                                ItemList([[Paragraph(Text("held by Stalin"))]])]
    assert book.introduction == [Paragraph(Text("An introduction.", [Mark(MarkKind.EMPHASIS, 3, 15)])),
                                 Heading(Text("Its part"), 2), Paragraph(Text("Text."))]
    assert book.colophon == [Paragraph(Text("A colophon."))]
    assert pickle.loads(pickle.dumps(book, pickle.HIGHEST_PROTOCOL)) == book


def test_markdown_that_is_not_utf8_is_an_error_with_file_and_line(tmp_path):
    book = SMALL_BOOK.replace("chapters:", "introduction: introduction.md\nchapters:")
    project = make_project(tmp_path, {"one.txt": SEED}, book)
    (project / "editorial" / "introduction.md").write_bytes("First line.\n\nCaf".encode() + b"\xe9 ouvrier.\n")
    with pytest.raises(PipelineError) as caught:
        build_book(load_editorial(project))
    [problem] = caught.value.problems
    assert problem.path.name == "introduction.md" and problem.line == 3
    assert "byte offset 16" in problem.message


# ---------------------------------------------------------------- the renderer's nesting rules

STYLE = InlineStyle(note_call=lambda key: f"[{key}]", glossary_link=lambda entry_id, inner: f'<g id="{entry_id}">{inner}</g>')


def test_a_note_call_at_a_span_end_follows_the_closed_span():
    text = Text("Lenin’s testament was read.", [Mark(MarkKind.GLOSSARY, 0, 17, "testament"),
                                               Mark(MarkKind.NOTE_CALL, 17, 17, "e1"),
                                               Mark(MarkKind.NOTE_CALL, 0, 0, "e0"),
                                               Mark(MarkKind.NOTE_CALL, 27, 27, "e2")])
    assert render_text(text, STYLE) == '[e0]<g id="testament">Lenin’s testament</g>[e1] was read.[e2]'


def test_spans_nest_but_crossing_repeated_and_link_in_link_spans_are_left_out():
    text = Text("abcdefghij", [
        Mark(MarkKind.EMPHASIS, 0, 6), Mark(MarkKind.STRONG, 2, 4),    # nested: kept
        Mark(MarkKind.EMPHASIS, 0, 6),                                 # the same again: left out
        Mark(MarkKind.CODE, 5, 8),                                     # crosses the emphasis: left out
        Mark(MarkKind.GLOSSARY, 6, 10, "term"), Mark(MarkKind.LINK, 7, 9, "https://example.org/")])  # link in link
    assert render_text(text, STYLE) == '<em>ab<strong>cd</strong>ef</em><g id="term">ghij</g>'


def test_web_addresses_are_linked_outside_spans_only_as_before():
    text = Text("www.a.org and www.b.org", [Mark(MarkKind.EMPHASIS, 14, 23, "title")])
    assert render_text(text, STYLE) == '<a href="https://www.a.org">www.a.org</a> and <i class="title">www.b.org</i>'
