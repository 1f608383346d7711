"""The cleaner: an ordered list of small stages from seed lines to an Article.

Read STAGES top to bottom and you have the whole cleaning story. Each stage is
a pure function of the units (and plain-data settings); it returns the units
it keeps and an Event for every line it dropped, reshaped or marked, naming
the rule. Nothing here reads files, YAML or HTML: a saved web page arrives as
units whose `Markup` holds what its HTML said, as plain data (`pipeline.html`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from ..model import Article
from ..read import SourceText
from .assemble import assemble
from .backmatter import mark_about_author, mark_notes_and_references
from .blocks import split_blocks
from .duplicates import drop_duplicates
from .embeds import drop_embeds
from .body import find_body
from .boxes import drop_boxes
from .body_model import BodyModel, load_model
from .furniture import drop_furniture
from .head import recognise_head
from .language import Language, detect_language
from .metadata import copyright_holder
from .headings import recognise_headings
from .notes import find_note_calls
from .outside import drop_outside
from .overrides import apply_overrides
from .page_units import split_page
from .quotations import recognise_quotations
from .structure import recognise_structure
from .typography import apply_typography
from .units import Event, Overrides, StageResult, Unit

#: The cleaning story, in order: (stage name, what it does).
STAGES = (
    ("overrides", "apply the editors' keep/drop/heading/quotation decisions first"),
    ("furniture", "drop site furniture: search boxes, share bars, cookie and newsletter prompts"),
    ("embeds", "drop embedded social posts: the post, its links, its attribution"),
    ("backmatter", "mark the article's own notes and references sections"),
    ("body", "find the article's span: every line before, after or aside from it is marked, with why"),
    ("head", "find title, standfirst, byline, date and epigraph just above the article"),
    ("about", "mark the author's note at the article's end or just after it"),
    ("boxes", "drop a furniture label inside the article and the headlines it lists"),
    ("outside", "drop what lies before, after or aside from the article"),
    ("duplicates", "drop a paragraph the page shows twice"),
    ("typography", "curly quotes, dashes, ellipses, single spaces; code left as the page wrote it"),
    ("structure", "set headings, lists and quotations where a saved page's markup states them"),
    ("quotations", "recognise quotations, letters and lists introduced by a colon"),
    ("headings", "recognise section headings: short lines that head paragraphs"),
    ("notes", "turn note-call numerals into note references"),
)


@dataclass
class CleanResult:
    article: Article
    units: list[Unit]
    events: list[Event] = field(default_factory=list)
    source_lines: int = 0
    html_lines: dict[int, int] = field(default_factory=dict)  # a saved page: block number -> line of the HTML

    def where(self, line: int) -> str:
        """Where a unit stood in its seed, as the report shows it: a line, or a saved page's block and line."""
        if not self.html_lines:
            return str(line)
        return f"block {line}, line {self.html_lines[line]}" if line in self.html_lines else f"line {line}"

    def dropped(self) -> list[Event]:
        return [e for e in self.events if e.action == "dropped"]

    def warnings(self) -> list[Event]:
        return [e for e in self.events if e.action == "warning"]

    def counts(self) -> Counter:
        return Counter(e.rule for e in self.dropped() if e.rule != "blank-line")

    def summary(self) -> str:
        counts = self.counts()
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        kept = len(self.units)
        return f"{kept} blocks kept, {sum(counts.values())} lines dropped" + (f" ({rules})" if rules else "")


def _stage_functions(overrides: Overrides, language: Language, model: BodyModel | None, holder: str | None = None):
    return {
        "overrides": partial(apply_overrides, overrides=overrides),
        "furniture": drop_furniture,
        "embeds": drop_embeds,
        "backmatter": mark_notes_and_references,
        "body": partial(find_body, model=model, language=language),
        "outside": drop_outside,
        "boxes": partial(drop_boxes, language=language),
        "head": partial(recognise_head, title_weights=model.title_weights if model else None, holder=holder),
        "about": mark_about_author,
        "duplicates": drop_duplicates,
        "typography": apply_typography,
        "structure": recognise_structure,
        "quotations": recognise_quotations,
        "headings": recognise_headings,
        "notes": find_note_calls,
    }


def _run(source: SourceText, overrides: Overrides | None, model: BodyModel | None, until: str | None = None):
    # A saved web page arrives as units already (pipeline.html); a text seed as lines.
    result: StageResult = split_page(source) if getattr(source, "units", None) else split_blocks(source)
    units, events = result.units, list(result.events)
    language = detect_language([u.text for u in units])
    holder = copyright_holder([u.text for u in units])  # read before the furniture stage drops the footer
    if model is None and until != "body":
        model = load_model()
    functions = _stage_functions(overrides or Overrides(), language, model, holder)
    for name, _purpose in STAGES:
        if name == until:
            break
        result = functions[name](units)
        units = result.units
        events.extend(result.events)
    return units, events, language


def clean(source: SourceText, overrides: Overrides | None = None, model: BodyModel | None = None) -> CleanResult:
    """Run every stage over one seed and assemble the Article."""
    units, events, _language = _run(source, overrides, model)
    places = {u.line: u.markup.source_line for u in getattr(source, "units", ()) if u.markup}
    return CleanResult(assemble(source.path, units, events), units, events, len(source.lines), places)


def units_before_head(source: SourceText, model: BodyModel | None = None) -> list[Unit]:
    """The units as the head stage sees them, each placed by the body model: what the title ranker learns from."""
    units, _events, _language = _run(source, None, model, until="head")
    return units


def units_for_body(source: SourceText) -> tuple[list[Unit], Language]:
    """The units the body stage sees, and the page's language: what the body model is trained on."""
    units, _events, language = _run(source, None, None, until="body")
    return units, language
