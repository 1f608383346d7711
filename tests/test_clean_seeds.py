"""The cleaner on the five real seeds, against hand-checked ground truth."""

from __future__ import annotations

import pytest

from conftest import SEEDS, letter_words
from pipeline.clean import clean
from pipeline.clean.units import Role
from pipeline.model import BlockKind
from pipeline.read import decode_seed
from pipeline.seeds import read_seed
from pipeline.render.markdown import article_text

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def cleaned():
    return {name: clean(read_seed(SEEDS / name)) for name in SEED_NAMES}


def _lines(name):
    text = (SEEDS / name).read_text(encoding="utf-8-sig")
    return {n: line for n, line in enumerate(text.splitlines(), start=1) if line.strip()}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_debris_line_is_dropped(name, cleaned, truth):
    kept = {u.line for u in cleaned[name].units}
    leaked = sorted(set(truth[name]["debris"]) & kept)
    assert not leaked, [f"{n}: {_lines(name)[n][:60]}" for n in leaked]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_article_line_is_kept_word_for_word(name, cleaned, truth):
    expected = truth[name]
    not_article = set(expected["debris"]) | set(expected.get("duplicates", []))
    kept = {u.line: u for u in cleaned[name].units}
    lost = []
    for number, line in _lines(name).items():
        if number in not_article or line.strip("\u00a0 \t") == "":
            continue
        unit = kept.get(number)
        if unit is None:
            lost.append(f"{number}: {line[:70]}")
            continue
        if letter_words(unit.text) != letter_words(line):
            lost.append(f"{number} changed: {line[:70]}")
    assert not lost, "\n".join(lost)
    for number in expected.get("duplicates", []):
        assert number not in kept


@pytest.mark.parametrize("name", SEED_NAMES)
def test_headings_are_recognised_and_nothing_else_is(name, cleaned, truth):
    headings = sorted(u.line for u in cleaned[name].units if u.role is Role.HEADING)
    assert headings == truth[name]["headings"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_title_standfirst_and_byline(name, cleaned, truth):
    article = cleaned[name].article
    expected = truth[name]
    assert (article.title.text if article.title else None) == expected.get("title")
    if "standfirst" in expected:
        assert article.standfirst is not None and article.standfirst.line == expected["standfirst"]
    if "author" in expected:
        assert article.author == expected["author"]
    if "epigraph" in expected:
        assert article.epigraph is not None and article.epigraph.lines[0].line == expected["epigraph"]


def test_short_paragraphs_are_not_taken_for_headings(cleaned):
    blocks = cleaned["001_90960ef981d27cfa.txt"].article.blocks
    paragraph_texts = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert "Forced or slave labour was introduced on a massive scale." in paragraph_texts
    paragraphs = [b.text for b in cleaned["002_74b362fd79745b26.txt"].article.blocks
                  if b.kind is BlockKind.PARAGRAPH]
    assert "Trotsky explained how:" in paragraphs


def test_letters_keep_their_signature_and_source(cleaned):
    article = cleaned["004_d8ea58e57b63fff4.txt"].article
    letters = [b for b in article.blocks if b.kind is BlockKind.QUOTATION and b.signature]
    signatures = [b.signature.text for b in letters]
    assert "J. Stalin.”" in signatures and "N. Krupskaya”" in signatures
    stalin = letters[signatures.index("J. Stalin.”")]
    assert stalin.source.text == "(Izvestiya Ts. Kom. KPSS, 1989, p. 191.)"
    assert stalin.lines[0].text == "“Comrade Kamenev!"


def test_quotations_introduced_by_a_colon(cleaned):
    article = cleaned["000_de6112e542265b07.txt"].article
    quotes = [b.text for b in article.blocks if b.kind is BlockKind.QUOTATION]
    assert any(q.startswith("“In its struggle against the Left Opposition") for q in quotes)
    journal = cleaned["003_ad47bf4394396364.txt"].article
    quotes = [b.text for b in journal.blocks if b.kind is BlockKind.QUOTATION]
    assert any(q.startswith("With each change of employment") for q in quotes)


def test_the_journal_keeps_its_notes_references_and_author_note(cleaned, truth):
    result = cleaned["003_ad47bf4394396364.txt"]
    article = result.article
    assert [n.number for n in article.source_notes] == [n for n in range(1, 58) if n not in (3, 5, 33)]
    assert article.references[0].text.startswith("www.marxists.org/")
    assert article.about_author.text.startswith("Tomáš Tengely-Evans is online editor")
    body = " ".join(b.text for b in article.blocks)
    assert "Thanks to Joseph Choonara" not in body and "Notes" not in [b.text for b in article.blocks]


def test_the_list_of_conditions_is_a_list(cleaned):
    lists = [b for b in cleaned["004_d8ea58e57b63fff4.txt"].article.blocks if b.kind is BlockKind.LIST]
    assert len(lists) == 1 and len(lists[0].lines) == 4


@pytest.mark.parametrize("name", SEED_NAMES)
def test_cleaning_twice_changes_nothing(name, cleaned):
    first = cleaned[name].article
    again = clean(decode_seed(article_text(first).encode("utf-8"), SEEDS / name)).article
    assert article_text(again) == article_text(first)
    assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in first.blocks]
    assert (again.title and again.title.text) == (first.title and first.title.text)
    assert [n.number for n in again.source_notes] == [n.number for n in first.source_notes]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_dropped_line_is_reported_with_a_rule(name, cleaned):
    result = cleaned[name]
    kept = {u.line for u in result.units} | {u.last_line for u in result.units}
    reported = {e.line for e in result.dropped()}
    for number, line in _lines(name).items():
        if line.strip("\u00a0 \t") and number not in kept:
            assert number in reported, f"line {number} vanished without a report"
    assert all(e.rule for e in result.events)
