"""Read a seed article: bytes to normalised lines, nothing interpreted yet.

The seeds are kept byte for byte as received; this is the only place that
decodes them. Line endings (Windows, old Mac) and a byte-order mark simply
work; anything that is not text stops with the file and byte offset named.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .problems import PipelineError, Problem

# C0/C1 control characters other than tab and newline cannot appear in XML.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


@dataclass(frozen=True)
class SourceText:
    """A seed as lines; line N of the file is lines[N - 1]."""

    path: Path
    lines: tuple[str, ...]
    removed_controls: int = 0  # control characters dropped because XML cannot hold them


def read_text_seed(path: Path) -> SourceText:
    """Decode and normalise one plain-text seed file (`pipeline.seeds.read_seed` reads any seed)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PipelineError(Problem("seed file not found", path, hint=NOT_FOUND_HINT)) from None
    except IsADirectoryError:
        raise PipelineError(Problem("seed is a folder, not a text file", path)) from None
    except OSError as exc:
        raise PipelineError(Problem(f"cannot read seed: {exc.strerror}", path)) from None
    return decode_seed(data, path)


#: Where a seed's name is given: a chapter's `seed:`, or the files named to `clean`.
NOT_FOUND_HINT = "check the file's name (a chapter's `seed:` in editorial/book.yaml, or the name given to clean)"


def _utf16_without_mark(data: bytes) -> bool:
    """Text in UTF-16 saved without a mark: every other byte of its Latin letters is NUL."""
    head = data[:2000]
    halves = (head[0::2], head[1::2])
    return len(head) >= 8 and any(half.count(0) >= 0.9 * len(half) for half in halves) \
        and not all(half.count(0) >= 0.9 * len(half) for half in halves)


#: A page's HTML source, or a browser's single-file archive (MHTML), under a text seed's name: markup, not the
#: words a reader sees, which the cleaner would keep as if they were.
_HTML_SOURCE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.I | re.S)
_ARCHIVE_HEADERS = re.compile(r"\A(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*){0,20}?content-type:\s*multipart/related", re.I)


def _refuse_markup(text: str, path: Path) -> None:
    head = text[:4000].replace("\r\n", "\n")
    if _ARCHIVE_HEADERS.match(head):
        raise PipelineError(Problem(
            "seed is a web archive (a page saved as 'Webpage, Single File'), not text", path, line=1,
            hint=f"name it {path.stem}.mhtml (in the chapter's `seed:` too) and it is read as the saved page it is"))
    if _HTML_SOURCE.match(head):
        raise PipelineError(Problem(
            "seed is a web page's HTML source, not its text", path, line=1,
            hint=f"name it {path.stem}.html (in the chapter's `seed:` too) and it is read as a saved page"))


def decode_seed(data: bytes, path: Path) -> SourceText:
    if not data.strip():
        raise PipelineError(Problem(
            "seed is empty" if not data else "seed holds only white space", path,
            hint="paste the article's text into the file, or remove the chapter from editorial/book.yaml"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark: text all the same
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the checks below say what it is
    nul = data.find(b"\x00")
    if nul >= 0 and _utf16_without_mark(data):
        raise PipelineError(Problem(
            "seed is UTF-16 text without a byte-order mark; seeds are UTF-8", path,
            hint="re-save the file as UTF-8, e.g. `iconv -f UTF-16LE -t UTF-8 in.txt > out.txt`"))
    if nul >= 0:
        raise PipelineError(Problem(
            f"seed looks like a binary file (NUL byte at byte offset {nul}), not text", path,
            line=data.count(b"\n", 0, nul) + 1,
            hint="seeds are plain UTF-8 text copies of web pages; export the page as text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start:exc.start + 4].hex(" ")
        raise PipelineError(Problem(
            f"seed is not valid UTF-8: byte offset {exc.start} (bytes {bad}) cannot be decoded",
            path, line=line, column=column,
            hint="re-save the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`",
        )) from None
    _refuse_markup(text, path)
    text = _LINE_BREAKS.sub("\n", text)
    text, removed = _CONTROL.subn("", text)
    text = unicodedata.normalize("NFC", text)
    return SourceText(path, tuple(text.split("\n")), removed)
