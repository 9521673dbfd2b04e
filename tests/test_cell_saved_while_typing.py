"""A grid cell is saved while it is typed, as the card's fields are: a facilitator may type a
participant's whole list of actions in one cell for minutes before Tab, and a crash (a battery
dying, kill -9) lost all of it while the status bar said « Chaque modification est enregistrée
aussitôt ». Échap still gives the cell back as it was, and the typing is one undo step."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT

from .helpers.keyboard import active_window, key, type_text

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
CTRL = Qt.KeyboardModifier.ControlModifier


def _challenges_of_second(path: Path) -> list[str]:
    with Store.open(path) as store:
        workshop = store.workshops()[0].id
        second = store.participants(workshop)[1]
        return [i.text for i in store.items(second.id) if i.kind == ItemKind.CHALLENGE]


def test_text_typed_in_an_open_cell_survives_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    before = _challenges_of_second(path)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.typing_child", str(path), "Attractivité du territoire"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "TYPED", child.stderr.read() if child.stderr else ""
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    (tmp_path / ".~lock.atelier.atelier").unlink(missing_ok=True)  # a killed process leaves it
    assert _challenges_of_second(path) == [*before, "Attractivité du territoire"]


def test_a_follow_up_note_typed_survives_a_kill(tmp_path: Path) -> None:
    """« Suivi » (Alt+2), Entrée on a match, a note typed: a crash before Entrée lost it while
    the status bar said « Chaque modification est enregistrée aussitôt »."""
    from datetime import date, timedelta

    from .helpers.one_match import lucie_and_cecile

    path = tmp_path / "reseau.atelier"
    lucie_and_cecile(path, date.today() - timedelta(days=20), title="Atelier de l'automne")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.typing_child", str(path), "Appelée, RDV le 12 avril", "note"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "TYPED", child.stderr.read() if child.stderr else ""
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    (tmp_path / ".~lock.reseau.atelier").unlink(missing_ok=True)  # a killed process leaves it
    with Store.open(path) as store:
        (entry,) = store.follow_ups()
        assert entry.match.note == "Appelée, RDV le 12 avril"


def _second_challenges_cell(qtbot, path: Path):
    window = active_window(qtbot, path)
    for code in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right):
        key(qtbot, code)
    return window


def test_a_cell_saved_at_pauses_is_one_undo_step_and_echap_gives_it_back(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    before = _challenges_of_second(path)
    window = _second_challenges_cell(qtbot, path)
    store = window.model.store
    second = store.participants(window.model.workshop_id)[1].id

    def challenges() -> list[str]:
        return [i.text for i in store.items(second) if i.kind == ItemKind.CHALLENGE]

    type_text("Attractivité")
    qtbot.waitUntil(lambda: challenges() == [*before, "Attractivité"], timeout=5_000)  # saved at the pause
    type_text(" du territoire")  # typed on: the editor kept the text and the caret as typed
    qtbot.waitUntil(lambda: challenges() == [*before, "Attractivité du territoire"], timeout=5_000)
    key(qtbot, Qt.Key.Key_Tab)
    assert challenges() == [*before, "Attractivité du territoire"]
    key(qtbot, Qt.Key.Key_Z, CTRL)  # one step: the cell as it was before the first key
    assert challenges() == before
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert challenges() == [*before, "Attractivité du territoire"]

    # Échap after a pause: the cell as it was, and nothing to redo.
    key(qtbot, Qt.Key.Key_Left)  # Tab went on to « Besoins »: back to « Défis »
    type_text("Mobilité des jeunes")
    qtbot.waitUntil(lambda: challenges()[-1:] == ["Mobilité des jeunes"], timeout=5_000)
    key(qtbot, Qt.Key.Key_Escape)
    assert challenges() == [*before, "Attractivité du territoire"]
    assert not window.model.undo_stack.canRedo()
    window.close()
