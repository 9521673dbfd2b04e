"""« Répertoire » (Alt+3), nothing typed, counted its rows as people: « 22 personnes » for the
example, whose label above the grid says « 24 participants », two of its rows naming two people
each (« Cécile BECHON et Ghislaine Paparemborde »). It now counts the people."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key

ALT = Qt.KeyboardModifier.AltModifier


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_directory_counts_people_not_rows(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_3, ALT)
    model = window.directory.table.model()
    assert model.rowCount() == 22
    pairs = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert any(text.startswith("Cécile BECHON") and "Ghislaine Paparemborde" in text for text in pairs), pairs
    assert window.directory.counter.text() == {"fr": "24 personnes", "en": "24 people"}[language]
    assert "24 participants" in window.switcher.combo.currentText().replace("\u00a0", " ")
    window.close()
