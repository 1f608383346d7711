"""The index located in the chapters: a span with an id round every occurrence of a form.

Forms are matched as glossary forms are (whole words, a possessive may follow, a
capitalised form matches only capitalised text, the longest form wins), in the text
as the house style left it, so what an editor sees in the book is what matches. Each
occurrence becomes an INDEX mark whose ref is the anchor id both editions give its
span: the PDF reads its page off the layout, the EPUB links to it. A span never cuts
a word (forms are whole words), never holds a note call, and never sits inside a link:
one that falls inside a glossary link or a linked passage takes the link in instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import (WEB_ADDRESS, Article, BlockKind, Chapter, IndexEntry, IndexLocator, IndexSubentry, Mark,
                     MarkKind, Text, is_title, numbers_in_order)
from ..problems import Problem, did_you_mean
from .glossary import Matcher
from .index_spec import IndexSpec
from .phrases import FOLD

_STRAIGHT = str.maketrans(FOLD)

_ANCHORS = (MarkKind.GLOSSARY, MarkKind.LINK)


_ARTICLES = ("the ", "a ", "an ")


_WORD_JOINS = re.compile(r"[-\u2010\u2011\u2013\u2014]")  # hyphens and dashes between words
_QUALIFIER = "\x01"  # files before a space: what follows a comma or a parenthesis qualifies the words before it


def sort_key(text: str) -> str:
    """Word-by-word order, accents, case, punctuation and a leading article aside ("New York"
    before "Newtown"; *The Revolution Betrayed* under R). A heading files by its words up to a comma
    or a parenthesis first ("Lenin, Vladimir" and "Leningrad (Petrograd)" before "Lenin Levy" and
    "Leningrad affair"), and hyphens and dashes part words, as Chicago's word-by-word rule has it."""
    text = _WORD_JOINS.sub(" ", text)  # "Nazi–Soviet Pact" files as two words, before "Nazis"
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold().replace("(", ",")
    key = " ".join("".join(ch for ch in plain if ch.isalnum() or ch in " ,").split())
    key = _QUALIFIER.join(part.strip() for part in key.split(","))
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article):]
    return key


#: Words a sub-entry does not file under when it begins with them (Chicago 16.69): "and the arts" files
#: under "arts", "in 1917" under "1917", "after the war" under "war".
_LEADING_SMALL_WORDS = re.compile(r"^(?:(?:a|an|the|and|as|at|by|for|from|in|into|of|on|to|with|under|after|"
                                  r"before|against|during|about|over|its|his|her|their)\s+)+", re.I)


def sub_filing(heading: str) -> str:
    """Where a sub-entry files, unless the editors say: its words after any leading articles, prepositions
    and conjunctions."""
    return _LEADING_SMALL_WORDS.sub("", heading) or heading


def index_texts(article: Article):
    """Every Text of a chapter the index covers, in reading order (headings too; not the notes)."""
    for text, _ in sectioned_texts(article):
        yield text


def sectioned_texts(article: Article, title: str = ""):
    """(Text, heading of the section it stands in) for every Text the index covers; the chapter's
    opening (standfirst, epigraph, text before the first heading) stands in a section named by the
    chapter's `title`, a heading in its own section."""
    if article.standfirst:
        yield article.standfirst, title
    if article.epigraph:
        for text in article.epigraph.lines:
            yield text, title
        if article.epigraph.source:
            yield article.epigraph.source, title
    section = title
    for block in article.blocks:
        if block.kind is BlockKind.HEADING:
            section = block.lines[0].text
        for text in block.lines:
            yield text, section
        for row in block.rows:
            for text in row:
                yield text, section
        for text in (block.signature, block.source, block.figure.caption if block.figure else None):
            if text is not None:
                yield text, section


def _plain(text: str) -> str:
    """Quotes, dashes and spaces as an editor types them; case kept ("Stalin’s purges", chapter 1's
    section, is not "Stalin’s Purges", chapter 3's)."""
    return " ".join(text.translate(_STRAIGHT).split())


def section_matches(section: str, within: list[str]) -> bool:
    """Whether a section's heading starts as one of `within` does (quotes and dashes aside)."""
    plain = _plain(section)
    return bool(plain) and any(plain.startswith(_plain(w)) for w in within)


@dataclass(frozen=True)
class _Form:
    """One form, as the glossary's matcher takes it: it reports which form matched."""

    id: tuple  # (heading, form)
    forms: tuple
    match_case: bool


def build_index(specs: list[IndexSpec]) -> list[IndexEntry]:
    """The model's entries, without locators yet, sorted as printed."""
    entries = []
    for spec in specs:
        subs = [IndexSubentry(sub_id(spec, s), s.heading, _filed(s.sort or sub_filing(s.heading)),
                              list(s.forms), s.match_case, list(s.within), list(s.exceptions)) for s in spec.sub]
        entries.append(IndexEntry(spec.id, spec.heading, spec.kind, _filed(spec.sort or spec.heading),
                                  list(spec.forms), sorted(subs, key=lambda s: s.sort_key), list(spec.see),
                                  list(spec.see_also), spec.locators, spec.match_case, spec.line,
                                  exceptions=list(spec.exceptions)))
    return sorted(entries, key=lambda e: (e.sort_key, e.heading))


def _filed(heading: str) -> str:
    """Where a heading files: `sort_key`, its numbers in numerical order."""
    return numbers_in_order(sort_key(heading))


def anchor_id(chapter: Chapter, count: int) -> str:
    """The id of the chapter's `count`-th located span (1, 2, … in reading order), under the chapter's
    own prefix as every id of a chapter is; the renderer writes it as the mark's ref says."""
    return f"chapter-{chapter.number}-ix-{count}"


def _span(text: Text, start: int, end: int) -> tuple[int, int] | None:
    """The occurrence widened so that it nests with every other mark, or None if it cannot be an anchor."""
    others = [m for m in text.marks if m.kind not in (MarkKind.NOTE_CALL, MarkKind.INDEX)]
    changed = True
    while changed:
        changed = False
        for m in others:
            crosses = m.start < start < m.end < end or start < m.start < end < m.end
            inside_anchor = m.kind in _ANCHORS and m.start <= start and end <= m.end and (m.start, m.end) != (start, end)
            if crosses or inside_anchor:
                start, end = min(start, m.start), max(end, m.end)
                changed = True
    if any(m.kind is MarkKind.NOTE_CALL and start < m.start < end for m in text.marks):
        return None
    if any(m.kind is MarkKind.INDEX and start < m.end and m.start < end for m in text.marks):
        return None
    if any(start < b and a < end for a, b in (u.span() for u in WEB_ADDRESS.finditer(text.text))):
        return None
    return start, end


def _cites_a_title(entry: IndexEntry, text: Text, start: int, end: int) -> bool:
    """Whether the occurrence is words of a work's title (as `italics:` marks them) that do not name the entry:
    a person, a war or an idea in a book's title is not a mention. A work is located in its own title, and so
    is a newspaper (an organisation) whose title is all of it: *Pravda*."""
    for m in text.marks:
        if is_title(m) and m.start <= start and end <= m.end:
            return not (entry.kind == "work" or entry.kind == "organisation" and (m.start, m.end) == (start, end))
    return False


#: A year right after a place: "Warsaw, 1957", "Moscow 1937" (where a cited book was published).
_IMPRINT_YEAR = re.compile(r",?\s*(?:1[5-9]|20)\d\d\b")


def _imprint_place(entry: IndexEntry, text: Text, start: int, end: int) -> bool:
    """Whether the occurrence is a cited book's place of publication: a place, inside parentheses, before a
    year ("(Bienkowski, *Rewolucji*, Warsaw, 1957, p. 5)"); the book is cited, the city not mentioned."""
    if entry.kind != "place" or not _IMPRINT_YEAR.match(text.text, end):
        return False
    s = text.text
    opened = s.rfind("(", 0, start)
    return opened >= 0 and s.find(")", opened, start) < 0 and s.find(")", end) >= 0


def _scope(entry: IndexEntry, section: str) -> tuple[IndexSubentry, str] | None:
    """The sub-entry whose `within` names the section, and how: the longest (most specific) name wins."""
    named = [(len(w), sub, w) for sub in entry.subentries for w in sub.within if section_matches(section, [w])]
    if not named:
        return None
    _, sub, within = max(named, key=lambda n: n[0])
    return sub, within


def locate_index(chapters: list[Chapter], entries: list[IndexEntry]) -> set[tuple]:
    """Mark every occurrence of every form; return what was found: (heading id, form) for each form
    that occurs, and (sub-entry id, section heading) for each `within` section that located something.

    An occurrence of an entry's own form inside a section a sub-entry names (`within`) is that
    sub-entry's locator: "Hitler, Adolf: and the invasion of the USSR" takes the mentions of Hitler
    in the section "Hitler attacks". An occurrence inside one of a heading's `except` phrases is not its
    mention: not the entry's ("Communist Party journal", Spain's party), or not the sub-entry's, whose
    section it stands in (it falls back to the entry); (heading id, "except", phrase) is found for each.
    """
    headings = {h.id: (entry, h) for entry in entries for h in entry.headings()}
    matcher = Matcher([_Form((h.id, form), (form,), h.match_case)
                       for _, h in headings.values() for form in h.forms])
    exceptions = _Exceptions(headings)
    found: set[tuple] = set()
    for chapter in chapters:
        count = 0
        for text, section in sectioned_texts(chapter.article, chapter.title):
            added = False
            excepted = exceptions.spans(text.text)
            for start, end, (heading_id, form) in list(matcher.find(text.text)):
                found.add((heading_id, form))
                entry, heading = headings[heading_id]
                if _cites_a_title(entry, text, start, end) or _imprint_place(entry, text, start, end):
                    continue  # "Trotsky" in Volkogonov's *Trotsky*, "Warsaw, 1957" in a citation: not mentions
                if excepted.covers(heading_id, start, end, found):
                    continue
                if heading is entry:
                    scope = _scope(entry, section)
                    if scope is not None and excepted.covers(scope[0].id, start, end, found):
                        scope = None
                    if scope is not None:
                        heading = scope[0]
                        found.add((heading.id, scope[1]))
                    elif not entry.own_locators:
                        continue
                span = _span(text, start, end)
                if span is None:
                    continue
                count += 1
                anchor = anchor_id(chapter, count)
                text.marks.append(Mark(MarkKind.INDEX, span[0], span[1], anchor))
                heading.locators.append(IndexLocator(anchor, chapter.id, text.text[start:end]))
                added = True
            if added:
                text.marks.sort(key=lambda m: (m.start, m.end))
    return found


class _Exceptions:
    """The `except` phrases of every heading that has some, found in a text as forms are."""

    def __init__(self, headings: dict):
        self.matchers = {heading_id: Matcher([_Form((heading_id, phrase), (phrase,), heading.match_case)
                                              for phrase in heading.exceptions])
                         for heading_id, (_entry, heading) in headings.items() if heading.exceptions}

    def spans(self, text: str) -> "_Excepted":
        return _Excepted({heading_id: [(start, end, phrase) for start, end, (_, phrase) in matcher.find(text)]
                          for heading_id, matcher in self.matchers.items()})


@dataclass(frozen=True)
class _Excepted:
    by_heading: dict[str, list[tuple[int, int, str]]]

    def covers(self, heading_id: str, start: int, end: int, found: set[tuple]) -> bool:
        """Whether one of the heading's `except` phrases holds the occurrence (noted in `found`)."""
        for a, b, phrase in self.by_heading.get(heading_id, ()):
            if a <= start and end <= b:
                found.add((heading_id, "except", phrase))
                return True
        return False


def unused_forms(specs: list[IndexSpec], found: set[tuple], doc, sections: list[str] = ()) -> list[Problem]:
    """A warning for each form that never occurs in the chapters (a typo, or text that changed), and
    each `within` section that locates nothing (`sections`: every section heading, for the hint)."""
    problems = []
    for spec in specs:
        heads = [(spec.id, spec.heading, spec.forms, (*spec.where, "forms"))]
        heads += [(sub_id(spec, s), f"{spec.heading}: {s.heading}", s.forms, (*s.where, "forms")) for s in spec.sub]
        for heading_id, name, forms, where in heads:
            for j, form in enumerate(forms):
                if (heading_id, form) not in found:
                    problems.append(doc.problem(f"index form '{form}' of '{name}' never occurs in the chapters",
                                                (*where, j), severity="warning",
                                                hint="write it as the cleaned chapter has it (curly ’, dashes), "
                                                     "or remove it"))
        for heading_id, name, phrases, where in (
                [(spec.id, spec.heading, spec.exceptions, (*spec.where, "except"))]
                + [(sub_id(spec, s), f"{spec.heading}: {s.heading}", s.exceptions, (*s.where, "except"))
                   for s in spec.sub]):
            for j, phrase in enumerate(phrases):
                if (heading_id, "except", phrase) not in found:
                    problems.append(doc.problem(f"index exception '{phrase}' of '{name}' holds none of its mentions",
                                                (*where, j), severity="warning",
                                                hint="write the phrase as the cleaned chapter has it, round a "
                                                     "mention the heading would take, or remove it"))
        for sub in spec.sub:
            for j, section in enumerate(sub.within):
                if (sub_id(spec, sub), section) not in found:
                    problems.append(doc.problem(
                        f"'{spec.heading}: {sub.heading}' locates nothing in a section headed '{section}'",
                        (*sub.where, "within", j), severity="warning",
                        hint=_within_hint(section, sections)))
    return problems


def _within_hint(section: str, sections: list[str]) -> str:
    """What to do about a `within` section that locates nothing: name it rightly, or drop it where it is there
    but holds no mention of the entry (an `except` phrase may hold the only ones)."""
    if any(section_matches(heading, [section]) for heading in sections):
        return ("the section is there, but no form of the entry occurs in it outside an 'except' phrase: "
                "remove it from within")
    return did_you_mean(section, sections) or ("name a section by how its heading starts, as the book prints it; "
                                               "the entry's forms must occur in it")


def sub_id(spec: IndexSpec, sub) -> str:
    """A sub-entry's id: its entry's and its own heading's (unique within the entry: checked on loading)."""
    return f"{spec.id}--{'-'.join(sort_key(sub.heading).replace(_QUALIFIER, ' ').split())}"
