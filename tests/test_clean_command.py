"""`python -m pipeline clean`: one page printed, many pages into a folder, the audit, the front matter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.model import LINE_BREAK, Block, BlockKind, Figure, Mark, MarkKind, Text
from pipeline.render.markdown import _block, _escape, inline

PAGE = "\n".join([
    "Home", "News", "Sign in",
    "Village counts the cost of late flood warnings",
    "By Mary Ellis",
    "Published 14 March 2024",
    "The river had been rising for three days before anyone in the village thought to move the sandbags from "
    "the old mill to the low road, and by then the water was already at the doors of the houses.",
    "Residents say the warnings came too late. The council's flood plan assumed that the upstream gauges "
    "would give at least a day's notice, and this time the gauges failed in the storm.",
    "The council has promised a review of the warning system, but many residents are not waiting, and a "
    "group of neighbours now watches the river at night whenever rain is forecast.",
    "Most read", "Council tax to rise by five per cent", "© 2024 The Valley Times",
]) + "\n"
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _front(text: str) -> dict[str, str]:
    block = FRONT.match(text).group(1)
    return {k: json.loads(v) for k, v in (line.split(": ", 1) for line in block.splitlines())}


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "flood.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_one_page_is_printed_with_its_metadata_as_front_matter(page, capsys):
    assert main(["clean", "-q", str(page)]) == 0
    out = capsys.readouterr().out
    assert _front(out) == {"title": "Village counts the cost of late flood warnings", "author": "Mary Ellis",
                           "date": "2024-03-14"}
    body = FRONT.sub("", out).lstrip("\n")
    assert body.startswith("# Village counts the cost of late flood warnings\n\nThe river had been rising")
    assert "By Mary Ellis" not in body and "Most read" not in body and "Council tax" not in body


def test_a_line_break_in_a_saved_pages_headline_is_a_space_in_the_front_matter(tmp_path, capsys):
    """YAML reads U+2028 as a line break, so a headline set on two lines (`<br>`) must not carry it there."""
    paragraphs = "".join(f"<p>{line}</p>" for line in PAGE.splitlines()[6:9])
    saved = tmp_path / "flood.html"
    saved.write_text(f"<html><body><nav>Home</nav><article><h1>Village counts the cost<br>of late flood warnings</h1>"
                     f"<p>By Mary Ellis</p>{paragraphs}<h2>What the<br>council says</h2>{paragraphs}</article></body></html>", encoding="utf-8")
    assert main(["clean", "-q", str(saved)]) == 0
    out = capsys.readouterr().out
    block = FRONT.match(out).group(1)
    assert block.splitlines() == block.split("\n")  # no line break but the block's own
    assert _front(out)["title"] == "Village counts the cost of late flood warnings"
    assert "\n# Village counts the cost of late flood warnings\n" in out  # an ATX heading is one line
    assert "\n## What the council says\n" in out
    assert main(["clean", "-q", "--text", str(saved)]) == 0
    assert capsys.readouterr().out.startswith("Village counts the cost of late flood warnings\n")


def test_many_pages_are_cleaned_into_a_folder_in_one_go(page, tmp_path, capsys):
    other = tmp_path / "second.txt"
    other.write_text(PAGE.replace("flood", "storm"), encoding="utf-8")
    out = tmp_path / "cleaned"
    assert main(["clean", "--out", str(out), str(page), str(other)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["flood.txt", "second.txt"]
    assert "# Village counts the cost of late storm warnings" in (out / "second.txt").read_text(encoding="utf-8")
    assert "Cleaned 2 of 2 file(s)" in capsys.readouterr().out


def test_a_bad_page_in_a_batch_is_named_and_the_others_are_still_cleaned(page, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 ouvrier\n")
    out = tmp_path / "cleaned"
    assert main(["clean", "--out", str(out), str(bad), str(page)]) == 1
    captured = capsys.readouterr()
    assert "bad.txt:1:4: error: seed is not valid UTF-8" in captured.err
    assert "Cleaned 1 of 2 file(s)" in captured.out and "1 failed" in captured.out
    assert [p.name for p in out.iterdir()] == ["flood.txt"]


def test_a_batch_never_writes_over_the_files_it_cleans(page, capsys):
    before = page.read_bytes()
    assert main(["clean", "--out", str(page.parent), str(page)]) == 1
    assert page.read_bytes() == before
    err = capsys.readouterr().err
    assert "flood.txt: error: cleaning it into --out would write over an input" in err
    assert "nothing was written" in err


def test_two_pages_of_one_name_are_refused_before_either_is_cleaned(page, tmp_path, capsys):
    twin = tmp_path / "elsewhere" / "flood.html"
    twin.parent.mkdir()
    twin.write_text("<html><body><h1>Flood</h1><p>" + "Water rose. " * 30 + "</p></body></html>", encoding="utf-8")
    out = tmp_path / "cleaned"
    assert main(["clean", "--out", str(out), str(page), str(twin)]) == 1
    assert "flood.html: error: cleans into the same file as" in capsys.readouterr().err
    assert not out.exists()


def test_a_page_named_twice_is_cleaned_once(page, tmp_path, capsys):
    out = tmp_path / "cleaned"
    assert main(["clean", "--out", str(out), str(page), str(page.parent / ".." / page.parent.name / page.name)]) == 0
    captured = capsys.readouterr().out
    assert "named twice; cleaned once" in captured and "Cleaned 1 of 1 file(s)" in captured


def test_out_must_be_a_folder(page, tmp_path, capsys):
    assert main(["clean", "--out", str(page), str(page)]) == 1
    assert "error: --out names a file, not a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["clean", "--out", "", str(page)])
    assert stop.value.code == 2
    assert "expected a folder's name" in capsys.readouterr().err


def test_an_unknown_option_is_answered_with_the_commands_own_usage(page, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["clean", "--frobnicate", str(page)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "usage: python -m pipeline clean" in err and "unrecognized arguments: --frobnicate" in err


def test_a_page_saved_as_utf16_is_read_and_one_without_its_mark_is_named(page, tmp_path, capsys):
    marked, bare = tmp_path / "marked.txt", tmp_path / "bare.txt"
    marked.write_bytes(PAGE.encode("utf-16"))
    bare.write_bytes(PAGE.encode("utf-16-le"))
    assert main(["clean", "-q", str(marked)]) == 0
    assert "# Village counts the cost of late flood warnings" in capsys.readouterr().out
    assert main(["clean", "-q", str(bare)]) == 1
    err = capsys.readouterr().err
    assert "bare.txt: error: seed is UTF-16 text without a byte-order mark" in err and "iconv -f UTF-16LE" in err


def test_a_missing_page_on_the_command_line_is_not_blamed_on_book_yaml(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nowhere.txt")]) == 1
    assert "the name given to clean" in capsys.readouterr().err


def test_a_link_in_a_loop_is_named_without_a_traceback(tmp_path, capsys):
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    assert main(["clean", str(tmp_path / "one.txt")]) == 1
    err = capsys.readouterr().err
    assert "one.txt: error: cannot read seed" in err and "Traceback" not in err


def test_several_pages_without_a_folder_are_a_mistake_in_the_command(page, capsys):
    assert main(["clean", str(page), str(page)]) == 2
    assert "--out DIR" in capsys.readouterr().err


def test_the_report_gives_every_dropped_line_its_rule_and_reason(page, tmp_path, capsys):
    assert main(["clean", "--report", str(page)]) == 0
    report = capsys.readouterr().out
    assert re.search(r"Found:\n  author +Mary Ellis\n  published +2024-03-14", report)
    line = next(i for i, text in enumerate(report.splitlines()) if "Council tax to rise" in text)
    rule_line, reason = report.splitlines()[line], report.splitlines()[line + 1]
    assert "outside-body" in rule_line and "(after the article, which ends at line 9:" in reason
    out = tmp_path / "reports"
    assert main(["clean", "--report", "--out", str(out), str(page)]) == 0
    assert (out / "flood.report.txt").read_text(encoding="utf-8").startswith(str(page))


@pytest.mark.parametrize("raw, markdown", [
    ("snake_case and CONSTANT_NAME stay whole", "snake_case and CONSTANT_NAME stay whole"),
    ("_leading and trailing_ underscores", r"\_leading and trailing\_ underscores"),
    ("a*b [x] <y>", r"a\*b \[x\] \<y\>"),
    ("if __name__ == '__main__'", r"if \_\_name\_\_ == '\_\_main\_\_'"),  # beside another: escaped
    ("write &lt; for <, &amp; for &", r"write \&lt; for \<, \&amp; for &"),  # as the page shows it
])
def test_markdown_escapes_only_what_commonmark_would_read_as_markup(raw, markdown):
    assert _escape(raw) == markdown


def _code(text: str, *spans: tuple[int, int]) -> Text:
    return Text(text, [Mark(MarkKind.CODE, start, end) for start, end in spans])


def test_code_is_written_as_it_is_inside_a_span_long_enough_to_hold_its_backticks():
    """CommonMark reads no escape inside a code span, so `a_b*` must not become `a\\_b\\*`."""
    assert inline(_code("call parse_line(*args) now", (5, 22))) == "call `parse_line(*args)` now"
    assert inline(_code("type `x` here", (0, 8))) == "`` type `x` `` here"
    assert inline(_code("see f(x) here", (4, 8), (4, 8), (6, 7))) == "see `f(x)` here"  # nested: one span


def test_a_listing_is_a_fenced_block_with_its_lines_and_indents():
    listing = f"def f():{LINE_BREAK}    return [1, 2]  # *not* emphasis{LINE_BREAK}```"
    text = _code(listing, (0, len(listing)))
    assert _block(Block(BlockKind.PARAGRAPH, [text])) == (
        "````\ndef f():\n    return [1, 2]  # *not* emphasis\n```\n````")


def test_a_line_after_a_break_that_would_open_a_list_or_a_heading_is_escaped():
    assert inline(Text(f"Ingredients:{LINE_BREAK}- flour{LINE_BREAK}# 2 eggs")) == \
        "Ingredients:\\\n\\- flour\\\n\\# 2 eggs"


def test_emphasis_over_nothing_visible_is_left_out():
    """A page's <strong> around a space or a zero-width joiner would print as stars."""
    text = Text("Rates vary.\u200d Ask.", [Mark(MarkKind.STRONG, 11, 12), Mark(MarkKind.EMPHASIS, 13, 17)])
    assert inline(text) == "Rates vary.\u200d *Ask.*"


@pytest.mark.parametrize("text, marks, markdown", [
    # a drop cap in a <strong> of its own beside the word's: one span
    ("Breakfast: eggs", [(MarkKind.STRONG, 0, 1), (MarkKind.STRONG, 1, 10)], "**Breakfast:** eggs"),
    # two <code> side by side: one span, not a double fence
    ("U+00DF0xC3", [(MarkKind.CODE, 0, 6), (MarkKind.CODE, 6, 10)], "`U+00DF0xC3`"),
    # a <strong> running on past a link's end: round it; one crossing it: cut at the link's edge
    ("see best 2025 picks", [(MarkKind.LINK, 4, 12, "https://x.org/b"), (MarkKind.STRONG, 4, 13)],
     "see **[best 202](https://x.org/b)5** picks"),
    ("see best 2025 picks", [(MarkKind.LINK, 4, 12, "https://x.org/b"), (MarkKind.STRONG, 9, 13)],
     "see [best **202**](https://x.org/b)**5** picks"),
    # strong and emphasis over the same words
    ("bold italic", [(MarkKind.EMPHASIS, 0, 11), (MarkKind.STRONG, 0, 11)], "***bold italic***"),
    # white space at a span's ends stays outside it ("**Note: **" would not close)
    ("Note: read this", [(MarkKind.STRONG, 0, 6)], "**Note:** read this"),
    # an address with a space or an unbalanced parenthesis, in <…>
    ("see this", [(MarkKind.LINK, 4, 8, "https://x.org/a_(b")], "see [this](<https://x.org/a_(b>)"),
    # a link over the whole of a code span goes round it
    ("call parse()", [(MarkKind.CODE, 5, 12), (MarkKind.LINK, 5, 12, "https://x.org/p")],
     "call [`parse()`](https://x.org/p)"),
])
def test_a_pages_marks_are_written_as_spans_commonmark_reads_as_meant(text, marks, markdown):
    assert inline(Text(text, [Mark(*mark) for mark in marks])) == markdown


@pytest.mark.parametrize("src, markdown", [("crane.png", "![The crane](crane.png)"),
                                          ("crane (night).png", "![The crane](<crane (night).png>)"),
                                          ("crane at night.png", "![The crane](<crane at night.png>)")])
def test_an_images_file_name_is_read_whole(src, markdown):
    """CommonMark ends an address at a space or an unbalanced parenthesis unless it stands in <…>."""
    assert _block(Block(BlockKind.FIGURE, [], figure=Figure(src, None, alt="The crane"))) == markdown
