"""Errors and warnings that name the file, the line and the fix.

Editors read these, not tracebacks: every problem says where (file:line:col),
what is wrong, and what would fix it. Problems are collected so that one run
reports all of them at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    message: str
    path: Path | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        if self.path is None:
            return ""
        where = _shown(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.severity}: {self.message}" if where else f"{self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


def _shown(path: Path) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, unreadable, or a link in a loop
        return str(path)


class PipelineError(Exception):
    """One or more problems that stop the build before anything is written."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """Collects problems so that every mistake is reported in one run."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, message: str, path: Path | None = None, line: int | None = None,
              column: int | None = None, hint: str | None = None) -> None:
        self.items.append(Problem(message, path, line, column, hint, "error"))

    def warning(self, message: str, path: Path | None = None, line: int | None = None,
                column: int | None = None, hint: str | None = None) -> None:
        self.items.append(Problem(message, path, line, column, hint, "warning"))

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise PipelineError(self.errors)


def closest(word: str, choices, ignore_case: bool = False) -> str | None:
    """The valid choice nearest to `word`, as written in `choices`, or None. With `ignore_case`,
    'NOTES.YAML' is near 'notes.yaml' (file names, which disks may compare either way)."""
    written = {(str(c).lower() if ignore_case else str(c)): str(c) for c in choices}
    matches = difflib.get_close_matches(str(word).lower() if ignore_case else str(word), list(written), n=1,
                                        cutoff=0.6)
    return written[matches[0]] if matches else None


def did_you_mean(word: str, choices, ignore_case: bool = False) -> str | None:
    """The closest valid choice, phrased for a hint, or None."""
    match = closest(word, choices, ignore_case)
    return f"did you mean '{match}'?" if match else None
