"""What the PyInstaller bundle leaves out is never needed.

packaging/atelier.spec leaves libraries out of the bundle to keep it small (`excludes`: most of
scipy, Qt's network and SQL modules, ssl...). A code path that reaches one of them works from
`pip install .` and fails only in the bundle, which the suite does not build
(packaging/build_bundle.py takes minutes and runs the command line, not the window's views).
Here Atelier's code runs in a fresh interpreter where the spec's excludes cannot be imported,
as in the bundle.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "atelier.spec"


def spec_excludes() -> list[str]:
    """The `excludes = [...]` list of the spec, as PyInstaller reads it."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == ["excludes"]:
            names = ast.literal_eval(node.value)
            assert isinstance(names, list) and all(isinstance(name, str) for name in names)
            return names
    raise AssertionError(f"no `excludes = [...]` in {SPEC}")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def left_out(module: str, excludes: list[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in excludes)


def test_atelier_imports_nothing_the_bundle_leaves_out() -> None:
    excludes = spec_excludes()
    assert "scipy.optimize" in excludes and "PySide6.QtNetwork" in excludes  # the list was read
    needed = {
        f"{path.relative_to(ROOT).as_posix()}: {module}"
        for path in sorted((ROOT / "atelier").rglob("*.py"))
        for module in imported_modules(path)
        if left_out(module, excludes)
    }
    assert needed == set()


# Run in a fresh interpreter: the excluded modules raise ImportError as in the bundle (where they
# are simply absent), including the ones a library imports late (scipy's subpackages on first
# use of `scipy.optimize`...).
_WITHOUT_EXCLUDES = """
import importlib.abc, json, sys
EXCLUDES = json.loads(sys.argv[1])

class LeftOut(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == e or name.startswith(e + ".") for e in EXCLUDES):
            raise ModuleNotFoundError(f"No module named {name!r} (left out of the bundle)", name=name)
        return None

sys.meta_path.insert(0, LeftOut())
"""

_NETWORK = """
from atelier.projection import Edge, Network, Node, layout

# The projector's network of a large imported grid: 520 participants, each able to help the next.
people = 520
network = Network(
    nodes=[Node(id=f"p{i}", label=f"Personne {i}", group="Pau") for i in range(people)],
    edges=[
        Edge(source=f"p{i}", target=f"p{i + 1}", confirmed=i % 7 == 0, weight=1.0)
        for i in range(people - 1)
    ],
)
layout(network)
print(json.dumps([(node.x, node.y) for node in network.nodes]))
"""


def test_the_projectors_network_of_a_large_workshop_is_laid_out_in_the_bundle() -> None:
    """From 500 linked people networkx's spring layout switched by itself to an « energy »
    method that needs scipy.optimize, which the bundle leaves out: the network view of a large
    imported grid stayed unlaid in the bundle (every participant on one spot), while a pip
    install showed it."""
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXCLUDES + _NETWORK, json.dumps(spec_excludes())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    positions = json.loads(done.stdout)
    assert len(positions) == 520
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in positions)
    assert len({(round(x, 4), round(y, 4)) for x, y in positions}) == 520  # each person a place
