"""The back-of-book index: index.yaml's checks, the spans in the text, the markup, the real reader's index."""

from __future__ import annotations

import re

import pytest

from conftest import SMALL_BOOK, XHTML_NS, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.index_marks import sort_key
from pipeline.editorial.load import load_editorial
from pipeline.model import IndexLocator, MarkKind
from pipeline.problems import PipelineError
from pipeline.render import ids
from pipeline.render.index import IndexView, chapter_locators, page_locators, render_index
from pipeline.render.inline import render_text

EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"

SEED = ("A Title Here\n\n"
        "Stalin and Trotsky fought over the New Economic Policy. Stalin’s faction won; Stalinism followed.\n\n"
        "The Purges\n\n"
        "In the purges Stalin killed the Old Bolsheviks. Trotsky was murdered in Mexico in 1940.\n\n"
        "See www.example.org/Trotsky for more about Trotsky and Stalin.\n")

INDEX = """entries:
  - heading: Stalin, Joseph
    kind: person
    forms: [Stalin]
    locators: false
    sub:
      - heading: and the purges
        within: [The purges]
      - heading: faction of
        forms: [Stalin’s faction]
  - heading: Trotsky, Leon
    kind: person
    forms: [Trotsky]
  - heading: New Economic Policy
    kind: idea
    forms: [New Economic Policy]
    see_also: [old-bolsheviks]
  - heading: Old Bolsheviks
    kind: organisation
    forms: [Old Bolsheviks]
  - heading: NEP
    kind: idea
    see: [new-economic-policy]
"""


def _project(tmp_path, index=INDEX, seed=SEED, **files):
    return make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK, files={"index.yaml": index, **files})


def _made(tmp_path, index=INDEX, seed=SEED, **files):
    return build_book(load_editorial(_project(tmp_path, index, seed, **files)))


# ------------------------------------------------------------- index.yaml is checked like the other files

@pytest.mark.parametrize("change, message, where, hint", [
    (lambda s: s.replace("    forms: [Trotsky]", "    froms: [Trotsky]"), "unknown key 'froms'", (13, 5),
     "did you mean 'forms'?"),
    (lambda s: s.replace("kind: organisation", "kind: organsation"), "'organsation' is not a valid value for 'kind'",
     (19, 11), "did you mean 'organisation'?"),
    (lambda s: s + "  - heading: Leon Trotsky\n    kind: person\n    forms: [Trotsky]\n",
     "form 'Trotsky' is claimed by two headings", (26, 13), None),
    (lambda s: s + "  - heading: Purges\n    kind: event\n    forms: [purges]\n    see_also: [old-bolshevik]\n",
     "see_also 'old-bolshevik' names no index entry", (27, 16), "did you mean 'old-bolsheviks'?"),
    (lambda s: s + "  - heading: Lonely\n    kind: idea\n", "entry 'Lonely' has neither forms nor 'see'", (24, 5), None),
    (lambda s: s.replace("heading: NEP\n", "heading: NEP\n    sort: 12\n"), "'sort' should be text", (22, 11), None),
])
def test_mistakes_are_errors_with_file_line_column_and_the_nearest_name(tmp_path, change, message, where, hint):
    with pytest.raises(PipelineError) as caught:
        _made(tmp_path, change(INDEX))
    problem = next(p for p in caught.value.problems if message in p.message)
    assert problem.path.name == "index.yaml" and (problem.line, problem.column) == where, str(problem)
    if hint:
        assert hint in (problem.hint or ""), problem.hint


def test_a_form_or_section_that_locates_nothing_is_a_warning_naming_its_place(tmp_path):
    index = INDEX.replace("forms: [Old Bolsheviks]", "forms: [Old Bolsheviks, Old Bolshevick]")
    index = index.replace("within: [The purges]", "within: [The Purgs]")
    made = _made(tmp_path, index)
    warnings = {p.message: p for p in made.warnings}
    form = warnings["index form 'Old Bolshevick' of 'Old Bolsheviks' never occurs in the chapters"]
    assert (form.line, form.column, form.severity) == (20, 29, "warning")
    section = next(p for m, p in warnings.items() if "locates nothing in a section headed 'The Purgs'" in m)
    assert "did you mean 'The purges'?" in section.hint


def test_the_real_index_is_valid_and_warns_of_nothing():
    from conftest import ROOT
    made = build_book(load_editorial(ROOT))
    assert not made.warnings, [str(p) for p in made.warnings]
    assert len(made.book.index) >= 150


# ------------------------------------------------------------- spans in the text

def _spans(made):
    out = []
    for block in made.book.chapters[0].article.blocks:
        for text in block.lines:
            out += [(text.text[m.start:m.end], m.ref) for m in text.marks if m.kind is MarkKind.INDEX]
    return out


def test_every_occurrence_gets_a_span_with_an_id_in_reading_order(tmp_path):
    made = _made(tmp_path)
    spans = _spans(made)
    words = [w for w, _ in spans]
    # "Stalin" is listed only within "The purges" (locators: false; the section runs to the next heading),
    # "Stalinism" is another word, and the web address is not text.
    assert words == ["Trotsky", "New Economic Policy", "Stalin’s faction", "Stalin", "Old Bolsheviks", "Trotsky",
                     "Trotsky", "Stalin"]
    assert [ref for _, ref in spans] == [f"chapter-1-ix-{n}" for n in range(1, 9)]
    by_id = {e.id: e for e in made.book.index}
    stalin = by_id["stalin-joseph"]
    assert not stalin.locators
    subs = {s.heading: [loc.words for loc in s.locators] for s in stalin.subentries}
    assert subs == {"and the purges": ["Stalin", "Stalin"], "faction of": ["Stalin’s faction"]}
    assert [loc.words for loc in by_id["trotsky-leon"].locators] == ["Trotsky"] * 3


def test_a_name_in_a_works_title_is_not_a_mention_but_the_work_is_located(tmp_path):
    seed = SEED.replace("Trotsky was murdered in Mexico in 1940.",
                        "Trotsky was murdered in Mexico in 1940 (D. Volkogonov, Trotsky, p. 243; Black, "
                        "Stalinism in Britain). Pravda said so.")
    book = SMALL_BOOK.replace("chapters:", "italics:\n  - D. Volkogonov, *Trotsky*\n  - Stalinism in Britain\n"
                                           "  - Pravda\nchapters:")
    index = INDEX + ("  - heading: '*Stalinism in Britain* (Black)'\n    id: stalinism-in-britain\n"
                     "    kind: work\n    forms: [Stalinism in Britain]\n"
                     "  - heading: '*Pravda*'\n    id: pravda\n    kind: organisation\n    forms: [Pravda]\n")
    project = make_project(tmp_path, {"one.txt": seed}, book, files={"index.yaml": index})
    made = build_book(load_editorial(project))
    by_id = {e.id: e for e in made.book.index}
    assert [loc.words for loc in by_id["trotsky-leon"].locators] == ["Trotsky"] * 3  # not the book's title
    assert [loc.words for loc in by_id["stalinism-in-britain"].locators] == ["Stalinism in Britain"]
    assert [loc.words for loc in by_id["pravda"].locators] == ["Pravda"]  # a newspaper: its title is its name


def test_an_except_phrase_takes_a_mention_from_its_heading(tmp_path):
    """An entry's exception: the form does not name it there (dropped). A sub-entry's: the mention, in a
    section its `within` names, is not its own and goes to the entry (nowhere, if the entry lists no pages)."""
    index = INDEX.replace("    forms: [Trotsky]\n", "    forms: [Trotsky]\n    except: [Trotsky was murdered]\n")
    index = index.replace("        within: [The purges]\n", "        within: [The purges]\n        except: [purges Stalin killed]\n")
    by_id = {e.id: e for e in _made(tmp_path, index).book.index}
    assert [loc.words for loc in by_id["trotsky-leon"].locators] == ["Trotsky", "Trotsky"]  # not "was murdered"
    purges = next(s for s in by_id["stalin-joseph"].subentries if s.heading == "and the purges")
    assert [loc.words for loc in purges.locators] == ["Stalin"]  # "…about Trotsky and Stalin" alone
    assert by_id["stalin-joseph"].locators == []  # locators: false: the excepted mention is listed nowhere
    listed = index.replace("    locators: false\n", "")
    stalin = {e.id: e for e in _made(tmp_path / "listed", listed).book.index}["stalin-joseph"]
    assert [loc.words for loc in stalin.locators] == ["Stalin", "Stalin"]  # the opening's, and the excepted one


def test_an_except_phrase_that_takes_nothing_and_a_section_left_empty_are_warnings(tmp_path):
    index = INDEX.replace("    forms: [Trotsky]\n", "    forms: [Trotsky]\n    except: [Trotsky was drowned]\n")
    index = index.replace("        within: [The purges]\n", "        within: [The purges]\n        except: [Stalin]\n")
    warnings = {p.message: p for p in _made(tmp_path, index).warnings}
    phrase = warnings["index exception 'Trotsky was drowned' of 'Trotsky, Leon' holds none of its mentions"]
    assert (phrase.line, phrase.column, phrase.severity) == (15, 14, "warning")
    empty = next(p for m, p in warnings.items() if "locates nothing in a section headed 'The purges'" in m)
    assert "remove it from within" in empty.hint


def test_a_cited_books_place_of_publication_is_not_a_mention_of_the_place(tmp_path):
    seed = SEED.replace("Trotsky was murdered in Mexico in 1940.",
                        "Trotsky was murdered in Mexico in 1940 (Deutscher, The Prophet Outcast, Mexico, 1963, "
                        "p. 5; Sedov, Red Book, Mexico 1937). Mexico (1940) mourned him.")
    index = INDEX + "  - heading: Mexico\n    kind: place\n    forms: [Mexico]\n"
    project = make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK, files={"index.yaml": index})
    made = build_book(load_editorial(project))
    mexico = next(e for e in made.book.index if e.id == "mexico")
    # murdered in Mexico, and Mexico (1940) mourned him: two; the two books published in Mexico are not
    assert [loc.words for loc in mexico.locators] == ["Mexico", "Mexico"]


def test_a_span_never_takes_in_a_note_call_and_never_sits_inside_a_link(tmp_path):
    seed = SEED.replace("fought over the New Economic Policy.", "fought over the New Economic\u00a0Policy.")
    notes = ('notes:\n  - chapter: one\n    after: "New Economic"\n    text: "A note."\n')
    glossary = ('entries:\n  - term: Trotsky\n    definition: "Leon Trotsky."\n'
                '  - term: Old Bolsheviks and others\n    forms: [killed the Old Bolsheviks]\n    definition: "x"\n')
    project = _project(tmp_path, seed=seed)
    (project / "editorial" / "notes.yaml").write_text(notes, encoding="utf-8")
    (project / "editorial" / "glossary.yaml").write_text(glossary, encoding="utf-8")
    made = build_book(load_editorial(project))
    paragraph = made.book.chapters[0].article.blocks[0].lines[0]
    assert not [m for m in paragraph.marks if m.kind is MarkKind.INDEX and "Economic" in paragraph.text[m.start:m.end]]
    purges = made.book.chapters[0].article.blocks[2].lines[0]
    link = next(m for m in purges.marks if m.kind is MarkKind.GLOSSARY)
    span = next(m for m in purges.marks if m.kind is MarkKind.INDEX and m.end > link.start)
    assert (span.start, span.end) == (link.start, link.end), "the span takes the whole link in"
    from pipeline.render.xhtml import EPUB, Edition, _style
    html = render_text(purges, _style(made.book.chapters[0], made.book, Edition(EPUB)))
    assert re.search(r'<span id="chapter-1-ix-\d+"><a [^>]*>killed the Old Bolsheviks</a></span>', html)
    first = made.book.chapters[0].article.blocks[0].lines[0]
    html = render_text(first, _style(made.book.chapters[0], made.book, Edition(EPUB)))
    assert '<span id="chapter-1-ix-1"><a href="#glossary-trotsky"' in html
    from pipeline.render.xhtml import PRINT
    html = render_text(first, _style(made.book.chapters[0], made.book, Edition(PRINT)))
    assert re.search(r'>Trotsky</a><span id="chapter-1-ix-1"></span>', html), "print: an empty anchor after the words"
    assert "chapter-1-ix-1-end" not in html, "a one-word form needs no second anchor"


def test_print_anchors_a_form_after_its_first_word_and_after_its_last(tmp_path):
    from pipeline.render.xhtml import PRINT, Edition, _style, print_index_anchors
    made = _made(tmp_path)
    chapter = made.book.chapters[0]
    html = render_text(chapter.article.blocks[0].lines[0], _style(chapter, made.book, Edition(PRINT)))
    policy = re.search(r'New<span id="(chapter-1-ix-\d+)"></span> Economic Policy<span id="\1-end"></span>', html)
    assert policy, "print: one anchor after a form's first word, one after its last, neither after a space"
    assert print_index_anchors("a", '<a href="#g x">Old Bolsheviks</a>') == (
        '<a href="#g x">Old<span id="a"></span> Bolsheviks</a><span id="a-end"></span>')
    assert print_index_anchors("a", "Stalin\u2019s") == 'Stalin\u2019s<span id="a"></span>'
    assert print_index_anchors("a", "White Sea\u2013Baltic Canal") == (
        'White<span id="a"></span> Sea\u2013Baltic Canal<span id="a-end"></span>')


# ------------------------------------------------------------- locators and markup

def _locs(*anchors):
    return [IndexLocator(a, "one", "x") for a in anchors]


def test_pages_are_listed_once_and_runs_collapse():
    pages = {"a": "12", "b": "12", "c": "13", "d": "14", "e": "20", "f": "22", "g": "23", "h": "xii"}
    found = page_locators(_locs(*"abcdefgh"), pages)
    assert [(x.label, x.first, x.last) for x in found] == [
        ("xii", "h", None), ("12–14", "a", "d"), ("20", "e", None), ("22–23", "f", "g")]
    assert [x.label for x in chapter_locators(_locs("a", "b"), {"one": 3})] == ["ch.\u00a03"]


def test_a_form_over_a_page_turn_locates_both_pages_and_leads_to_its_start():
    pages = {"a": "124", "a-end": "125", "b": "125", "b-end": "125", "c": "130", "c-end": "130", "d": "131"}
    found = page_locators(_locs(*"abcd"), pages)
    assert [(x.label, x.first, x.last) for x in found] == [("124–125", "a", "a"), ("130–131", "c", "d")]
    assert [x.label for x in page_locators(_locs("a"), {"a": "7"})] == ["7"], "one word: one anchor"


def test_the_index_markup_follows_epub_indexes(tmp_path):
    made = _made(tmp_path)
    pages = {loc.anchor: str(10 + i) for i, loc in enumerate(
        l for e in made.book.index for h in e.headings() for l in h.locators)}
    html = render_index(made.book, IndexView(lambda a: f"chapter-1.xhtml#{a}", pages))
    from lxml import etree
    root = etree.fromstring(f'<div xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
                            f'{html}</div>')
    wrapper = root.find("x:div", XHTML_NS)
    assert wrapper.get("id") == "index" and wrapper.find("x:h2", XHTML_NS).text == "Index"
    index = wrapper.find("x:section", XHTML_NS)
    assert index.get(EPUB_TYPE) == "index" and index.get("role") == "doc-index"
    assert index.get("aria-labelledby") == "index-title"
    groups = index.findall("x:div/x:section", XHTML_NS)
    assert [g.find("x:h3", XHTML_NS).text for g in groups] == ["N", "O", "S", "T"]
    assert all(g.get(EPUB_TYPE) == "index-group" for g in groups)
    entries = {li.get("id"): li for li in index.iter("{http://www.w3.org/1999/xhtml}li")}
    assert all(li.getparent().tag.endswith("}ul") for li in entries.values())  # index-entry, implied
    nep = entries["index-nep"]
    xref = nep.find("x:span[@epub:type='index-xref-preferred']", XHTML_NS)
    assert xref.find("x:a", XHTML_NS).get("href") == "#index-new-economic-policy"
    related = entries["index-new-economic-policy"].find("x:span[@epub:type='index-xref-related']", XHTML_NS)
    assert related.find("x:a", XHTML_NS).get(EPUB_TYPE) == "index-term"
    stalin = entries["index-stalin-joseph"]
    assert stalin.find("x:a", XHTML_NS) is None, "no locators of its own"
    sub = stalin.find("x:ul/x:li", XHTML_NS)
    assert sub.find("x:span", XHTML_NS).get(EPUB_TYPE) == "index-term"
    trotsky = entries["index-trotsky-leon"]
    ranges = trotsky.findall("x:span[@epub:type='index-locator-range']", XHTML_NS)
    assert ranges and len(ranges[0].findall("x:a", XHTML_NS)) == 2
    assert "".join(ranges[0].itertext()).count("–") == 1


def test_headings_file_word_by_word_up_to_a_comma_or_parenthesis_and_dashes_part_words():
    """Chicago's word-by-word order: the words before a comma or a parenthesis file first, so a name
    inverted or qualified comes before a longer heading that begins with the same word."""
    headings = ["Lenin Levy", "Leninism", "Lenin, Vladimir", "Leningrad affair", "Leningrad (Petrograd)",
                "The Stalin School of Falsification", "Stalin, Joseph", "Stalinism", "New Deal", "Newark",
                "New, Arthur", "Nazis", "Nazi–Soviet Pact (1939)"]
    assert sorted(headings, key=sort_key) == [
        "Lenin, Vladimir", "Lenin Levy", "Leningrad (Petrograd)", "Leningrad affair", "Leninism",
        "Nazi–Soviet Pact (1939)", "Nazis",  # a dash parts words as a space does
        "New, Arthur", "New Deal", "Newark",
        "Stalin, Joseph", "The Stalin School of Falsification", "Stalinism"]



def test_headings_with_numbers_file_them_in_numerical_order_before_letters():
    """Chicago 16.64: "20th Congress" before "1923 Opposition" (letter by letter "1" would come first), and
    both before words."""
    from pipeline.editorial.index_marks import build_index
    from pipeline.editorial.index_spec import IndexSpec
    specs = [IndexSpec(k, f"e{k}", heading, "event", [heading], None, True, True, [], [], [], ())
             for k, heading in enumerate(["Abakumov, Viktor", "1923 Opposition", "20th Congress", "1917"])]
    assert [e.heading for e in build_index(specs)] == ["20th Congress", "1917", "1923 Opposition", "Abakumov, Viktor"]

def test_see_also_references_are_printed_in_alphabetical_order(tmp_path):
    index = INDEX.replace("see_also: [old-bolsheviks]", "see_also: [trotsky-leon, old-bolsheviks]")
    html = render_index(_made(tmp_path, index).book, IndexView(lambda a: f"chapter-1.xhtml#{a}", None, {"one": 1}))
    related = re.search(r'index-new-economic-policy".*?index-xref-related.*?</span>', html, re.S).group(0)
    assert related.index("Old Bolsheviks") < related.index("Trotsky, Leon")
    assert "See\u00a0also</i>\u00a0<a" in related  # never parted at a line's end, nor from what it names


def test_without_page_numbers_each_chapter_is_one_locator_and_the_headnote_says_so(tmp_path):
    made = _made(tmp_path)
    html = render_index(made.book, IndexView(lambda a: f"#{a}", None, {"one": 1}))
    assert "without the print edition’s page numbers" in html
    assert re.search(r'<span epub:type="index-term">Trotsky, Leon</span>, <a epub:type="index-locator" '
                     r'href="#chapter-1-ix-1">ch.\u00a01</a></li>', html)


# ------------------------------------------------------------- the real reader

def _forms(entry, heading):
    forms = list(heading.forms)
    if heading is not entry or not forms:
        forms += entry.forms  # a sub-entry that takes its entry's mentions in named sections
    return forms


def _letters(text: str) -> str:
    """Words as letters only: the PDF's text runs a note call's number into the word before it."""
    return re.sub(r"[\W\d_]+", " ", text.replace("’", "'")).lower()


def test_the_epub_index_has_150_entries_and_every_locator_leads_to_a_form(built, epub_documents):
    book = built.made.book
    document = epub_documents["EPUB/text/index.xhtml"]
    index = document.find(".//x:section[@epub:type='index']", XHTML_NS)
    entries = index.findall("x:div/x:section/x:ul/x:li", XHTML_NS)
    assert len(entries) >= 150
    by_id = {f"index-{h.id}": (e, h) for e in book.index for h in e.headings()}
    locators = 0
    for li in index.iter("{http://www.w3.org/1999/xhtml}li"):
        entry, heading = by_id[li.get("id")]
        for a in li.findall("x:a", XHTML_NS) + li.findall("x:span[@epub:type='index-locator-range']/x:a", XHTML_NS):
            locators += 1
            file, anchor = a.get("href").split("#")
            target = epub_documents[f"EPUB/text/{file}"].find(f".//*[@id='{anchor}']")
            assert target is not None, a.get("href")
            words = _letters("".join(target.itertext()))
            assert any(_letters(form).strip() in words for form in _forms(entry, heading)), (heading.heading, words)
    assert locators >= 500


def test_a_continued_line_repeats_the_entry_over_the_sub_entry_it_is_given_for(tmp_path):
    made = _made(tmp_path)
    stalin = next(e for e in made.book.index if e.heading == "Stalin, Joseph")
    sub = stalin.subentries[-1]
    pages = {loc.anchor: "12" for e in made.book.index for h in e.headings() for loc in h.locators}
    html = render_index(made.book, IndexView(lambda a: f"#{a}", pages, continued=frozenset({sub.id})))
    line = (f'<li id="index-{sub.id}-continued" class="continued" aria-hidden="true">Stalin, Joseph '
            f'<i>(continued)</i></li><li id="index-{sub.id}">')
    assert line in html and html.count("(continued)") == 1
    assert "(continued)" not in render_index(made.book, IndexView(lambda a: f"#{a}", pages))


def test_the_readers_index_repeats_an_entry_where_its_sub_entries_turn_to_a_left_hand_page(built, pdf_text, pdf_path):
    """Chicago 16.142: over sub-entries that open a left-hand page, "Entry (continued)"; only there. Where
    a page opens is read off the layout (`PdfResult.starts`: the ids its first words stand in, a
    continued line passed over), so the check holds whichever entries the pages part."""
    from pypdf import PdfReader
    result = built.pdf
    labels = PdfReader(pdf_path).page_labels
    starts = {start.label: start for start in result.starts}
    subs = {ids.index_entry_id(sub.id) for entry in built.made.book.index for sub in entry.subentries}
    title = built.made.book.meta.title
    left_pages = 0
    for i in range(result.physical["index"] - 1, result.physical["colophon"] - 1):
        page, start = pdf_text[i], starts.get(labels[i])
        left = labels[i].isdigit() and int(labels[i]) % 2 == 0
        left_pages += left
        opens_sub = start is not None and bool(start.hints) and start.hints[0] in subs
        assert ("(continued)" in page) == (left and opens_sub), (labels[i], start)
        if "(continued)" in page:
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            assert title in lines and "Index" not in lines, "a continued line on a right-hand page"  # running heads
            text = [line for line in lines if line != title and not line.isdigit()]
            assert any("(continued)" in line for line in text[:3]), text[:3]  # at the head of the page
    assert left_pages >= 4


def test_an_entrys_heading_is_never_parted_over_a_column_or_a_page(built, pdf_path):
    """An entry's own lines (its heading, locators and cross-references) stay in one column, and so do a
    sub-entry's: a column never opens on a turnover line, which stands 2em in (a sub-entry opens at 1em:
    Chicago's indented style). A sub-entry under a heading left at the foot of a page gets "(continued)"
    instead."""
    from print_finish import PrintedBook
    result = built.pdf
    pages = [page for page in PrintedBook(pdf_path).pages[result.physical["index"] - 1:result.physical["colophon"] - 1]
             if page.text_lines]  # not the blank verso before the sources
    em = 0.86 * 10  # .index-body's font size (styles/print.css)
    edges: dict[tuple[int, bool], float] = {}  # (page parity, right-hand column): the column's left edge
    columns = []
    for page in pages:
        mid = (min(line.x0 for line in page.text_lines) + max(c["x1"] for line in page.text_lines
                                                               for c in line.chars)) / 2
        for right in (False, True):
            lines = [line for line in page.text_lines if (line.x0 > mid) == right]
            if lines:
                key = (page.number % 2, right)
                edges[key] = min(edges.get(key, lines[0].x0), *(line.x0 for line in lines))
                columns.append((page.number, key, lines[0]))
    assert len(columns) >= 2 * (len(pages) - 1)
    opened = [(number, top.text) for number, key, top in columns if abs(top.x0 - edges[key] - 2 * em) < 1.0]
    assert not opened, f"a column opens on a turnover line: {opened}"


def test_an_entry_of_more_than_eight_pages_has_sub_entries(built):
    labels = built.pdf.labels
    for entry in built.made.book.index:
        own = page_locators(entry.locators, labels) if entry.own_locators else []
        if len(own) > 8:
            assert entry.subentries, f"{entry.heading}: {len(own)} pages and no sub-entries"


def test_the_epub_writes_only_the_spans_its_index_links_to(epub_documents):
    index = epub_documents["EPUB/text/index.xhtml"].find(".//x:section[@epub:type='index']", XHTML_NS)
    linked = {a.get("href").split("#")[1] for a in index.iter("{http://www.w3.org/1999/xhtml}a")}
    spans = {el.get("id") for name, doc in epub_documents.items() if "/chapter-" in name
             for el in doc.iter() if re.fullmatch(r"chapter-\d+-ix-\d+", el.get("id") or "")}
    assert spans and spans <= linked


def test_every_located_word_is_on_the_pdf_page_its_anchor_is_on(built, pdf_text):
    """A form's first word is on the page its anchor names, and its last word on the page its second anchor
    names (a word hyphenated over the page's turn counts by its second part, which opens the page). A form
    over a page's turn is located on both pages."""
    # WeasyPrint's hyphenation hyphen is U+2010; a word's own hyphen at a line's end stays.
    pages = [set(_letters(re.sub(r"\u2010\n(?=\w)", "", page).replace("-\n", "-")).split()) for page in pdf_text]
    opening = [(_letters(page).split() or [""])[0] for page in pdf_text]
    checked = turning = 0
    for entry in built.made.book.index:
        for heading in entry.headings():
            shown = {x.label for x in page_locators(heading.locators, built.pdf.labels)}
            for loc in heading.locators:
                words = _letters(loc.words).split()
                start = built.pdf.physical[loc.anchor]
                end = built.pdf.physical.get(ids.index_end_id(loc.anchor), start)
                assert words[0] in pages[start - 1], ("first word", heading.heading, loc.words, start)
                ends_in_letters = re.findall(r"[^\W_]+", loc.words)[-1].isalpha()  # "Order 270": no word to find
                assert not ends_in_letters or words[-1] in pages[end - 1] or (
                    opening[end - 1] and words[-1].endswith(opening[end - 1])), ("last word", heading.heading, loc.words, end)
                assert end - start in (0, 1) and (end == start or len(re.findall(r"[^\W_]+", loc.words)) > 1)
                if end != start:
                    turning += 1
                    first, last = built.pdf.labels[loc.anchor], built.pdf.labels[ids.index_end_id(loc.anchor)]
                    assert any(_covers(label, first) and _covers(label, last) for label in shown), (loc.words, shown)
                checked += 1
    assert checked >= 1000


def _covers(label: str, page: str) -> bool:
    first, _, last = label.partition("\u2013")
    return int(first) <= int(page) <= int(last or first)


def test_the_print_index_headnote_speaks_of_print_alone(built, pdf_text):
    """Print's headnote says what a range means; the e-book's also whose pages its numbers are."""
    page = pdf_text[built.pdf.physical["index"] - 1]
    assert "A range (47–49) is a name found on each of those pages." in " ".join(page.split())
    assert "e-book" not in page
