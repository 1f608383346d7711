"""What the command line prints is what it was given: rich's markup and emoji codes stay off."""

from __future__ import annotations

from pathlib import Path

from pipeline.commands import CHAPTER_COLUMNS
from pipeline.console import Console
from pipeline.problems import Problem


def test_a_line_and_column_are_printed_as_numbers_not_as_an_emoji(capsys):
    # ":100:" is rich's code for an emoji: a mistake on line 100 had been reported as "book.yaml💯14"
    Console().problem(Problem("keep override matches no line", Path("editorial/book.yaml"), 100, 14))
    Console(verbose=True).detail("see [bold]line :smile: 3[/bold]")
    captured = capsys.readouterr()
    assert "book.yaml:100:14" in captured.err and "\U0001F4AF" not in captured.err
    assert "[bold]line :smile: 3[/bold]" in captured.out


def test_the_chapters_table_keeps_every_figure_on_one_line_in_eighty_columns(capsys, monkeypatch):
    """A log or a pipe is 80 columns wide: the figures and their headings keep their width, a long title wraps."""
    monkeypatch.setenv("COLUMNS", "80")
    title = "7. To find the 5 best French presses, I put 17 of the top models to the test"
    Console().table("Chapters", CHAPTER_COLUMNS, [[title, "26,444", "57", "12", "159", "1,205"]],
                    ["1 chapter", "26,444", "57", "12", "159", "1,205"])
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= 80
    row = next(line for line in lines if "7. To find" in line)
    assert all(figure in row for figure in ("26,444", "57", "12", "159", "1,205"))
    assert any("editors'" in line for line in lines) and any("dropped" in line for line in lines)
    assert "7. To find the 5 best" in row  # the title takes the width the figures leave
