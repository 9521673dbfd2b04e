"""« Mettre en relation à la main » (Ctrl+Maj+K) opened on the grid's first resource with « OK »
as its default: Ctrl+Maj+K then Entrée recorded a decided match nobody chose, and the minutes
then called it « mise en relation décidée ». The box now chooses nothing: Entrée does nothing
until a resource is chosen (arrows or first letters), then records the one chosen."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QInputDialog

from atelier.domain import MatchStatus

from .helpers.keyboard import active_example_window, key, suggestions_saved

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _on_a_need(qtbot, window) -> None:
    suggestions_saved(qtbot, window)
    eric = next(p for p in window.model.participants() if p.names and p.names[0].startswith("Eric"))
    window._select(eric.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # to « Qui peut aider ? »


def _in_the_box(qtbot, keys: list[Qt.Key]) -> dict[str, object]:
    """Ctrl+Maj+K, then `keys` typed into the box, then Entrée; what the box showed, and whether
    it was still open after Entrée (then closed with Échap)."""
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        combo = dialog.findChild(QComboBox)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["shown"] = combo.currentText()
        seen["ok_at_first"] = ok.isEnabled()
        combo.setFocus()
        for k in keys:
            qtbot.keyClick(combo, k)
        seen["choice"] = combo.currentText()
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        seen["open_after_enter"] = QApplication.activeModalWidget() is dialog and dialog.isVisible()
        if seen["open_after_enter"]:
            qtbot.keyClick(combo, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    key(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    return seen


@pytest.mark.usefixtures("no_modal_boxes")
def test_ctrl_shift_k_then_enter_records_no_match(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = Path(window.store.path)
    _on_a_need(qtbot, window)
    before = _digest(path)
    seen = _in_the_box(qtbot, [])
    assert seen["shown"] == "" and seen["ok_at_first"] is False, seen
    assert seen["open_after_enter"] is True, seen
    assert window.store.matches(window.model.workshop_id, MatchStatus.MANUAL) == []
    assert _digest(path) == before
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_a_resource_chosen_by_keys_then_enter_is_recorded(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    _on_a_need(qtbot, window)
    seen = _in_the_box(qtbot, [Qt.Key.Key_Down, Qt.Key.Key_Down])
    assert seen["open_after_enter"] is False, seen
    (manual,) = window.store.matches(window.model.workshop_id, MatchStatus.MANUAL)
    resource = window.store.item(manual.resource_id).text
    assert str(seen["choice"]).endswith(resource), (seen, resource)
    window.close()
