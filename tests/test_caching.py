"""The one cache scheme (pipeline/caching.py): keys, atomic writes, damaged entries, pruning."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from pipeline import caching
from pipeline.writers.pdf import layout_cache


@pytest.fixture
def package(tmp_path):
    """A small package of our own: `pkg.layout` imports `pkg.helper`; `pkg.other` is unrelated."""
    root = tmp_path / "pkg"
    (root / "layout").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "layout" / "__init__.py").write_text("from ..helper import size\n")
    (root / "layout" / "boxes.py").write_text("from typing import TYPE_CHECKING\n"
                                               "if TYPE_CHECKING:\n    from .. import other\n")
    (root / "layout" / "data.json").write_text("{}")
    (root / "helper.py").write_text("size = 1\n")
    (root / "other.py").write_text("x = 1\n")
    yield root
    caching.code_digest.cache_clear()


def _key(root: Path, *inputs, libraries=("pytest",)):
    caching.code_digest.cache_clear()
    return caching.cache_key(*inputs, libraries=libraries, code=("pkg.layout",), package=root)


def test_the_code_is_the_named_package_walked_and_what_it_imports(package):
    files = {p.relative_to(package.parent).as_posix() for p in caching.code_files("pkg.layout", package=package)}
    assert files == {"pkg/layout/__init__.py", "pkg/layout/boxes.py", "pkg/layout/data.json", "pkg/helper.py"}


def test_the_key_changes_with_an_input_a_library_or_the_code(package, monkeypatch):
    first = _key(package, b"chapter")
    assert _key(package, b"chapter") == first
    assert _key(package, b"chapter 2") != first
    assert _key(package, b"chap", b"ter") != first  # inputs are kept apart
    versions = caching.library_versions
    monkeypatch.setattr(caching, "library_versions", lambda names: tuple(f"{n} 99" for n in names))
    assert _key(package, b"chapter") != first
    monkeypatch.setattr(caching, "library_versions", versions)
    assert _key(package, b"chapter") == first
    (package / "helper.py").write_text("size = 2\n")  # a module the package imports
    second = _key(package, b"chapter")
    assert second != first
    (package / "layout" / "data.json").write_text('{"a": 1}')  # data of the package
    third = _key(package, b"chapter")
    assert third != second
    (package / "other.py").write_text("x = 2\n")  # neither in the package nor imported by it
    assert _key(package, b"chapter") == third


def test_a_module_added_to_the_package_changes_the_key(package):
    first = _key(package, b"chapter")
    (package / "layout" / "new_fix.py").write_text("FIX = True\n")
    assert _key(package, b"chapter") != first


def test_a_module_added_to_the_layout_package_changes_the_layout_key(tmp_path):
    """The failure the hand-kept list had: a new module that affects layout served stale layouts."""
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "book.css").write_text("p { margin: 0 }")
    caching.code_digest.cache_clear()
    before = layout_cache.fingerprint(styles, [])
    added = Path(layout_cache.__file__).parent / "weasy" / "zz_test_added_module.py"
    try:
        added.write_text('"""A module added to the layout package."""\n')
        caching.code_digest.cache_clear()
        assert layout_cache.fingerprint(styles, []) != before
        cache = layout_cache.LayoutCache(tmp_path / "layout", layout_cache.fingerprint(styles, []))
        assert cache.key("chapter", "x") != layout_cache.LayoutCache(tmp_path, before).key("chapter", "x")
    finally:
        added.unlink(missing_ok=True)
        caching.code_digest.cache_clear()
    assert layout_cache.fingerprint(styles, []) == before


def test_an_interrupted_write_leaves_nothing(tmp_path):
    entry = tmp_path / "cache" / "entry.bin"

    def writer(file):
        file.write(b"half an entry")
        raise RuntimeError("the writer fails")

    caching.write_with(entry, writer)
    assert not entry.exists() and list(entry.parent.iterdir()) == []
    caching.write_bytes(entry, b"whole")
    caching.write_with(entry, writer)
    assert entry.read_bytes() == b"whole"  # the entry before stays whole
    assert [p.name for p in entry.parent.iterdir()] == ["entry.bin"]

    def interrupted(file):
        file.write(b"half an entry")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        caching.write_with(tmp_path / "other.bin", interrupted)
    assert sorted(p.name for p in entry.parent.iterdir()) == ["entry.bin"]


def test_a_damaged_entry_is_recomputed_never_trusted(tmp_path):
    entry = tmp_path / "entry.json"
    assert caching.load(entry, bytes.decode) is None  # absent
    entry.write_bytes(b"\xff\xfe not utf-8")
    assert caching.load(entry, bytes.decode) is None
    assert caching.read_entry(entry) is None
    entry.write_bytes(b'{"a": ')
    assert caching.load(entry, json.loads) is None
    entry.write_bytes(b'{"a": 1}')
    assert caching.load(entry, json.loads) == {"a": 1}


def test_pruning_keeps_what_a_build_used_and_the_most_recent_others(tmp_path):
    now = time.time()
    for age, name in enumerate(["used", "recent", "older", "oldest"]):
        path = tmp_path / f"{name}.layout"
        path.write_bytes(b"x")
        os.utime(path, (now - age * 10, now - age * 10))
    (tmp_path / "other.png").write_bytes(b"x")
    stale = tmp_path / "killed.layout.123.part"
    stale.write_bytes(b"x")
    os.utime(stale, (now - 2 * caching.STALE_PART_SECONDS,) * 2)
    fresh = tmp_path / "writing.layout.456.part"
    fresh.write_bytes(b"x")
    caching.prune(tmp_path, "*.layout", used={"used"}, spare=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "other.png", "recent.layout", "used.layout", "writing.layout.456.part"]
    caching.prune(tmp_path, "*.layout", used={"used"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.png", "used.layout", "writing.layout.456.part"]


def test_every_cache_takes_its_key_from_the_scheme():
    """No cache keeps a key scheme, or a list of its code, of its own."""
    root = caching.PACKAGE
    for module in ("cache.py", "book_cache.py", "editorial/yamlfile.py", "writers/cover.py",
                   "writers/pdf/layout_cache.py", "writers/pdf/weasy/library_answers.py"):
        text = (root / module).read_text()
        assert "cache_key" in text and "hashlib" not in text and "os.replace" not in text, module
    assert not (root / "cachefile.py").exists() and not (root / "versions.py").exists()
