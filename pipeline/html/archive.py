"""A page a browser saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File", `.mhtml`/`.mht`).

The file is a MIME message: the page's HTML is one part, each picture another, named by the address
the page loaded it from (`Content-Location`). The standard library's `email` parser reads it; the HTML
goes to the same parser as a saved `.html`, and the pictures are written to a folder of their own for
the length of the run, so that an `<img>` whose address the archive holds finds its file as one in
`NAME_files/` does. Nothing is fetched: an address the archive lacks is a picture on the web.
"""

from __future__ import annotations

import atexit
import email
import email.policy
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..problems import PipelineError, Problem

ARCHIVE_SUFFIXES = (".mhtml", ".mht")
_IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
                "image/svg+xml": ".svg"}
_SAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Archive:
    html: bytes
    charset: str | None  # what the HTML part's header says, where it says it
    location: str  # the page's address
    pictures: dict[str, Path] = field(default_factory=dict)  # an address the page loads a picture from: its file


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def read_archive(data: bytes, path: Path) -> Archive:
    """The archive's page and pictures; a clear error for a file that is not one."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart() and message.get_content_type() != "text/html":
        raise PipelineError(Problem(
            "not a web archive: no MIME parts in it (an .mhtml file starts with headers such as "
            "'Content-Type: multipart/related')", path,
            hint="save the page again as 'Webpage, Single File', or as 'Webpage, Complete' (.html)"))
    parts = [part for part in message.walk() if not part.is_multipart()]
    pages = [part for part in parts if part.get_content_type() == "text/html"]
    if not pages:
        raise PipelineError(Problem("web archive holds no HTML page", path,
                                    hint="save the page again as 'Webpage, Single File'"))
    page = pages[0]  # the archive's first page is the one saved; frames' pages follow it
    html = page.get_payload(decode=True) or b""
    location = page.get("Content-Location") or message.get("Snapshot-Content-Location") or ""
    return Archive(html, page.get_content_charset(), location, _pictures(parts, path))


def _pictures(parts, path: Path) -> dict[str, Path]:
    """Each picture part written to a folder that lasts the run, under its address's own file name."""
    pictures = [(part.get("Content-Location", "").strip(), _IMAGE_TYPES[part.get_content_type()], part)
                for part in parts if part.get_content_type() in _IMAGE_TYPES]
    pictures = [(where, suffix, part) for where, suffix, part in pictures if where]
    if not pictures:
        return {}
    folder = Path(tempfile.mkdtemp(prefix=f"{_SAFE_NAME.sub('-', path.stem)}-pictures-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    out: dict[str, Path] = {}
    taken: set[str] = set()
    for k, (where, suffix, part) in enumerate(pictures, start=1):
        stem = _SAFE_NAME.sub("-", Path(unquote(urlsplit(where).path)).stem).strip("-.")[:60] or "picture"
        name = f"{stem}{suffix}" if f"{stem}{suffix}" not in taken else f"{stem}-{k}{suffix}"
        taken.add(name)
        target = folder / name
        target.write_bytes(part.get_payload(decode=True) or b"")
        out[where] = target
    return out
