"""What a conforming CSS engine would drop from a stylesheet, found with real parsers.

tinycss2 parses the rules and declarations as the CSS Syntax spec says; cssselect2
compiles every selector against the sheet's own @namespace rules, so a prefix used
without its declaration (which makes an engine drop the whole rule, as calibre and
Readium do) is caught, and so is a selector no engine can read.
"""

from __future__ import annotations

import cssselect2
import tinycss2

#: At-rules whose block holds declarations (and, for @page, margin boxes).
_DECLARATION_BLOCKS = {"font-face", "page", "footnote", "top-left", "top-center", "top-right", "bottom-left",
                       "bottom-center", "bottom-right", "left-top", "left-middle", "left-bottom", "right-top",
                       "right-middle", "right-bottom", "top-left-corner", "top-right-corner",
                       "bottom-left-corner", "bottom-right-corner"}
#: At-rules whose block holds rules.
_RULE_BLOCKS = {"media", "supports"}


def _where(node) -> str:
    return f"line {node.source_line}"


def _declarations(content, problems: list[str], context: str) -> None:
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "error":
            problems.append(f"{_where(item)}: {context}: cannot parse a declaration: {item.message}")
        elif item.type == "at-rule":
            if item.lower_at_keyword not in _DECLARATION_BLOCKS:
                problems.append(f"{_where(item)}: {context}: unexpected @{item.at_keyword}")
            elif item.content is not None:
                _declarations(item.content, problems, f"@{item.at_keyword}")
        elif item.type == "qualified-rule":
            problems.append(f"{_where(item)}: {context}: a rule where declarations belong "
                            f"(a missing ';' or '}}'?): {tinycss2.serialize(item.prelude).strip()!r}")


def _rules(rules, namespaces: dict[str, str], problems: list[str], top: bool) -> None:
    seen_style_rule = False
    for rule in rules:
        if rule.type == "error":
            problems.append(f"{_where(rule)}: cannot parse a rule: {rule.message}")
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            if keyword == "namespace":
                if not top or seen_style_rule:
                    problems.append(f"{_where(rule)}: @namespace after other rules is ignored")
                    continue
                parts = [t for t in rule.prelude if t.type not in ("whitespace", "comment")]
                if len(parts) == 2 and parts[0].type == "ident" and parts[1].type in ("string", "url"):
                    namespaces[parts[0].value] = parts[1].value
                elif len(parts) == 1 and parts[0].type in ("string", "url"):
                    namespaces[None] = parts[0].value
                else:
                    problems.append(f"{_where(rule)}: malformed @namespace")
            elif keyword in ("charset", "import"):
                continue
            elif keyword in _RULE_BLOCKS:
                seen_style_rule = True
                _rules(tinycss2.parse_rule_list(rule.content or [], skip_comments=True, skip_whitespace=True),
                       namespaces, problems, top=False)
            elif keyword in _DECLARATION_BLOCKS:
                seen_style_rule = True
                if rule.content is None:
                    problems.append(f"{_where(rule)}: @{rule.at_keyword} without a block")
                else:
                    _declarations(rule.content, problems, f"@{rule.at_keyword}")
            else:
                problems.append(f"{_where(rule)}: unknown at-rule @{rule.at_keyword}")
        else:  # a style rule
            seen_style_rule = True
            try:
                cssselect2.compile_selector_list(rule.prelude, namespaces)
            except cssselect2.SelectorError as exc:
                selector = tinycss2.serialize(rule.prelude).strip()
                problems.append(f"{_where(rule)}: selector {selector!r} is dropped: {exc.args[-1]}")
            _declarations(rule.content, problems, tinycss2.serialize(rule.prelude).strip())


def css_problems(text: str) -> list[str]:
    """Every rule, selector or declaration of the sheet an engine would drop, with its line."""
    problems: list[str] = []
    _rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), {}, problems, top=True)
    return problems
