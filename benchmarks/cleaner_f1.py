"""How well the cleaner keeps article bodies and drops the rest, on real pages, and reads their metadata.

    python benchmarks/cleaner_f1.py                     # the development set (../shared/cleaning-devset)
    python benchmarks/cleaner_f1.py --devset DIR        # another set in the same layout
    python benchmarks/cleaner_f1.py --per-file          # and a row per page
    python benchmarks/cleaner_f1.py --invented          # the fourteen invented pages of tests/data/pages

The whole set is cleaned in one process, as an editor would clean a folder of pages:
`python -m pipeline clean -q --out TMP FILE...`. Then the set's own scorer (`score.py`) prints its
table (shingle precision, recall and F1 as published tools are compared; word and line figures;
snippet leaks), and this script adds how often the front matter's title, author and date are the
ones the set's metadata gives, out of the pages whose text shows them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean.datetext import find_dates  # noqa: E402

DEVSET = ROOT.parent / "shared" / "cleaning-devset"
INVENTED = ROOT / "tests" / "data" / "pages"
_WORD = re.compile(r"\w+")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def clean_batch(files: list[Path], out: Path) -> float:
    """Clean every file into `out` in one process; the seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "clean", "-q", "--out", str(out), *map(str, files)],
                   check=True, cwd=ROOT)
    return time.perf_counter() - started


def front_matter(text: str) -> dict[str, str]:
    match = _FRONT.match(text)
    if not match:
        return {}
    fields = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(": ")
        fields[key] = json.loads(value) if value.startswith('"') else value
    return fields


def _key(text: str | None) -> tuple[str, ...]:
    return tuple(_WORD.findall((text or "").lower()))


def metadata_accuracy(pages: Path, names: list[str], out: Path) -> dict[str, tuple[int, int]]:
    """Right answers and pages that could be answered, for the title, the author and the date."""
    counts: Counter = Counter()
    for name in names:
        meta_file = pages / f"{name}.meta.json"
        if not meta_file.exists():
            continue
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        text = (pages / f"{name}.txt").read_text(encoding="utf-8")
        got = front_matter((out / f"{name}.txt").read_text(encoding="utf-8")) if (out / f"{name}.txt").exists() else {}
        if meta.get("title") and _key(meta["title"]) in {_key(line) for line in text.splitlines()}:
            counts["title", "pages"] += 1
            counts["title", "right"] += _key(got.get("title")) == _key(meta["title"])
        if meta.get("author") and meta["author"].lower() in text.lower():
            counts["author", "pages"] += 1
            counts["author", "right"] += _key(got.get("author")) == _key(meta["author"])
        if meta.get("date") and any(found.iso == meta["date"] for found in find_dates(text)):
            counts["date", "pages"] += 1
            counts["date", "right"] += got.get("date") == meta["date"]
    return {what: (counts[what, "right"], counts[what, "pages"]) for what in ("title", "author", "date")}


def score_invented() -> int:
    """The invented pages: output against their hand-made truth, as multisets of 4-word shingles."""
    from pipeline.clean import clean
    from pipeline.seeds import read_seed
    from pipeline.render.markdown import article_text
    print(f"{'page':<28} {'precision':>9} {'recall':>7} {'F1':>6}")
    scores = []
    for page in sorted(p for p in INVENTED.glob("*.txt") if not p.name.endswith(".truth.txt")):
        truth = page.with_name(page.stem + ".truth.txt").read_text(encoding="utf-8")
        p, r, f = shingle_score(article_text(clean(read_seed(page)).article), truth)
        scores.append(f)
        print(f"{page.stem:<28} {p:9.3f} {r:7.3f} {f:6.3f}")
    print(f"{'mean':<28} {'':9} {'':7} {sum(scores) / len(scores):6.3f}")
    return 0


def shingle_score(output: str, truth: str, size: int = 4) -> tuple[float, float, float]:
    def shingles(text: str) -> Counter:
        tokens = _WORD.findall(text.lower())
        return Counter(tuple(tokens[i:i + size]) for i in range(max(0, len(tokens) - size + 1)))
    got, want = shingles(output), shingles(truth)
    common = sum((got & want).values())
    precision, recall = common / max(1, sum(got.values())), common / max(1, sum(want.values()))
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET, help="a folder with pages.txt, pages/ and score.py")
    parser.add_argument("--per-file", action="store_true", help="print a row per page")
    parser.add_argument("--invented", action="store_true", help="score the invented pages of tests/data/pages")
    args = parser.parse_args()
    if args.invented:
        return score_invented()
    pages = args.devset / "pages"
    names = [n for n in (args.devset / "pages.txt").read_text().split() if n]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        seconds = clean_batch([pages / f"{name}.txt" for name in names], out)
        scorer = [sys.executable, str(args.devset / "score.py"), str(out), "--pages", str(pages)]
        subprocess.run(scorer + (["--per-file"] if args.per_file else []), check=True)
        print(f"cleaned {len(names)} pages in one process in {seconds:.1f} s "
              f"({1000 * seconds / len(names):.0f} ms a page, start-up included)")
        for what, (right, total) in metadata_accuracy(pages, names, out).items():
            print(f"{what:<6} right on {right} of {total} pages that show it ({right / max(1, total):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
