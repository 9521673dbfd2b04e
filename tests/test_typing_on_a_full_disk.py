"""The disk fills while the facilitator types the workshop's place (a USB key, a long text
pasted): the window said « Plus de place sur le disque… » in a box at every pause of the
typing, and when the field was left it put back what the file held, the text typed gone from
the screen. Now it is said once for as long as the saves fail, said again only once a save went
through and then failed again; the field keeps everything typed, and leaving it again once there
is room saves it. A real full disk: a small tmpfs in a private mount namespace, as in
tests/test_bad_inputs.py; the window, real, in that namespace, driven by its keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers.small_disk import run_on_a_small_disk
from .test_bad_inputs import _tmpfs_allowed

pytestmark = pytest.mark.skipif(
    not _tmpfs_allowed(), reason="needs a private mount namespace (unshare) for a small disk"
)


WINDOW = r"""
import json, os, sys
from pathlib import Path
from PySide6.QtCore import Qt
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
Store.create(path, title="Atelier du réseau", date="2026-03-16").close()
app = application()
store = Store.open(path, lock=True)
window = MainWindow(store)
window.show()
QTest.qWaitForWindowExposed(window)
store.before_writing()  # the copy made on opening, in the data folder (another disk)
field = window.header.place
LONG = "Salle polyvalente, entrée par la cour, " * 350  # a long text pasted: about 14 KB


def fill():
    # Every block of the disk taken, as a full USB key.
    fd = os.open(disk / "plein", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, b"\0" * 1024)
    except OSError:
        pass
    finally:
        os.close(fd)


def state(step):
    with Store.open(path, readonly=True) as copy:
        in_file = copy.workshops()[0].place
    print(json.dumps({"step": step, "said": len(said), "field": field.text(), "file": in_file,
                      "status": window.saved_label.text()}), flush=True)


def pause(step):
    while window.header.saving():  # the pause, then its save
        QTest.qWait(50)
    QApplication.processEvents()
    state(step)


def typed(text):
    QTest.keyClicks(field, text)
    pause(text)


def pasted(text, step):
    QGuiApplication.clipboard().setText(text)
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pause(step)


field.setFocus()
typed("Salle")
fill()
pasted(LONG, "pasted")
typed(" des")
typed(" fetes")
(disk / "plein").unlink()
typed(" Pau")
fill()
pasted(LONG, "pasted again")
typed(" B")
QTest.keyClick(field, Qt.Key.Key_Tab)  # left, the disk still full
QApplication.processEvents()
state("left")
(disk / "plein").unlink()
field.setFocus()  # back in the field, room again
QApplication.processEvents()
QTest.keyClick(field, Qt.Key.Key_Tab)
QApplication.processEvents()
state("left again")
print(json.dumps({"said": said}), flush=True)
window.close()
"""


def test_a_disk_full_while_typing_is_said_once_and_nothing_typed_leaves_the_field(tmp_path: Path) -> None:
    lines = run_on_a_small_disk(tmp_path, WINDOW)
    steps = {line["step"]: line for line in lines if "step" in line}
    long = "Salle polyvalente, entrée par la cour, " * 350
    first = "Salle" + long + " des fetes"
    assert steps["Salle"]["file"] == "Salle" and steps["Salle"]["said"] == 0
    # The disk full: said at the first pause that could not be saved, not at the next ones.
    assert [steps[s]["said"] for s in ("pasted", " des", " fetes")] == [1, 1, 1], lines
    assert steps[" fetes"]["field"] == first and steps[" fetes"]["file"] == "Salle"
    assert steps[" fetes"]["status"].startswith("⚠ Plus de place sur le disque")
    # Room again: the next pause saves everything typed.
    assert steps[" Pau"]["file"] == first + " Pau" and steps[" Pau"]["said"] == 1
    assert steps[" Pau"]["status"].startswith("Enregistré à")
    # Full again after a save went through: said again, once.
    whole = first + " Pau" + long + " B"
    assert steps["pasted again"]["said"] == 2 and steps[" B"]["said"] == 2, lines
    assert steps[" B"]["field"] == whole
    # Left while the disk is full: the field keeps what was typed, the file what it had.
    assert steps["left"]["field"] == whole and steps["left"]["file"] == first + " Pau"
    assert steps["left"]["said"] == 2
    # Left again once there is room: saved.
    assert steps["left again"]["file"] == whole and steps["left again"]["field"] == whole
    said = [line for line in lines if "said" in line and "step" not in line][0]["said"]
    assert all(text.startswith("Plus de place sur le disque pour écrire") for text in said), said
