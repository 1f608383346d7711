"""The EPUB as converters read it: pandoc keeps every link, and plain text numbers each note once.

Readers convert EPUBs (calibre to AZW3 and MOBI, pandoc to anything): markup they drop or
read differently from a reading system breaks links or doubles numbers. These tests run
pandoc on the built reader; without pandoc they are skipped (`apt-get install pandoc`).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

PANDOC = shutil.which("pandoc")
pytestmark = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed (apt-get install pandoc)")


def _pandoc(epub_path, to: str) -> str:
    return subprocess.run([PANDOC, str(epub_path), "-t", to], check=True, capture_output=True,
                          timeout=300).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def as_html(epub_path) -> str:
    return _pandoc(epub_path, "html")


def test_pandoc_keeps_the_target_of_every_link_and_so_every_glossary_link(as_html):
    ids = set(re.findall(r'\bid="([^"]+)"', as_html))
    links = re.findall(r'\bhref="#([^"]+)"', as_html)
    glossary = [link for link in links if "#glossary-" in link]
    assert len(glossary) >= 100, "the glossary links are read as links"
    broken = [link for link in links if link not in ids]
    assert not broken, f"{len(broken)} of {len(links)} links lead nowhere in pandoc's reading: {broken[:5]}"


def test_plain_text_numbers_each_note_and_each_source_once(epub_path, built):
    text = _pandoc(epub_path, "plain")
    assert not re.search(r"(?m)^[ \t]*\d+\.[ \t]+\d+\.[ \t]", text), "a number read twice"
    notes = [n for c in built.made.book.chapters for n in c.notes]
    flat = " ".join(text.split())
    for note in notes:
        first = " ".join(note.paragraphs[0].text.split()[:4])
        assert f"{note.number}. {first}" in flat, (note.key, first)
    for chapter in built.made.book.chapters:
        assert f"{chapter.number}. {' '.join(chapter.title.split())}. First published" in flat or \
            f"{chapter.number}. {' '.join(chapter.title.split())}" in flat
