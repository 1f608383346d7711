"""What the command line says: messages, warnings, progress bars, tables.

`--quiet` keeps only errors; `--verbose` adds every warning and detail.
Errors and warnings go to standard error, results to standard output.
"""

from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console as RichConsole
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .problems import Problem


class Console:
    def __init__(self, quiet: bool = False, verbose: bool = False):
        self.quiet = quiet
        self.verbose = verbose
        self.out = RichConsole(highlight=False, soft_wrap=True, emoji=False)
        self.err = RichConsole(stderr=True, highlight=False, soft_wrap=True, emoji=False)

    def info(self, message: str) -> None:
        if not self.quiet:
            self.out.print(message, markup=False)

    def detail(self, message: str) -> None:
        if self.verbose:
            self.out.print(message, markup=False, style="dim")

    def problem(self, problem: Problem) -> None:
        if problem.severity == "warning" and self.quiet:
            return
        style = "bold red" if problem.severity == "error" else "yellow"
        self.err.print(str(problem), markup=False, style=style)

    def warnings(self, problems: list[Problem], limit: int = 12) -> None:
        if self.quiet or not problems:
            return
        shown = problems if self.verbose else problems[:limit]
        for problem in shown:
            self.problem(problem)
        if len(problems) > len(shown):
            self.err.print(f"… and {len(problems) - len(shown)} more warnings (--verbose shows all)",
                           markup=False, style="yellow")

    @contextmanager
    def progress(self, description: str):
        """A progress bar; yields a callback (step, done, total)."""
        if self.quiet or not self.out.is_terminal:
            def plain(step: str, done: int, total: int) -> None:
                self.detail(f"  {description}: {step} ({done}/{total})")
            yield plain
            return
        columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
        with Progress(*columns, console=self.out, transient=True) as bar:
            task = bar.add_task(description, total=None)

            def update(step: str, done: int, total: int) -> None:
                bar.update(task, description=f"{description}: {step}", completed=done, total=total)

            yield update

    def table(self, title: str, columns: list[str], rows: list[list[str]], footer: list[str] | None = None) -> None:
        if self.quiet:
            return
        table = Table(title=title, title_justify="left", show_footer=footer is not None)
        for i, column in enumerate(columns):  # figures never wrap: the first column takes what width is left
            table.add_column(column, justify="left" if i == 0 else "right", no_wrap=i > 0, ratio=1 if i == 0 else None,
                             footer=(footer[i] if footer else ""))
        for row in rows:
            table.add_row(*row)
        self.out.print(table)
