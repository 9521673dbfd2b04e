"""A Word, Excel or CSV grid given where an Atelier file is expected (« Ouvrir avec Atelier »
on the grid in the file manager, Ctrl+O on it): « n'est pas un fichier Atelier » left the
facilitator with nowhere to go. The sentence now says what the file is and how to bring its
grid in; the file is untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("name", "kind", "english"),
    [
        ("grille.docx", "Word", "a Word"),
        ("grille.xlsx", "Excel", "an Excel"),  # « is a Excel file » before
        ("grille.csv", "CSV", "a CSV"),
        ("grille.html", "HTML", "an HTML"),
    ],
)
def test_a_grid_given_to_a_command_says_to_import_it(
    tmp_path: Path, name: str, kind: str, english: str
) -> None:
    grid = tmp_path / name
    shutil.copy(GRID, grid)  # the bytes do not matter: it is not an Atelier file
    before = grid.read_bytes()
    done = run_cli("info", str(grid), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"«{NBSP}{grid}{NBSP}» est un fichier {kind}, pas un fichier Atelier{NBSP}: pour reprendre "
        "sa grille, importez-le (Fichier\xa0›\xa0Importer une grille…, "
        f"Ctrl+I, ou «{NBSP}atelier import{NBSP}»)"
        f"\u202f; il n'a pas été modifié."
    )
    in_english = run_cli("info", str(grid), env={"ATELIER_LANG": "en"})
    assert in_english.stderr.strip().startswith(f"“{grid}” is {english} file, not an Atelier file")
    assert grid.read_bytes() == before


def test_ctrl_o_on_a_word_grid_says_to_import_it(qtbot, tmp_path: Path, no_modal_boxes: list[str]) -> None:
    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    current = window.store
    grid = tmp_path / "grille.docx"
    shutil.copy(GRID, grid)
    assert window.open_file(grid) is False
    assert len(no_modal_boxes) == 1 and "est un fichier Word" in no_modal_boxes[0]
    assert "Importer une grille" in no_modal_boxes[0]
    assert window.store is current
    assert grid.read_bytes() == GRID.read_bytes()


@pytest.mark.parametrize(("name", "kind"), [("grille.csv", "CSV"), ("grille.docx", "Word")])
def test_an_empty_grid_is_not_called_an_interrupted_copy_of_a_workshop(
    tmp_path: Path, name: str, kind: str
) -> None:
    """A CSV saved empty by mistake is a grid with nothing in it, not « sans doute une copie
    interrompue » of a workshop whose backups do not exist."""
    grid = tmp_path / name
    grid.write_bytes(b"")
    done = run_cli("info", str(grid), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 1
    assert f"est un fichier {kind}, pas un fichier Atelier" in done.stderr
    assert "copie interrompue" not in done.stderr
    assert grid.read_bytes() == b""
