"""The .atelier file format: its identity, its versions and the migrations between them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# "ATLR": written in the SQLite header (offset 68) so that an Atelier file is
# recognised from its first 100 bytes, before SQLite is asked to open it.
APPLICATION_ID = 0x41544C52

# One entry per format version; a file at version N gets migrations N+1.. applied
# in one transaction. Never edit a released step: add a new one, and give its tables to
# atelier/store/opening.TODAY (tests/test_file_format.py says what to set it to).
_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE workshops (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    date        TEXT,
    place       TEXT NOT NULL DEFAULT '',
    organiser   TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    themes      TEXT NOT NULL DEFAULT '[]',
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE TABLE participants (
    id           TEXT PRIMARY KEY,
    workshop_id  TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    names        TEXT NOT NULL DEFAULT '[]',
    organisation TEXT NOT NULL DEFAULT '',
    territory    TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    source_text  TEXT NOT NULL DEFAULT '',
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL
);
CREATE INDEX participants_workshop ON participants(workshop_id, position);
CREATE TABLE items (
    id             TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('action', 'challenge', 'need', 'offer')),
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    created        TEXT NOT NULL,
    updated        TEXT NOT NULL
);
CREATE INDEX items_participant ON items(participant_id, kind, position);
CREATE TABLE matches (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    need_id     TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    resource_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    status      TEXT NOT NULL
                CHECK (status IN ('suggested', 'confirmed', 'rejected', 'manual')),
    score       REAL NOT NULL DEFAULT 0,
    reasons     TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    follow_up   TEXT NOT NULL DEFAULT 'to_contact'
                CHECK (follow_up IN ('to_contact', 'contacted', 'done')),
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    UNIQUE (need_id, resource_id)
);
CREATE INDEX matches_workshop ON matches(workshop_id, status);
CREATE INDEX matches_resource ON matches(resource_id);
CREATE TABLE synthesis_sections (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    heading     TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE INDEX synthesis_workshop ON synthesis_sections(workshop_id, position);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        # executescript() would commit the surrounding transaction: run statement by statement.
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return step


# 2: the grid cells as they were imported (column kind -> original text), so
# that nothing is lost when a cell is split into items the wrong way.
_V2 = """
ALTER TABLE participants ADD COLUMN source_cells TEXT NOT NULL DEFAULT '{}'
"""

# 3: each workshop's own additions to the shipped glossary (acronyms, near-synonyms).
_V3 = """
CREATE TABLE glossary_entries (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('acronym', 'family')),
    term        TEXT NOT NULL,
    words       TEXT NOT NULL DEFAULT '[]',
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    UNIQUE (workshop_id, kind, term)
)
"""

# 4: when each field was last edited ({"territory": "2026-…Z", …}), so that merging two
# captures of one workshop keeps, field by field, the newer edit. A field never edited
# since the row was made counts as edited at the row's "updated" time.
_V4 = """
ALTER TABLE workshops ADD COLUMN edited TEXT NOT NULL DEFAULT '{}';
ALTER TABLE participants ADD COLUMN edited TEXT NOT NULL DEFAULT '{}';
ALTER TABLE matches ADD COLUMN edited TEXT NOT NULL DEFAULT '{}';
ALTER TABLE synthesis_sections ADD COLUMN edited TEXT NOT NULL DEFAULT '{}'
"""

# 5: follow-up after the workshop, and the directory across workshops.
# - matches.follow_up also takes 'dropped' (« sans suite »), and follow_up_changed says when
#   the state last changed (empty when unknown: files written before this format). A CHECK
#   cannot be altered in SQLite: the table is rebuilt (nothing references it).
# - directory: a full-text index (FTS5) of people, structures, territories, roles and every
#   item, kept in step by triggers (see atelier/store/directory.py).
_V5_MATCHES = """
CREATE TABLE matches_v5 (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    need_id     TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    resource_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    status      TEXT NOT NULL
                CHECK (status IN ('suggested', 'confirmed', 'rejected', 'manual')),
    score       REAL NOT NULL DEFAULT 0,
    reasons     TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    follow_up   TEXT NOT NULL DEFAULT 'to_contact'
                CHECK (follow_up IN ('to_contact', 'contacted', 'done', 'dropped')),
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    edited      TEXT NOT NULL DEFAULT '{}',
    follow_up_changed TEXT NOT NULL DEFAULT '',
    UNIQUE (need_id, resource_id)
);
INSERT INTO matches_v5 (id, workshop_id, need_id, resource_id, status, score, reasons, note,
                        follow_up, created, updated, edited)
    SELECT id, workshop_id, need_id, resource_id, status, score, reasons, note,
           follow_up, created, updated, edited FROM matches;
DROP TABLE matches;
ALTER TABLE matches_v5 RENAME TO matches;
CREATE INDEX matches_workshop ON matches(workshop_id, status);
CREATE INDEX matches_resource ON matches(resource_id)
"""


def _v5(conn: sqlite3.Connection) -> None:
    from atelier.store.directory import create_directory

    _script(_V5_MATCHES)(conn)
    create_directory(conn)


# 6: reasons are data ({"kind": "topic", "term": "financement", "need": …, "resource": …}),
# rendered in the reader's language (atelier/reasons.py). The sentences older versions
# stored are kept word for word, as reasons of kind "text". A version 5 reader would
# show the objects as gibberish: the number tells it to refuse the file instead.
_V6 = """
UPDATE matches SET reasons = (
    SELECT json_group_array(json_object('kind', 'text', 'detail', CAST(value AS TEXT)))
    FROM json_each(matches.reasons)
)
WHERE json_valid(reasons) AND json_type(reasons) = 'array' AND reasons != '[]'
"""

# 7: how to reach the organiser (a person, a phone, an e-mail): printed in the minutes'
# title block and their closing « Vous souhaitez en savoir plus ? Contactez… ».
_V7 = """
ALTER TABLE workshops ADD COLUMN contact TEXT NOT NULL DEFAULT ''
"""

# 8: deletion markers (tombstones), as sync-capable apps keep them (Anki's « graves »): one row
# per entry a facilitator deleted (a participant, a line of a cell, a match taken out, a
# workshop, a section, a glossary entry) and when, so that merging two copies never brings
# back what one of them deleted (atelier/store/merge.py). An entry written again with the
# same id (an undo, a redo, a merge that keeps it) takes its marker away: triggers, so that
# every path that puts a row back does it. A later migration that rebuilds one of these
# tables must make its trigger again.
_GRAVE_TABLES = ("workshops", "participants", "items", "matches", "synthesis_sections", "glossary_entries")
_V8 = """
CREATE TABLE graves (
    id      TEXT PRIMARY KEY,
    tbl     TEXT NOT NULL,
    deleted TEXT NOT NULL
)
"""


def _v8(conn: sqlite3.Connection) -> None:
    conn.execute(_V8)
    for table in _GRAVE_TABLES:  # a trigger's body holds a « ; »: not through _script
        conn.execute(
            f"CREATE TRIGGER graves_{table}_back AFTER INSERT ON {table} BEGIN "
            "DELETE FROM graves WHERE id = new.id; END"
        )


# 9: the follow-up's steps (« décidée le 16/03, contactée le 22/03, faite le 03/04 »), not
# only the current one: a JSON list of {"state", "at", "recorded"}, oldest first, the last being
# the current state. A decided match of an older file gets its current step as the one entry
# (when it was recorded: the edit time of its follow-up, else of the row).
_V9 = """
UPDATE matches SET follow_up_steps = json_array(json_object(
    'state', follow_up,
    'at', follow_up_changed,
    'recorded', coalesce(
        CASE WHEN json_valid(edited) AND json_type(edited) = 'object'
             THEN coalesce(json_extract(edited, '$.follow_up_changed'), json_extract(edited, '$.follow_up'))
        END,
        updated)))
WHERE status IN ('confirmed', 'manual') AND follow_up_steps IN ('', '[]')
"""


def _v9(conn: sqlite3.Connection) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(matches)")}
    if "follow_up_steps" not in columns:  # (a file that says an older number but has it: kept)
        conn.execute("ALTER TABLE matches ADD COLUMN follow_up_steps TEXT NOT NULL DEFAULT '[]'")
    conn.execute(_V9)


# 10: the merge history stores no names (each entry by its table and id, named when the history
# is read), and forgets what it said of entries deleted since (a person deleted at their
# request does not stay in the file through it): records of format 9 and before are rewritten
# so. A format 9 reader would find entries without their names: the number tells it to refuse.
def _v10(conn: sqlite3.Connection) -> None:
    from atelier.store.merge import forget_deleted

    forget_deleted(conn)


# 11: what Atelier drafted of each section of the synthesis (`synthesis_sections.drafted`, see
# SynthesisSection): the minutes draft again each section nobody edited, keep each one the
# facilitator edited, and say which of those state figures the grid no longer gives. Format 10
# said only whether the synthesis as a whole was edited: a workshop whose sections were all
# untouched gets them as its draft; one with an edited section keeps every section as written
# (as format 10 printed them), each knowing only which of the draft's sections it is. A
# format 10 reader would print every section as written again: the number tells it to refuse.
def _v11(conn: sqlite3.Connection) -> None:
    import json

    from atelier.drafted import draft_heading_key

    columns = {row[1] for row in conn.execute("PRAGMA table_info(synthesis_sections)")}
    if "drafted" not in columns:
        conn.execute("ALTER TABLE synthesis_sections ADD COLUMN drafted TEXT NOT NULL DEFAULT '{}'")
    rows = conn.execute("SELECT id, workshop_id, heading, body, edited FROM synthesis_sections").fetchall()
    edited = {w for _id, w, _h, _b, stamps in rows if stamps not in ("", "{}")}
    for section_id, workshop_id, heading, body, _stamps in rows:
        key = draft_heading_key(heading)
        if key is None:
            continue  # the facilitator's own section
        drafted = {"key": key} if workshop_id in edited else {"key": key, "heading": heading, "text": body}
        conn.execute(
            "UPDATE synthesis_sections SET drafted = ? WHERE id = ?",
            (json.dumps(drafted, ensure_ascii=False, sort_keys=True), section_id),
        )


# 12: matches.retyped, when a statement of a decided match was retyped after the decision (its
# reasons then worked out again for the new text, the window marking it « texte modifié depuis
# la confirmation » until reviewed). A format 11 reader would show the match as reviewed, and
# would keep its reasons about the old text on the next retyping: the number tells it to refuse.
def _v12(conn: sqlite3.Connection) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(matches)")}
    if "retyped" not in columns:  # (a file that says an older number but has it: kept)
        conn.execute("ALTER TABLE matches ADD COLUMN retyped TEXT NOT NULL DEFAULT ''")


# 13: the moments the file was written (`moments`: one per transaction that changed it, its time
# and a random mark), so that a merge knows when two copies parted: the latest moment both
# hold, even when the last edit before the copy was changed since in one of them (a line
# corrected just before the copy, then by one laptop: an update, not a conflict). A file of an
# older format gets none: its merges go on reading the time from the entries both copies hold
# alike. A format 12 writer would add no moments, and its merges would drop the other copy's:
# the number tells it to refuse.
_V13 = """
CREATE TABLE IF NOT EXISTS moments (
    moment TEXT PRIMARY KEY
) WITHOUT ROWID
"""


# 14: participants.unlisted, a participant who asked not to be published in the directory across
# workshops (GDPR: their consent): the directory's search, its command line and the matching of
# other workshops leave them out; their own workshop's grid, minutes and fiches keep them (those
# are for the room). 0 for everybody of an older file: they were all published. A format 13
# reader would publish them again: the number tells it to refuse the file.
def _v14(conn: sqlite3.Connection) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(participants)")}
    if "unlisted" not in columns:  # (a file that says an older number but has it: kept)
        conn.execute("ALTER TABLE participants ADD COLUMN unlisted INTEGER NOT NULL DEFAULT 0")


# 15: participants.imported, what the grid said of each row at its last import ({"names": […],
# "organisation", "territory", "role", "contact", "source_text", "lines": {kind: {item id: text}}}), so
# that importing the grid again compares, field by field and line by line, the grid then, the
# file now and the grid now: an edit made in the window since is kept unless the grid changed
# too (atelier/store/reimport.py). A file of an older format did not keep it: each field never
# edited in the window (no edit time) is taken as the grid's, and each line never retyped since
# it was made; for the others a re-import keeps the file's value when the grid differs, and says
# it. A format 14 writer would re-import over the window's edits: the number tells it to refuse.
_IMPORTED_FIELDS = ("names", "organisation", "territory", "role", "contact", "source_text")


def _v15(conn: sqlite3.Connection) -> None:
    import json

    columns = {row[1] for row in conn.execute("PRAGMA table_info(participants)")}
    if "imported" not in columns:  # (a file that says an older number but has it: kept)
        conn.execute("ALTER TABLE participants ADD COLUMN imported TEXT NOT NULL DEFAULT '{}'")
    lines: dict[str, dict[str, dict[str, str]]] = {}
    for item_id, participant_id, kind, text in conn.execute(
        "SELECT id, participant_id, kind, text FROM items WHERE updated = created "
        "ORDER BY participant_id, kind, position"
    ).fetchall():
        lines.setdefault(participant_id, {}).setdefault(kind, {})[item_id] = text
    rows = conn.execute(
        "SELECT id, names, organisation, territory, role, contact, source_text, edited "
        "FROM participants WHERE imported IN ('', '{}')"
    ).fetchall()
    for participant_id, *values, stamps in rows:
        try:
            edited = json.loads(stamps) if stamps else {}
        except ValueError:
            edited = {}
        if not isinstance(edited, dict):
            edited = {}
        imported: dict[str, object] = {}
        for name, value in zip(_IMPORTED_FIELDS, values, strict=True):
            if name in edited:
                continue  # edited in the window since: what the grid said is not known
            if name == "names":
                try:
                    value = json.loads(value) if value else []
                except ValueError:
                    continue
            imported[name] = value
        imported["lines"] = lines.get(participant_id, {})
        conn.execute(
            "UPDATE participants SET imported = ? WHERE id = ?",
            (json.dumps(imported, ensure_ascii=False, sort_keys=True), participant_id),
        )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1),  # 1: first released format
    _script(_V2),  # 2: participants.source_cells
    _script(_V3),  # 3: glossary_entries
    _script(_V4),  # 4: per-field edit times (workshops, participants, matches, synthesis)
    _v5,  # 5: follow-up 'dropped' and its date; the directory (FTS5) across workshops
    _script(_V6),  # 6: reasons as data (kind and words), said in the reader's language
    _script(_V7),  # 7: workshops.contact
    _v8,  # 8: graves (deletion markers) for merges
    _v9,  # 9: matches.follow_up_steps, the history of the follow-up
    _v10,  # 10: a merge history without names, rid of what it said of entries deleted since
    _v11,  # 11: synthesis_sections.drafted, what Atelier drafted of each section
    _v12,  # 12: matches.retyped, a decided match's statement retyped since
    _script(_V13),  # 13: moments, when the file was written (when two copies parted)
    _v14,  # 14: participants.unlisted, « ne pas publier dans le répertoire »
    _v15,  # 15: participants.imported, what the grid said at the last import (re-import merges)
]

SCHEMA_VERSION = len(MIGRATIONS)

TABLES = (
    "meta",
    "workshops",
    "participants",
    "items",
    "matches",
    "synthesis_sections",
    "glossary_entries",
    "graves",
)


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring a connection's database from `from_version` to SCHEMA_VERSION, atomically."""
    if from_version >= SCHEMA_VERSION:
        return
    begin_migration(conn, from_version)
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def begin_migration(conn: sqlite3.Connection, from_version: int) -> None:
    """The migrations from `from_version` run in a transaction left open: the connection reads
    the file at today's format, the file itself is as it was until the transaction commits
    (with the first change written: StoreBase._write), or is rolled back (nothing written: the
    file stays byte-identical, readable by the older Atelier that wrote it)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[from_version:]:
            step(conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after a full disk
            conn.execute("ROLLBACK")
        raise
