"""The cleaning report: every line the cleaner dropped, with its rule.

Written to out/cleaning-report.html so that an editor can check, in a
browser, that every dropped line deserved it, and override any that did not.
"""

from __future__ import annotations

import html
from collections import Counter

from .clean import STAGES, CleanResult


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _article(chapter_id: str, title: str, result: CleanResult) -> str:
    dropped = sorted((e for e in result.dropped() if e.rule != "blank-line" or e.text.strip()),
                     key=lambda e: e.line)
    counts = Counter(e.rule for e in dropped)
    marked = sorted((e for e in result.events if e.action == "marked"), key=lambda e: e.line)
    reshaped = Counter(e.rule for e in result.events if e.action == "reshaped")
    warnings = [e for e in result.events if e.action == "warning"]
    rows = "".join(
        f'<tr><td class="n">{_esc(result.where(e.line))}</td><td><code>{_esc(e.rule)}</code></td><td>{_esc(e.text) or "<i>(blank)</i>"}'
        f'{_why(e)}</td></tr>' for e in dropped)
    found = "".join(f"<li>{_esc(e.rule)}: {_esc(e.detail)}</li>" for e in result.events if e.action == "found")
    count_rows = "".join(f"<li><code>{_esc(rule)}</code>: {n}</li>" for rule, n in counts.most_common())
    marks = "".join(f'<tr><td class="n">{_esc(result.where(e.line))}</td><td><code>{_esc(e.rule)}</code></td>'
                    f'<td>{_esc(e.text[:160])}</td></tr>' for e in marked)
    shapes = ", ".join(f"{rule} {n}" for rule, n in reshaped.most_common()) or "none"
    warns = "".join(f"<li>line {e.line}: {_esc(e.detail)}</li>" for e in warnings)
    return f"""
<section id="{_esc(chapter_id)}">
<h2>{_esc(title)} <small>{_esc(result.article.path.name)}</small></h2>
<p class="summary">{_esc(result.summary())}. {result.source_lines} source lines.</p>
{f"<p>Read off the page:</p><ul>{found}</ul>" if found else ""}
<h3>Dropped lines, by rule</h3>
<ul>{count_rows or "<li>none</li>"}</ul>
<table><thead><tr><th>line</th><th>rule</th><th>text</th></tr></thead><tbody>{rows}</tbody></table>
{f"<h3>Warnings</h3><ul>{warns}</ul>" if warns else ""}
<details><summary>Structure recognised ({len(marked)} lines)</summary>
<table><tbody>{marks}</tbody></table></details>
<p>Lines reshaped: {_esc(shapes)}.</p>
</section>"""


def _why(event) -> str:
    """The reason the body stage gives (where the line stands, what it reads as)."""
    if not event.detail or event.stage == "blocks":
        return ""
    return f'<br/><span class="why">{_esc(event.detail)}</span>'


def _corrections(changes) -> str:
    """Every misprint the editors corrected (book.yaml `corrections:`), each with its words before and after."""
    made = changes.examples.get("corrections", [])
    if not made:
        return ""
    rows = "".join(f"<tr><td>{_esc(where)}</td><td>{_esc(before)}</td><td>{_esc(after)}</td></tr>"
                   for where, before, after in made)
    counted = f"{len(made)} misprint{'' if len(made) == 1 else 's'}"
    return (f'<section id="corrections"><h2>Corrections</h2><p>{counted} of the web pages corrected '
            f"by the editors (<code>corrections:</code> in <code>editorial/book.yaml</code>): the only words the "
            f"book changes.</p><table><thead><tr><th>where</th><th>before</th><th>after</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def _house_style(changes) -> str:
    """What the house style changed: per rule, the count in each part of the book and examples."""
    if changes is None:
        return ""
    from .style import RULES
    by_rule = changes.by_rule()
    sections = []
    for rule, purpose in RULES.items():
        places = sorted(((where, n) for (r, where), n in changes.counts.items() if r == rule),
                        key=lambda wn: (not wn[0].startswith("chapter"), wn[0]))
        counts = ", ".join(f"{_esc(where)} {n}" for where, n in places) or "no changes"
        examples = "".join(f"<tr><td>{_esc(where)}</td><td>{_esc(before)}</td><td>{_esc(after)}</td></tr>"
                           for where, before, after in changes.examples.get(rule, []))
        table = (f"<table><thead><tr><th>where</th><th>before</th><th>after</th></tr></thead>"
                 f"<tbody>{examples}</tbody></table>") if examples else ""
        sections.append(f"<h3><code>{_esc(rule)}</code> — {_esc(purpose)}: {by_rule.get(rule, 0)}</h3>"
                        f"<p>{counts}.</p>{table}")
    return (f'{_corrections(changes)}<section id="house-style"><h2>House style</h2><p>What the house style (the <code>style:</code> '
            f"block of <code>editorial/book.yaml</code>) changed after cleaning, in the chapters, notes, glossary, "
            f"introduction and sources: typography only, never a word.</p>{''.join(sections)}</section>")


def cleaning_report(title: str, results: list[tuple[str, str, CleanResult]], style_changes=None) -> str:
    """`results`: (chapter id, chapter title, cleaning result) in book order; `style_changes`: what
    the house style changed (style.StyleChanges), if it ran."""
    stages = "".join(f"<li><code>{name}</code> — {_esc(purpose)}</li>" for name, purpose in STAGES)
    index = "".join(f'<li><a href="#{_esc(cid)}">{_esc(t)}</a>: {_esc(r.summary())}</li>'
                    for cid, t, r in results)
    body = "".join(_article(cid, t, r) for cid, t, r in results)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>Cleaning report — {_esc(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 70em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9em; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }}
td.n {{ text-align: right; color: #666; width: 4em; }}
code {{ background: #f3f3f3; padding: 0 0.2em; }}
section {{ margin-top: 3em; }}
small {{ color: #777; font-weight: normal; }}
.why {{ color: #666; font-size: 0.9em; }}
</style></head><body>
<h1>Cleaning report — {_esc(title)}</h1>
<p>Every line the cleaner dropped, with its line number in the seed and the rule that dropped it.
To keep a line, add its start under <code>cleaning: keep:</code> for the chapter in
<code>editorial/book.yaml</code>.</p>
<h2>Stages, in order</h2><ol>{stages}</ol>
<h2>Articles</h2><ul>{index}</ul>
{body}
{_house_style(style_changes)}
</body></html>
"""
