"""A grid imported again (`atelier import GRID --into FILE`) after the facilitator corrected a
name in the window (« Maxime Roby » now « Maxime Roby-Martin », same structure, same lines):
the person was in the file twice (« 1 ajouté, 1 absent de la grille conservé »), each of his
lines doubled in the minutes. The row is now recognised by its structure and its lines, the
name corrected in the window kept, and said; when which participant of the file a row is
cannot be told, it is added beside them and said, never silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import run_cli

from .helpers.keyboard import active_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")

GRID = (
    "Atelier du 3 mars 2027\n"
    "Participant;Actions;Besoins;Ressources\n"
    "Maxime Roby / PETR Monts et Barrages;Forum des métiers;Un minibus;Ateliers CV\n"
    "Anne Roux / PLIE des Graves;Job dating;Garde d'enfants;Mobilité\n"
    "Karim Haddad / Cap emploi;Parrainage;Employeurs;Formations\n"
)


def _people(path: Path) -> list[dict]:
    out = run_cli("export", str(path), "--json", "-")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["workshops"][0]["participants"]


def test_a_name_corrected_in_the_window_is_not_doubled_by_a_reimport(qtbot, tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    target = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0

    window = active_window(qtbot, target)
    key(qtbot, Qt.Key.Key_Home, CTRL)  # Maxime Roby's participant cell
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text("Maxime Roby-Martin / PETR Monts et Barrages")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    window.close()
    assert [p["names"] for p in _people(target)][0] == ["Maxime Roby-Martin"]

    done = run_cli("import", str(grid), "--into", str(target))

    assert done.returncode == 0, done.stderr
    people = _people(target)
    assert [p["names"] for p in people] == [["Maxime Roby-Martin"], ["Anne Roux"], ["Karim Haddad"]], people
    assert people[0]["actions"] == ["Forum des métiers"] and people[0]["needs"] == ["Un minibus"]
    said = done.stdout.replace("\u202f", " ").replace("\xa0", " ")
    assert "3 participants retrouvés sans changement, 0 ajouté" in said, said
    assert (
        "« Maxime Roby / PETR Monts et Barrages » de la grille reconnu comme « Maxime Roby-Martin / "
        "PETR Monts et Barrages » du fichier" in said
    ), said


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_row_that_may_be_one_of_two_is_added_and_said(tmp_path: Path, lang: str) -> None:
    first = tmp_path / "grille.csv"
    first.write_text(
        "Participant;Actions;Besoins\nP. Petit (Mission locale du Médoc);Garantie jeunes;Permis\n",
        encoding="utf-8",
    )
    target = tmp_path / "atelier.atelier"
    assert run_cli("import", str(first), "-o", str(target)).returncode == 0
    again = tmp_path / "grille2.csv"
    again.write_text(
        "Participant;Actions;Besoins\n"
        "Paul Petit (Mission locale du Médoc);Garantie jeunes;Permis\n"
        "Jeanne Petit (Mission locale du Médoc);Garantie jeunes;Permis\n",
        encoding="utf-8",
    )

    done = run_cli("import", str(again), "--into", str(target), env={"ATELIER_LANG": lang})

    assert done.returncode == 0, done.stderr
    assert len(_people(target)) == 3
    said = done.stdout.replace("\u202f", " ").replace("\xa0", " ")
    if lang == "fr":
        assert (
            "« Paul Petit (Mission locale du Médoc) » de la grille ajouté à côté de « P. Petit (Mission "
            "locale du Médoc) » du fichier, qui lui ressemble" in said
        ), said
    else:
        assert "“Jeanne Petit (Mission locale du Médoc)” of the grid added beside “P. Petit" in said, said
