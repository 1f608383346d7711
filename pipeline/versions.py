"""What a kept result depends on besides its own inputs: the libraries' versions and our code."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path


def distribution_versions(names: tuple[str, ...]) -> list[str]:
    """'name version' for each installed distribution ('name -' if it is not installed)."""
    versions = []
    for name in names:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return versions


def files_digest(paths: list[Path], root: Path) -> str:
    """One digest of the files' names (relative to `root`) and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
