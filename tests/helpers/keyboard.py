"""The keyboard, as the window tests press it: one key, typed text, the example window active."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def key(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press, to the widget that has the keyboard, once one has it: just after a modal
    box or a progress dialog closes, the window takes the keyboard back a moment later (a key
    sent to no widget aborted the whole test process in QTest, one run in six)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget(), code, modifiers)


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Typed key by key to the widget that has the keyboard (or `widget` if none has it),
    accents included, which QTest's ASCII key table refuses."""
    for char in text:
        target = QApplication.focusWidget() or widget
        code = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def _activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    return window


def active_example_window(qtbot, tmp_path: Path):
    """The example in the real window, active, the grid focused: keys go where the
    facilitator's would."""
    from tests.conftest import example_window

    return _activate(qtbot, example_window(qtbot, tmp_path))


def active_window(qtbot, path: Path, width: int = 1400, height: int = 900):
    """This file in the real window (holding its lock), shown, active, the grid focused."""
    from atelier.store import Store
    from atelier.ui.main_window import MainWindow

    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return _activate(qtbot, window)


def import_dialog_ready(qtbot):
    """The import dialog, once it is the modal window and has read the grid (« Importer »
    enabled)."""
    from atelier.ui.import_dialog import ImportDialog

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    return dialog
