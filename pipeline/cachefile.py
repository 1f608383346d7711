"""Entries of the build's disk caches (.cache/): read if sound, written whole or not at all.

A cache only saves time, so every failure here is silent: an entry that cannot be
read is recomputed, one that cannot be written is skipped. Each entry is written
to a file of its own process and moved into place, so concurrent builds never
see half an entry.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_entry(path: Path) -> str | None:
    data = read_bytes(path)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def write_entry(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_bytes(path: Path, data: bytes) -> None:
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(data)
        os.replace(part, path)
    except OSError:
        part.unlink(missing_ok=True)
