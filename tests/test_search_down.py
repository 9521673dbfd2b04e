"""↓ in the grid's search goes down to the results, as in « Suivi » and « Répertoire »: it
did nothing, and the facilitator had to know that Entrée was the way back to the grid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import ROOT
from .helpers.keyboard import active_window, key, type_text

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def test_down_in_the_grid_s_search_goes_to_the_first_result(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is window.search
        type_text("faire du lien")
        shown = window.grid.model().rowCount()
        assert 0 < shown < window.model.rowCount()
        key(qtbot, Qt.Key.Key_Down)
        assert QApplication.focusWidget() is window.grid
        assert window.grid.currentIndex().row() == 0
        assert window.search.text() == "faire du lien"  # the search stays, the rows with it
        assert window.grid.model().rowCount() == shown
    finally:
        window.close()
