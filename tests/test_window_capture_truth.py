"""What the capture window says is saved is in the file, read back by another connection,
for typing interrupted by a shortcut: each test drives the real window with the keyboard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind
from atelier.ui.cell_editor import CellEditor

from .helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


# Message boxes would block an offscreen test: recorded instead (conftest.no_modal_boxes).
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def in_file(path: Path, sql: str, *params: str) -> list[tuple]:
    """Read by a connection of its own, as the next program to open the file would."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def test_a_contact_typed_in_the_card_then_ctrl_n_is_saved_to_its_participant(qtbot, tmp_path: Path) -> None:
    """The facilitator types an e-mail in the card, then Ctrl+N for the next person: the
    status bar says « Enregistré à … »; the e-mail was thrown away with the card's fields."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    grid = window.grid
    grid.setCurrentIndex(grid.model().index(2, 0))
    someone = window.model.participant_at(2)
    assert someone.contact == ""
    window.panel_dock.show()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # « Co&ntact : »
    assert QApplication.focusWidget() is window.panel.contact
    type_text("g.buzaud@example.fr")
    key(qtbot, Qt.Key.Key_N, CTRL)  # the next participant, straight away
    assert window.saved_label.text().startswith("Enregistré à ")
    contact = "SELECT contact FROM participants WHERE id = ?"
    assert in_file(path, contact, someone.id) == [("g.buzaud@example.fr",)]
    assert window.model.rowCount() == 23
    # One Ctrl+Z takes the new row back, the next one the e-mail.
    grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert in_file(path, contact, someone.id) == [("",)]
    assert in_file(path, "SELECT count(*) FROM participants") == [(22,)]


def test_the_undo_menu_elides_de_before_a_vowel(qtbot, tmp_path: Path) -> None:
    """« Annuler : modifier « Actions engagées » de Élodie Durand » read wrong in the menu."""
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_N, CTRL)
    type_text("Élodie Durand / Communauté de communes du Pays d'Évian")
    key(qtbot, Qt.Key.Key_Tab)  # the participant written, the actions cell next
    type_text("forum de l'emploi")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    undo = window.commands.actions["edit.undo"]
    assert undo.text() == "&Annuler\xa0: modifier «\xa0Actions engagées\xa0» d'Élodie Durand"


def test_an_undo_the_file_refuses_stays_the_next_one_to_undo(qtbot, tmp_path: Path, no_modal_boxes) -> None:
    """Another program holds the file (a sync tool, a backup) as Ctrl+Z is pressed: the
    undo is refused and said. Qt's stack still moved past it, so « Annuler » named an older
    edit while this one was in the file, and once the file was free Ctrl+Z undid that older
    edit, skipping this one."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    window.store.conn.execute("PRAGMA busy_timeout = 50")  # refused at once, not after 5 s
    grid = window.grid
    grid.setCurrentIndex(grid.model().index(0, 2))
    type_text("un premier défi")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    grid.setCurrentIndex(grid.model().index(1, 2))
    type_text("un second défi")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    undo = window.commands.actions["edit.undo"]
    second = undo.text()
    assert "Martine Colin" in second
    challenges = "SELECT text FROM items WHERE kind = 'challenge' AND text LIKE 'un % défi' ORDER BY text"
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")  # the other program writes
    try:
        key(qtbot, Qt.Key.Key_Z, CTRL)
    finally:
        holder.rollback()
        holder.close()
    assert window.saved_label.text().startswith("⚠ ")
    assert no_modal_boxes  # said in a box too
    assert in_file(path, challenges) == [("un premier défi",), ("un second défi",)]
    assert undo.text() == second  # still the step to undo, not the one before it
    assert not window.commands.actions["edit.redo"].isEnabled()
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the file is free again
    assert in_file(path, challenges) == [("un premier défi",)]
    assert window.model.items_of(window.model.participant_at(0).id, ItemKind.CHALLENGE)[-1].text == (
        "un premier défi"
    )


def test_a_row_deleted_while_matching_runs_leaves_the_other_suggestions_saved(qtbot, tmp_path: Path) -> None:
    """F9, then Ctrl+Suppr on a participant before the background matching has finished: its
    result named the deleted participant's needs, the file refused them (a foreign key), and
    the whole run was lost with a traceback; no suggestion came."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    matching = window.matching
    assert matching is not None
    qtbot.waitUntil(lambda: not matching._busy and not matching._meaning_loading, timeout=20000)
    model = window.model
    gone = next(
        r for r in range(model.rowCount()) if model.items_of(model.participant_at(r).id, ItemKind.NEED)
    )
    gone_id = model.participant_at(gone).id
    key(qtbot, Qt.Key.Key_F9)  # matching starts in the background
    assert matching._busy
    window.grid.setCurrentIndex(window.grid.model().index(gone, 0))
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # the row goes before the result comes back
    qtbot.waitUntil(lambda: not matching._busy, timeout=20000)
    qtbot.waitUntil(lambda: bool(in_file(path, "SELECT 1 FROM matches WHERE status = 'suggested'")))
    assert in_file(path, "SELECT count(*) FROM participants WHERE id = ?", gone_id) == [(0,)]
    assert model.rowCount() == 21


def test_a_cell_or_row_deleted_with_a_decided_match_says_the_match_goes_too(qtbot, tmp_path: Path) -> None:
    """Suppr on a need confirmed a minute ago said only « Cellule vidée »: the match and its
    follow-up went with it, found missing from the follow-up list later."""
    from atelier.matching import match_workshop, save_suggestions

    window = active_example_window(qtbot, tmp_path)
    store, model = window.store, window.model
    save_suggestions(store, model.workshop_id, match_workshop(store, model.workshop_id).suggestions)
    model.matches_changed.emit()
    match = max(store.matches(model.workshop_id), key=lambda m: m.score)
    window._select(store.item(match.need_id).participant_id, 3)
    key(qtbot, Qt.Key.Key_M, CTRL)
    panel = window.panel.matches
    chosen = panel.current_match_id()
    key(qtbot, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Confirmer
    decided = "SELECT count(*) FROM matches WHERE status = 'confirmed'"
    assert in_file(window.store.path, decided) == [(1,)]
    owner = store.item(store.match(chosen).need_id).participant_id
    window._select(owner, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Delete)  # the needs cell emptied
    assert window.saved_label.text().startswith(
        "Cellule «\xa0Besoins de ressources\xa0» vidée, avec 1 mise en relation décidée\xa0: "
    )
    assert " — Ctrl+Z pour annuler." in window.saved_label.text()
    assert in_file(window.store.path, decided) == [(0,)]
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert in_file(window.store.path, decided) == [(1,)]
    helper = store.item(store.match(chosen).resource_id).participant_id
    window._select(helper, 0)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # the helper's row
    assert ", avec 1 mise en relation décidée\xa0: " in window.saved_label.text()
    window.grid.setCurrentIndex(window.grid.model().index(0, 1))
    key(qtbot, Qt.Key.Key_Delete)  # a cell with no decision says nothing more
    assert window.saved_label.text().startswith("Cellule «\xa0Actions engagées\xa0» vidée — Ctrl+Z")


def test_fixing_a_name_in_the_grid_keeps_the_territory_set_on_the_card(qtbot, tmp_path: Path) -> None:
    """Territoire typed on the card, then a typo fixed in the participant's cell: the line the
    cell showed (« Maxime Roby / PETR Monts et barrages, Landes ») was read back as one
    structure « PETR Monts et barrages - Landes », and the card's territory was emptied."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    grid = window.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    someone = window.model.participant_at(0)
    window.panel_dock.show()
    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # « &Territoire : »
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text("Landes")
    key(qtbot, Qt.Key.Key_Return)
    fields = "SELECT names, organisation, territory FROM participants WHERE id = ?"
    assert in_file(path, fields, someone.id) == [('["Maxime Roby"]', "PETR Monts et barrages", "Landes")]
    grid.setFocus()
    key(qtbot, Qt.Key.Key_F2)  # the participant's cell, as it shows it
    editor = QApplication.focusWidget()
    assert editor.toPlainText() == "Maxime Roby / PETR Monts et barrages, Landes"
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text("Maxime-Jean Roby / PETR Monts et barrages, Landes")  # the name completed
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert in_file(path, fields, someone.id) == [('["Maxime-Jean Roby"]', "PETR Monts et barrages", "Landes")]
    assert window.panel.territory.text() == "Landes"


def test_ctrl_del_while_typing_in_the_card_then_ctrl_z_brings_the_row_back_as_typed(
    qtbot, tmp_path: Path
) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    window.grid.setCurrentIndex(window.grid.model().index(2, 0))
    someone = window.model.participant_at(2)
    window.panel_dock.show()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # « Co&ntact : »
    type_text("g.buzaud@example.fr")
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # the row goes
    assert in_file(path, "SELECT count(*) FROM participants WHERE id = ?", someone.id) == [(0,)]
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    contact = "SELECT contact FROM participants WHERE id = ?"
    assert in_file(path, contact, someone.id) == [("g.buzaud@example.fr",)]


@pytest.mark.parametrize("leave", ["ctrl+enter", "tab"])
def test_text_typed_in_a_cell_the_file_refuses_stays_to_be_written_again(
    qtbot, tmp_path: Path, no_modal_boxes, leave: str
) -> None:
    """The file is held by another program (or the disk is full) as the facilitator finishes a
    need with Ctrl+Entrée or Tab: the refusal is said, and the box closed the cell
    with what was typed in it, gone: typed again from memory, in a room. It stays in the cell's
    editor, and once the file is free Ctrl+Entrée writes it."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    window.store.conn.execute("PRAGMA busy_timeout = 50")  # refused at once, not after 5 s
    grid = window.grid
    need = grid.model().index(1, 3)  # Martine Colin Rabouan's needs
    grid.setCurrentIndex(need)
    needs = "SELECT count(*) FROM items WHERE text = 'un lieu pour le forum des métiers'"
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")  # the other program writes
    try:
        type_text("un lieu pour le forum des métiers")
        if leave == "tab":
            key(qtbot, Qt.Key.Key_Tab)
        else:
            key(qtbot, Qt.Key.Key_Return, CTRL)
        # The box closed the editor; the text comes back in a new one from the event loop.
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), CellEditor))
    finally:
        holder.rollback()
        holder.close()
    assert len(no_modal_boxes) == 1 and "autre programme" in no_modal_boxes[0], no_modal_boxes
    assert in_file(path, needs) == [(0,)]
    editor = QApplication.focusWidget()
    assert grid.currentIndex() == need
    assert editor is not grid and editor.toPlainText().endswith("un lieu pour le forum des métiers")
    key(qtbot, Qt.Key.Key_Return, CTRL)  # the file is free again
    assert in_file(path, needs) == [(1,)]
    assert window.saved_label.text().startswith("Enregistré à ")
    assert len(no_modal_boxes) == 1
