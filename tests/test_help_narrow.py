"""F1's list of keys in a narrow dialog (a screen 800 pixels wide, or the dialog made
narrower): its two columns left « Annuler », « Rétablir », « Rechercher »… one letter a line,
beside keys that never wrap (« Ctrl+Entrée, ou Tab pour passer à la suivante »). Narrow, the
list is one column, each name on one line; wide, two columns as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from atelier.ui.help_dialog import HelpDialog

from .helpers.keyboard import active_example_window, key


def _words_cut(dialog: HelpDialog) -> list[str]:
    """The one-word names of the list (« Annuler ») laid out on more than one line."""
    document = dialog.browser.document()
    dialog.browser.viewport().update()
    QApplication.processEvents()
    cut = []
    block = document.begin()
    while block.isValid():
        text = block.text().strip()
        layout = block.layout()
        if text and " " not in text and layout is not None and layout.lineCount() > 1:
            cut.append(text)
        block = block.next()
    return cut


def _columns(dialog: HelpDialog) -> int:
    """2 if the list's last section stands right of its first, else 1."""
    from atelier.ui.actions import help_rows

    titles = [title for title, _rows in help_rows()]
    where = {}
    block = dialog.browser.document().begin()
    while block.isValid():
        if block.text().strip() in (titles[0], titles[-1]):
            cursor = QTextCursor(block)
            where[block.text().strip()] = dialog.browser.cursorRect(cursor).x()
        block = block.next()
    return 2 if where[titles[-1]] > where[titles[0]] + dialog.browser.viewport().width() // 3 else 1


@pytest.mark.parametrize("width", [740, 1180])
def test_f1_in_a_narrow_dialog_keeps_each_name_whole(
    qtbot, tmp_path: Path, language: str, width: int
) -> None:
    window = active_example_window(qtbot, tmp_path)
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HelpDialog):
            QTimer.singleShot(20, look)
            return
        dialog.resize(width, 660)
        qtbot.waitUntil(lambda: dialog.width() == width)
        QApplication.processEvents()
        seen["cut"] = _words_cut(dialog)
        seen["columns"] = _columns(dialog)
        seen["text"] = dialog.browser.toPlainText()
        qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    key(qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "cut" in seen, timeout=5_000)
    assert seen["cut"] == [], seen["cut"]
    assert seen["columns"] == (1 if width < 900 else 2)
    assert ("Rétablir" if language == "fr" else "Redo") in str(seen["text"])
    window.close()
