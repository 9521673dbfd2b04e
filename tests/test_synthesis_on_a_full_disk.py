"""The minutes' synthesis typed on a full disk: a box said the refusal while the editor's
status line went on saying « Enregistré »; choosing another section put that section's text in
the fields, the typed one gone; closing the editor lost it without a word. Now the status line
says the text is not saved, the editor stays on its section with the text as typed, tries it
again every few seconds (room made on the disk saves it), and closing asks first, the editor
kept open by default. A real full disk: a small tmpfs in a private mount namespace; the window,
real, in that namespace, driven by its keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers.small_disk import run_on_a_small_disk
from .test_bad_inputs import _tmpfs_allowed

pytestmark = pytest.mark.skipif(
    not _tmpfs_allowed(), reason="needs a private mount namespace (unshare) for a small disk"
)


WINDOW = r"""
import json, os, shutil, sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from PySide6.QtTest import QTest
from atelier.store import Store
from atelier.ui.app import application
from atelier.ui.main_window import MainWindow

disk = Path(sys.argv[1])
said = []
for name in ("warning", "critical", "information"):  # a box would wait for a click offscreen
    setattr(QMessageBox, name, staticmethod(lambda *a, **k: said.append(str(a[2]))))
path = disk / "atelier.atelier"
shutil.copy(Path("examples") / "atelier-2021-03-16.atelier", path)
app = application()
store = Store.open(path, lock=True)
window = MainWindow(store)
window.show()
QTest.qWaitForWindowExposed(window)
store.before_writing()  # the copy made on opening, in the data folder (another disk)
dialog = window.edit_synthesis(show=False)
dialog.show()
QTest.qWaitForWindowExposed(dialog)
while dialog.figures_box.isVisible():  # Atelier's first draft, written
    QTest.qWait(50)
asked = []
ADDED = " Un long ajout." * 3000


def fill():
    fd = os.open(disk / "plein", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, b"\0" * 1024)
    except OSError:
        pass
    finally:
        os.close(fd)


def in_file():
    with Store.open(path, readonly=True) as copy:
        return [s.body for s in copy.synthesis_sections(copy.workshops()[0].id)]


def state(step):
    QApplication.processEvents()
    print(json.dumps({"step": step, "said": len(said), "asked": list(asked), "row": dialog.list.currentRow(),
                      "body": dialog.body.toPlainText(), "file": in_file(), "status": dialog.status.text(),
                      "shown": dialog.isVisible()}), flush=True)


def escape():
    # Échap in the editor; a question, if one comes, answered by Échap too (the default: stay).
    def look():
        box = QApplication.activeModalWidget()
        if box is not None and box is not dialog and QApplication.activeWindow() is box:
            asked.append(box.text())
            QTest.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Escape)
        elif dialog.isVisible():
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)
    QTest.keyClick(dialog.body, Qt.Key.Key_Escape)
    QTest.qWait(200)


state("open")
fill()
dialog.body.setFocus()
QTest.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
for _ in range(3):  # three pastes, each followed by a pause
    QGuiApplication.clipboard().setText(ADDED)
    QTest.keyClick(dialog.body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(600)
state("typed")
dialog.list.setFocus()
QTest.keyClick(dialog.list, Qt.Key.Key_Down)
state("down")
escape()
state("escape")
(disk / "plein").unlink()
for _ in range(100):  # up to 10 s
    QTest.qWait(100)
    if dialog.status.text() == "Enregistré":
        break
state("room")
dialog.body.setFocus()
escape()
state("closed")
window.close()
"""


def test_a_synthesis_text_the_full_disk_refused_stays_said_and_asked_about(tmp_path: Path) -> None:
    steps = {
        line["step"]: line for line in run_on_a_small_disk(tmp_path, WINDOW, size="3m") if "step" in line
    }
    first = steps["open"]["file"][0]
    typed = first + " Un long ajout." * 9000
    # Refused: said once in a box, and in the editor's status line, never « Enregistré ».
    assert steps["typed"]["body"] == typed and steps["typed"]["file"][0] != typed  # the first paste may fit
    assert steps["typed"]["said"] == 1, steps["typed"]["said"]
    assert steps["typed"]["status"].startswith("⚠ Ce texte n'est pas enregistré. Plus de place sur le disque")
    # Another section asked for: the editor stays on this one, the text as typed.
    assert steps["down"]["row"] == 0 and steps["down"]["body"] == typed
    # Closing asks; Échap keeps the editor open.
    question = "Le disque est plein\u00a0: 1 texte saisi n'est pas enregistré. Fermer quand même\u202f?"
    assert steps["escape"]["asked"] == [question] and steps["escape"]["shown"]
    assert steps["escape"]["body"] == typed
    # Room made on the disk: saved with no key pressed; then Échap closes with no question.
    assert steps["room"]["file"][0] == typed and steps["room"]["status"] == "Enregistré"
    assert steps["closed"]["asked"] == [question] and not steps["closed"]["shown"]
