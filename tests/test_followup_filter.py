"""The follow-up's participant filter, in the « Suivi » view and in `atelier suivi --participant`:
a structure is found whether written with its acronym or spelled out, as the directory finds
it (tests/test_directory_acronyms.py). « PLIE des Graves » typed in « Suivi » missed Anne
Martin of the « Plan Local pour l'Insertion et l'Emploi des Graves », met at the same workshop.
And ↓ in the filter goes down to the first row shown, as the directory's field does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import run_cli
from .helpers.keyboard import active_window, key, type_text

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")

# (who needs, their structure) → (who can help, their structure): one confirmed match each.
PAIRS = [
    (
        ("Lucie Leroy", "Grand Angoulême"),
        ("Anne Martin", "Plan Local pour l'Insertion et l'Emploi des Graves"),
    ),
    (("Paul Durand", "Communauté de communes du Val"), ("Cécile Dallet", "PLIE des Graves")),
    (("Nina Vidal", "CCI du Val"), ("Gérard Müller", "Mission locale du Médoc")),
]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "suivi.atelier"
    with Store.create(target, title="Atelier du réseau", date="2026-03-16") as store:
        workshop_id = store.workshops()[0].id
        for (asker, asker_from), (helper, helper_from) in PAIRS:
            asking = store.add_participant(Participant(workshop_id, names=[asker], organisation=asker_from))
            helping = store.add_participant(
                Participant(workshop_id, names=[helper], organisation=helper_from)
            )
            need = store.add_item(Item(asking.id, ItemKind.NEED, "un répertoire des initiatives"))
            offer = store.add_item(Item(helping.id, ItemKind.OFFER, "un annuaire des initiatives"))
            store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, []))
    return target


def _listed(path: Path, participant: str) -> str:
    done = run_cli("suivi", str(path), "--participant", participant)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("PLIE des Graves", {"Lucie Leroy", "Paul Durand"}),
        ("plan local pour l'insertion et l'emploi", {"Lucie Leroy", "Paul Durand"}),
        ("communauté de communes du Val", {"Paul Durand"}),  # never the CCI
        ("CCI du Val", {"Nina Vidal"}),
        ("cecile", {"Paul Durand"}),
    ],
)
def test_the_command_finds_a_structure_by_its_acronym_or_spelled_out(
    path: Path, typed: str, found: set[str]
) -> None:
    listed = _listed(path, typed)
    assert {asker for (asker, _), _helper in PAIRS if asker in listed} == found, listed


def _asking_shown(window: MainWindow) -> set[str]:
    table = window.followup.table
    return {table.model().index(row, 1).data().split("\n")[0] for row in range(table.model().rowCount())}


def test_the_suivi_view_finds_the_same_people_as_the_command(qtbot, path: Path) -> None:
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        key(qtbot, Qt.Key.Key_F, CTRL)
        assert QApplication.focusWidget() is window.followup.person_filter
        type_text("PLIE des Graves")
        assert _asking_shown(window) == {"Lucie Leroy", "Paul Durand"}
        assert window.followup.counter.text() == "2 sur 3 mises en relation suivies"
        window.followup.person_filter.selectAll()
        type_text("plan local pour l'insertion et l'emploi")
        assert _asking_shown(window) == {"Lucie Leroy", "Paul Durand"}
        window.followup.person_filter.selectAll()
        type_text("communauté de communes du val")
        assert _asking_shown(window) == {"Paul Durand"}
        window.followup.person_filter.selectAll()
        type_text("zzz")
        assert _asking_shown(window) == set()
        window.followup.person_filter.selectAll()
        key(qtbot, Qt.Key.Key_Backspace)
        assert len(_asking_shown(window)) == 3
    finally:
        window.close()


def test_down_in_the_filter_goes_to_the_first_row_shown(qtbot, path: Path) -> None:
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)
        table = window.followup.table
        key(qtbot, Qt.Key.Key_Down)  # on the last row before filtering
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_F, CTRL)
        type_text("PLIE")
        key(qtbot, Qt.Key.Key_Down)
        assert QApplication.focusWidget() is table
        assert table.currentIndex().row() == 0
        first = table.model().index(0, 1).data().split("\n")[0]
        key(qtbot, Qt.Key.Key_C)  # contacté: the first row shown, as the keyboard chose it
        with Store.open(path, readonly=True) as store:
            states = {e.need_participant.names[0]: e.match.follow_up for e in store.follow_ups()}
        assert states[first] == FollowUp.CONTACTED
        assert sorted(s.value for s in states.values()).count("contacted") == 1
    finally:
        window.close()


def test_the_suivi_page_says_decided_as_it_lists_a_match_added_by_hand(
    qtbot, path: Path, language: str
) -> None:
    """The page's title said « Suivi des mises en relation confirmées » above a match the
    facilitator added by hand, which it lists: `atelier info` counts them all « décidées »."""
    from PySide6.QtWidgets import QLabel

    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        zoe = store.add_participant(Participant(workshop_id, names=["Zoé Martin"], organisation="CCAS"))
        need = store.add_item(Item(zoe.id, ItemKind.NEED, "un local pour des ateliers"))
        offer = store.workshop_items(workshop_id, ItemKind.OFFER)[0]
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 1.0))
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        assert "Zoé Martin" in _asking_shown(window)
        titles = [label.text() for label in window.followup.findChildren(QLabel)]
        said = "Suivi des mises en relation décidées" if language == "fr" else "Follow-up of decided matches"
        assert any(text.startswith(said) for text in titles), titles
        assert not any("confirm" in text for text in titles), titles
    finally:
        window.close()
