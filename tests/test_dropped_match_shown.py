"""A match followed up « sans suite » (S on « Suivi », `atelier suivi --etat sans-suite`) was
still shown as a live confirmed match: « ✔ Cécile Dallet » in the participant's card (« Qui
peut aider ? ») and a card « Cécile Dallet peut aider » on the projector, as if the two were
still in touch, at the very follow-up meeting that recorded it came to nothing. The card now
says it « classée sans suite » (no ✔), and the projector leaves it out of the matches it shows,
saying how many were followed up so (as the minutes: « mise en relation classée sans suite »)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store

from .helpers.keyboard import active_window, key
from .helpers.language import window_language

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
DROPPED_OFFER = "clauses sociales dans les marchés publics"
KEPT_OFFER = "un annuaire des chantiers d'insertion"

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _file(target: Path) -> tuple[str, str]:
    """A workshop held in 2022: Lucie's need put in touch with Cécile's offer, Marc's with
    Karim's; both confirmed, « à contacter ». Returns (Lucie's id, the first match's id)."""
    with Store.create(target, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop = store.workshops()[0]
        people = {
            name: store.add_participant(Participant(workshop.id, names=[name], organisation=org))
            for name, org in (
                ("Lucie Leroy", "Grand Angoulême"),
                ("Cécile Dallet", "PLIE des Graves"),
                ("Marc Roux", "Mission locale"),
                ("Karim Benali", "Cap Emploi"),
            )
        }
        need = store.add_item(Item(people["Lucie Leroy"].id, ItemKind.NEED, "des clauses d'insertion"))
        offer = store.add_item(Item(people["Cécile Dallet"].id, ItemKind.OFFER, DROPPED_OFFER))
        other_need = store.add_item(Item(people["Marc Roux"].id, ItemKind.NEED, "des chantiers d'insertion"))
        other_offer = store.add_item(Item(people["Karim Benali"].id, ItemKind.OFFER, KEPT_OFFER))
        dropped = store.add_match(
            Match(workshop.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, ["mise en relation"])
        )
        store.add_match(
            Match(
                workshop.id, other_need.id, other_offer.id, MatchStatus.CONFIRMED, 0.4, ["mise en relation"]
            )
        )
        return people["Lucie Leroy"].id, dropped.id


def _painted(projector) -> str:
    projector.render_image()  # paints at 1920×1080 and records what the room reads
    return "\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")


def _card_lines(window) -> list[str]:
    tree = window.panel.matches.tree_model
    return [
        tree.item(row).child(child).text()
        for row in range(tree.rowCount())
        for child in range(tree.item(row).rowCount())
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_followed_up_dropped_is_said_so_in_the_card_and_left_off_the_projector(
    qtbot, tmp_path: Path, monkeypatch, lang: str
) -> None:
    path = tmp_path / "suivi.atelier"
    lucie, dropped = _file(path)
    said = "classée sans suite" if lang == "fr" else "dropped"
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        window._select(lucie, 3)
        key(qtbot, Qt.Key.Key_M, CTRL)
        (line,) = [t for t in _card_lines(window) if DROPPED_OFFER in t]
        assert line.startswith("✔") and said not in line, line
        projector = window.open_projector()
        window.projector_view("cards")
        painted = _painted(projector)
        assert DROPPED_OFFER.split()[0] in painted and KEPT_OFFER.split()[0] in painted, painted

        # « Suivi » (Alt+2): Lucie and Cécile's line put down « sans suite » (S; X in English).
        key(qtbot, Qt.Key.Key_2, ALT)
        table = window.followup.table
        (row,) = [r for r in range(table.model().rowCount()) if "Lucie" in table.model().index(r, 1).data()]
        table.setCurrentIndex(table.model().index(row, 5))
        key(qtbot, Qt.Key.Key_S if lang == "fr" else Qt.Key.Key_X)  # « sans suite », « dropped »
        with Store.open(path, readonly=True) as store:
            assert store.match(dropped).follow_up == FollowUp.DROPPED
        # Édition › Annuler and Ctrl+Z say the step in one sentence: « Annuler : Suivi : sans
        # suite » read as two labels; now « Annuler : suivi « sans suite » ».
        undo = window.commands.actions["edit.undo"]
        state = "«\u00a0sans suite\u00a0»" if lang == "fr" else "“dropped”"
        menu = f"&Annuler\u00a0: suivi {state}" if lang == "fr" else f"&Undo: follow-up {state}"
        assert undo.text() == menu, undo.text()
        key(qtbot, Qt.Key.Key_Z, CTRL)
        bar = window.saved_label.text()
        if lang == "fr":
            assert bar.startswith(f"Annulé\u00a0: suivi {state} — Ctrl+Y pour rétablir"), bar
        else:
            assert bar.startswith(f"Undone: follow-up {state} — Ctrl+Y to redo"), bar
        with Store.open(path, readonly=True) as store:
            assert store.match(dropped).follow_up == FollowUp.TO_CONTACT
        key(qtbot, Qt.Key.Key_Y, CTRL)
        with Store.open(path, readonly=True) as store:
            assert store.match(dropped).follow_up == FollowUp.DROPPED
        key(qtbot, Qt.Key.Key_1, ALT)  # back to the grid and its card

        window._select(lucie, 3)
        key(qtbot, Qt.Key.Key_M, CTRL)
        (line,) = [t for t in _card_lines(window) if DROPPED_OFFER in t]
        assert not line.startswith("✔") and said in line.replace("\u00a0", " "), line

        # The room: the other match only, and how many were followed up « sans suite ».
        window.projector_view("cards")
        qtbot.waitUntil(lambda: DROPPED_OFFER.split()[0] not in _painted(projector), timeout=10_000)
        painted = _painted(projector)
        assert KEPT_OFFER.split()[0] in painted, painted
        count = "1 mise en relation classée sans suite" if lang == "fr" else "1 match dropped"
        assert count in painted, painted
        window.projector_view("network")
        qtbot.waitUntil(lambda: count in _painted(projector), timeout=10_000)
        window._select(lucie, 3)
        window.projector_view("spotlight")
        qtbot.waitUntil(lambda: "Lucie" in _painted(projector), timeout=10_000)
        assert "Cécile" not in _painted(projector), _painted(projector)
        projector.close()
        window.close()


def test_with_every_match_dropped_the_projector_never_says_none_yet(qtbot, tmp_path: Path) -> None:
    """Both matches put down « sans suite »: the cards and the network said « Pas encore de
    mise en relation » beside « 2 mises en relation classées sans suite », as if nothing had
    ever been put in touch."""
    path = tmp_path / "suivi.atelier"
    _file(path)
    window = active_window(qtbot, path)
    projector = window.open_projector()
    key(qtbot, Qt.Key.Key_2, ALT)
    table = window.followup.table
    for row in range(table.model().rowCount()):
        table.setCurrentIndex(table.model().index(row, 5))
        key(qtbot, Qt.Key.Key_S)
    with Store.open(path, readonly=True) as store:
        assert {m.follow_up for m in store.matches(store.workshops()[0].id)} == {FollowUp.DROPPED}
    key(qtbot, Qt.Key.Key_1, ALT)
    for view in ("cards", "network"):
        window.projector_view(view)
        qtbot.waitUntil(
            lambda: "2 mises en relation classées sans suite" in _painted(projector), timeout=10_000
        )
        # The network's layout done (drawn again once computed): what stands in for it.
        qtbot.waitUntil(lambda: "Aucune mise en relation en cours" in _painted(projector), timeout=10_000)
        painted = _painted(projector)
        assert "Pas encore" not in painted and "Aucune mise en relation en cours" in painted, painted
    projector.close()
    window.close()
