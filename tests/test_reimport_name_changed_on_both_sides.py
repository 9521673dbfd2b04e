"""A name corrected in the window (« Paul Durant ») that the grid re-imported changed too, to
something else (« Paul Dupond »): the re-import kept the file's name and said only that the
grid's row was « reconnu comme » the file's participant, « le nom du fichier est gardé », as
for a correction the grid did not touch, while the summary lists apart the edits kept « alors
que la grille dit autre chose ». Now it is one of those, said with the grid's name; the edits
the grid did not change are counted without it."""

from __future__ import annotations

from pathlib import Path

from atelier.store import Store
from tests.conftest import run_cli

HEADER = "Nom;Structure;Territoire;Fonction;Besoins;Ressources\n"
LEA = "Léa Petit;PLIE des Graves;Gironde;Chargée de mission;Des contacts entreprises;Clauses sociales\n"


def _paul(name: str) -> str:
    return f'{name};Mission locale;Landes;Conseiller;"Trouver un local\nUn financement";Annuaire\n'


def _corrected_in_the_window(tmp_path: Path) -> tuple[Path, Path]:
    grid = tmp_path / "grille.csv"
    grid.write_text(HEADER + _paul("Paul Durand") + LEA, encoding="utf-8")
    path = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": "fr"}).returncode == 0
    with Store.open(path) as store:  # the card's « Personnes » and « Territoire », as the window writes them
        paul = store.participants(store.workshops()[0].id)[0]
        store.update_participant(paul.id, names=["Paul Durant"], territory="Mont-de-Marsan")
    return grid, path


def _names(path: Path) -> list[list[str]]:
    with Store.open(path, readonly=True) as store:
        return [p.names for p in store.participants(store.workshops()[0].id)]


def test_a_name_changed_in_the_window_and_in_the_grid_is_said_with_the_grids(tmp_path: Path) -> None:
    grid, path = _corrected_in_the_window(tmp_path)
    grid.write_text(HEADER + _paul("Paul Dupond") + LEA, encoding="utf-8")
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\xa0", " ")
    assert _names(path) == [["Paul Durant"], ["Léa Petit"]]
    # the territory is the one edit the grid did not change
    assert (
        "1 modification faite dans Atelier depuis le dernier import, que la grille n'a pas changée" in said
    ), said
    assert (
        "1 modification faite dans Atelier depuis le dernier import est gardée, "
        "alors que la grille dit autre chose :\n"
        "  Paul Durant (Mission locale), nom : « Paul Durant » (dans la grille : « Paul Dupond »)" in said
    ), said
    assert "reconnu comme" not in said, said


def test_a_name_corrected_in_the_window_only_is_still_said_recognised(tmp_path: Path) -> None:
    grid, path = _corrected_in_the_window(tmp_path)
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    said = done.stdout.replace("\xa0", " ")
    assert _names(path) == [["Paul Durant"], ["Léa Petit"]]
    assert "(nom corrigé dans Atelier depuis le dernier import) : le nom du fichier est gardé." in said, said
    assert "alors que la grille dit autre chose" not in said, said
