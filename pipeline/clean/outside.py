"""Drop what the body stage placed outside the article, once the head has taken its title and byline.

Lines before and after the article go. An aside inside it goes only when it
does not read as running text (a caption, a product name, a button): a
paragraph inside the article's span is never dropped by the text model's say-so.
On a saved page the markup's evidence has joined the text's (a disclaimer's,
a teaser's, a comment's container), and an aside goes even when it reads as
prose (a figure's caption excepted): on the development set's pages the
prose asides kept were three parts in four not the article's. A saved
page's block whose own class words mark it as a disclaimer, a comment, the
author's bio, a promotion or a sign-up goes wherever it stands, and a saved
page's heading whose whole section goes goes with it. A caption left without its
picture (one on the web, not fetched) goes when it is only a credit, and so does a
block that is only a link to a place on the page itself (a contents' entry).
"""

from __future__ import annotations

from .features import ends_sentence, is_prose, word_count
from .units import Event, Role, StageResult, Unit, dropped

STAGE = "outside"
_RULES = {"before": "outside-body", "after": "outside-body", "aside": "body-aside"}
#: Class and id words by which a page marks a part as not its article's text, whatever the part reads like:
#: a disclaimer, a comment, the author's bio, a promotion, a carousel, a call to action, a sign-up form, a modal.
FURNITURE_WORDS = frozenset("disclaimer disclaimers comment comments commentbody bio author authors promo cta "
                            "carousel swiper signup subscribe optin form modal".split())


_CAPTION_WORDS = frozenset(("caption", "figcaption"))  # a class word; "credit" names a tax credit's section too


def marked_furniture(unit: Unit) -> bool:
    """A saved page's block that the page itself marks as furniture (its element or the two around it)."""
    return unit.markup is not None and bool(unit.markup.own_words & FURNITURE_WORDS)


def _credit_alone(unit: Unit) -> bool:
    """A saved page's caption with no picture of its own left, a name or two and no sentence ("Serious Eats",
    "Getty Images"): the picture's credit, which means nothing without it."""
    markup = unit.markup
    return markup is not None and markup.figure is None and not markup.heading \
        and (markup.element == "figcaption" or bool(markup.own_words & _CAPTION_WORDS)) \
        and word_count(unit.text) <= 4 and not ends_sentence(unit.text)


def _saved_page_rule(unit: Unit) -> tuple[str, str] | None:
    """The rule and reason by which a saved page's block goes wherever it stands, if one does."""
    if unit.markup is None:
        return None
    if marked_furniture(unit):
        return "marked-furniture", "the page marks its part as " + ", ".join(
            sorted(unit.markup.own_words & FURNITURE_WORDS))
    if _credit_alone(unit):
        return "photo-credit", "a picture's credit, the picture not in the text"
    if unit.markup.jump:
        return "page-contents", "a link to a place on the page itself"
    return None


def _goes(unit: Unit) -> bool:
    if unit.role is not Role.BODY or unit.pinned or unit.keep:
        return False
    if _saved_page_rule(unit):
        return True
    if not unit.place:
        return False
    saved_page_text = unit.markup is not None and unit.markup.figure is None  # a figure keeps its caption
    return unit.place != "aside" or saved_page_text or not is_prose(unit.text)


def _orphans(units: list[Unit], going: list[bool]) -> set[int]:
    """A saved page's headings whose whole section goes: the heading of a box of teasers or of a
    comment thread has nothing of the article under it."""
    out = set()
    for i, unit in enumerate(units):
        if going[i] or unit.markup is None or not unit.markup.heading or unit.role is not Role.BODY \
                or unit.pinned or unit.keep:
            continue
        section = []
        for later in range(i + 1, len(units)):
            if units[later].markup is not None and units[later].markup.heading:
                break
            section.append(later)
        if section and all(going[k] for k in section):
            out.add(i)
    return out


def drop_outside(units: list[Unit]) -> StageResult:
    kept: list[Unit] = []
    events: list[Event] = []
    going = [_goes(u) for u in units]
    orphans = _orphans(units, going)
    for i, unit in enumerate(units):
        if i in orphans:
            events.append(dropped(STAGE, "orphan-heading", unit, "a heading whose whole section is not the article's"))
        elif going[i]:
            rule, why = _saved_page_rule(unit) or (_RULES[unit.place], unit.why)
            events.append(dropped(STAGE, rule, unit, why))
        else:
            kept.append(unit.but(place="", why="") if unit.place else unit)
    return StageResult(kept, events)
