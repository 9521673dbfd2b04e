"""« Suivi » (Alt+2) in a file with no decided match yet showed an empty table, « 0 mise en
relation suivie » and the keys of a list with nothing in it: nothing said how a match gets
there. The list now says it, in the window's language; once one is confirmed, the list
shows it and says nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def test_an_empty_follow_up_says_how_a_match_gets_there(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_2, ALT)
    table = window.followup.table
    said = table.empty_text().replace("\u00a0", " ").replace("\u202f", " ")
    expected = {
        "fr": (
            "Aucune mise en relation décidée pour l'instant : elles viennent ici une fois confirmées.\n"
            "Dans la grille (Alt+1) : Ctrl+M pour aller aux suggestions d'un participant, Ctrl+Maj+C "
            "pour en confirmer une, Ctrl+Maj+K pour mettre en relation à la main."
        ),
        "en": (
            "No decided match yet: they come here once confirmed.\n"
            "In the grid (Alt+1): Ctrl+M to go to a participant's suggestions, Ctrl+Shift+C to "
            "confirm one, Ctrl+Shift+K to match by hand."
        ),
    }[language]
    assert said == expected
    # Done as it says: the match is listed, and the list says nothing more.
    key(qtbot, Qt.Key.Key_1, ALT)
    store, model = window.store, window.model
    qtbot.waitUntil(
        lambda: bool(store.matches(model.workshop_id)) and not window.matching._busy, timeout=30_000
    )
    lucie = next(p for p in model.participants() if p.names and p.names[0].startswith("Lucie"))
    window._select(lucie.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    key(qtbot, Qt.Key.Key_2, ALT)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert table.empty_text() == ""
    window.close()
