"""How well the cleaner keeps article bodies and drops the rest, on pages it was not written for.

For each page in tests/data/pages/ (a page's visible text, one block a line, with a
hand-made `.truth.txt` of its article body), the cleaner's plain-text output is compared
with the truth as multisets of 4-word shingles: precision, recall and F1.

    python benchmarks/cleaner_f1.py            # a table, then the mean F1
    python benchmarks/cleaner_f1.py --show 03  # what was lost and what leaked on page 03
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean import clean  # noqa: E402
from pipeline.read import read_seed  # noqa: E402
from pipeline.render.markdown import article_text  # noqa: E402

PAGES = ROOT / "tests" / "data" / "pages"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i:i + size]) for i in range(max(0, len(tokens) - size + 1)))


def score(output: str, truth: str) -> tuple[float, float, float]:
    got, want = shingles(output), shingles(truth)
    common = sum((got & want).values())
    precision = common / max(1, sum(got.values()))
    recall = common / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cleaned_text(page: Path) -> str:
    return article_text(clean(read_seed(page)).article)


def pages() -> list[Path]:
    return sorted(p for p in PAGES.glob("*.txt") if not p.name.endswith(".truth.txt"))


def evaluate() -> list[tuple[str, float, float, float]]:
    rows = []
    for page in pages():
        truth = page.with_name(page.stem + ".truth.txt").read_text(encoding="utf-8")
        rows.append((page.stem, *score(cleaned_text(page), truth)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", metavar="PREFIX", help="list lost and leaked lines of the matching page")
    args = parser.parse_args()
    if args.show:
        page = next(p for p in pages() if p.name.startswith(args.show))
        truth = page.with_name(page.stem + ".truth.txt").read_text(encoding="utf-8").splitlines()
        out = cleaned_text(page).splitlines()
        norm = lambda s: " ".join(_TOKEN.findall(s.lower()))  # noqa: E731
        kept = {norm(line) for line in out}
        wanted = {norm(line) for line in truth}
        print("LOST:")
        for line in truth:
            if norm(line) not in kept:
                print("  -", line[:110])
        print("LEAKED:")
        for line in out:
            if norm(line) not in wanted:
                print("  +", line[:110])
        return 0
    rows = evaluate()
    print(f"{'page':<28} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, p, r, f in rows:
        print(f"{name:<28} {p:9.3f} {r:7.3f} {f:6.3f}")
    mean = sum(f for *_, f in rows) / len(rows)
    print(f"{'mean':<28} {'':9} {'':7} {mean:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
