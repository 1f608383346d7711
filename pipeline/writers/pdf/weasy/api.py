"""What the rest of the writer takes from WeasyPrint beyond its top-level names, on either path.

WeasyPrint documents these classes (font configurations, URL fetchers' responses
and errors) but exports them only from submodules; the writer imports them from
here, so that every import of a WeasyPrint submodule is in this package. Only
these documented names are imported: the plain path imports this module too.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# The package before any of its submodules: the build imports WeasyPrint in a thread, and a
# submodule imported here while that runs would take the import locks in the other order
# (Python then fails one of the two imports). Importing the package waits for the thread.
import weasyprint  # noqa: F401
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse, URLFetchingError

__all__ = ["FontConfiguration", "URLFetcherResponse", "URLFetchingError", "release_font_files"]


def release_font_files(fonts: FontConfiguration) -> None:
    """Remove the folder WeasyPrint copied the @font-face files to: it does so only when the
    configuration is freed, which the command's fast exit skips. Only a folder WeasyPrint
    named as 70 does is removed, so another version's attribute of that name is left alone."""
    folder = getattr(fonts, "_folder", None)
    if isinstance(folder, (str, os.PathLike)) and Path(folder).name.startswith("weasyprint-"):
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None
