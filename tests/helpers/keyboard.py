"""The keyboard, as the window tests press it: one key, typed text, the example window active."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def key(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press, to the widget that has the keyboard."""
    qtbot.keyClick(QApplication.focusWidget(), code, modifiers)


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Typed key by key to the widget that has the keyboard (or `widget` if none has it),
    accents included, which QTest's ASCII key table refuses."""
    for char in text:
        target = QApplication.focusWidget() or widget
        code = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def active_example_window(qtbot, tmp_path: Path):
    """The example in the real window, active, the grid focused: keys go where the
    facilitator's would."""
    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    return window
