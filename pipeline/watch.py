"""`watch`: rebuild whenever editorial/, seeds/ or styles/ change.

The EPUB is rebuilt first (about a second, through the cache of cleaned
articles; with the last PDF's page numbers while they hold), then the PDF and,
with its pages, the EPUB again. Each round prints what changed and any warning that
was not there before; an error is shown and the watch goes on.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from watchfiles import watch as watch_changes

from .build import BuildOptions, build, prepare
from .cache import CleanCache
from .console import Console
from .problems import PipelineError


_SOURCES = {".yaml", ".yml", ".md", ".txt", ".html", ".htm", ".css", ".ttf", ".otf", ".json", ".jpg", ".jpeg",
            ".png", ".gif", ".webp", ".svg"}


def _describe(changes, root: Path) -> str:
    """The changed files an editor would recognise (not editors' temporary files)."""
    names = sorted({str(Path(path).resolve().relative_to(root)) for _, path in changes
                    if not Path(path).name.startswith(".")
                    and (Path(path).exists() or Path(path).suffix in _SOURCES)})
    return ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")


class Watcher:
    def __init__(self, args: argparse.Namespace, console: Console):
        self.console = console
        self.root = args.project.resolve()
        self.options = BuildOptions(project=self.root, out=args.out)
        self.epub_only = args.epub
        self.cache = CleanCache(self.options.cache_dir)
        self.known_warnings: set[str] | None = None

    def round(self) -> bool:
        """One rebuild; False when the input has errors."""
        started = time.perf_counter()
        try:
            prepared = prepare(self.options, self.cache)
            epub = build(BuildOptions(self.root, self.options.out, epub=True, pdf=False), prepared=prepared)
        except PipelineError as exc:
            for problem in exc.problems:
                self.console.problem(problem)
            self.console.info("not rebuilt: fix the errors above; still watching.")
            return False
        warnings = {str(w) for w in epub.warnings}
        new = sorted(warnings - self.known_warnings) if self.known_warnings is not None else sorted(warnings)
        for text in new:
            self.console.err.print(text, style="yellow", markup=False)
        gone = len(self.known_warnings - warnings) if self.known_warnings is not None else 0
        self.known_warnings = warnings
        self.console.info(f"EPUB rebuilt in {time.perf_counter() - started:.1f} s"
                          f" ({len(new)} new warning(s){f', {gone} resolved' if gone else ''}).")
        if not self.epub_only:
            pdf_started = time.perf_counter()
            try:
                # The EPUB again too: made beside the PDF's writing, it gets the new layout's pages.
                result = build(BuildOptions(self.root, self.options.out, epub=True, pdf=True, report=True),
                               prepared=prepared)
                self.console.info(f"PDF rebuilt in {time.perf_counter() - pdf_started:.1f} s "
                                  f"({result.pdf.pages} pages), and the EPUB with its page numbers.")
            except PipelineError as exc:
                for problem in exc.problems:
                    self.console.problem(problem)
        return True

    def run(self, stop_event=None) -> int:
        folders = [self.root / name for name in ("editorial", "seeds", "styles")]
        self.console.info(f"Watching {', '.join(f.name + '/' for f in folders)} — Ctrl-C to stop.")
        self.round()
        for changes in watch_changes(*folders, debounce=300, stop_event=stop_event):
            shown = _describe(changes, self.root)
            if not shown:
                continue
            self.console.info(f"Changed: {shown}")
            self.round()
        return 0


def watch(args: argparse.Namespace, console: Console) -> int:
    try:
        return Watcher(args, console).run()
    except KeyboardInterrupt:
        console.info("stopped watching.")
        return 0
