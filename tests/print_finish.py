"""The print finish of a PDF as a book designer checks it, read with pdfplumber: where each page's
lines sit, which end in a hyphen, where note calls and notes are.

A line is the characters on one baseline within one column (the index sets two). A note call is a
run of raised digits set small; a note is a line of the footnote area opening with its number in
bold. A page is *full* when its text goes on on the next page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import pdfplumber

#: WeasyPrint's hyphen at a break it made at a soft hyphen; a compound's own hyphen is "-".
ADDED_HYPHEN = "\u2010"
OWN_HYPHEN = "-"
#: The body line, and how far below the text block's top its baselines fall (styles/print.css).
BODY_LINE = 13.8
TOP, BLOCK_LINES = 42.5, 36
BODY_DESCENT = 3.115  # below the baseline in a 13.8pt line of Charis at 10pt


@dataclass
class Line:
    baseline: float  # from the page's top, in points
    x0: float
    chars: list = field(repr=False)

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def size(self) -> float:
        return max(c["size"] for c in self.chars)

    @property
    def raised(self) -> bool:
        return all(c["size"] < 7.2 for c in self.chars) and all(c["text"] in "0123456789*" for c in self.chars)

    @property
    def hyphenated(self) -> bool:
        return self.text.rstrip()[-1:] in (ADDED_HYPHEN, OWN_HYPHEN)


@dataclass
class Page:
    number: int  # 1-based, physical
    height: float
    lines: list[Line]

    @property
    def block_lines(self) -> list[Line]:
        """Everything set in the text block (not the running head and folio), raised calls too."""
        return [line for line in self.lines if TOP <= line.baseline <= self.block_bottom + 3]

    @property
    def text_lines(self) -> list[Line]:
        """The text block's lines of text: a run of raised calls or asterisks, on a baseline of its
        own, is part of the line below it."""
        return [line for line in self.block_lines if not line.raised]

    @property
    def block_bottom(self) -> float:
        """Where the last baseline of a full page falls."""
        return TOP + BLOCK_LINES * BODY_LINE - BODY_DESCENT

    @property
    def has_folio(self) -> bool:
        return any(line.baseline > self.block_bottom + 3 for line in self.lines)

    @property
    def has_running_head(self) -> bool:
        return any(line.baseline < TOP for line in self.lines)

    def calls(self) -> list[int]:
        """Note numbers called on the page: runs of small raised digits."""
        found = []
        for line in self.block_lines:
            run, last = "", None
            for char in line.chars + [None]:
                if char is not None and 5.5 < char["size"] < 7.2 and char["text"].isdigit():
                    if run and last is not None and char["x0"] - last["x1"] > 1.0:
                        found.append(int(run))
                        run = ""
                    run, last = run + char["text"], char
                elif run:
                    found.append(int(run))
                    run = ""
        return found

    def notes(self) -> list[int]:
        """Numbers of the notes set on the page: lines opening with a number in bold."""
        found = []
        for line in self.text_lines:
            digits = ""
            for char in line.chars:
                if "Bold" in char["fontname"] and char["text"].isdigit():
                    digits += char["text"]
                else:
                    break
            if digits and line.size < 9:
                found.append(int(digits))
        return found


class PrintedBook:
    def __init__(self, path):
        with pdfplumber.open(path) as pdf:
            self.pages = [Page(i, float(p.height), _lines(p, float(p.height))) for i, p in enumerate(pdf.pages, 1)]

    @cached_property
    def full_pages(self) -> list[Page]:
        """Pages whose text runs on: the next page continues the part (it has a running head), or
        both have folios (the introduction's pages; not the copyright page before the contents)."""
        return [page for page, following in zip(self.pages, self.pages[1:]) if page.text_lines and
                (following.has_running_head or (following.has_folio and page.has_folio))]

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.text_lines]


def _lines(page, height: float) -> list[Line]:
    """Characters grouped by baseline, and on one baseline split where a column gap parts them."""
    rows: dict[float, list] = {}
    for char in page.chars:
        rows.setdefault(round(height - char["matrix"][5], 1), []).append(char)
    # Raised note calls stand on their own baseline: they join the line whose baseline is just below.
    lines = []
    for baseline in sorted(rows):
        chars = sorted(rows[baseline], key=lambda c: c["x0"])
        start = 0
        for index in range(1, len(chars) + 1):
            if index == len(chars) or chars[index]["x0"] - chars[index - 1]["x1"] > 12:
                lines.append(Line(baseline, chars[start]["x0"], chars[start:index]))
                start = index
    return [line for line in lines if line.text.strip()]


def words_broken(lines: list[Line]) -> list[tuple[str, str]]:
    """(end of a line, start of the next) wherever a hyphen was added at a line's end."""
    found = []
    for line, following in zip(lines, lines[1:]):
        text = line.text.rstrip()
        if text.endswith(ADDED_HYPHEN):
            found.append((text.split()[-1], (following.text.split() or [""])[0]))
    return found


def hyphen_runs(page_lines: list[Line]) -> list[int]:
    """The lengths of runs of consecutive hyphenated lines, in order of the lines (one column's)."""
    runs, run = [], 0
    for line in page_lines:
        if line.hyphenated:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    return runs + ([run] if run else [])


ADDRESS = re.compile(r"(https?://|www\.)\S*$")


def word_gaps(line: Line) -> list[float]:
    """The widths, in points, of a line's word spaces as set: from the end of the character before each
    space to the start of the next word's first character (justification widens them; raised calls and
    asterisks are left out, so a space before a note's number is not counted twice)."""
    chars = [char for char in line.chars if char["size"] >= 7.2 or char["text"] == " "]
    gaps, before, spaced = [], None, False
    for char in chars:
        if char["text"].isspace():
            spaced = before is not None
            continue
        if spaced:
            gaps.append(char["x0"] - before["x1"])
        before, spaced = char, False
    return gaps


def loose_lines(lines: list[Line], factor: float = 2.0) -> list[Line]:
    """Lines of body text (10pt) whose word spaces average more than `factor` times the median word
    space of all such lines: the holes a reader sees in a justified line."""
    body = [(line, gaps) for line in lines if abs(line.size - 10) < 0.3 for gaps in [word_gaps(line)] if gaps]
    every = sorted(gap for _, gaps in body for gap in gaps)
    if not every:
        return []
    median = every[len(every) // 2]
    return [line for line, gaps in body if sum(gaps) / len(gaps) > factor * median]
