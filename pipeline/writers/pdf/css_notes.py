"""What WeasyPrint leaves out of a stylesheet, said to the editor with the file and line.

WeasyPrint skips a declaration it cannot read ("Ignored `line-height: banana` at 3:14, invalid
value.") or a selector it does not support, and says so only to its logger, which nobody reads:
the PDF came out styled otherwise than the stylesheet says, in silence. While the print edition's
stylesheets are read, those notes are collected and become warnings.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path

from ...problems import Problem

#: WeasyPrint's notes on a stylesheet it read (not its notes on layout, which come later).
_ABOUT_CSS = re.compile(r"^(?:Ignored|Invalid or unsupported selector|Parse error|Unknown|Unsupported)")
_AT = re.compile(r" at (\d+):(\d+)")
_SELECTOR = re.compile(r"selector, '(.*)'", re.S)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _ABOUT_CSS.match(message):
            self.messages.append(message)


@contextmanager
def stylesheet_notes(path: Path, found: list[Problem]):
    """Collect into `found` what WeasyPrint ignores while it reads the stylesheet at `path`."""
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        yield
    finally:
        logger.removeHandler(collect)
    found.extend(_problem(path, message) for message in collect.messages)


def _problem(path: Path, message: str) -> Problem:
    at = _AT.search(message)
    line, column = (int(at.group(1)), int(at.group(2))) if at else (_selector_line(path, message), None)
    return Problem(f"the PDF is made without this: {' '.join(message.split())}", path, line, column,
                   hint="correct the rule or remove it", severity="warning")


def _selector_line(path: Path, message: str) -> int | None:
    """The line of a selector WeasyPrint names without one: where its text first stands in the file."""
    selector = _SELECTOR.search(message)
    if not selector or not selector.group(1).strip():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    where = text.find(selector.group(1).strip())
    return text.count("\n", 0, where) + 1 if where >= 0 else None
