"""Every stylesheet the editions ship parses as a conforming engine reads it.

calibre (and any engine that follows the CSS Namespaces spec) drops a rule whose
selector uses a prefix the sheet never declares: the EPUB's landmarks list showed as
text on MOBI for that reason. The checks run on the EPUB's packaged sheets and on the
print sheets, and each kind of fault is planted once to show the check finds it.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from css_lint import css_problems

PRINT_SHEETS = ("shared.css", "print.css")  # the PDF's stylesheets, as the writer loads them


def test_every_stylesheet_of_the_epub_parses_with_declared_namespaces(epub_files):
    sheets = {name: data.decode("utf-8") for name, data in epub_files.items() if name.endswith(".css")}
    assert sorted(sheets) == ["EPUB/css/epub.css", "EPUB/css/shared.css"]
    for name, text in sheets.items():
        assert css_problems(text) == [], name


@pytest.mark.parametrize("name", PRINT_SHEETS)
def test_every_stylesheet_of_the_pdf_parses(name):
    assert css_problems((ROOT / "styles" / name).read_text(encoding="utf-8")) == []


def test_the_epub_sheet_declares_the_epub_prefix_it_uses():
    text = (ROOT / "styles" / "epub.css").read_text(encoding="utf-8")
    assert "epub|type" in text and '@namespace epub "http://www.idpf.org/2007/ops";' in text


GOOD = 'body { margin: 0; }\n'


@pytest.mark.parametrize("bad, found", [
    ('nav[epub|type~="landmarks"] { display: none; }', "undefined namespace prefix: epub"),
    ('p { margin: 0; }\n@namespace epub "http://www.idpf.org/2007/ops";\nnav[epub|type] { display: none; }',
     "@namespace after other rules is ignored"),
    ("p { color red; }", "cannot parse a declaration"),
    ("p { color: red; } }", "cannot parse a rule"),
    ("p[ { color: red; }", "cannot parse a rule"),
    ("p..x { color: red; }", "is dropped"),
    ("p { color: red;\n  .x { color: blue; } }", "a rule where declarations belong"),
    ("@page { @top-left { content: 'x' } margin 1cm; }", "cannot parse a declaration"),
    ("@media print { nav[epub|type] { display: none; } }", "undefined namespace prefix: epub"),
    ("@frobnicate { }", "unknown at-rule"),
])
def test_planted_faults_are_found_with_their_line(bad, found):
    assert css_problems(GOOD) == []
    problems = css_problems(GOOD + bad)
    assert problems and any(found in p for p in problems), problems
    assert all(p.startswith("line ") for p in problems)
