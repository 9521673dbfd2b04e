"""A confirmed match whose offer was retyped since is flagged « À REVOIR » on its card and
« (à revoir) » in the spotlight. The network (Ctrl+3) still drew it as any confirmed match, thick
and solid in blue, the legend saying « mise en relation confirmée »: the room saw the new words
as agreed in one view and to review in the other. The link is now drawn in the flag's colour,
dashed, and the legend says « à revoir : texte modifié depuis la décision », until the
facilitator confirms it again. The legend says « décidée », which a match made by hand is too."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind, MatchStatus

from .helpers.keyboard import active_example_window, key, retype_offer, type_text
from .helpers.language import window_language

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NEW_OFFER = "plus rien sur les aides, dispositif fermé"
BLUE = QColor("#0b4f8a")  # a confirmed link
BROWN = QColor("#8a4b00")  # the flag of a card to review


def _legend(projector) -> str:
    projector.render_image()
    return " ".join(" ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ").split())


def _near(colour: QColor, other: QColor) -> bool:
    return (
        abs(colour.red() - other.red())
        + abs(colour.green() - other.green())
        + abs(colour.blue() - other.blue())
        < 60
    )


def _link_colours(projector, helper_id: str, seeker_id: str) -> tuple[int, int]:
    """Along the link between the two dots as the room sees it: how many points are drawn in
    the confirmed blue, how many in the flag's brown."""
    image = projector.render_image()
    points = dict(zip((n.id for n in projector.network.nodes), projector.node_points, strict=True))
    a, b = points[helper_id], points[seeker_id]
    length = math.hypot(b.x() - a.x(), b.y() - a.y())
    blue = brown = 0
    for step in range(20, 80):  # the middle of the line, away from the dots and the head
        t = step / 100
        at = QPointF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t)
        assert length > 0
        colour = QColor(image.pixel(round(at.x()), round(at.y())))
        blue += _near(colour, BLUE)
        brown += _near(colour, BROWN)
    return blue, brown


@pytest.mark.usefixtures("no_modal_boxes")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_network_shows_a_confirmed_match_retyped_since_as_to_review(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from atelier.matching import match_workshop, save_suggestions

    confirmed = "mise en relation décidée" if lang == "fr" else "decided match"
    review = (
        "à revoir : texte modifié depuis la décision"
        if lang == "fr"
        else "to review: text changed since the decision"
    )
    with window_language(monkeypatch, lang):
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
        old_offer = store.item(best.resource_id)
        helper = old_offer.participant_id

        projector = window.open_projector()
        window.projector_view("network")
        qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
        legend = _legend(projector)
        assert confirmed in legend and review not in legend, legend
        blue, brown = _link_colours(projector, helper, seeker)
        assert blue > 20 and brown == 0, (blue, brown)

        # The helper's offer retyped in the grid, their other lines kept.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        retype_offer(qtbot, window, old_offer, NEW_OFFER)
        assert store.match(best.id).retyped and store.match(best.id).status == MatchStatus.CONFIRMED

        # The room's network: that link to review, not confirmed.
        qtbot.waitUntil(lambda: review in _legend(projector) and projector.layout_ready, timeout=20_000)
        legend = _legend(projector)
        assert confirmed not in legend, legend
        blue, brown = _link_colours(projector, helper, seeker)
        assert blue == 0 and brown > 5, (blue, brown)

        # Confirmed again: a confirmed link again.
        window._select(seeker, 3)
        key(qtbot, Qt.Key.Key_M, CTRL)
        assert window.panel.matches.select_match(best.id)
        key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
        assert not store.match(best.id).retyped
        qtbot.waitUntil(lambda: review not in _legend(projector) and projector.layout_ready, timeout=20_000)
        assert confirmed in _legend(projector)
        blue, brown = _link_colours(projector, helper, seeker)
        assert blue > 20 and brown == 0, (blue, brown)
        projector.close()
        window.close()


def _retype_need(qtbot, window, need, text: str) -> None:
    """`need`'s line of its participant's « Besoins » cell retyped by keys as `text`."""
    window._select(need.participant_id, 3)
    window.grid.setFocus()
    needs = window.store.items(need.participant_id, ItemKind.NEED)
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_A, CTRL)
    for n, item in enumerate(needs):
        if n:
            key(qtbot, Qt.Key.Key_Return)
        type_text(text if item.id == need.id else item.text)
    key(qtbot, Qt.Key.Key_Tab)


@pytest.mark.usefixtures("no_modal_boxes")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_made_by_hand_is_said_decided_not_confirmed(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """A match made by hand (Ctrl+Maj+K) was never confirmed from a suggestion: the network's
    legend said « mise en relation confirmée » of it, and once its need retyped, the panel and
    the legend « texte modifié depuis la décision ». Both say « décidée », « décision »."""
    from .helpers.keyboard import match_by_hand

    fr = lang == "fr"
    decided = "mise en relation décidée" if fr else "decided match"
    review = (
        "à revoir : texte modifié depuis la décision" if fr else "to review: text changed since the decision"
    )
    panel_review = (
        "1 à revoir (texte modifié depuis la décision)"
        if fr
        else "1 to review (text changed since the decision)"
    )
    with window_language(monkeypatch, lang):
        window = active_example_window(qtbot, tmp_path)
        store, model = window.store, window.model
        qtbot.waitUntil(lambda: bool(store.matches(model.workshop_id)), timeout=30_000)
        qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
        seeker = next(p for p in model.participants() if model.items_of(p.id, "need"))
        window._select(seeker.id, 3)
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_M, CTRL)
        match_by_hand(qtbot, window, lambda qtbot, combo: qtbot.keyClick(combo, Qt.Key.Key_Down))
        (manual,) = store.matches(model.workshop_id, MatchStatus.MANUAL)

        projector = window.open_projector()
        window.projector_view("network")
        qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
        legend = _legend(projector)
        assert decided in legend and "confirm" not in legend, legend

        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        _retype_need(qtbot, window, store.item(manual.need_id), "un tout autre besoin, retapé")
        assert store.match(manual.id).retyped
        qtbot.waitUntil(lambda: review in _legend(projector) and projector.layout_ready, timeout=20_000)
        assert "confirm" not in _legend(projector)
        said = " ".join(window.panel.matches.confirmed.text().replace("\u00a0", " ").split())
        assert panel_review in said and "confirm" not in said, said
        projector.close()
        window.close()
