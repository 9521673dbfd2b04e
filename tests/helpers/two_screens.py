"""Run by tests/test_window_screens.py in a child process whose Qt has two screens
(QT_QPA_PLATFORM=offscreen:configfile=…): the laptop and the projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.conftest import example_window


def test_f5_puts_the_projection_on_the_other_screen_and_the_keyboard_stays_in_the_grid(
    qtbot, tmp_path: Path
) -> None:
    screens = {s.name(): s for s in QGuiApplication.screens()}
    assert set(screens) == {"portable", "projecteur"}
    window = example_window(qtbot, tmp_path)
    window.setScreen(screens["portable"])
    window.move(0, 0)
    with qtbot.waitActive(window):
        window.activateWindow()
    grid = window.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(3, 3))
    qtbot.keyClick(grid, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None and projector.isVisible() and projector.isFullScreen()
    assert projector.screen().name() == "projecteur"
    assert projector.geometry() == screens["projecteur"].geometry()
    qtbot.wait(50)
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is grid
    qtbot.waitUntil(lambda: "À L'ÉCRAN" in window.preview.text(), timeout=2000)
    # The next keystrokes go where the facilitator is: the projector's views, then the grid.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert projector.view == "spotlight"
    qtbot.waitUntil(lambda: "Projecteur sur un participant" in window.preview.text(), timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    assert QApplication.focusWidget() is not grid and QApplication.focusWidget().window() is window
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is grid
    # F5 again: the projection goes away, the grid still has the keyboard.
    qtbot.keyClick(grid, Qt.Key.Key_F5)
    assert not projector.isVisible()
    assert QApplication.focusWidget() is grid
    qtbot.waitUntil(lambda: "Projecteur éteint" in window.preview.text(), timeout=2000)
    window.close()
