"""WeasyPrint's native libraries looked up once per machine, not once per process.

WeasyPrint loads Pango, HarfBuzz and fontconfig by trying each library under
its names for every platform in turn. On Linux each name that is not found
costs `ctypes.util.find_library` a run of ldconfig, gcc and ld: about 20 ms a
name, 0.4 s of every process that imports WeasyPrint, the main one and each
helper. What it finds depends only on the machine's libraries, so its answers
are kept in `.cache/libraries.json`, keyed by what they depend on (the dynamic
linker's cache and the search paths), and used while WeasyPrint is imported.
Installing or removing a library rewrites the linker's cache, which makes the
kept answers void; deleting the file makes the next build look again.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import importlib
import json
import os
import platform
import sys
from contextlib import contextmanager
from pathlib import Path

from .cachefile import read_entry, write_entry

#: The dynamic linker's cache (glibc): rewritten by ldconfig whenever libraries are installed.
LINKER_CACHE = Path("/etc/ld.so.cache")
#: What else find_library's answers depend on: where gcc and ld look.
_SEARCH_VARIABLES = ("LD_LIBRARY_PATH", "LIBRARY_PATH", "PATH")


def import_weasyprint(store: Path | None) -> None:
    """Import WeasyPrint, with find_library's answers kept in `store` (None: not kept)."""
    try:
        with remembered_libraries(store):
            importlib.import_module("weasyprint")
    except Exception:
        if store is not None:
            store.unlink(missing_ok=True)  # should a kept answer be the cause, it is not used again
        raise


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
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


@contextmanager
def remembered_libraries(store: Path | None):
    """While it lasts, find_library answers from `store` what it answered on this machine before."""
    key = machine_key() if store is not None else None
    if key is None:
        yield
        return
    known = _read(store, key)
    looked_up: dict[str, str | None] = {}
    original = ctypes.util.find_library

    def find_library(name):
        if name in known:
            return known[name]
        looked_up[name] = found = original(name)
        return found

    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = original
    if looked_up:
        write_entry(store, json.dumps({"key": key, "libraries": {**known, **looked_up}}, sort_keys=True))


def _read(store: Path, key: str) -> dict[str, str | None]:
    text = read_entry(store)
    try:
        entry = json.loads(text) if text else {}
    except ValueError:
        return {}
    libraries = entry.get("libraries") if isinstance(entry, dict) and entry.get("key") == key else None
    if not isinstance(libraries, dict):
        return {}
    return {name: found for name, found in libraries.items() if found is None or isinstance(found, str)}
