"""« Projecteur sur un participant » (F5, Ctrl+2) on a workshop with no one yet (a new one,
Ctrl+Alt+N) told the room « Choisissez un participant dans la grille »: there was none to
choose. It now says there is no participant yet; with someone typed, it asks again for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _drawn(window) -> str:
    window.projector.render_image()  # paints as the room sees it, and records what it reads
    return " ".join(window.projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")


def test_the_spotlight_of_an_empty_workshop_says_no_one_is_there_yet(
    qtbot, tmp_path: Path, language: str
) -> None:
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_N, CTRL | ALT)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.projector is not None and window.projector.isVisible())
    key(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: window.projector.view == "spotlight")
    drawn = _drawn(window)
    empty, choose = {
        "fr": (
            "Pas encore de participant : chacun s'affichera ici dès qu'il sera saisi.",
            "Choisissez un participant dans la grille",
        ),
        "en": (
            "No participant yet: each one will show here once typed in.",
            "Choose a participant in the grid",
        ),
    }[language]
    assert empty in drawn, drawn
    assert choose not in drawn, drawn
    window.close()
