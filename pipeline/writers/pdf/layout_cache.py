"""Laid-out parts of the PDF kept on disk, so a rebuild lays out only what changed.

A part's layout — a chapter, the back matter, the front matter — depends on
its XHTML, the stylesheets and fonts, the versions of WeasyPrint and the
libraries under it, and our code that drives them; a chapter's does not
depend on the page it starts on (see weasy/page_transfer.py). The key hashes
all of that, so an entry is either right or never found. An entry holds the
part's pickled pages and its anchors. Only the fast path keeps layouts: the
plain path pickles nothing.

Entries are pickles, and unpickling can run code: they live under the
project's own .cache/layout/, which is as trusted as the project's files.
Anything unreadable is a miss and the part is laid out again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import time
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...cachefile import read_bytes, write_bytes
from ...versions import distribution_versions, files_digest

_FORMAT = b"reader-layout-2\n"
_LIBRARIES = ("weasyprint", "pydyf", "pyphen", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "html5lib")


@dataclass
class CachedPart:
    pages: bytes  # weasy.page_transfer.dump_pages
    first: dict[str, int]  # anchor -> page index within the part
    relaid: list = field(default_factory=list)  # how the part had to be laid out again, if it had
    refused: list[str] = field(default_factory=list)  # URLs the fetcher refused while laying it out


@lru_cache(maxsize=1)
def _environment() -> bytes:
    """Versions of Python and of every library that takes part in layout, and a digest of the PDF
    writer's code (all of this package: what lays out, pickles and renumbers the pages)."""
    # Imported here: the chapter share, which the build starts before WeasyPrint is imported,
    # imports this module for CachedPart.
    from .weasy.native import native_library_versions

    versions = [platform.python_version(), *native_library_versions(), *distribution_versions(_LIBRARIES)]
    here = Path(__file__).parent
    versions.append(files_digest(sorted(here.rglob("*.py")), here))
    return "\n".join(versions).encode()


def fingerprint(styles: Path, extra_css: list[str]) -> str:
    """What every part's layout depends on besides its own XHTML."""
    digest = hashlib.sha256(_FORMAT + _environment())
    digest.update(files_digest([p for p in styles.rglob("*") if p.is_file()], styles).encode())
    for css in extra_css:
        digest.update(css.encode())
    return digest.hexdigest()


class LayoutCache:
    """One folder of entries, one file each, named by key."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.used: set[str] = set()

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()[:40]

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.layout"

    def get(self, key: str) -> CachedPart | None:
        self.used.add(key)
        data = read_bytes(self._path(key))
        if data is None or not data.startswith(_FORMAT):
            return None
        try:
            entry = pickle.loads(zlib.decompress(data[len(_FORMAT):]))
        except Exception:  # damaged or from elsewhere: lay the part out again
            return None
        return entry if isinstance(entry, CachedPart) else None

    def put(self, key: str, entry: CachedPart) -> None:
        self.used.add(key)
        write_bytes(self._path(key), _FORMAT + zlib.compress(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), 1))

    def prune(self, spare: int) -> None:
        """Delete entries this build did not use, beyond the `spare` most recent ones."""
        try:
            entries = [(p.stat().st_mtime, p) for p in self.folder.glob("*.layout")]
            # Entries half-written by a build that was killed: gone after an hour.
            stale = [p for p in self.folder.glob("*.part") if time.time() - p.stat().st_mtime > 3600]
        except OSError:
            return
        for path in stale:
            try:
                os.unlink(path)
            except OSError:
                pass
        unused = sorted((e for e in entries if e[1].stem not in self.used), reverse=True)
        for _, path in unused[spare:]:
            try:
                os.unlink(path)
            except OSError:
                pass
