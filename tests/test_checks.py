"""The lint, import and type checks run with the test suite, so CI fails when they do.

Configured in pyproject.toml: import-linter (the layers and Qt only in atelier.ui), ruff
(rules and formatting) and mypy (its strict modules, at zero errors). The tools come with
the `test` extra, which the test command installs.
"""

from __future__ import annotations

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


def test_mypy_strict_modules_have_no_errors() -> None:
    check(sys.executable, "-m", "mypy")
