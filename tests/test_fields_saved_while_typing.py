"""The workshop header and the participant card are saved while typing, as the status bar
says (« Chaque modification est enregistrée aussitôt »): a process killed before the field
is left keeps what was typed. The file is read back through a connection of its own, as the
next process would find it. One field's typing stays one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.store import Store
from atelier.ui.main_window import MainWindow
from atelier.ui.panels import SAVE_AFTER_MS

from .helpers.keyboard import active_window, key, type_text
from .helpers.two_people import lucie_and_paul

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return lucie_and_paul(tmp_path / "cap.atelier", paul_from="PLIE")


@pytest.fixture
def window(qtbot, path: Path):
    win = active_window(qtbot, path)
    yield win
    win.close()


def in_file(path: Path) -> dict:
    """The workshop as a fresh process would read it from the file."""
    with Store.open(path, readonly=True) as store:
        workshop = store.workshops()[0]
        people = store.participants(workshop.id)
        return {
            "place": workshop.place,
            "date": workshop.date,
            "title": workshop.title,
            "organisations": [p.organisation for p in people],
        }


def test_the_place_typed_is_in_the_file_before_the_field_is_left(
    qtbot, window: MainWindow, path: Path
) -> None:
    key(qtbot, Qt.Key.Key_L, ALT)  # &Lieu
    assert QApplication.focusWidget() is window.header.place
    type_text("Salle")
    qtbot.waitUntil(lambda: in_file(path)["place"] == "Salle")
    # Written while the facilitator goes on typing: the field was not read back under the
    # cursor (no letter lost, none typed at the start).
    type_text(" Pau")
    qtbot.waitUntil(lambda: in_file(path)["place"] == "Salle Pau")
    assert QApplication.focusWidget() is window.header.place
    assert window.header.place.text() == "Salle Pau"
    assert window.header.place.cursorPosition() == len("Salle Pau")


def test_one_field_typed_with_pauses_is_one_undo_step(qtbot, window: MainWindow, path: Path) -> None:
    steps = window.model.undo_stack.count()
    key(qtbot, Qt.Key.Key_L, ALT)
    type_text("Salle")
    qtbot.waitUntil(lambda: in_file(path)["place"] == "Salle")
    type_text(" Pau")
    qtbot.waitUntil(lambda: in_file(path)["place"] == "Salle Pau")
    key(qtbot, Qt.Key.Key_Tab)
    assert window.model.undo_stack.count() == steps + 1
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.header.place.text() == ""
    assert in_file(path)["place"] == ""
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert window.header.place.text() == "Salle Pau"
    assert in_file(path)["place"] == "Salle Pau"


def test_ctrl_z_in_the_field_after_the_save_empties_the_field_and_the_file(
    qtbot, window: MainWindow, path: Path
) -> None:
    steps = window.model.undo_stack.count()
    key(qtbot, Qt.Key.Key_L, ALT)
    type_text("Salle Pau")
    qtbot.waitUntil(lambda: in_file(path)["place"] == "Salle Pau")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.header.place.text() == ""
    qtbot.waitUntil(lambda: in_file(path)["place"] == "")
    # Nothing left to undo for a typing that came back to where it started.
    qtbot.waitUntil(lambda: not window.header.saving())
    assert window.model.undo_stack.count() == steps


def test_a_date_being_typed_is_saved_once_it_is_one_and_a_wrong_one_said_when_left(
    qtbot, window: MainWindow, path: Path
) -> None:
    key(qtbot, Qt.Key.Key_E, ALT)  # Dat&e
    assert QApplication.focusWidget() is window.header.date
    window.header.date.selectAll()
    type_text("17/03/2021")
    qtbot.waitUntil(lambda: in_file(path)["date"] == "2021-03-17")
    assert window.header.date.text() == "17/03/2021"  # not rewritten under the typing
    key(qtbot, Qt.Key.Key_Tab)
    assert window.header.date.text() == "17 mars 2021"
    # A date that is none: nothing said nor written while typing; said when the field is left,
    # the text kept (to be corrected), the file keeping the date it had.
    key(qtbot, Qt.Key.Key_E, ALT)
    window.header.date.selectAll()
    type_text("31/02/2021")
    qtbot.waitUntil(lambda: not window.header.saving())
    assert "n'existe pas" not in window.saved_label.text()
    assert in_file(path)["date"] == "2021-03-17"
    key(qtbot, Qt.Key.Key_Tab)
    assert "le 31 février 2021 n'existe pas" in window.saved_label.text()
    assert window.header.date.text() == "31/02/2021" and window.header.date.property("wrong")
    assert in_file(path)["date"] == "2021-03-17"


def test_a_date_typed_wrong_after_a_valid_one_leaves_the_date_it_had_before(
    qtbot, window: MainWindow, path: Path
) -> None:
    """« 17/03/2021 » saved while typing, then corrected into something that is no date: the
    file does not keep the 17th the facilitator typed past, but the date before the typing."""
    key(qtbot, Qt.Key.Key_E, ALT)
    window.header.date.selectAll()
    type_text("17/03/2021")
    qtbot.waitUntil(lambda: in_file(path)["date"] == "2021-03-17")
    type_text("x")
    qtbot.waitUntil(lambda: in_file(path)["date"] == "2021-03-16")
    key(qtbot, Qt.Key.Key_Return)
    assert "Date non reconnue" in window.saved_label.text()
    assert in_file(path)["date"] == "2021-03-16"


def test_an_emptied_title_is_not_saved_and_put_back_when_left(qtbot, window: MainWindow, path: Path) -> None:
    window.header.title.setFocus()
    window.header.title.selectAll()
    type_text("Atelier de Pau")
    qtbot.waitUntil(lambda: in_file(path)["title"] == "Atelier de Pau")
    window.header.title.selectAll()
    key(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: in_file(path)["title"] == "Atelier du 16 mars 2021")
    key(qtbot, Qt.Key.Key_Tab)
    assert window.header.title.text() == "Atelier du 16 mars 2021"
    assert "ne peut pas être vide" in window.saved_label.text()


def test_the_card_typed_is_saved_while_typing_and_not_read_back_under_the_cursor(
    qtbot, window: MainWindow, path: Path
) -> None:
    steps = window.model.undo_stack.count()
    key(qtbot, Qt.Key.Key_S, ALT)  # &Structure, Lucie's card
    assert QApplication.focusWidget() is window.panel.organisation
    window.panel.organisation.selectAll()
    type_text("CA du Grand")
    qtbot.waitUntil(lambda: in_file(path)["organisations"][0] == "CA du Grand")
    # Matching run again meanwhile (as after any edit): the card is not read back either.
    assert window.matching is not None
    with qtbot.waitSignal(window.matching.updated, timeout=20_000):
        window.run_matching()
    type_text(" Angoulême")
    qtbot.waitUntil(lambda: in_file(path)["organisations"][0] == "CA du Grand Angoulême")
    assert window.panel.organisation.text() == "CA du Grand Angoulême"
    assert window.panel.organisation.cursorPosition() == len("CA du Grand Angoulême")
    assert QApplication.focusWidget() is window.panel.organisation
    # Another row chosen while typing: what was typed goes to Lucie, not to Paul.
    type_text(" !")
    key(qtbot, Qt.Key.Key_Tab)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert window.panel.organisation.text() == "PLIE"
    assert in_file(path)["organisations"] == ["CA du Grand Angoulême !", "PLIE"]
    assert window.model.undo_stack.count() == steps + 1  # one step for the whole typing
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert in_file(path)["organisations"] == ["Grand Angoulême", "PLIE"]


def test_typing_then_choosing_another_row_at_once_saves_to_the_first(
    qtbot, window: MainWindow, path: Path
) -> None:
    key(qtbot, Qt.Key.Key_S, ALT)
    window.panel.organisation.selectAll()
    type_text("Mission locale")
    window.grid.setCurrentIndex(window.grid.model().index(1, 0))  # as a suggestion's row is chosen
    assert in_file(path)["organisations"] == ["Mission locale", "PLIE"]
    assert window.panel.organisation.text() == "PLIE"


def test_closing_the_window_before_the_pause_saves_what_is_typed(
    qtbot, window: MainWindow, path: Path
) -> None:
    key(qtbot, Qt.Key.Key_L, ALT)
    type_text("Salle Pau")
    key(qtbot, Qt.Key.Key_S, ALT)  # the card, Lucie's structure
    key(qtbot, Qt.Key.Key_End)
    type_text(" (siège)")
    window.close()
    assert in_file(path)["place"] == "Salle Pau"
    assert in_file(path)["organisations"] == ["Grand Angoulême (siège)", "PLIE"]


def _says_saved(window: MainWindow) -> bool:
    """Whether the status bar tells the facilitator that what the window shows is saved."""
    said = window.saved_label.text()
    return said.startswith("Enregistré") or "enregistrée aussitôt" in said


def test_the_status_bar_never_says_saved_before_the_typing_is_in_the_file(
    qtbot, window: MainWindow, path: Path
) -> None:
    """The status bar said « Chaque modification est enregistrée aussitôt » (or « Enregistré à
    … » of an earlier save) during the pause before a save, while a process killed then would
    have lost what was typed: at each key, if it says saved, a second connection finds it."""
    key(qtbot, Qt.Key.Key_L, ALT)
    for char in "Salle Pau":
        type_text(char)
        if _says_saved(window):
            assert in_file(path)["place"] == window.header.place.text()
        assert window.saved_label.text() == "Enregistrement…"
    qtbot.waitUntil(lambda: _says_saved(window))
    assert in_file(path)["place"] == "Salle Pau"
    # The card, then a grid cell: the same.
    key(qtbot, Qt.Key.Key_S, ALT)
    key(qtbot, Qt.Key.Key_End)
    for char in " Sud":
        type_text(char)
        assert (
            not _says_saved(window) or in_file(path)["organisations"][0] == window.panel.organisation.text()
        )
    qtbot.waitUntil(lambda: _says_saved(window))
    assert in_file(path)["organisations"][0] == "Grand Angoulême Sud"
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)  # Lucie's « Défis »
    type_text("Mobilité")
    assert window.saved_label.text() == "Enregistrement…"
    qtbot.waitUntil(lambda: _says_saved(window))
    with Store.open(path, readonly=True) as store:
        lucie = store.participants(store.workshops()[0].id)[0]
        assert "Mobilité" in [item.text for item in store.items(lucie.id)]
    # Échap gives the cell back as it was, and the status bar says so no longer « Enregistrement… ».
    type_text(" douce")
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.saved_label.text() != "Enregistrement…")


def test_a_participant_typed_in_its_cell_is_not_said_saved_before_the_cell_is_left(
    qtbot, window: MainWindow, path: Path
) -> None:
    """The participant cell is written when it is left (Tab, Ctrl+Entrée), not at a pause: while
    a name was typed in it, the status bar said « Enregistré à … » of the save before, though a
    process killed then lost the name. It says when the name will be saved."""

    def names() -> list[str]:
        with Store.open(path, readonly=True) as store:
            return [p.display_name() for p in store.participants(store.workshops()[0].id)]

    key(qtbot, Qt.Key.Key_N, CTRL)  # a new row, its participant cell open
    qtbot.waitUntil(lambda: _says_saved(window))
    type_text("Anne Martin")
    qtbot.wait(2 * SAVE_AFTER_MS)
    assert "Anne Martin" not in names()
    assert not _says_saved(window), window.saved_label.text()
    assert "Tab" in window.saved_label.text(), window.saved_label.text()
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _says_saved(window))
    assert "Anne Martin" in names()


def test_a_name_typed_at_once_in_a_file_just_opened_is_not_wiped_under_the_keys(
    qtbot, window: MainWindow, path: Path, tmp_path: Path
) -> None:
    """Another file opened, a participant typed over at once: the grid's « à vérifier » marks,
    read a moment after the opening, put the cell's old text back in the open editor, the
    letters typed gone from under the facilitator's keys (and from the file, at Tab)."""
    other = lucie_and_paul(tmp_path / "autre.atelier", paul_from="Mission locale")
    assert window.open_file(other)
    assert QApplication.focusWidget() is window.grid
    type_text("Anne Martin")  # over Lucie Leroy, the first row's participant
    qtbot.wait(300)  # the marks read meanwhile
    editor = QApplication.focusWidget()
    assert editor is not window.grid and editor.toPlainText() == "Anne Martin"
    key(qtbot, Qt.Key.Key_Tab)
    with Store.open(other, readonly=True) as store:
        first = store.participants(store.workshops()[0].id)[0]
    assert first.display_name() == "Anne Martin"


def test_a_window_killed_right_after_typing_the_place_lost_nothing_it_said_saved(path: Path) -> None:
    """A real window process typing the place, killed (SIGKILL) at once: what its status bar
    said the moment after the last key was true of the file (« Enregistrement… », the place not
    in it yet); killed after the pause, the place is in the file."""
    import os
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.typing_child", str(path), "Salle des fêtes", "place"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        said = child.stdout.readline().strip()
        assert said.startswith("SAID"), child.stderr.read() if child.stderr else ""
        place = in_file(path)["place"]  # as a kill now would leave it
        assert said == "SAID Enregistrement…", said
        assert place == "" or place == "Salle des fêtes"
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "TYPED"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    (path.parent / f".~lock.{path.name}").unlink(missing_ok=True)  # a killed process leaves it
    assert in_file(path)["place"] == "Salle des fêtes"


def test_the_status_bar_follows_the_typing_without_watching_it(qtbot, window: MainWindow, path: Path) -> None:
    """« Enregistrement… » comes and goes with the pause timers' own signals: no timer of the
    window wakes up every few milliseconds to look for typing (it searched the whole window
    every 50 ms while a text waited for its 400 ms pause)."""
    from PySide6.QtCore import QTimer

    def watching() -> list[QTimer]:
        return [
            t
            for t in window.findChildren(QTimer)
            if t.isActive() and not t.isSingleShot() and t.interval() < 400
        ]

    key(qtbot, Qt.Key.Key_L, ALT)
    type_text("Salle")
    assert window.saved_label.text() == "Enregistrement…"
    assert watching() == []
    qtbot.waitUntil(lambda: _says_saved(window))
    assert in_file(path)["place"] == "Salle"
    # A grid cell typed, then Échap: said no longer « Enregistrement… » once given back.
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    type_text("Mobilité")
    assert window.saved_label.text() == "Enregistrement…" and watching() == []
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.saved_label.text() != "Enregistrement…")
    # A participant typed over: said waiting for the cell to be left, then saved once left.
    key(qtbot, Qt.Key.Key_Home)
    type_text("Anne Martin")
    assert window.saved_label.text().startswith("Participant en cours de saisie") and watching() == []
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _says_saved(window))
