"""Glossary: matching rules, schema errors, and the links in both editions."""

from __future__ import annotations

import re

import pytest

from conftest import SMALL_BOOK, XHTML_NS, letter_words, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.glossary import Matcher, link_glossary
from pipeline.editorial.load import load_editorial
from pipeline.model import Article, Block, BlockKind, Chapter, GlossaryEntry, Mark, MarkKind, Paragraph, Text
from pipeline.problems import PipelineError
from pipeline.render import ids


def entry(entry_id, *forms, match_case=True):
    return GlossaryEntry(entry_id, forms[0], list(forms), [Paragraph(Text("d"))], match_case=match_case)


ENTRIES = [entry("nep", "NEP", "New Economic Policy"), entry("kulaks", "kulaks", "kulak"),
           entry("party", "Party"), entry("left-opposition", "Left Opposition"),
           entry("opposition", "Opposition"), entry("politburo", "politburo", match_case=False)]


def found(text):
    return [(text[s:e], i) for s, e, i in Matcher(ENTRIES).find(text)]


def test_whole_words_longest_form_and_case_rules():
    assert found("The New Economic Policy (NEP) helped the Kulaks and kulaks.") == [
        ("New Economic Policy", "nep"), ("NEP", "nep"), ("Kulaks", "kulaks"), ("kulaks", "kulaks")]
    assert found("the party and the Party") == [("Party", "party")]
    assert found("the Left Opposition and the Opposition") == [("Left Opposition", "left-opposition"),
                                                                ("Opposition", "opposition")]
    assert found("NEPmen, NEP-men and kulakism are other words") == []
    assert found("the POLITBURO met; Politburo’s decision") == [("POLITBURO", "politburo"), ("Politburo", "politburo")]


def _chapter(*texts, headings=()):
    blocks = [Block(BlockKind.HEADING, [Text(h)]) for h in headings] + [Block(BlockKind.PARAGRAPH, [t]) for t in texts]
    return Chapter("c", 1, "C", None, Article(path=None, blocks=blocks))


def test_only_the_first_use_per_chapter_links_and_never_in_headings_calls_or_addresses():
    call = Text("The New Economic Policy began.", [Mark(MarkKind.NOTE_CALL, 8, 8, "e1")])
    url = Text("See www.example.org/NEP for the NEP archive.")
    again = Text("NEP again, and the NEP once more.")
    chapter = _chapter(call, url, again, headings=["NEP and the kulaks"])
    link_glossary([chapter], [entry("nep", "NEP", "New Economic Policy")])
    assert not [m for m in chapter.article.blocks[0].lines[0].marks]  # heading untouched
    assert not [m for m in call.marks if m.kind is MarkKind.GLOSSARY]  # would swallow the note call
    marks = [m for m in url.marks if m.kind is MarkKind.GLOSSARY]
    assert [(url.text[m.start:m.end], m.start) for m in marks] == [("NEP", url.text.index("the NEP") + 4)]
    assert not [m for m in again.marks if m.kind is MarkKind.GLOSSARY]


GLOSSARY_OK = """entries:
  - term: NEP
    forms: [New Economic Policy]
    definition: "The New Economic Policy of 1921."
  - term: Never Used
    definition: "x"
"""


@pytest.mark.parametrize("glossary, message, line", [
    (GLOSSARY_OK.replace("    forms:", "    froms:"), "unknown key 'froms'", 3),
    (GLOSSARY_OK + "  - term: NEP\n    definition: again\n", "duplicate term 'NEP'", 7),
    (GLOSSARY_OK + "  - term: Other\n    forms: [New Economic Policy]\n    definition: y\n",
     "form 'New Economic Policy' is claimed by two entries", 8),
    (GLOSSARY_OK + "  - term: Third\n    definition: z\n    see_also: [nap]\n", "see_also 'nap' names no", 9),
])
def test_glossary_mistakes_are_errors_with_file_and_line(tmp_path, glossary, message, line):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\nThe New Economic Policy began in 1921 "
                                                 "and lasted until the end of the decade, when it was dropped.\n"},
                           SMALL_BOOK, glossary=glossary)
    with pytest.raises(PipelineError) as caught:
        build_book(load_editorial(project))
    problem = next(p for p in caught.value.problems if message in p.message)
    assert problem.path.name == "glossary.yaml" and problem.line == line


def test_an_entry_never_used_is_a_warning_and_uses_are_counted(tmp_path):
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\nThe New Economic Policy began in 1921 and "
                                                 "lasted until the end of the decade, when it was dropped.\n"},
                           SMALL_BOOK, glossary=GLOSSARY_OK)
    made = build_book(load_editorial(project))
    assert [p.message for p in made.warnings] == ["glossary entry 'Never Used' is never used in the text"]
    nep = next(e for e in made.book.glossary if e.id == "nep")
    assert nep.uses == ["one"]


# ------------------------------------------------------------- the built editions

def test_the_real_glossary_is_large_and_every_entry_is_used(built):
    glossary = built.made.book.glossary
    assert len(glossary) >= 40
    assert all(e.uses for e in glossary)
    assert not [p for p in built.warnings if "never used" in p.message]


def test_epub_glossary_links_resolve_and_back_links_return_to_a_use(epub_documents):
    glossary = epub_documents["EPUB/text/glossary.xhtml"]
    section = glossary.find(".//x:section[@epub:type='glossary']", XHTML_NS)
    assert section is not None and section.get("role") == "doc-glossary"
    # The target is the <dfn> in the <dt> (pandoc drops a <dt>'s id, and with it every link).
    terms = {dt.find("x:dfn", XHTML_NS).get("id"): dt for dt in section.iterfind(".//x:dl/x:dt", XHTML_NS)
             if dt.get("class") != "see-term"}
    assert None not in terms and all(dt.get("id") is None for dt in terms.values())
    assert all(dt.get("{http://www.idpf.org/2007/ops}type") == "glossterm" for dt in terms.values())
    links = 0
    for name, document in epub_documents.items():
        for a in document.iterfind(".//x:a[@class='glossterm']", XHTML_NS):
            links += 1
            target = a.get("href").split("#")[1]
            assert target in terms, a.get("href")
            assert a.get("role") == "doc-glossref"
    assert links >= 40
    for dd in section.iterfind(".//x:dd", XHTML_NS):
        assert dd.get("{http://www.idpf.org/2007/ops}type") == "glossdef"
        for uses in dd.iterfind(".//x:p[@class='uses']", XHTML_NS):
            assert re.match("Pages?\u00a0", uses.text), uses.text  # "Page" never ends a line without its number
        for back in dd.iterfind(".//x:p[@class='uses']/x:a", XHTML_NS):
            file, anchor = back.get("href").split("#")
            use = epub_documents[f"EPUB/text/{file}"].find(f".//*[@id='{anchor}']")
            assert use is not None and use.get("class") == "glossterm"


def test_a_form_readers_look_up_is_filed_as_a_cross_reference(epub_documents, built, pdf_text):
    """"show trials. See Moscow Trials.": each `see_from` form is filed in its own place, in both editions, and
    leads to the entry's headword."""
    section = epub_documents["EPUB/text/glossary.xhtml"].find(".//x:section[@id='glossary']", XHTML_NS)
    children = list(section.find(".//x:dl", XHTML_NS))  # dt, dd, dt, dd ... in the e-book
    shown = ["".join(el.itertext()) for el in children[::2]]
    references = {"".join(dt.itertext()): dd for dt, dd in zip(children[::2], children[1::2])
                  if dt.get("class") == "see-term"}
    expected = {form: entry for entry in built.made.book.glossary for form in entry.see_from}
    assert expected.get("show trials") and set(references) == set(expected)
    sort_key = {entry.term: entry.sort or entry.term for entry in built.made.book.glossary}
    filed = [sort_key.get(s, s).lower().removeprefix("the ") for s in shown]

    def order(words: str) -> tuple:  # letter by letter, a leading number before letters and by its value
        number = re.match(r"(\d+)(.*)", words)
        return (0, int(number[1]), number[2]) if number else (1, 0, words)

    assert filed == sorted(filed, key=order), "headwords and cross-references out of order"
    assert filed.index("20th congress") < filed.index("1923 opposition")  # 20 before 1923, not "2" after "1"
    for form, dd in references.items():
        link = dd.find(".//x:p[@class='see']/x:a", XHTML_NS)
        assert link.get("href") == f"#{ids.glossary_entry_id(expected[form].id)}", form
    result = built.pdf
    text = " ".join(" ".join(page.split()) for page in
                    pdf_text[result.physical["glossary"] - 1:result.physical["index"] - 1])
    assert "Platform of the 46 See Left Opposition." in text and "Purge Trials See Moscow Trials." in text


def test_see_from_names_a_form_of_its_entry(tmp_path):
    """A cross-reference from a word the text never marks would lead nowhere: an error naming the line."""
    glossary = GLOSSARY_OK.replace("    forms: [New Economic Policy]\n",
                                   "    forms: [New Economic Policy]\n    see_from: [NEP-men]\n")
    project = make_project(tmp_path, {"one.txt": "A Title Here\n\nThe New Economic Policy began in 1921 "
                                                 "and lasted until the end of the decade, when it was dropped.\n"},
                           SMALL_BOOK, glossary=glossary)
    with pytest.raises(PipelineError) as caught:
        build_book(load_editorial(project))
    problem = next(p for p in caught.value.problems if "see_from 'NEP-men'" in p.message)
    assert problem.path.name == "glossary.yaml" and problem.line == 4 and "add 'NEP-men' to forms" in problem.hint


def test_the_glossary_has_a_landmark(epub_documents):
    nav = epub_documents["EPUB/text/toc.xhtml"]
    assert nav.find(".//x:nav[@epub:type='landmarks']//x:a[@epub:type='glossary']", XHTML_NS) is not None


def test_pdf_glossary_page_numbers_point_to_pages_that_contain_the_term(built, pdf_text):
    result = built.pdf
    label_to_index = {}
    for anchor, label in result.labels.items():
        if anchor in result.physical:
            label_to_index.setdefault(label, result.physical[anchor])
    checked = 0
    for entry in built.made.book.glossary:
        for chapter in built.made.book.chapters:
            anchor = ids.term_use_id(chapter, entry.id)
            if anchor not in result.labels:
                continue
            page = pdf_text[result.physical[anchor] - 1]
            words = " " + " ".join(letter_words(re.sub(r"[-\u2010\u00ad]\s*\n", "", page))) + " "
            assert any(f" {' '.join(letter_words(form))} " in words for form in entry.forms), (entry.term, anchor)
            checked += 1
    assert checked >= 40
    glossary = pdf_text[result.physical["glossary"] - 1:result.physical.get("index", len(pdf_text) + 1) - 1]
    glossary_text = " ".join(" ".join(t.split()) for t in glossary)
    for entry in built.made.book.glossary:
        labels = [result.labels[ids.term_use_id(c, entry.id)] for c in built.made.book.chapters
                  if ids.term_use_id(c, entry.id) in result.labels]
        printed = f"{'Page' if len(labels) == 1 else 'Pages'} {', '.join(labels)}."
        assert printed in glossary_text, (entry.term, printed)


def test_an_entry_is_filed_under_its_sort_key_where_given(tmp_path):
    """A person's entry ("Tony Cliff", sort: Cliff) is filed under the surname, among the others."""
    from pipeline.editorial.apply import _glossary
    from pipeline.editorial.load import GlossarySpec

    class Doc:
        def where(self, _):
            return 1, None

    class Editorial:
        glossary = [GlossarySpec(0, "tony-cliff", "Tony Cliff", ["Tony Cliff"], True, "d", [], ("entries", 0), "Cliff"),
                    GlossarySpec(1, "lenin", "Lenin", ["Lenin"], True, "d", [], ("entries", 1)),
                    GlossarySpec(2, "the-purges", "The Purges", ["The Purges"], True, "d", [], ("entries", 2)),
                    GlossarySpec(3, "bukharin", "Bukharin", ["Bukharin"], True, "d", [], ("entries", 3))]
        glossary_doc = Doc()

    assert [e.term for e in _glossary(Editorial())] == ["Bukharin", "Tony Cliff", "Lenin", "The Purges"]


def test_both_editions_file_the_readers_people_under_their_surnames(epub_documents, built, pdf_text):
    """Cliff among the C entries and Orwell among the O entries (headed by surname, as Beria and Trotsky are),
    in the EPUB's glossary, and the PDF's entries (each opens a line with its term) in the same order."""
    section = next(found for doc in epub_documents.values()
                   if (found := doc.find(".//x:section[@id='glossary']", XHTML_NS)) is not None)
    terms = ["".join(dfn.itertext()) for dfn in section.iterfind(".//x:dfn", XHTML_NS)]
    for person, before, after in (("Cliff", "Central Committee", "collectivisation"),
                                  ("Orwell", "Old Bolsheviks", "permanent revolution")):
        assert terms.index(before) < terms.index(person) < terms.index(after), terms
    result = built.pdf
    lines = [" ".join(line.split()) for page in pdf_text[result.physical["glossary"] - 1:result.physical["index"] - 1]
             for line in page.split("\n")]
    at = 0
    for term in terms:  # each term opens a line after the one before it
        at = next((i for i in range(at, len(lines)) if lines[i].startswith(term)), None)
        assert at is not None, f"{term} not found after the entry before it"
