"""The keyboard comes back to the main window when one of its dialogs closes.

A window manager does this; without one (a bare X server, a kiosk, Xvfb), closing a
dialog leaves no window with the keyboard and the next keystrokes go nowhere. So a
dialog of the main window, as it closes, hands the keyboard back to the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturn(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Hide
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and watched.parentWidget() is not None
            and watched.parentWidget().window() is self.window
        ):
            QTimer.singleShot(0, self._take_back)
        return False

    def _take_back(self) -> None:
        active = QApplication.activeWindow()
        if QApplication.activeModalWidget() is not None or (active is not None and active is not self.window):
            return  # another of our windows (a dialog opened from the first) has it
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.activateWindow()
            focus = self.window.focusWidget()
            if focus is not None:
                focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
