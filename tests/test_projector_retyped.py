"""A confirmed match whose offer the facilitator retyped afterwards is marked « texte modifié
depuis la décision : à revoir » in the window, the minutes, the fiches, Excel and `atelier
suivi`. The projector showed it to the room as any confirmed match (« Grégory TALVY (Région N-A)
peut aider : plus rien sur les aides… »), as if the people had agreed on the new words. The room
now sees it flagged « À REVOIR », on the card and beside the helper in the spotlight, until the
facilitator confirms it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind, MatchStatus

from .helpers.keyboard import active_example_window, key, retype_offer
from .helpers.language import window_language

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NEW_OFFER = "plus rien sur les aides, dispositif fermé"


def _painted(projector) -> str:
    projector.render_image()  # paints at 1920×1080 and records what the room reads
    return "\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.usefixtures("no_modal_boxes")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_room_sees_a_confirmed_match_retyped_since_flagged_to_review(
    qtbot, tmp_path: Path, monkeypatch, lang: str
) -> None:
    with window_language(monkeypatch, lang):
        _retyped_in_front_of_the_room(qtbot, tmp_path, lang)


def _retyped_in_front_of_the_room(qtbot, tmp_path: Path, lang: str) -> None:
    from atelier.matching import match_workshop, save_suggestions

    flag = "À REVOIR" if lang == "fr" else "TO REVIEW"
    window = active_example_window(qtbot, tmp_path)
    store, model = window.store, window.model
    save_suggestions(store, model.workshop_id, match_workshop(store, model.workshop_id).suggestions)
    model.matches_changed.emit()
    best = max(
        (m for m in store.matches(model.workshop_id) if store.item(m.resource_id).kind == ItemKind.OFFER),
        key=lambda m: m.score,
    )
    seeker = store.item(best.need_id).participant_id
    window._select(seeker, 3)
    key(qtbot, Qt.Key.Key_M, CTRL)
    assert window.panel.matches.select_match(best.id)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # Confirmer
    assert store.match(best.id).status == MatchStatus.CONFIRMED
    projector = window.open_projector()
    painted = _painted(projector)
    old_offer = store.item(best.resource_id)
    assert old_offer.text.split()[0] in painted and flag not in painted, painted

    # The helper's offer retyped in the grid, their other lines kept.
    retype_offer(qtbot, window, old_offer, NEW_OFFER)
    assert store.match(best.id).retyped and store.match(best.id).status == MatchStatus.CONFIRMED

    # The card the room reads: the new words, flagged as to be reviewed.
    window.projector_view("cards")
    qtbot.waitUntil(lambda: NEW_OFFER.split(",")[0] in _painted(projector), timeout=10_000)
    painted = _painted(projector)
    assert flag in painted, painted
    # The seeker in the spotlight: the helper's line says it too.
    window._select(seeker, 3)
    window.projector_view("spotlight")
    qtbot.waitUntil(lambda: NEW_OFFER.split(",")[0] in _painted(projector), timeout=10_000)
    painted = _painted(projector)
    helper_lines = [line for line in projector.drawn if line.startswith("←")]
    assert helper_lines, painted
    review = "à revoir)" if lang == "fr" else "to review)"  # in the name's one bracket
    assert any(review in line.replace("\u00a0", " ") for line in helper_lines), helper_lines

    # Confirmed again, the facilitator back on their window (keys typed on the projection no
    # longer reach it): the flag goes from the card.
    window.activateWindow()
    window.grid.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)
    window._select(seeker, 3)
    key(qtbot, Qt.Key.Key_M, CTRL)
    assert window.panel.matches.select_match(best.id)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    assert not store.match(best.id).retyped
    window.projector_view("cards")
    qtbot.waitUntil(lambda: flag not in _painted(projector), timeout=10_000)
    painted = _painted(projector)
    assert NEW_OFFER.split(",")[0] in painted and flag not in painted, painted
    projector.close()
    window.close()
