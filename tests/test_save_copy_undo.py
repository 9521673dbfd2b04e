"""« Enregistrer une copie sous… » mid-workshop: the window goes on with the copy, and Ctrl+Z
still undoes the last edit (in the copy, the file now open), as the status bar says."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store
from tests.helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier


def _actions(path: Path, participant_id: str) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [i.text for i in store.items(participant_id, ItemKind.ACTION)]


def test_ctrl_z_after_saving_a_copy_undoes_the_last_edit_in_the_copy(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = active_example_window(qtbot, tmp_path)
    original = window.store.path
    first = window.model.participant_at(0)
    typed = _actions(original, first.id)
    assert typed
    window.grid.setCurrentIndex(window.proxy.index(0, 1))  # « Actions engagées »
    key(qtbot, Qt.Key.Key_Delete)  # the cell emptied, undoably
    assert _actions(original, first.id) == []

    copy = tmp_path / "copie" / "atelier-copie.atelier"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(copy), ""))
    key(qtbot, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.AltModifier)  # Enregistrer une copie sous…
    assert window.store.path == copy  # the window goes on with the copy
    status = window.saved_label.text()
    assert "la suite s'écrit dans la copie" in status and "Ctrl+Z" in status
    assert "«\xa0exemple.atelier\xa0» n'est plus modifié" in status
    assert window.file_label.text() == str(copy)  # the copy's path, at the right of the status bar
    assert window.undo_action.isEnabled()  # the history is still there

    original_bytes = hashlib.sha256(original.read_bytes()).hexdigest()
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the facilitator's last edit, undone
    assert _actions(copy, first.id) == typed
    assert [i.text for i in window.store.items(first.id, ItemKind.ACTION)] == typed
    # The file left behind is not touched: it keeps what it had when the copy was made.
    assert hashlib.sha256(original.read_bytes()).hexdigest() == original_bytes
    assert _actions(original, first.id) == []
    key(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # and redone
    assert _actions(copy, first.id) == []
    assert no_modal_boxes == []
