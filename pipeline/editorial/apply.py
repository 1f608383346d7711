"""Apply the editorial layer: seeds plus editorial/ become the Book.

Order matters and is fixed: clean each seed with the editors' overrides,
anchor the editors' notes, number every note, then link glossary terms (which
must not swallow a note call), set the house style, and last locate the index's
forms in the text as it will be printed. Every error is collected and raised
together, before any output exists.
"""

from __future__ import annotations

from pathlib import Path

from ..clean import CleanResult, clean
from ..model import BlockKind, Book, BuildInput, Chapter, GlossaryEntry, Prose
from ..problems import PipelineError, Problem, Problems
from ..language_tags import same_language
from ..seeds import read_seed
from .figures import apply_figures
from .glossary import link_glossary, unused_warnings
from .index_marks import build_index, locate_index, unused_forms
from ..style import StyleChanges, apply_house_style, book_texts
from .corrections import correct_misprints
from .epigraph import attribute_epigraph
from .italics import set_italics, title_of
from .load import ChapterSpec, Editorial
from .notes import anchor_editor_notes, number_notes
from .overrides import resolve_overrides
from .prose import Finding, markdown_findings, parse_markdown
from .running_head import RUNNING_HEAD_MAX, short_running_head
from .yamlfile import YamlDocument


def clean_chapter(spec: ChapterSpec, editorial: Editorial, cache=None) -> tuple[CleanResult | None, list[Problem]]:
    """Read and clean one seed with the editors' overrides (through the cache if given)."""
    try:
        source = read_seed(spec.seed)
    except PipelineError as exc:
        return None, exc.problems
    overrides, problems = resolve_overrides(spec, source, editorial.book)
    if problems:
        return None, problems
    if cache is not None:
        return cache.clean(source, overrides), []
    return clean(source, overrides), []


def _chapter(spec: ChapterSpec, number: int, result: CleanResult, editorial: Editorial,
             problems: Problems) -> Chapter:
    article = result.article
    title = spec.title or (article.title.text if article.title else None)
    if not title:
        problems.add(editorial.book.problem(
            f"chapter {spec.index + 1} ({spec.seed.name}) has no title line in its article",
            spec.where, hint="add a title: to this chapter in editorial/book.yaml"))
        title = spec.seed.stem
    if not article.has_body():
        problems.add(editorial.book.problem(
            f"chapter {spec.index + 1} ({spec.seed.name}): the cleaner kept none of its text (every line was "
            f"dropped as the page's furniture, or the page holds none)", spec.where,
            hint=f"see why with `python -m pipeline clean {spec.seed} --report`, and bring the article's lines "
                 f"back with cleaning: keep: […] in this chapter"))
    for event in result.warnings():
        problems.warning(f"chapter '{spec.id}': {event.detail}", spec.seed, event.line)
    apply_figures(article, spec, editorial, problems)
    return Chapter(id=spec.id, number=number, title=title, author=spec.author or article.author,
                   article=article, publication=spec.publication or article.publication,
                   published=spec.published or article.published, url=spec.url, summary=spec.summary,
                   running_head=spec.running_head,
                   language=own_language(spec.language or article.language, editorial.meta.language))


def own_language(language: str | None, book_language: str) -> str | None:
    """A chapter's language where it is not the book's (a page in Russian in an English reader): the editors',
    else the article's. The same language in another region ("en-US" in an "en-GB" book) is the book's."""
    return language if language and not same_language(language, book_language) else None


def _set_running_head(chapter: Chapter, editorial: Editorial, problems: Problems) -> None:
    """The words over print's pages: the editors' short form, or the title (as styled) cut to fit one line,
    and then a warning that says which words, and how to choose others."""
    if chapter.running_head:
        return
    short = short_running_head(chapter.title)
    chapter.running_head = short or chapter.title
    if short:
        spec = next(s for s in editorial.chapters if s.id == chapter.id)
        problems.add(editorial.book.problem(
            f"chapter '{chapter.id}': its title ({len(chapter.title)} characters) is too long for one line over "
            f"the print edition's pages, which are headed '{short}'", spec.where, severity="warning",
            hint=f"give this chapter running_head: in editorial/book.yaml (at most {RUNNING_HEAD_MAX} characters)"))


def _glossary(editorial: Editorial) -> list[GlossaryEntry]:
    entries = []
    for spec in editorial.glossary:
        line, _ = editorial.glossary_doc.where(spec.where)
        entries.append(GlossaryEntry(spec.id, spec.term, spec.forms, parse_markdown(spec.definition),
                                     [_see_also_id(ref, editorial) for ref in spec.see_also],
                                     spec.match_case, line or 0, sort=spec.sort, see_from=spec.see_from))
    return sorted(entries, key=GlossaryEntry.filing)


def _see_also_id(ref: str, editorial: Editorial) -> str:
    for spec in editorial.glossary:
        if ref in (spec.id, spec.term) or ref.lower() == spec.term.lower():
            return spec.id
    return ref


def _read_markdown(path: Path | None, problems: Problems, key: str) -> list[Prose]:
    """A Markdown file book.yaml names (under `key`), as prose; one that holds no text is a warning,
    since the book would print the part's heading over nothing."""
    if path is None:
        return []
    try:
        raw = path.read_bytes()
        source = raw.decode("utf-8-sig")
        blocks = parse_markdown(source)
        problems.extend(Problem(f.message, path, f.line, hint=f.hint, severity=f.severity)
                        for f in markdown_findings(source, headings=False))
        if not blocks:
            problems.warning(f"{path.name} is empty: the book's {key} will have no text", path,
                             hint=f"write it, or remove '{key}:' from editorial/book.yaml")
        return blocks
    except UnicodeDecodeError as exc:
        problems.error(f"not valid UTF-8 at byte offset {exc.start}", path, raw.count(b"\n", 0, exc.start) + 1,
                       hint="save the file as UTF-8")
    except OSError as exc:
        problems.error(f"cannot read: {exc.strerror}", path)
    return []


def _yaml_markdown_problems(editorial: Editorial) -> list[Problem]:
    """What the editors' Markdown in YAML values (notes, supplied notes, glossary definitions) would
    lose or print as typed, each at the line of its value."""
    values: list[tuple[YamlDocument, str, tuple]] = []
    values += [(editorial.notes_doc, n.text, (*n.where, "text")) for n in editorial.notes]
    values += [(editorial.book, text, where) for c in editorial.chapters for text, where in c.missing_notes.values()]
    values += [(editorial.glossary_doc, g.definition, (*g.where, "definition")) for g in editorial.glossary]
    return [_value_problem(doc, where, finding) for doc, text, where in values for finding in markdown_findings(text)]


def _value_problem(doc: YamlDocument, where: tuple, finding: Finding) -> Problem:
    return doc.problem(finding.message, where, hint=finding.hint, severity=finding.severity)


def build_book(editorial: Editorial, cache=None) -> BuildInput:
    problems = Problems()
    problems.extend(editorial.problems)
    chapters: list[Chapter] = []
    cleaned: dict[str, CleanResult] = {}
    changes = StyleChanges()
    for number, spec in enumerate(editorial.chapters, start=1):
        if not spec.seed.is_file():
            continue  # already reported while loading
        result, chapter_problems = clean_chapter(spec, editorial, cache)
        problems.extend(chapter_problems)
        if result is None:
            continue
        cleaned[spec.id] = result
        chapter = _chapter(spec, number, result, editorial, problems)
        problems.extend(correct_misprints(chapter.article, spec, editorial.book, f"chapter {number}", changes))
        attribute_epigraph(chapter.article.epigraph)
        notes = [n for n in editorial.notes if n.chapter == spec.id]
        problems.extend(anchor_editor_notes(chapter.article, notes, editorial.notes_doc) if notes else [])
        chapter.notes, note_problems = number_notes(spec.id, chapter.article, spec, notes, editorial.book)
        problems.extend(note_problems)
        chapters.append(chapter)
    problems.extend(_yaml_markdown_problems(editorial))
    glossary = _glossary(editorial) if editorial.glossary else []
    introduction = _read_markdown(editorial.introduction, problems, "introduction")
    colophon = _read_markdown(editorial.colophon, problems, "colophon")
    book = Book(editorial.meta, chapters, introduction, glossary, colophon)
    if editorial.italics:  # everywhere: chapters, notes, glossary, introduction, sources
        problems.extend(set_italics(list(book_texts(book)), editorial, changes))
    if glossary:
        uses = link_glossary(chapters, glossary)
        problems.extend(unused_warnings(glossary, uses, editorial.glossary_doc.path))
    problems.raise_if_errors()
    apply_house_style(book, editorial.style, keep_as_written=[title_of(e) for e in editorial.italics], changes=changes)
    for chapter in chapters:
        _set_running_head(chapter, editorial, problems)
    if editorial.index:
        book.index = build_index(editorial.index)
        found = locate_index(chapters, book.index)
        sections = sorted({c.title for c in chapters} | {b.lines[0].text for c in chapters for b in c.article.blocks
                                                           if b.kind is BlockKind.HEADING})
        problems.extend(unused_forms(editorial.index, found, editorial.index_doc, sections))
    return BuildInput(book, cleaned, problems.warnings, changes)
