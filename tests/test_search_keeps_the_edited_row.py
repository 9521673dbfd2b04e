"""A cell emptied (or edited) under a search: the row stays where the facilitator works, so
a second Suppr never empties another participant's cell; it goes when the search changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind
from atelier.store import Store
from atelier.ui.columns import KIND_COLUMNS
from atelier.ui.main_window import MainWindow

from .helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
RESOURCE = KIND_COLUMNS[ItemKind.OFFER]
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = active_example_window(qtbot, tmp_path)
    yield win
    win.close()


def current_name(window: MainWindow) -> str:
    index = window.grid.currentIndex()
    participant = window.model.participant_at(window.proxy.mapToSource(index).row())
    return " ".join(participant.names)


def resources_in_file(path: Path) -> dict[str, list[str]]:
    with Store.open(path, readonly=True) as store:
        workshop = store.workshops()[0]
        return {
            " ".join(p.names): [i.text for i in store.items(p.id, ItemKind.OFFER)]
            for p in store.participants(workshop.id)
        }


def test_suppr_twice_under_a_search_never_empties_another_participants_cell(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "exemple.atelier"
    before = resources_in_file(path)
    key(qtbot, Qt.Key.Key_F, CTRL)
    type_text("faire du lien")
    shown = window.grid.model().rowCount()
    assert shown >= 2
    key(qtbot, Qt.Key.Key_Return)  # back to the grid, on the first result
    assert QApplication.focusWidget() is window.grid
    for _ in range(shown):
        if current_name(window) == "Grégory TALVY":
            break
        key(qtbot, Qt.Key.Key_Down)
    assert current_name(window) == "Grégory TALVY"
    while window.grid.currentIndex().column() < RESOURCE:
        key(qtbot, Qt.Key.Key_Right)
    assert before["Grégory TALVY"]
    key(qtbot, Qt.Key.Key_Delete)
    assert resources_in_file(path)["Grégory TALVY"] == []
    # The row no longer holds the words searched, and stays: the cursor on the emptied cell.
    assert current_name(window) == "Grégory TALVY"
    assert window.grid.currentIndex().column() == RESOURCE
    assert window.grid.model().rowCount() == shown
    qtbot.waitUntil(lambda: "+ 1 ligne modifiée" in window.search_bar.found.text())
    assert window.search_bar.found.text().startswith(f"{shown - 1} résultat")
    key(qtbot, Qt.Key.Key_Delete)  # again: that cell is empty, nothing else is touched
    after = resources_in_file(path)
    assert {name: cells for name, cells in after.items() if name != "Grégory TALVY"} == {
        name: cells for name, cells in before.items() if name != "Grégory TALVY"
    }
    # Ctrl+Z brings the cell back, on the row still shown.
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert resources_in_file(path)["Grégory TALVY"] == before["Grégory TALVY"]
    assert current_name(window) == "Grégory TALVY"
    qtbot.waitUntil(lambda: "ligne modifiée" not in window.search_bar.found.text())


def test_the_emptied_row_goes_when_the_search_changes(qtbot, window: MainWindow) -> None:
    key(qtbot, Qt.Key.Key_F, CTRL)
    type_text("faire du lien")
    shown = window.grid.model().rowCount()
    key(qtbot, Qt.Key.Key_Return)
    for _ in range(shown):
        if current_name(window) == "Grégory TALVY":
            break
        key(qtbot, Qt.Key.Key_Down)
    while window.grid.currentIndex().column() < RESOURCE:
        key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Delete)
    key(qtbot, Qt.Key.Key_F, CTRL)
    key(qtbot, Qt.Key.Key_End)
    type_text(" ")  # the search typed again (a space more): it shows what holds the words now
    assert window.grid.model().rowCount() == shown - 1
    assert "ligne modifiée" not in window.search_bar.found.text()
    names = [
        " ".join(
            window.model.participant_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row()).names
        )
        for row in range(window.proxy.rowCount())
    ]
    assert "Grégory TALVY" not in names


def test_the_card_typed_under_a_search_keeps_its_row_and_its_typing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """The card is saved while typing: a role retyped so that the row no longer holds the
    search must not take the row (and the card, and the rest of the typing) away."""
    key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Fon&ction, the first row's
    type_text("référente RSA")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_F, CTRL)
    type_text("référente")
    assert window.grid.model().rowCount() == 1
    key(qtbot, Qt.Key.Key_Return)
    someone = current_name(window)
    key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.panel.role
    type_text("chargée de projet")  # over the whole field, selected by Alt+C

    def roles_in_file() -> list[str]:
        with Store.open(tmp_path / "exemple.atelier", readonly=True) as store:
            return [p.role for p in store.participants(store.workshops()[0].id)]

    qtbot.waitUntil(lambda: "chargée de projet" in roles_in_file())
    type_text(" emploi")
    qtbot.waitUntil(lambda: "chargée de projet emploi" in roles_in_file())
    assert window.panel.role.isEnabled() and window.panel.role.text() == "chargée de projet emploi"
    assert window.grid.model().rowCount() == 1 and current_name(window) == someone
