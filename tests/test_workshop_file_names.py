"""A workshop file is named « ….atelier », or the window's Open dialog does not list it and a
double-click does not open Atelier. `atelier import grille.docx -o sortie` wrote a file called
« sortie », with no extension. Every command that writes a workshop file (import -o, merge -o,
new) adds « .atelier » to a name given without an extension, as a desktop app's save dialog
does, and says the name it wrote; a name with another extension is refused in one sentence;
a file the user did not name is never replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"


def _command(name: str, target: str, folder: Path) -> list[str]:
    if name == "import":
        return ["import", str(GRID), "-o", target]
    if name == "merge":
        first = shutil.copy(EXAMPLE, folder / "a.atelier")
        second = shutil.copy(EXAMPLE, folder / "b.atelier")
        return ["merge", str(first), str(second), "-o", target]
    return ["new", target, "--title", "Atelier du jeudi"]


def _said(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


COMMANDS = ["import", "merge", "new"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_without_extension_gets_atelier_added_and_said(command: str, tmp_path: Path) -> None:
    args = _command(command, "sortie", tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "sortie").exists()
    made = tmp_path / "sortie.atelier"
    assert made.is_file()
    assert "sortie.atelier" in done.stdout, done.stdout  # the success line names the file written
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before} == before
    info = run_cli("info", str(made))
    assert info.returncode == 0, info.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_with_dots_but_no_extension_gets_atelier_added(command: str, tmp_path: Path) -> None:
    """« Atelier du 30.11 » ends in « .11 », which is no extension: the file is
    « Atelier du 30.11.atelier »."""
    done = run_cli(*_command(command, str(tmp_path / "Atelier du 30.11"), tmp_path))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "Atelier du 30.11.atelier").is_file()
    assert not (tmp_path / "Atelier du 30.11").exists()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", ["sortie.db", "sortie.sqlite", "sortie.docx", "SORTIE.TXT"])
def test_another_extension_is_refused_in_one_sentence(command: str, name: str, tmp_path: Path) -> None:
    args = _command(command, str(tmp_path / name), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = run_cli(*args)
    assert done.returncode == 1, done.stdout + done.stderr
    (sentence,) = done.stderr.strip().splitlines()
    found = Path(name).suffix.lower()
    assert f"se termine par {found}, mais un fichier d'atelier est un fichier .atelier" in _said(sentence)
    assert "rien n'a été écrit" in sentence, sentence
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("force", [False, True])
def test_a_file_the_user_did_not_name_is_never_replaced(command: str, force: bool, tmp_path: Path) -> None:
    """`-o sortie` while « sortie.atelier » exists: that file was not named, --force or not."""
    existing = Path(shutil.copy(EXAMPLE, tmp_path / "sortie.atelier"))
    args = _command(command, str(tmp_path / "sortie"), tmp_path) + (["--force"] if force else [])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = run_cli(*args)
    assert done.returncode == 1, done.stdout + done.stderr
    (sentence,) = done.stderr.strip().splitlines()
    said = _said(sentence)
    assert "sortie.atelier » existe déjà" in said and "rien n'a été écrit" in said, said
    assert "--force" not in said or "sortie.atelier" in said.split("--force")[0], said
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert existing.read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before)  # no backup, no temporary


def test_an_existing_file_named_without_extension_is_the_one_named(tmp_path: Path) -> None:
    """An old workshop file called « sortie » (made before this) is the file the user named:
    --force replaces it, as before, and nothing is written beside it."""
    old = Path(shutil.copy(EXAMPLE, tmp_path / "sortie"))
    done = run_cli("new", str(old), "--title", "Nouveau", "--force")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "sortie.atelier").exists()
    assert "Nouveau" in run_cli("info", str(old)).stdout


def test_said_in_english(tmp_path: Path) -> None:
    done = run_cli("import", str(GRID), "-o", "sortie", cwd=tmp_path, env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "File created: sortie.atelier" in done.stdout, done.stdout
    shutil.copy(EXAMPLE, tmp_path / "autre.atelier")
    refused = run_cli("new", "autre", "--title", "T", cwd=tmp_path, env={"ATELIER_LANG": "en"})
    assert refused.returncode == 1
    (sentence,) = refused.stderr.strip().splitlines()
    assert "“autre.atelier” already exists" in sentence and "nothing was written" in sentence, sentence
    wrong = run_cli("new", "autre.db", "--title", "T", cwd=tmp_path, env={"ATELIER_LANG": "en"})
    (sentence,) = wrong.stderr.strip().splitlines()
    assert "ends in .db, but a workshop file is an .atelier file" in sentence, sentence
