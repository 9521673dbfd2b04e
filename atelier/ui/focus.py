"""The keyboard comes back to the main window when one of its dialogs closes.

A window manager does this; without one (a bare X server, a kiosk, Xvfb), closing a
dialog leaves no window with the keyboard and the next keystrokes go nowhere. So when the
keyboard leaves a dialog of the main window for no widget at all, the main window takes it
back.

Told by the application's focusChanged signal, once per change of the widget with the
keyboard: not by an application-wide event filter, which had every event of every widget
(each paint, each mouse move, each timer) call Python for the whole session.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturn(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None or old is None:
            return  # the keyboard went somewhere (a window manager gave it to a window)
        try:
            dialog = old.window()
            parent = dialog.parentWidget()
            ours = isinstance(dialog, QDialog) and parent is not None and parent.window() is self.window
        except RuntimeError:  # the dialog is already being destroyed
            ours = True
        if ours:
            QTimer.singleShot(0, self._take_back)

    def _take_back(self) -> None:
        active = QApplication.activeWindow()
        if QApplication.activeModalWidget() is not None or (active is not None and active is not self.window):
            return  # another of our windows (a dialog opened from the first) has it
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.activateWindow()
            focus = self.window.focusWidget()
            if focus is not None:
                focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
