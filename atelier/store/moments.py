"""The moments a file was written (format 13): one per transaction that changed it, its time and
a random mark (« 2026-11-30T15:21:02.060Z 3f9a1c2e8b0d »). Two copies of a file hold the same
moments up to when they parted, and none in common after: the latest moment both hold is when
they parted, even when every entry edited just before was changed since in one of them. A merged
file holds both copies' moments (and its own), so that a later merge with either copy knows it
already had all that copy held then."""

from __future__ import annotations

import contextlib
import sqlite3

from atelier.domain import now_iso


def note(conn: sqlite3.Connection) -> None:
    """This transaction changed the file: a moment of its own (in the caller's transaction)."""
    import secrets  # not at import: opening a file writes nothing (it pulls in hmac)

    conn.execute(
        "INSERT OR IGNORE INTO moments (moment) VALUES (?)", (f"{now_iso()} {secrets.token_hex(6)}",)
    )


def held(conn: sqlite3.Connection) -> set[str]:
    """The file's moments (none in a file of a format before 13 read as it is)."""
    with contextlib.suppress(sqlite3.OperationalError):
        return {str(row[0]) for row in conn.execute("SELECT moment FROM moments")}
    return set()


def parted(mine: set[str], theirs: set[str], horizon: str = "9999") -> str:
    """When two copies parted: the time of the latest moment both hold ("" if none). A time in the
    future (a clock that was wrong) says nothing."""
    return max((m.split(" ", 1)[0] for m in mine & theirs if m.split(" ", 1)[0] <= horizon), default="")


def take(conn: sqlite3.Connection, theirs: set[str]) -> None:
    """A merge: this file holds the other copy's moments too (in the caller's transaction)."""
    conn.executemany("INSERT OR IGNORE INTO moments (moment) VALUES (?)", [(m,) for m in sorted(theirs)])
