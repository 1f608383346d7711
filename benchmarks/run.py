"""Speed and scale of the build, side by side with pandoc, on this machine.

    python benchmarks/run.py                 # build timings, pandoc comparison, 4x and 16x corpora
    python benchmarks/run.py --runs 3 --no-scale
    python benchmarks/run.py --quick         # one run of each, no scale: a smoke test

Every figure is the median of several runs of a fresh `python -m pipeline …` process
(start-up included), with the peak memory of that process and its helper processes together.
The pandoc rows clean the same seeds with `python -m pipeline clean` first (not timed)
and are skipped, with a message, when pandoc (or WeasyPrint's command) is not installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    name: str
    seconds: list[float]
    peak_mb: float
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants now (Linux /proc; 0 elsewhere)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


class TreeMemory(threading.Thread):
    """Samples the summed memory of a process tree every 20 ms (helpers run beside the build)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.02):
            self.peak = max(self.peak, _tree_rss(self.pid))


def measure(command: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one run of a command with all its child processes.

    The peak is the largest sum over the process tree seen while sampling, and never less
    than the largest single process's own peak (which the kernel keeps exactly).
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read().decode()[-800:]}")
    process.stderr.close()
    return elapsed, max(usage.ru_maxrss / 1024, sampler.peak / 2**20)


@dataclass
class Job:
    """One figure: a command, and what to do before each run of it."""
    name: str
    command: list[str]
    before: object = None
    env: dict | None = None


def interleaved(jobs: list[Job], runs: int) -> list[Row]:
    """Run every job once per round, round after round, so that a machine whose speed
    drifts (shared cloud cores do) slows every figure alike and the ratios stay fair."""
    seconds: dict[str, list[float]] = {job.name: [] for job in jobs}
    peaks: dict[str, float] = {job.name: 0.0 for job in jobs}
    for _ in range(runs):
        for job in jobs:
            if job.before:
                job.before()
            elapsed, peak = measure(job.command, env=job.env)
            seconds[job.name].append(elapsed)
            peaks[job.name] = max(peaks[job.name], peak)
    return [Row(job.name, seconds[job.name], peaks[job.name]) for job in jobs]


def copy_project(target: Path) -> Path:
    for folder in ("editorial", "seeds", "styles"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def pipeline(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "build", "--project", str(project), "-q", *args]


def ours(work: Path) -> tuple[list[Job], callable]:
    """Our builds; returns the jobs and a function that undoes the note edits."""
    project = copy_project(work / "project")
    notes = project / "editorial" / "notes.yaml"
    original = notes.read_text(encoding="utf-8")
    counter = {"n": 0}

    def edit_one_note() -> None:
        counter["n"] += 1
        notes.write_text(original.replace("text: >-", f"text: >-\n      (Edit {counter['n']}.)", 1),
                         encoding="utf-8")

    def restore() -> None:  # rewritten only if edited: a file just written keeps the next book from being kept
        if notes.read_text(encoding="utf-8") != original:
            notes.write_text(original, encoding="utf-8")

    def forget() -> None:  # a first build: no cleaned article, parsed file or layout kept
        restore()
        shutil.rmtree(project / ".cache", ignore_errors=True)

    def forget_book() -> None:  # the cleaned articles kept, the book prepared and every page laid out
        restore()
        shutil.rmtree(project / ".cache" / "layout", ignore_errors=True)
        (project / ".cache" / "book.pickle").unlink(missing_ok=True)

    def forget_layout() -> None:  # the book kept (pandoc's input is cleaned text too), every page laid out
        restore()
        shutil.rmtree(project / ".cache" / "layout", ignore_errors=True)

    return [Job(COLD, pipeline(project), forget),
            Job(UNPREPARED, pipeline(project), forget_book),
            Job(UNLAID, pipeline(project), forget_layout),
            Job(FULL, pipeline(project), restore),
            Job(EPUB, pipeline(project, "--epub"), restore),
            Job("ours: EPUB after a one-note edit", pipeline(project, "--epub"), edit_one_note),
            Job(EDITED, pipeline(project), edit_one_note)], restore


def pandoc_jobs(work: Path) -> list[Job]:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc is not installed: pandoc rows skipped (apt-get install pandoc).")
        return []
    markdown = work / "book.md"
    order = re.findall(r"seed:\s*(\S+)", (ROOT / "editorial" / "book.yaml").read_text(encoding="utf-8"))
    parts = []
    for seed in order:
        done = subprocess.run([sys.executable, "-m", "pipeline", "clean", "-q", str(ROOT / "seeds" / seed)],
                              capture_output=True, check=True, cwd=ROOT)
        parts.append(done.stdout.decode("utf-8"))
    markdown.write_text("\n\n".join(parts), encoding="utf-8")
    meta = ["--metadata", "title=Stalin and Stalinism"]
    jobs = [Job(PANDOC_EPUB, [pandoc, str(markdown), *meta, "-o", str(work / "p.epub")])]
    weasy_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{weasy_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    if shutil.which("weasyprint", path=env["PATH"]):
        jobs.append(Job(PANDOC_PDF, [pandoc, str(markdown), *meta, "--pdf-engine=weasyprint",
                                     "-o", str(work / "p.pdf")], env=env))
    else:
        print("weasyprint's command is not on PATH: the pandoc PDF row is skipped.")
    return jobs


COLD, UNPREPARED = "ours: first build, nothing cached", "ours: full build, book prepared, no layout"
UNLAID = "ours: full build, book kept, no layout"
FULL, EDITED = "ours: full build again, unchanged", "ours: full build after a one-note edit"
EPUB = "ours: EPUB only"
PANDOC_EPUB, PANDOC_PDF = "pandoc: EPUB", "pandoc: PDF (WeasyPrint engine)"


def ratios(rows: list[Row]) -> None:
    """Ours/pandoc as the median of each round's ratio (robust to drift between rounds)."""
    by_name = {r.name: r for r in rows}
    if PANDOC_EPUB in by_name:
        epub = by_name[EPUB]
        per_round = [a / b for a, b in zip(epub.seconds, by_name[PANDOC_EPUB].seconds)]
        epub.note = f"ours/pandoc EPUB {statistics.median(per_round):.2f}"
    if PANDOC_PDF in by_name:
        both = [a + b for a, b in zip(by_name[PANDOC_EPUB].seconds, by_name[PANDOC_PDF].seconds)]
        for name in (n for n in (COLD, UNPREPARED, UNLAID, FULL, EDITED) if n in by_name):
            per_round = [a / b for a, b in zip(by_name[name].seconds, both)]
            by_name[name].note = (f"ours/pandoc (EPUB + PDF: {statistics.median(both):.2f}s) "
                                  f"{statistics.median(per_round):.2f}")


def corpus(work: Path, factor: int) -> Path:
    """The reader's seeds repeated `factor` times as chapters under other names."""
    project = work / f"corpus-{factor}x"
    (project / "seeds").mkdir(parents=True)
    (project / "editorial").mkdir()
    shutil.copytree(ROOT / "styles", project / "styles")
    book = (ROOT / "editorial" / "book.yaml").read_text(encoding="utf-8")
    head = book[:book.index("chapters:")].replace("introduction: introduction.md\n", "")
    head = head.replace("colophon: colophon.md\n", "")
    chapters = []
    for copy in range(factor):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            name = f"{copy:02d}-{seed.name}"
            shutil.copy(seed, project / "seeds" / name)
            chapters.append(f"  - seed: {name}\n    id: c{copy}-{seed.stem[:3]}\n    title: Chapter {len(chapters) + 1}\n")
    (project / "editorial" / "book.yaml").write_text(head + "chapters:\n" + "".join(chapters), encoding="utf-8")
    return project


def scale(runs: int, work: Path, factors=(1, 4, 16)) -> list[Row]:
    rows = []
    for factor in factors:
        project = corpus(work, factor)
        rows += interleaved([Job(f"scale {factor:>2}x ({5 * factor} chapters): full build", pipeline(project))],
                            runs)
    base = rows[0].median
    for row, factor in zip(rows, factors):
        row.note = f"{row.median / base:.1f}x the time of 1x"
    return rows


def report(rows: list[Row]) -> str:
    lines = [f"{'':42} {'median':>8} {'min':>7} {'max':>7} {'peak MB':>8}  note"]
    for row in rows:
        lines.append(f"{row.name:42} {row.median:7.2f}s {min(row.seconds):6.2f}s {max(row.seconds):6.2f}s "
                     f"{row.peak_mb:8.0f}  {row.note}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--no-scale", action="store_true", help="skip the 4x and 16x corpora")
    parser.add_argument("--scale-runs", type=int, default=1, help="runs per corpus size (default 1)")
    parser.add_argument("--quick", action="store_true", help="one run of each, no scale (a smoke test)")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jobs, restore = ours(work)
        rows = interleaved(jobs + pandoc_jobs(work), runs)
        restore()
        ratios(rows)
        if not (args.no_scale or args.quick):
            rows += scale(args.scale_runs, work)
        print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
