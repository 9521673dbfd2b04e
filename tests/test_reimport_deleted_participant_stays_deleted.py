"""A participant deleted in the window (« effacez-moi », said in the room) came back with the
next re-import of the same grid, counted « 1 ajouté » and named nowhere: her row, her lines,
in the file and in the minutes again. And a re-import said « N participants mis à jour » of
every participant it found again, even when it changed nothing of theirs.

A participant a grid gave, deleted in the window, leaves the file a digest of how the grid
names her (her cell, or her names and structure; never her words): her row, re-imported,
stays deleted and the summary names it. « Mis à jour » counts only the participants whose
fields or lines the re-import changed; the others are said found again unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli

from .helpers.keyboard import active_window, key, reimport_by_keys

HEADER = "Nom;Structure;Territoire;Fonction;Besoins;Ressources\n"
ROWS = (
    'Paul Durand;Mission locale;Landes;Conseiller;"Trouver un local\nUn financement";Annuaire\n'
    "Anne Martin;PLIE des Graves;Gironde;Chargée de mission;Des contacts entreprises;Clauses sociales\n"
    "Marc Leroy;Pôle emploi;Landes;Conseiller;Un lieu de réunion;Un local\n"
)
CTRL = Qt.KeyboardModifier.ControlModifier


def _imported(tmp_path: Path, lang: str = "fr") -> tuple[Path, Path]:
    grid = tmp_path / "grille.csv"
    grid.write_text(HEADER + ROWS, encoding="utf-8")
    path = tmp_path / f"atelier-{lang}.atelier"
    done = run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return grid, path


def _people(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [p.display_name() for p in store.participants(store.workshops()[0].id)]


def _delete(path: Path, name: str) -> None:
    with Store.open(path) as store:  # what Ctrl+Suppr does in the window
        (anne,) = [p for p in store.participants(store.workshops()[0].id) if p.names == [name]]
        store.delete_participant(anne.id)


def _words(path: Path) -> bytes:
    return path.read_bytes()


def test_a_participant_deleted_in_the_window_stays_deleted_and_is_named(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    _delete(path, "Anne Martin")
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert _people(path) == ["Paul Durand (Mission locale)", "Marc Leroy (Pôle emploi)"]
    assert "0 ajouté" in done.stdout, done.stdout
    assert (
        "1 ligne de la grille, supprimée dans Atelier, n'a pas été réimportée\xa0: "
        "Anne Martin (PLIE des Graves)." in done.stdout
    ), done.stdout
    # her words are not kept in the file to know her again
    assert b"Anne" not in _words(path) and b"Martin" not in _words(path)
    # and once more: still deleted, still said
    again = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert _people(path) == ["Paul Durand (Mission locale)", "Marc Leroy (Pôle emploi)"]
    assert "Anne Martin (PLIE des Graves)." in again.stdout, again.stdout


def test_her_row_changed_by_the_grid_stays_deleted_too_and_english_says_it(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path, "en")
    _delete(path, "Anne Martin")
    _delete(path, "Marc Leroy")
    grid.write_text(
        HEADER + ROWS.replace("Clauses sociales", '"Clauses sociales\nUn local"'), encoding="utf-8"
    )
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert _people(path) == ["Paul Durand (Mission locale)"]
    assert (
        "2 grid rows, deleted in Atelier, were not imported again: "
        "Anne Martin (PLIE des Graves) and Marc Leroy (Pôle emploi)." in done.stdout
    ), done.stdout


def test_a_participant_of_the_same_names_elsewhere_or_of_another_workshop_is_added(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    _delete(path, "Anne Martin")
    grid.write_text(
        HEADER + ROWS.replace("Anne Martin;PLIE des Graves", "Anne Martin;Cap emploi"), encoding="utf-8"
    )
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert "Anne Martin (Cap emploi)" in _people(path), done.stdout
    assert "1 ajouté" in done.stdout and "supprimée" not in done.stdout, done.stdout


def test_a_participant_deleted_then_put_back_is_found_again(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    with Store.open(path) as store:
        (anne,) = [p for p in store.participants(store.workshops()[0].id) if p.names == ["Anne Martin"]]
        store.restore_participant(store.delete_participant(anne.id))  # Ctrl+Suppr, Ctrl+Z
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert len(_people(path)) == 3 and "supprimée" not in done.stdout, done.stdout


def test_only_the_participants_changed_are_said_updated(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    same = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert "Grille réimportée dans" in same.stdout, same.stdout
    assert "3 participants retrouvés sans changement, 0 ajouté" in same.stdout, same.stdout
    assert "mis à jour" not in same.stdout, same.stdout
    # the grid changes Marc's offer: he is updated, the two others are found again as they were
    grid.write_text(HEADER + ROWS.replace(";Un local\n", ";Un local à Dax\n"), encoding="utf-8")
    one = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert "1 participant mis à jour, 2 retrouvés sans changement, 0 ajouté" in one.stdout, one.stdout
    english = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert "3 participants unchanged, 0 added" in english.stdout, english.stdout
    # a line deleted in the window, which the grid did not change, stays deleted: nothing changed
    with Store.open(path) as store:
        paul = store.participants(store.workshops()[0].id)[0]
        store.set_cell(paul.id, ItemKind.NEED, ["Trouver un local"])
    kept = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert "3 participants retrouvés sans changement" in kept.stdout, kept.stdout


def _file(path: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_keeps_her_deleted_says_it_and_undoes_the_reimport(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid, path = _imported(tmp_path)
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_Down)  # Anne Martin's row
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: len(_people(path)) == 2, timeout=5_000)
    assert "Anne Martin (PLIE des Graves)" not in _people(path)
    before = _file(path)

    text = reimport_by_keys(qtbot, monkeypatch, grid)
    assert len(_people(path)) == 2, text
    assert "0 ajouté" in text and "2 participants retrouvés sans changement" in text, text
    assert (
        "1 ligne de la grille, supprimée dans Atelier, n'a pas été réimportée\xa0: "
        "Anne Martin (PLIE des Graves)." in text
    ), text

    # nothing else brought in: the file exactly as it was (test_reimport_unchanged_writes_nothing)
    assert "qui n'a pas été modifié." in text, text
    assert _file(path) == before

    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5_000)
    key(qtbot, Qt.Key.Key_Z, CTRL)  # no re-import step to undo: her deletion is undone
    qtbot.waitUntil(lambda: len(_people(path)) == 3, timeout=5_000)
    window.close()


def test_her_row_is_not_taken_for_someone_added_in_the_window(tmp_path: Path) -> None:
    """Marie Lenoir came in her place, of the same structure with the same need: Anne's row,
    re-imported, is not taken for Marie's (« reconnu comme »), Marie stays as typed."""
    from atelier.domain import Item, Participant

    grid, path = _imported(tmp_path)
    _delete(path, "Anne Martin")
    with Store.open(path) as store:  # as Ctrl+N then typing does
        workshop_id = store.workshops()[0].id
        marie = store.add_participant(
            Participant(workshop_id, names=["Marie Lenoir"], organisation="PLIE des Graves")
        )
        store.add_item(Item(marie.id, ItemKind.NEED, "Des contacts entreprises"))
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert "Marie Lenoir (PLIE des Graves)" in _people(path) and len(_people(path)) == 3, done.stdout
    assert "reconnu comme" not in done.stdout, done.stdout
    assert "Anne Martin (PLIE des Graves)." in done.stdout, done.stdout


def test_deleted_on_the_other_laptop_she_stays_deleted_after_the_merge(tmp_path: Path) -> None:
    """Deleted in a colleague's copy, merged (`atelier merge`), then the grid re-imported into
    the merged file: she stays deleted there too."""
    import shutil

    grid, path = _imported(tmp_path)
    other = tmp_path / "collegue.atelier"
    shutil.copy(path, other)
    _delete(other, "Anne Martin")
    merged = tmp_path / "fusion.atelier"
    done = run_cli("merge", str(path), str(other), "-o", str(merged), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert len(_people(merged)) == 2, done.stdout
    again = run_cli("import", str(grid), "--into", str(merged), env={"ATELIER_LANG": "fr"})
    assert again.returncode == 0, again.stderr
    assert _people(merged) == ["Paul Durand (Mission locale)", "Marc Leroy (Pôle emploi)"], again.stdout
    assert "Anne Martin (PLIE des Graves)." in again.stdout, again.stdout
