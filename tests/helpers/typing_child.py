"""A window typing in a grid cell and never closing it: `python -m tests.helpers.typing_child FILE
TEXT` opens FILE in the real window (offscreen), goes to the second participant's « Défis »
cell with the arrows, types TEXT (the editor left open), waits two seconds, prints TYPED and
waits to be killed. `… FILE TEXT note`: the same in « Suivi » (Alt+2), TEXT typed as the
first match's note (Entrée opens its editor, left open). `… FILE TEXT place`: TEXT typed as
the workshop's place, then « SAID » and the status bar's words printed at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from atelier.store import Store
    from atelier.ui.app import application
    from atelier.ui.main_window import MainWindow
    from tests.helpers.keyboard import type_text

    application()
    window = MainWindow(Store.open(Path(sys.argv[1]), lock=True))
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    window.grid.setFocus()
    QTest.qWait(300)
    if sys.argv[3:] == ["place"]:
        # The workshop's place (Alt+L), and what the status bar says the very moment after
        # the last key, before any pause: then killed, or two seconds later.
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        type_text(sys.argv[2], window.header.place)
        print("SAID", window.saved_label.text(), flush=True)
        sys.stdin.readline()  # the parent has read the file as it is now
        QTest.qWait(2000)
        print("TYPED", flush=True)
        QTest.qWait(60_000)
        return
    if sys.argv[3:] == ["note"]:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    else:
        for code in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right):
            QTest.keyClick(QApplication.focusWidget(), code)
    type_text(sys.argv[2], window.grid)
    QTest.qWait(2000)
    print("TYPED", flush=True)
    QTest.qWait(60_000)


if __name__ == "__main__":
    main()
