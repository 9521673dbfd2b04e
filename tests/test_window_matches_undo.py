"""« Qui peut aider ? » after undo and redo: a confirmed match that went with a deleted row or
cell leaves the panel at once, and comes back at once when the deletion is undone, as on the
first deletion; never only once the next matching run has finished."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind, MatchStatus
from atelier.store import Store
from atelier.ui.columns import KIND_COLUMNS
from atelier.ui.main_window import MainWindow

from .conftest import example_window
from .helpers.keyboard import active_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
OFFER = "Règlement d'intervention de la Région"  # Jacques Le-priol's offer, for Eric's need


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(win.store.matches(win.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not win.matching._busy, timeout=20_000)
    yield win
    win.close()


def _select(window: MainWindow, first_name: str, column: int = 0) -> str:
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0].startswith(first_name):
            window._select(participant.id, column)
            window.grid.setFocus()
            return participant.id
    raise AssertionError(first_name)


def _shown(window: MainWindow) -> list[str]:
    tree = window.panel.matches.tree_model
    return [
        tree.item(n).child(c).text() for n in range(tree.rowCount()) for c in range(tree.item(n).rowCount())
    ]


def _confirmed_shown(window: MainWindow) -> bool:
    return any(text.startswith("✔ Jacques") and OFFER in text for text in _shown(window))


def _count_shown(window: MainWindow) -> str:
    return window.panel.matches.confirmed.text()


def _count_in_file(path: Path) -> int:
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        return len(store.matches(workshop_id, MatchStatus.CONFIRMED))


def _confirm_jacques_for_eric(qtbot, window: MainWindow) -> None:
    """On Eric's row, the suggestion of Jacques's offer confirmed with Ctrl+Maj+C; then matching
    is held, so that nothing but the undo and redo themselves can change the panel."""
    _select(window, "Eric")
    panel = window.panel.matches
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)  # into the panel
    tree = panel.tree_model
    index = next(
        tree.item(n).child(c).index()
        for n in range(tree.rowCount())
        for c in range(tree.item(n).rowCount())
        if OFFER in tree.item(n).child(c).text()
    )
    panel.tree.setCurrentIndex(index)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, CTRL | SHIFT)
    assert _confirmed_shown(window)
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 1"
    # The matching worker's next result would refresh the panel whatever undo did: held.
    window.matching.hold()


@pytest.mark.parametrize("deleted", ["row", "offer cell"])
def test_undo_and_redo_of_a_deletion_update_the_panel_at_once(
    qtbot, window: MainWindow, deleted: str
) -> None:
    path = window.store.path
    _confirm_jacques_for_eric(qtbot, window)
    assert _count_in_file(path) == 1

    # The first deletion, made on Jacques's row.
    if deleted == "row":
        _select(window, "Jacques")
        qtbot.keyClick(window.grid, Qt.Key.Key_Delete, CTRL)
    else:
        _select(window, "Jacques", KIND_COLUMNS[ItemKind.OFFER])
        qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    assert _count_in_file(path) == 0

    # Back on Eric's row, the deletion undone: his confirmed match is back, and counted.
    _select(window, "Eric")
    assert not _confirmed_shown(window)
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 0"
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    assert _count_in_file(path) == 1
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 1"
    _back_to_eric(window, deleted, "Jacques")
    assert _confirmed_shown(window)

    # Redone: it goes again, from the panel too, at once.
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _count_in_file(path) == 0
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 0"
    _back_to_eric(window, deleted, None)
    assert not _confirmed_shown(window), _shown(window)

    # And undone once more.
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 1"
    _back_to_eric(window, deleted, "Jacques")
    assert _confirmed_shown(window)


def _back_to_eric(window: MainWindow, deleted: str, brought_back: str | None) -> None:
    """Undo and redo of a row deleted put the cursor on the row they change (the participant
    brought back, or the one in their place): the panel is looked at on Eric's row again. A
    cell's do not move it: the panel is still Eric's, refreshed by the undo itself."""
    current = window.model.store.participant(window._current_participant_id())
    if deleted != "row":
        assert current.names[0].startswith("Eric")
        return
    if brought_back is not None:
        assert current.names[0].startswith(brought_back)
    _select(window, "Eric")


def test_undo_and_redo_of_a_confirmation_update_the_panel_at_once(qtbot, window: MainWindow) -> None:
    _confirm_jacques_for_eric(qtbot, window)
    _select(window, "Eric")
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    assert not _confirmed_shown(window)
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 0"
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _confirmed_shown(window)
    assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 1"


def test_undoing_a_past_grid_imported_as_a_workshop_takes_its_offers_out_of_the_panel_at_once(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """Undone from this workshop's grid, the import of another workshop takes that workshop's
    offers out of « Qui peut aider ? » with the keypress, not once matching runs again."""
    grid = tmp_path / "atelier-pau.csv"
    grid.write_text(
        "Participant;Besoins;Ressources\n"
        "Zoé Marchetti, Mission locale de Pau;Recruter des jeunes;"
        "Monter un dossier pour le règlement d'intervention de la Région et ses financements\n",
        encoding="utf-8",
    )
    here = window.model.workshop_id

    def dated(dialog) -> bool:
        dialog.date_edit.setText("04/06/2019")
        return True

    assert window.import_as_workshop(grid, dialog_hook=dated)
    assert window.model.workshop_id != here
    window.model.set_workshop(here)  # back to this workshop (as Ctrl+Alt+Page↑ does)
    _select(window, "Eric")

    def zoe_shown() -> bool:
        return any("Zoé Marchetti" in text for text in _shown(window))

    qtbot.waitUntil(lambda: not window.matching._busy and zoe_shown(), timeout=20_000)
    window.matching.hold()
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    with Store.open(window.store.path, readonly=True) as store:
        assert len(store.workshops()) == 1
    assert window.model.workshop_id == here
    assert not zoe_shown(), _shown(window)


@pytest.mark.parametrize("decision", [Qt.Key.Key_X, Qt.Key.Key_C])
def test_undoing_a_decision_chooses_that_suggestion_again(
    qtbot, window: MainWindow, decision: Qt.Key
) -> None:
    """Ctrl+Maj+X (or C) on a suggestion chooses the next one; Ctrl+Z put the decision back
    but left the next one chosen: the facilitator, who undid a rejection to confirm it
    instead, pressed Ctrl+Maj+C and confirmed someone else in front of the room. The
    suggestion the undo puts back is chosen again, so the next key acts on it."""
    _select(window, "Lucie", KIND_COLUMNS[ItemKind.NEED])
    panel = window.panel.matches
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)  # into the panel, on the first suggestion
    decided = panel.current_match_id()
    assert decided is not None
    decided_text = panel.tree.currentIndex().data()
    qtbot.keyClick(QApplication.focusWidget(), decision, CTRL | SHIFT)
    assert panel.current_match_id() not in (None, decided)  # the next one chosen
    window.matching.hold()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert panel.current_match_id() == decided, (panel.tree.currentIndex().data(), decided_text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, CTRL | SHIFT)
    assert window.store.match(decided).status == MatchStatus.CONFIRMED
    confirmed = window.store.matches(window.model.workshop_id, MatchStatus.CONFIRMED)
    assert [m.id for m in confirmed] == [decided]


def test_a_match_added_by_hand_is_counted_and_said_decided(qtbot, tmp_path: Path) -> None:
    """The panel said « Mises en relation décidées dans l'atelier : 1 » and deleting the row
    « avec 1 mise en relation confirmée : … » of a match the facilitator added by hand, never
    confirmed: `atelier info`, the workshops list and the follow-up say « décidées »."""
    import shutil

    from atelier.domain import Match

    from .conftest import ROOT

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.id: p for p in store.participants(workshop_id)}
        need = next(
            i
            for i in store.workshop_items(workshop_id, ItemKind.NEED)
            if people[i.participant_id].names[0].startswith("Eric")
        )
        offer = next(i for i in store.workshop_items(workshop_id, ItemKind.OFFER) if i.text == OFFER)
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 1.0))
    window = active_window(qtbot, path)
    try:
        qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
        _select(window, "Eric")
        assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 1"
        _select(window, "Jacques")
        rows = window.model.rowCount()
        qtbot.keyClick(window.grid, Qt.Key.Key_Delete, CTRL)
        assert window.model.rowCount() == rows - 1
        said = window.saved_label.text()
        assert "avec 1\u00a0mise en relation décidée\u00a0: " in said.replace("1 mise", "1\u00a0mise"), said
        assert "confirmée" not in said, said
        _select(window, "Eric")
        assert _count_shown(window) == "Mises en relation décidées dans l'atelier\u00a0: 0"
    finally:
        window.close()
