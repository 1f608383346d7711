"""find_library's answers kept per machine while WeasyPrint is imported."""

from __future__ import annotations

import ctypes.util
import json

import pytest

from pipeline.writers.pdf.weasy import libraries, library_answers
from pipeline.writers.pdf.weasy.libraries import import_weasyprint, remembered_libraries
from pipeline.writers.pdf.weasy.library_answers import machine_key


@pytest.fixture
def linker_cache(tmp_path, monkeypatch):
    cache = tmp_path / "ld.so.cache"
    cache.write_bytes(b"libraries")
    monkeypatch.setattr(library_answers, "LINKER_CACHE", cache)
    monkeypatch.setattr(library_answers.sys, "platform", "linux")
    return cache


@pytest.fixture
def lookups(monkeypatch):
    """The names ctypes is asked for; it finds only libpango-1.0.so.0."""
    asked = []

    def find_library(name):
        asked.append(name)
        return "libpango-1.0.so.0" if name == "pango-1.0" else None

    monkeypatch.setattr(ctypes.util, "find_library", find_library)
    return asked


def _look_up(store, *names):
    with remembered_libraries(store):
        return [ctypes.util.find_library(name) for name in names]


def test_answers_are_kept_and_used_by_the_next_process(tmp_path, linker_cache, lookups):
    store = tmp_path / ".cache" / "libraries.json"
    assert _look_up(store, "pango-1.0-0", "pango-1.0") == [None, "libpango-1.0.so.0"]
    assert lookups == ["pango-1.0-0", "pango-1.0"]
    assert json.loads(store.read_text())["libraries"] == {"pango-1.0-0": None, "pango-1.0": "libpango-1.0.so.0"}
    assert _look_up(store, "pango-1.0-0", "pango-1.0", "harfbuzz") == [None, "libpango-1.0.so.0", None]
    assert lookups == ["pango-1.0-0", "pango-1.0", "harfbuzz"]  # only the new name was looked up
    assert ctypes.util.find_library("pango-1.0-0") is None and lookups[-1] == "pango-1.0-0"  # restored after


def test_a_changed_linker_cache_or_search_path_voids_the_answers(tmp_path, linker_cache, lookups, monkeypatch):
    store = tmp_path / "libraries.json"
    _look_up(store, "pango-1.0")
    linker_cache.write_bytes(b"libraries, one more installed")
    _look_up(store, "pango-1.0")
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    _look_up(store, "pango-1.0")
    assert lookups == ["pango-1.0"] * 3


def test_a_damaged_store_is_looked_up_again(tmp_path, linker_cache, lookups):
    store = tmp_path / "libraries.json"
    for damaged in ("{not json", json.dumps({"key": machine_key(), "libraries": {"pango-1.0": 7}}), "[]"):
        store.write_text(damaged)
        assert _look_up(store, "pango-1.0") == ["libpango-1.0.so.0"]
    assert lookups == ["pango-1.0"] * 3


def test_nothing_is_kept_without_a_linker_cache_to_tell_when_libraries_change(tmp_path, linker_cache, lookups):
    linker_cache.unlink()
    store = tmp_path / "libraries.json"
    _look_up(store, "pango-1.0")
    _look_up(store, "pango-1.0")
    assert lookups == ["pango-1.0"] * 2 and not store.exists()


def test_a_failed_import_forgets_the_answers(tmp_path, linker_cache, lookups, monkeypatch):
    store = tmp_path / "libraries.json"
    _look_up(store, "pango-1.0")

    import_module = libraries.importlib.import_module

    def failing(name, *args):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0.so.0'")
        return import_module(name, *args)

    monkeypatch.setattr(libraries.importlib, "import_module", failing)
    with pytest.raises(OSError):
        import_weasyprint(store)
    assert not store.exists()
