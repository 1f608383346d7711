"""The reader's PDF as a book designer signs it off: notes on their calls' pages, hyphenation a reader
does not notice, web addresses broken cleanly, a text block that lines up. Measured on the real
reader (tests/print_finish.py reads the PDF); the break rules themselves have unit tests below."""

from __future__ import annotations

import re

import pytest

from print_finish import ADDED_HYPHEN, BODY_LINE, PrintedBook, hyphen_runs, loose_lines, word_gaps, words_broken
from pipeline.render.xhtml import text_key
from pipeline.writers.pdf.hyphenation import Hyphenator, hyphen_faults, hyphenate, lower_case_words, url_breaks

SHY, ZWSP = "\u00ad", "\u200b"


@pytest.fixture(scope="module")
def book(pdf_path) -> PrintedBook:
    return PrintedBook(pdf_path)


def test_every_note_is_printed_on_its_calls_page(book):
    notes = [(page.number, n) for page in book.pages for n in page.notes()]
    assert len(notes) > 60
    assert [(page, n) for page, n in notes if n not in book.pages[page - 1].calls()] == []


def test_no_name_is_broken_by_hyphenation(book):
    """A capitalised word breaks only where the book also writes it in lower case (a sentence's first word,
    "Nev-ertheless"); a name ("Tukhachevsky"), an acronym or a word in capitals never does."""
    broken = [pair for page in book.pages for pair in words_broken(page.text_lines)]
    assert len(broken) > 100
    lower = {word for line in book.lines() for word in re.findall(r"[^\W\d_]+", line.text) if word.islower()}
    capitalised = [(start.rstrip(ADDED_HYPHEN) + re.match(r"[^\W\d_]*", end).group()) for start, end in broken
                   if any(char.isupper() for char in start)]
    assert capitalised, "a common word opening a sentence breaks like any other"
    assert [word for word in capitalised if not word[1:].islower() or word.lower() not in lower] == []


def test_never_three_hyphenated_lines_in_a_row_and_few_in_all(book):
    lines = book.lines()
    runs = {page.number: max(hyphen_runs(page.text_lines), default=0) for page in book.pages}
    assert {page: run for page, run in runs.items() if run >= 3} == {}
    share = sum(line.hyphenated for line in lines) / len(lines)
    assert 0.02 < share <= 0.08, f"{share:.1%} of {len(lines)} lines end in a hyphen"


def test_no_hyphen_is_added_inside_a_web_address(book):
    ends = [line.text.rstrip() for line in book.lines()]
    addresses = [end for end in ends if any(mark in end.split()[-1] for mark in ("www.", "http", ".org/", ".com/"))]
    assert addresses, "the reader prints web addresses"
    assert [end for end in addresses if end.endswith(ADDED_HYPHEN)] == []


def test_no_number_range_or_editors_mark_is_broken_across_lines(book):
    ends = [line.text.rstrip() for line in book.lines()]
    assert [end for end in ends if re.search(r"\d–$", end)] == []  # "534–" / "49": text and index alike
    starts = [line.text.lstrip() for line in book.lines()]
    assert [start for start in starts if start.startswith("Ed.")] == []


def test_a_page_never_ends_on_a_hyphen_it_added_where_its_paragraph_goes_on(book):
    ends = [page.text_lines[-1].text for page in book.full_pages if page.notes() == []]
    assert [end for end in ends if end.rstrip().endswith(ADDED_HYPHEN)] == []


def _on_the_bottom(book) -> float:
    full = book.full_pages
    return sum(abs(page.text_lines[-1].baseline - page.block_bottom) <= 1 for page in full) / len(full)


def test_full_pages_end_on_the_text_blocks_last_baseline(book):
    """The baseline grid holds: nine full pages in ten end on the block's last baseline, the others a
    whole number of lines above it."""
    assert _on_the_bottom(book) >= 0.9
    for page in book.full_pages:
        short = page.block_bottom - page.text_lines[-1].baseline
        if page.notes() == [] and page.number > 10 and page.text_lines[-1].size >= 9:  # the index has its own
            assert abs(short / BODY_LINE - round(short / BODY_LINE)) < 0.1, (page.number, short)


INDEX_LINE = 11.04  # the index's own grid, 45 lines in the 36 body lines' depth (print.css)


def test_no_full_page_is_short_by_more_than_a_line(book):
    """A page of text ends at most one line short. An index page may end two of its own (smaller) lines short:
    a sub-entry is never parted (print.css), so one of three lines that finds two left goes whole to the next
    column, and WeasyPrint balances the columns above it."""
    def index_page(page) -> bool:
        return all(abs(line.size - 8.6) < 0.3 for line in page.text_lines)

    short = [(page.number, page.block_bottom - page.text_lines[-1].baseline) for page in book.full_pages]
    assert [(number, gap) for number, gap in short
            if gap > (2 * INDEX_LINE if index_page(book.pages[number - 1]) else BODY_LINE) + 1] == []


# ---------------------------------------------------------------- the break rules

@pytest.fixture(scope="module")
def hyphenator() -> Hyphenator:
    return Hyphenator.for_book("en-GB", ("counter-revo-lution",))


def test_the_house_breaks_words_the_patterns_get_wrong(hyphenator):
    assert hyphenator.soft("bureaucracy") == f"bureau{SHY}cracy"
    assert hyphenator.soft("counterrevolution") == f"counter{SHY}revo{SHY}lution"  # book.yaml's list
    # a designer's read: "Revolutionar-ies" split the suffix, "Sovi-ets" a short name of a people's council
    assert hyphenator.soft("revolutionaries") == f"revolu{SHY}tion{SHY}aries"
    assert hyphenator.soft("soviets") == "soviets" and hyphenator.soft("Soviet") == "Soviet"


def test_en_gb_breaks_are_taken_only_where_en_us_allows_them_too(hyphenator):
    """The reviewer's wrong breaks, from en_GB's patterns: gone, or moved to a break both pattern sets allow."""
    wrong = {"unionists": "uni-onists", "committeemen": "commit-teemen", "sanatorium": "sanat-orium",
             "communists": "commun-ists", "represented": "represen-ted", "talented": "talen-ted",
             "unprecedented": "unpreceden-ted", "demanded": "deman-ded", "capitalism": "capit-alism"}
    for word, bad in wrong.items():
        broken = [hyphenator.soft(word)[:i].replace(SHY, "") + "-" for i, c in enumerate(hyphenator.soft(word))
                  if c == SHY]
        assert bad.split("-")[0] + "-" not in broken, (word, hyphenator.soft(word))
    assert hyphenator.soft("unionists") == f"union{SHY}ists"
    assert hyphenator.soft("committeemen") == f"committee{SHY}men"  # the house's: a compound's own joint
    assert hyphenator.soft("represented") == f"rep{SHY}resented"
    assert SHY in hyphenator.soft("revolutionary") and SHY in hyphenator.soft("industrialisation")
    # Fewer breaks leave lines looser: words of seven letters break too, where both agree ("work-ers").
    assert hyphenator.soft("workers") == f"work{SHY}ers" and SHY not in hyphenator.soft("against")


def test_names_short_words_and_compounds_are_never_broken(hyphenator):
    for word in ("Trotsky", "Kamenev", "Petrograd", "USSR", "Stalinism", "people", "Marxism-Leninism"):
        assert SHY not in hyphenator.text(word), word
    common = Hyphenator.for_book("en-GB", (), lower_case_words(["nevertheless, said the revolutionary"]))
    assert SHY in common.soft("Nevertheless") and SHY in common.soft("Revolutionary")  # opening a sentence
    assert SHY not in common.soft("Tukhachevsky") and SHY not in common.soft("NEVERTHELESS")
    assert SHY in hyphenator.soft("revolutionary")
    assert hyphenator.text("the Right-Trotskyist bloc") == "the Right-Trotskyist bloc"


def test_breaks_leave_three_letters_on_each_side(hyphenator):
    for word in ("revolutionary", "collectivisation", "industrialisation", "representative"):
        pieces = hyphenator.soft(word).split(SHY)
        assert len(pieces) > 1 and len(pieces[0]) >= 3 and len(pieces[-1]) >= 3, pieces


def test_web_addresses_break_before_slashes_and_full_stops_never_at_their_hyphens():
    """Chicago's rule (6.17): the slash or full stop opens the next line, so the reader sees the address
    go on; a break after "//" too; none at a hyphen, which would read as a word broken at the line's end."""
    assert url_breaks("https://www.marxists.org/archive/?v=6meTW") == \
        f"https://{ZWSP}www.marxists{ZWSP}.org{ZWSP}/archive{ZWSP}/?\u2060v=6meTW"
    assert url_breaks("www.youtube.com/watch?v=6meTW-qafXs") == \
        f"www.youtube{ZWSP}.com{ZWSP}/watch{ZWSP}?\u2060v=6meTW-\u2060qafXs"  # "www" alone ends no line
    assert url_breaks("https://news.bbc.co.uk/1/hi") == f"https://{ZWSP}news{ZWSP}.bbc{ZWSP}.co{ZWSP}.uk{ZWSP}/1{ZWSP}/hi"


def test_the_print_body_gets_soft_hyphens_in_text_only(hyphenator):
    body = ('<section class="chapter"><h3>The revolutionary years</h3><p>A revolutionary party'
            '<a href="#n1" class="noteref">1</a><span class="footnote"><span class="note-p">See '
            '<a href="https://www.marxists.org/archive/">https://www.marxists.org/archive/</a>.</span></span>'
            ' and LGBT+ rights.</p></section>')
    out = hyphenate(body, hyphenator)
    assert "<h3>The revolutionary years</h3>" in out  # headings are bookmarks and running heads
    assert f"A {hyphenator.soft('revolutionary')} party" in out and SHY in hyphenator.soft("revolutionary")
    assert f'href="https://www.marxists.org/archive/">https://{ZWSP}www.marxists{ZWSP}.' in out  # the target untouched
    assert 'LGBT<span class="operator">+</span> rights' in out
    standfirst = hyphenate('<p class="standfirst">A brutal capitalist regime.</p><p>A capitalist regime.</p>', hyphenator)
    assert standfirst.count(SHY) == standfirst.split("</p>")[1].count(SHY) > 0  # display type: set ragged, unbroken
    epigraph = hyphenate('<blockquote class="epigraph"><p>A brutal capitalist regime.</p></blockquote>', hyphenator)
    assert SHY not in epigraph


def test_number_ranges_and_page_references_are_kept_on_one_line(hyphenator):
    body = hyphenate('<p>See pp. 516–27 and <em>p. 12</em>, 534–49.</p><p><a href="#i">102–103</a></p>', hyphenator)
    assert body.count('<span class="nowrap">') == 3
    assert '<span class="nowrap">516–27</span> and' in body and '<span class="nowrap">534–49</span>.' in body
    assert '<a href="#i"><span class="nowrap">102–103</span></a>' in body
    assert "pp.\u00a0" in body and "p.\u00a012" in body
    tied = hyphenate("<p>In chapter 3, note 12 and Chapters 4 and 5, on 23 October 1956 (not May 2024).</p>", hyphenator)
    assert all(t in tied for t in ("chapter\u00a03", "note\u00a012", "Chapters\u00a04", "23\u00a0October"))
    assert "May 2024" in tied and "and 5" in tied
    address = hyphenate('<p><a href="https://example.org/1-2">https://example.org/10–12</a></p>', hyphenator)
    assert "nowrap" not in address  # a web address keeps its own break points


def test_a_word_named_for_a_paragraph_is_kept_whole_there_only(hyphenator):
    body = "<p>The revolutionary party.</p><p>Another revolutionary party.</p>"
    key = text_key("The revolutionary party.")
    out = hyphenate(body, hyphenator, {key: frozenset({"revolutionary"})})
    first, second = out.split("</p>")[:2]
    assert SHY not in first and SHY in second


def test_a_compound_kept_whole_keeps_its_own_hyphens_for_search_and_breaks_at_none(hyphenator, tmp_path):
    """Ordinary hyphens, each with a word joiner after it: a reader's search for "comrades-in-arms" finds it in
    the PDF (a U+2011 non-breaking hyphen is another sign to a search), and the line never breaks at them."""
    from pypdf import PdfReader
    from weasyprint import HTML
    body = "<p>Old comrades-in-arms met again.</p>"
    out = hyphenate(body, hyphenator, {text_key("Old comrades-in-arms met again."): frozenset({"comrades-in-arms"})})
    assert "comrades-\u2060in-\u2060arms" in out and "\u2011" not in out and SHY not in out.split("met")[0]
    page = "<style>@page { size: 62pt 300pt; margin: 2pt } p { font: 10pt serif }</style>"
    HTML(string=page + out.replace("Old ", "Old xx ")).write_pdf(tmp_path / "narrow.pdf")
    text = PdfReader(tmp_path / "narrow.pdf").pages[0].extract_text()
    assert "comrades-in-arms" in text.splitlines(), text  # whole on its line, found as typed
    HTML(string=page + body.replace("Old ", "Old xx ")).write_pdf(tmp_path / "free.pdf")
    assert "comrades-in-arms" not in PdfReader(tmp_path / "free.pdf").pages[0].extract_text().splitlines()


def test_a_text_hyphenated_again_keeps_only_the_words_named_this_time_whole(hyphenator):
    body = "<p>The revolutionary party.</p>"
    named = {text_key("The revolutionary party."): frozenset({"revolutionary"})}
    whole = hyphenate(body, hyphenator, named)
    assert SHY not in whole
    assert SHY in hyphenate(body, hyphenator)  # the run's hyphenation is kept per words kept whole
    assert hyphenate(body, hyphenator, named) == whole


def _paragraph(text: str, *lines: tuple[str, bool]):
    from xml.etree import ElementTree

    from pipeline.writers.pdf.weasy.line_ends import Line, Paragraph
    return Paragraph(ElementTree.fromstring(f"<p>{text}</p>"), [Line(line, 0, last) for line, last in lines])


def test_a_third_hyphen_in_a_row_and_a_hyphen_ending_a_page_are_faults():
    stacked = _paragraph("Stacked words here", (f"one revo{SHY}\u2010", False), (f"lution col{SHY}\u2010", False),
                         (f"lective indus{SHY}\u2010", False), ("trialisation done", False))
    ending = _paragraph("Ending a page", (f"the bureau{SHY}\u2010", True), ("cracy grew", False))
    calm = _paragraph("Calm", (f"one revo{SHY}\u2010", False), ("lution and", False), ("no more", False))
    compound = _paragraph("A compound", ("the so-", False), ("called Right-", False), ("Trotskyist anti-", False),
                          ("Stalinist bloc", False))
    assert hyphen_faults([stacked, ending, calm, compound]) == {
        text_key("Stacked words here"): {"industrialisation"},
        text_key("Ending a page"): {"bureaucracy"},
        text_key("A compound"): {"anti-Stalinist"}}


def test_a_paragraph_loosened_or_tightened_is_refused_where_a_line_of_it_is_spaced_out():
    """Page fill loosened the paragraph on p62 so that its last word, kept whole, went down alone and left
    "democracy,   against   bureaucratism   and   for   proletarian" over "internationalism."."""
    from dataclasses import replace

    from pipeline.writers.pdf import page_fill
    spaced = _paragraph("Spaced out", ("democracy, against bureaucratism and for proletarian", False),
                        ("internationalism.", False))
    spaced.lines[0] = replace(spaced.lines[0], spacing=1.37)
    even = _paragraph("Even", ("a line set as it should be", False), ("and its last, spaced out.", False))
    even.lines = [replace(even.lines[0], spacing=0.4), replace(even.lines[1], spacing=3.0)]  # a last line: not judged
    paragraphs = [spaced, even]
    assert page_fill.spread(paragraphs, {text_key("Spaced out"), text_key("Even")}) == {text_key("Spaced out")}
    assert page_fill.spread(paragraphs, {text_key("Even")}) == set()  # only the paragraphs a trial changed


def test_no_line_of_the_reader_is_spaced_out(book):
    """No justified line's word spaces average more than three and a half times the book's median space
    (p62 had 4.4: a loosened paragraph; the widest now, as greedy breaking leaves a line, 3.1)."""
    assert [(line.baseline, line.text) for line in loose_lines(book.lines(), factor=3.5)] == []


def test_a_short_page_gets_as_many_loosened_paragraphs_as_it_has_empty_lines():
    from pipeline.writers.pdf import page_fill
    from pipeline.writers.pdf.weasy.line_ends import PageRoom

    def paragraph(text, page, fills):
        return _paragraph(text, *[(f"line {i}", False) for i in range(len(fills))]), page, fills

    made = []
    for text, page, fills in (paragraph("Nearly full last line", 0, [1, 1, 1, 0.95]),
                              paragraph("Fuller still", 0, [1, 1, 1, 1, 0.97]),
                              paragraph("Short last line", 0, [1, 1, 1, 0.3]),
                              paragraph("Too few lines", 0, [1, 0.99]),
                              paragraph("On the full page", 1, [1, 1, 1, 0.99])):
        for line, fill in zip(text.lines, fills):
            line.page, line.fill = page, fill
        made.append(text)
    rooms = [PageRoom(0, 2 * page_fill.LINE + 1, False), PageRoom(1, 0.5, False), PageRoom(2, 300, False, 30)]
    assert page_fill.short_pages(rooms) == {0: 2}  # the last page ends the chapter: never short
    assert page_fill.to_loosen(made, rooms, set()) == {text_key("Fuller still"),
                                                       text_key("Nearly full last line")}
    assert page_fill.to_loosen(made, rooms, {text_key("Fuller still")}) == {text_key("Nearly full last line")}
    assert page_fill.shortness(rooms) < page_fill.shortness([PageRoom(0, 3 * page_fill.LINE, False), *rooms[1:]])
    noted = [PageRoom(0, 2 * page_fill.LINE + 1, True), *rooms[1:]]
    assert page_fill.short_pages(noted) == {}  # its notes fill the foot


def test_a_long_chapter_gets_a_trial_for_every_two_pages_a_short_one_twelve():
    """Chapter 3 (75 pages) had more short pages than twelve trials reach once editors' notes moved its pages."""
    from pipeline.writers.pdf import page_fill
    assert page_fill.passes(10) == page_fill.passes(24) == 12
    assert page_fill.passes(75) == 37
    # and takes its short pages three at a time: a trial of twenty at once was rarely kept
    assert page_fill.in_groups({74, 2, 7, 11, 14, 39, 43}) == [{2, 7, 11}, {14, 39, 43}, {74}]


def test_a_short_page_with_no_paragraph_to_loosen_takes_lines_from_the_pages_before():
    from pipeline.writers.pdf import page_fill
    from pipeline.writers.pdf.weasy.line_ends import PageRoom

    made = []
    for text, page, fills in (("Two pages back", 0, [1, 1, 1, 0.9]), ("On the page before", 1, [1, 1, 1, 0.8]),
                              ("Also before", 1, [1, 1, 1, 0.7]), ("Its own short last line", 2, [1, 1, 1, 0.2]),
                              ("Three pages back", 0, [1, 1, 1, 0.99])):
        paragraph = _paragraph(text, *[(f"line {i}", False) for i in range(len(fills))])
        for line, fill in zip(paragraph.lines, fills):
            line.page, line.fill = page, fill
        made.append(paragraph)
    made[-1].lines[-1].page = 2 - page_fill.LOOKBACK - 1  # beyond LOOKBACK
    rooms = [PageRoom(0, 0.5, False), PageRoom(1, 0.5, False), PageRoom(2, 2 * page_fill.LINE + 1, False),
             PageRoom(3, 300, False, 30)]
    # the page before first (the fuller of its two), as many as the short page lacks
    assert page_fill.to_loosen(made, rooms, set()) == {text_key("On the page before"), text_key("Also before")}
    assert page_fill.to_loosen(made, rooms, {text_key("Also before")}) == {text_key("On the page before"),
                                                                           text_key("Two pages back")}
    short_before = [PageRoom(0, 0.5, False), PageRoom(1, page_fill.LINE + 1, False), *rooms[2:]]
    # a page with room of its own takes the lines its paragraphs gain: none is looked for before it
    assert text_key("Two pages back") not in page_fill.to_loosen(made, short_before, {text_key("Also before")})


def test_a_loosened_paragraph_is_marked_for_print(hyphenator):
    out = hyphenate("<p>The first paragraph.</p><p>The second one.</p>", hyphenator,
                    loose=frozenset({text_key("The second one.")}), tight=frozenset({text_key("The first paragraph.")}))
    assert out.count('class="loose"') == 1 and out.index('class="loose"') > out.index("first")
    assert out.count('class="tight"') == 1 and out.index('class="tight"') < out.index("first")


def test_a_page_a_notes_call_left_short_gets_paragraphs_tightened_that_can_give_a_line_back():
    from pipeline.writers.pdf import page_fill
    from pipeline.writers.pdf.weasy.line_ends import PageRoom

    def paragraph(text, pages, fills):
        made = _paragraph(text, *[(f"line {i}", False) for i in range(len(fills))])
        for line, page, fill in zip(made.lines, pages, fills):
            line.page, line.fill = page, fill
        return made

    word_on_last_line = paragraph("A word on its last line", [0] * 5, [1, 1, 1, 1, 0.08])
    half_full = paragraph("Half full", [0] * 5, [1, 1, 1, 1, 0.5])
    two_lines = paragraph("Two lines", [0, 0], [1, 0.03])
    running_on = paragraph("Running on to the next page", [2, 2, 2, 3, 3], [1, 1, 1, 1, 0.1])
    made = [word_on_last_line, half_full, two_lines, running_on]
    line = page_fill.LINE
    rooms = [PageRoom(0, 4 * line, False), PageRoom(1, 0.5, True), PageRoom(2, line + 1, False),
             PageRoom(3, 0.5, False), PageRoom(4, 300, False, 10)]
    assert page_fill.to_tighten(made, rooms, set()) == {text_key("A word on its last line"), text_key("Two lines"),
                                                        text_key("Running on to the next page")}
    without_notes = [PageRoom(0, 4 * line, False), PageRoom(1, 0.5, False), *rooms[2:]]
    assert page_fill.to_tighten(made, without_notes, set()) == {text_key("Running on to the next page")}


def test_a_last_page_of_fewer_than_five_lines_takes_lines_from_the_page_before():
    from pipeline.writers.pdf import page_fill
    from pipeline.writers.pdf.weasy.line_ends import PageRoom

    line, depth = page_fill.LINE, 36 * page_fill.LINE
    before = _paragraph("Ends on the page before", *[(f"line {i}", False) for i in range(4)])
    for index, text_line in enumerate(before.lines):
        text_line.page, text_line.fill = 0, 1 if index < 3 else 0.9
    three_lines = [PageRoom(0, 0.5, False, 36), PageRoom(1, depth - 3 * line, False, 3)]
    assert page_fill.lacking_on_last_page(three_lines) == 2
    assert page_fill.to_loosen([before], three_lines, set()) == {text_key("Ends on the page before")}
    five_lines = [PageRoom(0, 0.5, False, 36), PageRoom(1, depth - 5 * line, False, 5)]
    assert page_fill.lacking_on_last_page(five_lines) == 0 and page_fill.to_loosen([before], five_lines, set()) == set()


def _laid(text: str, page: int, fills: list[float]):
    made = _paragraph(text, *[(f"line {i}", False) for i in range(len(fills))])
    for line, fill in zip(made.lines, fills):
        line.page, line.fill = page, fill
    return made


def test_a_paragraph_is_loosened_where_its_lines_together_carry_a_word_over_not_by_its_last_line_alone():
    from pipeline.writers.pdf import page_fill
    from pipeline.writers.pdf.weasy.line_ends import PageRoom

    long_and_short_last = _laid("Twelve lines ending a third full", 0, [1] * 11 + [0.33])
    short_and_full_last = _laid("Three lines ending nearly full", 0, [1, 1, 0.65])
    two_lines_more = _laid("Thirty lines ending full", 0, [1] * 29 + [0.95])
    rooms = [PageRoom(0, page_fill.LINE + 1, False), PageRoom(1, 300, False, 10)]
    assert page_fill.carried(long_and_short_last) >= page_fill.CARRIES > page_fill.carried(short_and_full_last)
    assert page_fill.carried(two_lines_more) >= page_fill.TWO_LINES  # it would run two lines longer
    assert page_fill.to_loosen([short_and_full_last, two_lines_more, long_and_short_last], rooms, set()) == \
        {text_key("Twelve lines ending a third full")}


def test_a_page_a_line_short_takes_its_line_from_the_page_before_once_its_own_are_spent():
    from pipeline.writers.pdf import page_fill
    from pipeline.writers.pdf.weasy.line_ends import PageRoom

    own, before = _laid("On the short page", 1, [1, 1, 1, 0.95]), _laid("On the page before", 0, [1, 1, 1, 0.97])
    rooms = [PageRoom(0, 0.5, False), PageRoom(1, page_fill.LINE + 1, False), PageRoom(2, 300, False, 10)]
    assert page_fill.loosen_by_page([before, own], rooms, set()) == {1: {text_key("On the short page")}}
    assert page_fill.loosen_by_page([before, own], rooms, {text_key("On the short page")}) == \
        {1: {text_key("On the page before")}}
    assert page_fill.loosen_by_page([before, own], rooms, set(), only=frozenset({0})) == {}


def test_a_trial_for_several_pages_not_kept_is_split_at_the_page_whose_change_moved_the_pages_after_it():
    from pipeline.writers.pdf import page_fill

    before = ["a", "b", "c", "d", "e", "f", "g"]
    filled_in_place = ["a", "b", "c", "d", "e", "f", "g"]
    fed_from_before = ["a", "b", "c'", "d", "e", "f", "g"]  # short page 2 took a line from page 1
    moved_on = ["a", "b", "c", "d", "e'", "f'", "g'"]  # the change for page 3 moved page 4 and on
    assert page_fill.moving([2, 3, 5], before, filled_in_place) is None
    assert page_fill.moving([2, 3, 5], before, fed_from_before) is None
    assert page_fill.moving([2, 3, 5], before, moved_on) == 3
    assert page_fill.moving([5], before, moved_on) is None  # moved before any page it was for


def test_a_last_line_is_never_only_the_end_of_a_word_broken_on_the_line_before():
    broken = _paragraph("Ends with a fragment", ("the revolutionary bureau\u00ad\u2010", False), ("cracy.", False))
    broken.lines[-1].fill = 0.1
    long_last = _paragraph("A long last line", ("the revolutionary bureau\u00ad\u2010", False),
                           ("cracy grew and grew over the years that followed.", False))
    long_last.lines[-1].fill = 0.9
    short_last = _paragraph("A short last line", ("the revolutionary bureau\u00ad\u2010", False),
                            ("cracy grew.", False))  # kept whole, the word would leave the line above loose
    short_last.lines[-1].fill = 0.2
    short_head = _paragraph("A short head", ("the revolutionary com\u00ad\u2010", False), ("munists grew.", False))
    short_head.lines[-1].fill = 0.2  # three letters moved down loosen the line above a little only
    assert hyphen_faults([broken, long_last, short_last, short_head], frozenset()) == {
        text_key("Ends with a fragment"): {"bureaucracy"}, text_key("A short head"): {"communists"}}
    assert hyphen_faults([broken], None) == {}  # a fill trial's layout: not judged on this
    assert hyphen_faults([broken], frozenset({text_key("Ends with a fragment")})) == {}  # once per paragraph


def test_a_paragraphs_last_word_is_never_broken(hyphenator):
    """Not a paragraph's, a quotation's, a note's nor a glossary entry's (its term, definition and pages one
    paragraph in print); the last word is the one before a note's call, and may run across an element."""
    out = hyphenate('<p>The revolutionary government was overthrown.<span id="ix"></span>'
                    '<a href="#n5" class="noteref">5</a><span class="footnote"><span class="note-p">A revolutionary'
                    ' note on capitalism.</span></span></p><blockquote><p>bureaucracy and <em>bureaucracy</em>'
                    '</p></blockquote><p>a revolutionary counter<em>revolutionary</em></p>'
                    '<div class="entry"><dt>Term</dt><dd><p>a definition of bureaucracy</p></dd>'
                    '<span class="uses">and government</span></div>', hyphenator)
    assert f"The revolu{SHY}tion{SHY}ary gov{SHY}ern{SHY}ment was overthrown." in out
    assert f"A revolu{SHY}tion{SHY}ary note on capitalism." in out
    assert f"<p>bureau{SHY}cracy and <em>bureaucracy</em></p>" in out
    assert f"a revolu{SHY}tion{SHY}ary counter<em>revolutionary</em>" in out
    assert f"of bureau{SHY}cracy</p>" in out and "and government</span>" in out


def test_the_reader_has_no_paragraph_ending_on_a_broken_words_tail(book):
    """"over-" / "thrown." at a paragraph's end (seven in the reader before the last word was kept whole)."""
    tails = [(page.number, line.text) for page in book.pages for before, line in zip(page.text_lines,
             page.text_lines[1:]) if before.text.rstrip().endswith(ADDED_HYPHEN) and len(line.text.split()) == 1]
    assert tails == []


def test_a_glossary_terms_asterisk_follows_its_possessive_and_stands_apart_from_a_note_call(hyphenator):
    def term(word: str) -> str:
        return f'<a class="glossterm glossterm-discreet" href="#g">{word}</a>'

    out = hyphenate(f'<p>The {term("Bolsheviks")}<span id="ix"></span>’ party, {term("Lenin")}’s heirs, '
                    f'‘{term("purges")}’ and the {term("Pact")}<a href="#n8" class="noteref">8</a>'
                    f'<span class="footnote">A note.</span>, but {term("Kamenev")}’ wrote of '
                    f'“{term("Popular Fronts")}”<a href="#n5" class="noteref">5</a>, the '
                    f'“{term("Show Trials")}.” and “{term("NEP")}”, {term("Stalin")}, then.</p>', hyphenator)
    assert f'{term("Bolsheviks’")}<span id="ix"></span> party' in out
    assert f'{term("Lenin’s")} heirs' in out and f'‘{term("purges’")} and' in out
    # A thin no-break space between the asterisk and the call's number, set at its size, after a word joiner.
    assert f'{term("Pact")}<a href="#n8" class="noteref">\u2060\u202f8</a>' in out
    assert f'{term("Kamenev’")} wrote' in out  # a closing quotation mark, as a note's number follows it
    assert f'{term("Popular Fronts”")}<a href="#n5" class="noteref">\u2060\u202f5</a>' in out
    # the stop a quotation closes on, as a note's number would follow it; a stop alone stays after the asterisk
    assert f'“{term("Show Trials.”")} and “{term("NEP”")}, {term("Stalin")}, then' in out
    assert out.count("\u202f") == 2  # only where a call follows the asterisk
    spaced = hyphenate(f'<p>the {term("Pact")}<span id="ix"></span><a href="#n8" class="noteref">8</a>.</p>',
                       hyphenator)  # an index's anchor between them: the space is still the call's
    assert f'{term("Pact")}<span id="ix"></span><a href="#n8" class="noteref">\u2060\u202f8</a>' in spaced


def test_a_note_call_is_bound_to_the_word_before_it(hyphenator):
    """WeasyPrint 70 may break a line between a word and the call after it ("scale." / "50"): a word joiner
    opens every call's number, once however often the body is hyphenated, and nothing else changes."""
    body = ('<p>operating on the global scale.<span id="ix"></span><a href="#n50" class="noteref">50</a>'
            '<span class="footnote"><span class="note-p">Harman, 2009.</span></span> More.</p>')
    out = hyphenate(body, hyphenator)
    assert '<span id="ix"></span><a href="#n50" class="noteref">\u206050</a>' in out
    assert out.count("\u2060") == 1 and hyphenate(out, hyphenator).count("\u2060") == 1


def test_the_readers_glossary_asterisks_never_split_a_possessive_nor_touch_a_note_number(book):
    marks = []  # (page, a raised asterisk, the character after it on its line of text)
    for page in book.pages:
        chars = [char for line in page.lines for char in line.chars]
        for star in (char for char in chars if char["text"] == "*" and char["size"] < 7.2):
            after = [char for char in chars if char["x0"] >= star["x1"] - 0.5 and char is not star
                     and char["text"].strip() and abs(char["bottom"] - star["bottom"]) < 8]
            if after:
                marks.append((page.number, star, min(after, key=lambda char: char["x0"])))
    assert len(marks) > 100
    assert [(page, after["text"]) for page, _, after in marks if after["text"] in "’'”"] == []
    called = [(page, star, after) for page, star, after in marks if after["text"].isdigit() and after["size"] < 7.2]
    assert called, "the reader has a glossary term right before a note call"
    gaps = {(page, round(after["x0"] - star["x1"], 2)) for page, star, after in called}
    # The same thin space beside every call, never stretched by justification; in a loosened paragraph the asterisk,
    # the call's word joiner and the space each take its letter spacing (print.css .loose: 0.012em, 0.12 pt).
    widths = {gap for _, gap in gaps}
    assert max(widths) - min(widths) <= 3 * 0.12 + 0.01, gaps
    # a fifth of the raised figures' em: "*" and "5" read apart, and as one cluster, not as two words (2 pt did)
    assert [(page, gap) for page, gap in gaps if not 1.3 <= gap <= 1.75] == []


def test_no_note_call_starts_a_line(book):
    """A call is set on the line of the word it follows (p148 had "50" alone under a quotation's last line)."""
    alone = []
    for page in book.pages:
        text = page.text_lines
        for call in (line for line in page.block_lines if line.raised):
            below = [line for line in text if 0 < line.baseline - call.baseline < 8]
            if not below or min(line.x0 for line in below) > call.x0:
                alone.append((page.number, call.text))
    assert sum(len(page.calls()) for page in book.pages) > 60
    assert alone == []


def test_the_sources_are_set_ragged_right_without_loose_lines(book):
    """Justified, the sources' short entries left lines with word spaces three times a space (p183)."""
    start = next(page.number for page in book.pages if page.text_lines and page.text_lines[0].text.strip() == "Sources")
    sources = [line for page in book.pages[start - 1:] for line in page.text_lines]
    every = sorted(gap for line in book.lines() if abs(line.size - 10) < 0.3 for gap in word_gaps(line))
    median = every[len(every) // 2]
    assert len(sources) > 30
    assert [line.text for line in sources if max(word_gaps(line), default=0) > 1.5 * median] == []
    ends = {round(line.chars[-1]["x1"]) for line in sources}
    assert len(ends) > len(sources) / 3  # ragged: the lines end where their words do


def test_the_editors_name_in_the_credit_is_kept_on_one_line(book):
    from pipeline.model import BookMeta
    from pipeline.render.xhtml import credit

    meta = BookMeta.__new__(BookMeta)
    meta.editor, meta.credit = "The Reader Pipeline Editors", "Selected and annotated by the Reader Pipeline editors"
    assert credit(meta) == 'Selected and annotated by <span class="nowrap">the Reader Pipeline editors</span>'
    title_page = next(page for page in book.pages if any(line.text.startswith("Selected") for line in page.lines))
    assert any(line.text.strip() == "the Reader Pipeline editors" or line.text.rstrip().endswith(
        "the Reader Pipeline editors") for line in title_page.lines), [line.text for line in title_page.lines]


def test_a_note_call_adds_no_depth_to_its_line(book):
    """Every line of running text stands one body line under the one before it: the note printed at the
    foot stands in its call's line before it floats there, and with its own leading it deepened that line by a
    third of a point, call after call down the page (1.9 pt by the foot of p139), off the grid."""
    def body(page):
        return [line for line in page.text_lines if abs(line.size - 10) < 0.3]

    pitches = [round(below.baseline - above.baseline, 2) for page in book.pages
               for above, below in zip(body(page), body(page)[1:])
               if 1 < below.baseline - above.baseline < 2 * BODY_LINE - 1]  # one line's parts aside
    assert len(pitches) > 4000
    assert sorted({pitch for pitch in pitches if abs(pitch - BODY_LINE) > 0.05}) == []


def test_no_line_runs_past_the_text_blocks_edge(book):
    """The imprint's notice ran 13 pt into the margin: a soft hyphen in a flexible box's text upset
    WeasyPrint's measure. The front matter gets none now, and no page's line passes the edge its others keep
    by 2 pt or more. (One loosened line on p102 is drawn 1.5 pt past it, though WeasyPrint's boxes measure it
    inside: its letter spacing as drawn, not as measured.)"""
    def end(line) -> float:
        return max(char["x1"] for char in line.chars if char["text"].strip())  # a space after the last word aside

    ends = {}
    for page in book.pages:
        for line in page.text_lines:
            ends.setdefault(page.number % 2, []).append(round(end(line)))
    edge = {side: max(set(xs), key=xs.count) for side, xs in ends.items()}  # where justified lines end
    assert [(page.number, line.text) for page in book.pages for line in page.text_lines
            if end(line) > edge[page.number % 2] + 2] == []


def test_the_title_and_copyright_pages_get_no_soft_hyphens(hyphenator):
    """A soft hyphen in the title page's letterspaced capitals took the spacing twice ("INTRO DUCED"), and in
    the imprint's text it set the notice past the text block's edge."""
    for kind in ("halftitle", "titlepage", "imprint"):
        body = f'<section class="{kind}"><p>Selected, introduced and annotated compilation</p></section>'
        assert SHY not in hyphenate(body, hyphenator), kind
    assert SHY in hyphenate('<section class="chapter"><p>Selected, introduced and annotated compilation</p></section>',
                            hyphenator)



def test_a_parts_title_has_four_lines_of_text_under_it_on_its_page(book):
    """Part Four's title stood at a page's foot over two lines of its text: a new movement opens with more."""
    found = 0
    for page in book.pages:
        lines = page.text_lines
        for k, line in enumerate(lines):
            if re.fullmatch(r"PART (ONE|TWO|THREE|FOUR|FIVE|SIX)", line.text.strip()):
                found += 1
                under = [below for below in lines[k + 2:] if abs(below.size - 10) < 0.3]  # past the part's name
                assert len(under) >= 4, (page.number, line.text, [below.text for below in under])
    assert found >= 3


def test_a_letters_signature_never_opens_a_page(book, epub_files):
    """"J. Stalin." and the source under it stood alone at the head of p57, cut off from the letter above: the
    signature keeps the letter's last line with it (one line, not the two a paragraph's end keeps elsewhere: two
    moved the pages after it, leaving four of them two to five lines short)."""
    signatures = {re.sub(r"<[^>]+>", "", found).strip() for name, data in epub_files.items() if name.endswith(".xhtml")
                  for found in re.findall(r'<p class="signature">(.*?)</p>', data.decode("utf-8"))}
    assert len(signatures) >= 3
    openings = {page.text_lines[0].text.strip() for page in book.pages if page.text_lines}
    assert signatures & openings == set()
