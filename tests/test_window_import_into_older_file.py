"""A grid brought from the window into a file of an older format (« Réimporter la grille… »,
a past grid as a new workshop): cancelled or refused, the file is byte-identical, still at its
own format; written, it is at today's format, a copy at its own format among its backups."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from atelier.backups import backups_of
from atelier.store import SCHEMA_VERSION, Store
from tests.helpers.keyboard import reimport_by_keys

FIXTURES = Path(__file__).parent / "fixtures"
OLD = FIXTURES / "format-v14.atelier"  # « Atelier écrit au format 1 »: Lucie Leroy, Grégory TALVY


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _format(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _box() -> QProgressDialog | None:
    shown = [b for b in QApplication.allWidgets() if isinstance(b, QProgressDialog) and b.isVisible()]
    return shown[0] if shown else None


@pytest.fixture
def old(tmp_path: Path) -> Path:
    folder = tmp_path / "ancien"
    folder.mkdir()
    path = folder / "ancien.atelier"
    shutil.copy(OLD, path)
    assert _format(path) == 14 < SCHEMA_VERSION
    return path


@pytest.fixture
def grid(tmp_path: Path) -> Path:
    path = tmp_path / "grille.csv"
    path.write_text(
        "Nom;Structure;Besoins;Ressources\n"
        "Lucie Leroy;Grand Angoulême;besoin d'un répertoire d'initiatives locales;\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def window_on_old(qtbot, tmp_path: Path, old: Path):
    """The older file opened in the window (Fichier › Ouvrir), its copy of the opening made,
    the window active, the grid focused."""
    from atelier.ui.operations import files
    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    assert files.open_file(window, old)
    qtbot.waitUntil(lambda: len(backups_of(old)) == 1, timeout=10_000)  # the copy made when idle
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    return window


@pytest.fixture
def held(monkeypatch):
    """Store.reimport_grid and Store.add_workshop_with_grid wait at their first row, in their
    transaction, until the UI thread has done `action` (set by the test)."""
    state: dict = {"action": lambda: False, "ran": threading.Event()}

    def gate(name: str) -> None:
        original = getattr(Store, name)

        def wrapped(self, first, rows, progress=None, **more):
            def step(done: int, total: int) -> None:
                state["ran"].wait(5)
                if progress is not None:
                    progress(done, total)

            step(0, len(rows))
            return original(self, first, rows, step, **more)

        monkeypatch.setattr(Store, name, wrapped)

    gate("reimport_grid")
    gate("add_workshop_with_grid")

    def tick() -> None:
        if not state["ran"].is_set() and state["action"]():
            state["ran"].set()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    yield state
    timer.stop()


def _escape() -> bool:
    """« Annuler » from the keyboard, once the progress box is up."""
    from pytestqt.qtbot import QtBot

    box = _box()
    if box is not None:
        QtBot.keyClick(box, Qt.Key.Key_Escape)
    return box is not None


def _cancel_reimport_by_keys(qtbot, monkeypatch, grid: Path) -> None:
    """Ctrl+Maj+I, the grid chosen, « Réimporter » pressed; the progress box's « Annuler »."""
    import atelier.ui.import_dialog as import_dialog
    from tests.helpers.keyboard import import_dialog_ready, key

    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)

    def in_the_dialog() -> None:
        dialog = import_dialog_ready(qtbot)
        dialog.import_button.setFocus()
        key(qtbot, Qt.Key.Key_Space)

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_a_reimport_cancelled_in_the_window_leaves_an_older_file_byte_identical(
    qtbot, monkeypatch, window_on_old, old: Path, grid: Path, held, no_modal_boxes: list[str]
) -> None:
    before = _sha(old)
    copies = backups_of(old)
    rows = window_on_old.model.rowCount()
    held["action"] = _escape
    _cancel_reimport_by_keys(qtbot, monkeypatch, grid)
    cancelled = "Import annulé\xa0: rien n'a été écrit."
    qtbot.waitUntil(lambda: bool(no_modal_boxes) or window_on_old.saved_label.text() == cancelled)
    assert no_modal_boxes == []
    assert window_on_old.model.rowCount() == rows
    assert _sha(old) == before
    assert _format(old) == 14
    assert backups_of(old) == copies
    # the window still reads it, and its first edit writes it at today's format
    window_on_old.model.setData(window_on_old.model.index(0, 3), "Un répertoire des initiatives locales")
    assert _format(old) == SCHEMA_VERSION
    window_on_old.close()
    window_on_old.store.close()
    with Store.open(old, readonly=True) as store:
        (workshop,) = store.workshops()
        names = [" ".join(p.names) for p in store.participants(workshop.id)]
        assert names == ["Lucie Leroy", "Grégory TALVY"]


def test_a_reimport_refused_in_the_window_leaves_an_older_file_byte_identical(
    qtbot, monkeypatch, window_on_old, old: Path, grid: Path
) -> None:
    from atelier.errors import FileRefused

    def refuse(self, *_args, **_kwargs):
        raise FileRefused("disk.full", path=self.path)  # the disk full midway, say

    monkeypatch.setattr(Store, "reimport_grid", refuse)
    before = _sha(old)
    said = reimport_by_keys_refused(qtbot, monkeypatch, grid)
    assert said.startswith("Plus de place sur le disque")
    assert _sha(old) == before
    assert _format(old) == 14


def reimport_by_keys_refused(qtbot, monkeypatch, grid: Path) -> str:
    """As `reimport_by_keys`, the window's refusal (a warning box) returned."""
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: said.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a, **_k: said.append(text))
    _cancel_reimport_by_keys(qtbot, monkeypatch, grid)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    (text,) = said
    return text


def test_a_reimport_written_in_the_window_upgrades_an_older_file_and_keeps_a_copy_at_its_format(
    qtbot, monkeypatch, window_on_old, old: Path, grid: Path, no_modal_boxes: list[str]
) -> None:
    said = reimport_by_keys(qtbot, monkeypatch, grid)
    assert "1 ajouté" in said
    assert window_on_old.model.rowCount() == 3
    assert _format(old) == SCHEMA_VERSION
    assert [_format(c.path) for c in backups_of(old)].count(14) >= 1  # an older Atelier opens it
    window_on_old.undo_action.trigger()  # one step, back to the two rows, at today's format
    assert window_on_old.model.rowCount() == 2
    window_on_old.redo_action.trigger()
    assert window_on_old.model.rowCount() == 3
    window_on_old.close()
    window_on_old.store.close()
    with Store.open(old, readonly=True) as store:
        (workshop,) = store.workshops()
        assert len(store.participants(workshop.id)) == 3


def _past_grid(folder: Path, year: int) -> Path:
    path = folder / f"grille-{year}.csv"
    path.write_text(
        f"Atelier Mobilité du 16 mars {year}\n\nNom;Structure;Besoins;Ressources\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    return path


def test_a_past_grid_as_a_new_workshop_refused_leaves_an_older_file_byte_identical(
    window_on_old, old: Path, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    before = _sha(old)
    assert not window_on_old.import_as_workshop(_past_grid(tmp_path, 2150), dialog_hook=lambda _dialog: True)
    assert no_modal_boxes == [
        "Date invalide «\xa016 mars 2150\xa0»\xa0: attendu AAAA-MM-JJ, par exemple 2021-03-16."
    ]
    assert _sha(old) == before
    assert _format(old) == 14


def test_a_past_grid_as_a_new_workshop_cancelled_leaves_an_older_file_byte_identical(
    window_on_old, old: Path, tmp_path: Path, held, no_modal_boxes: list[str]
) -> None:
    past = _past_grid(tmp_path, 2022)
    before = _sha(old)
    held["action"] = _escape
    assert not window_on_old.import_as_workshop(past, dialog_hook=lambda _dialog: True)
    assert window_on_old.saved_label.text() == "Import annulé\xa0: rien n'a été écrit."
    assert _sha(old) == before
    assert _format(old) == 14
    held["ran"].clear()
    held["action"] = lambda: True
    assert window_on_old.import_as_workshop(past, dialog_hook=lambda _dialog: True), no_modal_boxes
    assert window_on_old.model.workshop().title == "Atelier Mobilité du 16 mars 2022"
    assert _format(old) == SCHEMA_VERSION
    assert [_format(c.path) for c in backups_of(old)].count(14) >= 1
    window_on_old.undo_action.trigger()
    assert [w.title for w in window_on_old.store.workshops()] == ["Atelier écrit au format 1"]


def test_closing_the_window_during_a_reimport_leaves_an_older_file_byte_identical(
    qtbot, window_on_old, old: Path, grid: Path, held, no_modal_boxes: list[str]
) -> None:
    before = _sha(old)

    def close() -> bool:  # the facilitator closes the window mid-import (Ctrl+Q)
        window_on_old.close()
        return True

    held["action"] = close
    assert not window_on_old.reimport_grid(grid, dialog_hook=lambda _dialog: True)
    assert not window_on_old.isVisible()
    assert no_modal_boxes == []
    assert _sha(old) == before
    assert _format(old) == 14
    assert sorted(p.name for p in old.parent.iterdir()) == [old.name]  # no -wal, -shm or lock left
