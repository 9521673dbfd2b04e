"""A name the grid re-imported spells otherwise (« Paul Dupont » now « Paul Dupond »), which
the window never touched, kept the file's name: « reconnu comme … le nom du fichier est
gardé », as for a correction made in Atelier, though the three-way rule takes a change of the
grid the window did not make. It is now taken, and said: « nom : « Paul Dupont » → « Paul
Dupond » ». A name the window corrected stays (test_reimport_name_changed_on_both_sides); a
grid row whose names share no word with the file's (someone else of the same structure?) keeps
the file's name as before, said so again at the next re-import, never « corrigé dans Atelier »."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import run_cli

from .helpers.keyboard import active_window, reimport_by_keys

HEADER = "Nom;Structure;Territoire;Fonction;Besoins;Ressources\n"
LEA = "Léa Petit;PLIE des Graves;Gironde;Chargée de mission;Des contacts entreprises;Clauses sociales\n"


def _paul(name: str) -> str:
    return f'{name};Mission locale;Landes;Conseiller;"Trouver un local\nUn financement";Annuaire\n'


def _imported(tmp_path: Path, name: str = "Paul Dupont") -> tuple[Path, Path]:
    grid = tmp_path / "grille.csv"
    grid.write_text(HEADER + _paul(name) + LEA, encoding="utf-8")
    path = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": "fr"}).returncode == 0
    return grid, path


def _names(path: Path) -> list[list[str]]:
    with Store.open(path, readonly=True) as store:
        return [p.names for p in store.participants(store.workshops()[0].id)]


def _reimport(grid: Path, path: Path, lang: str = "fr") -> str:
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return done.stdout.replace("\xa0", " ").replace("\u202f", " ")


def test_a_name_changed_in_the_grid_only_is_taken_and_said(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    grid.write_text(HEADER + _paul("Paul Dupond") + LEA, encoding="utf-8")

    said = _reimport(grid, path)

    assert _names(path) == [["Paul Dupond"], ["Léa Petit"]], said
    assert "1 participant mis à jour, 1 retrouvé sans changement, 0 ajouté" in said, said
    assert (
        "1 nom changé dans la grille depuis le dernier import est repris :\n"
        "  Paul Dupond (Mission locale), nom : « Paul Dupont » → « Paul Dupond »" in said
    ), said
    assert "reconnu comme" not in said and "gardé" not in said.split("Sauvegarde")[0], said
    # the grid's cell too: the minutes and the next re-import know him by it
    with Store.open(path, readonly=True) as store:
        paul = store.participants(store.workshops()[0].id)[0]
    assert paul.source_text.startswith("Paul Dupond"), paul.source_text
    again = _reimport(grid, path)
    assert "2 participants retrouvés sans changement, 0 ajouté" in again, again
    assert "nom" not in again.split("Grille réimportée")[1].split("Sauvegarde")[0], again
    assert _names(path) == [["Paul Dupond"], ["Léa Petit"]]


def test_the_name_taken_is_said_in_english(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    grid.write_text(HEADER + _paul("Paul Dupond") + LEA, encoding="utf-8")

    said = _reimport(grid, path, "en")

    assert (
        "1 name changed in the grid since the last import is taken:\n"
        "  Paul Dupond (Mission locale), name: “Paul Dupont” → “Paul Dupond”" in said
    ), said


def test_two_names_of_one_cell_respelled_are_said_once(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path, "Paul Dupont et Marie Lenoir")
    grid.write_text(HEADER + _paul("Paul Dupond et Marie Lenoir") + LEA, encoding="utf-8")

    said = _reimport(grid, path)

    assert _names(path) == [["Paul Dupond", "Marie Lenoir"], ["Léa Petit"]], said
    assert (
        "1 nom changé dans la grille depuis le dernier import est repris :\n"
        "  Paul Dupond et Marie Lenoir (Mission locale), nom : « Paul Dupont, Marie Lenoir » → "
        "« Paul Dupond, Marie Lenoir »" in said
    ), said


def test_someone_else_of_the_structure_keeps_the_files_name_and_says_it_again(tmp_path: Path) -> None:
    """No word of the names in common: maybe another person of the Mission locale came with
    the same needs. The file's name is kept, as before, and the next re-import says the same,
    not that the name was « corrigé dans Atelier » (nobody corrected it)."""
    grid, path = _imported(tmp_path)
    grid.write_text(HEADER + _paul("Karim Haddad") + LEA, encoding="utf-8")

    said = _reimport(grid, path)

    assert _names(path) == [["Paul Dupont"], ["Léa Petit"]], said
    assert "de la grille reconnu comme « Paul Dupont / Mission locale" in said, said
    assert "structure ou nom en commun, mêmes éléments) : le nom du fichier est gardé." in said, said
    assert "nom changé dans la grille" not in said, said
    again = _reimport(grid, path)
    assert _names(path) == [["Paul Dupont"], ["Léa Petit"]], again
    assert "structure ou nom en commun, mêmes éléments) : le nom du fichier est gardé." in again, again
    assert "corrigé dans Atelier" not in again, again


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_takes_the_grids_name_and_says_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid, path = _imported(tmp_path)
    window = active_window(qtbot, path)
    grid.write_text(HEADER + _paul("Paul Dupond") + LEA, encoding="utf-8")

    text = reimport_by_keys(qtbot, monkeypatch, grid)

    assert (
        "1 nom changé dans la grille depuis le dernier import repris\xa0: "
        "Paul Dupond (Mission locale), nom\xa0: «\xa0Paul Dupont\xa0» → «\xa0Paul Dupond\xa0»." in text
    ), text
    assert "reconnu comme" not in text, text
    assert window.model.data(window.model.index(0, 0)).startswith("Paul Dupond"), text
    window.close()
    assert _names(path) == [["Paul Dupond"], ["Léa Petit"]]


def test_his_decided_match_and_follow_up_stay_his_under_the_name_taken(tmp_path: Path) -> None:
    """The same person recognised: the match decided for him and its follow-up are his still,
    now said with the grid's spelling."""
    from atelier.domain import FollowUp, ItemKind, Match, MatchStatus

    grid, path = _imported(tmp_path)
    with Store.open(path) as store:
        workshop = store.workshops()[0].id
        paul, lea = store.participants(workshop)
        need = store.items(paul.id, ItemKind.NEED)[0]
        offer = store.items(lea.id, ItemKind.OFFER)[0]
        match = store.add_match(Match(workshop, need.id, offer.id, MatchStatus.CONFIRMED, 0.5))
        store.set_follow_up(match.id, FollowUp.CONTACTED, note="Appel à Léa")
    grid.write_text(HEADER + _paul("Paul Dupond") + LEA, encoding="utf-8")

    said = _reimport(grid, path)

    assert "0 ajouté" in said and "0 absent" in said, said
    listed = run_cli("suivi", str(path), env={"ATELIER_LANG": "fr"}).stdout.replace("\xa0", " ")
    assert "Paul Dupond" in listed and "Appel à Léa" in listed, listed
    assert "Paul Dupont" not in listed, listed
