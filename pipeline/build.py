"""The build: editorial/ and seeds/ in, out/<slug>.epub and out/<slug>.pdf out.

Validation and cleaning happen before anything is written; the editions and
the cleaning report are staged as temporary files and moved into out/
together, under a lock, only when all of them are complete.
"""

from __future__ import annotations

import time
from contextlib import contextmanager, nullcontext
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .book_cache import BookCache
from .interrupts import importing_in_background
from .model import BuildInput, NoteOrigin
from .problems import PipelineError, Problem
from .workers import Helpers, helper_count, helpers, timed
from .writers.output import build_lock, explain_write_error, staged_outputs
from .writers.page_list import PageList
from .writers.pdf import import_weasyprint, page_record, write_pdf
from .writers.pdf.helper_tasks import share_chapters, warm_up

if TYPE_CHECKING:
    from .editorial.load import Editorial

# Loading, cleaning and annotating (editorial/, clean/), the EPUB writer, the PDF writer and the
# report are imported where they are used: a build whose book is kept (book_cache) never needs
# the first, with helpers the EPUB is made in one of them, and WeasyPrint, under the PDF writer,
# is imported in a thread while the book is prepared.


def _in_cache(name: str) -> property:
    return property(lambda options: options.project / ".cache" / name)


@dataclass
class BuildOptions:
    project: Path
    out: Path | None = None
    epub: bool = True
    pdf: bool = True
    report: bool = True
    jobs: int = 0  # processes for the PDF's chapters; 0: one per core
    cache_layout: bool = True  # reuse the layout of parts laid out alike by an earlier build
    plain_pdf: bool = False  # make the PDF with WeasyPrint's public API alone (the writer's plain path)

    @property
    def out_dir(self) -> Path:
        return self.out or self.project / "out"

    @property
    def styles(self) -> Path:
        return self.project / "styles"

    # Where each of the build's disk caches lives, under the project's .cache/.
    cache_dir = _in_cache("clean")
    editorial_cache_dir = _in_cache("editorial")
    layout_cache_dir = _in_cache("layout")
    cover_cache_dir = _in_cache("cover")
    libraries_file = _in_cache("libraries.json")
    book_file = _in_cache("book.pickle")

    @property
    def coverage_fonts(self) -> list[Path]:
        """The fonts every character of the book is checked against: those its text is set in."""
        from .text_fonts import text_fonts
        return text_fonts(self.styles)


@dataclass
class BuildResult:
    editorial: Editorial | None  # None when the book was kept from the last build
    made: BuildInput
    outputs: list[Path] = field(default_factory=list)
    pdf: object | None = None  # writers.pdf.writer.PdfResult
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def warnings(self) -> list[Problem]:
        return self.made.warnings


def prepare(options: BuildOptions, cache=None) -> tuple[Editorial, BuildInput]:
    """Load, validate, clean and annotate: everything short of writing."""
    from .coverage import missing_glyphs
    from .editorial.apply import build_book
    from .editorial.load import load_editorial

    _check_styles(options)
    editorial = load_editorial(options.project, cache=options.editorial_cache_dir)
    made = build_book(editorial, cache)
    fonts = options.coverage_fonts
    if fonts:
        made.warnings.extend(missing_glyphs(made.book, fonts))
    return editorial, made


def _check_styles(options: BuildOptions) -> None:
    from .styles_check import styles_problems
    problems = styles_problems(options.styles)
    if problems:
        raise PipelineError(problems)


def _on_disk(cache) -> bool:
    """Whether this build keeps its results on disk (a clean cache with a folder): the prepared
    book and the cover are kept too."""
    return getattr(cache, "folder", None) is not None


def _prepared(options: BuildOptions, cache) -> tuple[Editorial | None, BuildInput]:
    """The book prepared, or as the last build prepared it if nothing it was made from has
    changed (when builds keep their results on disk)."""
    kept = BookCache(options.book_file, options.project) if _on_disk(cache) else None
    made = kept.get() if kept is not None else None
    if made is not None:
        _check_styles(options)  # as `prepare` does: the styles are not among what the kept book depends on
        return None, made
    started = time.time_ns()
    editorial, made = prepare(options, cache)
    if kept is not None:
        kept.put(made, [*editorial.files(), *options.coverage_fonts, options.styles / "shared.css"], started)
    return editorial, made


def build(options: BuildOptions, cache=None, progress=None, on_wait=None,
          prepared: tuple[Editorial, BuildInput] | None = None, notice: Callable[[str], None] | None = None
          ) -> BuildResult:
    """Prepare the book and write the editions. `notice` is told, as the PDF is begun, if it is
    made on the plain path, and why."""
    started = time.perf_counter()
    # WeasyPrint is slow to import: done in a thread, that overlaps loading and cleaning (Ctrl-C waits for it).
    importing = importing_in_background(_import_quietly, options.libraries_file) if options.pdf else nullcontext()
    # Helpers start first: their imports overlap with loading and cleaning here.
    with importing, helpers(*_helpers_wanted(options)) as side:
        editorial, made = prepared or _prepared(options, cache)
        result = BuildResult(editorial, made)
        result.seconds["prepare"] = time.perf_counter() - started
        covers = options.cover_cache_dir if _on_disk(cache) else None
        _write_editions(options, result, side, progress, on_wait, covers, notice)
    result.seconds["total"] = time.perf_counter() - started
    return result


def _helpers_wanted(options: BuildOptions) -> tuple[int, Callable | None]:
    """How many helpers, and what each does as it starts: the PDF's fast path shares its chapters
    and their painting with them, and they import WeasyPrint ahead; the plain path makes the
    PDF in this process, so at most one helper, for the EPUB."""
    if not options.pdf:
        return 0, None
    if options.plain_pdf:
        return min(1, helper_count(options.jobs)) if options.epub else 0, None
    return helper_count(options.jobs), partial(warm_up, options.libraries_file)


def _import_quietly(libraries: Path) -> None:
    """Import WeasyPrint ahead of need; a failure shows where it is used, with its own message."""
    try:
        import_weasyprint(libraries)
    except Exception:
        pass


def _write_editions(options: BuildOptions, result: BuildResult, side: Helpers | None, progress, on_wait,
                    covers: Path | None, notice) -> None:
    """Lay out and package the editions (helpers share the PDF's chapters, then make the EPUB as
    soon as the PDF's pages are known: it marks them)."""
    book, made = result.made.book, result.made
    slug = book.meta.slug
    layouts = options.layout_cache_dir if options.cache_layout and not options.plain_pdf else None
    epub = _EpubJob(book, options.styles, covers, side, result.seconds)
    before = None if options.epub else page_record.load(options.layout_cache_dir, book, options.styles)
    with build_lock(options.out_dir, on_wait=on_wait), staged_outputs(options.out_dir) as outputs, \
            _shared_chapters(options, book, side, layouts) as share:
        if options.pdf:
            t = time.perf_counter()
            target = outputs.stage(f"{slug}.pdf")
            try:
                result.pdf = write_pdf(book, options.styles, target, progress, share, layouts, options.plain_pdf,
                                       notice, epub.start if options.epub else None)
            except OSError as exc:
                raise PipelineError(explain_write_error(exc, options.out_dir / f"{slug}.pdf")) from None
            result.seconds["pdf"] = time.perf_counter() - t
            result.made.warnings.extend(result.pdf.css_notes)
        elif options.epub:
            epub.start(_kept_pages(options, book, notice))
        if options.epub:
            outputs.write_bytes(f"{slug}.epub", epub.result())
        if options.report:
            from .report import cleaning_report
            results = [(c.id, c.title, made.cleaned[c.id]) for c in book.chapters]
            html = cleaning_report(book.meta.title, results, made.style_changes)
            outputs.write_bytes("cleaning-report.html", html.encode("utf-8"))
        result.outputs = outputs.commit()
    if result.pdf is not None:  # the PDF now in out/: its pages serve an EPUB-only build while they hold
        pages = PageList(result.pdf.starts, result.pdf.labels)
        if not options.epub and notice is not None:
            _say_if_epub_is_behind(options, slug, before, pages, notice)
        page_record.save(options.layout_cache_dir, book, options.styles, pages)


def _say_if_epub_is_behind(options: BuildOptions, slug: str, before: PageList | None, pages: PageList,
                           notice) -> None:
    """A PDF-only build leaves the EPUB of an earlier build in out/: say so where its page numbers no
    longer match the new PDF's (a study group turning to page 47 in both editions)."""
    epub = options.out_dir / f"{slug}.epub"
    if epub.exists() and before != pages:
        notice(f"EPUB: {epub} is from an earlier build and gives that PDF's page numbers, not this one's: "
               f"`build --epub` (about a second) brings it up to date")


def _kept_pages(options: BuildOptions, book, notice) -> PageList | None:
    """The pages of the last PDF laid out, if they still hold for this book; else None, said in one line."""
    pages = page_record.load(options.layout_cache_dir, book, options.styles)
    if pages is None and notice is not None:
        notice("EPUB: made without the print edition's page list and page numbers (no PDF laid out for the "
               "book as it is now): a full build adds them")
    return pages


class _EpubJob:
    """The EPUB, made once the print edition's pages are known (or known to be unknown): in a
    helper when there is one, else here."""

    def __init__(self, book, styles: Path, covers: Path | None, side: Helpers | None, seconds: dict):
        self.book, self.styles, self.covers, self.side, self.seconds = book, styles, covers, side, seconds
        self.future = None
        self.pages: PageList | None = None
        self.started = False

    def start(self, pages: PageList | None) -> None:
        self.pages, self.started = pages, True
        if self.side is not None:
            self.future = self.side.submit(timed, epub_bytes, self.book, self.styles, self.covers, pages)

    def result(self) -> bytes:
        if not self.started:
            self.start(None)
        if self.future is not None:
            try:
                data, self.seconds["epub"] = self.future.result()
                return data
            except BrokenProcessPool:  # the helper died (killed, out of memory): make it here
                pass
        t = time.perf_counter()
        data = epub_bytes(self.book, self.styles, self.covers, self.pages)
        self.seconds["epub"] = time.perf_counter() - t
        return data


def epub_bytes(book, styles: Path, covers: Path | None, pages: PageList | None = None) -> bytes:
    """build_epub, by a name a helper can import without the EPUB writer loaded here."""
    from .writers.epub import build_epub
    return build_epub(book, styles, covers, pages)


@contextmanager
def _shared_chapters(options: BuildOptions, book, side: Helpers | None, layouts: Path | None):
    """The PDF's chapters offered to the helpers (None without a PDF, or with --plain-pdf, which
    lays every chapter out in this process); their inbox is removed after. Offered before
    WeasyPrint is imported here: on a version the fast path was not verified on, the helpers
    send nothing and the writer takes the plain path."""
    if not options.pdf or options.plain_pdf:
        yield None
        return
    share = share_chapters(book, options.styles, side, layouts)
    try:
        yield share
    finally:
        share.close()


def chapter_rows(made: BuildInput) -> list[list[str]]:
    """Per chapter: words, source notes, editors' notes, glossary links, lines dropped."""
    rows = []
    for chapter in made.book.chapters:
        notes = chapter.notes
        source = sum(1 for n in notes if n.origin in (NoteOrigin.SOURCE, NoteOrigin.SUPPLIED, NoteOrigin.MISSING))
        editors = sum(1 for n in notes if n.origin is NoteOrigin.EDITOR)
        links = sum(1 for e in made.book.glossary if chapter.id in e.uses)
        dropped = sum(made.cleaned[chapter.id].counts().values())
        rows.append([f"{chapter.number}. {chapter.title}", f"{chapter.article.word_count():,}", str(source),
                     str(editors), str(links), str(dropped)])
    return rows
