"""Command line: `python -m pipeline build | check | clean FILE | watch`.

Exit status: 0 success, 1 errors in the input (each named with file and
line), 2 a mistake in the command itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .console import Console
from .problems import PipelineError, Problem

DESCRIPTION = """\
Turn scraped web articles into an annotated reader: an EPUB 3 and a print PDF.

Editors change the book only through editorial/ (book.yaml, notes.yaml,
glossary.yaml and Markdown files); seeds/ holds the articles as received.
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path("."), metavar="DIR",
                        help="the project folder holding editorial/, seeds/ and styles/ (default: .)")
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    noise.add_argument("-v", "--verbose", action="store_true", help="print every warning and step")


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {value!r}")
    return int(value)


def _folder_name(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError("expected a folder's name, not an empty string")
    return Path(value)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m pipeline", description=DESCRIPTION,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser("build", help="build out/<slug>.epub, out/<slug>.pdf and the cleaning report",
                                description="Validate editorial/, clean every seed, and write the EPUB, the "
                                            "PDF and out/cleaning-report.html. Nothing in out/ changes unless "
                                            "the whole build succeeds.")
    _common(build)
    only = build.add_mutually_exclusive_group()
    only.add_argument("--epub", action="store_true", help="build the EPUB edition only (about a second)")
    only.add_argument("--pdf", action="store_true", help="build the PDF edition only")
    build.add_argument("--out", type=_folder_name, metavar="DIR", help="write the editions here (default: out/)")
    build.add_argument("--no-report", action="store_true", help="do not write out/cleaning-report.html")
    build.add_argument("--no-layout-cache", action="store_true",
                       help="lay out every part of the PDF afresh (default: reuse the layout of unchanged parts, "
                            "kept in .cache/layout/)")
    build.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help="processes that lay out the PDF's chapters side by side (default: one per core)")
    build.add_argument("--plain-pdf", action="store_true",
                       help="make the PDF with WeasyPrint's public API only: one process, no layout cache, none "
                            "of the writer's fixes or speed-ups inside WeasyPrint (slower; what a WeasyPrint "
                            "release the fast path was not verified on gets anyway)")

    check = commands.add_parser("check", help="validate editorial/ and every seed; build nothing",
                                description="Check the schema of every editorial file, that every chapter's "
                                            "seed exists and cleans, and that every quoted phrase (notes, "
                                            "glossary forms, cleaning overrides) is found. Writes nothing. "
                                            "Exit 0 when clean, 1 with errors.")
    _common(check)

    clean = commands.add_parser("clean", help="clean article files and print them as Markdown",
                                description="Clean an article that is not (yet) in the book and print it as "
                                            "Markdown (a front-matter block with the title, author and date "
                                            "the page gives, then # title, ## headings, > quotations), or with "
                                            "--report the audit of every dropped and recognised line. With "
                                            "--out DIR, clean many files in one go: DIR/NAME.txt for each "
                                            "input NAME.txt or NAME.html (NAME.report.txt with --report).")
    clean.add_argument("files", type=Path, nargs="+", metavar="FILE",
                       help="a plain-text copy of a web page (.txt), or a page saved by a browser (.html, .htm; .mhtml, .mht)")
    clean.add_argument("--out", type=_folder_name, metavar="DIR",
                       help="write one output file per input into DIR instead of printing (needed for several files)")
    shown = clean.add_mutually_exclusive_group()
    shown.add_argument("--report", action="store_true", help="print the cleaning audit instead of the text")
    shown.add_argument("--text", action="store_true",
                       help="print plain text, one block a line, instead of Markdown")
    noise = clean.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    noise.add_argument("-v", "--verbose", action="store_true", help="print every warning")

    watch = commands.add_parser("watch", help="rebuild whenever editorial/, seeds/ or styles/ change",
                                description="Build once, then rebuild on every change under editorial/, "
                                            "seeds/ or styles/: the EPUB first (about a second), then the PDF. "
                                            "Stop with Ctrl-C.")
    _common(watch)
    watch.add_argument("--epub", action="store_true", help="rebuild the EPUB only")
    watch.add_argument("--out", type=_folder_name, metavar="DIR", help="write the editions here (default: out/)")
    for command in (build, check, clean, watch):
        command.set_defaults(command_parser=command)
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args, unknown = top.parse_known_args(argv)
    if unknown:  # said by the command's own usage, which lists the options it takes
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    console = Console(quiet=args.quiet, verbose=args.verbose)
    from . import commands
    try:
        return getattr(commands, f"run_{args.command}")(args, console)
    except PipelineError as exc:
        for problem in exc.problems:
            console.problem(problem)
        errors = [p for p in exc.problems if p.severity == "error"]
        console.err.print(f"{len(errors)} error(s): nothing was written.", style="bold red", markup=False)
        return 1
    except KeyboardInterrupt:
        console.err.print("interrupted: nothing was written.", markup=False)
        return 130
    except OSError as exc:
        console.problem(Problem(f"{exc.strerror or exc}", Path(exc.filename) if exc.filename else None))
        return 1


def exit_now(code: int) -> None:
    """Exit without freeing the laid-out book object by object, which takes a while for a whole
    book: everything is written and closed by now; only the console's buffers are left to flush."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0 if code is None else int(code))


if __name__ == "__main__":
    exit_now(main())
