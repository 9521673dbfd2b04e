"""Defects a QA pass of issues 18 and 19 found driving the real window with the keyboard,
each fixed with the test that shows it (every test here failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from atelier.ui.main_window import MainWindow

from .conftest import example_window

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _window(qtbot, tmp_path: Path) -> MainWindow:
    window = example_window(qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    return window


def key(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), code, modifiers)


def type_text(text: str) -> None:
    for char in text:
        target = QApplication.focusWidget()
        code = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def _current_row_wholly_in_view(window: MainWindow) -> bool:
    grid = window.grid
    index = grid.currentIndex()
    top = grid.rowViewportPosition(index.row())
    return top >= 0 and top + grid.rowHeight(index.row()) <= grid.viewport().height()


def test_ctrl_end_shows_the_whole_last_row_once_the_rows_are_measured(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_End, CTRL)
    qtbot.wait(300)  # the rows below the view are measured a few per turn of the event loop
    assert window.grid.currentIndex().row() == window.proxy.rowCount() - 1
    assert _current_row_wholly_in_view(window)


def test_a_directory_hit_opens_wholly_in_view_in_its_grid(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_3, ALT)  # « Répertoire »
    type_text("talvy")  # the last participant of the example, far below the first screen
    window.directory.search_now()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert window.page() == "grid"
    current = window.grid.currentIndex()
    assert window.model.participant_at(window.proxy.mapToSource(current).row()).names == ["Grégory TALVY"]
    assert _current_row_wholly_in_view(window)
