"""The pages whose title the cleaner misses, each with the ranker's top candidates: where to look next.

    python benchmarks/title_misses.py                  # every miss on the development set, and a summary
    python benchmarks/title_misses.py --features       # and the features that fire on each candidate shown

Counts as `cleaner_f1.py` does: a page whose metadata title is a line of its text (its words, case and
punctuation aside), and a title right when its words are that line's. Each miss shows the index of the gold
line(s) among the units the head stage sees, the article's first line, the line chosen, the gold line's rank
among the candidates (None: not a candidate), and the top candidates with their scores under the stored
weights (`*` marks the gold).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean import units_before_head  # noqa: E402
from pipeline.clean.body_model import load_model  # noqa: E402
from pipeline.clean.metadata import TITLE_FEATURES, bare_headline, choose_title, title_candidates  # noqa: E402
from pipeline.clean.units import Role  # noqa: E402
from pipeline.seeds import read_seed  # noqa: E402

DEVSET = ROOT.parent / "shared" / "cleaning-devset"
_WORD = re.compile(r"\w+")


def _key(text: str | None) -> tuple[str, ...]:
    return tuple(_WORD.findall((text or "").lower()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET, help="a folder with pages.txt and pages/")
    parser.add_argument("--features", action="store_true", help="print the features that fire on each candidate")
    parser.add_argument("--top", type=int, default=4, help="candidates shown per miss (default: %(default)s)")
    args = parser.parse_args()
    pages = args.devset / "pages"
    model = load_model()
    weights = model.title_weights
    vector = [weights.get(name, 0.0) for name in TITLE_FEATURES]
    right = total = second = absent = 0
    for name in (args.devset / "pages.txt").read_text().split():
        meta = json.loads((pages / f"{name}.meta.json").read_text(encoding="utf-8"))
        title = _key(meta.get("title"))
        lines = (pages / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        if not title or title not in {_key(line) for line in lines}:
            continue
        total += 1
        units = units_before_head(read_seed(pages / f"{name}.txt"), model)
        first = next((i for i, u in enumerate(units) if not u.place and u.role is Role.BODY), 0)
        chosen = choose_title(units, first, weights)
        if chosen is not None and _key(bare_headline(units[chosen].text)) == title:
            right += 1
            continue
        gold = [i for i, u in enumerate(units) if _key(u.text) == title]
        candidates = title_candidates(units, first)
        scored = sorted(((sum(w * x for w, x in zip(vector, row)), i, row) for i, row in candidates),
                        key=lambda t: -t[0])
        rank = next((k for k, (_s, i, _row) in enumerate(scored) if i in gold), None)
        second += rank == 1
        absent += rank is None
        print(f"== {name} gold={gold} first={first} chosen={chosen} rank={rank}")
        print(f"   gold: {meta['title'][:100]!r}")
        print(f"   got : {units[chosen].text[:100]!r}" if chosen is not None else "   got : None")
        for score, i, row in scored[:args.top]:
            fired = " ".join(n for n, x in zip(TITLE_FEATURES, row) if x and n != "bias") if args.features else ""
            print(f"   {'*' if i in gold else ' '}{score:6.2f} [{i}] {units[i].text[:80]!r} {fired}".rstrip())
    print(f"title right on {right} of {total} pages ({right / max(1, total):.1%}); of the misses, the gold is "
          f"second on {second} and no candidate on {absent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
