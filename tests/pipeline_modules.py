"""The pipeline package's modules as the architecture tests read them: names, sources, syntax trees,
and the modules each one imports."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"


@dataclass
class Module:
    name: str  # dotted, "pipeline.writers.pdf.writer"
    path: Path
    tree: ast.Module

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        return self.name if self.is_package else self.name.rpartition(".")[0]


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path = PACKAGE) -> list[Module]:
    return [Module(module_name(path, root), path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
            for path in sorted(root.rglob("*.py"))]


def absolute(module: Module, node: ast.ImportFrom) -> str:
    """The module a `from … import` statement imports from, made absolute."""
    if not node.level:
        return node.module or ""
    base = module.package.split(".")
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def runtime_nodes(tree: ast.AST):
    """Every node of the tree except those under `if TYPE_CHECKING:`, which never run: they
    name types for checkers (annotations are strings, `from __future__ import annotations`)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _is_type_checking(test: ast.AST) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported(module: Module, known: set[str]) -> list[tuple[str, ast.AST]]:
    """Every module this one imports when it runs, anywhere in its code (functions included), with
    the node that does it: a `from X import y` imports X.y when that is a module, X otherwise."""
    found = []
    for node in runtime_nodes(module.tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = absolute(module, node)
            for alias in node.names:
                found.append((f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source, node))
        elif isinstance(node, ast.Call) and _is_import_module(node) and node.args:
            name = _constant_text(node.args[0], module)
            if name is not None:
                found.append((name, node))
    return found


def _is_import_module(call: ast.Call) -> bool:
    function = call.func
    return (isinstance(function, ast.Attribute) and function.attr == "import_module") or \
        (isinstance(function, ast.Name) and function.id == "import_module")


def _constant_text(node: ast.AST, module: Module) -> str | None:
    """A string given as a constant, or an f-string of constants and __name__ / __package__."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        text = ""
        for part in node.values:
            if isinstance(part, ast.Constant):
                text += str(part.value)
            elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name) \
                    and part.value.id in ("__name__", "__package__"):
                text += module.name if part.value.id == "__name__" else module.package
            else:
                return None
        return text
    return None


def is_private(name: str) -> bool:
    """`_name`, not `__dunder__`."""
    return name.startswith("_") and not name.startswith("__")


def defined_names(tree: ast.AST, parameters: bool = False) -> set[str]:
    """Names a module defines: functions, classes, assigned names, attributes set on self or cls,
    and (if asked) its functions' parameters."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) \
                and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            found.add(node.attr)
        elif parameters and isinstance(node, ast.arg):
            found.add(node.arg)
    return found
