"""A cache of cleaned articles, so that unchanged chapters are not cleaned again.

The key is what cleaning depends on: the seed's bytes, the editors' overrides
for it, and the cleaner's own code. Entries live in memory (for `watch`) and
on disk under out/.cache/ (for repeated builds); a damaged or stale entry is
simply recomputed.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from .clean import CleanResult, clean
from .clean.assemble import assemble
from .clean.units import Event, Overrides, Role, Unit
from .read import SourceText

_FORMAT = 1


@lru_cache(maxsize=1)
def cleaner_fingerprint() -> str:
    """A hash of the cleaner's source: a new rule invalidates every entry."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    for path in sorted((Path(__file__).parent / "clean").glob("*.py")) + [
            Path(__file__).parent / "read.py", Path(__file__).parent / "model.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _key(source: SourceText, overrides: Overrides) -> str:
    digest = hashlib.sha256(cleaner_fingerprint().encode())
    digest.update(str(source.path.name).encode())
    digest.update("\n".join(source.lines).encode("utf-8"))
    for kind in ("keep", "drop", "heading", "quotation", "paragraph"):
        digest.update(f"{kind}:{sorted(getattr(overrides, kind))}".encode())
    return digest.hexdigest()


class CleanCache:
    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.memory: dict[str, CleanResult] = {}
        self.hits = 0
        self.misses = 0

    def clean(self, source: SourceText, overrides: Overrides) -> CleanResult:
        key = _key(source, overrides)
        result = self.memory.get(key) or self._load(key)
        if result is None:
            self.misses += 1
            result = clean(source, overrides)
            self.memory[key] = result
            self._store(key, result)
        else:
            self.hits += 1
            self.memory[key] = result
        # Editorial steps add marks to the article: hand out a private copy.
        return copy.deepcopy(result)

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder else None

    def _load(self, key: str) -> CleanResult | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            units = [Unit(**{**u, "role": Role(u["role"]), "calls": tuple(tuple(c) for c in u["calls"])})
                     for u in data["units"]]
            events = [Event(**e) for e in data["events"]]
            return CleanResult(assemble(Path(data["path"]), units), units, events, data["source_lines"])
        except Exception:  # a damaged entry is recomputed, never trusted
            return None

    def _store(self, key: str, result: CleanResult) -> None:
        path = self._path(key)
        if path is None:
            return
        data = {"path": str(result.article.path), "source_lines": result.source_lines,
                "units": [{**asdict(u), "role": u.role.value} for u in result.units],
                "events": [asdict(e) for e in result.events]}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time
