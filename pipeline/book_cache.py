"""The prepared book kept between builds, for as long as nothing it was made from changes.

Loading and validating editorial/, cleaning the seeds and annotating the book,
and importing what that uses, all come before the first page can be laid out
(the README's speed section has the figures). The prepared book (with its warnings and
cleaning results) depends only on the files it was made from, on our code and
on a few libraries, so it is kept in `.cache/book.pickle` with a digest of each
of them: every file under editorial/ (so a file added there counts too), the
seeds and the font whose coverage was checked. A build whose files, code and
libraries are what they were takes the book from there; any difference, an
entry that cannot be read, or a project copied or moved elsewhere, and the
book is prepared afresh. A book is not kept if one of its files changed while
it was being prepared (or just before: some filesystems keep times to the
second): the digests might not be of the bytes it was made from.

Like the layout cache, the entry is a pickle under the project's own .cache/,
which is as trusted as the project's files.
"""

from __future__ import annotations

import os
import pickle
import platform
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .caching import cache_key, file_digest, load, write_bytes
from .model import BuildInput

_FORMAT = "reader-book-1"
#: Libraries whose output is part of the prepared book.
_LIBRARIES = ("beautifulsoup4", "soupsieve", "markdown", "nh3", "ruamel.yaml", "jsonschema", "fonttools", "lxml")


#: A file changed this close to the start of preparing (or after) may have changed while it
#: was read: the book is then not kept (some filesystems keep times to the second, or two).
_SETTLING_NS = 2_000_000_000


@dataclass
class _Entry:
    project: str  # the project folder, resolved: a book of a copied or moved project is not taken
    environment: str  # our code, the libraries, the Python version
    files: dict[str, str]  # every file read (resolved path) -> digest of its bytes ("" if it was absent)
    made: bytes  # the pickled BuildInput


#: All of our code and its data: what makes the book (the model, the cleaner, the editorial
#: stage and its Markdown parser) and what checks it.
_CODE = (__package__,)


@lru_cache(maxsize=1)
def _environment() -> str:
    return cache_key(platform.python_version(), os.environ.get("SOURCE_DATE_EPOCH", ""),
                     libraries=_LIBRARIES, code=_CODE, scheme=_FORMAT)


class BookCache:
    """One entry: the last book prepared for this project."""

    def __init__(self, path: Path, project: Path):
        self.path = path
        self.project = project.resolve()

    def _editorial_files(self) -> list[Path]:
        """Files whose addition changes the book: editorial/, and saved pages' image folders in seeds/."""
        editorial = self.project / "editorial"
        files = [p for p in editorial.rglob("*") if p.is_file()] if editorial.is_dir() else []
        for folder in (self.project / "seeds").glob("*_files"):
            files += [p for p in folder.rglob("*") if p.is_file()]
        return files

    def get(self) -> BuildInput | None:
        """The kept book, if everything it was made from is as it was."""
        return load(self.path, self._decode)  # unreadable, or made by other code: prepared afresh

    def _decode(self, data: bytes) -> BuildInput | None:
        entry = pickle.loads(data)
        if (not isinstance(entry, _Entry) or entry.project != str(self.project)
                or entry.environment != _environment()):
            return None
        if any(str(p) not in entry.files for p in self._editorial_files()):
            return None  # a file added under editorial/
        if any(file_digest(Path(name)) != digest for name, digest in entry.files.items()):
            return None
        made = pickle.loads(entry.made)
        return made if isinstance(made, BuildInput) else None

    def put(self, made: BuildInput, files: list[Path], read_from_ns: int) -> None:
        """Keep `made`, prepared from `files` (besides everything under editorial/) by reading
        them from `read_from_ns` (time.time_ns()) on; not if one changed since, or just before."""
        paths = {p.resolve() for p in [*self._editorial_files(), *files]}
        if any(_changed_since(p, read_from_ns - _SETTLING_NS) for p in paths):
            return  # the digests might not be of the bytes the book was made from
        read = {str(p): file_digest(p) for p in sorted(paths)}
        try:
            entry = _Entry(str(self.project), _environment(), read, pickle.dumps(made, pickle.HIGHEST_PROTOCOL))
            write_bytes(self.path, pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
        except Exception:  # a book that cannot be pickled is simply not kept
            pass


def _changed_since(path: Path, since_ns: int) -> bool:
    try:
        return path.stat().st_mtime_ns >= since_ns
    except OSError:
        return False  # absent: its digest says so
