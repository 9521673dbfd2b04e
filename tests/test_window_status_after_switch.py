"""The status bar said which workshop the window opened on (« Ouvert sur « Atelier du 16 mars
2021 », le plus récent avec des participants… ») and kept saying it once another workshop
was shown (Ctrl+Alt+PgDown): it now says what holds for the file, the keyboard driving the
real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key
from .test_window_opening import _file_with_an_empty_workshop_added


def test_the_opened_on_line_goes_when_another_workshop_is_shown(qtbot, tmp_path: Path) -> None:
    full, _empty = _file_with_an_empty_workshop_added(tmp_path)
    window = active_example_window(qtbot, tmp_path)
    assert window.model.workshop_id == full
    assert "Ouvert sur" in window.saved_label.text()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    key(qtbot, Qt.Key.Key_PageDown, modifiers)
    assert window.model.workshop_id != full
    assert window.model.workshop().title == "Atelier de 2022"
    said = window.saved_label.text()
    assert "Ouvert sur" not in said and "16 mars 2021" not in said, said
    assert said == "Chaque modification est enregistrée aussitôt.", said
    key(qtbot, Qt.Key.Key_PageUp, modifiers)  # back: still no « Ouvert sur »
    assert window.model.workshop_id == full
    assert "Ouvert sur" not in window.saved_label.text()
    window.close()
