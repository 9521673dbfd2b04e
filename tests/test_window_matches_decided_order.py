"""« Qui peut aider ? » listed a need's confirmed matches and those added by hand at the same
rank, a match added by hand to an offer (its score 1.0) above the suggestion confirmed before
it, while `atelier match` lists what was confirmed, then what was added by hand
(`domain.listed_order`). The window now lists them in that order too. The real window, driven
by keys: F9, Ctrl+M, Ctrl+Maj+C, Ctrl+Maj+K."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind, MatchStatus
from atelier.ui.match_panel import MatchRole

from .helpers.keyboard import active_example_window, key, match_by_hand

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.usefixtures("no_modal_boxes")
def test_confirmed_then_added_by_hand_as_atelier_match_lists_them(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    store, model = window.store, window.model
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(store.matches(model.workshop_id)), timeout=30_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
    # A participant whose first need has a suggestion.
    person, need = next(
        (p, needs[0])
        for p in model.participants()
        if (needs := model.items_of(p.id, "need")) and store.matches_for_need(needs[0].id)
    )
    window._select(person.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL)  # to the first suggestion of the first need
    panel = window.panel.matches
    first = panel.current_match_id()
    assert first is not None
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # confirmed
    qtbot.waitUntil(lambda: store.match(first).status == MatchStatus.CONFIRMED)
    # By hand, an offer of someone else that is not among the need's matches.
    people = {p.id: p for p in model.participants()}
    matched = {m.resource_id for m in store.matches_for_need(need.id)}
    offer = next(
        i
        for i in store.workshop_items(model.workshop_id)
        if i.kind == ItemKind.OFFER and i.participant_id != person.id and i.id not in matched
    )
    wanted = f"{people[offer.participant_id].display_name()} — {offer.text}"

    def choose(qtbot, combo) -> None:
        for _ in range(combo.count()):
            if combo.currentText() == wanted:
                return
            qtbot.keyClick(combo, Qt.Key.Key_Down)

    seen = match_by_hand(qtbot, window, choose)
    assert seen["choice"] == wanted
    (manual,) = store.matches(model.workshop_id, MatchStatus.MANUAL)
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() >= 1)
    row = next(r for r in range(panel.tree_model.rowCount()) if panel.tree_model.item(r).text() == need.text)
    shown = panel.tree_model.item(row)
    ids = [shown.child(i).data(MatchRole) for i in range(shown.rowCount())]
    assert ids[:2] == [first, manual.id], [shown.child(i).text() for i in range(shown.rowCount())]
    window.close()
