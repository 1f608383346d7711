"""Read a saved web page: bytes to a parsed tree, refusing what is not a page or too big to trust.

A page saved by a browser ("Web page, complete") is `NAME.html` plus a
`NAME_files/` folder of its images. HTML is hostile input: nothing here runs a
script or fetches anything; the page is only parsed. A page over MAX_BYTES, one
nested deeper than the parser can follow (its text would be lost silently), or a
file that is not HTML at all stops with the file named.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from bs4.dammit import UnicodeDammit

from ..problems import PipelineError, Problem
from ..read import NOT_FOUND_HINT, SourceText
from .archive import ARCHIVE_SUFFIXES

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_BYTES = 15_000_000  # saved articles are well under 5 MB; a larger page is not an article
# UTF-8 read as Windows-1252 or Latin-1 ("it’s" shown as "itâ€™s"): a lead character and its continuation
# characters, each standing for one byte of 0x80–0xBF (Latin-1's C1 range or Windows-1252's letters there).
_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
                       f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}")
_SURE_MOJIBAKE = re.compile(f"[\u00e0-\u00ef][{_CONTINUATION}]{{2}}|[\u00c2-\u00df][\u0080-\u009f]")
_LOOKS_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|h[1-6])\b", re.I)


def is_html_seed(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(HTML_SUFFIXES + ARCHIVE_SUFFIXES) or name.endswith(tuple(s + ".gz" for s in HTML_SUFFIXES))


@dataclass(frozen=True)
class HtmlSource(SourceText):
    """A saved page as the cleaner reads it: `lines` holds one block of text a line (so that
    editors' overrides name blocks by how they start, as in a text seed), `units` the blocks
    with their markup evidence, `page` what the page says about the article."""

    units: tuple = ()
    page: object = None  # PageFacts
    warnings: tuple[tuple[int, str], ...] = ()  # (line of the HTML file, message)
    images: Path | None = None  # the page's own folder of files, if it has one


def _problem(message: str, path: Path, hint: str = "", line: int | None = None) -> PipelineError:
    return PipelineError(Problem(message, path, line=line, hint=hint or None))


def read_page_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _problem(f"page is {size / 1e6:.1f} MB, over the {MAX_BYTES // 1_000_000} MB a saved article "
                           f"may be: not read", path, "save the article's page alone (File ▸ Save Page As), "
                           "or copy its text into a .txt seed")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _problem("seed file not found", path, NOT_FOUND_HINT) from None
    except IsADirectoryError:
        raise _problem("seed is a folder, not a saved page", path) from None
    except OSError as exc:
        raise _problem(f"cannot read seed: {exc.strerror}", path) from None
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise _problem(f"not a gzip file: {exc}", path) from None
        if len(data) > MAX_BYTES:
            raise _problem(f"page is {len(data) / 1e6:.1f} MB unpacked, over the limit: not read", path)
    return data


def _byte(char: str) -> int:
    code = ord(char)
    return code if code < 0x100 else char.encode("cp1252")[0]


def _repaired(match: re.Match) -> str:
    try:
        return bytes(_byte(c) for c in match.group()).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return match.group()


def repair_mojibake(text: str) -> str:
    """Text that was UTF-8 read once more as Windows-1252 ("itâ€™s", "cafÃ©") as it was written.
    Some saved pages carry it in their bytes (a server or an earlier save decoded the page twice); a
    browser shows the garbage, a reader wants the words. Only a page with a sequence that no real text
    holds (three characters that spell one UTF-8 letter, or a letter before a control character) is
    repaired, so that a Latin-1 page's own "Ã" before a "»" stays as it is."""
    if not _SURE_MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_repaired, text)


def parse_page(data: bytes, path: Path, charset: str | None = None) -> lxml.html.HtmlElement:
    """The page's element tree; a clear error for a file that is not HTML or is nested too deep. `charset`: what
    a web archive's header says of its page, tried before the page's own `<meta charset>`."""
    if not data.strip():
        raise _problem("page is empty", path, "save the page again from the browser")
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _problem("not an HTML page: the file is binary (it has NUL bytes)", path,
                       "name a page saved by a browser (.html), or a plain-text seed (.txt)")
    known = [charset] if charset else []
    text = UnicodeDammit(data, known, is_html=True).unicode_markup  # a byte-order mark, a <meta charset>, a guess
    if text is None:
        raise _problem("page's character encoding cannot be read", path, "re-save the page as UTF-8")
    if not _LOOKS_HTML.search(text[:200_000]):  # the decoded text: a UTF-16 page's bytes interleave NULs
        raise _problem("not an HTML page: no HTML elements in it", path,
                       "a plain-text copy of a page is a .txt seed; rename the file")
    text = repair_mojibake(text)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise _problem(f"not an HTML page: {exc}", path) from None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise _problem(f"page nests its elements deeper than the parser follows (line {entry.line}): "
                           f"its text cannot be read reliably", path,
                           "this is not a page a browser saves; save the article again", line=entry.line)
    _refuse_frameset(root, path)
    return root


def _refuse_frameset(root: lxml.html.HtmlElement, path: Path) -> None:
    """A frameset page holds no words of its own: they are in the pages its frames show, which a browser saves
    as other files. Said as an error that names them, rather than a page cleaned to nothing."""
    frames = [src for frame in root.iter("frame") if (src := (frame.get("src") or "").strip())]
    if not frames or any(text.strip() for text in root.xpath("//body//text()")):
        return
    line = next(root.iter("frame")).sourceline
    raise _problem(f"page is a frameset: its text is in the pages its frames show ({', '.join(frames[:3])}), "
                   f"not in this file", path, "save the frame that shows the article (right-click it ▸ "
                   "Save Frame As) and name that file", line=line)


_TAG = re.compile(rb"<[^>]*>")
#: Code a page holds, never words a reader sees (to the page's end where it is not closed).
_CODE = re.compile(rb"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)


def unclosed_comment(data: bytes) -> tuple[int, str] | None:
    """An HTML comment the page opens and never closes: a browser shows nothing after it, nor does the
    parser give it; said (line, message) with the words it hides, so that no text goes unnoticed (none where it
    hides only scripts, styles and markup)."""
    opened = data.rfind(b"<!--")
    if opened < 0 or data.find(b"-->", opened + 4) >= 0:
        return None
    hidden = len(_TAG.sub(b" ", _CODE.sub(b" ", data[opened + 4:])).split())
    if not hidden:
        return None  # it hides only code or markup: no word of the page is lost
    return (data.count(b"\n", 0, opened) + 1,
            f"an HTML comment opened here is never closed: the page's {hidden} words after it are hidden, as a "
            f"browser hides them; close it with --> in the saved page to read them")

