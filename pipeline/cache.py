"""A cache of cleaned articles, so that unchanged chapters are not cleaned again.

The key (made as every cache's is, by pipeline/caching.py) is what cleaning
depends on: the seed's bytes, the editors' overrides for it, and the code of
the cleaner, the reader and the model, with what they import. Entries live in memory (for `watch`) and
on disk under .cache/clean/ (for repeated builds); a damaged or stale entry is
simply recomputed.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .caching import cache_key, read_entry, write_entry
from .clean import CleanResult, clean
from .clean.assemble import assemble
from .clean.units import Event, Overrides, Role, Unit
from .read import SourceText

_SCHEME = "clean-1"
#: The code that cleans: the cleaner (with its models), the reader and the model, and what they import.
_CODE = ("pipeline.clean", "pipeline.read", "pipeline.model")


def _key(source: SourceText, overrides: Overrides) -> str:
    return cache_key(str(source.path.name), "\n".join(source.lines),
                     *(f"{kind}:{sorted(getattr(overrides, kind))}"
                       for kind in Overrides.KINDS),
                     code=_CODE, scheme=_SCHEME)


class CleanCache:
    """Cleaned articles by key, in memory (for `watch`) and on disk (for repeated builds).

    Both keep the entry's JSON text, and every use decodes it afresh: each build gets its
    own objects (editorial steps add marks to them), which is faster than deep-copying.
    """

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.memory: dict[str, str] = {}
        self.hits = 0
        self.misses = 0

    def clean(self, source: SourceText, overrides: Overrides) -> CleanResult:
        if getattr(source, "units", None):
            return clean(source, overrides)  # a saved page: its units hold figures and marks the JSON entry does not
        key = _key(source, overrides)
        text = self.memory.get(key) or self._read(key)
        result = _decode(text) if text else None
        if result is None:
            self.misses += 1
            result = clean(source, overrides)
            text = _encode(result)
            self._write(key, text)
        else:
            self.hits += 1
        self.memory[key] = text
        return result

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder else None

    def _read(self, key: str) -> str | None:
        path = self._path(key)
        return read_entry(path) if path is not None else None

    def _write(self, key: str, text: str) -> None:
        path = self._path(key)
        if path is not None:
            write_entry(path, text)


def _encode(result: CleanResult) -> str:
    return json.dumps({"path": str(result.article.path), "source_lines": result.source_lines,
                       "units": [{**asdict(u), "role": u.role.value} for u in result.units],
                       "events": [asdict(e) for e in result.events]}, ensure_ascii=False)


def _decode(text: str) -> CleanResult | None:
    try:
        data = json.loads(text)
        units = [Unit(**{**u, "role": Role(u["role"]), "calls": tuple(tuple(c) for c in u["calls"])})
                 for u in data["units"]]
        events = [Event(**e) for e in data["events"]]
        return CleanResult(assemble(Path(data["path"]), units, events), units, events, data["source_lines"])
    except Exception:  # a damaged entry is recomputed, never trusted
        return None
