"""Names hidden from the room (Ctrl+Maj+M), two people of one structure were one label: Grégory
TALVY's spotlight was titled « Région N-A » and listed, under his own need, Jacques Le-priol's
action as « ← Région N-A, a déjà fait : … », as if he helped himself; the network drew two
dots « Région N-A ». They are now told apart by their order in the grid: « Région N-A
(n° 1) », « Région N-A (n° 2) »; a structure only one person came from is
labelled as before."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import ItemKind, Match, MatchStatus
from atelier.store import Store

from .conftest import ROOT
from .helpers.keyboard import active_window, key

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _painted(projector) -> str:
    projector.render_image()  # paints at 1920×1080 and records what the room reads
    return " ".join("\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ").split())


def test_two_people_of_one_structure_are_two_labels_when_names_are_hidden(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.names[0]: p for p in store.participants(workshop_id) if p.names}
        items = store.workshop_items(workshop_id)
        gregory, jacques = people["Grégory TALVY"], people["Jacques Le-priol"]
        assert gregory.organisation == jacques.organisation == "Région N-A"
        need = next(i for i in items if i.participant_id == gregory.id and i.kind == ItemKind.NEED)
        action = next(i for i in items if i.participant_id == jacques.id and i.kind == ItemKind.ACTION)
        store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.CONFIRMED, 0.4, []))
    window = active_window(qtbot, path)
    try:
        window._select(gregory.id, 0)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_M, CTRL | SHIFT)  # names hidden from the room
        key(qtbot, Qt.Key.Key_2, CTRL)
        projector = window.projector
        assert projector.private and projector.view == "spotlight"
        text = _painted(projector)
        assert "Grégory" not in text and "Jacques" not in text, text
        title, helper = "Région N-A (n° 2)", "← Région N-A (n° 1), a déjà fait"
        assert text.startswith(title), text  # Grégory is after Jacques in the grid
        assert helper in text, text
        assert "← Région N-A, " not in text and "← Région N-A :" not in text, text

        # The cards and the network say the same two labels; a structure one person came
        # from is said as before.
        window.projector_view("cards")
        cards = _painted(projector)
        assert "Région N-A (n° 1)" in cards and "Région N-A (n° 2)" in cards, cards
        window.projector_view("network")
        qtbot.waitUntil(lambda: "Calcul du réseau" not in _painted(projector), timeout=20_000)
        network = _painted(projector)
        assert "Région N-A (n° 2)" in network, network
        assert "Pôle formation de la Région N-A (n°" not in network + cards
    finally:
        if window.projector is not None:
            window.projector.close()
        window.close()


def test_someone_excused_and_shown_nowhere_takes_no_number(qtbot, tmp_path: Path) -> None:
    """Jacques Le-priol excused, in no decision: the room never sees him, so Grégory TALVY is
    « Région N-A », never a « n° 2 » whose « n° 1 » is shown nowhere."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.names[0]: p for p in store.participants(workshop_id) if p.names}
        jacques, gregory = people["Jacques Le-priol"], people["Grégory TALVY"]
        store.update_participant(jacques.id, source_text=f"{jacques.source_text} (excusé)")
    window = active_window(qtbot, path)
    try:
        window._select(gregory.id, 0)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
        key(qtbot, Qt.Key.Key_2, CTRL)
        projector = window.projector
        assert projector.private and projector.view == "spotlight"
        text = _painted(projector)
        assert text.startswith("Région N-A Cherche"), text
        assert "n° " not in text, text
    finally:
        if window.projector is not None:
            window.projector.close()
        window.close()


def test_a_long_structure_name_is_read_whole_beside_its_dot(qtbot, tmp_path: Path) -> None:
    """Names hidden, each dot of the network is labelled with the person's structure, and a long
    one was cut to one line: « CIAP-Champs du… », « PETR Vallée de la… », though the picture had
    room for the rest. A name of two lines' length is now written on two lines, whole."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    long_names = (
        "CIAP-Champs du Partage",
        "PETR Vallée de la Dordogne Corrézienne",
        "PETR Monts et barrages",
    )
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.organisation: p for p in store.participants(workshop_id)}
        items = store.workshop_items(workshop_id)

        def first(participant_id: str, kinds: tuple[ItemKind, ...]):
            return next(i for i in items if i.participant_id == participant_id and i.kind in kinds)

        need = first(people["CIAP-Champs du Partage"].id, (ItemKind.NEED,))
        for name in long_names[1:]:  # each PETR has done what the CIAP needs
            action = first(people[name].id, (ItemKind.ACTION,))
            store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.CONFIRMED, 0.4, []))
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_M, CTRL | SHIFT)  # names hidden from the room
        key(qtbot, Qt.Key.Key_3, CTRL)
        projector = window.projector
        assert projector.private and projector.view == "network"
        qtbot.waitUntil(lambda: "Calcul du réseau" not in _painted(projector), timeout=20_000)
        _painted(projector)
        labels = [" ".join(label.replace("\u00a0", " ").split()) for label in projector.node_labels]
        for name in long_names:
            assert name in labels, labels
        assert not [label for label in labels if "…" in label], labels
    finally:
        if window.projector is not None:
            window.projector.close()
        window.close()
