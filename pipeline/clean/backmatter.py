"""The article's own back matter: its notes, its references, its author's note.

Journals print numbered notes under a "Notes" heading and sources under
"References"; magazines end with a line about the author. These are kept as
structure (never dropped, never left as body paragraphs).
"""

from __future__ import annotations

import re

from .features import is_heading_like, word_count
from .units import Event, Role, StageResult, Unit, dropped, marked

STAGE = "backmatter"

_NOTES_HEADING = re.compile(r"^(?:end\s*notes?|foot\s*notes?|notes?(?:\s+(?:and|&)\s+(?:references|sources))?)"
                            r"\s*:?$", re.I)
_REFERENCES_HEADING = re.compile(r"^(?:references?|bibliography|select\s+bibliography|works\s+cited|"
                                 r"sources?|further\s+reading|reading\s+list|literature)\s*:?$", re.I)
NUMBERED = re.compile(r"^\[?(\d{1,3})[\].)]?\s+(\S.*)$")
_REFERENCE_LIKE = re.compile(r"(?:https?://|www\.|\b(?:1[5-9]|20)\d\d\b|\bpp?\.?\s?\d|\b(?:ed|eds|trans)\.|"
                             r"\bPress\b|\bvol\.)", re.I)
#: An author's note names its writer first ("Ann Smith is a historian…", "She writes…"); a paragraph that opens
#: "It is…" or "This was…" is the article's own, however many researchers it quotes.
_NOT_A_NAME = r"(?!(?:It|This|That|These|Those|There|Here|The|What|Which|Such|Each|All|One|Its|Our|Their|A|An)\s)"
_ABOUT = re.compile(
    rf"^{_NOT_A_NAME}(?:[A-Z][\w’'.-]+\s+){{1,4}}(?:is|was|teaches|writes|works|lives|covers|reports)\b.{{0,240}}\b(?:editor|writer|author|"
    r"journalist|member|lecturer|professor|historian|activist|researcher|student|organi[sz]er|"
    r"correspondent|contributor|columnist|fellow|teacher|candidate|director|co-?founder|founder|"
    r"reporter|blogger|novelist|poet|campaigner|economist|sociologist|scholar|translator|government|politics|"
    r"reach\s+(?:her|him|them)\s+at)\b", re.U)
_ABOUT_LABEL = re.compile(r"^(?:about\s+the\s+(?:author|writer|reviewer|contributor)s?|author\s+bio(?:graphy)?|"
                          r"sobre\s+(?:el|la)\s+autora?|über\s+(?:den|die)\s+autor(?:in)?|à\s+propos\s+de\s+l['’]auteur)"
                          r"\s*:?$", re.I)


def _numbered_run(units: list[Unit], start: int) -> int:
    """How many of the units from `start` on are numbered lines."""
    count = 0
    for unit in units[start:start + 3]:
        if NUMBERED.match(unit.text):
            count += 1
    return count


def mark_notes_and_references(units: list[Unit]) -> StageResult:
    out: list[Unit] = []
    events: list[Event] = []
    section: Role | None = None
    for i, unit in enumerate(units):
        if unit.pinned or unit.role is not Role.BODY:
            out.append(unit)
            continue
        text = unit.text
        if _NOTES_HEADING.match(text) and _numbered_run(units, i + 1) >= 2:
            section = Role.NOTE
            out.append(unit.but(role=Role.NOTES_HEADING, rule="notes-section"))
            events.append(marked(STAGE, "notes-section", unit))
            continue
        if _REFERENCES_HEADING.match(text) and i + 1 < len(units) \
                and _REFERENCE_LIKE.search(units[i + 1].text):
            section = Role.REFERENCE
            out.append(unit.but(role=Role.REFERENCES_HEADING, rule="references-section"))
            events.append(marked(STAGE, "references-section", unit))
            continue
        if section is Role.NOTE:
            if NUMBERED.match(text):
                out.append(unit.but(role=Role.NOTE, rule="source-note"))
                continue
            if out and out[-1].role is Role.NOTE and word_count(text) >= 3 and not is_heading_like(text):
                # A note's second paragraph: it continues the previous note.
                prev = out[-1]
                out[-1] = prev.but(text=f"{prev.text} {text}", last_line=unit.line)
                events.append(Event(STAGE, "note-continuation", "reshaped", unit.line, text,
                                    f"joined to the note on line {prev.line}"))
                continue
            section = None
        if section is Role.REFERENCE:
            if _REFERENCE_LIKE.search(text) or word_count(text) >= 4:
                out.append(unit.but(role=Role.REFERENCE, rule="reference"))
                continue
            section = None
        out.append(unit)
    return StageResult(out, events)


def mark_about_author(units: list[Unit]) -> StageResult:
    """The author's note: a line about the writer among the article's last lines, or just after
    them (where the body stage places an author's box)."""
    body = [i for i, u in enumerate(units) if u.role is Role.BODY and not u.pinned and not u.place]
    if not body:
        return StageResult(list(units))
    after = [i for i in range(body[-1] + 1, len(units))
             if units[i].role is Role.BODY and not units[i].pinned and units[i].place == "after"][:3]
    events: list[Event] = []
    roles: dict[int, Role | None] = {}
    for i in body[-3:] + after:
        unit = units[i]
        labelled = i > 0 and _ABOUT_LABEL.match(units[i - 1].text) and not units[i - 1].keep
        if labelled:
            roles[i - 1] = None
        if labelled or (_ABOUT.match(unit.text) and word_count(unit.text) <= 70):
            roles[i] = Role.ABOUT_AUTHOR
    out: list[Unit] = []
    for i, unit in enumerate(units):
        if i not in roles:
            out.append(unit)
        elif roles[i] is None:
            events.append(dropped(STAGE, "about-author-label", unit))
        else:
            out.append(unit.but(role=Role.ABOUT_AUTHOR, rule="about-author", place="", why=""))
            events.append(marked(STAGE, "about-author", unit))
    return StageResult(out, events)
