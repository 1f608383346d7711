"""Ctrl-C held back while a thread imports, so that it never lands inside Python's import machinery.

The build imports WeasyPrint in a thread while the main thread loads and cleans the book (which
imports modules of its own). A KeyboardInterrupt raised in the main thread at that moment can land
inside importlib's bookkeeping (a module lock's weakref callback, where Python swallows it) after the
global import lock was taken and before it is given back: the main thread then waits for a module the
other thread is importing, and that thread for the import lock, for ever. An interrupted build hung
so in 2 of 19 runs on a busy machine. While the thread runs, SIGINT is only noted; once
it is done, the signal is raised again and interrupts the build as usual.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Callable


@contextmanager
def importing_in_background(target: Callable[..., object], *args):
    """Run `target(*args)` (an import) in a daemon thread; Ctrl-C, until it ends, waits for it."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        # Only the main thread may set handlers; and a SIGINT ignored (a build started in the
        # background) or handled by the caller is theirs to keep.
        threading.Thread(target=target, args=args, daemon=True).start()
        yield
        return
    done = threading.Event()
    pending = threading.Event()

    def hold(signum, frame):
        if not done.is_set():
            pending.set()  # raised again when the import is over
            return
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.default_int_handler(signum, frame)

    def run() -> None:
        try:
            target(*args)
        finally:
            done.set()
            if pending.is_set():
                os.kill(os.getpid(), signal.SIGINT)

    signal.signal(signal.SIGINT, hold)
    threading.Thread(target=run, daemon=True).start()
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is hold:
            signal.signal(signal.SIGINT, signal.default_int_handler)
