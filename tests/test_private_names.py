"""No pipeline module uses another one's private names (those starting with one underscore).

A private name is its module's to change. Statically, for every module:

- no `from <pipeline module> import _name`;
- no `module._name` where `module` is a pipeline module it imported;
- no `anything._name` where `_name` is defined by other pipeline modules and not by this
  one: a private method or attribute reached on another module's object
  (`writer._chapter(...)`). Names WeasyPrint and other libraries keep private
  are weasy/'s business (tests/test_weasy_boundary.py) and are not ours.
"""

from __future__ import annotations

import ast

from pipeline_modules import Module, absolute, defined_names, is_private, modules, runtime_nodes


def defined_private_names(module: Module) -> set[str]:
    """The private names a module defines: functions, classes, module and class names, and the
    attributes it sets on self or cls."""
    return {name for name in defined_names(module.tree) if is_private(name)}


def violations(module: Module, ours: set[str], others_private: set[str]) -> list[str]:
    """Uses of other modules' private names in `module` (`ours`: every pipeline module's name;
    `others_private`: private names the other modules define)."""
    found = []
    own = defined_private_names(module)
    module_aliases = {}
    for node in runtime_nodes(module.tree):
        if isinstance(node, ast.ImportFrom):
            source = absolute(module, node)
            for alias in node.names:
                if f"{source}.{alias.name}" in ours:
                    module_aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif source in ours and is_private(alias.name):
                    found.append(f"{node.lineno}: from {source} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ours and alias.asname:
                    module_aliases[alias.asname] = alias.name
    for node in runtime_nodes(module.tree):
        if not isinstance(node, ast.Attribute) or not is_private(node.attr):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in module_aliases:
            found.append(f"{node.lineno}: {module_aliases[node.value.id]}.{node.attr}")
        elif node.attr in others_private and node.attr not in own:
            found.append(f"{node.lineno}: .{node.attr}, private to another module")
    return found


def all_violations(found: list[Module]) -> dict[str, list[str]]:
    ours = {module.name for module in found}
    defined = {module.name: defined_private_names(module) for module in found}
    result = {}
    for module in found:
        others = set().union(*(names for name, names in defined.items() if name != module.name))
        lines = violations(module, ours, others)
        if lines:
            result[module.name] = lines
    return result


def test_no_module_uses_another_modules_private_names():
    assert all_violations(modules()) == {}


def _planted(sources: dict[str, str]) -> dict[str, list[str]]:
    path = modules()[0].path.with_name("planted.py")  # a module, not a package's __init__
    return all_violations([Module(name, path, ast.parse(source)) for name, source in sources.items()])


def test_planted_uses_are_found():
    writer = "class Writer:\n    def _chapter(self):\n        return 1\n\ndef _helper():\n    pass\n"
    assert _planted({"pipeline.writer": writer, "pipeline.share": "from .writer import _helper"})
    assert _planted({"pipeline.writer": writer, "pipeline.share": "from . import writer\nwriter._helper()"})
    assert _planted({"pipeline.writer": writer, "pipeline.share": "def f(w):\n    return w._chapter()"})
    assert _planted({"pipeline.writer": writer,
                     "pipeline.share": "class S:\n    def _chapter(self):\n        return self._chapter"}) == {}
