"""Shared fixtures: the real project, built once per test session."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree
from ruamel.yaml import YAML

from pipeline.build import BuildOptions, build

# The same examples on every run, so that CI is reproducible; search anew with
# `python -m pytest --hypothesis-profile=explore`.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).with_name("data")

_LETTERS = re.compile(r"[^\W\d_]+")


def letter_words(text: str) -> list[str]:
    """Words as the tests compare them: letters only, lower case, so that curly
    quotes, dashes and note-call numerals make no difference."""
    return [w.lower() for w in _LETTERS.findall(text)]


@pytest.fixture(scope="session")
def truth() -> dict:
    return YAML(typ="safe").load((DATA / "seeds.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The whole reader (EPUB, PDF, report), built into a temporary out/."""
    out = tmp_path_factory.mktemp("out")
    result = build(BuildOptions(project=ROOT, out=out, cache_layout=False))  # every part really laid out
    return result


@pytest.fixture(scope="session")
def epub_path(built) -> Path:
    return next(p for p in built.outputs if p.suffix == ".epub")


@pytest.fixture(scope="session")
def pdf_path(built) -> Path:
    return next(p for p in built.outputs if p.suffix == ".pdf")


@pytest.fixture(scope="session")
def epub_files(epub_path) -> dict[str, bytes]:
    with zipfile.ZipFile(epub_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="session")
def pdf_text(pdf_path) -> list[str]:
    from pypdf import PdfReader
    return [page.extract_text() or "" for page in PdfReader(pdf_path).pages]


def copy_project(target: Path) -> Path:
    """A private copy of the project's inputs, for tests that break them."""
    for folder in ("editorial", "seeds", "styles"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


XHTML_NS = {"x": "http://www.w3.org/1999/xhtml", "opf": "http://www.idpf.org/2007/opf",
            "epub": "http://www.idpf.org/2007/ops"}


@pytest.fixture(scope="session")
def epub_documents(epub_files) -> dict[str, etree._Element]:
    """Every XHTML document of the EPUB, parsed (as XML: they must be well-formed)."""
    return {name: etree.fromstring(data) for name, data in epub_files.items() if name.endswith(".xhtml")}


@pytest.fixture(scope="session")
def spine(epub_files) -> list[str]:
    """Document paths in reading order, from the package document."""
    opf_name = next(n for n in epub_files if n.endswith(".opf"))
    opf = etree.fromstring(epub_files[opf_name])
    base = opf_name.rsplit("/", 1)[0]
    manifest = {item.get("id"): item.get("href") for item in opf.iterfind(".//opf:manifest/opf:item", XHTML_NS)}
    return [f"{base}/{manifest[ref.get('idref')]}" for ref in opf.iterfind(".//opf:spine/opf:itemref", XHTML_NS)]


def body_text(document: etree._Element) -> str:
    body = document.find("x:body", XHTML_NS)
    return " ".join(body.itertext())


def make_project(root: Path, seeds: dict[str, str], book: str, notes: str | None = None,
                 glossary: str | None = None, files: dict[str, str] | None = None) -> Path:
    """A small project of its own: seeds and editorial files given as text, the real styles."""
    (root / "seeds").mkdir(parents=True)
    (root / "editorial").mkdir()
    shutil.copytree(ROOT / "styles", root / "styles")
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "editorial" / "book.yaml").write_text(book, encoding="utf-8")
    if notes is not None:
        (root / "editorial" / "notes.yaml").write_text(notes, encoding="utf-8")
    if glossary is not None:
        (root / "editorial" / "glossary.yaml").write_text(glossary, encoding="utf-8")
    for name, text in (files or {}).items():
        (root / "editorial" / name).write_text(text, encoding="utf-8")
    return root


SMALL_BOOK = """\
title: A Small Book
editor: Test Editor
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-000000000000
date: "2024-01-01"
chapters:
  - seed: one.txt
    id: one
    title: Chapter One
"""
