"""The cleaner on real and invented pages, scored as the product is scored.

tests/data/devset-sample/ holds thirty pages of the cleaning development set with their gold
text and the set's own scorer (see its README); tests/data/pages/ holds fourteen invented page
dumps with hand-made truth files. Both are quality tests, not timed ones: thresholds sit a
little below the figures measured when they were set (sample: shingle F1 0.960, precision
0.950, recall 0.971; invented pages: mean F1 0.959), so that a change that makes the cleaner
worse fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner_f1 import INVENTED, shingle_score  # noqa: E402
from folds import fold_of  # noqa: E402

from pipeline.clean import clean  # noqa: E402
from pipeline.seeds import read_seed  # noqa: E402
from pipeline.render.markdown import article_markdown, article_text  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "devset-sample"


def _scorer():
    spec = importlib.util.spec_from_file_location("devset_score", SAMPLE / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample_scores(tmp_path_factory):
    scorer = _scorer()
    out = tmp_path_factory.mktemp("cleaned")
    names = (SAMPLE / "pages.txt").read_text().split()
    for name in names:
        result = clean(read_seed(SAMPLE / "pages" / f"{name}.txt"))
        (out / f"{name}.txt").write_text(article_markdown(result.article), encoding="utf-8")
    return scorer.summarize([scorer.score_page(SAMPLE / "pages", name, out, False) for name in names])


def test_the_scorer_scores():
    assert shingle_score("a b c d e f", "a b c d e f") == (1.0, 1.0, 1.0)
    precision, recall, f1 = shingle_score("a b c d x y z w", "a b c d e f g h")
    assert (precision, recall, f1) == pytest.approx((0.2, 0.2, 0.2))


def test_thirty_development_pages_keep_their_article_and_little_else(sample_scores):
    assert sample_scores["pages"] == 30
    assert sample_scores["shingle_F1"] >= 0.94, sample_scores
    assert sample_scores["shingle_P"] >= 0.92, sample_scores
    assert sample_scores["shingle_R"] >= 0.95, sample_scores


def test_invented_pages_of_every_kind_of_site_come_out_whole():
    rows = []
    for page in sorted(p for p in INVENTED.glob("*.txt") if not p.name.endswith(".truth.txt")):
        truth = page.with_name(page.stem + ".truth.txt").read_text(encoding="utf-8")
        rows.append((page.stem, *shingle_score(article_text(clean(read_seed(page)).article), truth)))
    assert len(rows) >= 14
    mean = sum(f for *_, f in rows) / len(rows)
    worst = min(rows, key=lambda row: row[3])
    assert mean >= 0.94, rows
    assert worst[3] >= 0.90, worst
    assert min(r for _, _, r, _ in rows) >= 0.92, "the article body must survive on every page"


def test_a_pages_copies_fall_in_its_sites_fold():
    """Cross-validation by site holds out a site's pages and every copy the trainer makes of them (cut at the
    head or the tail, without the lexicon): a copy in a training fold would let the model learn the page it is
    then scored on."""
    for folds in (3, 5):
        for name in ("0086-urgefitness.com", "4620-princetonreview.com", "0001-a.example.org"):
            fold = fold_of(name, folds)
            assert all(fold_of(name + suffix, folds) == fold for suffix in ("#head", "#tail", "#both", "#no-lexicon"))
        assert len({fold_of(f"{k:04d}-site{k}.com", folds) for k in range(40)}) == folds
