"""DAISY Ace, run on an EPUB when it is installed (see README: Accessibility check)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ACE = os.environ.get("ACE_PUPPETEER") or shutil.which("ace-puppeteer") or "/tmp/ace/node_modules/.bin/ace-puppeteer"
CHROMIUM = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium")

needs_ace = pytest.mark.skipif(not (Path(ACE).exists() and CHROMIUM),
                               reason="DAISY Ace and Chromium are not installed (see README: Accessibility check)")


def ace_violations(epub: Path, out: Path) -> list[tuple[str, str]]:
    """(document, rule) for each violation Ace reports on `epub`; its report is written to `out`."""
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    subprocess.run([ACE, "-f", "-o", str(out), str(epub)], env=env, check=True, capture_output=True, timeout=300)
    report = json.loads((out / "report.json").read_text())
    return [(a["earl:testSubject"]["url"], b["earl:test"]["dct:title"])
            for a in report["assertions"] for b in a["assertions"]]
