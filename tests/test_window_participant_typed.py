"""A participant typed live in the window (Ctrl+N, the cell, Tab) is read as an imported cell
is, and an unsure reading is said in the status bar as the import's report says it. A first
name typed without its capital made the whole cell the structure (« élodie Mérignac / Mission
locale des Landes »: nobody in the room, on the projector or in the minutes); a row whose
reading put a person's name in the structure was saved without a word."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _typed(qtbot, window, cell: str) -> tuple[list[str], str, str]:
    """`cell` typed as a new participant; what the file holds for it, read by a connection of
    its own (names, organisation), and what the status bar says."""
    before = window.model.rowCount()
    key(qtbot, Qt.Key.Key_N, CTRL)
    type_text(cell)
    key(qtbot, Qt.Key.Key_Tab)  # the participant written, the actions cell next
    assert window.model.rowCount() == before + 1
    connection = sqlite3.connect(f"file:{window.store.path}?mode=ro", uri=True)
    try:
        ((names, organisation),) = connection.execute(
            "SELECT names, organisation FROM participants WHERE source_text = ?", (cell,)
        ).fetchall()
    finally:
        connection.close()
    return json.loads(names), organisation, window.saved_label.text().replace("\u00a0", " ")


def test_a_first_name_typed_in_lower_case_is_still_a_person(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    names, organisation, said = _typed(qtbot, window, "élodie Mérignac / Mission locale des Landes")
    assert (names, organisation) == (["Élodie Mérignac"], "Mission locale des Landes")
    assert "à vérifier" not in said, said  # a sure reading says nothing more
    names, organisation, _said = _typed(qtbot, window, "Mme Sophie Bernard, CC du Seignanx")
    assert (names, organisation) == (["Sophie Bernard"], "CC du Seignanx")


def test_an_unsure_reading_is_said_in_the_status_bar(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    names, organisation, said = _typed(qtbot, window, "Anne Martin (PLIE du Marsan) avec Paul Durand")
    assert names == ["Anne Martin"] and "Paul Durand" in organisation
    assert "Participant à vérifier : « (PLIE du Marsan) avec Paul Durand », lu comme structure" in said, said
    names, organisation, said = _typed(
        qtbot, window, "Anne Martin (PLIE du Marsan) et Paul Durand (Mission locale des Landes)"
    )
    assert (names, organisation) == (
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, Mission locale des Landes",
    )
    assert (
        "Participant à vérifier : plusieurs personnes dans une même entrée (Anne Martin et Paul Durand)"
        in said
    ), said
