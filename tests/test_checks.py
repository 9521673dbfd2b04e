"""The lint, import and type checks run with the test suite, so CI fails when they do.

Configured in pyproject.toml: import-linter (the layers and Qt only in atelier.ui), ruff
(rules and formatting) and mypy (the whole package at zero errors, its strict modules
strictly). The tools come with
the `test` extra, which the test command installs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def check(*command: str) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"


def test_imports_follow_the_layers_and_qt_stays_in_the_ui() -> None:
    check(str(BIN / "lint-imports"), "--no-cache")


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff(command: list[str]) -> None:
    check(sys.executable, "-m", "ruff", *command)


def test_mypy_checks_the_whole_package_with_no_errors() -> None:
    """Every module of atelier, not only the strict ones: a None reaching a call in the window
    fails the suite as it would fail the user."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"mypy\n{done.stdout}\n{done.stderr}"
    checked = re.search(r"no issues found in (\d+) source files", done.stdout)
    assert checked is not None, done.stdout
    modules = list((ROOT / "atelier").rglob("*.py"))
    assert int(checked.group(1)) >= len(modules), (done.stdout, len(modules))
