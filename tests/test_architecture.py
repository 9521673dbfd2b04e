"""Qt lives only in atelier/ui; SQL only in atelier/store."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "atelier"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _modules_outside(folder: str) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if folder not in p.relative_to(PACKAGE).parts]


def test_only_atelier_ui_imports_qt() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _modules_outside("ui")
        if any(name.split(".")[0] == "PySide6" for name in _imports(p))
    ]
    assert offenders == []
    assert any("PySide6" in n for p in (PACKAGE / "ui").rglob("*.py") for n in _imports(p))


SQL = re.compile(
    r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA)\b", re.IGNORECASE
)


def test_only_the_store_speaks_sql() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _modules_outside("store")
        if SQL.search(p.read_text(encoding="utf-8")) or "sqlite_utils" in _imports(p)
    ]
    assert offenders == []


def test_heavy_libraries_are_not_imported_at_module_level() -> None:
    heavy = {"pandas", "numpy", "scipy", "networkx", "openpyxl", "docx", "spacy", "sklearn"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in heavy for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
