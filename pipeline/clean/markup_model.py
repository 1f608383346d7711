"""What a saved page's markup adds to the body model: landmarks, link density, class words, the content container.

The text body model (`body_model.py`) scores every line from its words and
place; for an HTML page each block's `Markup` adds its own named features, each
with weights for the same eight channels (four states, four changes of state),
summed with the text model's before the one best path is chosen. The text model
and its weights are untouched: this layer is learned separately, with the text
model frozen, by `benchmarks/train_markup_model.py` (cross-validated by site) and
stored in `data/markup_model.json`. Nothing here knows a site: the class words are
the common vocabulary of page templates ("share", "related", "comments").
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .body_model import CHANNELS, feature_pushes
from .signals import Feature
from .units import Unit

MODEL_FILE = Path(__file__).with_name("data") / "markup_model.json"

#: Class and id words of page templates, by what they mark.
WORD_GROUPS: dict[str, frozenset[str]] = {
    "navigation": frozenset("nav navbar navigation menu menus breadcrumb breadcrumbs pagination pager skip "
                            "topbar toolbar submenu megamenu dropdown".split()),
    "sharing": frozenset("share shares sharing social sociallinks facebook twitter whatsapp pinterest linkedin "
                         "reddit addthis sharethis shariff".split()),
    "related": frozenset("related recommended recommendations more popular trending readnext next previous prev "
                         "teaser teasers cards card recirc latest also similar outbrain taboola".split()),
    "comments": frozenset("comment comments reply replies respond disqus discussion discuss".split()),
    "sidebar": frozenset("sidebar widget widgets aside rail sidebarright sidebarleft secondary".split()),
    "footer": frozenset("footer copyright colophon legal bottom".split()),
    "header": frozenset("header masthead banner branding logo topnav hero".split()),
    "promotion": frozenset("newsletter subscribe subscription signup cta optin promo promotion sponsored sponsor "
                           "ad ads advert advertisement adsbygoogle banner affiliate donate paywall".split()),
    "author": frozenset("author bio byline avatar profile vcard contributor".split()),
    "meta": frozenset("tags tag category categories meta postmeta entrymeta date time published posted "
                      "updated".split()),
    "caption": frozenset("caption figcaption credit credits".split()),
    "content": frozenset("content article post entry body story text prose main blogpost richtext "
                         "articlebody postbody entrycontent single".split()),
    "popup": frozenset("cookie cookies consent modal popup overlay gdpr notice alert toast".split()),
    "contents": frozenset("toc contents ez".split()),
    "disclaimer": frozenset("disclaimer disclaimers disclosure disclosures fineprint".split()),
    "listing": frozenset("excerpt excerpts archive archives loop feed listing slide slides slider swiper carousel "
                         "teaser".split()),
}
_LANDMARKS = ("nav", "header", "footer", "aside", "form", "main", "article")
_ELEMENTS = {"li": "list_item", "p": "paragraph", "blockquote": "quotation", "pre": "preformatted",
             "td": "table_cell", "th": "table_cell", "dd": "definition", "dt": "definition",
             "table": "data_table", "figcaption": "caption_element", "img": "figure", "figure": "figure",
             "div": "loose_text", "body": "loose_text", "section": "loose_text", "article": "loose_text",
             "main": "loose_text", "span": "loose_text"}

MARKUP_FEATURES: tuple[Feature, ...] = (
    tuple(Feature(f"in_{name}", f"inside a <{name}> landmark") for name in _LANDMARKS)
    + (Feature("in_content", "inside the page's main container of paragraphs"),
       Feature("outside_content", "outside the page's main container of paragraphs"),
       Feature("before_content", "above the page's main container of paragraphs"),
       Feature("after_content", "below the page's main container of paragraphs"),
       Feature("links_some", "partly a link"), Feature("links_most", "mostly link text"),
       Feature("links_all", "all link text"),
       Feature("heading_1", "the page's <h1>"), Feature("heading_2_3", "an <h2> or <h3> heading"),
       Feature("heading_4_6", "a minor heading (<h4>–<h6>)"),
       Feature("list_in_landmark", "a list item in a page landmark"),
       Feature("other_article", "inside another of the page's <article> elements than its longest"))
    + tuple(Feature(f"element_{name}", f"a block of kind '{name.replace('_', ' ')}'")
            for name in sorted(set(_ELEMENTS.values())))
    + tuple(Feature(f"near_{group}", f"marked by the page as {group}") for group in WORD_GROUPS)
    + tuple(Feature(f"within_{group}", f"inside a part the page marks as {group}") for group in WORD_GROUPS)
)
MARKUP_INDEX = {f.name: i for i, f in enumerate(MARKUP_FEATURES)}


def _content_span(units: list[Unit]) -> tuple[int, int] | None:
    inside = [i for i, u in enumerate(units) if u.markup is not None and u.markup.in_content]
    return (inside[0], inside[-1]) if inside else None


_PARAGRAPH_WORDS = 20  # a block this long is one of the article's paragraphs, whatever holds it
_LOOSE = frozenset(name for name, kind in _ELEMENTS.items() if kind == "loose_text")


def _paragraph_element(units: list[Unit]) -> str | None:
    """The loose element (a <div>, a <span>) that the page's main container sets its paragraphs in, where it
    sets them in no <p>: some templates write `<div class="txt">` for every paragraph. On such a page that
    element is its paragraphs' kind, not the loose text it is elsewhere (a widget's blurb, a caption)."""
    kinds = Counter(u.markup.element for u in units if u.markup is not None and u.markup.in_content
                    and not u.markup.heading and len(u.text.split()) >= _PARAGRAPH_WORDS)
    if not kinds or kinds["p"]:
        return None
    element, count = kinds.most_common(1)[0]
    return element if element in _LOOSE and count >= 3 and count >= 0.8 * sum(kinds.values()) else None


def markup_rows(units: list[Unit]) -> list[list[float]]:
    """Every unit's markup features, in the order of MARKUP_FEATURES (zeros for a unit without markup)."""
    span = _content_span(units)
    paragraphs = _paragraph_element(units)
    rows = []
    for i, unit in enumerate(units):
        row = [0.0] * len(MARKUP_FEATURES)
        markup = unit.markup
        if markup is None:
            rows.append(row)
            continue

        def put(name: str) -> None:
            row[MARKUP_INDEX[name]] = 1.0

        for name in _LANDMARKS:
            if name in markup.landmarks:
                put(f"in_{name}")
        if span is not None:
            put("in_content" if markup.in_content else "outside_content")
            if i < span[0]:
                put("before_content")
            elif i > span[1]:
                put("after_content")
        if markup.link_share > 0.1:
            put("links_some")
        if markup.link_share > 0.5:
            put("links_most")
        if markup.link_share > 0.95:
            put("links_all")
        if markup.heading:
            put("heading_1" if markup.heading == 1 else "heading_2_3" if markup.heading <= 3 else "heading_4_6")
        if markup.list_id and markup.landmarks & {"nav", "header", "footer", "aside"}:
            put("list_in_landmark")
        if markup.other_article:
            put("other_article")
        element = "figure" if markup.figure is not None else "data_table" if markup.rows else \
            "paragraph" if markup.in_content and markup.element == paragraphs else _ELEMENTS.get(markup.element)
        if element:
            put(f"element_{element}")
        for group, words in WORD_GROUPS.items():
            if words & markup.own_words:
                put(f"near_{group}")
            if words & markup.words:
                put(f"within_{group}")
        rows.append(row)
    return rows


@dataclass(frozen=True)
class MarkupModel:
    features: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # per feature: CHANNELS weights
    about: dict

    def channels(self, row: list[float]) -> list[float]:
        out = [0.0] * CHANNELS
        for value, w in zip(row, self.weights):
            if value:
                for k in range(CHANNELS):
                    out[k] += value * w[k]
        return out

    def contributions(self, row: list[float], state: int) -> list[tuple[float, str]]:
        """How much each markup feature pushed this block from the body towards `state`, largest first."""
        return feature_pushes(self.features, self.weights, row, state)

    def to_json(self) -> dict:
        return {"features": list(self.features), "weights": [list(w) for w in self.weights], "about": self.about}


def zero_model() -> MarkupModel:
    return MarkupModel(tuple(f.name for f in MARKUP_FEATURES),
                       tuple((0.0,) * CHANNELS for _ in MARKUP_FEATURES), {})


@lru_cache(maxsize=1)
def load_markup_model(path: Path = MODEL_FILE) -> MarkupModel:
    """The learned weights; all zero (the text model alone) when they are missing or were learned
    for other features, so that a change of features never stops cleaning."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return zero_model()
    if tuple(data.get("features", ())) != tuple(f.name for f in MARKUP_FEATURES):
        return zero_model()
    return MarkupModel(tuple(data["features"]), tuple(tuple(float(x) for x in w) for w in data["weights"]),
                       data.get("about", {}))
