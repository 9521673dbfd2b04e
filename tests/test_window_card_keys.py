"""The card's fields are reached with Alt + their underlined letter (« Champs de l'en-tête et
de la fiche : Alt + la lettre soulignée »), and with the card closed too: Alt+R did nothing,
the name then typed replaced the participant cell of the grid (structure gone), Alt+S and
Alt+T made a new action and a new challenge of what was typed for the structure and the
territory. Now the card opens on the field asked for, in the real window, by the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT

from .helpers.keyboard import active_window, key, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _items(window) -> int:
    workshop = window.model.workshop_id
    return sum(len(window.store.items(p.id)) for p in window.store.participants(workshop))


@pytest.mark.parametrize("open_card", [True, False])
def test_alt_and_a_card_letter_reach_the_field_whether_the_card_is_open_or_not(
    qtbot, tmp_path: Path, open_card: bool
) -> None:
    import shutil

    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    window = active_window(qtbot, path)
    grid = window.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    window.panel_dock.setVisible(open_card)
    qtbot.waitUntil(lambda: window.panel_dock.isVisible() == open_card)
    grid.setFocus()
    first = window.model.participant_at(0)
    items = _items(window)
    panel = window.panel
    for letter, field, text in (
        (Qt.Key.Key_R, panel.names, "Maxime Roby"),
        (Qt.Key.Key_S, panel.organisation, "PETR Monts et barrages Sud"),
        (Qt.Key.Key_T, panel.territory, "Monts et barrages"),
    ):
        key(qtbot, letter, ALT)
        qtbot.waitUntil(lambda field=field: QApplication.focusWidget() is field)
        assert window.panel_dock.isVisible()
        key(qtbot, Qt.Key.Key_A, CTRL)
        type_text(text)
        key(qtbot, Qt.Key.Key_Tab)
    again = window.store.participant(first.id)
    assert again.organisation == "PETR Monts et barrages Sud", again
    assert again.names == ["Maxime Roby"]
    assert _items(window) == items  # nothing typed for the card became an item of the grid
