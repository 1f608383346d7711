"""Data flows one way: the editorial stage builds the model and never reaches into the renderer."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

EDITORIAL = ROOT / "pipeline" / "editorial"


def _module_name(path: Path, package_dir: Path, package: str) -> str:
    parts = list(path.relative_to(package_dir).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def imported_modules(path: Path, package_dir: Path, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in one module of `package` (stored at `package_dir`),
    relative imports resolved; `from X import name` counts as X.name too, since name may be a module."""
    module = _module_name(path, package_dir, package)
    is_package = path.name == "__init__.py"
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[:len(base) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            found.append((node.lineno, source))
            found.extend((node.lineno, f"{source}.{alias.name}") for alias in node.names)
    return found


def violations(package_dir: Path, package: str, forbidden: str) -> list[str]:
    """'file:line imports module' for every import of `forbidden` (or a module inside it)."""
    out = []
    for path in sorted(package_dir.rglob("*.py")):
        for line, name in imported_modules(path, package_dir, package):
            if name == forbidden or name.startswith(forbidden + "."):
                out.append(f"{path.relative_to(package_dir)}:{line} imports {name}")
    return sorted(set(out))


def test_the_editorial_package_never_imports_the_renderer():
    assert list(EDITORIAL.glob("*.py")), "the editorial package has moved"
    assert violations(EDITORIAL, "pipeline.editorial", "pipeline.render") == []


def test_the_check_finds_every_way_of_importing_the_renderer(tmp_path):
    package = tmp_path / "editorial"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("from .. import render\n")
    (package / "clean.py").write_text("from ..model import Text\nimport json\nfrom . import notes\n")
    (package / "relative.py").write_text("from ..render.inline import URL\n")
    (package / "absolute.py").write_text("import pipeline.render.xhtml as xhtml\n")
    (package / "from_absolute.py").write_text("from pipeline.render import ids\n")
    (package / "sub" / "deeper.py").write_text("def f():\n    from ...render import prose\n")
    (package / "lookalike.py").write_text("from ..rendering import x\nimport pipeline.renderer\n")
    assert violations(package, "pipeline.editorial", "pipeline.render") == [
        "__init__.py:1 imports pipeline.render",
        "absolute.py:1 imports pipeline.render.xhtml",
        "from_absolute.py:1 imports pipeline.render",
        "from_absolute.py:1 imports pipeline.render.ids",
        "relative.py:1 imports pipeline.render.inline",
        "relative.py:1 imports pipeline.render.inline.URL",
        "sub/deeper.py:2 imports pipeline.render",
        "sub/deeper.py:2 imports pipeline.render.prose",
    ]
