"""--force replaces a workshop file, never another kind of file: a Word grid, notes, a
spreadsheet given by mistake as the output of new, import or merge stay as they are (the
grid was replaced by a SQLite file still called .docx). An empty file may be replaced."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
OLD = ROOT / "tests" / "fixtures" / "format-v4.atelier"

COMMANDS = {
    "new": ["new", "{target}", "--title", "Atelier du jeudi", "--force"],
    "import": ["import", str(GRID), "-o", "{target}", "--force"],
    "merge": ["merge", str(EXAMPLE), str(OLD), "-o", "{target}", "--force"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_force_never_replaces_a_file_that_is_not_a_workshop(name: str, tmp_path: Path) -> None:
    target = Path(shutil.copy(GRID, tmp_path / "grille de Corinne.docx"))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    done = run_cli(*(p.replace("{target}", str(target)) for p in COMMANDS[name]))
    assert done.returncode == 1, done.stdout
    (sentence,) = done.stderr.strip().splitlines()
    assert "n'est pas un fichier d'atelier" in sentence and "--force" in sentence, sentence
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_force_replaces_a_workshop_or_an_empty_file(name: str, tmp_path: Path) -> None:
    for target in (Path(shutil.copy(EXAMPLE, tmp_path / "a.atelier")), tmp_path / "vide.atelier"):
        target.touch()
        done = run_cli(*(p.replace("{target}", str(target)) for p in COMMANDS[name]))
        assert done.returncode == 0, done.stderr
        assert run_cli("info", str(target)).returncode == 0


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_workshop_file_is_never_written_under_a_document_s_name(name: str, tmp_path: Path) -> None:
    # `atelier new compte-rendu.docx` wrote a SQLite workshop file named .docx (Word then
    # calls it damaged), as `import grille.csv -o tableau.xlsx` wrote one named .xlsx.
    for given in ("compte-rendu.docx", "tableau.xlsx"):
        target = tmp_path / given
        done = run_cli(*(p.replace("{target}", str(target)) for p in COMMANDS[name]))
        assert done.returncode == 1, done.stdout
        (sentence,) = done.stderr.strip().splitlines()
        assert ".atelier" in sentence and "rien n'a été écrit" in sentence, sentence
        assert list(tmp_path.iterdir()) == []
    english = run_cli(
        *(p.replace("{target}", str(tmp_path / "cr.docx")) for p in COMMANDS[name]),
        env={"ATELIER_LANG": "en"},
    )
    assert "nothing was written" in english.stderr and ".atelier" in english.stderr
