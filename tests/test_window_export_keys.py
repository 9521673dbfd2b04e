"""The export dialog by the keyboard, from the real window: Ctrl+E, Alt+D, a folder, Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from atelier.ui.export_dialog import ExportDialog

from .helpers.keyboard import active_example_window, key, type_text

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def test_enter_after_typing_the_folder_exports_rather_than_opening_a_folder_picker(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+E, Alt+D, a folder typed, Enter: the documents are written there. Enter opened the
    « Dossier d'export » picker, « Parcourir… » framed as the default button from the start."""
    active_example_window(qtbot, tmp_path)  # the real window, the grid with the keyboard
    pickers: list[str] = []  # a folder picker would wait offscreen: recorded, and answered « none »

    def picker(_parent: object, title: str, *_args: object, **_kwargs: object) -> str:
        pickers.append(title)
        return ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", picker)
    out = tmp_path / "exports"
    out.mkdir()
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = None
        try:
            qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
            dialog = QApplication.activeModalWidget()
            qtbot.waitUntil(
                lambda: (
                    QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog
                )
            )
            assert isinstance(dialog, ExportDialog)
            buttons = dialog.findChildren(QPushButton)
            seen["default"] = [b.text() for b in buttons if b.isDefault()]
            seen["auto default"] = [b.text() for b in buttons if b.autoDefault() and b.isVisible()]
            key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # « &Dossier : »
            seen["folder has the keyboard"] = QApplication.focusWidget() is dialog.folder
            dialog.folder.selectAll()
            type_text(str(out))
            key(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(
                lambda: bool(pickers) or (bool(dialog.written) and not dialog.running), timeout=60_000
            )
            seen["written"] = [p.name for p in dialog.written]
        finally:
            if dialog is not None:
                dialog.reject()  # never left waiting offscreen

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert seen["default"] == ["&Exporter"]
    assert "&Parcourir…" not in seen["auto default"] and "&Modèle…" not in seen["auto default"]
    assert seen["folder has the keyboard"]
    assert pickers == []
    assert sorted(seen["written"]) == ["Atelier du 16 mars 2021.docx", "Atelier du 16 mars 2021.xlsx"]
    assert sorted(p.name for p in out.iterdir()) == seen["written"]


def _dialog_with_folder_typed(qtbot, out: Path) -> ExportDialog:
    """The export dialog Ctrl+E opened, once it has the keyboard: Alt+D, `out` typed as its folder."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ExportDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog
    )
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # « &Dossier : »
    dialog.folder.selectAll()
    type_text(str(out))
    return dialog


def test_a_refused_export_offers_to_open_nothing(qtbot, tmp_path: Path) -> None:
    """Exported once, then « Nom des fichiers » into a folder that does not exist, Alt+E: the
    dialog said « Le dossier … n'existe pas ; rien n'a été écrit. » with « Ouvrir le document »
    and « Ouvrir le dossier » still there, opening the previous export. Now they are offered
    only for what was written."""
    active_example_window(qtbot, tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = _dialog_with_folder_typed(qtbot, out)
            key(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: bool(dialog.written) and not dialog.running, timeout=60_000)
            seen["first"] = (dialog.open_button.isVisible(), dialog.folder_button.isVisible())
            key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # « &Nom des fichiers : »
            seen["name has the keyboard"] = QApplication.focusWidget() is dialog.name
            dialog.name.selectAll()
            type_text("nope/sous dossier/x")
            key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # « &Exporter »
            qtbot.waitUntil(lambda: dialog.error is not None and not dialog.running, timeout=60_000)
            seen["said"] = dialog.message.text()
            seen["after"] = (
                dialog.open_button.isVisible() and dialog.open_button.isEnabled(),
                dialog.folder_button.isVisible() and dialog.folder_button.isEnabled(),
            )
        finally:
            if dialog is not None:
                dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert seen["first"] == (True, True)
    assert seen["name has the keyboard"]
    assert "n'existe pas" in str(seen["said"]) and "rien n'a été écrit" in str(seen["said"]), seen
    assert seen["after"] == (False, False), seen


def test_escape_during_an_export_cancels_it_and_says_so(qtbot, tmp_path: Path) -> None:
    """Ctrl+E, a folder, Enter, then Échap while the documents are being written: the dialog
    went away and the export went on unseen, the Word and Excel files appearing in the folder
    later with nothing said (and cut short if Atelier was then closed). Now Échap cancels it:
    the dialog stays to say « Export annulé », nothing is in the folder; Échap again closes it."""
    active_example_window(qtbot, tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = _dialog_with_folder_typed(qtbot, out)
            key(qtbot, Qt.Key.Key_Return)
            seen["running"] = dialog.running
            key(qtbot, Qt.Key.Key_Escape)
            seen["shown while cancelling"] = dialog.isVisible()
            qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
            qtbot.wait(100)
            seen["shown after"] = dialog.isVisible()
            seen["said"] = dialog.message.text()
            seen["offered"] = dialog.open_button.isVisible()
            seen["in the folder"] = sorted(p.name for p in out.iterdir())
            key(qtbot, Qt.Key.Key_Escape)
            seen["closed by the second Échap"] = not dialog.isVisible()
        finally:
            if dialog is not None:
                qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
                dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert seen["running"] is True
    assert seen["shown while cancelling"] and seen["shown after"], seen
    assert seen["said"] == "Export annulé\xa0: rien n'a été écrit.", seen
    assert seen["offered"] is False
    assert seen["in the folder"] == []
    assert seen["closed by the second Échap"]
    qtbot.wait(1500)  # an export that went on regardless would have written by now
    assert sorted(p.name for p in out.iterdir()) == []
