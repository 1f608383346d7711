"""The layout cache: a rebuild lays out only the parts that changed, and its PDF is the
same to the byte as a build that laid everything out."""

from __future__ import annotations

from concurrent.futures import wait
from pathlib import Path

import pytest

from pipeline.build import BuildOptions, build, prepare
from pipeline.workers import helpers
from pipeline.writers.pdf import write_pdf
from pipeline.writers.pdf.helper_tasks import share_chapters
from conftest import SMALL_BOOK, make_project

PARAGRAPH = ("The revolution of 1917 was followed by a long civil war that left the economy in ruins and "
             "the working class scattered across the countryside in search of food, while a layer of "
             "officials grew up inside the party and the state with interests of its own.")

BOOK = SMALL_BOOK + "  - seed: two.txt\n    id: two\n    title: Chapter Two\n"


def seed(title: str, paragraphs: int) -> str:
    return f"{title}\n\n" + "\n\n".join(f"{PARAGRAPH} ({n})" for n in range(paragraphs)) + "\n"


@pytest.fixture
def small(tmp_path) -> Path:
    return make_project(tmp_path / "project", {"one.txt": seed("The First Article", 30),
                                               "two.txt": seed("The Second Article", 20)}, BOOK)


def pdf(project: Path, jobs: int = 1, cache: bool = True):
    result = build(BuildOptions(project=project, epub=False, report=False, jobs=jobs, cache_layout=cache))
    return result.pdf, (project / "out" / "a-small-book.pdf").read_bytes()


def entries(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "layout").glob("*.layout"))


def test_a_rebuild_reuses_every_layout_and_writes_the_same_bytes(small):
    first, fresh = pdf(small)
    assert first.reused == [] and first.pages > 4
    again, reused = pdf(small)
    assert again.reused == [1, 2]
    assert reused == fresh
    assert pdf(small, cache=False)[1] == fresh


def test_helpers_take_layouts_from_the_cache_too(small):
    """The helper claims every chapter (the main process waits for it before claiming any)."""
    _, fresh = pdf(small)
    options = BuildOptions(project=small)
    book = prepare(options)[1].book
    with helpers(1) as side:
        share = share_chapters(book, options.styles, side, options.layout_cache_dir)
        wait(share.futures)
        again = write_pdf(book, options.styles, small / "again.pdf", share=share, cache=options.layout_cache_dir)
        share.close()
    assert again.reused == [1, 2] and again.beside == []
    assert (small / "again.pdf").read_bytes() == fresh


def test_an_edit_lays_out_only_its_chapter_again(small):
    pdf(small)
    book = small / "editorial" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("Chapter Two", "Chapter Two, Retitled"),
                    encoding="utf-8")
    edited, data = pdf(small)
    assert edited.reused == [1]
    assert data == pdf(small, cache=False)[1]


def test_a_changed_stylesheet_reuses_nothing(small):
    pdf(small)
    css = small / "styles" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.chapter p { word-spacing: 0.5pt; }\n", encoding="utf-8")
    assert pdf(small)[0].reused == []


def test_damaged_entries_are_laid_out_again(small):
    _, fresh = pdf(small)
    for number, entry in enumerate(entries(small)):
        entry.write_bytes(entry.read_bytes()[:100] if number % 2 else b"not a layout")
    again, data = pdf(small)
    assert again.reused == [] and data == fresh


def test_entries_no_build_uses_are_pruned(small):
    pdf(small)
    folder = small / ".cache" / "layout"
    for n in range(40):
        (folder / f"{n:040x}.layout").write_bytes(b"old")
    pdf(small)
    assert len(entries(small)) <= 16 + 5  # the spare entries, and this build's chapters and matter
