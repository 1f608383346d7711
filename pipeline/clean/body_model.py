"""The body model: which lines of a page are its article, as one best path through four states.

Each line is *before* the article, in its *body*, an *aside* inside it (a
caption, a "Read more" box, a product card) or *after* it. A line's features
(`signals.FEATURES`) give each state a score, and give the four changes of
state (the article starts, an aside opens, the article resumes, the article
ends) a score at that line; the best-scoring path (Viterbi) chooses the
article's span and the asides within it at once. The weights are learned from
the cleaning development set by `benchmarks/train_body_model.py` (a structured
perceptron with cost-weighted decoding, cross-validated by site) and stored
as data in `data/body_model.json`, with the word lexicon the features use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .signals import FEATURES

BEFORE, BODY, ASIDE, AFTER = 0, 1, 2, 3
STATE_NAMES = ("before", "body", "aside", "after")
#: The four changes of state that carry feature weights, in channel order after the four states.
CHANGES = ((BEFORE, BODY), (BODY, ASIDE), (ASIDE, BODY), (BODY, AFTER))
#: Every allowed move; the rest (back to "before", out of "after") cannot happen.
ALLOWED = ((BEFORE, BEFORE), (BEFORE, BODY), (BODY, BODY), (BODY, ASIDE), (BODY, AFTER),
           (ASIDE, ASIDE), (ASIDE, BODY), (AFTER, AFTER))
CHANNELS = 8  # four state scores, then the four changes
MODEL_FILE = Path(__file__).with_name("data") / "body_model.json"
_NEG = float("-inf")


class ModelError(RuntimeError):
    """The weights file does not match the features this code computes."""


@dataclass(frozen=True)
class BodyModel:
    features: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # per feature: CHANNELS weights
    base: dict[tuple[int, int], float]  # per allowed move
    initial: tuple[float, float]  # starting "before", starting in the body
    lexicon: dict[str, float]
    lexicon_language: str  # the language of the pages the lexicon was learned from
    title_weights: dict[str, float]  # the headline ranker's weights (see metadata.TITLE_FEATURES)
    about: dict  # how it was trained and how well it scored

    @classmethod
    def from_json(cls, data: dict) -> "BodyModel":
        names = tuple(data["features"])
        expected = tuple(f.name for f in FEATURES)
        if names != expected:
            missing = sorted(set(expected) - set(names))[:5]
            raise ModelError(f"the body model was trained on other features (missing: {missing}); "
                             f"retrain it with `python benchmarks/train_body_model.py`")
        weights = tuple(tuple(float(x) for x in row) for row in data["weights"])
        if len(weights) != len(names) or any(len(row) != CHANNELS for row in weights):
            raise ModelError("the body model's weights do not have one row of 8 per feature")
        base = {(a, b): float(data["base"][f"{STATE_NAMES[a]}>{STATE_NAMES[b]}"]) for a, b in ALLOWED}
        initial = (float(data["initial"]["before"]), float(data["initial"]["body"]))
        return cls(names, weights, base, initial, {str(k): float(v) for k, v in data["lexicon"].items()},
                   str(data.get("lexicon_language", "English")),
                   {str(k): float(v) for k, v in data.get("title", {}).items()}, data.get("about", {}))

    def channels(self, row: list[float]) -> list[float]:
        """The line's four state scores and four change scores."""
        c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = 0.0
        for value, w in zip(row, self.weights):
            if value:
                c0 += value * w[0]
                c1 += value * w[1]
                c2 += value * w[2]
                c3 += value * w[3]
                c4 += value * w[4]
                c5 += value * w[5]
                c6 += value * w[6]
                c7 += value * w[7]
        return [c0, c1, c2, c3, c4, c5, c6, c7]

    def decode(self, rows: list[list[float]]) -> list[int]:
        """The best path of states, one per line."""
        if not rows:
            return []
        scores = [self.channels(row) for row in rows]
        return viterbi(scores, self.base, self.initial)

    def contributions(self, row: list[float], state: int) -> list[tuple[float, str]]:
        """How much each feature pushed this line from the body towards `state`, largest first."""
        return feature_pushes(self.features, self.weights, row, state)


def feature_pushes(features, weights, row: list[float], state: int) -> list[tuple[float, str]]:
    """(push, feature name) of each feature that moved a line from the body towards `state`, largest first:
    the reasons a report gives, from any layer of weights with one column per state."""
    out = []
    for j, value in enumerate(row):
        if value:
            push = value * (weights[j][state] - weights[j][BODY])
            if push > 0:
                out.append((push, features[j]))
    return sorted(out, reverse=True)


def viterbi(scores: list[list[float]], base: dict[tuple[int, int], float],
            initial: tuple[float, float]) -> list[int]:
    """Best state path given per-line channel scores (see `BodyModel.channels`)."""
    stay_before, start = base[(BEFORE, BEFORE)], base[(BEFORE, BODY)]
    stay_body, gap, end = base[(BODY, BODY)], base[(BODY, ASIDE)], base[(BODY, AFTER)]
    stay_aside, resume, stay_after = base[(ASIDE, ASIDE)], base[(ASIDE, BODY)], base[(AFTER, AFTER)]
    first = scores[0]
    # An article that starts on the page's first line starts there as it would anywhere else.
    v = [initial[0] + first[0], initial[1] + first[1] + first[4], _NEG, _NEG]
    back: list[tuple[int, int, int, int]] = [(0, 0, 0, 0)]
    for s in scores[1:]:
        b0 = v[0] + stay_before
        from_before, from_body, from_aside = v[0] + start + s[4], v[1] + stay_body, v[2] + resume + s[6]
        if from_before >= from_body and from_before >= from_aside:
            b1, p1 = from_before, BEFORE
        elif from_body >= from_aside:
            b1, p1 = from_body, BODY
        else:
            b1, p1 = from_aside, ASIDE
        open_, keep = v[1] + gap + s[5], v[2] + stay_aside
        b2, p2 = (open_, BODY) if open_ >= keep else (keep, ASIDE)
        close, stay = v[1] + end + s[7], v[3] + stay_after
        b3, p3 = (close, BODY) if close >= stay else (stay, AFTER)
        v = [b0 + s[0], b1 + s[1], b2 + s[2], b3 + s[3]]
        back.append((BEFORE, p1, p2, p3))
    state = BODY if v[BODY] >= v[AFTER] else AFTER  # the page ends in the article or after it
    if v[BODY] == _NEG and v[AFTER] == _NEG:
        state = BEFORE
    path = [state]
    for pointers in reversed(back[1:]):
        state = pointers[state]
        path.append(state)
    path.reverse()
    return path


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> BodyModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"the body model's weights are missing ({path}); "
                         f"train them with `python benchmarks/train_body_model.py`") from None
    return BodyModel.from_json(data)
