"""The directory's full-text index through a file's life: SQLite's FTS5 before 3.43 adds a
level to the index at each whole merge (one per deletion of a participant, two with an edit
between) and reads its own index as corrupt past 2,000: a file in which about a thousand
participants had been deleted over the years refused every edit of the grid with « database
disk image is malformed »."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from atelier.domain import Participant
from atelier.store import Store
from atelier.store.graves import levels
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _grown(path: Path, wanted: int) -> None:
    """The index's structure as years of deletions and edits leave it (quickly: no sync)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    (someone,) = conn.execute("SELECT id FROM participants LIMIT 1").fetchone()
    turn = 0
    while levels(conn) < wanted:
        conn.execute("UPDATE participants SET role = ? WHERE id = ?", (f"Fonction {turn}", someone))
        conn.execute("INSERT INTO directory (directory) VALUES ('optimize')")
        turn += 1
    conn.close()


def test_a_file_whose_index_grew_for_years_still_takes_deletions_and_edits(tmp_path: Path) -> None:
    path = tmp_path / "des-annees.atelier"
    shutil.copy(EXAMPLE, path)
    _grown(path, 1_998)
    with Store.open(path) as store:
        people = store.participants(store.workshops()[0].id)
        gone, kept = people[2], people[5]
        store.update_participant(gone.id, names=["Zébulon Quartermaine"])
        store.delete_participant(gone.id)
        store.delete_participant(people[3].id)
        store.update_participant(kept.id, role="Chargée de mission Xylophone")  # refused before
        assert store.participant(kept.id).role == "Chargée de mission Xylophone"
        assert levels(store.conn) < 100
        hits, total = store.search("xylophone")
        assert total == 1 and hits[0].participant.id == kept.id
        assert store.search("Quartermaine") == ([], 0)
    assert b"quartermaine" not in path.read_bytes().lower()


def test_in_the_window_a_long_index_is_rebuilt_a_few_rows_at_a_time_while_typing_goes_on(
    tmp_path: Path,
) -> None:
    """The window rebuilds an index grown long a few rows at a time while it waits for the
    keyboard (whole, within the deletion that made it too long, it froze the window 2 s on a
    region's decade): every edit, addition and deletion made between its steps is in the
    index it ends with, and a person deleted before or during it is nowhere in the file."""
    path = tmp_path / "des-annees.atelier"
    shutil.copy(EXAMPLE, path)
    _grown(path, 1_600)
    copy = tmp_path / "copie.atelier"
    with Store.open(path) as store:
        store.compact_later = lambda: None  # as the window: the index looked after step by step
        store.compact_at_close = False
        workshop = store.workshops()[0].id
        people = store.participants(workshop)
        gone, later_gone, kept = people[2], people[3], people[5]
        store.update_participant(gone.id, names=["Zébulon Quartermaine"])
        store.update_participant(later_gone.id, names=["Ulrich Grandvoisin"])
        store.delete_participant(gone.id)  # Ctrl+Suppr: the row goes, one small step is taken
        assert levels(store.conn) > 1_000  # not rebuilt whole within the deletion
        steps = 0
        added = None
        while not store.compact_step(pages=1):
            store.update_participant(kept.id, role=f"Chargée de mission Xylophone {steps}")
            if steps == 3:
                added = store.add_participant(Participant(workshop, names=["Yolande Wagnérienne"]))
            if steps == 40:
                store.delete_participant(later_gone.id)  # deleted once half the rows are copied
            steps += 1
            assert steps < 10_000
        assert steps > 40  # the test can fail: the rebuild took many steps, edits between them
        assert levels(store.conn) < 100
        assert not store.compaction_due()
        hits, total = store.search("xylophone")
        assert total == 1 and hits[0].participant.id == kept.id
        assert store.participant(kept.id).role == f"Chargée de mission Xylophone {steps - 1}"
        assert added is not None and [h.participant.id for h in store.search("wagnerienne")[0]] == [added.id]
        assert store.search("Quartermaine") == ([], 0) and store.search("Grandvoisin") == ([], 0)
        for person in store.participants(workshop):  # everyone else still found
            if person.names:
                assert person.id in {h.participant.id for h in store.search(person.names[0], limit=500)[0]}
        store.backup_to(copy)  # the file's pages as they are now
    for file in (copy, path):
        data = file.read_bytes().lower()
        assert b"quartermaine" not in data and b"grandvoisin" not in data


def test_ctrl_suppr_on_a_file_whose_index_grew_long_leaves_it_rebuilt_while_the_window_waits(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    from PySide6.QtCore import Qt

    from tests.helpers.keyboard import active_window, key

    path = tmp_path / "des-annees.atelier"
    shutil.copy(EXAMPLE, path)
    _grown(path, 1_600)
    window = active_window(qtbot, path)
    window.grid.setCurrentIndex(window.proxy.index(2, 1))
    name = window.model.participant_at(window.proxy.mapToSource(window.grid.currentIndex()).row()).names[0]
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "supprimé" in window.saved_label.text()
    assert levels(window.store.conn) > 1_000  # the key did not wait for a whole rebuild
    qtbot.waitUntil(lambda: not window.store.compaction_due(), timeout=60_000)
    assert levels(window.store.conn) < 100
    assert window.store.search(name) == ([], 0)
    window.close()
    assert no_modal_boxes == []


def test_a_rebuild_left_half_done_is_finished_by_the_next_window_or_command(tmp_path: Path) -> None:
    """A window killed (or closed by the system) in the middle of a rebuild: the file holds the
    live index and the half-built one, kept in step by their triggers; the next window goes on
    with it, and any command that writes the file finishes it."""
    from atelier.store.directory import rebuilding

    path = tmp_path / "des-annees.atelier"
    shutil.copy(EXAMPLE, path)
    _grown(path, 1_600)
    with Store.open(path) as store:
        store.compact_later = lambda: None
        store.compact_at_close = False  # as a window killed: nothing finished at its close
        people = store.participants(store.workshops()[0].id)
        store.update_participant(people[2].id, names=["Zébulon Quartermaine"])
        store.delete_participant(people[2].id)
        for _ in range(10):
            assert not store.compact_step(pages=1)
        assert rebuilding(store.conn)
        store.update_participant(people[0].id, role="Fonction Xylophone")  # an edit while left half-done
    window_copy = tmp_path / "fenêtre.atelier"
    shutil.copy(path, window_copy)
    with Store.open(window_copy) as store:  # the next window: goes on step by step
        store.compact_later = lambda: None
        assert store.compaction_due()
        steps = 0
        while not store.compact_step(pages=1):
            steps += 1
            assert steps < 10_000
        assert not rebuilding(store.conn) and levels(store.conn) < 100
        assert [h.participant.id for h in store.search("xylophone")[0]] == [people[0].id]
    with Store.open(path) as store:  # a command: finished when it closes the file
        store.update_participant(people[1].id, role="Fonction Zanzibar")
    with Store.open(path, readonly=True) as store:
        assert not rebuilding(store.conn) and levels(store.conn) < 100
        assert [h.participant.id for h in store.search("zanzibar")[0]] == [people[1].id]
        assert [h.participant.id for h in store.search("xylophone")[0]] == [people[0].id]
    for file in (path, window_copy):
        assert b"quartermaine" not in file.read_bytes().lower()
