"""The words a reader sees at each page's start: on the PDF's page, and after the EPUB's page marker.

Both are read from the finished files, independently of how the writers found
them: the PDF's text with pypdf (a page's body comes first; the running head
and folio follow it), the EPUB's text from its XHTML in reading order.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_WORD = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")


def words(text: str) -> list[str]:
    """Letters only, lower case: capitals set by the style sheet, note-call numbers and a generated
    asterisk make no difference."""
    return [w.lower() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


def pdf_pages(path: Path) -> list[tuple[str, list[str]]]:
    """(label, first words of the body text) of every page of the PDF that carries text."""
    reader = PdfReader(str(path))
    out = []
    for label, page in zip(reader.page_labels, reader.pages):
        text = (page.extract_text() or "").replace("\u2010\n", "").replace("-\n", "-")
        at = text.find("(continued)")
        if 0 <= at < 120:  # the index's "Entry (continued)" line heads the page: print's alone
            text = text[at + len("(continued)"):]
        if words(text):
            out.append((label, words(text)[:40]))
    return out


def epub_markers(path: Path) -> dict[str, tuple[str, list[str], etree._Element]]:
    """label -> (document, the first words after the page's marker in reading order, the marker)."""
    with zipfile.ZipFile(path) as archive:
        documents = {n: etree.fromstring(archive.read(n)) for n in archive.namelist() if n.endswith(".xhtml")}
    found = {}
    for name, document in documents.items():
        body = document.find(f"{XHTML}body")
        for marker in body.iter(f"{XHTML}span"):
            if marker.get(EPUB_TYPE) == "pagebreak":
                found[marker.get("aria-label")] = (name, _words_after(body, marker), marker)
    return found


def _words_after(body, marker) -> list[str]:
    texts: list[str] = []
    started = False
    skipping = 0
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if element is marker and event == "end":
            started = True
            texts.append(element.tail or "")
            continue
        if not started:
            continue
        if element.get(EPUB_TYPE) in ("landmarks", "page-list"):  # hidden navigation
            skipping += 1 if event == "start" else -1
            continue
        if skipping:
            continue
        texts.append((element.text if event == "start" else element.tail) or "")
        if sum(map(len, texts)) > 400:
            break
    return words(" ".join(texts))[:40]


def same_start(label: str, printed: list[str], marked: list[str], count: int = 8) -> bool:
    """Whether the e-book's words after a page's marker are the page's first `count` words: a page
    that begins half-way through a hyphenated word is marked before the whole word; the print
    contents' page numbers (vii) are not in the e-book's navigation."""
    if not label.isdigit():
        printed = [w for w in printed if len(w) < 2 or not _ROMAN.fullmatch(w)]
        marked = [w for w in marked if len(w) < 2 or not _ROMAN.fullmatch(w)]
    n = min(count, len(printed))
    if marked[:n] == printed[:n]:
        return True
    if 3 <= len(marked) < n and marked == printed[:len(marked)]:
        return True  # the page holds its chapter's last words, the e-book's document ends after them
    return len(printed) > 1 and marked[0] != printed[0] and marked[0].endswith(printed[0]) \
        and marked[1:n] == printed[1:n]
