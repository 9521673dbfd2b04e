"""A status-bar message about one view goes when the view changes.

A refusal in « Suivi » (« contacté le … précéderait la décision… ») stayed in the status bar
after Alt+3 had opened « Répertoire », where it meant nothing, and after Alt+1 back on the grid:
read there, it seemed to be about the grid or the directory."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .helpers.keyboard import active_window, key, type_text
from .helpers.one_match import lucie_and_cecile

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("to", [Qt.Key.Key_3, Qt.Key.Key_1])
def test_a_refusal_in_suivi_is_gone_from_the_status_bar_in_another_view(
    qtbot, tmp_path: Path, no_modal_boxes: list[str], to: Qt.Key
) -> None:
    held = date.today() - timedelta(days=10)
    path = tmp_path / "reseau.atelier"
    lucie_and_cecile(
        path,
        held,
        title="Atelier de l'automne",
        need="clauses d'insertion dans les marchés",
        offer="clauses sociales dans les marchés publics",
        organisations=("Grand Angoulême", "PLIE des Graves"),
        reasons=["même thème"],
    )
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        assert QApplication.focusWidget() is window.followup.table
        key(qtbot, Qt.Key.Key_C, SHIFT)  # contacted, on a day typed: before the decision
        type_text((held + timedelta(days=3)).strftime("%d/%m/%Y"))
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=5000)
        qtbot.waitUntil(lambda: "précéderait" in window.saved_label.text(), timeout=5000)
        key(qtbot, Qt.Key.Key_Escape)  # the day's editor, opened again, left
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.followup.table, timeout=5000)
        key(qtbot, to, ALT)
        assert window.page() == ("directory" if to == Qt.Key.Key_3 else "grid")
        shown = window.saved_label.text()
        assert "précéderait" not in shown and "⚠" not in shown, shown
        assert shown  # the status bar still says something true: saved, or read-only
        # Back in « Suivi »: the refusal is not said again as if it had just happened.
        key(qtbot, Qt.Key.Key_2, ALT)
        assert "précéderait" not in window.saved_label.text()
    finally:
        window.close()
