"""The directory's full-text index through a file's life: SQLite's FTS5 before 3.43 adds a
level to the index at each whole merge (one per deletion of a participant, two with an edit
between) and reads its own index as corrupt past 2,000: a file in which about a thousand
participants had been deleted over the years refused every edit of the grid with « database
disk image is malformed »."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

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
