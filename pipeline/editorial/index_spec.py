"""index.yaml as the editors wrote it, checked: ids, forms, cross-references.

The schema has already checked the shape; this checks what a schema cannot: two
entries under one id or heading, a form claimed by two headings (its locators would
belong to both), a "see" or "see also" that names no entry, and an entry with neither
forms nor a "see". Every mistake names its line and column, with the nearest valid name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problems, did_you_mean
from .slug import slugify
from .yamlfile import YamlDocument


@dataclass
class SubentrySpec:
    heading: str
    forms: list[str]
    sort: str | None
    match_case: bool
    where: tuple
    within: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)  # `except`: phrases where a mention is not this one's


@dataclass
class IndexSpec:
    index: int
    id: str
    heading: str
    kind: str
    forms: list[str]
    sort: str | None
    match_case: bool
    locators: bool
    sub: list[SubentrySpec]
    see: list[str]
    see_also: list[str]
    where: tuple
    line: int = 0
    exceptions: list[str] = field(default_factory=list)  # `except`: phrases where a form does not name the entry


def entry_id(heading: str) -> str:
    return slugify(heading)


def _form(text: str) -> str:
    """A form as the text has it after the house style: apostrophes are curly."""
    return " ".join(text.replace("'", "’").split())


def _entry(i: int, raw: dict, doc: YamlDocument) -> IndexSpec:
    where = ("entries", i)
    subs = [SubentrySpec(s["heading"], [_form(f) for f in s.get("forms") or []], s.get("sort"),
                         s.get("match_case", raw.get("match_case", True)), (*where, "sub", j), list(s.get("within") or []),
                         [_form(f) for f in s.get("except") or []])
            for j, s in enumerate(raw.get("sub") or [])]
    line, _ = doc.where(where)
    return IndexSpec(i, raw.get("id") or entry_id(raw["heading"]), raw["heading"], raw["kind"],
                     [_form(f) for f in raw.get("forms") or []], raw.get("sort"), raw.get("match_case", True),
                     raw.get("locators", True), subs, list(raw.get("see") or []), list(raw.get("see_also") or []),
                     where, line or 0, [_form(f) for f in raw.get("except") or []])


def _check_forms(entries: list[IndexSpec], doc: YamlDocument, problems: Problems) -> None:
    """A form may locate one heading only (an entry's or a sub-entry's)."""
    owners: dict[str, str] = {}
    for entry in entries:
        heads = [(entry.heading, entry.forms, (*entry.where, "forms"))]
        heads += [(f"{entry.heading}: {s.heading}", s.forms, (*s.where, "forms")) for s in entry.sub]
        for name, forms, where in heads:
            for j, form in enumerate(forms):
                key = form.lower()  # "party" also locates "Party": the two would overlap
                owner = owners.get(key)
                if owner is not None and owner != name:
                    problems.add(doc.problem(f"form '{form}' is claimed by two headings ('{owner}' and '{name}')",
                                             (*where, j), hint="a form locates one heading only: remove it from one"))
                owners.setdefault(key, name)


def _check_references(entries: list[IndexSpec], doc: YamlDocument, problems: Problems) -> None:
    known = {e.id: e for e in entries}
    by_heading = {e.heading.lower(): e for e in entries}
    for entry in entries:
        entry.see = _resolved(entry, "see", entry.see, known, by_heading, doc, problems)
        entry.see_also = _resolved(entry, "see_also", entry.see_also, known, by_heading, doc, problems)


def _resolved(entry: IndexSpec, key: str, refs: list[str], known: dict, by_heading: dict, doc: YamlDocument,
              problems: Problems) -> list[str]:
    """The ids a "see" or "see also" names, each mistake reported where it stands."""
    resolved = []
    for j, ref in enumerate(refs):
        target = known.get(ref) or by_heading.get(ref.lower())
        if target is None:
            hint = did_you_mean(ref, sorted(known)) or did_you_mean(ref, sorted(e.heading for e in known.values()))
            problems.add(doc.problem(f"{key} '{ref}' names no index entry", (*entry.where, key, j),
                                     hint=hint or "give an entry's id or heading"))
        elif target.id == entry.id:
            problems.add(doc.problem(f"{key} '{ref}' is the entry itself", (*entry.where, key, j)))
        else:
            resolved.append(target.id)
    return resolved


def load_index_specs(doc: YamlDocument, problems: Problems) -> list[IndexSpec]:
    """The entries of a schema-valid index.yaml, with every problem of meaning added to `problems`."""
    entries: list[IndexSpec] = []
    ids: dict[str, int] = {}
    headings: dict[str, int] = {}
    for i, raw in enumerate(doc.data.get("entries") or []):
        entry = _entry(i, raw, doc)
        if entry.heading.lower() in headings:
            problems.add(doc.problem(f"duplicate heading '{entry.heading}' (also entry {headings[entry.heading.lower()] + 1})",
                                     (*entry.where, "heading"), hint="merge the two entries"))
            continue
        if entry.id in ids:
            problems.add(doc.problem(f"duplicate id '{entry.id}' (also entry {ids[entry.id] + 1})",
                                     (*entry.where, "id") if raw.get("id") else (*entry.where, "heading"),
                                     hint="give the entry an explicit, different id"))
            continue
        if entry.see and (entry.forms or entry.sub):
            problems.add(doc.problem(f"entry '{entry.heading}' has 'see' and forms or sub-entries of its own",
                                     (*entry.where, "see"), hint="an entry that sends the reader elsewhere has no "
                                     "locators: move its forms to the entry it names, or use see_also"))
        elif not entry.see and not entry.forms:
            problems.add(doc.problem(f"entry '{entry.heading}' has neither forms nor 'see'", entry.where,
                                     hint="add the forms under which it appears in the chapters, or 'see: [id]'"))
        if not entry.locators and not entry.sub:
            problems.add(doc.problem(f"entry '{entry.heading}' has 'locators: false' but no sub-entries",
                                     (*entry.where, "locators"), hint="it would list nothing: add sub-entries"))
        seen_subs: set[str] = set()
        for sub in entry.sub:
            if not sub.forms and not sub.within:
                problems.add(doc.problem(f"sub-entry '{sub.heading}' has neither forms nor within", sub.where,
                                         hint="give the words that locate it, or the sections (by their headings) "
                                              "whose mentions of the entry it takes"))
            if sub.within and entry.see:
                problems.add(doc.problem(f"sub-entry '{sub.heading}' takes mentions of an entry that has none",
                                         (*sub.where, "within")))
            if sub.heading.lower() in seen_subs:
                problems.add(doc.problem(f"sub-entry '{sub.heading}' is given twice under '{entry.heading}'",
                                         (*sub.where, "heading"), hint="merge the two sub-entries"))
            seen_subs.add(sub.heading.lower())
        ids[entry.id] = i
        headings[entry.heading.lower()] = i
        entries.append(entry)
    _check_forms(entries, doc, problems)
    _check_references(entries, doc, problems)
    return entries
