"""WeasyPrint's internals (and pydyf's and fontTools') are reached from pipeline/writers/pdf/weasy/ only.

Outside that package a module may use WeasyPrint's top-level names (`from
weasyprint import HTML, CSS, Document`), pydyf's public classes and fontTools'
font reader, and nothing else of theirs. The check is static, an
approximation that errs on the strict side; for each module outside weasy/:

- no import of a WeasyPrint submodule (`import weasyprint.text.fonts`, `from
  weasyprint.urls import …`, `from weasyprint import text`), nor a submodule
  reached as an attribute (`weasyprint.document.Page`);
- no import of fontTools beyond `fontTools.ttLib` (its subsetter is patched),
  nor of a private name of those libraries (`from pydyf import _to_bytes`);
- if it imports any of the three: no access to an attribute whose name starts
  with one underscore, unless the module defines that name itself (its own
  private methods and attributes);
- no monkeypatch: no `setattr()`, and no assignment to an attribute of a module
  or class it imported, but for `tempfile.tempdir`, a documented setting.
"""

from __future__ import annotations

import ast
from pathlib import Path

import weasyprint

from pipeline_modules import absolute, defined_names, is_private, Module, modules, runtime_nodes

BOUNDARY = "pipeline.writers.pdf.weasy"
LIBRARIES = ("weasyprint", "pydyf", "fontTools")
#: fontTools' modules a module outside the boundary may use: reading a font's tables.
FONTTOOLS_PUBLIC = ("fontTools.ttLib",)
#: WeasyPrint's modules and packages (some, such as `text`, are namespace packages without an __init__).
WEASYPRINT_SUBMODULES = {path.stem for path in Path(weasyprint.__file__).parent.iterdir()
                         if (path.suffix == ".py" or path.is_dir()) and not path.name.startswith("__")}
#: Module attributes that are settings by their documentation, not patches.
SETTINGS = {("tempfile", "tempdir")}


def _library(name: str) -> str | None:
    top = name.split(".")[0]
    return top if top in LIBRARIES else None


def _forbidden_module(name: str) -> bool:
    library = _library(name)
    if library == "weasyprint":
        return name != "weasyprint"
    if library == "fontTools":
        return name != "fontTools" and not name.startswith(FONTTOOLS_PUBLIC)
    if library == "pydyf":
        return name != "pydyf"
    return False


def violations(module: Module) -> list[str]:
    """What in `module` crosses the boundary, as 'line: what'."""
    found: list[str] = []
    imported_names: dict[str, str] = {}  # local name -> what it is bound to (a module or a module's name)
    uses_libraries = False
    for node in runtime_nodes(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                uses_libraries |= _library(alias.name) is not None
                if _forbidden_module(alias.name):
                    found.append(f"{node.lineno}: imports {alias.name}")
                imported_names[alias.asname or alias.name.split(".")[0]] = alias.asname and alias.name or \
                    alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            source = absolute(module, node)
            uses_libraries |= _library(source) is not None
            for alias in node.names:
                full = f"{source}.{alias.name}"
                submodule = (source == "weasyprint" and alias.name in WEASYPRINT_SUBMODULES) or \
                    (source == "fontTools" and _forbidden_module(full))
                if _forbidden_module(source) or submodule:
                    found.append(f"{node.lineno}: imports {full}")
                elif _library(source) and is_private(alias.name):
                    found.append(f"{node.lineno}: imports the private {full}")
                imported_names[alias.asname or alias.name] = full
    own = defined_names(module.tree, parameters=True)
    for node in runtime_nodes(module.tree):
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and imported_names.get(node.value.id) == "weasyprint" \
                    and node.attr in WEASYPRINT_SUBMODULES:
                found.append(f"{node.lineno}: reaches weasyprint.{node.attr}")
            if uses_libraries and is_private(node.attr) and node.attr not in own:
                found.append(f"{node.lineno}: uses the private attribute {node.attr}")
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                root = _dotted(target.value) if isinstance(target, ast.Attribute) else None
                if root is not None and root.split(".")[0] in imported_names \
                        and (imported_names.get(root, root), target.attr) not in SETTINGS:
                    found.append(f"{node.lineno}: patches {root}.{target.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            found.append(f"{node.lineno}: setattr()")
    return found


def _dotted(node: ast.AST) -> str | None:
    """`a.b.c` as text, if the expression is only names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _outside_the_boundary() -> list[Module]:
    return [module for module in modules() if not (module.name == BOUNDARY or module.name.startswith(BOUNDARY + "."))]


def test_no_module_outside_weasy_reaches_into_weasyprint():
    found = {module.name: violations(module) for module in _outside_the_boundary()}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_writer_and_the_build_are_checked():
    checked = {module.name for module in _outside_the_boundary()}
    assert {"pipeline.writers.pdf.writer", "pipeline.writers.pdf.fetcher", "pipeline.build",
            "pipeline.workers"} <= checked
    assert "pipeline.writers.pdf.weasy.painting" not in checked


def _check(source: str, name: str = "pipeline.writers.pdf.planted") -> list[str]:
    return violations(Module(name, PACKAGE_FILE, ast.parse(source)))


PACKAGE_FILE = modules()[0].path.with_name("planted.py")


def test_planted_violations_are_found():
    assert _check("from weasyprint.layout import block")
    assert _check("import weasyprint.text.fonts")
    assert _check("from weasyprint import text")
    assert _check("import weasyprint\nPage = weasyprint.document.Page")
    assert _check("from weasyprint import HTML\ndef f(page):\n    return page._page_box")
    assert _check("import pydyf\nwrite = pydyf._to_bytes")
    assert _check("from pydyf import _to_bytes")
    assert _check("from fontTools import subset")
    assert _check("from fontTools.subset import Subsetter")
    assert _check("import pydyf\npydyf.zlib = None")
    assert _check("from weasyprint import Page\nPage.paint = print")
    assert _check("import ctypes.util\nsetattr(ctypes.util, 'find_library', print)")
    assert _check("import ctypes.util\nctypes.util.find_library = print")
    assert _check("import pydyf\npydyf.PDF.page_references = property(print)")
    assert _check("from weasyprint import HTML\ndef f(fonts):\n    fonts._folder = None")


def test_what_the_boundary_allows_is_not_reported():
    assert _check("from weasyprint import CSS, HTML, Document, URLFetcher") == []
    assert _check("import pydyf\nlabels = pydyf.Dictionary({'S': '/r'})") == []
    assert _check("from fontTools.ttLib import TTFont") == []
    assert _check("from weasyprint import HTML\nclass W:\n    def _render(self):\n        return self._render") == []
    assert _check("import tempfile\ntempfile.tempdir = '/tmp/x'") == []
    assert _check("import os\nos._exit(0)") == []  # a module without WeasyPrint, pydyf or fontTools
