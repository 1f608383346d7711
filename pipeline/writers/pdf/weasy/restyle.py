"""A changed chapter's styles taken from the earlier layout's, worked out again only where it changed.

A print-finish trial lays a chapter out again with a few paragraphs changed (relayout.py): a
class added (page_fill's `loose` or `tight`) or a word kept whole (its letters changed). WeasyPrint
styles every element of the new document again, matching every selector against it: 40 % of a
small trial. Here the new document's elements are paired, in document order, with the earlier
document's; an element whose attributes are the same, and none of whose ancestors' changed, gets
the earlier element's computed styles (and its pseudo-elements'), and only the changed elements
and their descendants are matched and computed, as WeasyPrint would. That holds only when
a class changes nothing outside the element's subtree: every selector that names a changed class
must not look at siblings (`+`, `~`) or descendants (`:has`) for it; otherwise, and for any other
change of shape or attribute, the document is styled whole.

`reusing` is the patch on `weasyprint.css.StyleFor` that notes each styling made and, inside
`restyling`, makes the next one from the earlier.
"""

from __future__ import annotations

from contextlib import contextmanager
from math import inf

#: Names in a compiled selector's code that look beyond the element and its ancestors.
_BEYOND = frozenset({"previous", "previous_siblings", "etree_siblings", "index", "iter_subtree", "iter_children",
                     "etree_children"})


class _Earlier:
    def __init__(self, html, style_for):
        self.html = html
        self.style_for = style_for


_earlier: _Earlier | None = None
_last: tuple | None = None
#: How many stylings were made from an earlier one, and how many whole (for tests).
counts = {"reused": 0, "whole": 0}


@contextmanager
def restyling(html, styles):
    """While the block runs, a document is styled from the HTML document `html`'s styles (`styles`, as
    noted when it was laid out) where its elements are unchanged."""
    global _earlier
    if html is None or styles is None:
        yield
        return
    _earlier = _Earlier(html, styles)
    try:
        yield
    finally:
        _earlier = None


def taken():
    """The styles of the last document styled in this process (taken once)."""
    global _last
    found, _last = _last, None
    return found


def reusing(original, **_context):
    """The replacement for `StyleFor`: styles made from the earlier document's inside `restyling`,
    and noted for the next."""

    def style_for(html, sheets, presentational_hints, font_config, target_collector):
        made = None
        if _earlier is not None and not presentational_hints:
            made = _restyled(original, _earlier, html, sheets, font_config, target_collector)
        counts["reused" if made is not None else "whole"] += 1
        if made is None:
            made = original(html, sheets, presentational_hints, font_config, target_collector)
        global _last
        _last = made
        return made

    return style_for


def _restyled(cls, earlier: _Earlier, html, sheets, font_config, target_collector):
    """The new document's styles from the earlier's, or None where they cannot be carried over."""
    pairs = _paired(earlier.html, html)
    if pairs is None:
        return None
    changed = _changed(pairs)
    if changed is None or not _classes_local(_changed_classes(changed), sheets):
        return None
    style_for = cls.__new__(cls)
    style_for._cascaded_styles = {}
    style_for._computed_styles = {}
    style_for.initial_page_sizes = earlier.style_for.initial_page_sizes
    style_for._sheets = sheets
    style_for.font_config = font_config
    _compute(style_for, earlier.style_for, html, pairs, {new for new, _ in changed}, sheets)
    _collect_anchors(style_for, pairs, target_collector)
    style_for._cascaded_styles.clear()
    return style_for


def _elements(html) -> list:
    """The document's elements as WeasyPrint styles them (comments and the like aside), in order."""
    return [element for element in html.etree_element.iter() if isinstance(element.tag, str)]


def _paired(old_html, new_html) -> dict | None:
    """New element -> the earlier document's element at its place; None if the shapes differ."""
    old, new = _elements(old_html), _elements(new_html)
    if len(old) != len(new):
        return None
    pairs = {}
    for before, after in zip(old, new):
        if before.tag != after.tag or len(before) != len(after) or _empty(before) != _empty(after):
            return None
        pairs[after] = before
    return pairs


def _empty(element) -> bool:
    return len(element) == 0 and not element.text


def _changed(pairs: dict) -> list | None:
    """The (new, old) elements whose attributes differ; None if any differs in more than its classes."""
    changed = []
    for after, before in pairs.items():
        if after.attrib != before.attrib:
            if {**after.attrib, "class": ""} != {**before.attrib, "class": ""}:
                return None
            changed.append((after, before))
    return changed


def _changed_classes(changed: list) -> set[str]:
    found = set()
    for after, before in changed:
        found |= set(after.get("class", "").split()) ^ set(before.get("class", "").split())
    return found


def _classes_local(classes: set[str], sheets) -> bool:
    """Whether no selector naming one of `classes` looks beyond an element and its ancestors
    (a change of them then restyles only the element's subtree)."""
    if not classes:
        return True
    for sheet, _origin, _specificity in sheets:
        for entry in _entries(sheet.matcher):
            names, constants = _code_names(entry[0].__code__)
            if classes & constants and names & _BEYOND:
                return False
    return True


def _entries(matcher):
    for table in (matcher.id_selectors, matcher.class_selectors, matcher.lower_local_name_selectors,
                  matcher.namespace_selectors):
        for entries in table.values():
            yield from entries
    yield from matcher.other_selectors


def _code_names(code) -> tuple[set[str], set[str]]:
    """The attribute names and string constants a compiled selector's code uses, nested code included."""
    names, constants = set(code.co_names), set()
    for constant in code.co_consts:
        if isinstance(constant, str):
            constants |= set(constant.split())
        elif hasattr(constant, "co_names"):
            more_names, more_constants = _code_names(constant)
            names |= more_names
            constants |= more_constants
    return names, constants


def _compute(style_for, earlier, html, pairs: dict, changed: set, sheets) -> None:
    """Styles of every element, in tree order: the earlier element's where it and its ancestors are
    unchanged, else matched and computed as `StyleFor.__init__` does; then the changed elements'
    pseudo-elements."""
    from weasyprint.css import find_style_attributes

    old_styles = earlier._computed_styles
    pseudo = _pseudo_types(old_styles)
    computed = style_for._computed_styles
    restyled: set = set()
    declarations = {}
    computed_cache = {}
    for element in html.wrapper_element.iter_subtree():
        etree_element = element.etree_element
        parent = element.parent.etree_element if element.parent else None
        if etree_element not in changed and parent not in restyled:
            before = pairs[etree_element]
            for pseudo_type in pseudo.get(before, ()):
                computed[etree_element, pseudo_type] = old_styles[before, pseudo_type]
            continue
        if parent not in restyled:  # a changed subtree's root: the style attributes in it, as WeasyPrint reads them
            for specificity, found, found_declarations, base_url in find_style_attributes(
                    etree_element, False, html.base_url):
                declarations.setdefault(found, []).append((specificity, found_declarations, base_url))
        restyled.add(etree_element)
        _match(style_for, element, parent, html, sheets, declarations.get(etree_element, ()), computed_cache)
    for element, pseudo_type in list(style_for._cascaded_styles):
        if pseudo_type:
            style_for.set_computed_styles(element, pseudo_type=pseudo_type, root=html.etree_element,
                                          parent=element, base_url=html.base_url)


def _pseudo_types(styles: dict) -> dict:
    """Element -> the pseudo types (None, the element itself, first) it has styles for."""
    found: dict = {}
    for element, pseudo_type in styles:
        found.setdefault(element, []).append(pseudo_type)
    return found


def _match(style_for, element, parent, html, sheets, attributes, computed_cache) -> None:
    """One element's cascaded and computed styles, as in `StyleFor.__init__` (anchors aside)."""
    from weasyprint.css import declaration_precedence
    from weasyprint.css.validation import preprocess_declarations

    cascaded_styles, computed_styles = style_for._cascaded_styles, style_for._computed_styles
    etree_element = element.etree_element
    element_declarations = None
    for specificity, declarations, base_url in attributes:
        style = cascaded_styles.setdefault((etree_element, None), {})
        element_declarations = tuple(declarations)
        for name, values, importance in preprocess_declarations(base_url, declarations):
            weight = (declaration_precedence("author", importance), inf, specificity)
            old_weight = style.get(name, (None, None))[1]
            if old_weight is None or old_weight <= weight:
                style[name] = values, weight
    parent_id = id(computed_styles[parent, None]) if element.parent else None
    selectors_keys = []
    for sheet, origin, sheet_specificity in sheets:
        for selector in sheet.matcher.match(element):
            specificity, order, pseudo_type, (declarations, layer) = selector
            layer_order = inf if layer is None else sheet.layers.index(layer)
            selectors_keys.append((sheet, specificity, id(declarations), layer_order))
            specificity = sheet_specificity or specificity
            style = cascaded_styles.setdefault((etree_element, pseudo_type), {})
            for name, values, importance in declarations:
                weight = (declaration_precedence(origin, importance), layer_order, specificity)
                old_weight = style.get(name, (None, None))[1]
                if old_weight is None or old_weight <= weight:
                    style[name] = values, weight
    key = (parent_id, element_declarations, tuple(selectors_keys))
    if key in computed_cache:
        computed_styles[etree_element, None] = computed_cache[key]
    else:
        style_for.set_computed_styles(etree_element, root=html.etree_element, parent=parent,
                                      base_url=html.base_url)
        computed_cache[key] = computed_styles[etree_element, None]


def _collect_anchors(style_for, elements, target_collector) -> None:
    """The anchors WeasyPrint's styling would have collected: each distinct element style's (a style
    shared with an earlier element was not made again), in document order, then every pseudo-element's."""
    if not target_collector:
        return
    computed = style_for._computed_styles
    seen: set[int] = set()
    for element in elements:
        style = computed[element, None]
        if id(style) not in seen:
            seen.add(id(style))
            if style["anchor"]:
                target_collector.collect_anchor(style["anchor"])
    for (element, pseudo_type), style in computed.items():
        if pseudo_type and style["anchor"]:
            target_collector.collect_anchor(style["anchor"])
