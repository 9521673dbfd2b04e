"""The status line says what Ctrl+Z undid. A participant cell naming no one (a structure
alone, as a facilitator types it when the person is not known yet) was said cut in the middle
of a word with nothing to show the cut: « Annulé : modifier le participant Mission locale des
Graves et d — Ctrl+Y pour rétablir ». It is now cut between words and ends with « … »."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.store import Store
from atelier.ui.columns import COLUMN_PARTICIPANT

from .helpers.keyboard import active_window, key, type_text
from .helpers.two_people import lucie_and_paul

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")
TYPED = "Mission locale des Graves et du Sud Gironde, antenne de Langon"


def organisations(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [p.organisation for p in store.participants(store.workshops()[0].id)]


def test_undoing_a_participant_cell_naming_no_one_says_it_in_whole_words(qtbot, tmp_path: Path) -> None:
    path = lucie_and_paul(tmp_path / "cap.atelier", paul_from="PLIE Sud Landes")
    window = active_window(qtbot, path)
    try:
        window.grid.setCurrentIndex(window.proxy.index(1, COLUMN_PARTICIPANT))
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_F2)
        key(qtbot, Qt.Key.Key_A, CTRL)
        type_text(TYPED)
        key(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "PLIE Sud Landes" not in organisations(path))
        key(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: "PLIE Sud Landes" in organisations(path))
        said = window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")
        assert said.startswith("Annulé : modifier le participant "), said
        what = said.removeprefix("Annulé : modifier le participant ").split(" — ")[0]
        assert what.endswith("…"), said
        assert TYPED.startswith(what.removesuffix("…")), said
        assert TYPED[len(what.removesuffix("…").rstrip(" ,"))] in " ,", said  # whole words
    finally:
        window.close()
