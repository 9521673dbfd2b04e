"""A participant deleted at their request (the right to erasure) does not stay in the file
through the merge history: the history names entries only when it is read, forgets what it
said of entries deleted since, and the file's bytes (free pages, the directory's full-text
index) no longer hold the name."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.store import Store
from atelier.store.schema import SCHEMA_VERSION
from tests.conftest import ROOT, run_cli
from tests.helpers.keyboard import active_window, key

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
CTRL = Qt.KeyboardModifier.ControlModifier
# What only the participant who asks to be erased has: their name, their contact, the two roles
# the copies gave them (one kept, one set aside by the merge).
THEIRS = ("zébulon", "zebulon", "quartermaine", "fonction xyzzy", "fonction plugh")


def _left_in(path: Path) -> list[str]:
    """What of THEIRS the file's bytes still hold, in any case (the full-text index keeps
    words folded: « zebulon »)."""
    data = path.read_bytes().decode("utf-8", "replace").lower()
    return [word for word in THEIRS if word in data]


def _merged_history(tmp_path: Path) -> tuple[Path, str, str]:
    """c.atelier: a merge of two copies whose history sets aside a role of Zébulon
    Quartermaine's, and a territory of another participant's."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    with Store.open(a) as store:
        people = store.participants(store.workshops()[0].id)
        zebulon, other = people[3].id, people[6].id
        store.update_participant(zebulon, names=["Zébulon Quartermaine"], contact="zq@exemple.fr")
    shutil.copy(a, b)
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(zebulon, role="Fonction Xyzzy")
        store.update_participant(other, territory="Territoire de B")
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_participant(zebulon, role="Fonction Plugh")
        store.update_participant(other, territory="Territoire de A")
    c = tmp_path / "c.atelier"
    done = run_cli("merge", str(a), str(b), "-o", str(c))
    assert done.returncode == 0, done.stderr
    assert "2 conflits" in done.stdout and "Zébulon Quartermaine" in done.stdout
    return c, zebulon, other


def test_a_participant_deleted_after_a_merge_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    c, zebulon, other = _merged_history(tmp_path)
    assert _left_in(c)  # the test can fail: before the deletion, the file holds them
    colleague = tmp_path / "d.atelier"  # a copy of the merged file, on a colleague's key
    shutil.copy(c, colleague)
    with Store.open(c) as store:
        store.delete_participant(zebulon)
    assert _left_in(c) == []
    with Store.open(c, readonly=True) as store:
        (record,) = store.merge_history()
    # The history still says what it set aside of the others, named as they are now.
    from atelier.ui.merge_history import history_text

    text = history_text([record])
    assert "2 conflits" in text and "Territoire de B" in text
    assert "1 ligne effacée\xa0: l'entrée dont elle parlait a été supprimée depuis." in text

    # Merged with the colleague's copy (which still has them, and the history naming them),
    # nothing of them comes back, in the rows or the history.
    merged = tmp_path / "e.atelier"
    done = run_cli("merge", str(c), str(colleague), "-o", str(merged))
    assert done.returncode == 0, done.stderr
    assert "Rien de nouveau" in done.stdout or "rien de nouveau" in done.stdout
    assert _left_in(merged) == []
    info = run_cli("info", str(merged))
    assert "Historique des fusions\xa0: 2 fusions" in info.stdout, info.stdout
    with Store.open(merged, readonly=True) as store:
        assert zebulon not in {p.id for p in store.participants(store.workshops()[0].id)}


def test_an_older_history_that_names_a_deleted_entry_is_rewritten_at_opening(tmp_path: Path) -> None:
    """Files of format 9 and before stored names in the history (« what », « name »): opening one for
    writing rewrites it without them, and without what it said of entries deleted since."""
    c, zebulon, other = _merged_history(tmp_path)
    with Store.open(c) as store:
        store.delete_participant(zebulon)
    old = {
        "when": "2026-11-20T10:00:00.000Z",
        "files": ["x.atelier", "y.atelier"],
        "added": {},
        "conflicts": 1,
        "updated": 0,
        "differences": [
            {"table": "participants", "row_id": zebulon, "what": "Participant « Zébulon Quartermaine »",
             "field": "fonction", "kept": "Fonction Plugh", "set_aside": "Fonction Xyzzy", "conflict": True},
            {"table": "participants", "row_id": other, "what": "Participant « Zébulon Quartermaine bis »",
             "field": "territoire", "kept": "A", "kept_from": "x.atelier",
             "kept_when": "2026-11-20T09:00:00Z", "set_aside": "B", "set_aside_from": "y.atelier",
             "set_aside_when": "2026-11-20T08:00:00Z", "conflict": False},
        ],
        "kept_deleted": [{"table": "participants", "row_id": zebulon, "name": "Zébulon Quartermaine"}],
    }  # fmt: skip
    conn = sqlite3.connect(c)
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("merge:old", json.dumps(old)))
    conn.execute("PRAGMA user_version = 9")  # the format before the history was rewritten (10)
    conn.commit()
    conn.close()
    assert _left_in(c)
    with Store.open(c) as store:
        assert store.format_version == SCHEMA_VERSION
        records = store.merge_history()
    assert _left_in(c) == []
    oldest = records[0]
    assert oldest.erased == 2 and oldest.conflicts == 1 and len(oldest.differences) == 1
    (kept,) = oldest.differences
    assert kept.what.startswith("Participant «") and "Zébulon" not in kept.what  # named as it is now


def test_undoing_the_deletion_in_the_window_puts_the_history_back(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    c, zebulon, _other = _merged_history(tmp_path)
    window = active_window(qtbot, c)
    row = next(r for r in range(window.model.rowCount()) if window.model.participant_at(r).id == zebulon)
    window.grid.setCurrentIndex(window.proxy.index(row, 1))
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # Ctrl+Suppr: Zébulon Quartermaine goes
    text = window.show_merge_history(show=False).text.toPlainText()
    assert "Zébulon" not in text and "Xyzzy" not in text and "1 ligne effacée" in text
    key(qtbot, Qt.Key.Key_Z, CTRL)  # undone: the participant is back, and what the history said
    text = window.show_merge_history(show=False).text.toPlainText()
    assert "Participant « Zébulon Quartermaine », fonction" in text and "Fonction Xyzzy" in text
    assert "effacée" not in text
    assert no_modal_boxes == []


def test_a_participant_deleted_in_the_window_leaves_the_index_while_the_window_waits(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """Ctrl+Suppr takes the row away at once; the directory's index, which still held the
    name in its older segments, is merged a few pages at a time while the window waits for the
    keyboard (at once, it froze the window 0.4 s on a region's file): a copy of the file made
    then holds no trace of them, and neither does the file once the window is closed."""
    c, zebulon, _other = _merged_history(tmp_path)
    window = active_window(qtbot, c)
    row = next(r for r in range(window.model.rowCount()) if window.model.participant_at(r).id == zebulon)
    window.grid.setCurrentIndex(window.proxy.index(row, 1))
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert "Zébulon Quartermaine" in window.saved_label.text() and "supprimé" in window.saved_label.text()
    qtbot.waitUntil(lambda: not window.store.compaction_due(), timeout=20_000)
    copy = tmp_path / "copie.atelier"
    window.store.backup_to(copy)  # the file's pages as they are now, WAL included
    assert _left_in(copy) == []
    window.close()
    assert _left_in(c) == []
    assert no_modal_boxes == []


# A window of Atelier killed just after a deletion: the index still holds the name, a merge due.
_KILLED = (
    "import sys, time\nfrom atelier.store import Store\n"
    "s = Store.open(sys.argv[1], lock=True)\n"
    "s.compact_later = lambda: None\n"  # as the window: the merge left to its idle steps
    "s.delete_participant(sys.argv[2])\n"
    "print('ok', flush=True)\ntime.sleep(60)"
)


def test_a_merge_a_killed_window_left_due_is_finished_by_the_next_window(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    import subprocess
    import sys

    c, zebulon, _other = _merged_history(tmp_path)
    killed = subprocess.Popen(
        [sys.executable, "-c", _KILLED, str(c), zebulon], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert killed.stdout is not None and killed.stdout.readline().strip() == "ok"
    finally:
        killed.kill()
        killed.wait()
    left = tmp_path / "laissé.atelier"
    with Store.open(c, lock=True) as store:
        store.compact_later = lambda: None  # read as it was left, nothing merged by closing
        store.compact_at_close = False
        assert store.compaction_due()
        store.backup_to(left)
    assert _left_in(left)  # the test can fail: the killed window left the name in the index
    window = active_window(qtbot, c)
    qtbot.waitUntil(lambda: not window.store.compaction_due(), timeout=20_000)
    copy = tmp_path / "copie.atelier"
    window.store.backup_to(copy)
    assert _left_in(copy) == []
    window.close()
    assert _left_in(c) == []
    assert no_modal_boxes == []


def test_edits_made_while_the_index_is_merged_never_end_the_merge_before_the_name_is_gone(
    tmp_path: Path,
) -> None:
    """The facilitator goes on typing while the index is merged after a deletion: each edit
    adds a segment to the index, and the merge is done only once none of the segments that
    held the name is left (not when the newest are merged)."""
    c, zebulon, other = _merged_history(tmp_path)
    copy = tmp_path / "copie.atelier"
    with Store.open(c) as store:
        store.compact_later = lambda: None  # as the window: merged a step at a time
        store.compact_at_close = False
        store.delete_participant(zebulon)
        steps = 0
        while not store.compact_step(pages=1):
            store.update_participant(other, role=f"Fonction tapée {steps}")
            steps += 1
            assert steps < 10_000
        assert steps > 1  # the test can fail: the merge took several steps, edits between them
        store.backup_to(copy)
    assert _left_in(copy) == []
