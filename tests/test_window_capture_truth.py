"""What the capture window says is saved is in the file, read back by another connection,
for typing interrupted by a shortcut: each test drives the real window with the keyboard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from .helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    shown: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: shown.append(str(a[2])))
    return shown


def in_file(path: Path, sql: str, *params: str) -> list[tuple]:
    """Read by a connection of its own, as the next program to open the file would."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def test_a_contact_typed_in_the_card_then_ctrl_n_is_saved_to_its_participant(qtbot, tmp_path: Path) -> None:
    """The facilitator types an e-mail in the card, then Ctrl+N for the next person: the
    status bar says « Enregistré à … »; the e-mail was thrown away with the card's fields."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    grid = window.grid
    grid.setCurrentIndex(grid.model().index(2, 0))
    someone = window.model.participant_at(2)
    assert someone.contact == ""
    window.panel_dock.show()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # « Co&ntact : »
    assert QApplication.focusWidget() is window.panel.contact
    type_text("g.buzaud@example.fr")
    key(qtbot, Qt.Key.Key_N, CTRL)  # the next participant, straight away
    assert window.saved_label.text().startswith("Enregistré à ")
    contact = "SELECT contact FROM participants WHERE id = ?"
    assert in_file(path, contact, someone.id) == [("g.buzaud@example.fr",)]
    assert window.model.rowCount() == 23
    # One Ctrl+Z takes the new row back, the next one the e-mail.
    grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert in_file(path, contact, someone.id) == [("",)]
    assert in_file(path, "SELECT count(*) FROM participants") == [(22,)]


def test_the_undo_menu_elides_de_before_a_vowel(qtbot, tmp_path: Path) -> None:
    """« Annuler : Modifier « Actions engagées » de Élodie Durand » read wrong in the menu."""
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_N, CTRL)
    type_text("Élodie Durand / Communauté de communes du Pays d'Évian")
    key(qtbot, Qt.Key.Key_Tab)  # the participant written, the actions cell next
    type_text("forum de l'emploi")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    undo = window.commands.actions["edit.undo"]
    assert undo.text() == "&Annuler\xa0: Modifier «\xa0Actions engagées\xa0» d'Élodie Durand"
