"""Cleaning a page given as its lines, and what became of each: shared by the tests of new users' pages."""

from __future__ import annotations

from pathlib import Path

from invented_article import ARTICLE, NAV
from pipeline.clean import clean
from pipeline.clean.units import Role
from pipeline.read import decode_seed

TITLE = "Village Counts the Cost of Late Flood Warnings"


def run(*lines: str):
    return clean(decode_seed("\n".join(lines).encode("utf-8"), Path("page.txt")))


def roles(result) -> dict[str, Role]:
    return {unit.text: unit.role for unit in result.units}


def role_between_paragraphs(line: str) -> Role | None:
    """The role `line` gets standing between the article's third and fourth paragraphs (None: dropped)."""
    return roles(run(*NAV, TITLE, "By Mary Ellis", *ARTICLE[:3], line, *ARTICLE[3:])).get(line)
