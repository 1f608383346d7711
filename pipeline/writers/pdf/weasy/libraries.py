"""WeasyPrint imported with its native libraries looked up once per machine, not once per process.

WeasyPrint loads Pango, HarfBuzz and fontconfig by trying each library under
its names for every platform in turn. On Linux each name that is not found
costs `ctypes.util.find_library` a run of ldconfig, gcc and ld, in every
process that imports WeasyPrint, the main one and each helper. While WeasyPrint
is imported, find_library answers from the answers
kept for this machine (`library_answers`; the patch is a row of `patches`,
safe on any WeasyPrint: it touches none of WeasyPrint's code).
"""

from __future__ import annotations

import importlib
from contextlib import contextmanager
from pathlib import Path

from . import library_answers, patches


def import_weasyprint(store: Path | None) -> None:
    """Import WeasyPrint, with find_library's answers kept in `store` (None: not kept)."""
    try:
        with remembered_libraries(store):
            importlib.import_module("weasyprint")
    except Exception:
        if store is not None:
            store.unlink(missing_ok=True)  # should a kept answer be the cause, it is not used again
        raise


@contextmanager
def remembered_libraries(store: Path | None):
    """While it lasts, find_library answers from `store` what it answered on this machine before."""
    key = library_answers.machine_key() if store is not None else None
    if key is None:
        yield
        return
    known = library_answers.kept_answers(store, key)
    looked_up: dict[str, str | None] = {}
    with patches.applied("find-library-answers", known=known, looked_up=looked_up):
        yield
    if looked_up:
        library_answers.keep_answers(store, key, {**known, **looked_up})
