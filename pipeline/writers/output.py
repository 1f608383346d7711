"""Writing into out/: all or nothing, one build at a time.

Every edition is written to a temporary file beside its target and moved
into place only when all editions of the build are complete, so a failed
build (an error, a full disk, Ctrl-C) leaves the previous files untouched and
no temporary file behind. A lock file keeps two builds of the same project
from interleaving their outputs; the temporary files of a build that was
killed outright are removed by the next one.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from ..problems import PipelineError, Problem


def explain_write_error(exc: OSError, path: Path) -> Problem:
    if exc.errno == errno.ENOSPC:
        return Problem("the disk is full: the new edition could not be written; the previous files in out/ "
                       "are untouched", path, hint="free some disk space and build again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Problem("cannot write here (permission denied or read-only); the previous files are untouched",
                       path, hint="make out/ writable, or pass --out DIR")
    return Problem(f"cannot write: {exc.strerror or exc}", path)


class Outputs:
    """Temporary files that become the editions together, or not at all."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.staged: dict[Path, Path] = {}  # target -> temporary file

    def stage(self, name: str) -> Path:
        target = self.folder / name
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=self.folder)
            os.close(fd)
        except OSError as exc:
            raise PipelineError(explain_write_error(exc, target)) from None
        self.staged[target] = Path(tmp)
        return Path(tmp)

    def write_bytes(self, name: str, data: bytes) -> Path:
        tmp = self.stage(name)
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise PipelineError(explain_write_error(exc, self.folder / name)) from None
        return tmp

    def commit(self) -> list[Path]:
        """Move every edition into place, or none: a target that cannot take its file is named before
        anything moves, and a move that fails all the same puts back the files already replaced."""
        self._check_targets()
        kept: dict[Path, Path | None] = {}  # target -> the previous file's copy (None: there was none)
        try:
            for target, tmp in self.staged.items():
                kept[target] = self._keep(target)
                os.chmod(tmp, 0o644)
                os.replace(tmp, target)
        except OSError as exc:
            failed = next(reversed(kept), self.folder)
            self._put_back(kept)
            raise PipelineError(explain_write_error(exc, failed)) from None
        finally:
            for copy in kept.values():
                if copy is not None:
                    copy.unlink(missing_ok=True)
            self.discard()
        return list(kept)

    def _check_targets(self) -> None:
        for target in self.staged:
            if target.is_dir():
                raise PipelineError(Problem(
                    "a folder stands where this edition goes; nothing in the output folder was changed", target,
                    hint=f"move or rename the folder {target.name}, or build into another with --out DIR"))

    def _keep(self, target: Path) -> Path | None:
        """A second name for the file about to be replaced (a hard link: no copy), to put it back with."""
        if not target.exists():
            return None
        fd, copy = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=self.folder)
        os.close(fd)
        os.unlink(copy)
        try:
            os.link(target, copy)
        except OSError:  # a file system without hard links
            shutil.copy2(target, copy)
        return Path(copy)

    @staticmethod
    def _put_back(kept: dict[Path, Path | None]) -> None:
        for target, copy in kept.items():
            try:
                if copy is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(copy, target)
            except OSError:
                pass  # the copy stays as a .part file; the next build removes it

    def discard(self) -> None:
        for tmp in self.staged.values():
            try:
                tmp.unlink()
            except FileNotFoundError:
                pass
        self.staged.clear()


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files of builds that died before cleaning up (killed, power cut).

    Called under the folder's lock: no running build owns any of them.
    """
    removed = []
    try:
        leftovers = [p for p in folder.glob(".*.part") if p.is_file()]
    except OSError:
        return removed
    for path in leftovers:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


@contextmanager
def staged_outputs(folder: Path):
    remove_leftovers(folder)
    outputs = Outputs(folder)
    try:
        yield outputs
    finally:
        outputs.discard()


def lock_path(folder: Path) -> Path:
    """The lock for one output folder; kept outside it, so that out/ holds only editions."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"reader-pipeline-{digest}.lock"


@contextmanager
def build_lock(folder: Path, wait_seconds: float = 600.0, on_wait=None):
    """Hold the output folder's lock; a second build waits for the first, then runs."""
    path = lock_path(folder)
    try:
        handle = open(path, "a+")
    except OSError as exc:
        raise PipelineError(explain_write_error(exc, path)) from None
    try:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PipelineError(Problem(
                        "another build of this project is still running; this one gives up", folder,
                        hint="wait for the other build to finish, then build again")) from None
                if not told and on_wait:
                    on_wait()
                    told = True
                time.sleep(0.2)
        yield
    finally:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        finally:
            handle.close()
