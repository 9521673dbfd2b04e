"""Édition › Annuler names the step it would undo. It read « Annuler : Confirmer la mise en
relation »: French puts no capital after a colon (the status bar already said « Annulé :
confirmer… »). And a cell emptied with Suppr was named « Annuler : Modifier « Actions
engagées » de Maxime Roby », which did not say that everything in it would come back: it is
now « vider la cellule », as the status bar says « Cellule « Actions engagées » vidée »."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind, MatchStatus

from .helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _menu(window, which: str) -> str:
    return _plain(window.commands.actions[f"edit.{which}"].text())


def test_a_decision_is_named_in_lower_case_after_the_colon(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    store, model = window.store, window.model
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(store.matches(model.workshop_id)), timeout=30_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
    lucie = next(p for p in model.participants() if p.names and p.names[0].startswith("Lucie"))
    window._select(lucie.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(store.matches(model.workshop_id, MatchStatus.CONFIRMED)))
    confirm, reject, redo, undone = {
        "fr": (
            "&Annuler : confirmer la mise en relation",
            "&Annuler : écarter la suggestion",
            "&Rétablir : écarter la suggestion",
            "Annulé : écarter la suggestion — Ctrl+Y pour rétablir",
        ),
        "en": (
            "&Undo: confirm the match",
            "&Undo: reject the suggestion",
            "&Redo: reject the suggestion",
            "Undone: reject the suggestion — Ctrl+Y to redo",
        ),
    }[language]
    assert _menu(window, "undo") == confirm
    key(qtbot, Qt.Key.Key_X, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(store.matches(model.workshop_id, MatchStatus.REJECTED)))
    assert _menu(window, "undo") == reject
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert _menu(window, "redo") == redo
    assert _menu(window, "undo") == confirm
    assert _plain(window.saved_label.text()).startswith(undone)
    window.close()


def test_a_cell_emptied_with_delete_is_named_so(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    model = window.model
    maxime = model.participant_at(0)
    actions = [i.text for i in model.items_of(maxime.id, ItemKind.ACTION)]
    assert actions
    key(qtbot, Qt.Key.Key_Home, CTRL)
    key(qtbot, Qt.Key.Key_Right)  # « Actions engagées » of Maxime Roby
    key(qtbot, Qt.Key.Key_Delete)
    assert not model.items_of(maxime.id, ItemKind.ACTION)
    emptied = {
        "fr": "vider la cellule « Actions engagées » de Maxime Roby",
        "en": "empty the “Actions under way” cell of Maxime Roby",
    }[language]
    undo, redo, undone = {
        "fr": ("&Annuler : ", "&Rétablir : ", "Annulé : "),
        "en": ("&Undo: ", "&Redo: ", "Undone: "),
    }[language]
    assert _menu(window, "undo") == undo + emptied
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert [i.text for i in model.items_of(maxime.id, ItemKind.ACTION)] == actions
    assert _menu(window, "redo") == redo + emptied
    assert _plain(window.saved_label.text()).startswith(undone + emptied)
    window.close()


def test_a_cell_retyped_after_a_pause_on_it_empty_is_named_modified(qtbot, tmp_path: Path) -> None:
    """F2, everything erased, a pause (the empty cell saved: « vider la cellule »), then a new
    text typed and Tab: one step, which modified the cell, not emptied it."""
    window = active_example_window(qtbot, tmp_path)
    model = window.model
    maxime = model.participant_at(0)
    key(qtbot, Qt.Key.Key_Home, CTRL)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_A, CTRL)
    key(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not window.store.items(maxime.id, ItemKind.ACTION), timeout=5_000)
    assert _menu(window, "undo") == "&Annuler : vider la cellule « Actions engagées » de Maxime Roby"
    type_text("forum de l'emploi")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: [i.text for i in window.store.items(maxime.id, ItemKind.ACTION)] == ["forum de l'emploi"]
    )
    assert _menu(window, "undo") == "&Annuler : modifier « Actions engagées » de Maxime Roby"
    window.close()
