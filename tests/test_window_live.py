"""The live workshop at the keyboard: the grid uses the screen, dates typed in French, a cell
emptied says how to get it back, the search answers Entrée and Échap, and a rejected
suggestion hands over to the next one. Each test drives the real window with key presses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import MatchStatus
from atelier.jsonexport import file_as_dict
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store
from atelier.ui.grid_view import CellEditor
from atelier.ui.main_window import MainWindow

from .conftest import example_window
from .helpers.keyboard import type_text

# Message boxes would block an offscreen test: recorded instead (conftest.no_modal_boxes).
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    win = example_window(qtbot, tmp_path)
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    win.close()


def saved(path: Path) -> dict:
    with Store.open(path, readonly=True) as store:
        return json.loads(json.dumps(file_as_dict(store)))["workshops"][0]


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


# ------------------------------------------------------------------ the grid


def test_at_1366x768_three_example_participants_are_read_at_once(qtbot, window: MainWindow) -> None:
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.grid.rows_in_view() >= 3, timeout=3000)
    grid = window.grid
    # The five columns share the width, all in view, none squeezed to nothing.
    header = grid.horizontalHeader()
    widths = [grid.columnWidth(c) for c in range(5)]
    assert sum(widths) <= grid.viewport().width() + 2
    assert min(widths) >= 120 and max(widths) < 0.45 * sum(widths)
    assert header.sectionViewportPosition(4) + widths[4] <= grid.viewport().width() + 2
    # No row taller than a third of the grid; a capped cell says how many items are below.
    assert max(grid.rowHeight(r) for r in range(window.model.rowCount())) <= grid.viewport().height() // 3


def test_rows_below_the_view_are_fitted_to_their_text_once_the_grid_is_on_screen(
    qtbot, window: MainWindow
) -> None:
    """Only the rows in view are measured before the first paint; the others just after it:
    scrolling down then shows each participant's text whole, none left at its default height."""
    window.resize(1366, 768)
    grid = window.grid
    last = window.model.rowCount() - 1
    assert grid.rowViewportPosition(last) > grid.viewport().height()  # below the view

    def fitted(row: int) -> int:
        return max(grid.sizeHintForRow(row), grid.verticalHeader().sectionSizeHint(row))

    qtbot.waitUntil(lambda: all(grid.rowHeight(r) == fitted(r) for r in range(last + 1)))
    assert grid.rowHeight(last) > 2 * grid.verticalHeader().minimumSectionSize()


def test_the_participant_column_stays_in_view_when_the_grid_scrolls_sideways(
    qtbot, window: MainWindow
) -> None:
    window.resize(1366, 768)
    qtbot.wait(50)
    grid = window.grid
    grid.auto_columns = False  # as after dragging a column's edge
    for column in range(1, 5):
        grid.setColumnWidth(column, 520)  # the facilitator widened the columns
    qtbot.wait(20)  # the view lays itself out again between two key presses
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(2, 0))
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Right)
    assert grid.currentIndex().column() == 4
    assert grid.horizontalScrollBar().value() > 0
    frozen = grid.frozen
    assert frozen.isVisible()
    assert frozen.columnWidth(0) == grid.columnWidth(0)
    assert frozen.rowHeight(2) == grid.rowHeight(2)
    assert frozen.verticalScrollBar().value() == grid.verticalScrollBar().value()
    # The current cell is not hidden under the kept column.
    assert grid.columnViewportPosition(4) >= frozen.width() - 1
    # Typing in Offres: the participant stays readable at the left, the editor beside it.
    press(qtbot, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEditor)
    assert frozen.isVisible() and editor.geometry().left() >= frozen.width() - 1
    press(qtbot, Qt.Key.Key_Escape)


def test_the_cell_editor_shows_a_bullet_per_item_and_grows_with_the_text(qtbot, window: MainWindow) -> None:
    window.resize(1366, 768)
    grid = window.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(3, 3))  # Lucie Leroy's needs
    cell = grid.visualRect(grid.currentIndex())
    press(qtbot, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEditor) and editor.bullets
    assert editor.width() >= min(420, grid.viewport().width())  # a sentence fits on a line
    assert editor.width() > cell.width()
    height = editor.height()
    for number in range(6):
        press(qtbot, Qt.Key.Key_Return)
        type_text(f"un besoin de plus numéro {number} qui prend de la place sur la ligne")
    assert editor.height() > height  # it grew with the text
    assert editor.geometry().bottom() <= grid.viewport().height()
    image = editor.margin.grab().toImage()
    dark_rows = {
        y
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 90
    }
    assert len(dark_rows) > 8  # bullets painted in the margin, one per item
    press(qtbot, Qt.Key.Key_Escape)


# ------------------------------------------------------------------ dates


def test_dates_typed_in_french_are_understood(qtbot, window: MainWindow, no_modal_boxes: list[str]) -> None:
    path = window.store.path
    window.grid.setFocus()
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # Dat&e
    assert QApplication.focusWidget() is window.header.date
    for typed, iso, shown in (
        ("23/11/2026", "2026-11-23", "23 novembre 2026"),
        ("24/11/26", "2026-11-24", "24 novembre 2026"),
        ("1er décembre 2026", "2026-12-01", "1er décembre 2026"),
        ("2021-03-16", "2021-03-16", "16 mars 2021"),
    ):
        window.header.date.selectAll()
        type_text(typed)
        press(qtbot, Qt.Key.Key_Return)
        assert saved(path)["date"] == iso, typed
        assert window.header.date.text() == shown
    window.header.date.selectAll()
    type_text("31/02/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.activeModalWidget() is None and no_modal_boxes == []
    assert saved(path)["date"] == "2021-03-16"
    assert window.header.date.text() == "31/02/2026"  # kept to be corrected
    assert "«\u00a031/02/2026\u00a0»\u00a0: le 31 février 2026 n'existe pas" in window.saved_label.text()
    # Corrected, the mark goes away and the date is saved.
    window.header.date.selectAll()
    type_text("28/02/2026")
    press(qtbot, Qt.Key.Key_Tab)
    assert saved(path)["date"] == "2026-02-28"
    assert not window.header.date.property("wrong")


# ------------------------------------------------------------------ Suppr


def test_suppr_on_a_cell_says_it_was_emptied_and_ctrl_z_brings_it_back(qtbot, window: MainWindow) -> None:
    path = window.store.path
    grid = window.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, 1))  # Maxime Roby's actions
    before = saved(path)["participants"][0]["actions"]
    assert before
    press(qtbot, Qt.Key.Key_Backspace)
    assert saved(path)["participants"][0]["actions"] == []
    status = window.saved_label.text()
    assert "Cellule «\u00a0Actions engagées\u00a0» vidée — Ctrl+Z pour annuler" in status
    assert "Enregistré à" in status
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(path)["participants"][0]["actions"] == before
    # An empty cell: nothing to empty, nothing said, nothing on the undo stack.
    grid.setCurrentIndex(grid.model().index(0, 4))
    depth = window.model.undo_stack.count()
    press(qtbot, Qt.Key.Key_Delete)
    assert window.model.undo_stack.count() == depth


# ------------------------------------------------------------------ search


def test_search_counts_highlights_enter_goes_back_and_escape_clears(qtbot, window: MainWindow) -> None:
    grid = window.grid
    total = window.model.rowCount()
    grid.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    type_text("insertion")
    shown = grid.model().rowCount()
    assert 0 < shown < total
    # The example's rows name more people than there are rows: the results are rows, said so.
    assert window.search_bar.found.text() == f"{shown} résultats sur {total} lignes de la grille"
    assert grid.cell_delegate.search == "insertion"
    # The word found is marked in the cells: the marker colour is painted.
    image = grid.viewport().grab().toImage()
    marked = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).name() == "#ffe066"
    )
    assert marked > 20
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is grid
    assert grid.currentIndex().isValid()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Escape)
    assert window.search.text() == "" and grid.model().rowCount() == total
    assert window.search_bar.found.text() == ""
    assert QApplication.focusWidget() is window.search  # ready for another search
    press(qtbot, Qt.Key.Key_Escape)  # a second Échap: back to the grid
    assert QApplication.focusWidget() is grid
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text("zzzz introuvable")
    assert window.search_bar.found.text() == "Aucun résultat"
    assert "Aucun participant ne contient" in grid.empty_text()


# ------------------------------------------------------------------ Écarter


def test_after_ecarter_the_next_suggestion_is_selected(qtbot, window: MainWindow) -> None:
    store = window.store
    workshop_id = window.model.workshop_id
    save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
    window.model.matches_changed.emit()
    # The participant with the most suggestions.
    by_person: dict[str, int] = {}
    items = {i.id: i for i in store.workshop_items(workshop_id)}
    for match in store.matches(workshop_id):
        if match.status == MatchStatus.SUGGESTED:
            owner = items[match.need_id].participant_id
            by_person[owner] = by_person.get(owner, 0) + 1
    person = max(by_person, key=by_person.get)
    assert by_person[person] >= 3
    window._select(person, 3)
    window.grid.setFocus()
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # to the suggestions
    panel = window.panel.matches
    assert QApplication.focusWidget() is panel.tree
    first = panel.current_match_id()
    assert first is not None
    order = panel._suggestion_ids()
    press(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.match(first).status == MatchStatus.REJECTED
    assert panel.current_match_id() == order[order.index(first) + 1]  # the next one, ready
    second = panel.current_match_id()
    press(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.match(second).status == MatchStatus.REJECTED
    assert panel.current_match_id() not in (None, first, second)
    assert QApplication.focusWidget() is panel.tree


# ------------------------------------------------------------------ wording


def test_the_projector_agrees_with_two_people_and_keeps_colons_on_their_line(qtbot, store: Store) -> None:
    from atelier.domain import Item, ItemKind, Match, Participant
    from atelier.importers.participant import parse_participant
    from atelier.projection import group_of
    from atelier.ui.projector import GROUP_COLOURS, SHAPES

    workshop_id = store.workshops()[0].id
    pair = parse_participant("Zoé Martin et Loïc Bérard / CA de La Rochelle")
    assert pair.territory == "La Rochelle"  # was « Rochelle »
    seekers = store.add_participant(
        Participant(workshop_id, names=pair.names, organisation=pair.organisation, territory=pair.territory)
    )
    helper = store.add_participant(
        Participant(workshop_id, names=["Paul Durand"], organisation="Maison de l'emploi de Bordeaux")
    )
    assert group_of(helper) == "Maison de l'emploi"  # was « Maison De L'Emploi »
    need = store.add_item(Item(seekers.id, ItemKind.NEED, "trouver des bénévoles"))
    offer = store.add_item(Item(helper.id, ItemKind.OFFER, "un réseau de bénévoles"))
    store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.9, []))
    window = MainWindow(Store.open(store.path, readonly=True))
    qtbot.addWidget(window)
    projector = window.open_projector()
    projector.render_image()
    drawn = "\n".join(projector.drawn)
    assert "Zoé Martin et Loïc Bérard (CA de La Rochelle) cherchent\u00a0:" in drawn.replace("\n", " ")
    assert "cherche\u00a0:" not in drawn
    assert not any(line.startswith((":", "\u00a0:")) for line in projector.drawn)
    # More territories than colours: colour and shape together are never reused.
    pairs = {(i % len(GROUP_COLOURS), (i // len(GROUP_COLOURS)) % len(SHAPES)) for i in range(20)}
    assert len(pairs) == 20
    projector.close()
    window.close()
