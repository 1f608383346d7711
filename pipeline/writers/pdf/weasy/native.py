"""The native libraries under WeasyPrint, by version: part of what a kept layout depends on."""

from __future__ import annotations

import ctypes
import ctypes.util

from weasyprint.text.ffi import fontconfig, pango


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
