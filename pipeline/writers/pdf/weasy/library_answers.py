"""ctypes' answers to WeasyPrint's library lookups, kept per machine (see `libraries`).

What `ctypes.util.find_library` finds depends only on the machine's libraries,
so its answers are kept in `.cache/libraries.json`, keyed (pipeline/caching.py)
by what they depend on: the dynamic linker's cache and the search paths (and
this module's code). Installing or removing a
library rewrites the linker's cache, which makes the kept answers void;
deleting the file makes the next build look again.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

from ....caching import cache_key, load, write_entry

#: The dynamic linker's cache (glibc): rewritten by ldconfig whenever libraries are installed.
LINKER_CACHE = Path("/etc/ld.so.cache")
#: What else find_library's answers depend on: where gcc and ld look.
_SEARCH_VARIABLES = ("LD_LIBRARY_PATH", "LIBRARY_PATH", "PATH")


def machine_key() -> str | None:
    """What find_library's answers depend on, hashed; None where they cannot be kept safely."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        linker = LINKER_CACHE.stat()
    except OSError:
        return None  # no glibc linker cache (musl, say): nothing tells when libraries change
    parts = [sys.platform, platform.machine(), sys.version, str(linker.st_mtime_ns), str(linker.st_size),
             str(linker.st_ino)] + [os.environ.get(name, "") for name in _SEARCH_VARIABLES]
    return cache_key(*parts, code=(__name__,), scheme="library-answers-1")


def kept_answers(store: Path, key: str) -> dict[str, str | None]:
    """The answers kept in `store` for the machine `key` (none if it is damaged or for another)."""
    return load(store, lambda data: _answers(json.loads(data), key)) or {}


def _answers(entry, key: str) -> dict[str, str | None]:
    libraries = entry.get("libraries") if isinstance(entry, dict) and entry.get("key") == key else None
    if not isinstance(libraries, dict):
        return {}
    return {name: found for name, found in libraries.items() if found is None or isinstance(found, str)}


def keep_answers(store: Path, key: str, answers: dict[str, str | None]) -> None:
    write_entry(store, json.dumps({"key": key, "libraries": answers}, sort_keys=True))


def answering_from(original, known: dict[str, str | None], looked_up: dict[str, str | None]):
    """find_library (`original`) answering from `known`, noting in `looked_up` what it had to look up."""
    def find_library(name):
        if name in known:
            return known[name]
        looked_up[name] = found = original(name)
        return found
    return find_library
