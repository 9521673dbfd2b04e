"""« reconnu comme » quoted the grid's cell twice when the window had corrected a name the
cell still held, folded: « « Marie Dupont et Paul Martin / Mission locale » de la grille reconnu
comme « Marie Dupont et Paul Martin / Mission locale » du fichier », though the file names
« Paul Martín », or Marie alone. The file's side is now its people and structure as the file
has them (the cell only when it holds each name as written): each person named once, truly."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import run_cli

from .helpers.keyboard import active_window, reimport_by_keys

GRID = (
    "Participant;Besoins;Ressources\n"
    'Marie Dupont et Paul Martin / Mission locale;"Un local\nDes bénévoles";Annuaire\n'
    "Léa Petit / PLIE des Graves;Des contacts;Clauses sociales\n"
)
CELL = "Marie Dupont et Paul Martin / Mission locale"


def _corrected(tmp_path: Path, names: list[str]) -> tuple[Path, Path]:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    path = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    with Store.open(path) as store:  # the card's « Personnes », as the window writes it
        duo = store.participants(store.workshops()[0].id)[0]
        assert duo.names == ["Marie Dupont", "Paul Martin"]
        store.update_participant(duo.id, names=names)
    return grid, path


@pytest.mark.parametrize(
    ("names", "file_side"),
    [
        (["Marie Dupont", "Paul Martín"], "Marie Dupont et Paul Martín (Mission locale)"),
        (["Marie Dupont", "Paul MARTIN"], "Marie Dupont et Paul MARTIN (Mission locale)"),
        (["Marie Dupont"], "Marie Dupont (Mission locale)"),
    ],
)
def test_recognised_names_the_files_people_once(tmp_path: Path, names: list[str], file_side: str) -> None:
    grid, path = _corrected(tmp_path, names)

    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})

    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\xa0", " ")
    assert (
        f"« {CELL} » de la grille reconnu comme « {file_side} » du fichier (nom corrigé dans Atelier "
        "depuis le dernier import) : le nom du fichier est gardé." in said
    ), said
    assert said.count(CELL) == 1, said
    with Store.open(path, readonly=True) as store:
        assert store.participants(store.workshops()[0].id)[0].names == names


def test_in_english_too(tmp_path: Path) -> None:
    grid, path = _corrected(tmp_path, ["Marie Dupont", "Paul Martín"])

    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "en"})

    assert (
        f"“{CELL}” of the grid recognised as “Marie Dupont and Paul Martín (Mission locale)” of the file"
        in done.stdout
    ), done.stdout


def test_a_cell_retyped_in_the_window_is_still_quoted(tmp_path: Path) -> None:
    """The cell typed over in the window holds the names as the file has them: quoted."""
    grid, path = _corrected(tmp_path, ["Marie Dupont", "Paul Martin"])
    with Store.open(path) as store:  # the participant cell retyped, as the grid's editor writes it
        duo = store.participants(store.workshops()[0].id)[0]
        store.update_participant(
            duo.id,
            names=["Marie Dupont", "Paul Martin-Roux"],
            source_text="Marie Dupont et Paul Martin-Roux / Mission locale",
        )

    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})

    assert (
        f"«\xa0{CELL}\xa0» de la grille reconnu comme "
        "«\xa0Marie Dupont et Paul Martin-Roux / Mission locale\xa0» du fichier" in done.stdout
    ), done.stdout


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_says_it_once(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grid, path = _corrected(tmp_path, ["Marie Dupont", "Paul Martín"])
    window = active_window(qtbot, path)

    text = reimport_by_keys(qtbot, monkeypatch, grid)

    assert (
        f"«\xa0{CELL}\xa0» de la grille reconnu comme «\xa0Marie Dupont et Paul Martín (Mission locale)\xa0» "
        "du fichier" in text
    ), text
    assert text.count(CELL) == 1, text
    window.close()
