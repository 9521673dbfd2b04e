"""The backups offered by Fichier › Restaurer une sauvegarde… can be told apart. Two made in
the same second (the copy made on opening, then the one made before a restore) read « Sauvegarde
du 22/11/2026 à 14:03:05 — 2 participants, 2 éléments » both: the user could not tell which
was which, and choosing the second put back the first. Each line now says why the copy was
made, and the moment to the millisecond when the second is not enough."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

from atelier.backups import backups_of, folder_for, told_apart
from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store

from .helpers.keyboard import active_window

pytestmark = pytest.mark.usefixtures("no_modal_boxes")
SHIFT_CTRL = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier


def _backup(path: Path, place: str, stamp: str) -> None:
    """A copy of `path` with the workshop held in `place`, among its backups at `stamp`."""
    with Store.open(path) as store:
        store.update_workshop(store.workshops()[0].id, place=place)
        folder = folder_for(path)
        folder.mkdir(parents=True, exist_ok=True)
        store.save_copy(folder / f"{stamp}-{store.fingerprint()}.atelier")


def _place(path: Path) -> str:
    with Store.open(path, readonly=True) as store:
        return store.workshops()[0].place


def test_two_backups_of_the_same_second_read_differently_and_the_one_chosen_comes_back(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "atelier.atelier"
    with Store.create(path, title="Atelier du réseau", date="2026-03-16") as store:
        workshop_id = store.workshops()[0].id
        for name in ("Lucie Leroy", "Paul Roux"):
            person = store.add_participant(Participant(workshop_id, names=[name]))
            store.add_item(Item(person.id, ItemKind.NEED, "un lieu"))
    # Made in one second, by the Atelier of before (no reason in their names).
    _backup(path, "Salle A", "20261122-130305-100")
    _backup(path, "Salle B", "20261122-130305-900")
    _backup(path, "Salle du conseil", "20261122-131000-000")
    with Store.open(path) as store:
        store.update_workshop(store.workshops()[0].id, place="Salle des fêtes")  # as it is now
    window = active_window(qtbot, path)
    seen: dict[str, list[str]] = {}

    def choose(dialog: QInputDialog) -> None:
        seen["items"] = dialog.comboBoxItems()
        # The older of the two (Salle A), by the keyboard, in the dialog's list.
        combo = dialog.findChild(QComboBox)
        for _ in range(seen["items"].index(next(i for i in seen["items"] if ",100" in i))):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, look)
            return
        try:
            choose(dialog)
        finally:  # never a dialog left waiting offscreen, whatever went wrong
            seen.setdefault("items", dialog.comboBoxItems())
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(50, look)
    try:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, SHIFT_CTRL)
        qtbot.waitUntil(lambda: "items" in seen, timeout=5000)
        items = seen["items"]
        assert len(set(items)) == len(items), items  # none reads like another
        # The two of the same second, to the millisecond; the other one, to the second.
        second = f"{datetime(2026, 11, 22, 13, 3, 5, tzinfo=UTC).astimezone():%H:%M:%S}"
        assert any(f"{second},100" in i for i in items) and any(f"{second},900" in i for i in items), items
        alone = f"{datetime(2026, 11, 22, 13, 10, tzinfo=UTC).astimezone():%H:%M:%S}"
        assert any(f"{alone} " in i or f"{alone}," in i for i in items), items
        assert not any(f"{alone},000" in i for i in items), items  # its second is enough
        # The copy made as the window opened the file says so.
        assert items[0].startswith("Sauvegarde du ") and "(à l'ouverture) — 2 participants" in items[0], items
        qtbot.waitUntil(lambda: _place(path) == "Salle A", timeout=5000)
    finally:
        window.close()
    english = told_apart(backups_of(path), "en")
    assert english[0].endswith(" (when opened)") and any(".900" in line for line in english), english


def test_each_copy_says_why_it_was_made(tmp_path: Path) -> None:
    """The copies made by the command line too: before a re-import, before a workshop is deleted."""
    from .conftest import run_cli

    grid, path = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text("Participant;Besoins\nZoé Martin;un lieu\n", encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    grid.write_text("Participant;Besoins\nZoé Martin;un local\n", encoding="utf-8")
    assert run_cli("import", str(grid), "--into", str(path)).returncode == 0
    assert run_cli("workshops", str(path), "--add", "--title", "Atelier de mai").returncode == 0
    done = run_cli("workshops", str(path), "--delete", "Atelier de mai", "--oui")
    assert done.returncode == 0, done.stderr
    said = told_apart(backups_of(path))
    assert [line.split(" (")[-1] for line in said] == [
        "avant la suppression d'un atelier)",
        "avant un import)",
    ]
