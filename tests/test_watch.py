"""`watch`: a change under editorial/ rebuilds the EPUB and reports what changed."""

from __future__ import annotations

import subprocess
import sys
import time

from conftest import SMALL_BOOK, make_project

SEED = ("A Title Here\n\nThe revolution of 1917 was followed by a long civil war that left the economy in ruins "
        "and the working class scattered across the countryside in search of food.\n")


def _wait_for(process, text: str, seen: list[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line:
            seen.append(line)
            if text in line:
                return
        elif process.poll() is not None:
            break
    raise AssertionError(f"no {text!r} in watch output:\n{''.join(seen)}")


def test_watch_rebuilds_after_an_edit_and_survives_an_error(tmp_path):
    project = make_project(tmp_path, {"one.txt": SEED}, SMALL_BOOK)
    process = subprocess.Popen([sys.executable, "-u", "-m", "pipeline", "watch", "--epub", "--project", str(project)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen: list[str] = []
    try:
        _wait_for(process, "EPUB rebuilt", seen)
        epub = project / "out" / "a-small-book.epub"
        first = epub.stat().st_mtime_ns
        time.sleep(0.5)
        book = project / "editorial" / "book.yaml"
        book.write_text(book.read_text().replace("title: Chapter One", "titel: Chapter One"))
        _wait_for(process, "did you mean 'title'", seen)
        _wait_for(process, "still watching", seen)
        book.write_text(book.read_text().replace("titel: Chapter One", "title: Chapter Two"))
        _wait_for(process, "Changed: editorial/book.yaml", seen)
        _wait_for(process, "EPUB rebuilt", seen)
        assert epub.stat().st_mtime_ns > first
    finally:
        process.terminate()
        process.wait(timeout=10)
