"""« Projecteur sur un participant » (F5, Ctrl+2) says what someone brings: their offers under
« Peut apporter », what they did under « A déjà fait » (the matching offers it as help, « a déjà
fait »), the aims typed among their actions under « A pour objectif ». Someone of the example
with no offer but five actions was shown « Peut apporter : (rien de noté) », which the room
read as « this person has nothing to give »; it is said only of someone with nothing noted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize, Qt

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import ROOT

from .helpers.keyboard import active_window, key, type_text

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
CTRL = Qt.KeyboardModifier.ControlModifier


def _said(projector, size: tuple[int, int] = (1920, 1080)) -> str:
    """What the room reads on the projection at `size`, its lines joined, spaces plain."""
    projector.render_image(QSize(*size))
    text = " ".join(line for line, _box, _px in projector.placed)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _spotlight(qtbot, window):
    key(qtbot, Qt.Key.Key_F5)  # the only screen: the projection in front
    key(qtbot, Qt.Key.Key_2, CTRL)  # « Un participant à la fois »
    projector = window.projector
    assert projector is not None and projector.view == "spotlight"
    return projector


def _right_column(projector, size: tuple[int, int]) -> list[tuple[str, QRectF]]:
    """The lines of the page's right-hand column, top to bottom (below the title)."""
    projector.render_image(QSize(*size))
    lines = [(line, box) for line, box, _px in projector.placed if box.left() > size[0] * 0.25]
    title = max(px for _line, _box, px in projector.placed)
    top = max(box.bottom() for line, box, px in projector.placed if px == title)
    return sorted(((line, box) for line, box in lines if box.top() > top), key=lambda lb: lb[1].top())


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_someone_with_actions_and_no_offer_is_shown_what_they_did(qtbot, tmp_path: Path, size) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open(path) as store:
        workshop = store.workshops()[0].id
        people = [p for p in store.participants(workshop) if not p.away()]
        owned = {p.id: store.items(p.id) for p in people}
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_Home, CTRL)
    projector = _spotlight(qtbot, window)
    checked = 0
    for number, person in enumerate(people):
        if number:
            qtbot.keyClick(projector, Qt.Key.Key_PageDown)  # the next participant, as a clicker
        assert projector.participant_id == person.id
        said = _said(projector, size)
        items = owned[person.id]
        offers = [i for i in items if i.kind == ItemKind.OFFER]
        actions = [i for i in items if i.kind == ItemKind.ACTION]
        if offers or not actions:
            continue
        checked += 1
        assert "rien de noté" not in said and "Peut apporter" not in said, (person.names, said)
        assert any(heading in said for heading in ("A déjà fait", "Ont déjà fait", "A pour objectif")), said
        first = " ".join(actions[0].text.split()[:3])
        assert first in said, (first, said)
        # The column reads top to bottom: no line over another.
        column = _right_column(projector, size)
        for (above, a_box), (below, b_box) in zip(column, column[1:], strict=False):
            assert b_box.top() >= a_box.bottom() - 1, (above, below)
        assert column[-1][1].bottom() <= size[1], column[-1]
    assert checked >= 10  # most of the example: actions, no offer
    # Sandrine Lassourelle: a need on the left, her five actions on the right, under their heading.
    sandrine = next(p for p in people if p.names and p.names[0] == "Sandrine Lassourelle")
    window._select(sandrine.id)
    qtbot.waitUntil(lambda: projector.participant_id == sandrine.id, timeout=5_000)
    said = _said(projector, size)
    assert "Cherche • avoir de la méthode" in said and "A déjà fait • développement d'une GPECT" in said, said
    projector.close()
    window.close()


def test_offers_and_actions_each_under_their_heading_and_nothing_noted_said_so(qtbot, tmp_path: Path) -> None:
    """Typed by keys: a newcomer, nothing noted: « Peut apporter (rien de noté) », true; an
    action typed: « A déjà fait »; an offer typed: « Peut apporter » first, then « A déjà fait »."""
    path = tmp_path / "atelier.atelier"
    Store.create(path, title="Atelier du réseau", date="2026-03-16").close()
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_N, CTRL)  # a new participant, their cell open
    type_text("Zoé Martin / Mission locale")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    projector = _spotlight(qtbot, window)
    qtbot.waitUntil(lambda: "Zoé Martin" in _said(projector), timeout=5_000)
    assert "Peut apporter (rien de noté)" in _said(projector)
    key(qtbot, Qt.Key.Key_F5)  # the grid back, the projection still following it
    key(qtbot, Qt.Key.Key_Right)  # « Actions engagées »
    type_text("Forum de l'emploi intercommunal")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Forum de l'emploi" in _said(projector), timeout=5_000)
    said = _said(projector)
    assert "A déjà fait • Forum de l'emploi intercommunal" in said, said
    assert "rien de noté" not in said and "Peut apporter" not in said, said
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Right)  # « Peut être ressource sur »
    type_text("Un minibus pour les entretiens")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "minibus" in _said(projector), timeout=5_000)
    said = _said(projector)
    assert "Peut apporter • Un minibus pour les entretiens A déjà fait • Forum de l'emploi" in said, said
    projector.close()
    window.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_more_actions_than_the_page_holds_are_counted_never_left_out(qtbot, tmp_path: Path, size) -> None:
    path = tmp_path / "atelier.atelier"
    long = "accompagnement des entreprises du territoire dans leurs recrutements et leurs formations"
    with Store.create(path, title="Atelier du réseau", date="2026-03-16") as store:
        workshop = store.workshops()[0].id
        person = store.add_participant(Participant(workshop, names=["Agnès Martin"], organisation="PLIE"))
        store.add_item(Item(person.id, ItemKind.OFFER, "Un local pour les ateliers collectifs"))
        for n in range(14):
            store.add_item(Item(person.id, ItemKind.ACTION, f"Action {n + 1} : {long}"))
        store.add_item(Item(person.id, ItemKind.ACTION, "Objectif : créer un forum de l'emploi"))
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_Home, CTRL)
    projector = _spotlight(qtbot, window)
    said = _said(projector, size)
    assert said.index("Peut apporter • Un local") < said.index("A déjà fait • Action 1 :"), said
    shown = sum(f"Action {n + 1} :" in said for n in range(14))
    assert 0 < shown < 14 and f"+ {14 - shown} autres actions" in said, said
    assert "A pour objectif • Objectif : créer un forum de l'emploi" in said, said
    column = _right_column(projector, size)
    for (above, a_box), (below, b_box) in zip(column, column[1:], strict=False):
        assert b_box.top() >= a_box.bottom() - 1, (above, below)
    assert column[-1][1].bottom() <= size[1], column[-1]
    projector.close()
    window.close()
