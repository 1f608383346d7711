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

import pickle
import platform
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...caching import cache_key, files_digest, load, prune, write_bytes

_FORMAT = b"reader-layout-2\n"
_LIBRARIES = ("weasyprint", "pydyf", "pyphen", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "html5lib")


@dataclass
class CachedPart:
    pages: bytes  # weasy.page_transfer.dump_pages
    first: dict[str, int]  # anchor -> page index within the part
    relaid: list = field(default_factory=list)  # how the part had to be laid out again, if it had
    refused: list[str] = field(default_factory=list)  # URLs the fetcher refused while laying it out


#: The code that lays out, pickles and renumbers the pages: every file of this package (found by
#: walking it, so a module added here counts) and every pipeline module it imports.
_CODE = (__package__,)


@lru_cache(maxsize=2)
def _environment(native: bool) -> tuple[str, ...]:
    """Versions of Python and, if `native`, of the native libraries that take part in layout."""
    if not native:
        return (platform.python_version(),)
    # Imported here: the chapter share, which the build starts before WeasyPrint is imported,
    # imports this module for CachedPart; and the page record (page_record.py) must not load it.
    from .weasy.native import native_library_versions

    return (platform.python_version(), *native_library_versions())


def fingerprint(styles: Path, extra_css: list[str], native: bool = True) -> str:
    """What every part's layout depends on besides its own XHTML. `native=False` leaves out the
    native libraries' versions (reading them loads WeasyPrint's internals), for the page record."""
    return cache_key(*_environment(native), files_digest([p for p in styles.rglob("*") if p.is_file()], styles),
                     *extra_css, libraries=_LIBRARIES, code=_CODE, scheme=_FORMAT.decode())


class LayoutCache:
    """One folder of entries, one file each, named by key."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.used: set[str] = set()

    def key(self, *parts: str) -> str:
        return cache_key(self.fingerprint, *parts, length=40)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.layout"

    def get(self, key: str) -> CachedPart | None:
        self.used.add(key)
        return load(self._path(key), _decode)  # damaged or from elsewhere: lay the part out again

    def put(self, key: str, entry: CachedPart) -> None:
        self.used.add(key)
        write_bytes(self._path(key), _FORMAT + zlib.compress(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), 1))

    def prune(self, spare: int) -> None:
        """Delete entries this build did not use, beyond the `spare` most recent ones (and the
        half-written files of builds that were killed)."""
        prune(self.folder, "*.layout", self.used, spare)


def _decode(data: bytes) -> CachedPart | None:
    if not data.startswith(_FORMAT):
        return None
    entry = pickle.loads(zlib.decompress(data[len(_FORMAT):]))
    return entry if isinstance(entry, CachedPart) else None
