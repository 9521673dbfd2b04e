"""Ctrl+Z and Ctrl+Y from wherever the keyboard is in the main window: the facilitator typed a
participant's resource and pressed Tab off the last cell, which took the keyboard to the card's
« Personnes » field; Ctrl+Z there then did nothing at all, and said nothing. A field with
nothing of its own to undo now lets the window undo its last change, and the status line says
what was undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from atelier.domain import ItemKind
from atelier.store import Store
from atelier.ui.columns import KIND_COLUMNS
from atelier.ui.main_window import MainWindow

from .helpers.keyboard import active_window, key, type_text
from .helpers.two_people import lucie_and_paul

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return lucie_and_paul(tmp_path / "cap.atelier", paul_from="PLIE Sud Landes")


@pytest.fixture
def window(qtbot, path: Path):
    win = active_window(qtbot, path)
    yield win
    win.close()


def offers_in_file(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        return [i.text for i in store.workshop_items(workshop_id) if i.kind == ItemKind.OFFER]


def _type_a_resource_and_tab_off_the_grid(qtbot, window: MainWindow) -> None:
    last = window.proxy.rowCount() - 1
    window.grid.setCurrentIndex(window.proxy.index(last, KIND_COLUMNS[ItemKind.OFFER]))
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # the cell's editor
    type_text("salle de réunion à Dax")
    key(qtbot, Qt.Key.Key_Tab)  # the last cell: the keyboard goes on to the card
    qtbot.waitUntil(lambda: offers_in_file(window.store.path) == ["salle de réunion à Dax"])


def test_ctrl_z_in_a_card_field_reached_by_tab_undoes_the_grid_s_last_edit(
    qtbot, window: MainWindow, path: Path
) -> None:
    _type_a_resource_and_tab_off_the_grid(qtbot, window)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and window.panel.isAncestorOf(field), field
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert offers_in_file(path) == []
    cell = window.proxy.index(window.proxy.rowCount() - 1, KIND_COLUMNS[ItemKind.OFFER])
    assert not str(cell.data(Qt.ItemDataRole.DisplayRole) or "").strip()
    said = window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")
    assert said.startswith("Annulé : "), said
    assert "modifier « Peut être ressource sur » de Paul Roux" in said, said
    assert QApplication.focusWidget() is field  # the keyboard stays where it was
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert offers_in_file(path) == ["salle de réunion à Dax"]
    said = window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")
    assert said.startswith("Rétabli : "), said
    # Ctrl+Maj+Z too.
    key(qtbot, Qt.Key.Key_Z, CTRL)
    key(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert offers_in_file(path) == ["salle de réunion à Dax"]


def test_a_field_s_own_typing_is_undone_first_then_the_window_s(
    qtbot, window: MainWindow, path: Path
) -> None:
    _type_a_resource_and_tab_off_the_grid(qtbot, window)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    before = field.text()
    key(qtbot, Qt.Key.Key_End)
    type_text(" et Zoé")
    assert field.text() == before + " et Zoé"
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the field's own typing first
    assert field.text() == before
    assert offers_in_file(path) == ["salle de réunion à Dax"]
    key(qtbot, Qt.Key.Key_Z, CTRL)  # then the window's last edit
    assert offers_in_file(path) == []
    assert field.text() == before


def test_nothing_left_to_undo_is_said(qtbot, window: MainWindow) -> None:
    window.panel_dock.show()
    window.grid.setCurrentIndex(window.proxy.index(0, 0))
    key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # « Pe&rsonnes : »
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    assert not window.model.undo_stack.canUndo()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    said = window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")
    assert "Rien à annuler" in said, said
