"""`atelier open FILE` as a user runs it, with a facilitator typing in it, for
tests/test_window_session_end.py: once the window has painted, the first participant's
« Besoins » cell is typed into, left open (`open`) or validated with Tab (`validated`), then
« TYPED » is printed; the parent then stops the process as a session logging out does.

    python -m tests.helpers.session_end_child FILE open|validated|elsewhere|reading TEXT
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(path: str, how: str, text: str) -> int:
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from atelier.cli import main as atelier
    from atelier.domain import ItemKind
    from atelier.ui.app import application
    from atelier.ui.columns import KIND_COLUMNS

    app = application()

    def press(code: int, char: str = "") -> None:
        target = QApplication.focusWidget()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))

    def drive() -> None:
        from atelier.ui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.painted]
        if not windows:
            QTimer.singleShot(50, drive)
            return
        window = windows[0]
        window.activateWindow()
        grid = window.grid
        grid.setFocus()
        grid.setCurrentIndex(grid.model().index(0, KIND_COLUMNS[ItemKind.NEED]))
        for char in text:  # typed straight into the cell, which opens its editor
            press(ord(char.upper()) if char.isascii() and char.isalnum() else 0, char)
        if how == "validated":
            press(Qt.Key.Key_Tab)
        if how == "elsewhere":  # another program's window has the keyboard as the session ends
            from PySide6.QtWidgets import QWidget

            other = QWidget()
            other.setWindowTitle("other")
            other.show()
            other.activateWindow()
            window.other = other  # kept alive
            QTimer.singleShot(300, lambda: print("TYPED", QApplication.activeWindow() is other, flush=True))
            return
        if how == "reading":
            # The window's matching reads the file on a worker thread, through a connection of
            # its own (Store.reader), a moment after each edit: the session ends during a read.
            import threading
            import time

            store, started = window.store, threading.Event()

            def read() -> None:
                with store.reader() as reader, reader.reading():
                    reader.participants(reader.workshops()[0].id)
                    started.set()
                    time.sleep(1.5)

            threading.Thread(target=read, daemon=True).start()
            started.wait(10)
        print("TYPED", flush=True)

    QTimer.singleShot(0, drive)
    return atelier(["open", path])


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
