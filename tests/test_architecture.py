"""The package's shape: no import circle, no private name imported across modules,
one cancel error.

Why: an import circle hid which module owned a result type (``postgis_compute``
imported ``stats`` back for ``AreaRow``), and a private name imported elsewhere
(``stats._class_key``) is a rule written twice waiting to happen.  The graph is
built from the source with ``ast``, every import counted, also those inside
functions (a lazy import is still a dependency).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Dict, List, Set, Tuple

PACKAGE = "xingguo_swc_plugin"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE


def _modules(root: Path = ROOT, package: str = PACKAGE) -> Dict[str, Tuple[Path, bool]]:
    """Dotted module name -> (file, is a package __init__)."""
    result = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        result[".".join([package] + parts)] = (path, is_package)
    return result


def import_graph(
    root: Path = ROOT, package: str = PACKAGE
) -> Tuple[Dict[str, Set[str]], List[Tuple[str, str, str]]]:
    """(module -> modules of the package it imports, [(importer, module, private name)])."""
    modules = _modules(root, package)
    edges: Dict[str, Set[str]] = {}
    private: List[Tuple[str, str, str]] = []
    for name, (path, is_package) in modules.items():
        base = name if is_package else name.rsplit(".", 1)[0]
        targets: Set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_names: Dict[str, str] = {}  # local name -> package module it binds
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name in modules)
                continue
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                parts = base.split(".")
                if node.level > 1:
                    parts = parts[: -(node.level - 1)]
                module = ".".join(parts + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith(package):
                continue
            for alias in node.names:
                submodule = module + "." + alias.name
                if submodule in modules:
                    targets.add(submodule)
                    module_names[alias.asname or alias.name] = submodule
                    continue
                if module in modules:
                    targets.add(module)
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    private.append((name, module, alias.name))
        for node in ast.walk(tree):  # module.attribute: ``bulk._helper`` counts too
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in module_names
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                private.append((name, module_names[node.value.id], node.attr))
        targets.discard(name)
        edges[name] = targets
    return edges, private


def cycles(edges: Dict[str, Set[str]]) -> List[List[str]]:
    """Strongly connected components of more than one module (Tarjan), plus self-loops."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    found: List[List[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
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
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_function_level_and_relative_imports():
    """The detector reads this package: front doors depend on results and engines."""
    edges, _ = import_graph()
    assert f"{PACKAGE}.core.results" in edges[f"{PACKAGE}.core.stats"]
    assert f"{PACKAGE}.core.engines" in edges[f"{PACKAGE}.core.stats"]
    made = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(made) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_detector_on_a_written_package(tmp_path):
    """A circle through a function-level relative import, and a private name, are seen."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "b.py").write_text(
        "def later():\n    from ..a import _hidden\n    return _hidden\n"
    )
    (package / "c.py").write_text("from .sub import b\n\nvalue = b._secret\n")
    edges, private = import_graph(package, "pkg")
    assert edges["pkg.a"] == {"pkg.sub.b"}
    assert edges["pkg.sub.b"] == {"pkg.a"}
    assert cycles(edges) == [["pkg.a", "pkg.sub.b"]]
    assert sorted(private) == [("pkg.c", "pkg.sub.b", "_secret"), ("pkg.sub.b", "pkg.a", "_hidden")]


def test_no_import_circle_in_the_package():
    edges, _ = import_graph()
    assert len(edges) > 80  # the whole package was read
    assert cycles(edges) == []


def test_no_private_name_imported_across_modules():
    _, private = import_graph()
    assert private == []


def test_one_cancel_error():
    """``core.errors.CanceledError`` is the only cancel exception class."""
    pattern = re.compile(r"^class (\w*Cancel\w*)\(", re.MULTILINE)
    classes = {
        (path.relative_to(ROOT).as_posix(), name)
        for path in ROOT.rglob("*.py")
        for name in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert classes == {("core/errors.py", "CanceledError")}


#: Modules of other helpers' scopes that still raise SwcError("Canceled.") by hand:
#: each becomes ``raise CanceledError()`` (or ``raise_if_canceled``) with its owner's
#: change; the list may only shrink.
CANCEL_BY_HAND: set = set()


def test_cancel_raises_the_cancel_error():
    """A canceled run raises ``CanceledError`` (callers tell it from a failure by type)."""
    pattern = re.compile(r"raise \w+\(tr\(\"Canceled\.\"\)\)")
    by_hand = {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert by_hand <= CANCEL_BY_HAND


def test_one_log_helper():
    """Only ``core.log`` writes to QGIS's message log: one tag, one place."""
    writers = sorted(
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*.py")
        if "QgsMessageLog" in path.read_text(encoding="utf-8")
    )
    assert writers == ["core/log.py"]
