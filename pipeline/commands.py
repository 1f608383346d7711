"""The subcommands behind the command line, one function each."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .build import BuildOptions, build, chapter_rows, prepare
from .cache import CleanCache
from .clean import clean
from .console import Console
from .problems import PipelineError, Problem, Problems
from .seeds import read_seed
from .render.markdown import article_markdown, article_text


#: The build's table of chapters: two-line headings, so that the figures stay narrow in 80 columns.
CHAPTER_COLUMNS = ["chapter", "words", "source\nnotes", "editors'\nnotes", "glossary\nlinks", "lines\ndropped"]


def _size(path) -> str:
    size = path.stat().st_size
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"


def run_build(args: argparse.Namespace, console: Console) -> int:
    options = BuildOptions(project=args.project, out=args.out, epub=not args.pdf, pdf=not args.epub,
                           report=not args.no_report, jobs=args.jobs,
                           cache_layout=not args.no_layout_cache, plain_pdf=args.plain_pdf)
    with console.progress("PDF") as progress:
        result = build(options, cache=CleanCache(options.cache_dir), progress=progress,
                       on_wait=lambda: console.info("waiting for another build of this project to finish…"),
                       notice=console.info)
    made = result.made
    console.warnings(result.warnings)
    for chapter in made.book.chapters:
        console.detail(f"{chapter.number}. {chapter.title}: {made.cleaned[chapter.id].summary()}")
    rows = chapter_rows(made)
    totals = [f"{len(rows)} chapters"] + [f"{sum(int(r[i].replace(',', '')) for r in rows):,}" for i in range(1, 6)]
    console.table("Chapters", CHAPTER_COLUMNS, rows, totals)
    for chapter in made.book.chapters:
        console.info(f"  {chapter.number}. cleaned {made.cleaned[chapter.id].article.path.name}: "
                     f"{made.cleaned[chapter.id].summary()}")
    glossary = made.book.glossary
    if glossary:
        links = sum(len(e.uses) for e in glossary)
        console.info(f"Glossary: {len(glossary)} entries, {links} links from the text.")
    if made.book.index:
        places = sum(len(h.locators) for e in made.book.index for h in e.headings())
        console.info(f"Index: {len(made.book.index)} entries, "
                     f"{sum(len(e.subentries) for e in made.book.index)} sub-entries, {places} places located.")
    for number, what, remedy in (result.pdf.relaid if result.pdf else []):
        console.detail(f"PDF: chapter {number} laid out again: {what} ({remedy})")
    if result.pdf and result.pdf.beside:
        console.detail(f"PDF: chapter(s) {', '.join(map(str, result.pdf.beside))} laid out by helper processes")
    if result.pdf and result.pdf.painted_beside:
        console.detail(f"PDF: {result.pdf.painted_beside} of {result.pdf.pages} pages painted by helper processes")
    if result.pdf and result.pdf.reused:
        console.detail(f"PDF: chapter(s) {', '.join(map(str, result.pdf.reused))} unchanged: layout reused")
    for path in result.outputs:
        extra = f", {result.pdf.pages} pages" if path.suffix == ".pdf" and result.pdf else ""
        console.info(f"Wrote {path} ({_size(path)}{extra})")
    timings = ", ".join(f"{k} {v:.1f} s" for k, v in result.seconds.items() if k != "total")
    console.info(f"Built in {result.seconds['total']:.1f} s ({timings}); {len(result.warnings)} warning(s).")
    return 0


def run_check(args: argparse.Namespace, console: Console) -> int:
    started = time.perf_counter()
    options = BuildOptions(project=args.project)
    editorial, made = prepare(options, CleanCache(options.cache_dir))
    console.warnings(made.warnings)
    console.info(f"editorial/ is valid: {len(editorial.chapters)} chapters, {len(editorial.notes)} editors' notes, "
                 f"{len(editorial.glossary)} glossary entries, {len(editorial.index)} index entries, "
                 f"{sum(len(c.corrections) for c in editorial.chapters)} corrections; "
                 f"{len(made.warnings)} warning(s) "
                 f"({time.perf_counter() - started:.1f} s). Nothing was written.")
    return 0


def run_clean(args: argparse.Namespace, console: Console) -> int:
    if len(args.files) > 1 and args.out is None:
        console.problem(Problem(f"{len(args.files)} files given: name a folder for the results with --out DIR"))
        return 2
    if args.out is not None:
        return _clean_batch(args, console)
    return _clean_one(args.files[0], args, console, sys.stdout.write)


def _cleaned_text(result, args: argparse.Namespace) -> str:
    if args.report:
        return _audit(result) + "\n"
    return article_text(result.article) if args.text else article_markdown(result.article)


def _clean_one(path, args: argparse.Namespace, console: Console, write) -> int:
    result = clean(read_seed(path))
    for event in result.warnings():
        console.err.print(f"{path}:{event.line}: warning: {event.detail}", markup=False, style="yellow")
    for block in result.article.blocks:
        if block.figure is not None and not block.figure.alt:
            console.err.print(f"{path}: warning: image {block.figure.name} has no alt text (give it in "
                              f"editorial/book.yaml: figures: [{{image: {block.figure.name}, alt: …}}])",
                              markup=False, style="yellow")
    _warn_if_empty(path, result, console)
    write(_cleaned_text(result, args))
    sys.stdout.flush()
    if not args.quiet and not args.report:
        console.err.print(f"{path}: {result.summary()}", markup=False, style="dim")
    return 0


def _warn_if_empty(path, result, console: Console) -> None:
    if not result.article.has_body():
        console.err.print(f"{path}: warning: the cleaner kept none of the page's text; see why with --report",
                          markup=False, style="yellow")


def _write_whole(path, text: str) -> None:
    """Write a file whole or not at all: a reader of DIR never sees half a result."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        part.write_text(text, encoding="utf-8")
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _batch_targets(args: argparse.Namespace, console: Console) -> list[tuple[Path, Path]]:
    """Each input and the file it is cleaned into, checked before anything is written: no input is written
    over (a seed is never edited), no two inputs share a result, and a file named twice is cleaned once."""
    suffix = ".report.txt" if args.report else ".txt"
    if args.out.exists() and not args.out.is_dir():
        raise PipelineError(Problem("--out names a file, not a folder", args.out,
                                    hint="give a folder for the results, for example --out cleaned/"))
    identities = [_identity(path) for path in args.files]
    inputs = set(identities)
    pairs, cleaned, seen, problems = [], set(), {}, Problems()
    for path, identity in zip(args.files, identities):
        if identity in cleaned:
            console.info(f"{path}: named twice; cleaned once.")
            continue
        cleaned.add(identity)
        target = args.out / (path.stem + suffix)
        if _identity(target) in inputs:
            problems.error("cleaning it into --out would write over an input", target,
                           hint="give --out a folder that holds none of the files to clean")
        elif target in seen:
            problems.error(f"cleans into the same file as {seen[target]} ({target})", path,
                           hint="clean files of the same name into separate --out folders, or rename one")
        seen.setdefault(target, path)
        pairs.append((path, target))
    problems.raise_if_errors()
    return pairs


def _identity(path: Path) -> Path:
    """The file a path names, however it is written (relative, with "..", through a link)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link that leads nowhere, or round in a loop
        return path.absolute()


def _clean_batch(args: argparse.Namespace, console: Console) -> int:
    """Clean every file into DIR, one process for all; a file that fails is named and the rest go on."""
    pairs = _batch_targets(args, console)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError(Problem(f"cannot make the folder: {exc.strerror or exc}", args.out,
                                    hint="give --out a folder you may write to")) from exc
    started, failed = time.perf_counter(), 0
    for index, (path, target) in enumerate(pairs):
        try:
            result = clean(read_seed(path))
        except PipelineError as exc:
            failed += 1
            for problem in exc.problems:
                console.problem(problem)
            continue
        try:
            _write_whole(target, _cleaned_text(result, args))
        except OSError as exc:  # a full disk or a folder not ours: the rest would fail alike
            console.problem(Problem(f"cannot write the result: {exc.strerror or exc}", target,
                                    hint="give --out a folder you may write to, with room on its disk"))
            console.info(f"Cleaned {index - failed} of {len(pairs)} file(s) into {args.out}; stopped at {path}.")
            return 1
        _warn_if_empty(path, result, console)
        console.detail(f"{path} -> {target}: {result.summary()}")
    done = len(pairs) - failed
    console.info(f"Cleaned {done} of {len(pairs)} file(s) into {args.out} "
                 f"in {time.perf_counter() - started:.1f} s" + (f"; {failed} failed." if failed else "."))
    return 1 if failed else 0


def _audit(result) -> str:
    lines = [f"{result.article.path}: {result.summary()}", ""]
    found = [e for e in result.events if e.action == "found"]
    if found:
        lines.append("Found:")
        lines.extend(f"  {e.rule:<10} {e.detail}" for e in found)
        lines.append("")
    lines.append("Dropped:")
    for event in sorted(result.dropped(), key=lambda e: e.line):
        if event.rule == "blank-line" and not event.text.strip():
            continue
        lines.append(f"  {result.where(event.line):>5}  {event.rule:<22} {event.text[:100]}")
        if event.detail and event.stage != "blocks":
            lines.append(f"  {'':>5}  {'':<22} ({event.detail})")
    lines.append("")
    lines.append("Recognised:")
    for event in sorted((e for e in result.events if e.action == "marked"), key=lambda e: e.line):
        lines.append(f"  {result.where(event.line):>5}  {event.rule:<22} {event.text[:100]}")
    warnings = result.warnings()
    if warnings:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"  {e.line:>5}  {e.detail}" for e in warnings)
    counts = result.counts()
    lines.append("")
    lines.append("Counts: " + (", ".join(f"{r} {n}" for r, n in counts.most_common()) or "nothing dropped"))
    return "\n".join(lines)


def run_watch(args: argparse.Namespace, console: Console) -> int:
    from .watch import watch
    return watch(args, console)
