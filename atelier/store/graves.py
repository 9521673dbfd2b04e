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
from atelier.store.directory import copy_next, rebuilding, start_next, swap_next

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
    if table in _PEOPLE and _has_directory(conn):
        # The directory's full-text index keeps a deleted row's words (a name, its older
        # spellings) in its older segments until they are merged (secure_delete then wipes
        # the pages freed). Noted in the file, in this transaction: the store merges them
        # (`compact`) before the transaction ends, or the window a few pages at a time just
        # after (`compact_step`), and at the latest when the file is closed or, after a
        # crash, opened again (Store.close, the window's DirectoryCompaction).
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (COMPACTION_DUE, when))
        if rebuilding(conn):  # the index being rebuilt may hold their words too
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (REBUILT_DUE, when))
    return forget_deleted(conn)


# The meta key that says the directory's index still holds words of a deleted person; and the
# one that says so of the index being rebuilt (see `compact_step`): once it is the live index.
COMPACTION_DUE = "directory:compaction-due"
REBUILT_DUE = "directory:next-compaction-due"
# An FTS5 index's %_data rowids: the segment's id shifted above a page's and a height's bits.
_SEGMENT_SHIFT = 37


def _has_directory(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'directory'")
    return found.fetchone() is not None


def _due(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM meta WHERE key = ?", (COMPACTION_DUE,)).fetchone() is not None


def compaction_due(conn: sqlite3.Connection) -> bool:
    """Whether a deletion left a person's words in the directory's older segments, or the
    index is being rebuilt (`compact_step` goes on until it is done)."""
    if not _has_directory(conn):
        return False
    return _due(conn) or rebuilding(conn)


# SQLite's FTS5 before 3.43 (Debian 12 has 3.40) adds a level to the index's structure at each
# merge of the whole index and never takes one away: at 2,000 it reads its own index as
# corrupt (« database disk image is malformed », every edit of the grid refused), which two
# levels per deletion of a participant reached after 999 deletions in a file's life. The index
# is rebuilt from its content when its structure grows long: by the window past
# LEVELS_AT_CLOSE, a few rows at a time beside the live index while it waits for the keyboard
# (`compact_step`; whole, it froze the window 2 s on a region's decade); whole when a file in
# which people were deleted is closed past LEVELS_AT_CLOSE (0.02 s on a workshop's file), and
# at once past LEVELS_AT_ONCE (by the window only past LEVELS_LAST: a file grown long by an
# older version is rebuilt step by step too).
LEVELS_AT_CLOSE = 200
LEVELS_AT_ONCE = 1_500
LEVELS_LAST = 1_900


def levels(conn: sqlite3.Connection) -> int:
    """How many levels the index's structure record counts (0 if it cannot be read): after
    its 4-byte cookie (and FTS5's « structure v2 » mark, from SQLite 3.45), a varint."""
    found = conn.execute("SELECT block FROM directory_data WHERE id = 10").fetchone()
    block = bytes(found[0]) if found is not None and found[0] is not None else b""
    offset = 8 if block[4:8] == b"\xff\x00\x00\x01" else 4
    value = 0
    for byte in block[offset : offset + 5]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value
    return 0


def upkeep_due(conn: sqlite3.Connection, *, closing: bool = False) -> bool:
    """Whether `compact` has something to do: a deletion's merge, or an index to rebuild."""
    if not _has_directory(conn):
        return False
    return compaction_due(conn) or levels(conn) > (LEVELS_AT_CLOSE if closing else LEVELS_AT_ONCE)


def compact(conn: sqlite3.Connection, *, closing: bool = False) -> None:
    """Merge the whole index now (inside the caller's transaction): the deleted rows' words are
    gone from it. About 8 ms on a workshop's file, 0.4 s on a region's decade
    (benchmarks/bench_erasure.py). Rebuilt instead when its levels are too many (above); a
    rebuild under way is finished."""
    if not _has_directory(conn):
        return
    if rebuilding(conn):
        _finish_rebuild(conn)
    if levels(conn) > (LEVELS_AT_CLOSE if closing else LEVELS_AT_ONCE):
        conn.execute("INSERT INTO directory (directory) VALUES ('rebuild')")
        conn.execute("DELETE FROM meta WHERE key = ?", (COMPACTION_DUE,))
    elif compaction_due(conn):
        conn.execute("INSERT INTO directory (directory) VALUES ('optimize')")
        conn.execute("DELETE FROM meta WHERE key = ?", (COMPACTION_DUE,))


def segments(conn: sqlite3.Connection) -> set[int]:
    """The index's segments now (each has its first page in %_idx)."""
    return {int(row[0]) for row in conn.execute("SELECT DISTINCT segid FROM directory_idx")}


def compact_step(conn: sqlite3.Connection, older: set[int], pages: int) -> bool:
    """Merge about `pages` pages of the index (inside the caller's transaction); True once the
    segments in `older` (those there when the deletion was made) are merged away or nothing is
    left to merge. FTS5's 'merge' with a negative number is an optimize done a few pages at a
    time: every segment is an input of the one merge, the deletion's markers with them, so a
    row they delete is left out of what it writes; an input's pages are freed as it is read.

    An index whose structure grew long (LEVELS_AT_CLOSE) is rebuilt instead, a step at a time:
    about 4 rows per page of `pages` copied into a new index beside it (kept in step by its
    own triggers for the rows it holds), then the live index merged if a deleted person's
    words are still in it (its pages are then left unwiped when it is dropped), then the new
    index put in its place (`directory.swap_next`), and merged in turn if a person was deleted
    meanwhile. Each step a few milliseconds on a region's decade; True once all is done."""
    if levels(conn) > LEVELS_LAST:
        compact(conn)  # rebuilt whole: the deleted words are gone with the old index
        older.clear()
        return True
    if rebuilding(conn):
        return _rebuild_step(conn, older, pages)
    if levels(conn) > LEVELS_AT_CLOSE:
        start_next(conn)
        return False
    return _merge_step(conn, older, pages)


def _merge_step(conn: sqlite3.Connection, older: set[int], pages: int) -> bool:
    before = conn.total_changes
    conn.execute("INSERT INTO directory (directory, rank) VALUES ('merge', ?)", (-pages,))
    merged = conn.total_changes - before > 1  # the command itself counts one
    for segment in list(older):
        low = segment << _SEGMENT_SHIFT
        found = conn.execute(
            "SELECT 1 FROM directory_data WHERE rowid >= ? AND rowid < ? LIMIT 1",
            (low, low + (1 << _SEGMENT_SHIFT)),
        ).fetchone()
        if found is None:
            older.discard(segment)
    if merged and older:
        return False
    older.clear()
    conn.execute("DELETE FROM meta WHERE key = ?", (COMPACTION_DUE,))
    return True


ROWS_PER_PAGE = 4  # of a rebuild step's budget: 64 pages, 256 rows, about 8 ms on a decade


def _rebuild_step(conn: sqlite3.Connection, older: set[int], pages: int) -> bool:
    if copy_next(conn, max(1, pages) * ROWS_PER_PAGE):
        return False
    if _due(conn):  # the live index still holds a deleted person's words: merged away first
        if not older:
            older |= segments(conn)
        _merge_step(conn, older, pages)
        return False
    _swap(conn)
    older.clear()
    return not _due(conn)


def _finish_rebuild(conn: sqlite3.Connection) -> None:
    copy_next(conn, None)
    if _due(conn):
        conn.execute("INSERT INTO directory (directory) VALUES ('optimize')")
        conn.execute("DELETE FROM meta WHERE key = ?", (COMPACTION_DUE,))
    _swap(conn)


def _swap(conn: sqlite3.Connection) -> None:
    """The rebuilt index in place of the live one, which holds no deleted person's words; the
    rebuilt one may (a person deleted after being copied into it): merged then, as any."""
    swap_next(conn)
    if conn.execute("DELETE FROM meta WHERE key = ?", (REBUILT_DUE,)).rowcount:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (COMPACTION_DUE, now_iso()))


# The deletions that take people with them (a participant, a workshop and its participants).
_PEOPLE = ("workshops", "participants")


# A follow-up step taken out (recorded by mistake): its marker's « table », never one of TABLES
# (`graves` leaves it out), and its id, the match's id and the step as it was recorded. A merge
# with a copy that still has that step leaves it out (merge._combine_steps); the same step
# dated again since in that copy is another step, and stays. Undone, the marker goes.
STEPS = "follow_up_steps"


def step_key(match_id: str, state: str, at: str, recorded: str) -> str:
    return f"{match_id}|{state}|{at}|{recorded}"


def bury_step(conn: sqlite3.Connection, key: str, when: str | None = None, *, replace: bool = True) -> None:
    """Mark a follow-up step taken out (inside the caller's transaction); `replace`: dated
    `when` even if it was already marked (else the marker there is kept)."""
    conn.execute(
        f"INSERT OR {'REPLACE' if replace else 'IGNORE'} INTO graves (id, tbl, deleted) VALUES (?, ?, ?)",
        (key, STEPS, when or now_iso()),
    )


def unbury_step(conn: sqlite3.Connection, key: str) -> None:
    """The step is back (an undo): its marker goes."""
    conn.execute("DELETE FROM graves WHERE id = ? AND tbl = ?", (key, STEPS))


def buried_steps(conn: sqlite3.Connection) -> dict[str, str]:
    """Every follow-up step taken out: its key (`step_key`) -> when. None in an older file."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'graves'").fetchone()
    if not found:
        return {}
    return {
        str(key): str(when)
        for key, when in conn.execute("SELECT id, deleted FROM graves WHERE tbl = ?", (STEPS,))
    }


# A participant deleted in the window whom a grid had given (`participants.imported`): how a
# re-import of that grid knows her row, so that she stays deleted (a person erased at her request
# does not come back with the next re-import). Its marker's « table », never one of TABLES; its id
# the participant's and a digest of one way of knowing the row (`row_digest`): her cell, or her
# names and structure, as the grid gave them; never her words themselves. Kept while the
# participant is deleted (her own marker there); undone, she is back and it is not read.
ROWS = "participant_rows"


def row_digest(workshop_id: str, participant_id: str, key: str) -> str:
    """One way of knowing a deleted participant's grid row (`key`, folded), as a digest tied to
    her workshop and id: the same row of the grid, re-imported into that workshop, gives it."""
    import hashlib

    return hashlib.sha256(f"{workshop_id}\0{participant_id}\0{key}".encode()).hexdigest()


def bury_row(
    conn: sqlite3.Connection, workshop_id: str, participant_id: str, keys: Iterable[str], when: str
) -> None:
    """Mark how a re-import would know a deleted participant's row (inside the caller's
    transaction)."""
    conn.executemany(
        "INSERT OR REPLACE INTO graves (id, tbl, deleted) VALUES (?, ?, ?)",
        [
            (f"{participant_id}|{row_digest(workshop_id, participant_id, key)}", ROWS, when)
            for key in set(keys)
        ],
    )


def buried_rows(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """The participants deleted now whose grid row is marked (`bury_row`): id -> its digests."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'graves'").fetchone()
    if not found:
        return {}
    marked: dict[str, set[str]] = {}
    for (marker,) in conn.execute(
        "SELECT r.id FROM graves r JOIN graves p ON p.tbl = 'participants' "
        "AND p.id = substr(r.id, 1, instr(r.id, '|') - 1) WHERE r.tbl = ?",
        (ROWS,),
    ):
        participant_id, _, digest = str(marker).partition("|")
        marked.setdefault(participant_id, set()).add(digest)
    return marked


def copy_rows(conn: sqlite3.Connection, other: sqlite3.Connection) -> None:
    """After a merge (inside its transaction): the other copy's row markers (`bury_row`) of the
    participants deleted here now, so that a re-import of the merged file does not put them back."""
    theirs = buried_rows(other)
    if not theirs:
        return
    here = {str(row[0]) for row in conn.execute("SELECT id FROM graves WHERE tbl = 'participants'")}
    conn.executemany(
        "INSERT OR IGNORE INTO graves (id, tbl, deleted) SELECT ?, ?, deleted FROM graves WHERE id = ?",
        [
            (f"{participant_id}|{digest}", ROWS, participant_id)
            for participant_id, digests in theirs.items()
            if participant_id in here
            for digest in digests
        ],
    )


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


# A section of the minutes' synthesis, edited or written by hand, that named a participant when
# she was deleted (Ctrl+Suppr, perhaps erased at her request): the minutes keep the facilitator's
# text as written, so the export and the synthesis editor say whom it still names. Its marker's
# « table », never one of TABLES; its id the participant's, the section's, and a digest of one
# of her names as the section writes it (`name_digest`), never the name itself: the name said is
# read back from the section's own text, and only while the text still holds it. Kept while the
# participant is deleted (her own marker there); undone, she is back and it is not read.
NAMED = "section_names"
# A name of more words than this is not looked for (nobody's is; a structure's seldom).
NAME_WORDS = 8


def _folded_words(text: str) -> list[tuple[str, int, int]]:
    """The words of `text`, each folded (case, accents) with where it stands: « Myriam LOUIS »
    and « myriam Louis » are the same two words."""
    import re
    import unicodedata

    found = []
    for m in re.finditer(r"[^\W_]+", text):
        plain = unicodedata.normalize("NFKD", m.group(0))
        folded = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
        found.append((folded, m.start(), m.end()))
    return found


def name_key(name: str) -> str:
    """A name as it is compared: its words folded, one space apart ("" when it has none, or
    more than NAME_WORDS)."""
    words = [w for w, _s, _e in _folded_words(name)]
    return " ".join(words) if len(words) <= NAME_WORDS else ""


def name_digest(section_id: str, participant_id: str, key: str) -> str:
    import hashlib

    return hashlib.sha256(f"{section_id}\0{participant_id}\0{key}".encode()).hexdigest()


def _said_in(text: str) -> dict[str, str]:
    """Every run of one to NAME_WORDS words of `text`: its key (`name_key`) -> the first way the
    text writes it."""
    words = _folded_words(text)
    runs: dict[str, str] = {}
    for first in range(len(words)):
        for last in range(first, min(first + NAME_WORDS, len(words))):
            key = " ".join(w for w, _s, _e in words[first : last + 1])
            runs.setdefault(key, text[words[first][1] : words[last][2]])
    return runs


def bury_names(
    conn: sqlite3.Connection,
    participant_id: str,
    names: Iterable[str],
    sections: Iterable[tuple[str, str]],
    when: str,
) -> None:
    """A participant deleted (inside the caller's transaction): mark each section (id, text)
    whose text writes one of her `names`."""
    keys = {k for k in (name_key(n) for n in names) if k}
    if not keys:
        return
    marks = []
    for section_id, text in sections:
        said = _said_in(text)
        marks += [
            (f"{participant_id}|{section_id}|{name_digest(section_id, participant_id, k)}", NAMED, when)
            for k in keys
            if k in said
        ]
    conn.executemany("INSERT OR REPLACE INTO graves (id, tbl, deleted) VALUES (?, ?, ?)", marks)


def names_said(
    conn: sqlite3.Connection, sections: Iterable[tuple[str, str]], present: set[str]
) -> dict[str, list[str]]:
    """Of these sections (id, text), those whose text still writes the name of a participant
    deleted since it was marked (`bury_names`), and no participant `present` bears (their
    `name_key`s): section id -> those names as the text writes them, in the text's order."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'graves'").fetchone()
    if not found:
        return {}
    marked: dict[str, set[tuple[str, str]]] = {}
    for (marker,) in conn.execute(
        "SELECT n.id FROM graves n JOIN graves p ON p.tbl = 'participants' "
        "AND p.id = substr(n.id, 1, instr(n.id, '|') - 1) WHERE n.tbl = ?",
        (NAMED,),
    ):
        participant_id, _, rest = str(marker).partition("|")
        section_id, _, digest = rest.partition("|")
        marked.setdefault(section_id, set()).add((participant_id, digest))
    named: dict[str, list[str]] = {}
    for section_id, text in sections:
        if section_id not in marked:
            continue
        said = _said_in(text)
        hits = [
            written
            for key, written in said.items()
            if key not in present
            and any(name_digest(section_id, pid, key) == digest for pid, digest in marked[section_id])
        ]
        if hits:
            named[section_id] = sorted(hits, key=text.find)
    return named
