"""The network at a large event: past what a projector can name one by one, the room sees the
territories (how many people each, how many links between them), not a heap of names.

Measured under Xvfb at 1920×1080: 40 linked people are read by name; at 70 the names touch and
lines cross them; at 120 labels sit on top of each other (« YaniClaire Moreau »)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.projection import NAMED_AT_MOST
from atelier.store import Store

from .helpers.keyboard import active_window, key

PLACES = ["Landes", "Gironde", "Béarn", "Médoc", "Périgord", "Bazadais", "Marsan", "Agenais", "Dordogne"]
FIRST = ["Anne", "Paul", "Léa", "Omar", "Julie", "Karim", "Chloé", "Hugo", "Inès", "Luc"]


def _event(path: Path, people: int) -> list[str]:
    """`people` participants, each of one of the nine territories, each one's need answered
    (confirmed) by the next one's offer: everyone is in the network. Returns their names."""
    names = []
    with Store.create(path, title="Forum régional", date="2026-11-12") as store:
        workshop = store.workshops()[0].id
        needs, offers = [], []
        for index in range(people):
            name = f"{FIRST[index % 10]} Numéro{index:03d}"
            names.append(name)
            place = PLACES[index % len(PLACES)]
            person = store.add_participant(
                Participant(workshop, names=[name], organisation=f"Mission locale {place}", territory=place)
            )
            needs.append(store.add_item(Item(person.id, ItemKind.NEED, f"besoin {index}")))
            offers.append(store.add_item(Item(person.id, ItemKind.OFFER, f"offre {index}")))
        for index in range(people):
            given = offers[(index + 1) % people]
            store.add_match(Match(workshop, needs[index].id, given.id, MatchStatus.CONFIRMED, 0.5, []))
    return names


def _network_drawn(qtbot, window) -> str:
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: projector.layout_ready, timeout=60_000)
    projector.render_image()
    return " ".join(" ".join(projector.drawn).split())  # lines joined, non-breaking spaces as spaces


def test_a_crowd_is_shown_by_territory_with_counts_and_nothing_overlaps(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "forum.atelier"
    names = _event(path, 90)
    window = active_window(qtbot, path)
    text = _network_drawn(qtbot, window)
    projector = window.projector
    assert not any(name in text for name in names), text  # no name lost in a heap
    # Each territory once, with its number of people: 90 over 9 is 10 each.
    for place in PLACES:
        assert f"{place} (10)" in text, text
    assert len(projector.network.nodes) == len(PLACES)
    boxes = projector.label_boxes
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    # The room is told why, and how to see someone by name.
    assert "90 participants" in text and "un participant à la fois" in text, text
    projector.close()


def test_a_room_that_fits_is_still_shown_by_name(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "salle.atelier"
    names = _event(path, NAMED_AT_MOST)
    window = active_window(qtbot, path)
    text = _network_drawn(qtbot, window)
    assert all(name in text for name in names)
    assert "un participant à la fois" not in text
    window.projector.close()


FIRSTS = ["Sandrine", "Grégory", "Myriam", "Jacques", "Céline", "Nathalie", "Christophe", "Stéphanie"]
LASTS = ["Lassourelle", "Lefebvre", "Fontaine", "Rousseau", "Chevalier", "Mercier", "Garnier", "Guérin"]


def _workshop_of(path: Path, people: int, links: int, seed: int) -> None:
    """A workshop of `people` participants with names as long as a room's (« Marie-Hélène
    Mercier »), from nine territories, and `links` decided matches between them drawn at random."""
    import random

    draw = random.Random(seed)
    with Store.create(path, title="Atelier de Mont-de-Marsan", date="2026-11-12") as store:
        workshop = store.workshops()[0].id
        needs, offers = [], []
        for index in range(people):
            name = f"{FIRSTS[index % 8]} {LASTS[(index * 3 + index // 8) % 8]}"
            place = PLACES[index % len(PLACES)]
            person = store.add_participant(
                Participant(workshop, names=[name], organisation=f"Mission locale {place}", territory=place)
            )
            needs.append(store.add_item(Item(person.id, ItemKind.NEED, f"besoin {index}")))
            offers.append(store.add_item(Item(person.id, ItemKind.OFFER, f"offre {index}")))
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < links:
            seeker, helper = draw.randrange(people), draw.randrange(people)
            if seeker != helper:
                pairs.add((seeker, helper))
        for seeker, helper in sorted(pairs):
            status = MatchStatus.MANUAL if (seeker + helper) % 5 == 0 else MatchStatus.CONFIRMED
            store.add_match(Match(workshop, needs[seeker].id, offers[helper].id, status, 0.5, []))


@pytest.mark.parametrize("seed", [3, 5, 11])
def test_a_dense_workshop_s_names_are_clear_of_the_dots_and_of_each_other(
    qtbot, tmp_path: Path, seed: int
) -> None:
    """25 people and 30 decided matches at 1920×1080: a name was drawn over another person's
    dot (« Christophe Lefèvre » over a Médoc dot), the dots packed in a diagonal band with the
    screen's corners empty. Each name is now clear of every dot and of every other name."""
    path = tmp_path / "atelier.atelier"
    _workshop_of(path, 25, 30, seed)
    window = active_window(qtbot, path)
    text = _network_drawn(qtbot, window)
    projector = window.projector
    assert len(projector.network.nodes) >= 20, text  # by name, not by territory
    boxes = projector.label_boxes
    clear = projector.node_radius
    dots = [QRectF(p.x() - clear, p.y() - clear, 2 * clear, 2 * clear) for p in projector.node_points]
    over_dots = [(i, j) for i, box in enumerate(boxes) for j, dot in enumerate(dots) if box.intersects(dot)]
    assert not over_dots, [(projector.node_labels[i], projector.node_labels[j]) for i, j in over_dots]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    # A name pushed away from its dot is tied to it by a line: that line crosses no other name
    # (« Grégory Lambert »'s went through « Marie-Hélène Mercier »: whose name was whose?).
    for index, (box, dot) in enumerate(zip(boxes, projector.node_points, strict=True)):
        end = QPointF(min(max(dot.x(), box.left()), box.right()), min(max(dot.y(), box.top()), box.bottom()))
        if QLineF(dot, end).length() <= clear * 2.2:
            continue  # beside its dot: no line drawn
        crossed = [
            projector.node_labels[other]
            for other, box_other in enumerate(boxes)
            if other != index and _crosses(QLineF(dot, end), box_other)
        ]
        assert not crossed, (projector.node_labels[index], crossed)
    projector.close()


def _crosses(line: QLineF, box: QRectF) -> bool:
    """Whether the line passes through the box (a point of it inside, or an edge crossed)."""
    return any(box.contains(line.pointAt(step / 60)) for step in range(61))
