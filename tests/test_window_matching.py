"""Matching in the window: suggestions appear off the UI thread, decisions are saved and undoable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind, MatchStatus
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import ROOT


@pytest.fixture
def window(qtbot, tmp_path: Path):
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    win = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: bool(win.store.matches(win.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not win.matching._busy, timeout=20_000)
    yield win
    win.close()


def _select(window: MainWindow, first_name: str, column: int = 0) -> str:
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0].startswith(first_name):
            window._select(participant.id, column)
            return participant.id
    raise AssertionError(first_name)


def _statuses(path: Path, need_text: str) -> dict[str, MatchStatus]:
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        items = {i.id: i for i in store.workshop_items(workshop_id)}
        need = next(i for i in items.values() if i.text == need_text)
        return {items[m.resource_id].text: m.status for m in store.matches_for_need(need.id)}


def test_suggestions_show_for_the_selected_participant_and_decisions_are_saved(
    qtbot, window: MainWindow
) -> None:
    path = window.store.path
    _select(window, "Eric")
    panel = window.panel.matches
    assert panel.title.text() == "Qui peut aider ? (2 besoins)"
    need_text = (
        "Comment rentrer dans les cases des règlements d'intervention des institutions "
        "pour mobiliser des financements ?"
    )
    texts = [panel.tree_model.item(1).child(i).text() for i in range(panel.tree_model.item(1).rowCount())]
    assert panel.tree_model.item(1).text() == need_text
    assert "Règlement d'intervention de la Région" in texts[0]
    assert "mots en commun" in texts[0]  # the reason is on screen, not only in a tooltip

    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel.tree.setCurrentIndex(panel.tree_model.item(1).child(0).index())
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _statuses(path, need_text)["Règlement d'intervention de la Région"] == MatchStatus.CONFIRMED
    second = panel.tree_model.item(1).child(1)
    rejected_text = second.text().split(" — ", 1)[1].rsplit("  [", 1)[0]
    panel.tree.setCurrentIndex(second.index())
    panel.reject_button.click()
    assert _statuses(path, need_text)[rejected_text] == MatchStatus.REJECTED

    # Matching again keeps both decisions and never brings the rejected one back.
    window.run_matching()
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    statuses = _statuses(path, need_text)
    assert statuses["Règlement d'intervention de la Région"] == MatchStatus.CONFIRMED
    assert statuses[rejected_text] == MatchStatus.REJECTED
    shown = [panel.tree_model.item(1).child(i).text() for i in range(panel.tree_model.item(1).rowCount())]
    assert shown[0].startswith("✔ ") and not any(rejected_text in s for s in shown)

    # Undo the rejection, then the confirmation.
    window.undo()
    window.undo()
    assert _statuses(path, need_text)["Règlement d'intervention de la Région"] == MatchStatus.SUGGESTED


def test_editing_a_need_matches_that_need_again_at_once(qtbot, window: MainWindow) -> None:
    participant_id = _select(window, "Céline", column=3)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    editor.selectAll()
    editor.insertPlainText("trouver des financements de la Région pour nos emplois")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    store = window.store
    (need,) = store.items(participant_id, ItemKind.NEED)
    assert need.text == "trouver des financements de la Région pour nos emplois"
    suggested = store.matches_for_need(need.id)  # no wait: re-matched in the same event
    texts = {i.id: i.text for i in store.workshop_items(window.model.workshop_id)}
    assert any("Région" in texts[m.resource_id] for m in suggested)


def test_a_need_can_be_matched_by_hand(qtbot, window: MainWindow) -> None:
    _select(window, "Céline")
    panel = window.panel.matches
    panel.tree.setCurrentIndex(panel.tree_model.item(0).index())
    choice = "Lydie Drouard / CitiZchool — Lien entre entreprises et les jeunes"
    assert panel.add_manual(choice=choice)
    with Store.open(window.store.path, readonly=True) as store:
        manual = store.matches(store.workshops()[0].id, MatchStatus.MANUAL)
    assert len(manual) == 1
    window.undo()
    with Store.open(window.store.path, readonly=True) as store:
        assert store.matches(store.workshops()[0].id, MatchStatus.MANUAL) == []
