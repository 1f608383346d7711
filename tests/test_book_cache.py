"""The prepared book kept between builds: taken only while nothing it was made from has changed."""

from __future__ import annotations

import os
import pickle
import shutil
import time

import pytest

from pipeline import book_cache, build as build_module, caching
from pipeline.build import BuildOptions, build
from pipeline.cache import CleanCache


def _prepared(project):
    options = BuildOptions(project)
    return build_module._prepared(options, CleanCache(options.cache_dir))


def _kept(project) -> bool:
    """Whether the next build takes the book from the cache (prepare is not called)."""
    editorial, _ = _prepared(project)
    return editorial is None


def _settle(project) -> None:
    """Date every file of the project an hour back, as if edited well before the next build."""
    past = time.time() - 3600
    for path in project.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def test_an_unchanged_project_takes_its_book_from_the_cache(project, monkeypatch):
    editorial, made = _prepared(project)
    assert editorial is not None and (project / ".cache" / "book.pickle").is_file()

    def not_again(*args):
        raise AssertionError("prepared again")

    monkeypatch.setattr(build_module, "prepare", not_again)
    again, kept = _prepared(project)
    assert again is None
    assert kept.book == made.book and kept.warnings == made.warnings
    assert {k: v.summary() for k, v in kept.cleaned.items()} == {k: v.summary() for k, v in made.cleaned.items()}


@pytest.mark.parametrize("change", ["note", "seed", "font", "new editorial file", "removed editorial file"])
def test_any_change_to_what_the_book_is_made_from_prepares_it_afresh(project, change):
    _prepared(project)
    assert _kept(project)
    if change == "note":
        notes = project / "editorial" / "notes.yaml"
        notes.write_text(notes.read_text(encoding="utf-8").replace("Trotsky", "Trotskii", 1), encoding="utf-8")
    elif change == "seed":
        seed = sorted((project / "seeds").iterdir())[0]
        seed.write_bytes(seed.read_bytes() + b"\nOne more paragraph of the article, added at the end of the page.\n")
    elif change == "font":
        font = project / "styles" / "fonts" / "CharisSIL-Regular.ttf"
        font.write_bytes(font.read_bytes() + b"\0")
    elif change == "new editorial file":
        (project / "editorial" / "preface.md").write_text("A preface no file names yet.\n", encoding="utf-8")
    else:
        (project / "editorial" / "colophon.md").unlink()
    _settle(project)
    if change == "removed editorial file":
        with pytest.raises(Exception):  # book.yaml names it: the error is the editors' to see
            _prepared(project)
        return
    assert not _kept(project)
    assert _kept(project)  # and kept again from then on


def test_a_book_whose_files_changed_while_it_was_prepared_is_not_kept(project, monkeypatch):
    _prepared(project)
    seed = sorted((project / "seeds").iterdir())[0]
    original = build_module.prepare

    def edited_meanwhile(*args):
        prepared = original(*args)
        seed.write_bytes(seed.read_bytes() + b"\nA paragraph saved while the book was being prepared.\n")
        return prepared

    monkeypatch.setattr(build_module, "prepare", edited_meanwhile)
    seed.write_bytes(seed.read_bytes() + b"\nA first edit.\n")
    assert not _kept(project)
    monkeypatch.setattr(build_module, "prepare", original)
    assert not _kept(project)  # the edit made while preparing is in the book now
    _settle(project)
    assert not _kept(project) and _kept(project)


def test_a_copied_project_prepares_its_book_afresh(project, tmp_path):
    _prepared(project)
    assert _kept(project)
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)  # .cache/ included
    seed = sorted((copy / "seeds").iterdir())[0]
    lines = seed.read_bytes().split(b"\n")
    lines[10] += b" One more sentence, in the copy only."  # inside a paragraph: kept whatever the cleaner decides
    seed.write_bytes(b"\n".join(lines))
    _settle(copy)
    editorial, made = _prepared(copy)
    assert editorial is not None
    assert any("in the copy only" in text.text for c in made.book.chapters for text in c.article.texts())


def test_the_key_covers_the_code_that_makes_the_model():
    code = {p.relative_to(caching.PACKAGE).as_posix() for p in caching.code_files(*book_cache._CODE)}
    assert {"model.py", "editorial/prose.py", "editorial/notes.py", "editorial/apply.py", "clean/assemble.py",
            "clean/data/body_model.json"} <= code
    assert {"markdown", "nh3", "beautifulsoup4"} <= {name for name in book_cache._LIBRARIES}


def test_other_code_or_libraries_prepare_it_afresh(project, monkeypatch):
    _prepared(project)
    monkeypatch.setattr(book_cache, "_environment", lambda: "other code")
    assert not _kept(project)


def test_a_damaged_entry_prepares_it_afresh(project):
    _prepared(project)
    entry = project / ".cache" / "book.pickle"
    for damaged in (b"not a pickle", pickle.dumps("a pickle of something else"), entry.read_bytes()[:1000]):
        entry.write_bytes(damaged)
        assert not _kept(project)


def test_a_build_from_the_kept_book_writes_the_same_epub(project, tmp_path):
    options = BuildOptions(project, out=tmp_path / "first", pdf=False)
    first = build(options, cache=CleanCache(options.cache_dir))
    options = BuildOptions(project, out=tmp_path / "second", pdf=False)
    second = build(options, cache=CleanCache(options.cache_dir))
    assert first.editorial is not None and second.editorial is None
    assert [p.read_bytes() for p in first.outputs] == [p.read_bytes() for p in second.outputs]
    assert [str(w) for w in first.warnings] == [str(w) for w in second.warnings]
