"""The keyboard, as the window tests press it: one key, typed text, the example window active."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def key(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press, to the widget that has the keyboard, once one has it: just after a modal
    box or a progress dialog closes, the window takes the keyboard back a moment later (a key
    sent to no widget aborted the whole test process in QTest, one run in six)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget(), code, modifiers)


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Typed key by key to the widget that has the keyboard (or `widget` if none has it),
    accents included, which QTest's ASCII key table refuses."""
    for char in text:
        target = QApplication.focusWidget() or widget
        code = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def _activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    return window


def active_example_window(qtbot, tmp_path: Path):
    """The example in the real window, active, the grid focused: keys go where the
    facilitator's would."""
    from tests.conftest import example_window

    return _activate(qtbot, example_window(qtbot, tmp_path))


def suggestions_saved(qtbot, window) -> None:
    """Wait until the window has matched its workshop and saved the suggestions into the file
    (it does, about a second after opening a file that has none, as the example): a test that
    digests the open file to prove a command left it untouched digests it after that."""
    qtbot.waitUntil(
        lambda: bool(window.store.matches(window.model.workshop_id)) and not window.matching._busy,
        timeout=30_000,
    )


def active_window(qtbot, path: Path, width: int = 1400, height: int = 900):
    """This file in the real window (holding its lock), shown, active, the grid focused."""
    from atelier.store import Store
    from atelier.ui.main_window import MainWindow

    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return _activate(qtbot, window)


def import_dialog_ready(qtbot):
    """The import dialog, once it is the modal window and has read the grid (« Importer »
    enabled)."""
    from atelier.ui.import_dialog import ImportDialog

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    return dialog


def retype_offer(qtbot, window, offer, text: str) -> None:
    """`offer`'s line of its participant's « Ressources » cell retyped by keys as `text` (F2,
    Ctrl+A, every line typed again, the others as they were, Tab), as a facilitator corrects it."""
    from atelier.domain import ItemKind

    window._select(offer.participant_id, 4)
    window.grid.setFocus()
    offers = window.store.items(offer.participant_id, ItemKind.OFFER)
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for n, item in enumerate(offers):
        if n:
            key(qtbot, Qt.Key.Key_Return)
        type_text(text if item.id == offer.id else item.text)
    key(qtbot, Qt.Key.Key_Tab)


def first_row_helpers(qtbot, window, date: str) -> list[str]:
    """The lines under the first need of the first row of the workshop of `date`, in « Qui peut
    aider ? » (Ctrl+Home, Ctrl+M), once its matching is done."""
    window.switch_workshop(window.store.find_workshop(date).id)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.panel.matches
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() == 1)
    need = panel.tree_model.item(0)
    return [need.child(i).text() for i in range(need.rowCount())]


def match_by_hand(qtbot, window, choose) -> dict[str, str]:
    """Ctrl+Maj+K, and in its box the resource `choose(qtbot, combo)` picks, then Entrée.
    Returns the box's words (« label ») and the resource chosen (« choice »); the window is
    active again after it, as a click makes it (no window manager gives it back offscreen)."""
    from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel

    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        seen["label"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        combo.setFocus()
        choose(qtbot, combo)
        seen["choice"] = combo.currentText()
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    key(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return seen


def answer_on_closing(qtbot, keys: list[tuple[Qt.Key, Qt.KeyboardModifier]]) -> list[str]:
    """The box the window asks as it closes (its file gone from the disk: files.may_leave_gone_file),
    read into the list returned, then answered by `keys`, its keyboard (Alt+F: « Fermer sans
    enregistrer », Échap: « Ne pas fermer »). Armed before the window is closed."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        asked.append(f"{box.text()} {box.informativeText()}")
        box.activateWindow()  # its keys reach it as the facilitator's would
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        for code, modifiers in keys:
            qtbot.keyClick(box, code, modifiers)

    QTimer.singleShot(0, look)
    return asked


def reimport_by_keys(qtbot, monkeypatch, grid: Path) -> str:
    """Ctrl+Maj+I (« Réimporter la grille… ») with `grid` as the file chosen, « Réimporter »
    pressed from the keyboard in the dialog: what the window then says, its one message."""
    from PySide6.QtWidgets import QMessageBox

    import atelier.ui.import_dialog as import_dialog

    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    results: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a, **_k: results.append(text))

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = import_dialog_ready(qtbot)
            dialog.import_button.setFocus()
            key(qtbot, Qt.Key.Key_Space)  # « Réimporter », from the keyboard
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    (text,) = results
    return text
