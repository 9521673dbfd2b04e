"""Ctrl+M on a participant with no need says « X n'a aucun besoin noté … : rien à
rapprocher. » in the status bar. The sentence stayed there once the facilitator had moved on
to someone with needs: read at a glance on that one's card, it said « aucun besoin ». It
now goes when another participant is chosen (moving along the same row keeps it), and the
status bar says the file's state again. Ctrl+Maj+K with no participant chosen named Ctrl+M,
not the key pressed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from atelier.domain import ItemKind

from .helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _file_states(window) -> set[str]:
    """What the status bar says of the file when nothing else is to be said."""
    from atelier.ui.translate import tr

    states = {tr("Chaque modification est enregistrée aussitôt.")}
    if window.last_saved is not None:
        states.add(tr("Enregistré à {time}").format(time=window.last_saved))
    return states


@pytest.mark.usefixtures("no_modal_boxes")
def test_no_need_sentence_goes_when_another_participant_is_chosen(
    qtbot, tmp_path: Path, language: str
) -> None:
    window = active_example_window(qtbot, tmp_path)
    model = window.model
    first = model.participant_at(0)
    assert not model.items_of(first.id, ItemKind.NEED)  # Maxime Roby noted no need
    key(qtbot, Qt.Key.Key_Home, CTRL)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_M, CTRL)
    said = _plain(window.saved_label.text())
    assert said.startswith("Maxime Roby (PETR Monts et barrages) ")
    # Along the same row: still about Maxime, still said.
    key(qtbot, Qt.Key.Key_Right)
    assert _plain(window.saved_label.text()) == said
    # Down to the next participant: the sentence about Maxime is gone, and stays gone down
    # to the first one with needs.
    for _row in range(6):
        key(qtbot, Qt.Key.Key_Down)
        now = model.participant_at(window.proxy.mapToSource(window.grid.currentIndex()).row())
        assert now.id != first.id
        assert "Maxime" not in window.saved_label.text()
        if model.items_of(now.id, ItemKind.NEED):
            break
    assert model.items_of(now.id, ItemKind.NEED)
    shown = window.saved_label.text()
    assert "Maxime" not in shown
    assert shown in _file_states(window), shown
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_a_message_of_another_kind_stays_when_moving(qtbot, tmp_path: Path) -> None:
    """Only what was said of the participant left goes: « Cellule … vidée — Ctrl+Z pour
    annuler » says how to undo, true on any row, and stays."""
    from atelier.ui.columns import KIND_COLUMNS

    window = active_example_window(qtbot, tmp_path)
    first = window.model.participant_at(0)
    kind = next(k for k in ItemKind if window.model.items_of(first.id, k))  # a cell he filled
    key(qtbot, Qt.Key.Key_Home, CTRL)
    key(qtbot, Qt.Key.Key_M, CTRL)
    assert "Maxime" in window.saved_label.text()
    while window.grid.currentIndex().column() < KIND_COLUMNS[kind]:
        key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Ctrl+Z" in window.saved_label.text())
    emptied = window.saved_label.text()
    key(qtbot, Qt.Key.Key_Down)
    assert window.saved_label.text() == emptied
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_ctrl_shift_k_with_no_participant_chosen_names_that_key(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    window.grid.setCurrentIndex(QModelIndex())  # no row chosen (the grid's cursor nowhere)
    window.grid.clearSelection()
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_K, CTRL | SHIFT)
    expected = {
        "fr": "Aucun participant choisi : choisissez-en un dans la grille, puis Ctrl+Maj+K.",
        "en": "No participant chosen: choose one in the grid, then Ctrl+Shift+K.",
    }[language]
    assert _plain(window.saved_label.text()) == expected
    key(qtbot, Qt.Key.Key_M, CTRL)  # Ctrl+M still names Ctrl+M
    ctrl_m = {
        "fr": "Aucun participant choisi : choisissez-en un dans la grille, puis Ctrl+M.",
        "en": "No participant chosen: choose one in the grid, then Ctrl+M.",
    }[language]
    assert _plain(window.saved_label.text()) == ctrl_m
    # A participant chosen now: the sentence asking to choose one goes.
    key(qtbot, Qt.Key.Key_Home, CTRL)
    assert window.grid.currentIndex().isValid()
    assert window.saved_label.text() in _file_states(window)
    window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_saving_indicator_is_left_to_say_its_state(qtbot, tmp_path: Path) -> None:
    """After the sentence, a need typed in Maxime's cell: « Enregistrement… » while it waits,
    then the time it was saved, which moving down does not take away."""
    from atelier.ui.columns import KIND_COLUMNS
    from atelier.ui.translate import tr

    from .helpers.keyboard import type_text

    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_Home, CTRL)
    key(qtbot, Qt.Key.Key_M, CTRL)
    assert "Maxime" in window.saved_label.text()
    while window.grid.currentIndex().column() < KIND_COLUMNS[ItemKind.NEED]:
        key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_F2)
    type_text("Un local")
    qtbot.waitUntil(lambda: window.saved_label.text() == tr("Enregistrement…"))
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: (
            window.last_saved is not None
            and window.saved_label.text() == tr("Enregistré à {time}").format(time=window.last_saved)
        ),
        timeout=5_000,
    )
    saved = window.saved_label.text()
    assert "Maxime" not in saved
    key(qtbot, Qt.Key.Key_Down)
    assert window.saved_label.text() == saved
    window.close()
