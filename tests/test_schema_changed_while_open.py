"""A workshop file whose schema another program changes while Atelier has it open.

The file is checked whole when it opens (store/own_schema.py: nothing Atelier did not write,
nothing it writes missing); a probe then added, with SQLite from another process, a trigger to
the file the window held open: the next line typed renamed every participant « Pirate » while
the window said « Enregistré », and an import into the open file, written through a second
connection (`Store.twin`, which did not look at the file again), did the same. A connection
that reads for the window (`Store.reader`) read such a file as well.

Every write now looks, before it commits, at whether the file's schema changed since it was
checked (SQLite's schema cookie, one read per transaction) and checks it again if so: a write
into a file that now holds a trigger, or lacks one, is rolled back and said in one sentence;
a twin and a reader check it when they are made."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Participant, Workshop
from atelier.errors import FileRefused
from atelier.store import Store

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
PIRATE = "CREATE TRIGGER evil AFTER INSERT ON items BEGIN UPDATE participants SET names = '[\"Pirate\"]'; END"
CHANGED = "a été modifié par un autre programme depuis son ouverture"


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    return path


def _another_program(path: Path, *statements: str) -> None:
    """SQLite from elsewhere, writing into the file while Atelier has it open."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {str(r[0]) for r in conn.execute("SELECT names FROM participants")}
    finally:
        conn.close()


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _grid(workshop: Workshop) -> list[tuple[Participant, list[Item]]]:
    person = Participant(workshop.id, names=["Élodie Mérignac"], organisation="Mission locale")
    return [(person, [Item(person.id, ItemKind.NEED, "Financement du permis")])]


def test_a_twin_made_after_a_trigger_was_added_refuses_to_write(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with Store.open(path, lock=True, check_later=True) as store:
        store.checked()
        names = _names(path)
        _another_program(path, PIRATE)
        with pytest.raises(FileRefused) as refused, store.twin() as twin:
            twin.add_workshop_with_grid(Workshop(title="Atelier de Pau"), _grid(Workshop(title="x")))
        assert CHANGED in str(refused.value) and "«\xa0evil\xa0»" in str(refused.value)
        assert _names(path) == names
        assert _count(path, "workshops") == 1


def test_a_twin_made_before_a_trigger_was_added_refuses_to_commit(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with Store.open(path, lock=True) as store:
        names = _names(path)
        with store.twin() as twin:
            _another_program(path, PIRATE)
            workshop = Workshop(title="Atelier de Pau")
            with pytest.raises(FileRefused) as refused:
                twin.add_workshop_with_grid(workshop, _grid(workshop))
        assert CHANGED in str(refused.value)
        assert _names(path) == names
        assert _count(path, "workshops") == 1


def test_the_open_file_s_own_writes_refuse_a_trigger_added_since(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with Store.open(path, lock=True) as store:
        names = _names(path)
        items = _count(path, "items")
        participant = store.participants(store.workshops()[0].id)[0]
        _another_program(path, PIRATE)
        for attempt in range(2):  # and again: not once only
            with pytest.raises(FileRefused) as refused:
                store.add_item(Item(participant.id, ItemKind.NEED, f"Un local partagé {attempt}"))
            assert str(refused.value) == (
                f"«\xa0{path}\xa0» a été modifié par un autre programme depuis son ouverture\xa0: il "
                "contient maintenant des éléments qu'Atelier n'a pas écrits (déclencheur «\xa0evil\xa0»). "
                "Par précaution, rien de plus n'y a été lu ni écrit."
            )
        assert _names(path) == names
        assert _count(path, "items") == items


def test_a_trigger_dropped_while_open_is_said_too(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with Store.open(path, lock=True) as store:
        items = _count(path, "items")
        participant = store.participants(store.workshops()[0].id)[0]
        _another_program(path, "DROP TRIGGER directory_item_added")
        with pytest.raises(FileRefused) as refused:
            store.add_item(Item(participant.id, ItemKind.NEED, "Un local partagé"))
        assert "il y manque maintenant le déclencheur «\xa0directory_item_added\xa0»" in str(refused.value)
        assert _count(path, "items") == items


def test_a_reader_made_after_a_view_was_added_refuses_to_read(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with Store.open(path, lock=True) as store:
        _another_program(path, "CREATE VIEW v AS SELECT 1")
        with pytest.raises(FileRefused) as refused:
            store.reader()
        assert CHANGED in str(refused.value) and "vue «\xa0v\xa0»" in str(refused.value)


def test_atelier_s_own_schema_changes_while_open_are_not_refused(tmp_path: Path) -> None:
    """The directory's index rebuilt in the open file (store/graves.py), an index made again."""
    path = _copy(tmp_path)
    _another_program(path, "DROP INDEX items_participant", "PRAGMA journal_mode = DELETE")
    with Store.open(path, lock=True) as store:
        workshop = store.workshops()[0]
        participant = store.participants(workshop.id)[0]
        store.add_item(Item(participant.id, ItemKind.NEED, "Un local partagé"))  # the index made
        with store.twin() as twin:
            twin.add_item(Item(participant.id, ItemKind.OFFER, "Un minibus"))
        with store.reader() as reader:
            assert len(reader.participants(workshop.id)) == len(store.participants(workshop.id))
        store.delete_participant(participant.id)
        store.compact_now(closing=True)
        store.add_item(Item(store.participants(workshop.id)[0].id, ItemKind.NEED, "Un garage solidaire"))


def test_the_window_refuses_a_line_typed_after_a_trigger_was_added(
    qtbot, tmp_path: Path, no_modal_boxes: list[str], monkeypatch
) -> None:
    """The line is kept in the window, not said « Enregistré »; closing asks first, and says why."""
    from PySide6.QtWidgets import QApplication

    from atelier.ui import unsaved
    from atelier.ui.grid_view import CellEditor
    from tests.helpers.keyboard import active_example_window, key, type_text

    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    window.store.checked()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new participant
    assert isinstance(QApplication.focusWidget(), CellEditor)
    type_text("Nadia Ferrand / Mission locale du Médoc")
    key(qtbot, Qt.Key.Key_Tab)  # actions
    key(qtbot, Qt.Key.Key_Tab)  # challenges
    key(qtbot, Qt.Key.Key_Tab)  # needs
    names = _names(path)
    assert '["Nadia Ferrand"]' in names  # saved
    items = _count(path, "items")
    _another_program(path, PIRATE)
    type_text("un garage solidaire")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(no_modal_boxes) > 0)
    assert CHANGED in no_modal_boxes[0], no_modal_boxes
    assert _names(path) == names  # nobody renamed « Pirate »
    assert _count(path, "items") == items
    assert "Enregistré" not in window.saved_label.text()
    asked: list[tuple[int, str | None]] = []
    monkeypatch.setattr(
        unsaved, "close_anyway", lambda _w, count, _p, why: asked.append((count, why)) or True
    )
    window.close()
    assert len(asked) == 1 and asked[0][0] == 1 and CHANGED in str(asked[0][1]), asked
    assert _names(path) == names
