"""Titles listed under `italics:` in book.yaml are set in italics in both editions."""

from __future__ import annotations

import pytest

from conftest import SMALL_BOOK, XHTML_NS, make_project
from pipeline.editorial.apply import build_book
from pipeline.editorial.load import load_editorial
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
