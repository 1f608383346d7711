"""Helper processes for a build: the cores beyond the first.

They are spawned when the build starts, so that importing WeasyPrint there
overlaps with loading and cleaning here. Work is shared through one counter:
the main process and every helper claim the next item of the same list, so the
faster one simply takes more, whatever each was busy with before. Helpers send
each result back as soon as it is ready, so the main process takes it in
between its own items rather than all at the end.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import queue
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

#: Helpers beyond this bring little by default: the PDF's back matter and its writing are serial.
MAX_HELPERS = 3

#: A claim counter set this high has nothing left to give (64 bits: it never wraps).
CLOSED = 2**62

_counter = None  # in a helper: the claim counter shared with the main process
_results = None  # in a helper: the queue its results go back by, as each is ready


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _share(counter, results) -> None:
    global _counter, _results
    _counter, _results = counter, results
    # Should the main process stop reading (it failed), let this process exit all the same.
    results.cancel_join_thread()


def _warm_up() -> None:
    importlib.import_module(".writers.pdf", __package__)  # WeasyPrint takes about a second to import


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


def send(item) -> None:
    """In a helper: hand one result to the main process now, rather than with the task's end."""
    if _results is None:
        raise RuntimeError("send() is for helper processes started by helpers()")
    _results.put(item)


@dataclass
class Helpers:
    pool: ProcessPoolExecutor
    count: int
    counter: object  # multiprocessing.Value shared with every helper
    results: object  # multiprocessing.Queue of what helpers send()

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
def helpers(count: int):
    """`count` spawned helper processes, or None for none.

    One build, one claim list: the counter is not reset.
    """
    if count < 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    counter, results = context.Value("q", 0), context.Queue()
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_share, initargs=(counter, results))
    try:
        for _ in range(count):
            pool.submit(_warm_up)
        yield Helpers(pool, count, counter, results)
    finally:
        # On an error, helpers finish the chapter in hand and claim no other.
        with counter.get_lock():
            counter.value = CLOSED
        pool.shutdown(wait=True, cancel_futures=True)
