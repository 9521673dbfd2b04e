"""Rolling backups made on opening, and restoring one from the window."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.backups import KEEP, backups_of, make_backup
from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT, example_window


def test_opening_the_window_backs_the_file_up_with_the_backup_api(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    # Left alone, the window makes the copy once it is idle (opening did not wait for it).
    qtbot.waitUntil(lambda: len(backups_of(window.store.path)) == 1, timeout=10_000)
    (backup,) = backups_of(window.store.path)
    assert backup.path.parent.parent.name == "sauvegardes"
    with Store.open(backup.path, readonly=True) as copy:
        assert copy.integrity_check() == "ok"
        assert len(copy.participants(window.model.workshop_id)) == window.model.rowCount()
    # A copy of a live WAL database: complete on its own, no -wal file beside it.
    assert not backup.path.with_name(backup.path.name + "-wal").exists()


def test_an_edit_made_at_once_is_written_after_the_copy_of_the_file_as_opened(qtbot, tmp_path: Path) -> None:
    """The copy waits for the window to be idle, but never lets an edit reach the file first."""
    window = example_window(qtbot, tmp_path)
    first = window.model.participant_at(0)
    opened = [i.text for i in window.store.items(first.id, ItemKind.NEED)]
    assert backups_of(window.store.path) == []  # not yet: the window showed without waiting
    window.model.setData(window.model.index(0, 3), "Besoin tapé aussitôt")  # the needs column
    (backup,) = backups_of(window.store.path)
    with Store.open(backup.path, readonly=True) as copy:
        assert [i.text for i in copy.items(first.id, ItemKind.NEED)] == opened
    assert [i.text for i in window.store.items(first.id, ItemKind.NEED)] == ["Besoin tapé aussitôt"]


def test_backups_roll_and_skip_unchanged_content(store: Store) -> None:
    workshop_id = store.workshops()[0].id
    first = make_backup(store, "open")
    assert first is not None
    make_backup(store, "open")
    assert len(backups_of(store.path)) == 1  # nothing changed: no second copy
    for number in range(KEEP + 3):
        store.update_workshop(workshop_id, place=f"Salle {number}")
        make_backup(store, "open")
    kept = backups_of(store.path)
    assert len(kept) == KEEP
    with Store.open(kept[0].path, readonly=True) as newest:
        assert newest.workshop(workshop_id).place == f"Salle {KEEP + 2}"


def test_a_backup_that_cannot_be_written_never_stops_the_opening(store: Store, monkeypatch, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("ATELIER_DATA_DIR", str(blocker))
    assert make_backup(store, "open") is None


def test_restoring_a_backup_from_the_window_brings_the_grid_back(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    model = window.model
    first = model.participant_at(0)
    before = [i.text for i in window.store.items(first.id, ItemKind.NEED)]
    window.store.set_cell(first.id, ItemKind.NEED, ["Besoin tapé par erreur"])
    model.reload()
    (opened,) = backups_of(window.store.path)  # made before that first write

    assert window.restore_backup(opened.path, confirm=False)
    assert [i.text for i in window.store.items(first.id, ItemKind.NEED)] == before
    assert [i.text for i in model.items_of(first.id, ItemKind.NEED)] == before  # the grid shows it
    # One step on the undo stack: Ctrl+Z puts back what the restore replaced.
    assert model.undo_stack.undoText() == "Restaurer une sauvegarde"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClicks(window, "z", modifier=Qt.KeyboardModifier.ControlModifier)
    assert [i.text for i in window.store.items(first.id, ItemKind.NEED)] == ["Besoin tapé par erreur"]
    model.undo_stack.redo()
    assert [i.text for i in window.store.items(first.id, ItemKind.NEED)] == before
    # The state just replaced was backed up first: the restore can be undone the same way.
    states = backups_of(window.store.path)
    assert len(states) == 2
    with Store.open(states[0].path, readonly=True) as replaced:
        assert [i.text for i in replaced.items(first.id, ItemKind.NEED)] == ["Besoin tapé par erreur"]


def test_restoring_refuses_a_file_that_is_not_atelier_and_changes_nothing(
    qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = example_window(qtbot, tmp_path)
    foreign = tmp_path / "autre.atelier"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    rows = window.model.rowCount()
    assert not window.restore_backup(foreign, confirm=False)
    assert shown and "n'est pas un fichier Atelier" in shown[0]
    assert window.model.rowCount() == rows


def test_merging_a_file_from_the_window(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    other = tmp_path / "table-2.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", other)
    from atelier.domain import Participant

    with Store.open(other) as second:
        workshop_id = second.workshops()[0].id
        second.add_participant(Participant(workshop_id, names=["Nina Vidal"], organisation="Mission locale"))
    rows = window.model.rowCount()
    summary = window.merge_file(other, report=False)
    assert summary is not None and summary.added["participants"] == 1
    assert window.model.rowCount() == rows + 1
    assert "Nina Vidal" in window.model.participant_at(rows).names
    assert "1 entrée ajoutée depuis" in window.saved_label.text()  # never « entrée(s) »
    # Undone and redone as one step.
    window.undo_action.trigger()
    assert window.model.rowCount() == rows
    window.redo_action.trigger()
    assert window.model.rowCount() == rows + 1


def test_the_participant_card_shows_the_merged_values(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    other = tmp_path / "table-2.atelier"
    shutil.copy(window.store.path, other)
    first = window.model.participant_at(0)
    window.grid.setCurrentIndex(window.proxy.index(0, 0))
    with Store.open(other) as second:
        second.update_participant(first.id, territory="Monts et barrages (table 2)")
    window.merge_file(other, report=False)
    assert window.panel.territory.text() == "Monts et barrages (table 2)"


def test_merging_a_file_of_another_workshop_asks_first(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = example_window(qtbot, tmp_path)
    stranger = tmp_path / "autre-atelier.atelier"
    Store.create(stranger, title="Un autre atelier").close()
    asked: list[str] = []

    def refuse(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    rows = window.model.rowCount()
    assert window.merge_file(stranger, report=False) is None
    assert asked and "ne contient pas cet atelier" in asked[0]
    assert window.model.rowCount() == rows
    with Store.open(window.store.path, readonly=True) as store:
        assert len(store.workshops()) == 1


def test_a_file_removed_while_open_is_said_and_its_edits_saved_elsewhere(qtbot, tmp_path: Path) -> None:
    """The USB stick is pulled out mid-workshop: SQLite would go on writing to a file that
    no longer exists. The window says so at the next edit, and a copy keeps everything."""
    from PySide6.QtWidgets import QApplication

    from atelier.ui.commands import EditCell, push

    window = example_window(qtbot, tmp_path)
    path = window.store.path
    first = window.model.participant_at(0)
    path.unlink()
    assert push(
        window.model, EditCell(window.model, first.id, ItemKind.NEED, ["Besoin tapé après le retrait"])
    )
    assert "n'est plus sur le disque" in window.saved_label.text()
    assert "Enregistré" not in window.saved_label.text()
    # Said once above the grid (no box to take the keys), then in the status bar at each edit.
    assert QApplication.activeModalWidget() is None
    assert window.readonly_banner.text().count("n'est plus sur le disque") == 1
    push(window.model, EditCell(window.model, first.id, ItemKind.OFFER, ["Offre tapée ensuite"]))
    assert window.readonly_banner.text().count("n'est plus sur le disque") == 1
    assert "n'est plus sur le disque" in window.saved_label.text()

    rescue = tmp_path / "secours" / "atelier"
    rescue.parent.mkdir()
    assert window.save_copy(rescue)
    saved = rescue.with_name("atelier.atelier")
    assert window.store.path == saved  # the copy is now the open file
    with Store.open(saved, readonly=True) as copy:
        assert [i.text for i in copy.items(first.id, ItemKind.NEED)] == ["Besoin tapé après le retrait"]
        assert [i.text for i in copy.items(first.id, ItemKind.OFFER)] == ["Offre tapée ensuite"]
    push(window.model, EditCell(window.model, first.id, ItemKind.NEED, ["Encore un besoin"]))
    assert window.saved_label.text().startswith("Enregistré à")


def test_saving_a_copy_onto_the_open_file_changes_nothing(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    window = example_window(qtbot, tmp_path)
    path = window.store.path
    before = path.read_bytes()
    assert not window.save_copy(path)  # refused, in one sentence (tests/test_save_copy_truth.py)
    assert len(no_modal_boxes) == 1 and "est le fichier ouvert" in no_modal_boxes[0]
    assert window.store.path == path and not window.store.readonly
    assert path.read_bytes() == before


def test_the_copy_of_a_replaced_workshop_is_not_rolled_away(store: Store) -> None:
    """A workshop replaced by another file (a new workshop, an imported grid… saved over it)
    has its only copy among the backups, « avant un remplacement ». Opening the new file five
    times made five copies of it, and the rolling limit deleted that copy: the old workshop was
    gone for good. Such a copy stays, whatever the number of copies made after it."""
    from atelier.backups import keep_replaced

    workshop_id = store.workshops()[0].id
    store.update_workshop(workshop_id, place="Salle du premier atelier")
    store.close()
    replaced = keep_replaced(store.path)
    assert replaced is not None
    with Store.open(store.path) as reopened:
        for number in range(KEEP + 3):
            reopened.update_workshop(workshop_id, place=f"Salle {number}")
            make_backup(reopened, "open")
        kept = backups_of(reopened.path)
    assert replaced.path in [b.path for b in kept]
    assert len([b for b in kept if b.reason == "open"]) == KEEP
    with Store.open(replaced.path, readonly=True) as old:
        assert old.workshop(workshop_id).place == "Salle du premier atelier"
