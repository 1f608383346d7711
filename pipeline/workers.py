"""Helper processes for a build: the cores beyond the first.

They are spawned when the build starts, with a warm-up task from the caller
(importing what their work needs, say), so that it overlaps with loading and
cleaning here. This module knows nothing of what they are for: callers submit their own
task functions. Work is shared through one counter:
the main process and every helper claim the next item of the same list, so the
faster one simply takes more, whatever each was busy with before. Helpers send
each result back as soon as it is ready, so the main process takes it in
between its own items rather than all at the end.
"""

from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.connection
import os
import pickle
import queue
import shutil
import signal
import tempfile
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .caching import read_bytes, write_bytes

#: Helpers beyond this bring little by default: the work a build shares out has long serial parts.
MAX_HELPERS = 3

#: A claim counter set this high has nothing left to give (64 bits: it never wraps).
CLOSED = 2**62

_counter = None  # in a helper: the claim counter shared with the main process
_results = None  # in a helper: the queue its results go back by, as each is ready
_ends = None  # in a helper: how many items of a list were claimed from its front and from its back


def cores() -> int:
    """Cores this process may use: its CPU affinity, within a container's CPU quota if it has one."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    try:  # cgroup v2: "max 100000" or "<quota> <period>"
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            count = min(count, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return count


def _share(counter, results, ends, scratch: str) -> None:
    global _counter, _results, _ends
    # Ctrl-C reaches every process of the terminal's group: the build alone answers it, says "interrupted"
    # once and exits; a helper, which watches it (below), then ends too, without a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _counter, _results, _ends = counter, results, ends
    # Should the main process stop reading (it failed), let this process exit all the same.
    results.cancel_join_thread()
    # Temporary files this helper makes (a library's copies of font files, say, which it removes
    # only when it frees them, and the fast exit skips that) go in a folder of its own, removed
    # when the helper ends, and inside `scratch`, which the main process removes should a helper
    # be killed.
    tempfile.tempdir = tempfile.mkdtemp(prefix="reader-helper-", dir=scratch)
    atexit.register(_skip_teardown)
    # Should the main process be killed outright, do not outlive it.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _skip_teardown() -> None:
    """At a helper's exit, its work sent and its streams flushed: end without freeing its heap
    object by object, which every build would wait for."""
    _remove_temporary_files()
    os._exit(0)


def _remove_temporary_files() -> None:
    if tempfile.tempdir and Path(tempfile.tempdir).name.startswith("reader-helper-"):
        shutil.rmtree(tempfile.tempdir, ignore_errors=True)


def _exit_with(sentinel) -> None:
    multiprocessing.connection.wait([sentinel])
    _remove_temporary_files()
    os._exit(1)


def _next(counter) -> int:
    with counter.get_lock():
        claimed = counter.value
        counter.value += 1
    return claimed


def claim() -> int:
    """In a helper: the index of the next unclaimed item."""
    if _counter is None:
        raise RuntimeError("claim() is for helper processes started by helpers()")
    return _next(_counter)


def _claim_end(ends, count: int, back: bool) -> int | None:
    with ends.get_lock():
        front_taken, back_taken = ends[0], ends[1]
        if front_taken + back_taken >= count:
            return None
        if back:
            ends[1] = back_taken + 1
            return count - 1 - back_taken
        ends[0] = front_taken + 1
        return front_taken


def claim_last(count: int) -> int | None:
    """In a helper: the last unclaimed item of a list of `count` the main process claims from the
    front (see Helpers.claim_first), or None when the two ends have met."""
    if _ends is None:
        raise RuntimeError("claim_last() is for helper processes started by helpers()")
    return _claim_end(_ends, count, back=True)


def send(item) -> None:
    """In a helper: hand one small result to the main process now, rather than with the task's end.

    Keep items small (a path, not the pages): a helper that dies in the middle of a large
    message would leave the main process waiting for its end.
    """
    if _results is None:
        raise RuntimeError("send() is for helper processes started by helpers()")
    _results.put(item)


def post(inbox: Path, name: str, item) -> bool:
    """In a helper: leave a result too large for the queue in `inbox` and send its name.

    A helper that dies mid-write leaves a file that is never named, never half a message.
    False, and nothing written, once the inbox is gone: the build is over.
    """
    if not inbox.is_dir():
        return False
    write_bytes(inbox / name, pickle.dumps(item, pickle.HIGHEST_PROTOCOL))
    send((os.getpid(), name))
    return True


def collect(inbox: Path, name: str):
    """In the main process: what a helper posted under `name`, or None if it cannot be read."""
    data = read_bytes(inbox / name)
    try:
        return pickle.loads(data) if data else None
    except Exception:
        return None


@dataclass
class Helpers:
    pool: ProcessPoolExecutor
    count: int
    counter: object  # multiprocessing.Value shared with every helper
    results: object  # multiprocessing.Queue of what helpers send()
    ends: object  # multiprocessing.Array: items of one list claimed from its front and its back

    def close_claims(self) -> None:
        """Helpers finish the item in hand and claim no other."""
        with self.counter.get_lock():
            self.counter.value = CLOSED
        with self.ends.get_lock():
            self.ends[0] = CLOSED

    def open_ends(self) -> None:
        """Start a new list claimed from both ends (helpers claim from it only once told of it)."""
        with self.ends.get_lock():
            self.ends[0] = self.ends[1] = 0

    def claim_first(self, count: int) -> int | None:
        """In the main process: the first unclaimed item of the list, or None if a helper has it."""
        return _claim_end(self.ends, count, back=False)

    def submit(self, fn, *args) -> Future:
        return self.pool.submit(fn, *args)

    def claim(self) -> int:
        """In the main process: the index of the next unclaimed item."""
        return _next(self.counter)

    def sent(self, wait: float | None = None):
        """The next item a helper sent, or None if there is none (within `wait` seconds)."""
        try:
            return self.results.get(timeout=wait) if wait else self.results.get_nowait()
        except queue.Empty:
            return None


def helper_count(jobs: int = 0) -> int:
    """Helpers for `jobs` processes in all (0: one process per core)."""
    return max(0, (jobs or min(cores(), MAX_HELPERS + 1)) - 1)


def timed(fn, *args):
    """Run fn in a helper and return (its result, its seconds)."""
    started = time.perf_counter()
    return fn(*args), time.perf_counter() - started


@contextmanager
def helpers(count: int, warm_up: Callable[[], object] | None = None):
    """`count` spawned helper processes, or None for none; each first runs `warm_up` (a
    picklable callable), if given.

    One build, one claim list: the counter is not reset.
    """
    if count < 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    counter, results, ends = context.Value("q", 0), context.Queue(), context.Array("q", 2)
    scratch = tempfile.mkdtemp(prefix="reader-helpers-")
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_share,
                               initargs=(counter, results, ends, scratch))
    side = Helpers(pool, count, counter, results, ends)
    interrupted = False
    try:
        for _ in range(count if warm_up is not None else 0):
            pool.submit(warm_up)
        yield side
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        side.close_claims()  # on an error, too
        # Interrupted, this process is about to exit and its helpers end with it: no waiting for their work.
        pool.shutdown(wait=not interrupted, cancel_futures=True)
        shutil.rmtree(scratch, ignore_errors=True)  # what helpers that were killed left
