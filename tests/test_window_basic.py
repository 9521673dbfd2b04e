"""The capture window, driven with the keyboard as a facilitator would, then the file reopened."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from atelier.ui.grid_model import GridModel
from atelier.ui.grid_view import CellEditor
from atelier.ui.main_window import MainWindow

from .helpers.keyboard import key, type_text


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "atelier.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16", place="Bordeaux") as store:
        workshop_id = store.workshops()[0].id
        p = store.add_participant(
            Participant(
                workshop_id,
                names=["Lucie Leroy"],
                organisation="Grand Angoulême",
                source_text="Lucie Leroy / Grand Angoulême",
            )
        )
        store.add_item(Item(p.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
    return target


@pytest.fixture
def window(qtbot, path: Path) -> MainWindow:
    win = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


# Message boxes would block an offscreen test: recorded instead (conftest.no_modal_boxes).
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def type_into_focus(qtbot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        type_text(line, widget)


def reopen(path: Path) -> dict:
    import json

    from atelier.jsonexport import file_as_dict

    with Store.open(path, readonly=True) as store:
        return json.loads(json.dumps(file_as_dict(store)))["workshops"][0]


def test_the_window_shows_the_workshop_and_its_grid(window: MainWindow) -> None:
    assert "Atelier du 16 mars 2021" in window.windowTitle()
    assert window.header.title.text() == "Atelier du 16 mars 2021"
    assert window.header.date.text() == "16 mars 2021"
    model = window.grid.model()
    assert model.rowCount() == 1
    assert "Lucie Leroy" in model.index(0, 0).data()
    assert model.index(0, 3).data() == "• un répertoire d'initiatives locales"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Besoins de ressources"
    assert window.panel.heading.text() == "Lucie Leroy (Grand Angoulême)"


def test_typing_a_participant_and_items_with_the_keyboard_only(qtbot, window: MainWindow, path: Path) -> None:
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new participant
    assert isinstance(QApplication.focusWidget(), CellEditor)
    type_into_focus(qtbot, "Anne MARTIN / PLIE du Béarn")
    key(qtbot, Qt.Key.Key_Tab)  # commit, next cell: actions
    key(qtbot, Qt.Key.Key_Tab)  # challenges
    key(qtbot, Qt.Key.Key_Tab)  # needs
    type_into_focus(qtbot, "financer l'accompagnement des jeunes\ntrouver des locaux")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # commit the cell
    assert window.saved_label.text().startswith("Enregistré à ")

    saved = reopen(path)
    anne = saved["participants"][1]
    assert anne["names"] == ["Anne MARTIN"] and anne["organisation"] == "PLIE du Béarn"
    assert anne["needs"] == ["financer l'accompagnement des jeunes", "trouver des locaux"]

    # Typing on a filled cell adds an item instead of replacing the cell.
    type_into_focus(qtbot, "un lieu")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert reopen(path)["participants"][1]["needs"] == [
        "financer l'accompagnement des jeunes",
        "trouver des locaux",
        "un lieu",
    ]

    # Undo: the item, the needs, the name, the new row. Redo brings them all back.
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reopen(path)["participants"][1]["needs"] == [
        "financer l'accompagnement des jeunes",
        "trouver des locaux",
    ]
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(reopen(path)["participants"]) == 1
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert reopen(path)["participants"][1]["needs"][-1] == "un lieu"

    window.close()
    again = reopen(path)
    assert [p["names"] for p in again["participants"]] == [["Lucie Leroy"], ["Anne MARTIN"]]


def test_escape_cancels_a_cell_and_delete_clears_it_undoably(qtbot, window: MainWindow, path: Path) -> None:
    window.grid.setFocus()
    window.grid.setCurrentIndex(window.grid.model().index(0, 3))
    key(qtbot, Qt.Key.Key_Return)  # edit the needs cell
    type_into_focus(qtbot, "\nne pas garder")
    key(qtbot, Qt.Key.Key_Escape)
    assert reopen(path)["participants"][0]["needs"] == ["un répertoire d'initiatives locales"]
    key(qtbot, Qt.Key.Key_Delete)
    assert reopen(path)["participants"][0]["needs"] == []
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reopen(path)["participants"][0]["needs"] == ["un répertoire d'initiatives locales"]


def test_delete_and_reorder_participants_with_undo(qtbot, window: MainWindow, path: Path) -> None:
    window.grid.setFocus()
    for name in ("Paul Durand / Mission locale", "Léa PETIT / CdC du Bazadais"):
        key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        type_into_focus(qtbot, name)
        key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    names = lambda: [p["names"][0] for p in reopen(path)["participants"]]  # noqa: E731
    assert names() == ["Lucie Leroy", "Paul Durand", "Léa PETIT"]
    key(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert names() == ["Lucie Leroy", "Léa PETIT", "Paul Durand"]
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert names() == ["Lucie Leroy", "Paul Durand"]
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names() == ["Lucie Leroy", "Léa PETIT", "Paul Durand"]
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names() == ["Lucie Leroy", "Paul Durand", "Léa PETIT"]


def test_search_ignores_case_and_accents(qtbot, window: MainWindow) -> None:
    model = window.model
    from atelier.ui import commands

    commands.push(model, commands.AddParticipant(model, 1, "Élise ENNAHLI / PETR Sud Gironde"))
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    type_text("elise", window.search)
    assert window.grid.model().rowCount() == 1
    assert "Élise ENNAHLI" in window.grid.model().index(0, 0).data()
    window.search.clear()
    type_text("REPERTOIRE", window.search)
    assert window.grid.model().rowCount() == 1
    assert "Lucie" in window.grid.model().index(0, 0).data()
    window.search.clear()
    assert window.grid.model().rowCount() == 2


def test_the_row_numbers_stay_whole_as_rows_come_grow_and_are_filtered(qtbot, window: MainWindow) -> None:
    """The row numbers' column keeps its width between layouts (rows fitted to their text do
    not change it), yet widens for the tenth row and follows a search: it is always as wide
    as Qt finds the numbers shown need, so that no number is cut."""
    from PySide6.QtWidgets import QHeaderView

    numbers = window.grid.verticalHeader()

    def whole() -> bool:
        needed = QHeaderView.sizeHint(numbers).width()  # Qt's own answer, from the numbers
        return numbers.sizeHint().width() == needed and numbers.width() >= needed

    qtbot.waitUntil(whole)
    narrow = numbers.width()
    window.grid.setFocus()
    for number in range(2, 11):
        key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new participant, typed
        type_into_focus(qtbot, f"Participant {number}\nune ligne de plus\net une autre")
        key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.grid.model().rowCount() == 10
    qtbot.waitUntil(whole)
    assert numbers.width() > narrow  # « 10 » needs more room than « 1 »
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text("Lucie", window.search)  # only the first row, numbered « 1 »
    assert window.grid.model().rowCount() == 1
    qtbot.waitUntil(whole)
    window.search.clear()
    assert window.grid.model().rowCount() == 10
    qtbot.waitUntil(whole)
    assert numbers.width() > narrow


def test_header_and_card_edits_are_saved_and_a_bad_date_refused(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    window.header.place.setFocus()
    window.header.place.selectAll()
    qtbot.keyClicks(window.header.place, "Pau")
    key(qtbot, Qt.Key.Key_Tab)
    assert reopen(path)["place"] == "Pau"
    window.header.date.setFocus()
    window.header.date.selectAll()
    qtbot.keyClicks(window.header.date, "31/02/2021")
    key(qtbot, Qt.Key.Key_Tab)
    assert reopen(path)["date"] == "2021-03-16"
    assert no_modal_boxes == []  # said in the status bar, the typing goes on
    assert "le 31 février 2021 n'existe pas" in window.saved_label.text()
    assert window.header.date.text() == "31/02/2021"  # kept, to be corrected
    # The organiser's contact: typed in the header, saved, printed in the minutes.
    window.header.contact.setFocus()
    qtbot.keyClicks(window.header.contact, "Équipe emploi, 05 56 00 00 00")
    key(qtbot, Qt.Key.Key_Tab)
    assert reopen(path)["contact"] == "Équipe emploi, 05 56 00 00 00"
    window.undo_action.trigger()  # Édition › Annuler
    assert reopen(path)["contact"] == "" and window.header.contact.text() == ""
    window.panel.contact.setFocus()
    qtbot.keyClicks(window.panel.contact, "lucie@agglo.fr")
    key(qtbot, Qt.Key.Key_Tab)
    assert reopen(path)["participants"][0]["contact"] == "lucie@agglo.fr"
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reopen(path)["participants"][0]["contact"] == ""


def test_a_second_window_on_the_same_file_opens_read_only(qtbot, window: MainWindow, path: Path) -> None:
    second = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(second)
    second.show()
    assert second.store.readonly
    assert second.readonly_banner.isVisible()
    assert "lecture seule" in second.readonly_banner.text()
    assert "(lecture seule)" in second.windowTitle()
    index = second.grid.model().index(0, 3)
    assert not (second.grid.model().flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert not second.action("edit.add").isEnabled()
    second.close()
    assert not window.store.readonly


def test_a_file_held_by_another_process_opens_read_only(qtbot, path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        from atelier.store import Store
        store = Store.open({str(path)!r}, lock=True)
        print("held", flush=True)
        sys.stdin.read()
    """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        win = MainWindow(Store.open(path, lock=True))
        qtbot.addWidget(win)
        assert win.store.readonly and win.store.locked_by_other
        win.close()
    finally:
        holder.communicate("", timeout=30)
    win = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(win)
    assert not win.store.readonly
    win.close()


def test_font_size_and_contrast_are_remembered(qtbot, window: MainWindow) -> None:
    from atelier.ui import settings

    before = QApplication.font().pointSize()
    key(qtbot, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == before + 1
    assert settings.get(settings.FONT_POINT_SIZE) == before + 1
    window.contrast_action.trigger()
    assert settings.get(settings.HIGH_CONTRAST) is True
    window.contrast_action.trigger()
    key(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == before


def test_the_grid_model_is_a_well_behaved_qt_model(qtmodeltester, path: Path) -> None:
    with Store.open(path) as store:
        model = GridModel(store, store.workshops()[0].id)
        qtmodeltester.check(model, force_py=True)


def test_opening_a_foreign_file_from_the_window_keeps_the_current_one(
    window: MainWindow, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    current = window.store
    foreign = tmp_path / "notes.atelier"
    foreign.write_text("pas un atelier", encoding="utf-8")
    assert window.open_file(foreign) is False
    assert no_modal_boxes and "n'est pas un fichier Atelier" in no_modal_boxes[0]
    assert window.store is current
    assert foreign.read_text(encoding="utf-8") == "pas un atelier"


def test_a_file_refused_when_opened_from_the_file_manager_is_said_in_a_window(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    """`atelier open %f` is how the file manager (atelier.desktop) and the Windows bundle open
    a file: no terminal shows the error stream there, so the refusal is also said in a box."""
    import signal

    from atelier.cli import main

    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    handler = signal.getsignal(signal.SIGTERM)
    damaged = tmp_path / "abime.atelier"
    damaged.write_bytes(b"SQLite format 3\0" + b"\x07" * 5000)
    try:
        code = main(["open", str(damaged)])  # the error stream is pytest's: not a terminal
    finally:
        signal.signal(signal.SIGTERM, handler)
    assert code == 1
    (said,) = no_modal_boxes
    assert "abime.atelier" in said and "n'est pas un fichier Atelier" in said, said
    assert damaged.read_bytes() == b"SQLite format 3\0" + b"\x07" * 5000


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count never moves"
)
def test_repainting_a_big_grid_does_not_wear_out_none(path: Path) -> None:
    """PySide6 drops a reference to None per empty data() answer; on Python 3.11 a
    500-row grid aborted the app. The model gives the reference back."""
    with Store.open(path) as store:
        model = GridModel(store, store.workshops()[0].id)
        before = sys.getrefcount(None)
        for _ in range(2000):
            model.index(0, 1).data(Qt.ItemDataRole.FontRole)
            model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
        assert sys.getrefcount(None) >= before


def test_closing_a_dialog_gives_the_keyboard_back_to_the_window(qtbot, window: MainWindow) -> None:
    """Without a window manager nobody hands the keyboard back when a dialog closes: the
    window takes it back itself (its watcher is set up just after the first paint)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.painted)
    help_dialog = window.show_shortcuts(show=False)
    help_dialog.show()
    help_dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_dialog)
    qtbot.keyClick(help_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.grid  # the next keys reach the grid again


def test_opening_the_file_already_open_keeps_it_open_for_editing(
    qtbot, tmp_path: Path, no_modal_boxes
) -> None:
    """Fichier › Ouvrir… (Ctrl+O) on the file the window already has open: the window opened
    it again, found its own lock, and went read-only (« déjà ouvert pour modification par une
    autre fenêtre », untrue), then closed the first connection and with it the lock: no more
    typing, and another Atelier could now open the file for editing. It stays as it was, and
    the status bar says the file is already open here."""
    import shutil

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from tests.conftest import ROOT
    from tests.helpers.keyboard import active_window

    path = tmp_path / "atelier du jour.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    window = active_window(qtbot, path)
    store = window.store
    lock = tmp_path / ".~lock.atelier du jour.atelier"
    assert lock.exists() and not store.readonly

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, choose)
            return
        dialog.selectFile(str(path))
        dialog.accept()

    QTimer.singleShot(0, choose)
    key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.store is store and not window.store.readonly
    assert lock.exists()
    assert no_modal_boxes == []
    assert "déjà ouvert dans cette fenêtre" in window.saved_label.text()
    window.activateWindow()  # the file dialog closed, the facilitator types in the grid again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    window.grid.setCurrentIndex(window.grid.model().index(0, 3))
    type_text("un besoin tapé après Ctrl+O")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.saved_label.text().startswith("Enregistré à ")
    with Store.open(path, readonly=True) as reader:
        assert "un besoin tapé après Ctrl+O" in [
            i.text for i in reader.workshop_items(reader.workshops()[0].id)
        ]
