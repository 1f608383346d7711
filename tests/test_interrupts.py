"""Ctrl-C while WeasyPrint is imported in a thread: held until the import is over, then raised."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from pipeline.interrupts import importing_in_background


@pytest.fixture
def default_ctrl_c():
    """Python's own SIGINT handler, as a build run from a shell has it (a runner started with `&` ignores it)."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def test_ctrl_c_during_the_import_waits_for_it_then_interrupts(default_ctrl_c):
    started, release = threading.Event(), threading.Event()

    def slow_import():
        started.set()
        release.wait(10)

    ticks = 0
    with pytest.raises(KeyboardInterrupt):
        with importing_in_background(slow_import):
            assert started.wait(10)
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(20):  # the main thread goes on, uninterrupted, while the import runs
                time.sleep(0.01)
                ticks += 1
            release.set()
            time.sleep(10)  # interrupted here, as soon as the import is over
            pytest.fail("Ctrl-C was lost")
    assert ticks == 20
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_ctrl_c_the_import_runs_and_the_handler_is_given_back(default_ctrl_c):
    done = threading.Event()
    with importing_in_background(done.set):
        assert done.wait(10)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_ctrl_c_stays_ignored():
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        done = threading.Event()
        with importing_in_background(done.set):
            assert done.wait(10)
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
