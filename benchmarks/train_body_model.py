"""Train the cleaner's body model on the development set, and cross-validate it by site.

    pip install -e ".[train]"
    python benchmarks/train_body_model.py                  # cross-validate, train on all, write the weights
    python benchmarks/train_body_model.py --folds 0        # train on all pages only (a minute)
    python benchmarks/train_body_model.py --no-write       # measure without replacing the weights

The development set (`../shared/cleaning-devset/`, or --devset DIR) holds page dumps with a 0/1
label per line. Each page goes through the cleaner's own stages up to the body stage; every line
gets its named features (`pipeline/clean/signals.py`) and a state (before the article, in it, an
aside inside it, after it) from the labels. The weights are learned by an averaged structured
perceptron whose decoding is cost-weighted: keeping a debris line or losing an article line
costs its words over the page's article words, the way the shingle score weighs pages.

The word lexicon is learned from the training pages only: a word's log-odds of being article
text rather than page furniture, for words seen on at least MIN_DOMAINS sites, so that nothing
learned belongs to one site. Cross-validation holds out whole sites (a fifth of the domains per
fold), runs the full cleaner with the fold's model on the held-out pages and scores its Markdown
with the development set's own scorer. The weights written are trained on every page; the
cross-validated and whole-set figures are stored beside them.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import math
import multiprocessing
import os
import pickle
import re
import sys
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean import clean, units_before_head, units_for_body  # noqa: E402
from pipeline.clean.body_model import (ALLOWED, BEFORE, BODY, ASIDE, AFTER, CHANGES, CHANNELS,  # noqa: E402
                                       MODEL_FILE, STATE_NAMES, BodyModel)
from pipeline.clean.metadata import TITLE_FEATURES, bare_headline, pick_title, title_candidates  # noqa: E402
from pipeline.clean.signals import FEATURES, add_lexicon_features, page_features  # noqa: E402
from pipeline.seeds import read_seed  # noqa: E402
from folds import domain_of, fold_of  # noqa: E402  (benchmarks/folds.py)
from pipeline.render.markdown import article_markdown  # noqa: E402

DEVSET = ROOT.parent / "shared" / "cleaning-devset"
MIN_DOMAINS = 25  # a lexicon word must occur on this many sites
LEXICON_SIZE = 500
_WORD = re.compile(r"[^\W\d_]{2,}")
_MOVE = {move: k for k, move in enumerate(ALLOWED)}
_CHANGE = {move: k for k, move in enumerate(CHANGES)}


@dataclass
class Page:
    name: str
    domain: str
    texts: list[str]
    rows: np.ndarray  # features without the lexicon columns
    states: np.ndarray
    words: np.ndarray  # words per line, for the cost of a mistake
    article_words: float
    lexicon_off: bool = False  # a copy that trains the model for pages in languages the lexicon lacks


def gold_states(labels: list[int]) -> np.ndarray | None:
    ones = [i for i, v in enumerate(labels) if v]
    if not ones:
        return None
    a, b = ones[0], ones[-1]
    return np.array([BEFORE if i < a else AFTER if i > b else (BODY if labels[i] else ASIDE)
                     for i in range(len(labels))])


def load_page(pages: Path, name: str) -> list[Page]:
    """The page, and for some pages a copy cut down to the article (see `_cuts`)."""
    units, language = units_for_body(read_seed(pages / f"{name}.txt"))
    line_labels = [int(x) for x in (pages / f"{name}.labels.txt").read_text().split()]
    labels = [max(line_labels[n - 1] for n in range(u.line, max(u.line, u.last_line) + 1)) for u in units]
    texts = [u.text for u in units]
    if gold_states(labels) is None:
        return []
    out = []
    for suffix, (lo, hi) in _cuts(name, labels):
        states = gold_states(labels[lo:hi])
        words = np.array([max(1, len(t.split())) for t in texts[lo:hi]], float)
        out.append(Page(name + suffix, domain_of(name), texts[lo:hi],
                        np.array(page_features(texts[lo:hi], language)), states, words,
                        float(words[states == BODY].sum()) or 1.0))
    if zlib.crc32(name.encode()) % 3 == 0:
        whole = out[0]
        out.append(Page(name + "#no-lexicon", whole.domain, whole.texts, whole.rows, whole.states, whole.words,
                        whole.article_words, lexicon_off=True))
    return out


def _cuts(name: str, labels: list[int]) -> list[tuple[str, tuple[int, int]]]:
    """The whole page, and for half the pages a copy as an editor might paste it: from a line or
    three above the article (its title, a byline, a menu's last item), to a few lines past its
    end (a "Read more" label, a share bar's remains), or both. Without such copies the model
    learns that every page opens with a long menu and ends with a long footer, and then cannot
    afford to end a clean copy's article one line before its last."""
    ones = [i for i, v in enumerate(labels) if v]
    first, last = ones[0], ones[-1]
    digest = zlib.crc32(name.encode())
    kind, lead, trail, size = digest % 6, (digest >> 8) % 4, (digest >> 16) % 5, 3 + (digest >> 20) % 6
    head = (max(0, first - lead), len(labels))
    tail = (0, min(len(labels), last + 1 + trail))
    cuts = [("", (0, len(labels)))]
    if kind == 0:
        cuts.append(("#head", head))
    elif kind == 1:
        cuts.append(("#tail", tail))
    elif kind == 2:
        cuts.append(("#both", (head[0], tail[1])))
    elif kind == 3 and last - first + 1 > size:  # a short article, as a note or a news brief is
        cuts.append(("#short", (max(0, first - lead), first + size)))
    elif kind == 4 and last - first + 1 > size:
        cuts.append(("#short-end", (last + 1 - size, min(len(labels), last + 1 + trail))))
    return cuts


def learn_lexicon(pages: list[Page]) -> dict[str, float]:
    """Log-odds of a word standing in article text rather than elsewhere on the page."""
    body, other, sites = Counter(), Counter(), defaultdict(set)
    for page in pages:
        if "#" in page.name:
            continue  # a cut copy would count its words twice
        for text, state in zip(page.texts, page.states):
            for word in (w.lower() for w in _WORD.findall(text)):
                sites[word].add(page.domain)
                (body if state == BODY else other)[word] += 1
    total_body, total_other = sum(body.values()) + 2, sum(other.values()) + 2
    scored = []
    for word, where in sites.items():
        if len(where) < MIN_DOMAINS:
            continue
        odds = math.log((body[word] + 1) / total_body) - math.log((other[word] + 1) / total_other)
        scored.append((abs(odds) * math.sqrt(body[word] + other[word]), word, odds))
    scored.sort(reverse=True)
    return {word: round(odds, 4) for _, word, odds in scored[:LEXICON_SIZE]}


def with_lexicon(page: Page, lexicon: dict[str, float]) -> np.ndarray:
    rows = page.rows.tolist()
    add_lexicon_features(rows, page.texts, {} if page.lexicon_off else lexicon)
    return np.array(rows)


class Perceptron:
    """Averaged structured perceptron over the body model's eight channels."""

    def __init__(self, features: int):
        self.w = np.zeros(features * CHANNELS + len(ALLOWED) + 2)
        self.features = features

    def parts(self, w: np.ndarray):
        f = self.features
        return w[:f * CHANNELS].reshape(f, CHANNELS), w[f * CHANNELS:-2], w[-2:]

    def decode(self, w: np.ndarray, x: np.ndarray, cost: np.ndarray | None = None) -> np.ndarray:
        weights, base, initial = self.parts(w)
        scores = x @ weights
        if cost is not None:
            scores = scores.copy()
            scores[:, :4] += cost
        return _viterbi(scores, base, initial)

    def phi(self, x: np.ndarray, path: np.ndarray) -> np.ndarray:
        f = self.features
        weights = np.zeros((f, CHANNELS))
        for state in range(4):
            weights[:, state] = x[path == state].sum(0)
        base = np.zeros(len(ALLOWED))
        moves = list(zip(path[:-1], path[1:]))
        for t, move in enumerate(moves, start=1):
            base[_MOVE[move]] += 1
            if move in _CHANGE:
                weights[:, 4 + _CHANGE[move]] += x[t]
        initial = np.array([1.0, 0.0]) if path[0] == BEFORE else np.array([0.0, 1.0])
        if path[0] == BODY:  # starting on the first line is an article start there (see body_model.viterbi)
            weights[:, 4] += x[0]
        return np.concatenate([weights.ravel(), base, initial])


def _viterbi(scores: np.ndarray, base: np.ndarray, initial: np.ndarray) -> np.ndarray:
    n = len(scores)
    neg = -1e18
    move = np.full((4, 4), neg)
    for k, (a, b) in enumerate(ALLOWED):
        move[a, b] = base[k]
    change = np.zeros((n, 4, 4))
    for k, (a, b) in enumerate(CHANGES):
        change[:, a, b] = scores[:, 4 + k]
    v = np.array([initial[0], initial[1] + scores[0, 4], neg, neg]) + scores[0, :4]
    back = np.zeros((n, 4), int)
    for t in range(1, n):
        cand = v[:, None] + move + change[t]
        back[t] = cand.argmax(0)
        v = cand.max(0) + scores[t, :4]
    state = BODY if v[BODY] >= v[AFTER] else AFTER
    path = [state]
    for t in range(n - 1, 0, -1):
        state = back[t, state]
        path.append(state)
    return np.array(path[::-1])


LOST_LINE = 3.0  # every article line lost costs at least this, however short: editors miss a last line
KEPT_LINE = 0.3  # and every debris line kept


def mistake_costs(page: Page, weight: float) -> np.ndarray:
    """Per line and state: the cost of choosing that state, in article words kept or lost per
    page (the shingle score's weighing), with a floor per line."""
    kept_gold = page.states == BODY
    share = weight * 100 * page.words / page.article_words
    cost = np.zeros((len(page.states), 4))
    for state in range(4):
        if state == BODY:
            wrong = np.where(kept_gold, 0.0, share + KEPT_LINE)
        else:
            wrong = np.where(kept_gold, share + LOST_LINE, np.where(page.states != state, 0.05, 0.0))
        cost[:, state] = wrong
    return cost


ENSEMBLE = 5  # perceptrons trained on different orders of the pages, their weights averaged


def train(pages: list[Page], epochs: int, cost_weight: float, ensemble: int = ENSEMBLE) -> tuple[np.ndarray, dict]:
    """Weights averaged over `ensemble` averaged perceptrons: one perceptron's decisions at an
    article's edges depend on the order it saw the pages in; the average's do not."""
    lexicon = learn_lexicon(pages)
    data = [(with_lexicon(p, lexicon), p.states, mistake_costs(p, cost_weight)) for p in pages]
    runs = [_perceptron(data, epochs, seed) for seed in range(ensemble)]
    return np.mean([w / np.abs(w).max() for w in runs], axis=0), lexicon


def _perceptron(data, epochs: int, seed: int) -> np.ndarray:
    model = Perceptron(len(FEATURES))
    w, total, count = model.w.copy(), np.zeros_like(model.w), 0
    rng = np.random.default_rng(seed)
    for _epoch in range(epochs):
        for i in rng.permutation(len(data)):
            x, gold, cost = data[i]
            guess = model.decode(w, x, cost)
            if not np.array_equal(guess, gold):
                w = w * (1 - 1e-4) + model.phi(x, gold) - model.phi(x, guess)
            total += w
            count += 1
    return total / count


_KEY = re.compile(r"\w+")


def _key(text: str) -> tuple[str, ...]:
    return tuple(_KEY.findall(text.lower()))


def title_examples(devset: Path, names: list[str], model: BodyModel) -> list[tuple]:
    """Per page whose headline is one of its lines: its name, the candidates' features, which are the headline, and
    (for `title_accuracy`) the page's units, the article's first line, the candidates and the headline's words."""
    out = []
    for name in names:
        meta = json.loads((devset / "pages" / f"{name}.meta.json").read_text(encoding="utf-8"))
        title = _key(meta.get("title") or "")
        units = units_before_head(read_seed(devset / "pages" / f"{name}.txt"), model)
        if not title or title not in {_key(u.text) for u in units}:
            continue
        first = next((i for i, u in enumerate(units) if not u.place), 0)
        candidates = title_candidates(units, first)
        hits = [k for k, (i, _row) in enumerate(candidates) if _key(bare_headline(units[i].text)) == title]
        rows = np.array([row for _i, row in candidates]).reshape(-1, len(TITLE_FEATURES))
        out.append((name, rows, hits or None, (units, first, candidates, title)))
    return out


def train_title_ranker(examples, l2: float = 0.0003, steps: int = 600) -> dict[str, float]:
    """A conditional logit over each page's candidates and "no title": gradient descent with momentum.

    The pages' candidates are stacked in one matrix, so that a step is a few array operations."""
    w = np.zeros(len(TITLE_FEATURES))
    velocity = np.zeros_like(w)
    kept = [(rows, hits) for _name, rows, hits, _page in examples if len(rows)]  # no candidates: nothing to learn
    if not kept:
        return {name: 0.0 for name in TITLE_FEATURES}
    stacked = np.concatenate([rows for rows, _hits in kept])
    sizes = np.array([len(rows) for rows, _hits in kept])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    page = np.repeat(np.arange(len(kept)), sizes)
    hit = np.zeros(len(stacked), bool)
    for start, (_rows, hits) in zip(starts, kept):
        hit[start + np.array(hits or [], int)] = True
    titled = np.add.reduceat(hit.astype(float), starts) > 0
    for _step in range(steps):
        scores = stacked @ w
        top = np.maximum(np.maximum.reduceat(scores, starts), 0.0)  # "no title" scores 0
        e = np.exp(scores - top[page])
        p = e / (np.add.reduceat(e, starts) + np.exp(-top))[page]
        on_hits = np.add.reduceat(np.where(hit, p, 0.0), starts)
        q = np.where(hit & titled[page], p / np.where(titled, on_hits, 1.0)[page], 0.0)
        grad = l2 * w + stacked.T @ (p - q) / len(examples)
        velocity = 0.9 * velocity - 0.5 * grad
        w += velocity
    return {name: round(float(x), 4) for name, x in zip(TITLE_FEATURES, w)}


def title_accuracy(examples, weights: dict[str, float]) -> float:
    """The share of pages whose headline the cleaner chooses (`pick_title`: the ranker and what follows it)."""
    right = 0
    for _name, _rows, _hits, (units, first, candidates, title) in examples:
        pick = pick_title(units, first, candidates, weights)
        right += pick is not None and _key(bare_headline(units[pick].text)) == title
    return right / max(1, len(examples))


def to_json(w: np.ndarray, lexicon: dict[str, float], about: dict, title: dict[str, float] | None = None) -> dict:
    f = len(FEATURES)
    weights = w[:f * CHANNELS].reshape(f, CHANNELS)
    base = w[f * CHANNELS:-2]
    scale = 1.0 / max(1e-9, np.abs(weights).max())  # the decision is scale-free: store readable numbers
    return {
        "features": [feature.name for feature in FEATURES],
        "channels": [*STATE_NAMES, *(f"{STATE_NAMES[a]}>{STATE_NAMES[b]}" for a, b in CHANGES)],
        "weights": [[round(float(x) * scale * 10, 5) for x in row] for row in weights],
        "base": {f"{STATE_NAMES[a]}>{STATE_NAMES[b]}": round(float(base[k]) * scale * 10, 5)
                 for k, (a, b) in enumerate(ALLOWED)},
        "initial": {"before": round(float(w[-2]) * scale * 10, 5), "body": round(float(w[-1]) * scale * 10, 5)},
        "lexicon": lexicon,
        "lexicon_language": "English",  # the development set's pages are English
        "title": title or {},
        "about": about,
    }


def load_scorer(devset: Path):
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_pages(scorer, devset: Path, names: list[str], model: BodyModel) -> list[dict]:
    """Clean each page with the model, as `python -m pipeline clean` would, and score its Markdown."""
    pages = devset / "pages"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for name in names:
            result = clean(read_seed(pages / f"{name}.txt"), model=model)
            (out / f"{name}.txt").write_text(article_markdown(result.article), encoding="utf-8")
        return [scorer.score_page(pages, name, out, False) for name in names]


def summary(scorer, rows: list[dict]) -> dict:
    s = scorer.summarize(rows)
    return {k: round(s[k], 4) for k in ("shingle_P", "shingle_R", "shingle_F1", "word_F1")} | {"pages": len(rows)}


_PAGES: list[Page] = []


def _cross_validate_fold(job) -> tuple[list[dict], int, int]:
    """Train on the other folds' sites, clean and score this fold's pages; title ranker likewise."""
    fold, args = job
    scorer = load_scorer(args.devset)
    train_pages = [p for p in _PAGES if fold_of(p.name, args.folds) != fold]
    held_out = [p.name for p in _PAGES if fold_of(p.name, args.folds) == fold and "#" not in p.name]
    w, lexicon = train(train_pages, args.epochs, args.cost, args.ensemble)
    model = BodyModel.from_json(to_json(w, lexicon, {}))
    train_names = sorted({p.name.split("#")[0] for p in train_pages})
    title = train_title_ranker(title_examples(args.devset, train_names, model))
    model = BodyModel.from_json(to_json(w, lexicon, {}, title))
    examples = title_examples(args.devset, held_out, model)
    right = round(title_accuracy(examples, title) * len(examples))
    rows = score_pages(scorer, args.devset, held_out, model)
    print(f"fold {fold + 1}/{args.folds}: {summary(scorer, rows)}", file=sys.stderr)
    return rows, right, len(examples)


def retrain_title(args, names: list[str]) -> int:
    """The title ranker alone: cross-validated by site like the body model, then trained on every page."""
    stored = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = BodyModel.from_json(stored)
    examples = title_examples(args.devset, names, model)
    right = 0
    for fold in range(args.folds):
        train_set = [e for e in examples if fold_of(e[0], args.folds) != fold]
        held_out = [e for e in examples if fold_of(e[0], args.folds) == fold]
        right += round(title_accuracy(held_out, train_title_ranker(train_set)) * len(held_out))
    title = train_title_ranker(examples)
    about = stored.setdefault("about", {})
    about["title_accuracy"] = round(title_accuracy(examples, title), 4)
    if args.folds:
        about.setdefault("cross_validated", {})["title_accuracy"] = round(right / max(1, len(examples)), 4)
    stored["title"] = title
    print(json.dumps({k: v for k, v in about.items() if "title" in k or k == "cross_validated"}, indent=1))
    if not args.no_write:
        MODEL_FILE.write_text(json.dumps(stored, indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, default=DEVSET, help="the development set (default: %(default)s)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds by site (0: none)")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--cost", type=float, default=3.0, help="weight of a kept or lost word in decoding")
    parser.add_argument("--ensemble", type=int, default=ENSEMBLE, help="perceptrons averaged (default: %(default)s)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="folds trained side by side")
    parser.add_argument("--no-write", action="store_true", help="do not replace the stored weights")
    parser.add_argument("--pages-cache", type=Path, metavar="FILE",
                        help="keep the pages' features in FILE between runs (delete it after changing features)")
    parser.add_argument("--title-only", action="store_true",
                        help="retrain only the title ranker, over the stored body model")
    args = parser.parse_args()
    names = [n.strip() for n in (args.devset / "pages.txt").read_text().split() if n.strip()]
    if args.title_only:
        return retrain_title(args, names)
    started = time.perf_counter()
    if args.pages_cache and args.pages_cache.exists():
        pages = pickle.loads(args.pages_cache.read_bytes())
    else:
        pages = [p for n in names for p in load_page(args.devset / "pages", n)]
        if args.pages_cache:
            args.pages_cache.write_bytes(pickle.dumps(pages))
    print(f"{len(pages)} pages with cut copies, {len({p.domain for p in pages})} sites, {len(FEATURES)} features "
          f"({time.perf_counter() - started:.0f} s to read)", file=sys.stderr)
    scorer = load_scorer(args.devset)
    about = {"trained": datetime.date.today().isoformat(), "pages": sum(1 for p in pages if "#" not in p.name),
             "cut_copies": sum(1 for p in pages if "#" in p.name),
             "sites": len({p.domain for p in pages}), "epochs": args.epochs, "cost": args.cost,
             "min_domains": MIN_DOMAINS, "lexicon_size": LEXICON_SIZE}
    if args.folds:
        jobs = [(fold, args) for fold in range(args.folds)]
        global _PAGES
        _PAGES = pages  # helpers forked from here read them without pickling them again
        with multiprocessing.get_context("fork").Pool(min(args.jobs, args.folds)) as pool:
            results = pool.map(_cross_validate_fold, jobs)
        rows = [row for fold_rows, _right, _total in results for row in fold_rows]
        right, total = sum(r for _, r, _ in results), sum(t for _, _, t in results)
        about["cross_validated"] = summary(scorer, rows) | {"folds": args.folds, "held_out": "sites",
                                                            "title_accuracy": round(right / max(1, total), 4)}
        print(f"cross-validated: {about['cross_validated']} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    w, lexicon = train(pages, args.epochs, args.cost, args.ensemble)
    model = BodyModel.from_json(to_json(w, lexicon, about))
    real = [p.name for p in pages if "#" not in p.name]
    examples = title_examples(args.devset, real, model)
    title = train_title_ranker(examples)
    about["title_accuracy"] = round(title_accuracy(examples, title), 4)
    model = BodyModel.from_json(to_json(w, lexicon, about, title))
    about["whole_set"] = summary(scorer, score_pages(scorer, args.devset, [p.name for p in pages if "#" not in p.name],
                                                     model))
    print(json.dumps(about, indent=1))
    if not args.no_write:
        MODEL_FILE.parent.mkdir(exist_ok=True)
        MODEL_FILE.write_text(json.dumps(to_json(w, lexicon, about, title), indent=None, separators=(",", ":")) + "\n",
                              encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)} ({MODEL_FILE.stat().st_size // 1000} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
