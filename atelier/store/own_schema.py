"""Atelier's own schema, and nothing else, in a file it opens.

A .atelier file is a SQLite file, and anybody can write one (a facilitator sends theirs by
e-mail, a network shares a folder): SQLite runs what a file's schema says. A trigger added to
it fires at Atelier's next write, in Atelier's transaction (every participant renamed, every
line deleted, while the command says « 1 participant mis à jour »); a merge that copies the
file copies it on. So before a file is read or written, every object of its schema (table,
index, trigger, view) must be one Atelier itself makes, word for word: at one of its formats,
or while the directory's index is being rebuilt beside the live one (store/directory.py).
Anything else is refused before a statement of it can run (`foreign`).

Compared as SQLite reads them: the words of each statement, without spaces or comments, with
keywords and names in one case and names unquoted (SQLite writes a renamed table's name
quoted), texts in quotes exactly. A file at today's format is told by a digest of its schema
(`TODAY_DIGEST`): the migrations are run in memory (a hundredth of a second) only for a file
whose schema is not today's one.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from typing import TYPE_CHECKING

# SHA-256 as Python builds it in (3.12+: _sha2, 3.11: _sha256), the same digests as hashlib's:
# hashlib would load OpenSSL's library first (~3.5 ms at every start) for this one digest.
if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha2 import sha256
    except ImportError:
        try:
            from _sha256 import sha256
        except ImportError:
            from hashlib import sha256

# (type, name, table, the statement's words), as sqlite_master gives them; names in lower case.
Entry = tuple[str, str, str, tuple[str, ...] | None]

# The digest (`digest`) of the schema of a file at today's format: tests/test_file_format.py
# checks it, and says what to set it to when a migration is added.
TODAY_DIGEST = "03b23ab79a722a53"

# A SQL statement's tokens, as SQLite's tokenizer splits them: spaces and comments (to drop),
# texts in single quotes, names in double quotes, backquotes or brackets, words, numbers, and
# any other character alone.
_TOKEN = re.compile(
    r"""\s+|--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]"""
    r"""|[A-Za-z_][A-Za-z0-9_$]*|[0-9]+|.""",
    re.DOTALL,
)
_OBJECTS = {"table", "index", "trigger", "view"}


def _words(sql: str | None) -> tuple[str, ...] | None:
    """The statement's words, compared the way SQLite reads them (see the module's text)."""
    if sql is None:
        return None
    words: list[str] = []
    for token in _TOKEN.findall(sql):
        if token.isspace() or token.startswith(("--", "/*")):
            continue
        first = token[0]
        if first in '"`':
            token = token[1:-1].replace(first * 2, first).lower()
        elif first == "[":
            token = token[1:-1].lower()
        elif first == "'":
            # A name SQLite wrote in single quotes (FTS5 names its own tables so): a name.
            if len(words) >= 2 and words[0] == "create" and words[-1] in _OBJECTS:
                token = token[1:-1].replace("''", "'").lower()
        else:
            token = token.lower()
        words.append(token)
    return tuple(words)


def entries(conn: sqlite3.Connection) -> frozenset[Entry]:
    """Every object of the connection's main schema (the file's)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master")
    return frozenset(
        (str(kind), str(name).lower(), str(table).lower(), _words(sql)) for kind, name, table, sql in rows
    )


def digest(found: frozenset[Entry]) -> str:
    return sha256(repr(sorted(found, key=repr)).encode()).hexdigest()[:16]


@functools.cache
def own() -> frozenset[Entry]:
    """Every object Atelier makes in a file: at each of its formats, from the first, and while
    and after the directory's index is rebuilt."""
    from atelier.store.directory import copy_next, start_next, swap_next
    from atelier.store.schema import MIGRATIONS

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        made: set[Entry] = set()
        for step in MIGRATIONS:
            step(memory)
            made |= entries(memory)
        start_next(memory)
        made |= entries(memory)
        copy_next(memory, None)
        swap_next(memory)
        made |= entries(memory)
        return frozenset(made)
    finally:
        memory.close()


@functools.cache
def today() -> frozenset[Entry]:
    """The schema of a file made at today's format (tests/test_file_format.py)."""
    from atelier.store.schema import MIGRATIONS

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS:
            step(memory)
        return entries(memory)
    finally:
        memory.close()


@functools.cache
def made_at(version: int) -> dict[tuple[str, str], str]:
    """What every file of this format holds, as Atelier's migrations make it: (type, name in
    lower case) -> its statement; SQLite's own indexes of a table's keys left out (they go
    only with their table)."""
    from atelier.store.schema import MIGRATIONS

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS[:version]:
            step(memory)
        rows = memory.execute("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL")
        return {(str(kind), str(name).lower()): str(sql) for kind, name, sql in rows}
    finally:
        memory.close()


def absent(conn: sqlite3.Connection, version: int) -> list[tuple[str, str]]:
    """What Atelier writes in every file of this format and the file lacks, as (type, name):
    a table, an index or a trigger dropped by another program. Empty for a file Atelier wrote."""
    from atelier.store.schema import SCHEMA_VERSION

    found = entries(conn)
    if version == SCHEMA_VERSION and digest(found) == TODAY_DIGEST:
        return []
    there = {(kind, name) for kind, name, _table, _words in found}
    return sorted(key for key in made_at(version) if key not in there)


def indexes_to_make(conn: sqlite3.Connection) -> list[str]:
    """The statements that make again the indexes of today's format the file lacks (they only
    make reading faster: made when the file is written, in that transaction)."""
    from atelier.store.schema import SCHEMA_VERSION

    missing = absent(conn, SCHEMA_VERSION)
    if not missing:  # a file Atelier wrote: today's statements are not made (~20 ms, every opening)
        return []
    today_made = made_at(SCHEMA_VERSION)
    return [today_made[key] for key in missing if key[0] == "index"]


def foreign(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The objects of the file's schema Atelier did not make, as (type, name as written): a
    trigger or a view added, a table or an index Atelier has none of, or one of its own
    altered (a default, a check, a trigger's body). Empty for a file Atelier wrote."""
    found = entries(conn)
    if digest(found) == TODAY_DIGEST:
        return []
    alien = {(kind, name) for kind, name, _table, _words in found - own()}
    if not alien:
        return []
    rows = conn.execute("SELECT type, name FROM main.sqlite_master").fetchall()
    return sorted({(str(kind), str(name)) for kind, name in rows if (kind, str(name).lower()) in alien})
