"""The README's test command spreads the suite over the machine's cores (CI ran it on one:
29 minutes on two cores, over the 20 the project allows); a command line that says how many
workers, or asks for none, is obeyed; one core runs it as before."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from .conftest import ROOT


def _bootstrap():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "packaging" / "bootstrap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_suite_runs_on_every_core_up_to_four() -> None:
    arguments = _bootstrap().pytest_arguments
    assert arguments([], 2) == ["-p", "no:cacheprovider", "-n", "2"]
    assert arguments([], 16)[-2:] == ["-n", "4"]
    assert arguments(["-k", "import"], 2) == ["-p", "no:cacheprovider", "-n", "2", "-k", "import"]


def test_what_the_command_line_says_is_obeyed() -> None:
    arguments = _bootstrap().pytest_arguments
    assert arguments(["-n", "0"], 2) == ["-p", "no:cacheprovider", "-n", "0"]
    assert arguments(["-n3"], 2) == ["-p", "no:cacheprovider", "-n3"]
    assert arguments(["-p", "no:xdist"], 2) == ["-p", "no:cacheprovider", "-p", "no:xdist"]
    assert arguments([], 1) == ["-p", "no:cacheprovider"]


def test_xdist_is_installed_by_the_test_setup() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(d.startswith("pytest-xdist") for d in project["project"]["optional-dependencies"]["test"])


def test_a_venv_whose_creation_was_interrupted_is_made_again(tmp_path) -> None:
    """Killed during « Création de l'environnement Python… », the venv had a Python but no pip:
    every later run failed with pip's traceback. Such a venv is now seen as unusable."""
    import venv

    has_pip = _bootstrap().has_pip
    assert not has_pip(tmp_path / "absent" / "bin" / "python")
    venv.EnvBuilder(with_pip=False).create(tmp_path / "interrupted")
    assert not has_pip(tmp_path / "interrupted" / "bin" / "python")
    assert has_pip(Path(sys.executable))  # the Python running this suite


def test_an_unknown_command_is_said_in_french_before_anything_is_installed(monkeypatch, capsys) -> None:
    """`python3 packaging/bootstrap.py foo` made the environment and installed the dependencies,
    then said « usage: packaging/bootstrap.py run|test », the only English a French user met."""
    bootstrap = _bootstrap()
    installed: list[str] = []
    monkeypatch.setattr(bootstrap, "setup", lambda: installed.append("venv") or Path(sys.executable))
    monkeypatch.setattr(bootstrap, "ensure_qt_libraries", lambda: installed.append("qt"))
    monkeypatch.setattr(sys, "argv", ["packaging/bootstrap.py", "foo"])
    assert bootstrap.main(["foo"]) == 2
    said = capsys.readouterr().err.replace("\u00a0", " ")
    assert said == (
        "utilisation : packaging/bootstrap.py run (ouvrir Atelier sur l'exemple) ou test (lancer les tests)\n"
    ), said
    assert installed == []
