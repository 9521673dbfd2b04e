"""The projector uses the room it has. With one match confirmed, the card sat in the top-left
quarter of the screen and cut its need (« … et les… »), its offer (« garages… ») and the
structure (« (Communauté d'agglomération du Grand Villeneuvois…) »), three quarters of the
screen left blank; the spotlight's title read « Anne-Marie-Christine de La… », the structure gone.
A few cards now take the screen, their text whole; the spotlight says the person's structure
and the need whole when the page holds it. At 1366×768 and 1920×1080."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt

from atelier.domain import Item, ItemKind, MatchStatus, Participant
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store

from .helpers.keyboard import active_window, key

BIT = (
    "notamment le transport à la demande, le covoiturage solidaire, les garages solidaires, la location de "
    "scooters, le financement du permis de conduire et les plateformes de mobilité"
)
NEED = (
    "Nous cherchons des ressources sur la mobilité des jeunes en milieu rural, "
    + " ".join([BIT] * 4)
    + " FIN-DU-BESOIN"
)
ANNE = "Anne-Marie-Christine de La Rochefoucauld-Montmorency-Laval"
HER_PLACE = "Communauté d'agglomération du Grand Villeneuvois et des Coteaux de Gascogne"
OFFER = "plateforme de mobilité : location de scooters, garages solidaires, financement du permis de conduire"
SIZES = [(1366, 768), (1920, 1080)]


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The probe's long.csv: a 700-character need, a long name and a long structure, one match."""
    target = tmp_path / "long.atelier"
    with Store.create(target, title="Atelier mobilité", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop_id, names=[ANNE], organisation=HER_PLACE))
        paul = store.add_participant(
            Participant(workshop_id, names=["Paul Durand"], organisation="Mission locale du Médoc")
        )
        for owner, kind, text in (
            (anne, ItemKind.ACTION, "forum"),
            (anne, ItemKind.CHALLENGE, "recruter"),
            (anne, ItemKind.NEED, NEED),
            (anne, ItemKind.OFFER, "clauses sociales"),
            (paul, ItemKind.ACTION, "garantie jeunes"),
            (paul, ItemKind.CHALLENGE, "mobilité"),
            (paul, ItemKind.NEED, "GPECT"),
            (paul, ItemKind.OFFER, OFFER),
        ):
            store.add_item(Item(owner.id, kind, text))
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        items = {i.id: i.text for i in store.workshop_items(workshop_id)}
        best = next(m for m in store.matches(workshop_id) if items[m.resource_id] == OFFER)
        store.update_match(best.id, status=MatchStatus.CONFIRMED)
    return target


@pytest.fixture
def window(qtbot, path: Path):
    win = active_window(qtbot, path)
    yield win
    if win.projector is not None:
        win.projector.close()
    win.close()


@pytest.mark.parametrize("size", SIZES)
def test_one_card_takes_the_screen_and_says_everything_whole(qtbot, window, size: tuple[int, int]) -> None:
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None and projector.view == "cards"
    assert len(projector.projection.cards) == 1
    projector.render_image(QSize(*size))
    said = _plain(" ".join(projector.drawn))
    assert not [line for line in projector.drawn if "…" in line], projector.drawn
    assert _plain(NEED) in said, said
    assert _plain(OFFER) in said, said
    assert f"{ANNE} ({HER_PLACE}) cherche :" in said, said
    assert "← Paul Durand (Mission locale du Médoc) peut aider :" in said, said
    (box,) = projector.card_boxes
    assert box.width() * box.height() > 0.6 * size[0] * size[1], (box, size)
    # Every line inside its card, and in type no smaller than four cards get.
    for line, place, _px in projector.placed[1:]:
        assert box.contains(place), (line, place, box)
    need_px = {px for line, _b, px in projector.placed if line and _plain(line) in _plain(NEED)}
    assert min(need_px) >= round(36 * min(size[0] / 1920, size[1] / 1080)), need_px


@pytest.mark.parametrize("size", SIZES)
def test_two_cards_share_the_screen_whole(qtbot, window, path: Path, size: tuple[int, int]) -> None:
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        items = {i.id: i.text for i in store.workshop_items(workshop_id)}
        second = next(
            m
            for m in store.matches(workshop_id)
            if items[m.resource_id] != OFFER and items[m.need_id] == NEED
        )
        store.update_match(second.id, status=MatchStatus.CONFIRMED)
    window.model.matches_changed.emit()
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    qtbot.waitUntil(lambda: len(projector.projection.cards) == 2, timeout=5000)
    projector.render_image(QSize(*size))
    assert len(projector.card_boxes) == 2
    assert all(b.height() > 0.7 * size[1] for b in projector.card_boxes), projector.card_boxes
    said = _plain(" ".join(projector.drawn))
    assert said.count(f"{ANNE} ({HER_PLACE}) cherche :") == 2, said
    # The 700-character need read whole on the card with the offer: half the screen holds it.
    assert _plain(NEED) in said, said


@pytest.mark.parametrize("size", SIZES)
def test_the_spotlight_title_keeps_the_structure_and_the_need_is_whole(
    qtbot, window, size: tuple[int, int]
) -> None:
    anne = next(p for p in window.model.participants() if p.names == [ANNE])
    window._select(anne.id, 0)
    key(qtbot, Qt.Key.Key_F5)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    projector = window.projector
    assert projector.view == "spotlight"
    projector.render_image(QSize(*size))
    said = _plain(" ".join(projector.drawn))
    assert HER_PLACE in said, said
    assert said.startswith("Anne-Marie-Christine"), said
    assert _plain(NEED) in said, said
    assert not [line for line in projector.drawn if "…" in line and HER_PLACE not in _plain(line)], (
        projector.drawn
    )


def test_a_title_too_long_for_two_lines_is_cut_in_the_name_never_in_the_structure(qtbot) -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    from atelier.ui.projector import _fit_person, wrap

    metrics = QFontMetricsF(QFont())
    who = f"{ANNE} et Jean-Baptiste de Saint-Exupéry-Longuemare ({HER_PLACE})"
    width = metrics.horizontalAdvance(HER_PLACE) * 0.8
    title = _fit_person(metrics, who, width, 2)
    assert title.endswith(f"({HER_PLACE})") and "…" in title, title
    assert len(wrap(metrics, title, width, 99)) <= 2
