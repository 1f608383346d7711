"""Keep inline marks on the words they covered when a stage rewrites a unit's text.

Typography turns `...` into `…` and `--` into `—`; the notes stage takes call
numerals out. A mark over offsets of the old text is moved to the same
characters of the new one, by the edit between the two texts.
"""

from __future__ import annotations

import difflib

from ..model import Mark


def remap_marks(old: str, new: str, marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    if not marks or old == new:
        return marks
    if len(old) == len(new):  # characters replaced one for one (quotes): offsets stand
        return marks
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()

    def moved(offset: int, closing: bool) -> int:
        for tag, i1, i2, j1, j2 in blocks:
            if tag == "equal" and i1 <= offset < i2 or (tag == "equal" and closing and offset == i2):
                return j1 + (offset - i1)
            if i1 <= offset < i2 or (closing and offset == i2):
                return j2 if closing else j1
        return len(new)

    out = []
    for mark in marks:
        start, end = moved(mark.start, False), moved(mark.end, True)
        if mark.start == mark.end:
            out.append(Mark(mark.kind, start, start, mark.ref))
        elif end > start:
            out.append(Mark(mark.kind, start, end, mark.ref))
    return tuple(out)
