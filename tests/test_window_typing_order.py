"""People typed one after the other, row by row, are in the grid and the file in that order:
the facilitator types each cell (F2, text, Tab) and Ctrl+N for the next person."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.store import Store
from atelier.ui.cell_editor import CellEditor

from .helpers.keyboard import active_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("no_modal_boxes")

PEOPLE = [
    ("Anne Martin / PLIE des Graves", "Clauses sociales", "Mobilité", "Garde d'enfants", "Forum"),
    ("Éric Lefèvre / CC du Val", "Forum emploi", "Recrutement", "Clauses sociales", "Immobilier"),
    ("Zoé Brûlé / SIAE La Ruche", "Chantier d'insertion", "Encadrants", "Encadrants", "Prêt de véhicules"),
    ("Jean-François Œttinger / MDE", "Observatoire", "Données locales", "Métiers en tension", "Données"),
]


def names_in_file(path: Path) -> list[str]:
    """The participants as the next program to open the file reads them, in their order."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT names FROM participants ORDER BY position").fetchall()
    finally:
        connection.close()
    return [json.loads(names)[0] for (names,) in rows]


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    target = tmp_path / "neuf.atelier"
    Store.create(target, title="Atelier emploi", date="2026-11-30", place="Lézignan").close()
    return target


def type_row(qtbot, row: tuple[str, ...]) -> None:
    for text in row:
        key(qtbot, Qt.Key.Key_F2)
        type_text(text)
        key(qtbot, Qt.Key.Key_Tab)


def test_people_typed_row_by_row_stay_in_the_order_typed(qtbot, empty: Path) -> None:
    window = active_window(qtbot, empty)
    for row in PEOPLE:
        key(qtbot, Qt.Key.Key_N, CTRL)
        type_row(qtbot, row)
    typed = [row[0].split(" / ")[0] for row in PEOPLE]
    shown = [window.model.participant_at(r).names[0] for r in range(window.model.rowCount())]
    assert shown == typed
    assert names_in_file(empty) == typed


def test_tab_on_the_last_cell_of_the_last_row_stays_there(qtbot, empty: Path) -> None:
    """No silent jump to the top of the grid: the cursor stays on the last cell, not edited."""
    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    type_row(qtbot, PEOPLE[0])
    grid = window.grid
    last = grid.model().columnCount() - 1
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, last)
    assert not isinstance(QApplication.focusWidget(), CellEditor)  # the cell written, not opened again
    key(qtbot, Qt.Key.Key_Tab)  # not editing: still there
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, last)
    # The first cell of the first row: Maj+Tab does not wrap to the bottom either.
    grid.setCurrentIndex(grid.model().index(0, 0))
    key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, 0)
    # Within the grid, Tab still goes on to the next row's first cell.
    key(qtbot, Qt.Key.Key_N, CTRL)
    type_text("Éric Lefèvre")
    key(qtbot, Qt.Key.Key_Tab)
    grid.setCurrentIndex(grid.model().index(0, last))
    key(qtbot, Qt.Key.Key_Tab)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 0)
