"""Ctrl+Z and Ctrl+Y from a text field of the main window (the card's, the header's, the search).

A QLineEdit takes Ctrl+Z and Ctrl+Y for its own undo before any shortcut of the window sees
them, and does nothing when it has nothing of its own to undo: the facilitator who pressed Tab
off the grid's last cell (the keyboard then in the card's « Personnes » field) pressed Ctrl+Z
and nothing happened, nothing was said. Here a field undoes its own typing first; when it has
none, the window undoes (or redoes) its last change and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def _undo_or_redo(event: QKeyEvent) -> str:
    """« undo » for Ctrl+Z, « redo » for Ctrl+Maj+Z (and Ctrl+Y, the window's other key)."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination()) == QKeySequence(
        "Ctrl+Y"
    ):
        return "redo"
    return ""


class FieldUndoKeys(QObject):
    """Watches the fields it is given; `undo` and `redo` are the window's."""

    def __init__(self, parent: QObject, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        super().__init__(parent)
        self._undo, self._redo = undo, redo
        self._fields: set[QLineEdit] = set()  # watched, not yet given the keyboard
        self._listening = False

    def watch(self, fields: list[QLineEdit]) -> None:
        """Each field is filtered from the first time it has the keyboard (the keys go to the
        field that has it): not before, when every event a field gets while the window is
        built, laid out, shown and painted (180 for the example) would call the filter in Python
        for nothing (~2 ms of the first screen)."""
        focus = QApplication.focusWidget()
        for field in fields:
            if field is focus:
                field.installEventFilter(self)
            else:
                self._fields.add(field)
        if self._fields and not self._listening:
            self._listening = True
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.focusChanged.connect(self._focused)

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new in self._fields:
            self._fields.discard(new)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QLineEdit) or not isinstance(event, QKeyEvent):
            return False
        which = _undo_or_redo(event)
        if not which:
            return False
        own = watched.isUndoAvailable() if which == "undo" else watched.isRedoAvailable()
        if own and not watched.isReadOnly():
            return False  # the field's own typing first
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes here as a key press, not to a shortcut
            return True
        (self._undo if which == "undo" else self._redo)()
        return True
