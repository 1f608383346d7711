"""What the rest of the writer takes from WeasyPrint beyond its top-level names.

WeasyPrint documents these classes but exports them only from submodules; the
writer imports them from here, so that every import of a WeasyPrint submodule
is in this package. The two functions read what WeasyPrint does not expose.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

from weasyprint.text.ffi import fontconfig, pango
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse, URLFetchingError

__all__ = ["FontConfiguration", "URLFetcherResponse", "URLFetchingError", "native_library_versions",
           "release_font_files"]


def native_library_versions() -> list[str]:
    """The versions of Pango, fontconfig and HarfBuzz, which shape and place the text."""
    versions = [f"pango {pango.pango_version()}"]
    try:
        versions.append(f"fontconfig {fontconfig.FcGetVersion()}")
    except AttributeError:  # not declared by this WeasyPrint
        versions.append("fontconfig -")
    versions.append(_harfbuzz_version())
    return versions


def _harfbuzz_version() -> str:
    """HarfBuzz shapes the text; WeasyPrint does not declare its version call, so ask the library."""
    try:
        library = ctypes.CDLL(ctypes.util.find_library("harfbuzz") or "libharfbuzz.so.0")
        library.hb_version_string.restype = ctypes.c_char_p
        return f"harfbuzz {library.hb_version_string().decode()}"
    except (OSError, AttributeError):
        return "harfbuzz -"


def release_font_files(fonts: FontConfiguration) -> None:
    """Remove the folder WeasyPrint copied the @font-face files to: it does so only when the
    configuration is freed, which the command's fast exit skips. Only a folder WeasyPrint
    named as 70 does is removed, so another version's attribute of that name is left alone."""
    folder = getattr(fonts, "_folder", None)
    if isinstance(folder, (str, os.PathLike)) and Path(folder).name.startswith("weasyprint-"):
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None
