"""The one scheme every disk cache of the build (.cache/) follows: keys, writes, pruning, recovery.

A key is a digest of three things: the digests of the cache's own inputs (a seed's
bytes, an editorial file, the XHTML of a chapter...), the versions of the
libraries whose output it holds, and the digest of our code that shapes it. That
code is found from the package's own files, never from a hand-kept list: a cache
names the modules or subpackages it is made by (`code_digest("pipeline.clean")`),
and the digest covers every `.py` and `.json` file under them and, recursively,
every pipeline module they import (found by reading their import statements).
A module added to a package, or a helper newly imported by one, changes the key.

A cache only saves time, so every failure here is silent: an entry that cannot be
read or decoded is recomputed, never trusted; one that cannot be written is
skipped. Each entry is written to a file of its own process and moved into place
(`os.replace`), so neither a concurrent build nor one killed while writing ever
leaves half an entry under the entry's name.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

#: The package whose files are our code.
PACKAGE = Path(__file__).parent
_NAME = PACKAGE.name
#: The files a code digest covers: the modules and the data they read (models, schemas).
CODE_SUFFIXES = (".py", ".json")


# -- keys ------------------------------------------------------------------------------------

def cache_key(*inputs: bytes | str, libraries: Iterable[str] = (), code: Iterable[str] = (),
              scheme: str = "", length: int = 64, package: Path = PACKAGE) -> str:
    """The key of an entry: `scheme` (the entry format's name), the versions of `libraries`
    (distribution names), the digest of the code under the modules `code` names, and `inputs`
    (each an input's bytes, text or digest, in an order the caller keeps)."""
    digest = hashlib.sha256(scheme.encode())
    for version in library_versions(tuple(libraries)):
        digest.update(b"\0lib " + version.encode())
    codes = tuple(code)
    if codes:
        digest.update(b"\0code " + code_digest(*codes, package=package).encode())
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(b"\0in %d\0" % len(data) + data)
    return digest.hexdigest()[:length]


@lru_cache(maxsize=None)
def library_versions(names: tuple[str, ...]) -> tuple[str, ...]:
    """'name version' for each installed distribution ('name -' if it is not installed)."""
    versions = []
    for name in names:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return tuple(versions)


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """One digest of the files' names (relative to `root`) and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """The digest of a file's bytes; "" if it cannot be read (absent counts as a state too)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@lru_cache(maxsize=None)
def code_digest(*modules: str, package: Path = PACKAGE) -> str:
    """The digest of the code under `modules` (dotted names in `package`, e.g. "pipeline.clean"):
    every code file of each named package, each named module, and every module of `package`
    they import, transitively."""
    return files_digest(code_files(*modules, package=package), package.parent)


def code_files(*modules: str, package: Path = PACKAGE) -> list[Path]:
    """The files `code_digest` covers, found by walking `package` and reading imports."""
    found = _package_files(package)
    if package.name in modules:  # the whole package: nothing it imports lies outside
        return sorted(path for _, path in found)
    files: set[Path] = set()
    pending = [(name, True) for name in modules]
    seen: set[tuple[str, bool]] = set()
    while pending:
        name, walk = pending.pop()
        if (name, walk) in seen:
            continue
        seen.add((name, walk))
        new = [path for path in _module_files(name, found, walk) if path not in files]
        files.update(new)
        for path in new:
            if path.suffix == ".py":
                pending.extend((imported, False) for imported in _imports(path, package))
    return sorted(files)


def _package_files(package: Path) -> list[tuple[tuple[str, ...], Path]]:
    """Every code file of `package`, with the dotted name of its folder (("pipeline", "clean"))."""
    found = []
    for folder, folders, names in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        parts = (package.name, *Path(folder).relative_to(package).parts)
        found += [(parts, Path(folder, name)) for name in sorted(names) if name.endswith(CODE_SUFFIXES)]
    return found


def _module_files(name: str, found: list[tuple[tuple[str, ...], Path]], walk: bool) -> list[Path]:
    """A module's file; for a package, every code file under it if `walk` (a package a cache
    names), else its `__init__` and the data files under it (a package merely imported: its
    submodules count as they are imported); none if `name` is not ours."""
    parts = tuple(name.split("."))
    under = [(folder, path) for folder, path in found if folder[:len(parts)] == parts]
    if under:  # a package
        return [path for folder, path in under
                if walk or path.suffix != ".py" or (folder == parts and path.name == "__init__.py")]
    return [path for folder, path in found if folder == parts[:-1] and path.name == f"{parts[-1]}.py"]


def _module_name(path: Path, package: Path) -> tuple[str, bool]:
    """The dotted name of the module at `path`, and whether it is a package's __init__."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


#: A line that may begin an import statement, and one that begins `if TYPE_CHECKING:`.
_IMPORT_LINE = re.compile(r"^([ \t]*)(?:from[ \t]+[\w.]+[ \t]+import\b|import[ \t]+\w)", re.M)
_TYPE_CHECKING_LINE = re.compile(r"^([ \t]*)if[ \t]+(?:typing\.)?TYPE_CHECKING[ \t]*:", re.M)


def _imports(path: Path, package: Path) -> list[str]:
    """The modules of `package` that the module at `path` imports, anywhere in it but under
    `if TYPE_CHECKING:` (those never run). Only the import statements are parsed: parsing whole
    modules would cost a cache's key more than the cache saves."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    name, is_package = _module_name(path, package)
    here = name if is_package else name.rpartition(".")[0]
    skipped = _type_checking_blocks(text)
    found = []
    for match in _IMPORT_LINE.finditer(text):
        if any(begin < match.start() < end for begin, end in skipped):
            continue
        for node in _statement(text, match.start() + len(match.group(1))):
            if isinstance(node, ast.Import):
                found += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")
                    base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                found.append(target)
                found += [f"{target}.{alias.name}" for alias in node.names]  # `from . import module`
    return [n for n in found if n.split(".")[0] == package.name]


def _statement(text: str, start: int) -> list[ast.stmt]:
    """The import statement beginning at `start` (continued over parentheses or backslashes)."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if "(" in text[start:end] and ")" not in text[start:end]:
        close = text.find(")", start)
        end = len(text) if close < 0 else close + 1
    while text[start:end].endswith("\\"):
        following = text.find("\n", end + 1)
        end = len(text) if following < 0 else following
    try:
        return ast.parse(text[start:end]).body
    except SyntaxError:
        return []  # an import-like line of a docstring, say


def _type_checking_blocks(text: str) -> list[tuple[int, int]]:
    """Where the bodies of `if TYPE_CHECKING:` are: (start, end) offsets."""
    blocks = []
    for match in _TYPE_CHECKING_LINE.finditer(text):
        indent = len(match.group(1))
        end = text.find("\n", match.end())
        while end >= 0:
            following = text.find("\n", end + 1)
            line = text[end + 1:len(text) if following < 0 else following]
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            end = following
        blocks.append((match.start(), len(text) if end < 0 else end))
    return blocks


# -- entries ---------------------------------------------------------------------------------

def read_bytes(path: Path) -> bytes | None:
    """The entry's bytes; None if it cannot be read."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def read_entry(path: Path) -> str | None:
    """The entry's text; None if it cannot be read or is not UTF-8."""
    data = read_bytes(path)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def load(path: Path, decode: Callable[[bytes], T | None]) -> T | None:
    """The entry at `path` as `decode` makes it; None (recompute) if it is absent, or if `decode`
    fails on it in any way: a damaged entry, or one from other code, is never trusted."""
    data = read_bytes(path)
    if data is None:
        return None
    try:
        return decode(data)
    except Exception:
        return None


def write_bytes(path: Path, data: bytes) -> None:
    write_with(path, lambda file: file.write(data))


def write_entry(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_with(path: Path, writer: Callable) -> None:
    """Write the entry at `path` whole or not at all: `writer` writes to a file of this process's
    own, which is moved into place only once it is complete. If writing fails (the disk, or
    `writer` itself), nothing is left behind and the entry is simply not kept; if it is
    interrupted (KeyboardInterrupt, SystemExit), nothing is left behind either."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "wb") as file:
            writer(file)
        os.replace(part, path)
    except BaseException as exc:
        remove(part)
        if not isinstance(exc, Exception):
            raise


def remove(path: Path) -> None:
    """Drop an entry (one suspected of harm, say); silent if it is already gone."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


# -- pruning ---------------------------------------------------------------------------------

#: A `.part` file older than this was left by a build that was killed while writing.
STALE_PART_SECONDS = 3600


def prune(folder: Path, pattern: str, used: Iterable[str] = (), spare: int = 0) -> None:
    """Delete the entries matching `pattern` in `folder` whose name (without suffix) is not in
    `used`, beyond the `spare` most recent of them; and `.part` files left by killed builds."""
    keep = set(used)
    now = time.time()
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.glob(pattern)]
        stale = [p for p in folder.glob("*.part") if now - p.stat().st_mtime > STALE_PART_SECONDS]
    except OSError:
        return
    for path in stale:
        remove(path)
    unused = sorted((e for e in entries if e[1].stem not in keep), key=lambda e: e[0], reverse=True)
    for _, path in unused[spare:]:
        remove(path)
