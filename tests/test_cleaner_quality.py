"""The cleaner on pages it was not written for, scored like the product is scored.

tests/data/pages/ holds fourteen page dumps from different kinds of site, each with a
hand-made truth file of its article body (see its README). Output and truth are compared
as multisets of 4-word shingles.
"""

from __future__ import annotations

import sys

import pytest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from cleaner_f1 import evaluate, score  # noqa: E402


def test_the_scorer_scores():
    assert score("a b c d e f", "a b c d e f") == (1.0, 1.0, 1.0)
    precision, recall, f1 = score("a b c d x y z w", "a b c d e f g h")
    assert (precision, recall, f1) == pytest.approx((0.2, 0.2, 0.2))


def test_mean_f1_on_unseen_pages_is_at_least_0_90_and_no_page_collapses():
    rows = evaluate()
    assert len(rows) >= 14
    mean = sum(f for *_, f in rows) / len(rows)
    worst = min(rows, key=lambda row: row[3])
    assert mean >= 0.90, rows
    assert worst[3] >= 0.80, worst
    assert min(r for _, _, r, _ in rows) >= 0.9, "the article body must survive on every page"
