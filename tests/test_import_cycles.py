"""No import cycle among the pipeline's modules, counting imports made inside functions too.

A cycle dodged by moving an import into a function is still a cycle: the two
modules cannot be understood, tested or loaded one without the other. So every
import statement counts, wherever it is, and so do `importlib.import_module`
calls named by a constant and the factories the patch table names.

One kind of edge is left out: a submodule's implicit import of its package.
Python runs a package's `__init__` before any of its submodules, so counting
that edge would make every `__init__` that imports one of its submodules a
cycle by construction (pipeline/writers/pdf/__init__.py imports weasy.libraries
so the build can import WeasyPrint early). It is sound all the same: the
package's `__init__` has run by the time the submodule asks for it. A name a
submodule takes from its package's `__init__` (`from . import name`, name not a
submodule) is an ordinary edge and does count. Imports under `if TYPE_CHECKING:`
never run (they name types for annotations) and are not counted either.
"""

from __future__ import annotations

from pipeline.writers.pdf.weasy import patches
from pipeline_modules import modules, imported

WEASY = "pipeline.writers.pdf.weasy"


def import_graph() -> dict[str, set[str]]:
    """Each pipeline module and the pipeline modules it imports."""
    found = modules()
    known = {module.name for module in found}
    graph = {module.name: set() for module in found}
    for module in found:
        for name, _ in imported(module, known):
            target = name if name in known else _enclosing(name, known)
            if target is not None and target != module.name:
                graph[module.name].add(target)
    # The patch table imports its factories by name, when a patch is applied.
    for patch in patches.PATCHES.values():
        graph[f"{WEASY}.patches"].add(f"{WEASY}.{patch.factory.rpartition('.')[0]}")
    return graph


def _enclosing(name: str, known: set[str]) -> str | None:
    """The pipeline module an imported name lives in (`pipeline.model.Book` -> `pipeline.model`)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The graph's strongly connected components of more than one module (Tarjan), or one that imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back_through_others():
    assert cycles(import_graph()) == []


def test_the_graph_holds_function_level_imports_and_registry_factories():
    graph = import_graph()
    assert "pipeline.writers.pdf.writer" in graph["pipeline.writers.pdf"]  # imported inside a function
    assert "pipeline.writers.pdf.fast" in graph["pipeline.writers.pdf.helper_tasks"]  # importlib, by an f-string
    assert f"{WEASY}.fixes" in graph[f"{WEASY}.patches"]


def test_a_planted_cycle_is_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c"], ["e"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_helpers_module_knows_no_writer():
    """workers.py runs whatever task it is given: the PDF writer passes its own."""
    graph = import_graph()
    assert not [name for name in graph["pipeline.workers"] if name.startswith("pipeline.writers")]
    source = next(module for module in modules() if module.name == "pipeline.workers").path.read_text()
    assert "writers" not in source and "weasyprint" not in source.lower()
