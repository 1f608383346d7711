"""Load `editorial/`: book.yaml, notes.yaml, glossary.yaml, index.yaml and the Markdown files.

Everything is validated before anything else happens, and every mistake in
every file is reported in one run. Paths an editor writes (seeds, Markdown
files) must stay inside the project: no `..`, no absolute paths, no symlinks
that lead out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.units import Overrides
from ..model import BookMeta
from ..problems import PipelineError, Problem, Problems, closest, did_you_mean
from ..style import HouseStyle
from .index_spec import IndexSpec, load_index_specs
from .slug import slugify
from .schema import validate
from .yamlfile import YamlDocument, load_yaml

EDITORIAL = "editorial"
SEEDS = "seeds"
#: The YAML files the pipeline reads from editorial/, each optional but book.yaml.
KNOWN_YAML = ("book.yaml", "notes.yaml", "glossary.yaml", "index.yaml")


@dataclass(frozen=True)
class LineSelector:
    """An editor's way of naming a seed line: how it starts (and which one)."""

    starts: str
    occurrence: int | None
    where: tuple  # path in the YAML document, for error messages


@dataclass
class CleaningSpec:
    keep: list[LineSelector] = field(default_factory=list)
    drop: list[LineSelector] = field(default_factory=list)
    heading: list[LineSelector] = field(default_factory=list)
    quotation: list[LineSelector] = field(default_factory=list)
    paragraph: list[LineSelector] = field(default_factory=list)
    part: list[LineSelector] = field(default_factory=list)

    def all(self):
        for kind in Overrides.KINDS:
            for selector in getattr(self, kind):
                yield kind, selector


@dataclass(frozen=True)
class FigureSpec:
    """What editors say of one image of a saved page (book.yaml `figures:`)."""

    image: str
    alt: str | None
    caption: str | None
    omit: bool
    where: tuple


@dataclass
class ChapterSpec:
    index: int
    id: str
    seed: Path
    title: str | None
    author: str | None
    publication: str | None
    published: str | None
    url: str | None
    summary: str | None
    cleaning: CleaningSpec
    missing_notes: dict[int, tuple[str, tuple]]  # number -> (markdown, yaml path)
    where: tuple
    figures: list[FigureSpec] = field(default_factory=list)
    corrections: list[CorrectionSpec] = field(default_factory=list)
    running_head: str | None = None
    language: str | None = None


@dataclass
class CorrectionSpec:
    """A misprint of the web page and its mending (book.yaml: a chapter's `corrections:`)."""
    was: str
    now: str
    occurrence: int | None
    where: tuple


@dataclass
class NoteSpec:
    index: int
    chapter: str
    after: str
    occurrence: int | None
    text: str
    where: tuple


@dataclass
class GlossarySpec:
    index: int
    id: str
    term: str
    forms: list[str]
    match_case: bool
    definition: str
    see_also: list[str]
    where: tuple
    sort: str = ""  # where it is filed, when not under its term
    see_from: list[str] = field(default_factory=list)  # forms that get a cross-reference to the entry


@dataclass
class Editorial:
    root: Path
    book: YamlDocument
    meta: BookMeta
    chapters: list[ChapterSpec]
    notes_doc: YamlDocument | None = None
    notes: list[NoteSpec] = field(default_factory=list)
    glossary_doc: YamlDocument | None = None
    glossary: list[GlossarySpec] = field(default_factory=list)
    index_doc: YamlDocument | None = None
    index: list[IndexSpec] = field(default_factory=list)
    introduction: Path | None = None
    colophon: Path | None = None
    italics: list[str] = field(default_factory=list)  # the entries' words, as `italics:` lists them
    italics_languages: dict[str, str] = field(default_factory=dict)  # an entry's words -> its language, where given
    style: HouseStyle = field(default_factory=HouseStyle)
    problems: list[Problem] = field(default_factory=list)  # found while loading, reported with the rest

    def chapter(self, chapter_id: str) -> ChapterSpec | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def files(self) -> list[Path]:
        """Every file the book is made from (for caching and watching)."""
        out = [self.book.path]
        out += [d.path for d in (self.notes_doc, self.glossary_doc, self.index_doc) if d is not None]
        out += [p for p in (self.introduction, self.colophon) if p is not None]
        out += [c.seed for c in self.chapters]
        for folder in sorted((self.root / SEEDS).glob("*_files")):  # saved pages' images
            out += sorted(p for p in folder.rglob("*") if p.is_file())
        return out


def inside(root: Path, relative: str, problems: Problems, doc: YamlDocument, where: tuple,
           what: str) -> Path | None:
    """Resolve a path an editor wrote, refusing anything that leaves `root`."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        problems.add(doc.problem(f"{what} '{relative}' points outside {root.name}/", where,
                                 hint=f"name a file inside {root.name}/ by its plain file name"))
        return None
    path = root / candidate
    try:
        resolved = path.resolve(strict=False)
        if not resolved.is_relative_to(root.resolve()):
            problems.add(doc.problem(f"{what} '{relative}' is a link that leads outside {root.name}/",
                                     where, hint="replace the symbolic link by the file itself"))
            return None
    except OSError as exc:
        problems.add(doc.problem(f"cannot resolve {what} '{relative}': {exc}", where))
        return None
    if not path.is_file():
        choices = sorted(p.name for p in root.glob("*") if p.is_file())
        hint = did_you_mean(relative, choices) or (f"files in {root.name}/: " + ", ".join(choices[:8]))
        problems.add(doc.problem(f"{what} '{relative}' does not exist in {root.name}/", where, hint=hint))
        return None
    return path


def _selectors(raw: list, where: tuple) -> list[LineSelector]:
    out = []
    for i, item in enumerate(raw or []):
        if isinstance(item, dict):
            out.append(LineSelector(item["starts"], item.get("occurrence"), (*where, i)))
        else:
            out.append(LineSelector(str(item), None, (*where, i)))
    return out


def _load_chapters(root: Path, doc: YamlDocument, problems: Problems) -> list[ChapterSpec]:
    chapters: list[ChapterSpec] = []
    seen_ids: dict[str, int] = {}
    seen_seeds: dict[str, int] = {}
    for i, raw in enumerate(doc.data.get("chapters", [])):
        where = ("chapters", i)
        seed = inside(root / SEEDS, raw["seed"], problems, doc, (*where, "seed"), "seed")
        chapter_id = raw.get("id") or slugify(raw.get("title") or Path(raw["seed"]).stem)
        if chapter_id in seen_ids:
            problems.add(doc.problem(f"chapter id '{chapter_id}' is used twice (chapters {seen_ids[chapter_id] + 1} "
                                     f"and {i + 1})", (*where, "id") if raw.get("id") else where,
                                     hint=f"give each chapter its own id; notes for '{chapter_id}' are not "
                                          f"checked until then"))
        seen_ids.setdefault(chapter_id, i)
        if raw["seed"] in seen_seeds:
            problems.add(doc.problem(f"seed '{raw['seed']}' is already chapter {seen_seeds[raw['seed']] + 1}",
                                     (*where, "seed"), hint="each article may appear once; remove one entry"))
        seen_seeds.setdefault(raw["seed"], i)
        cleaning_raw = raw.get("cleaning") or {}
        cleaning = CleaningSpec(**{kind: _selectors(cleaning_raw.get(kind), (*where, "cleaning", kind))
                                   for kind in Overrides.KINDS})
        missing: dict[int, tuple[str, tuple]] = {}
        for j, item in enumerate(raw.get("missing_notes") or []):
            if item["number"] in missing:
                problems.add(doc.problem(f"missing note {item['number']} is given twice",
                                         (*where, "missing_notes", j)))
            missing[item["number"]] = (item["text"], (*where, "missing_notes", j, "text"))
        chapters.append(ChapterSpec(
            index=i, id=chapter_id, seed=seed or root / SEEDS / raw["seed"], title=raw.get("title"),
            author=raw.get("author"), publication=raw.get("publication"), published=raw.get("published"),
            url=raw.get("url"), summary=raw.get("summary"), cleaning=cleaning, missing_notes=missing,
            where=where, figures=[FigureSpec(f["image"], f.get("alt"), f.get("caption"), bool(f.get("omit")),
                                             (*where, "figures", j)) for j, f in enumerate(raw.get("figures") or [])],
            corrections=[CorrectionSpec(c["was"], c["now"], c.get("occurrence"), (*where, "corrections", j))
                         for j, c in enumerate(raw.get("corrections") or [])],
            running_head=raw.get("running_head"), language=raw.get("language")))
    return chapters


def _load_notes(doc: YamlDocument, chapters: list[ChapterSpec], problems: Problems) -> list[NoteSpec]:
    """The notes of chapters that book.yaml names once. A note naming an unknown chapter is reported
    once per id; notes of a chapter id used twice are not checked (they would be checked against
    the wrong chapter, burying the one real mistake under many false ones)."""
    ids = list(dict.fromkeys(c.id for c in chapters))
    twice = _duplicate_ids(chapters)
    notes = []
    unknown: dict[str, list[int]] = {}
    for i, raw in enumerate(doc.data.get("notes") or []):
        where = ("notes", i)
        if raw["chapter"] in twice:
            continue  # said once, with the duplicate id
        if raw["chapter"] not in ids:
            unknown.setdefault(raw["chapter"], []).append(i)
        else:
            notes.append(NoteSpec(i, raw["chapter"], raw["after"], raw.get("occurrence"), raw["text"], where))
    for chapter_id, indexes in unknown.items():
        problems.add(_unknown_chapter_problem(doc, chapter_id, indexes, ids, twice))
    return notes


def _duplicate_ids(chapters: list[ChapterSpec]) -> set[str]:
    return {chapter_id for chapter_id, n in Counter(c.id for c in chapters).items() if n > 1}


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _lines(doc: YamlDocument, indexes: list[int]) -> str:
    """'(line 12)' or '(lines 12, 30, 41)': where the notes are, to find them all at once."""
    lines = [str(doc.where(("notes", i, "chapter"))[0]) for i in indexes]
    return f"(line {lines[0]})" if len(lines) == 1 else f"(lines {', '.join(lines)})"


def _unknown_chapter_problem(doc: YamlDocument, chapter_id: str, indexes: list[int], ids: list[str],
                             twice: set[str]) -> Problem:
    """One error for every note naming the same unknown chapter: the id is one mistake, however
    many notes carry it."""
    hint = did_you_mean(chapter_id, ids) or ("chapter ids: " + ", ".join(ids))
    if twice:
        hint += f"; book.yaml uses {', '.join(repr(t) for t in sorted(twice))} twice: was one of them " \
                f"meant to be '{chapter_id}'?"
    where = f", named by {_count(indexes, 'note')} {_lines(doc, indexes)}" if len(indexes) > 1 else ""
    return doc.problem(f"unknown chapter '{chapter_id}'{where}",
                       ("notes", indexes[0], "chapter"), hint=hint)


def _load_glossary(doc: YamlDocument, problems: Problems) -> list[GlossarySpec]:
    entries: list[GlossarySpec] = []
    ids: dict[str, int] = {}
    terms: dict[str, int] = {}
    forms_owner: dict[str, str] = {}
    for i, raw in enumerate(doc.data.get("entries") or []):
        where = ("entries", i)
        entry_id = raw.get("id") or slugify(raw["term"])
        if raw["term"].lower() in terms:
            problems.add(doc.problem(f"duplicate term '{raw['term']}' (also entry {terms[raw['term'].lower()] + 1})",
                                     (*where, "term"), hint="merge the two entries"))
            continue
        if entry_id in ids:
            problems.add(doc.problem(f"duplicate id '{entry_id}' (also entry {ids[entry_id] + 1})",
                                     (*where, "id") if raw.get("id") else (*where, "term"),
                                     hint="give the entry an explicit, different id"))
            continue
        terms[raw["term"].lower()] = i
        ids[entry_id] = i
        forms = [raw["term"], *[f for f in raw.get("forms", []) if f != raw["term"]]]
        for j, form in enumerate(forms):
            key = form if raw.get("match_case", True) else form.lower()
            owner = forms_owner.get(key) or forms_owner.get(form.lower())
            if owner is not None and owner != entry_id:
                problems.add(doc.problem(f"form '{form}' is claimed by two entries ('{owner}' and '{entry_id}')",
                                         (*where, "forms", j - 1) if j else (*where, "term"),
                                         hint="a form may link to one entry only: remove it from one of them"))
            forms_owner[key] = entry_id
        entries.append(GlossarySpec(i, entry_id, raw["term"], forms, raw.get("match_case", True),
                                    raw["definition"], list(raw.get("see_also", [])), where,
                                    raw.get("sort", ""), _see_from(raw, forms, where, doc, problems)))
    known = {e.id for e in entries} | {e.term.lower() for e in entries}
    for entry in entries:
        for j, ref in enumerate(entry.see_also):
            if ref not in known and ref.lower() not in known:
                problems.add(doc.problem(f"see_also '{ref}' names no glossary entry",
                                         (*entry.where, "see_also", j),
                                         hint=did_you_mean(ref, sorted(e.id for e in entries))))
    return entries


def _see_from(raw: dict, forms: list[str], where: tuple, doc, problems: Problems) -> list[str]:
    """The forms a reader may look up under their own letter; each must be one of the entry's forms,
    so that the cross-reference leads from words the text marks."""
    kept = []
    for j, form in enumerate(raw.get("see_from", [])):
        if form not in forms[1:]:
            problems.add(doc.problem(f"see_from '{form}' is not one of the entry's forms",
                                     (*where, "see_from", j),
                                     hint=f"add '{form}' to forms, or remove it from see_from"))
        else:
            kept.append(form)
    return kept


def _optional_doc(path: Path, schema: str, problems: Problems, cache: Path | None = None) -> YamlDocument | None:
    if not path.exists():
        return None
    try:
        doc = load_yaml(path, cache)
    except PipelineError as exc:
        problems.extend(exc.problems)
        return None
    schema_problems = validate(doc, schema)
    problems.extend(schema_problems)
    return None if schema_problems else doc


def load_editorial(root: Path, cache: Path | None = None) -> Editorial:
    """Load and validate the whole editorial tree.

    Problems that stop everything (no book.yaml, a book.yaml that breaks its
    schema) raise at once; the rest are kept on the Editorial and raised by
    the next step together with its own, so that one run reports them all.
    With a `cache` folder, parsed files are kept there by their bytes.
    """
    root = root.resolve()
    folder = root / EDITORIAL
    problems = Problems()
    book_path = folder / "book.yaml"
    if not book_path.is_file():
        twin = closest("book.yaml", [p.name for p in _listed(folder)], ignore_case=True) if folder.is_dir() else None
        raise PipelineError(Problem("editorial/book.yaml not found", book_path,
                                    hint=f"rename editorial/{twin} to book.yaml" if twin else
                                    "run from the project folder, or pass --project DIR"))
    book = _optional_doc(book_path, "book", problems, cache)
    notes_doc = _optional_doc(folder / "notes.yaml", "notes", problems, cache)
    glossary_doc = _optional_doc(folder / "glossary.yaml", "glossary", problems, cache)
    index_doc = _optional_doc(folder / "index.yaml", "index", problems, cache)
    if book is None:
        raise PipelineError(problems.errors)
    data = book.data
    chapters = _load_chapters(root, book, problems)
    meta = BookMeta(
        title=data["title"], subtitle=data.get("subtitle"), editor=data["editor"],
        language=data["language"], identifier=data["identifier"],
        slug=data.get("slug") or slugify(data["title"]), publisher=data.get("publisher"),
        date=data.get("date"), rights=data.get("rights"), description=data.get("description"),
        isbn=data.get("isbn"), credit=data.get("credit"))
    italics = [entry["words"] if isinstance(entry, dict) else entry for entry in data.get("italics") or []]
    languages = {entry["words"]: entry["language"] for entry in data.get("italics") or [] if isinstance(entry, dict)}
    editorial = Editorial(root, book, meta, chapters, italics=italics, italics_languages=languages,
                          style=HouseStyle.from_yaml(data.get("style")))
    if data.get("introduction"):
        editorial.introduction = inside(folder, data["introduction"], problems, book, ("introduction",),
                                        "introduction")
    if data.get("colophon"):
        editorial.colophon = inside(folder, data["colophon"], problems, book, ("colophon",), "colophon")
    _unread_files(folder, [editorial.introduction, editorial.colophon], problems)
    if notes_doc is not None:
        editorial.notes_doc = notes_doc
        editorial.notes = _load_notes(notes_doc, chapters, problems)
    if glossary_doc is not None:
        editorial.glossary_doc = glossary_doc
        editorial.glossary = _load_glossary(glossary_doc, problems)
    if index_doc is not None:
        editorial.index_doc = index_doc
        editorial.index = load_index_specs(index_doc, problems)
    editorial.problems = problems.items
    return editorial


def _listed(folder: Path) -> list[Path]:
    """The files an editor sees in `folder` (not hidden ones: editors' tools leave those)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _is_read(path: Path, read: list[Path]) -> bool:
    return any(path.name == r.name or (r.exists() and path.samefile(r)) for r in read)  # samefile: case-blind disks


def _unread_files(folder: Path, named: list[Path | None], problems: Problems) -> None:
    """Files in editorial/ the pipeline does not read: a renamed or misspelt file would otherwise
    drop its content without a word. Where the file it stands for is missing, that is an error."""
    expected = [folder / name for name in KNOWN_YAML] + [p for p in named if p is not None and p.parent == folder]
    names = [p.name for p in expected]
    for path in _listed(folder):
        if _is_read(path, expected):
            continue
        target = closest(path.name, names, ignore_case=True)
        if target in KNOWN_YAML and not (folder / target).exists() and _looks_like_yaml(path):
            problems.add(Problem(f"{path.name} is not read: the pipeline reads {target}, which is missing, so "
                                 f"what {path.name} holds is left out of the book", path,
                                 hint=f"rename it to {target}"))
        else:
            problems.add(Problem(f"{path.name} is not read by the pipeline", path, severity="warning",
                                 hint=_unread_hint(path, target, names)))


def _looks_like_yaml(path: Path) -> bool:
    return any(f".{ext}" in path.name.lower() for ext in ("yaml", "yml"))


def _unread_hint(path: Path, target: str | None, names: list[str]) -> str:
    if target is not None:
        return f"{did_you_mean(path.name, [target], ignore_case=True)} Rename it if it should replace that file, " \
               f"or move it out of editorial/"
    if path.suffix.lower() == ".md":
        return "book.yaml names the Markdown files it uses (introduction:, colophon:); name it there or move it"
    return "editorial/ is read for " + ", ".join(names) + "; move other files out of it"
