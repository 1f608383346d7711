"""Titles listed under `italics:` in book.yaml are set in italics in both editions."""

from __future__ import annotations

import pytest

from conftest import SMALL_BOOK, XHTML_NS, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.italics import italics_pattern, mark_titles
from pipeline.editorial.load import load_editorial
from pipeline.model import Mark, MarkKind, Text, title_language
from pipeline.problems import PipelineError
from pipeline.render.xhtml import EPUB, Edition, render_chapter

SEED = ("A Title Here\n\nTrotsky wrote Revolution Betrayed in 1936, and later readers of The Revolution Betrayed "
        "argued about it for decades; revolution betrayed in lower case is not the title.\n")


def _chapter_html(tmp_path, seed: str, italics: list[str]):
    """(the book made from one seed with these `italics:` entries, its chapter as the EPUB renders it)."""
    book = SMALL_BOOK.replace("chapters:", "italics:\n" + "".join(f"  - {entry}\n" for entry in italics) + "chapters:")
    made = build_book(load_editorial(make_project(tmp_path, {"one.txt": seed}, book)))
    return made, render_chapter(made.book.chapters[0], made.book, Edition(EPUB, {"endnotes": "endnotes.xhtml"}))


def test_titles_become_italic_wherever_they_occur_and_unknown_titles_warn(tmp_path):
    made, html = _chapter_html(tmp_path, SEED, ["The Revolution Betrayed", "Revolution Betrayed", "No Such Book"])
    assert '<i class="title">Revolution Betrayed</i> in 1936' in html
    assert '<i class="title">The Revolution Betrayed</i>' in html
    assert "revolution betrayed in lower case" in html
    assert [p.message for p in made.warnings] == ["italics: “No Such Book” does not occur in any chapter"]


def test_the_reader_sets_its_titles_in_italics(epub_documents):
    titles = {"".join(i.itertext()) for d in epub_documents.values() for i in d.iterfind(".//x:i", XHTML_NS)}
    assert {"Revolution Betrayed", "Animal Farm", "The Two Souls of Socialism"} <= titles


CONTEXT_SEED = ("A Title Here\n\nTrotsky lost. “Ilyich gave no instructions” (D. Volkogonov, Trotsky, p. 243.) "
                "Trotsky went into exile; the Second World War came later (Churchill, The Second World War, "
                "vol. IV).\n")


def test_a_title_listed_with_its_context_is_italic_only_there(tmp_path):
    made, html = _chapter_html(tmp_path, CONTEXT_SEED,
                               ["D. Volkogonov, *Trotsky*", "Churchill, *The Second World War*"])
    assert 'D. Volkogonov, <i class="title">Trotsky</i>, p. 243' in html
    assert 'Churchill, <i class="title">The Second World War</i>, vol. IV' in html
    assert html.count('<i class="title">') == 2  # the man and the war elsewhere stay roman
    assert not made.warnings


def test_an_italics_entry_with_one_asterisk_is_an_error_that_says_how_to_write_it(tmp_path):
    book = SMALL_BOOK.replace("chapters:", "italics:\n  - D. Volkogonov, *Trotsky\nchapters:")
    with pytest.raises(PipelineError) as caught:
        load_editorial(make_project(tmp_path, {"one.txt": CONTEXT_SEED}, book))
    [error] = caught.value.problems
    line = book.splitlines().index("  - D. Volkogonov, *Trotsky") + 1
    assert (error.path.name, error.line) == ("book.yaml", line), str(error)
    assert "between two asterisks" in error.hint


FOREIGN_SEED = ("A Title Here\n\nGalileo is said to have muttered Eppur si muove after his recantation, and the Polish "
                "journal Rewolucji, Ciag Dalszy reprinted the story in 1989, long after the trial.\n")


def test_words_in_another_language_are_marked_with_it(tmp_path):
    """A reviewer's read of the reader's EPUB: "Eppur si muove" and "Rewolucji, Ciag Dalszy" were set in italics
    with no language, so a screen reader read them in the book's English voice."""
    made, html = _chapter_html(tmp_path, FOREIGN_SEED, ["{words: Eppur si muove, language: it}",
                                                       '{words: "Rewolucji, Ciag Dalszy", language: pl}'])
    assert '<i class="title" lang="it" xml:lang="it">Eppur si muove</i> after' in html
    assert '<i class="title" lang="pl" xml:lang="pl">Rewolucji, Ciag Dalszy</i> reprinted' in html
    assert not made.warnings


def test_an_editors_own_italics_are_given_the_listed_words_language():
    """A note the editors wrote sets *Yo fui un ministro de Stalin* in italics itself: listed with its
    language, the words keep the editors' italics and gain the language."""
    text = Text("He wrote Yo fui un ministro de Stalin in exile.", [Mark(MarkKind.EMPHASIS, 9, 37)])
    entries = ["Yo fui un ministro de Stalin"]
    assert mark_titles(text, italics_pattern(entries), entries, {entries[0]: "es"}) == entries
    assert [(m.start, m.end, title_language(m)) for m in text.marks] == [(9, 37, "es")]


def test_an_italics_entry_with_a_language_that_is_no_tag_is_an_error_naming_its_line(tmp_path):
    book = SMALL_BOOK.replace("chapters:", "italics:\n  - {words: Eppur si muove, language: Italian}\nchapters:")
    with pytest.raises(PipelineError) as caught:
        load_editorial(make_project(tmp_path, {"one.txt": FOREIGN_SEED}, book))
    [error] = caught.value.problems
    assert (error.path.name, error.line) == ("book.yaml", book.splitlines().index(
        "  - {words: Eppur si muove, language: Italian}") + 1), str(error)
    assert "'Italian' is not a valid value for 'language'" in error.message and "BCP 47" in error.hint


def test_the_readers_foreign_words_are_marked_with_their_language(epub_documents):
    marked = {"".join(i.itertext()): i.get("lang") for d in epub_documents.values()
              for i in d.iterfind(".//x:i", XHTML_NS) if i.get("lang")}
    assert marked.get("Eppur si muove") == "it" and marked.get("Yo fui un ministro de Stalin") == "es"
    assert marked.get("Rewolucji, Ciag Dalszy") == "pl"
