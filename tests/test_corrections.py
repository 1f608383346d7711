"""Editors correct a web page's misprints (book.yaml `corrections:`), and nothing else of its words."""

from __future__ import annotations

import pytest

from conftest import SMALL_BOOK, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
from pipeline.problems import PipelineError
from pipeline.render.xhtml import EPUB, Edition, render_chapter
from pipeline.report import cleaning_report

SEED = ("A Title Here\n\n"
        "One in power, Mao and the leadership hatched a series of failed attempts to squeeze more out workers "
        "and peasants. The result was a famine.\n\n"
        "The famine came in 1959. The result was a famine again.\n")
NOTES = 'notes:\n  - chapter: one\n    after: "Once in power"\n    text: "Mao took power in 1949."\n'


def _book(corrections: str) -> str:
    return SMALL_BOOK + "    corrections:\n" + corrections


def _made(tmp_path, corrections: str, notes: str | None = None):
    return build_book(load_editorial(make_project(tmp_path, {"one.txt": SEED}, _book(corrections), notes=notes)))


def _html(made) -> str:
    return render_chapter(made.book.chapters[0], made.book, Edition(EPUB, {"endnotes": "endnotes.xhtml"}))


def test_a_correction_mends_the_words_a_note_may_quote_them_and_the_report_lists_it(tmp_path):
    made = _made(tmp_path, '      - was: "One in power"\n        now: "Once in power"\n'
                           '      - was: "squeeze more out workers"\n        now: "squeeze more out of workers"\n',
                 notes=NOTES)
    html = _html(made)
    assert "Once in power" in html and "One in power" not in html
    assert "squeeze more out of workers" in html
    assert len(made.book.chapters[0].notes) == 1  # anchored on the mended words
    report = cleaning_report("A Small Book", [], made.style_changes)
    assert "2 misprints of the web pages" in report and "Once in power" in report and "out of workers" in report


def _error(tmp_path, corrections: str):
    with pytest.raises(PipelineError) as caught:
        _made(tmp_path, corrections)
    [problem] = caught.value.problems
    assert problem.path.name == "book.yaml"
    return problem


def test_words_not_in_the_chapter_are_an_error_at_their_line_with_the_closest_passage(tmp_path):
    problem = _error(tmp_path, '      - was: "One in powr"\n        now: "Once in power"\n')
    assert problem.line == _book("").count("\n") + 1, str(problem)  # the line of its was:
    assert "not in chapter 'one'" in problem.message and "One in power" in problem.hint


def test_words_found_twice_need_an_occurrence_and_get_it(tmp_path):
    problem = _error(tmp_path, '      - was: "The result was a famine"\n        now: "The result was famine"\n')
    assert "occurs 2 times" in problem.message and "occurrence: N" in problem.hint
    made = _made(tmp_path / "again", '      - was: "The result was a famine"\n        now: "The result was famine"\n'
                                     '        occurrence: 2\n')
    html = _html(made)
    assert "The result was a famine." in html and "The result was famine again." in html


NOTED = ("A title for the test\n\nThe Bolsheviks took power in October 1917 and the civil war followed.1 "
         "Lenin died in 1924 and Stalin became general secretary of the party.\n\n"
         "The New Economic Policy was adopted in 1921.2 It allowed private trade in grain.\n\n"
         "Notes\n\n1 Source one.\n\n2 Source two.\n")


def test_a_correction_over_a_notes_call_is_an_error(tmp_path):
    book = _book('      - was: "followed. Lenin died"\n        now: "followed. Lenin had died"\n')
    with pytest.raises(PipelineError) as caught:
        build_book(load_editorial(make_project(tmp_path, {"one.txt": NOTED}, book)))
    [problem] = caught.value.problems
    assert "runs over a note's call" in problem.message and "before the call" in problem.hint


def test_a_rewrite_is_no_correction(tmp_path):
    problem = _error(tmp_path, '      - was: "One in power"\n        now: "When Mao had won the civil war"\n')
    assert "rewrites more than it mends" in problem.message and "notes.yaml" in problem.hint


def test_the_readers_misprints_are_mended_and_the_report_lists_each(epub_documents, built):
    text = " ".join(" ".join(d.itertext()) for d in epub_documents.values())
    assert "Once in power, Mao" in text and "One in power, Mao" not in text
    assert "can lift itself" in text and "ethnically cleansed" in text
    report = next(p for p in built.outputs if p.name == "cleaning-report.html").read_text(encoding="utf-8")
    assert report.count("</tr>", report.index('id="corrections"'), report.index('id="house-style"')) >= 60
