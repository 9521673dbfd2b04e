"""Deletion markers (« graves », format 8): which entry a facilitator deleted, and when.

A merge reads them so that an entry one copy deleted does not come back from the other copy
(atelier/store/merge.py). Only the entry deleted is marked, not what went with it (a
participant's lines, the matches of a line): those have nothing left to hang on. An entry
written again with the same id (undo, redo) loses its marker by the file's own triggers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from atelier.domain import now_iso

# The tables whose entries can be marked deleted (a marker naming another is ignored: the
# name is read from a file, never trusted into SQL).
TABLES = ("workshops", "participants", "items", "matches", "synthesis_sections", "glossary_entries")


def bury(
    conn: sqlite3.Connection, table: str, ids: Iterable[str], when: str | None = None
) -> list[tuple[str, str]]:
    """Mark these entries of `table` deleted now (inside the caller's transaction), and take
    what the merge history said of them, and of what went with them, out of it (a person
    deleted at their request is not kept there). Returns the history records as they were,
    for an undo to put back (merge.restore_history)."""
    from atelier.store.merge import forget_deleted

    when = when or now_iso()
    conn.executemany(
        "INSERT OR REPLACE INTO graves (id, tbl, deleted) VALUES (?, ?, ?)",
        [(row_id, table, when) for row_id in ids],
    )
    if (
        table in _PEOPLE
        and conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'directory'").fetchone()
    ):
        # The directory's full-text index keeps a deleted row's words (a name, its older
        # spellings) in its older segments until they are merged: merged now, they are gone
        # from the file (secure_delete wipes the pages freed). About 8 ms on a workshop's file,
        # 0.4 s on a region's decade (benchmarks/bench_erasure.py); a line taken out of
        # a cell does not pay it.
        conn.execute("INSERT INTO directory (directory) VALUES ('optimize')")
    return forget_deleted(conn)


# The deletions that take people with them (a participant, a workshop and its participants).
_PEOPLE = ("workshops", "participants")


def graves(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Every marker of a file: id -> (table, when deleted). None in a file of an older format."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'graves'").fetchone()
    if not found:
        return {}
    return {
        str(row_id): (table, str(when))
        for row_id, table, when in conn.execute("SELECT id, tbl, deleted FROM graves")
        if table in TABLES
    }
