"""Ctrl+Maj+K on a need chosen with the arrows in « Qui peut aider ? » (its own line, not one of
its suggestions) jumped to the first suggestion of the list first: the box asked for the first
need of the participant, and the match made by hand went to it, not to the need chosen (the
« À la main… » button asked for the need chosen). The key now asks for the need chosen too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import MatchStatus

from .helpers.keyboard import active_example_window, key, match_by_hand

CTRL = Qt.KeyboardModifier.ControlModifier


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.usefixtures("no_modal_boxes")
def test_a_match_by_hand_goes_to_the_need_chosen_with_the_arrows(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    store, model = window.store, window.model
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(store.matches(model.workshop_id)), timeout=30_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
    eric = next(p for p in model.participants() if p.names and p.names[0].startswith("Eric"))
    needs = model.items_of(eric.id, "need")
    assert len(needs) == 2
    window._select(eric.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL)  # to the first suggestion, under his first need
    panel = window.panel.matches
    assert panel.tree.currentIndex().parent().row() == 0
    # Down the list to the line of his second need itself.
    for _ in range(40):
        index = panel.tree.currentIndex()
        if not index.parent().isValid() and index.row() == 1:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert panel.tree.currentIndex().data() == needs[1].text

    # In the box, the second resource of the list, chosen with ↓ and Entrée.
    seen = match_by_hand(qtbot, window, lambda qtbot, combo: qtbot.keyClick(combo, Qt.Key.Key_Down))
    assert needs[1].text[:40] in _plain(seen["label"]), seen
    (manual,) = store.matches(model.workshop_id, MatchStatus.MANUAL)
    assert manual.need_id == needs[1].id, store.item(manual.need_id).text
    assert seen["choice"].endswith(store.item(manual.resource_id).text[:30]) or (
        store.item(manual.resource_id).text[:30] in seen["choice"]
    )
    # The match just made is the one chosen after it (the list made again would otherwise
    # choose the need's first suggestion, and Ctrl+Maj+C confirm it unseen).
    assert panel.current_match_id() == manual.id
    window.close()
