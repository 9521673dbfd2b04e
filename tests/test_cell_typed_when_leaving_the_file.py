"""A grid cell still being typed in (no Entrée, no Tab) when the window leaves its file:
closed (Ctrl+Q), or another file opened (Ctrl+O and its file dialog). What is typed is in the
file first; or, when the file refuses it (another program changed the file while it was
open), the window asks, and « Fermer sans enregistrer » loses it as said.

That answer used to leave a cell editor behind: the refused text, given back in its cell
while the question was asked, waited there for its pause, and 400 ms after the window had
closed its file, it was written into the closed file (« Cannot operate on a closed
database », raised in Qt's event loop; in a test run, in whichever test came next)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from atelier.store import Store
from atelier.ui.cell_editor import CellEditor
from tests.conftest import ROOT

from .helpers.keyboard import active_window, key, type_text

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
PIRATE = "CREATE TRIGGER evil AFTER INSERT ON items BEGIN UPDATE participants SET names = '[\"Pirate\"]'; END"
TYPED = "Un garage solidaire"
QUESTION = "1 texte saisi n'est pas enregistré. Fermer quand même\u202f?"


def _needs(path: Path) -> list[str]:
    """The needs the file holds, read with SQLite itself (Atelier refuses a file with a trigger
    it did not write, and the test must read it all the same)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(str(row[0]) for row in conn.execute("SELECT text FROM items WHERE kind = 'need'"))
    finally:
        conn.close()


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    first, other = tmp_path / "atelier.atelier", tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, first)
    shutil.copy(EXAMPLE, other)
    return first, other


def _type_a_need_without_enter(qtbot) -> None:
    """Ctrl+Début, → → → (« Besoins de ressources »), a new need typed; neither Entrée nor Tab."""
    key(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Right)
    type_text(TYPED)  # the first letter opens the cell (the first participant has no need yet)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEditor) and editor.toPlainText() == TYPED


def _refused_by_the_file(window) -> None:
    """Another program adds a trigger to the open file: Atelier writes nothing more into it."""
    window.store.checked()
    conn = sqlite3.connect(window.store.path, isolation_level=None)
    try:
        conn.execute(PIRATE)
    finally:
        conn.close()


def _answer(qtbot, keys: tuple, asked: list[str]) -> None:
    """The question box, once it shows, answered by its keyboard; its words kept in `asked`."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        asked.append(box.text())
        box.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        qtbot.keyClick(QApplication.focusWidget() or box, *keys)

    QTimer.singleShot(0, look)


def _choose_in_file_dialog(qtbot, path: Path, seen: list[str]) -> None:
    """Qt's « Ouvrir un atelier » dialog, once it shows: the file's path typed, Entrée."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.windowTitle())
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
        type_text(str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, look)


def _editors(window) -> list[str]:
    """The texts of the grid's cell editors still open."""
    editors = window.grid.viewport().findChildren(CellEditor)
    return [editor.toPlainText() for editor in editors if editor.isVisible()]


def test_a_cell_being_typed_is_in_the_file_when_the_window_is_closed(qtbot, tmp_path: Path) -> None:
    path, _ = _copies(tmp_path)
    before = _needs(path)
    window = active_window(qtbot, path)
    _type_a_need_without_enter(qtbot)
    key(qtbot, Qt.Key.Key_Q, CTRL)  # at once: before the pause in the typing would save it
    assert not window.isVisible()
    assert _needs(path) == sorted([*before, TYPED])


def test_a_cell_being_typed_is_in_its_own_file_when_another_is_opened(qtbot, tmp_path: Path) -> None:
    path, other = _copies(tmp_path)
    before = _needs(path)
    window = active_window(qtbot, path)
    _type_a_need_without_enter(qtbot)
    seen: list[str] = []
    _choose_in_file_dialog(qtbot, other, seen)
    key(qtbot, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: window.store.path == other)
    assert seen == ["Ouvrir un atelier"]
    qtbot.wait(600)  # a pause in the typing, were a cell left open
    assert _needs(path) == sorted([*before, TYPED])
    assert _needs(other) == before
    assert TYPED not in "".join(_editors(window))
    window.close()


def test_a_cell_the_file_refused_and_closed_anyway_writes_nothing_after(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    path, _ = _copies(tmp_path)
    before = _needs(path)
    window = active_window(qtbot, path)
    _refused_by_the_file(window)
    _type_a_need_without_enter(qtbot)
    asked: list[str] = []
    with qtbot.capture_exceptions() as raised:
        _answer(qtbot, (Qt.Key.Key_Escape,), asked)  # « Ne pas fermer »: the text kept in its cell
        key(qtbot, Qt.Key.Key_Q, CTRL)
        assert window.isVisible() and asked == [QUESTION]
        qtbot.waitUntil(lambda: TYPED in "".join(_editors(window)))
        _answer(qtbot, (Qt.Key.Key_F, ALT), asked)  # « Fermer sans enregistrer »
        key(qtbot, Qt.Key.Key_Q, CTRL)
        assert not window.isVisible() and len(asked) == 2
        qtbot.wait(1000)  # more than a pause in the typing
    assert [str(exc) for _, exc, _ in raised] == []
    assert any("modifié par un autre programme" in said for said in no_modal_boxes), no_modal_boxes
    assert _editors(window) == []  # no cell left open, to write into a file closed
    assert _needs(path) == before


def test_a_cell_the_file_refused_and_another_file_opened_writes_nothing_there(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    path, other = _copies(tmp_path)
    before = _needs(path)
    window = active_window(qtbot, path)
    _refused_by_the_file(window)
    _type_a_need_without_enter(qtbot)
    asked: list[str] = []
    seen: list[str] = []
    with qtbot.capture_exceptions() as raised:
        _choose_in_file_dialog(qtbot, other, seen)
        _answer(qtbot, (Qt.Key.Key_F, ALT), asked)  # « Fermer sans enregistrer »
        key(qtbot, Qt.Key.Key_O, CTRL)
        qtbot.waitUntil(lambda: window.store.path == other)
        qtbot.wait(1000)
    assert [str(exc) for _, exc, _ in raised] == []
    assert asked == [QUESTION]
    assert TYPED not in "".join(_editors(window))
    assert _needs(path) == before and _needs(other) == before
    window.close()


def test_a_cell_the_file_refused_keeps_its_workshop_shown(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """Ctrl+Alt+PgSuiv (the next workshop of the file) with a cell the file refused: the
    other workshop was shown and the text typed was gone from the window, its box only saying
    the file refused it. The workshop stays, the text in its cell (Ctrl+Entrée once the file
    takes it again, Échap to give it up)."""
    from atelier.domain import Workshop

    path, _ = _copies(tmp_path)
    with Store.open(path) as store:
        first = store.workshops()[0].id
        store.add_workshop(Workshop("Deuxième atelier", date="2021-04-16"))
    before = _needs(path)
    window = active_window(qtbot, path)
    _refused_by_the_file(window)
    _type_a_need_without_enter(qtbot)
    key(qtbot, Qt.Key.Key_PageDown, CTRL | ALT)
    assert any("modifié par un autre programme" in said for said in no_modal_boxes), no_modal_boxes
    qtbot.waitUntil(lambda: TYPED in "".join(_editors(window)))
    assert window.model.workshop_id == first
    assert window.switcher.combo.currentData() == first
    key(qtbot, Qt.Key.Key_Escape)  # given up
    key(qtbot, Qt.Key.Key_PageDown, CTRL | ALT)
    assert window.model.workshop_id != first
    assert _needs(path) == before
    window.close()
