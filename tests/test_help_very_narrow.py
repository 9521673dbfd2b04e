"""F1's list of keys in a very narrow dialog (about 420 pixels): one column still put each
name beside keys that never wrap (« Ctrl+Entrée, ou Tab pour passer à la suivante »), and
the names were cut a few letters a line (« Nouvea / u / participant », « Annule / r »).
Now no word of the list is cut across lines, at 420 pixels as at 600, in French and in
English, and every name and every key is still there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from atelier.french import typography
from atelier.ui.actions import help_rows
from atelier.ui.help_dialog import HelpDialog

from .helpers.keyboard import active_example_window, key


def _words_cut(dialog: HelpDialog) -> list[str]:
    """Each line of the list that starts in the middle of a word: « u participant »."""
    dialog.browser.viewport().update()
    QApplication.processEvents()
    cut = []
    block = dialog.browser.document().begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for number in range(1, layout.lineCount() if layout is not None else 0):
            start = layout.lineAt(number).textStart()
            if 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
                cut.append(f"{text[:start]}|{text[start:]}")
        block = block.next()
    return cut


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("width", [420, 600])
def test_f1_very_narrow_cuts_no_word(qtbot, tmp_path: Path, language: str, width: int) -> None:
    window = active_example_window(qtbot, tmp_path)
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HelpDialog):
            QTimer.singleShot(20, look)
            return
        dialog.resize(width, 700)
        qtbot.waitUntil(lambda: dialog.width() == width)
        QApplication.processEvents()
        seen["cut"] = _words_cut(dialog)
        seen["text"] = _plain(dialog.browser.toPlainText())
        qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    key(qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "cut" in seen, timeout=5_000)
    assert seen["cut"] == [], seen["cut"]
    for _title, rows in help_rows():
        for what, keys in rows:
            assert _plain(typography(what)) in str(seen["text"])
            assert _plain(keys) in str(seen["text"])
    window.close()
