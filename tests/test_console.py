"""What the command line prints is what it was given: rich's markup and emoji codes stay off."""

from __future__ import annotations

from pathlib import Path

from pipeline.console import Console
from pipeline.problems import Problem


def test_a_line_and_column_are_printed_as_numbers_not_as_an_emoji(capsys):
    # ":100:" is rich's code for an emoji: a mistake on line 100 had been reported as "book.yaml💯14"
    Console().problem(Problem("keep override matches no line", Path("editorial/book.yaml"), 100, 14))
    Console(verbose=True).detail("see [bold]line :smile: 3[/bold]")
    captured = capsys.readouterr()
    assert "book.yaml:100:14" in captured.err and "\U0001F4AF" not in captured.err
    assert "[bold]line :smile: 3[/bold]" in captured.out
