"""Learn the markup layer of the body model from the development set's saved pages, cross-validated by site.

    pip install -e ".[train]"
    python benchmarks/train_markup_model.py              # 5 folds by site, then train on all and write
    python benchmarks/train_markup_model.py --no-write   # measure only

Each page's HTML (`NAME.html.gz`) goes through the HTML reader and the cleaner's stages up to the
body stage. The text body model (`data/body_model.json`) is frozen: its eight channel scores per
block are computed once. Every block gets its markup features (`pipeline/clean/markup_model.py`)
and a state from the gold text: a block is article text when most of its 4-word shingles (for a
short block: its words, in a gold line) are in the page's gold. An averaged structured perceptron
then learns weights for the markup features only, decoding with the text scores added, with a
margin: a wrong state costs the block's words over the page's article words.

Cross-validation holds out a fifth of the sites per fold (by a hash of the domain) and reports
the block-level precision and recall of "in the article" on held-out pages; the full cleaner's
shingle F1 with a fold's weights is measured by `benchmarks/html_f1.py`. The weights written are
trained on every page; the fold figures are stored beside them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import pickle
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean import units_for_body  # noqa: E402
from pipeline.clean.body_model import (AFTER, ASIDE, BEFORE, BODY, CHANNELS, CHANGES, load_model,  # noqa: E402
                                       viterbi)
from pipeline.clean.features import is_prose  # noqa: E402
from pipeline.clean.markup_model import MARKUP_FEATURES, MARKUP_INDEX, MODEL_FILE, MarkupModel, markup_rows  # noqa: E402
from pipeline.clean.signals import page_features  # noqa: E402
from pipeline.seeds import read_seed  # noqa: E402
from folds import domain_of, fold_of  # noqa: E402  (benchmarks/folds.py)

DEVSET = ROOT.parent / "shared" / "cleaning-devset"
_WORD = re.compile(r"\w+")
_CHANGE = {move: 4 + k for k, move in enumerate(CHANGES)}


@dataclass
class Page:
    name: str
    domain: str
    text_scores: list[list[float]]
    rows: list[list[int]]  # indices of the markup features that are on, per block
    states: list[int]
    cost: list[float]  # per block: its words over the page's article words
    texts: list[str]
    gold: str

    def relabel(self, share: float) -> bool:
        """States from the gold with a block counted as article text when `share` of its shingles are gold."""
        labels = block_labels(self.texts, self.gold, share)
        # The article's span runs from its first to its last gold block of some length: a short block
        # that happens to match the gold (a menu item named like a heading) does not stretch it.
        long = [i for i, v in enumerate(labels) if v and len(self.texts[i].split()) >= 6]
        if not long:
            return False
        labels = [v if long[0] <= i <= long[-1] else 0 for i, v in enumerate(labels)]
        states = gold_states(labels)
        if states is None:
            return False
        words = [max(1, len(t.split())) for t in self.texts]
        article = sum(w for w, s in zip(words, states) if s == BODY) or 1
        self.states, self.cost = states, [w / article for w in words]
        return True


def block_labels(texts: list[str], gold: str, share: float = 0.5) -> list[int]:
    tokens = _WORD.findall(gold.lower())
    shingles = {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}
    lines = {tuple(_WORD.findall(line.lower())) for line in gold.splitlines()}
    joined = " " + " ".join(tokens) + " "
    out = []
    for text in texts:
        words = _WORD.findall(text.lower())
        if len(words) >= 4:
            own = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
            out.append(1 if sum(s in shingles for s in own) >= share * len(own) else 0)
        else:
            out.append(1 if words and (tuple(words) in lines or (len(words) >= 2 and f" {' '.join(words)} " in joined))
                       else 0)
    return out


def gold_states(labels: list[int]) -> list[int] | None:
    ones = [i for i, v in enumerate(labels) if v]
    if not ones:
        return None
    a, b = ones[0], ones[-1]
    return [BEFORE if i < a else AFTER if i > b else (BODY if labels[i] else ASIDE) for i in range(len(labels))]


def load_page(args: tuple[Path, str]) -> Page | None:
    pages, name = args
    try:
        source = read_seed(pages / f"{name}.html.gz")
    except Exception as exc:  # a page the reader refuses is left out of training, and said so
        print(f"{name}: {exc}", file=sys.stderr)
        return None
    units, language = units_for_body(source)
    units = [u for u in units if u.text]
    if not units:
        return None
    model = load_model()
    lexicon = model.lexicon if language.name == model.lexicon_language else {}
    texts = [u.text for u in units]
    text_scores = [model.channels(r) for r in page_features(texts, language, lexicon)]
    rows = [[j for j, v in enumerate(row) if v] for row in markup_rows(units)]
    page = Page(name, domain_of(name), text_scores, rows, [], [], texts,
                (pages / f"{name}.gold.txt").read_text(encoding="utf-8"))
    return page if page.relabel(0.5) else None


def _scores(page: Page, weights: list[list[float]], margin: float = 0.0) -> list[list[float]]:
    out = []
    for i, (base, on) in enumerate(zip(page.text_scores, page.rows)):
        s = list(base)
        for j in on:
            w = weights[j]
            for k in range(CHANNELS):
                s[k] += w[k]
        if margin:
            for state in (BEFORE, BODY, ASIDE, AFTER):
                if state != page.states[i]:
                    s[state] += margin * page.cost[i] * 20
        out.append(s)
    return out


def _phi(page: Page, path: list[int]) -> dict[tuple[int, int], float]:
    counts: dict[tuple[int, int], float] = {}
    previous = BEFORE
    for i, state in enumerate(path):
        channels = [state]
        if i == 0 and state == BODY:
            channels.append(_CHANGE[(BEFORE, BODY)])
        elif i and (previous, state) in _CHANGE:
            channels.append(_CHANGE[(previous, state)])
        for j in page.rows[i]:
            for k in channels:
                counts[(j, k)] = counts.get((j, k), 0.0) + 1.0
        previous = state
    return counts


def train(pages: list[Page], epochs: int = 8, seed: int = 1, rate: float = 0.2,
          margin: float = 1.0) -> list[list[float]]:
    model = load_model()
    n = len(MARKUP_FEATURES)
    weights = [[0.0] * CHANNELS for _ in range(n)]
    total = [[0.0] * CHANNELS for _ in range(n)]
    rng = random.Random(seed)
    steps = 0
    for _epoch in range(epochs):
        order = list(pages)
        rng.shuffle(order)
        for page in order:
            steps += 1
            path = viterbi(_scores(page, weights, margin=margin), model.base, model.initial)
            if path != page.states:
                gold, got = _phi(page, page.states), _phi(page, path)
                for key in set(gold) | set(got):
                    delta = rate * (gold.get(key, 0.0) - got.get(key, 0.0))
                    if delta:
                        weights[key[0]][key[1]] += delta
                        total[key[0]][key[1]] += delta * steps
    # averaged perceptron: w_avg = w - total / steps
    return [[w - t / steps for w, t in zip(wr, tr)] for wr, tr in zip(weights, total)]


def train_averaged(pages: list[Page], epochs: int, rate: float, margin: float, orders: int) -> list[list[float]]:
    """The mean of the weights learned from `orders` shuffles of the pages: one perceptron's weights
    depend on the order it met the pages in (held-out F1 moved by ±0.003 from one seed to the next);
    their mean does not."""
    runs = [train(pages, epochs, seed=1 + k, rate=rate, margin=margin) for k in range(orders)]
    return [[sum(run[i][c] for run in runs) / orders for c in range(CHANNELS)] for i in range(len(runs[0]))]


def measure(pages: list[Page], weights: list[list[float]]) -> tuple[float, float, float]:
    """Precision and recall of "in the article", by words, averaged over pages (as score.py averages
    its shingle figures), and the F1 of the two means."""
    model = load_model()
    precisions, recalls = [], []
    figure = MARKUP_INDEX["element_figure"]
    for page in pages:
        path = viterbi(_scores(page, weights), model.base, model.initial)
        kept = good = gold = 0.0
        for state, truth, cost, text, on in zip(path, page.states, page.cost, page.texts, page.rows):
            # the outside stage drops a saved page's aside, but for a figure's caption that reads as prose
            state = BODY if state == ASIDE and figure in on and is_prose(text) else state
            kept += cost * (state == BODY)
            gold += cost * (truth == BODY)
            good += cost * (state == BODY and truth == BODY)
        precisions.append(good / kept if kept else 0.0)
        recalls.append(good / gold if gold else 1.0)
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _load_all(args) -> list[Page]:
    if args.cache and args.cache.exists():
        return pickle.loads(args.cache.read_bytes())
    pages_dir = args.devset / "pages"
    names = [n for n in (args.devset / "pages.txt").read_text().split() if n]
    with multiprocessing.Pool(args.jobs) as pool:
        pages = [p for p in pool.map(load_page, [(pages_dir, n) for n in names], chunksize=8) if p]
    if args.cache:
        args.cache.write_bytes(pickle.dumps(pages))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--orders", type=int, default=4, help="shuffles of the pages whose weights are averaged")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="keep the loaded pages in this pickle (and read them from it)")
    parser.add_argument("--rates", default="0.05,0.1", help="learning rates tried (chosen by cross-validation)")
    parser.add_argument("--margins", default="1", help="margins tried")
    parser.add_argument("--label-share", type=float, default=0.8,
                        help="share of a block's shingles in the gold text that makes it article text")
    args = parser.parse_args()
    pages = [p for p in _load_all(args) if p.relabel(args.label_share)]
    print(f"{len(pages)} pages loaded")
    zero = [[0.0] * CHANNELS for _ in MARKUP_FEATURES]
    best = None
    for rate in map(float, args.rates.split(",")):
        for margin in map(float, args.margins.split(",")):
            folds = []
            for fold in range(args.folds):
                held = [p for p in pages if fold_of(p.name, args.folds) == fold]
                trained = train_averaged([p for p in pages if fold_of(p.name, args.folds) != fold], args.epochs,
                                         rate, margin, args.orders)
                folds.append({"fold": fold, "pages": len(held), "text_only": measure(held, zero),
                              "with_markup": measure(held, trained)})
            f1 = sum(f["with_markup"][2] * f["pages"] for f in folds) / sum(f["pages"] for f in folds)
            alone = sum(f["text_only"][2] * f["pages"] for f in folds) / sum(f["pages"] for f in folds)
            print(f"rate {rate:g} margin {margin:g}: held-out F1 {f1:.4f} (text model alone {alone:.4f}); "
                  + "; ".join(f"fold {f['fold']} {f['text_only'][2]:.3f}->{f['with_markup'][2]:.3f}" for f in folds),
                  flush=True)
            if best is None or f1 > best[0]:
                best = (f1, rate, margin, folds)
    _, rate, margin, folds = best
    if best[0] <= alone:  # the markup layer does not help on held-out sites: the text model alone
        print("no setting beats the text model alone on held-out sites: writing zero weights")
        rate, weights = 0.0, zero
    else:
        print(f"chosen: rate {rate:g}, margin {margin:g}")
        weights = train_averaged(pages, args.epochs, rate, margin, args.orders)
    model = MarkupModel(tuple(f.name for f in MARKUP_FEATURES), tuple(tuple(round(x, 4) for x in w) for w in weights),
                        {"trained": datetime.date.today().isoformat(), "pages": len(pages), "epochs": args.epochs,
                         "rate": rate, "margin": margin, "orders": args.orders,
                         "folds": folds, "how": "benchmarks/train_markup_model.py, text body model frozen"})
    if not args.no_write:
        MODEL_FILE.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
