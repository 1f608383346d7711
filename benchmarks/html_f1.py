"""Our cleaning of saved pages (HTML) side by side with trafilatura and readability-lxml, and with
our own cleaning of the same pages' visible text, on the development set's pages.

    pip install -e ".[bench]"                     # trafilatura and readability-lxml
    python benchmarks/html_f1.py                  # all 654 pages, every system (about 25 min on 2 cores)
    python benchmarks/html_f1.py --only ours      # ours (HTML) only; --only text, trafilatura, readability
    python benchmarks/html_f1.py --every 5        # every fifth page: a quick look
    python benchmarks/html_f1.py --keep DIR       # keep each system's outputs in DIR/<system>/

Every system gets the page's original HTML (`NAME.html.gz`) — ours through
`python -m pipeline clean -q --text --out DIR FILE.html...` in one process, as an editor cleans a
folder of saved pages; text-only is the same command on `NAME.txt`, the page's visible text. Every
system is scored on plain text (ours with `--text`: one block a line, no Markdown, so that link
addresses and image names count against no one), as the libraries give it. The
outputs are scored by the set's own `score.py` (shingle precision, recall and F1 as published
tools are compared; word and line figures; boilerplate leaks). Times are wall-clock for the
whole set, start-up included.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "cleaning-devset"
SYSTEMS = ("ours", "text", "trafilatura", "readability")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br", "figcaption",
           "section", "article", "table", "dd", "dt")


def readability_text(html: str) -> str:
    """readability-lxml's article HTML as text, one block a line."""
    import lxml.html
    from readability import Document
    summary = Document(html).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag == "br":
            continue
        element.text = "\n" + (element.text or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines() if line.strip())


def trafilatura_text(html: str) -> str:
    import trafilatura
    return trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True) or ""


def run_library(system: str, pages: Path, names: list[str], out: Path) -> float:
    extract = trafilatura_text if system == "trafilatura" else readability_text
    started = time.perf_counter()
    for name in names:
        html = gzip.decompress((pages / f"{name}.html.gz").read_bytes()).decode("utf-8", "replace")
        try:
            text = extract(html)
        except Exception as exc:  # a library failing on a page scores that page empty, as it would serve it
            print(f"{system}: {name}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            text = ""
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
    return time.perf_counter() - started


def run_ours(pages: Path, names: list[str], out: Path, html: bool) -> float:
    with tempfile.TemporaryDirectory() as folder:
        inputs = []
        for name in names:
            if html:
                target = Path(folder) / f"{name}.html"
                target.write_bytes(gzip.decompress((pages / f"{name}.html.gz").read_bytes()))
                inputs.append(target)
            else:
                inputs.append(pages / f"{name}.txt")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "clean", "-q", "--text", "--out", str(out),
                        *map(str, inputs)],
                       check=False, cwd=ROOT)
        return time.perf_counter() - started


def score(devset: Path, out: Path, names: list[str], per_file: bool) -> dict:
    """The set's scorer over `names` only (it scores every page of the folder it is given)."""
    report = out.parent / f"{out.name}.score.json"
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            for source in (devset / "pages").glob(f"{name}.*"):
                (Path(folder) / source.name).symlink_to(source)
        command = [sys.executable, str(devset / "score.py"), str(out), "--pages", folder,
                   "--json", str(report)] + (["--per-file"] if per_file else [])
        subprocess.run(command, check=True)
    return json.loads(report.read_text())["summary"]["all"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--only", choices=SYSTEMS, action="append", help="run only these systems")
    parser.add_argument("--every", type=int, default=1, help="take every Nth page")
    parser.add_argument("--keep", type=Path, help="keep the outputs here")
    parser.add_argument("--per-file", action="store_true")
    args = parser.parse_args()
    pages = args.devset / "pages"
    names = [n for n in (args.devset / "pages.txt").read_text().split() if n][::args.every]
    base = args.keep or Path(tempfile.mkdtemp(prefix="html-f1-"))
    rows = []
    for system in args.only or SYSTEMS:
        out = base / system
        out.mkdir(parents=True, exist_ok=True)
        print(f"== {system}: {len(names)} pages", flush=True)
        if system in ("ours", "text"):
            seconds = run_ours(pages, names, out, html=system == "ours")
        else:
            seconds = run_library(system, pages, names, out)
        result = score(args.devset, out, names, args.per_file)
        rows.append((system, result, seconds))
    print(f"\n{'system':<12} {'shingle P':>9} {'R':>6} {'F1':>6} {'word F1':>7} {'seconds':>8} {'ms/page':>8}")
    for system, result, seconds in rows:
        print(f"{system:<12} {result['shingle_P']:9.3f} {result['shingle_R']:6.3f} {result['shingle_F1']:6.3f} "
              f"{result['word_F1']:7.3f} {seconds:8.1f} {1000 * seconds / len(names):8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
