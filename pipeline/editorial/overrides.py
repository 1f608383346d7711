"""Turn editors' cleaning overrides (quoted line starts) into line numbers.

An override that matches no line, or several without saying which, is an
error naming the YAML file and line and showing the closest lines.
"""

from __future__ import annotations

from ..clean.blocks import normalise_space
from ..clean.units import Overrides
from ..problems import Problem
from ..read import SourceText
from .load import ChapterSpec
from .phrases import closest_passages, fold_text
from .yamlfile import YamlDocument


def resolve_overrides(spec: ChapterSpec, source: SourceText, doc: YamlDocument) -> tuple[Overrides, list[Problem]]:
    overrides = Overrides()
    problems: list[Problem] = []
    if not any(True for _ in spec.cleaning.all()):
        return overrides, problems
    lines = [(n, normalise_space(text)) for n, text in enumerate(source.lines, start=1)]
    lines = [(n, text) for n, text in lines if text]
    folded = [(n, fold_text(text)) for n, text in lines]
    for kind, selector in spec.cleaning.all():
        start = fold_text(selector.starts)
        matches = [n for n, text in folded if text.startswith(start)]
        where = selector.where if selector.occurrence is None else (*selector.where, "starts")
        if not matches:
            near = closest_passages(selector.starts, [t[:len(selector.starts) + 20] for _, t in lines], n=3)
            shown = "; ".join(f"line {n}: “{t[:70]}”" for n, t in lines if any(t.startswith(x) for x in near))
            problems.append(doc.problem(
                f"{kind} override “{selector.starts[:60]}” matches no line of {spec.seed.name}", where,
                hint=("closest lines — " + shown) if shown else "quote the start of the line as it reads in the seed"))
            continue
        if selector.occurrence is None and len(matches) > 1:
            problems.append(doc.problem(
                f"{kind} override “{selector.starts[:60]}” matches {len(matches)} lines of {spec.seed.name} "
                f"(lines {', '.join(map(str, matches[:6]))})", where,
                hint="quote more of the line, or write it as {starts: '…', occurrence: N}"))
            continue
        index = (selector.occurrence or 1) - 1
        if index >= len(matches):
            problems.append(doc.problem(
                f"{kind} override asks for occurrence {selector.occurrence}, but only {len(matches)} lines "
                f"start that way", (*selector.where, "occurrence")))
            continue
        getattr(overrides, kind).add(matches[index])
    return overrides, problems
