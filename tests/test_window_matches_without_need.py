"""Ctrl+M (« Aller aux mises en relation ») on a participant who noted no need took the
keyboard into the empty « Qui peut aider ? » list and said nothing: the facilitator's next
keys (↓, Ctrl+Maj+C) went nowhere. The status bar now names the participant and says there is
nothing to match, and the keyboard stays in the grid, on the same cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind
from atelier.ui.columns import kind_title

from .helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.usefixtures("no_modal_boxes")
def test_ctrl_m_on_someone_with_no_need_says_so_and_keeps_the_keyboard(
    qtbot, tmp_path: Path, language: str
) -> None:
    window = active_example_window(qtbot, tmp_path)
    model = window.model
    first = model.participant_at(0)
    assert not model.items_of(first.id, ItemKind.NEED)  # Maxime Roby noted no need
    key(qtbot, Qt.Key.Key_Home, CTRL)
    key(qtbot, Qt.Key.Key_Right)
    cell = window.grid.currentIndex()
    key(qtbot, Qt.Key.Key_M, CTRL)
    said = _plain(window.saved_label.text())
    expected = {
        "fr": "Maxime Roby (PETR Monts et barrages) n'a aucun besoin noté (colonne « Besoins de "
        "ressources ») : rien à rapprocher.",
        # The column as the window titles it (its English title may change).
        "en": f"Maxime Roby (PETR Monts et barrages) has no need noted (“{kind_title(ItemKind.NEED)}” "
        "column): nothing to match.",
    }[language]
    assert said == expected
    assert QApplication.focusWidget() is window.grid
    assert window.grid.currentIndex() == cell
    # Ctrl+Maj+K, a match by hand: no box for a need there is none of, said the same way.
    key(qtbot, Qt.Key.Key_K, CTRL | SHIFT)
    assert QApplication.activeModalWidget() is None
    assert _plain(window.saved_label.text()) == expected
    assert QApplication.focusWidget() is window.grid
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_two_people_with_no_need_are_said_in_the_plural(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    model = window.model
    pair = next(p for p in model.participants() if len(p.names) == 2 and not model.items_of(p.id, "need"))
    window._select(pair.id, 1)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL)
    said = _plain(window.saved_label.text())
    assert said.startswith(f"{pair.display_name()} n'ont aucun besoin noté"), said
    assert QApplication.focusWidget() is window.grid
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_ctrl_m_on_someone_with_needs_still_goes_to_their_list(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    model = window.model
    lucie = next(p for p in model.participants() if p.names and p.names[0].startswith("Lucie"))
    window._select(lucie.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL)
    panel = window.panel.matches
    assert QApplication.focusWidget() is panel.tree
    assert panel.tree_model.rowCount() == len(model.items_of(lucie.id, ItemKind.NEED))
    assert "aucun besoin" not in window.saved_label.text()
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_ctrl_m_in_a_workshop_with_no_one_yet_says_how_to_add_someone(
    qtbot, tmp_path: Path, language: str
) -> None:
    """A new workshop of the file (Ctrl+Alt+N), no row yet: « choisissez-en un dans la grille »
    sent the facilitator to a grid with no one to choose."""
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    key(qtbot, Qt.Key.Key_M, CTRL)
    said = _plain(window.saved_label.text())
    expected = {
        "fr": "Cet atelier n'a encore aucun participant : Ctrl+N pour en ajouter un.",
        "en": "This workshop has no participant yet: Ctrl+N to add one.",
    }
    assert said == expected[language]
    window.close()
