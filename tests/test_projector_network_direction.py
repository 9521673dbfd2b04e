"""« Le réseau : qui peut aider qui » drew plain lines: « Lucie Leroy — Grégory TALVY » did not say
who helps whom. Each link now ends in an arrow head at the one who needs (drawn, seen in the
image), and the legend says which way the arrow goes; at a large event too, where the dots are
territories and a line stands for the links from one territory to another."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor

from atelier.domain import MatchStatus
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store
from atelier.ui.projector import arrow_head

from .conftest import ROOT
from .helpers.keyboard import active_window, key
from .test_projector_crowd import PLACES, _event

LEGEND = "la flèche va de qui peut aider vers qui en a besoin"


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _ink(image, point: QPointF) -> bool:
    """Something drawn there (not the white page)."""
    colour = QColor(image.pixel(round(point.x()), round(point.y())))
    return colour.lightness() < 235


def _heads(projector, image) -> list[tuple[bool, bool]]:
    """For each link drawn: is there ink beside the line near the one who needs (an arrow
    head, wider than the line), and beside it near the helper. A link drawn beside another
    the same way (confirmed and to review) is looked for where it is drawn."""
    points = dict(zip((n.id for n in projector.network.nodes), projector.node_points, strict=True))
    edges = projector.network.edges
    grouped = projector.network.grouped
    pens = [projector._link_pen(e.confirmed, e.weight if grouped else 1, review=e.review) for e in edges]
    shifts = projector._lanes(edges, pens)
    found = []
    for edge, pen, shift in zip(edges, pens, shifts, strict=True):
        if (edge.target, edge.source) in {(e.source, e.target) for e in edges}:
            continue  # both ways: a head at each end
        a, b = points[edge.source], points[edge.target]
        length = math.hypot(b.x() - a.x(), b.y() - a.y())
        dx, dy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
        a = QPointF(a.x() + dy * shift, a.y() - dx * shift)  # to its left, as drawn
        b = QPointF(b.x() + dy * shift, b.y() - dx * shift)
        head, half = arrow_head(pen.widthF(), projector.unit)
        head = min(head, (length - 2 * projector.node_radius * 1.35) * 0.45)
        # Beside the line, midway to the head's edge, near the head's base: ink only in a head.
        wide = (half + pen.widthF() / 2) / 2
        assert wide > pen.widthF() / 2 + 1.5
        far = projector.node_radius * 1.35 + head * 0.85

        def beside(end: QPointF, inwards: float, dx: float = dx, dy: float = dy, wide: float = wide) -> bool:
            centre = QPointF(end.x() + dx * inwards, end.y() + dy * inwards)
            return any(
                _ink(image, QPointF(centre.x() - dy * wide * side, centre.y() + dx * wide * side))
                for side in (1, -1)
            )

        found.append((beside(b, -far), beside(a, far)))
    return found


def _example(tmp_path: Path, confirmed: int) -> Path:
    """The example matched, its `confirmed` best suggestions confirmed."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        for match in sorted(store.matches(workshop_id), key=lambda m: -m.score)[:confirmed]:
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
    return path


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("suggestions", [False, True])
def test_each_link_points_to_who_needs_and_the_legend_says_so(
    qtbot, tmp_path: Path, size: tuple[int, int], suggestions: bool
) -> None:
    window = active_window(qtbot, _example(tmp_path, 0 if suggestions else 6))
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)  # matched again on opening
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    if suggestions:  # nothing decided yet; Ctrl+Maj+U: the dashed suggestions
        qtbot.keyClick(
            window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        qtbot.waitUntil(
            lambda: any(not e.confirmed for e in projector.projection.network.edges), timeout=5000
        )
    key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
    qtbot.waitUntil(
        lambda: len(projector.network.edges) == len(projector.projection.network.edges), timeout=20_000
    )
    image = projector.render_image(QSize(*size))
    heads = _heads(projector, image)
    assert len(heads) >= (1 if suggestions else 4), heads
    assert suggestions == any(not e.confirmed for e in projector.network.edges)
    assert all(at_seeker for at_seeker, _ in heads), heads
    assert not any(at_helper for _, at_helper in heads), heads
    assert LEGEND in _plain(" ".join(projector.drawn)), projector.drawn
    projector.close()
    window.close()


def test_a_crowd_by_territory_keeps_which_way_the_help_goes_and_shows_what_is_to_review(
    qtbot, tmp_path: Path
) -> None:
    """90 people, each helped by the next one: Gironde's people help Landes', Béarn's help
    Gironde's… The territories' lines point that way, never the other.

    One more decision, Gironde's first helping Landes' first on a need retyped since, is to
    review. The network drew it dashed in the flag's brown under the thick blue line of the ten
    confirmed (or, between two people already put in touch, counted it confirmed): the room
    saw no review there. It is now drawn beside the confirmed line."""
    from atelier.domain import Item, ItemKind, Match

    from .test_projector_network_retyped import BLUE, BROWN, _near

    path = tmp_path / "forum.atelier"
    _event(path, 90)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        first, second = store.participants(workshop_id)[:2]  # Landes, Gironde: the second helps
        assert (first.territory, second.territory) == ("Landes", "Gironde")
        need = store.add_item(Item(first.id, ItemKind.NEED, "un second besoin, retapé depuis"))
        (offer,) = store.items(second.id, ItemKind.OFFER)
        decided = Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5, [])
        decided.retyped = "2026-11-13T10:00:00+00:00"
        store.add_match(decided)
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: projector.layout_ready, timeout=60_000)
    network = projector.network
    assert network.grouped == 90
    links = {(e.source.removeprefix("group:"), e.target.removeprefix("group:")) for e in network.edges}
    for index, place in enumerate(PLACES):
        helper = PLACES[(index + 1) % len(PLACES)]
        assert (helper, place) in links and (place, helper) not in links, links
    between = [e for e in network.edges if (e.source, e.target) == ("group:Gironde", "group:Landes")]
    assert sorted((e.confirmed, e.review, e.weight) for e in between) == [(False, True, 1), (True, False, 10)]
    image = projector.render_image(QSize(1920, 1080))
    heads = _heads(projector, image)
    # A head at each territory that is helped; beside the helper's end, none (but where the
    # head of the arrow coming into that territory is drawn too).
    assert len(heads) == len(PLACES) + 1 and all(a for a, _ in heads), heads
    assert sum(1 for _, b in heads if b) <= 2, heads
    assert LEGEND in _plain(" ".join(projector.drawn))
    # Gironde to Landes: the blue of the ten and the brown of the one to review, side by side.
    points = dict(zip((n.id for n in network.nodes), projector.node_points, strict=True))
    a, b = points["group:Gironde"], points["group:Landes"]
    length = math.hypot(b.x() - a.x(), b.y() - a.y())
    across = ((a.y() - b.y()) / length, (b.x() - a.x()) / length)
    blue = brown = 0
    for step in range(30, 71):  # the middle of the line, a band 80 px wide across it
        for side in range(-40, 41, 2):
            x = a.x() + (b.x() - a.x()) * step / 100 + across[0] * side
            y = a.y() + (b.y() - a.y()) * step / 100 + across[1] * side
            colour = QColor(image.pixel(round(x), round(y)))
            blue += _near(colour, BLUE)
            brown += _near(colour, BROWN)
    assert blue > 100 and brown > 40, (blue, brown)
    projector.close()
    window.close()
