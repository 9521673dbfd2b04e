"""Opening a .atelier file: read without ever changing it, check it whole before writing.

Reading (`connect_readonly`) never writes a byte of the file nor leaves a file beside it:
- another window or program has it open: read it live, through SQLite's shared memory;
- nobody has it open but SQLite's journal beside it holds edits (a window was killed; the
  USB stick was then made read-only): those edits are part of the file, but reading them
  in place would write them into it. The file and its journal are copied to a private
  folder and read there, so every saved edit is shown and the original stays as it was;
- otherwise: read as an immutable file (no lock, no side file).

`verify` refuses, before anything is written, a file whose tables are not Atelier's, whose
schema holds anything Atelier did not write (a trigger, a view: store/own_schema.py), whose
pages or indexes are damaged, or whose text or JSON values cannot be read.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from atelier.errors import AtelierError, CorruptFile, FileRefused
from atelier.i18n import message
from atelier.store.files import in_use, os_failure
from atelier.store.own_schema import absent as lacks
from atelier.store.own_schema import foreign

# Columns holding JSON, and the JSON type each must have (None: any valid JSON).
JSON_COLUMNS: dict[str, dict[str, str | None]] = {
    "workshops": {"themes": "array", "edited": "object"},
    "participants": {"names": "array", "source_cells": "object", "edited": "object", "imported": "object"},
    "matches": {"reasons": None, "edited": "object"},
    "synthesis_sections": {"edited": "object", "drafted": "object"},
    "glossary_entries": {"words": "array"},
}


def _uri(path: Path) -> str:
    return "file:" + quote(str(path.resolve()))


def journals(path: Path) -> list[Path]:
    """SQLite's journals beside the file that hold something (SQLite names them after the
    file's real path, links resolved)."""
    real = path.resolve()
    found = []
    for suffix in ("-wal", "-journal"):
        side = real.with_name(real.name + suffix)
        with contextlib.suppress(OSError):
            if side.stat().st_size > 0:
                found.append(side)
    return found


def _state(paths: list[Path]) -> list[tuple[int, int]]:
    states = []
    for path in paths:
        try:
            found = path.stat()
            states.append((found.st_size, found.st_mtime_ns))
        except OSError:
            states.append((-1, -1))
    return states


# How a file opened read-only is read (Store.read_as): "live" (another connection has it
# open, and keeps its journal beside it), "private" (its journal's edits, read from a copy
# in memory: the file at its name lacks them) or "immutable" (read as it is, nothing beside).
LIVE, PRIVATE, IMMUTABLE = "live", "private", "immutable"


def guard(conn: sqlite3.Connection, *, writes: bool) -> sqlite3.Connection:
    """SQLite's own guards on a connection to a file, besides the check that its schema is
    Atelier's own (own_schema): each page's cells checked as they are read (a crafted page is
    refused as damaged, not read past its end); and, on a connection that only reads, a schema
    allowed to call only SQLite's harmless functions (`trusted_schema`). Not on a connection
    that writes: Atelier's own triggers use FTS5's MATCH, which SQLite counts as unsafe in a
    schema it does not trust (« unsafe use of MATCH() » at every edit)."""
    conn.execute("PRAGMA cell_size_check = ON")
    if not writes:
        conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def connect_readonly(path: Path) -> tuple[sqlite3.Connection, str]:
    """A connection that reads every committed edit of the file and writes nothing anywhere
    near it. Returns the connection and how it reads the file (LIVE, PRIVATE or IMMUTABLE)."""
    try:
        if in_use(path.resolve()):
            conn = sqlite3.connect(_uri(path) + "?mode=ro", uri=True, isolation_level=None)
            guard(conn, writes=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn, LIVE
        if journals(path):
            return guard(_snapshot(path), writes=False), PRIVATE
        conn = sqlite3.connect(_uri(path) + "?mode=ro&immutable=1", uri=True, isolation_level=None)
        return guard(conn, writes=False), IMMUTABLE
    except sqlite3.Error as exc:
        raise sqlite_failure(exc, path) from None
    except OSError as exc:
        raise os_failure(exc, path) from None


def _snapshot(path: Path) -> sqlite3.Connection:
    """The file with its journal applied, read from a private copy, held in memory."""
    real = path.resolve()
    sides = [real.with_name(real.name + s) for s in ("-wal", "-journal")]
    with tempfile.TemporaryDirectory(prefix="atelier-lecture-") as folder:
        copy = Path(folder) / "copie.atelier"
        for _attempt in range(5):
            before = _state([real, *sides])
            shutil.copyfile(real, copy)
            for side in sides:
                if side.exists():
                    shutil.copyfile(side, copy.with_name(copy.name + side.name[len(real.name) :]))
            if _state([real, *sides]) == before:
                break  # nobody wrote while we copied
        private = sqlite3.connect(copy, isolation_level=None)
        try:
            private.execute("PRAGMA busy_timeout = 2000")
            memory = sqlite3.connect(":memory:", isolation_level=None)
            private.backup(memory)
        finally:
            private.close()
    return memory


def with_backup(refusal: AtelierError, path: Path) -> AtelierError:
    """A damaged file said with its latest backup on this computer, to copy in its place (a
    copy cut short had only « endommagé ; il n'a pas été modifié », its backups unnamed)."""
    if refusal.key != "file.corrupt":
        return refusal
    from atelier.backups import backups_of

    found = backups_of(path)
    if not found:
        return refusal
    return CorruptFile("file.corrupt_backup", **refusal.params, backup=found[0].path, when=found[0].label())


def sqlite_failure(exc: sqlite3.Error, path: Path) -> AtelierError:
    """What SQLite's error means for the user: damage only when SQLite says damage."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return FileRefused("disk.full", path=path)
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) and disk_full(path):
        return FileRefused("disk.full", path=path)  # SQLite could not grow its journal
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return FileRefused("file.locked", path=path)
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or "readonly" in text or "read-only" in text:
        return FileRefused("file.readonly", path=path)
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            return FileRefused("folder.missing", path=folder)
        return FileRefused("file.readonly", path=path)
    if primary == sqlite3.SQLITE_IOERR or "disk i/o" in text:
        return FileRefused("disk.io", path=path)
    if "decode" in text or "utf-8" in text:
        return CorruptFile(path=path, detail=message("detail.bad_text"))
    if (
        primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        or "malformed" in text
        or "not a database" in text
    ):
        return CorruptFile(path=path, detail=message("detail.unreadable"))
    return FileRefused("file.io", path=path, detail=str(exc))


def disk_full(path: Path, margin: int = 256 * 1024) -> bool:
    """Whether the disk holding `path` has (next to) no room left."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: Windows has no statvfs
        return False
    return found.f_bavail * found.f_frsize < margin


def remove_new_side_files(path: Path, existed: dict[Path, bool]) -> None:
    """After a failed opening for writing: the -wal/-shm SQLite made for it (empty: nothing
    was committed) go, unless another process has the file open now."""
    if in_use(path.resolve()):
        return
    for side, was_there in existed.items():
        if not was_there:
            with contextlib.suppress(OSError):
                side.unlink()


def side_files_state(path: Path) -> dict[Path, bool]:
    real = path.resolve()
    return {real.with_name(real.name + s): real.with_name(real.name + s).exists() for s in ("-wal", "-shm")}


# The tables and columns of a file at today's format (the directory's FTS5 tables included),
# as the migrations make them: tests/test_file_format.py checks that they are exactly that,
# and names this when a migration is added. A file that has all of them passes `verify`
# without the migrations being run in an in-memory database to find them (~3 ms at every
# opening); a file that lacks any is checked against what the migrations make, as before.
TODAY = (
    15,
    {
        "meta": ("key", "value"),
        "workshops": (
            "contact", "created", "date", "description", "edited", "id", "organiser", "place",
            "themes", "title", "updated",
        ),
        "participants": (
            "contact", "created", "edited", "id", "imported", "names", "organisation", "position",
            "role", "source_cells", "source_text", "territory", "unlisted", "updated", "workshop_id",
        ),
        "items": ("created", "id", "kind", "participant_id", "position", "text", "updated"),
        "synthesis_sections": (
            "body", "created", "drafted", "edited", "heading", "id", "position", "updated", "workshop_id",
        ),
        "glossary_entries": ("created", "id", "kind", "term", "updated", "words", "workshop_id"),
        "matches": (
            "created", "edited", "follow_up", "follow_up_changed", "follow_up_steps", "id", "need_id", "note",
            "reasons", "resource_id", "retyped", "score", "status", "updated", "workshop_id",
        ),
        "directory": ("key", "kind", "people", "ref", "role", "structure", "territory", "text"),
        "directory_data": ("block", "id"),
        "directory_idx": ("pgno", "segid", "term"),
        "directory_content": ("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "id"),
        "directory_docsize": ("id", "sz"),
        "directory_config": ("k", "v"),
        "graves": ("deleted", "id", "tbl"),
        "moments": ("moment",),
    },
)  # fmt: skip


def _has_todays_tables(version: int, found: dict[str, frozenset[str]]) -> bool:
    today, tables = TODAY
    return version == today and all(
        table in found and found[table].issuperset(columns) for table, columns in tables.items()
    )


@functools.cache
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns a file of this format has (built from the migrations)."""
    from atelier.store.schema import MIGRATIONS

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS[:version]:
            step(memory)
        return _schema(memory)
    finally:
        memory.close()


def _schema(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: frozenset(r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}


def verify(
    conn: sqlite3.Connection, path: Path, version: int, *, content: bool = True
) -> dict[str, frozenset[str]]:
    """Refuse a file Atelier cannot trust, before anything is written into it.

    With `content=False`, only its tables and columns (milliseconds): `verify_content` must
    then check its pages, indexes and values before anything is written or shown (a whole
    read of the file, half a second for 100 MB; see `BackgroundCheck`). Returns the tables'
    columns as found."""
    found = _schema(conn)
    if not _has_todays_tables(version, found):
        expected = expected_schema(version)
        missing = sorted(t for t in expected if t not in found)
        if version < 1 or missing:
            raise FileRefused(
                "file.no_tables", path=path, tables=", ".join(missing or sorted(expected) or ["meta"])
            )
        for table, columns in expected.items():
            absent = sorted(columns - found[table])
            if absent:
                raise CorruptFile(
                    path=path, detail=message("detail.columns", table=table, columns=", ".join(absent))
                )
    refusal = schema_refusal(conn, path, version)
    if refusal is not None:
        raise refusal
    if content:
        verify_content(conn, path, found)
    return found


def schema_refusal(
    conn: sqlite3.Connection, path: Path, version: int, *, while_open: bool = False
) -> FileRefused | None:
    """Why the file's schema is not Atelier's own, if it is not: it holds something Atelier did
    not write (store/own_schema.py), or lacks something Atelier writes in every file of its
    format. An index of Atelier's only makes reading faster: made again when the file is
    written (StoreBase._write). Anything else it lacks (a trigger that keeps the directory or
    the deletion markers in step) was dropped by another program, and what was written without
    it since is not what Atelier would have written. `while_open`: found at a write or at a
    second connection, after the file was checked at its opening (another program changed it)."""
    said = "_while_open" if while_open else ""
    alien = foreign(conn)
    if alien:
        return FileRefused(f"file.foreign_schema{said}", path=path, found=_objects_said(alien))
    lacking = [(kind, name) for kind, name in lacks(conn, version) if kind != "index"]
    if lacking:
        return FileRefused(
            f"file.missing_schema{said}", path=path, found=_objects_said(lacking, "schema.missing.")
        )
    return None


def _objects_said(objects: list[tuple[str, str]], said_as: str = "schema.") -> str:
    """« déclencheurs « evil », « evil2 », vue « v » »: a few names of each kind, printable
    (`said_as` « schema.missing. »: « les déclencheurs « a », « b » », after « il y manque »)."""
    said = []
    plurals = {"trigger": "triggers", "view": "views", "table": "tables", "index": "indexes"}
    for kind, kinds in plurals.items():
        names = [name for found, name in objects if found == kind]
        if not names:
            continue
        shown = [message("schema.name", name=_printable(name)) for name in names[:3]]
        listed = ", ".join(shown) + (", …" if len(names) > 3 else "")
        said.append(message(f"{said_as}{kinds if len(names) > 1 else kind}", names=listed))
    return ", ".join(said)


def _printable(name: str, most: int = 40) -> str:
    """A name read from a file, as it can be said: no control characters, not too long."""
    shown = "".join(c if c.isprintable() else "?" for c in name)
    return shown if len(shown) <= most else shown[: most - 1] + "…"


def verify_content(conn: sqlite3.Connection, path: Path, found: dict[str, frozenset[str]]) -> None:
    """Every page and index of the file readable and whole, every text and JSON value sound."""
    _check_pages(conn, path)
    _check_values(conn, path, found)


def _check_pages(conn: sqlite3.Connection, path: Path) -> None:
    problem = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if problem != "ok":
        raise CorruptFile(
            path=path, detail=message("detail.index" if "index" in problem else "detail.unreadable")
        )


class BackgroundCheck:
    """`verify_content` of a file being opened for the window, while Qt starts and the window
    is built: its pages and indexes (SQLite alone, without Python's lock) and its values, each
    in a thread of its own on a read-only connection. The window is shown, and anything
    written, only once `wait` has returned: a damaged file is still refused before anyone
    sees it or types into it."""

    def __init__(self, path: Path, found: dict[str, frozenset[str]]) -> None:
        self._errors: dict[str, AtelierError] = {}
        self._threads = [
            threading.Thread(target=self._run, args=(name, check, path), name=f"atelier-{name}", daemon=True)
            for name, check in (
                ("pages", _check_pages),
                ("values", lambda conn, path: _check_values(conn, path, found)),
            )
        ]
        for thread in self._threads:
            thread.start()

    def _run(self, name: str, check: Callable[[sqlite3.Connection, Path], None], path: Path) -> None:
        try:
            conn = sqlite3.connect(_uri(path) + "?mode=ro", uri=True, isolation_level=None)
            try:
                guard(conn, writes=False)
                check(conn, path)
            finally:
                conn.close()
        except AtelierError as exc:
            error = exc
        except sqlite3.Error as exc:
            error = sqlite_failure(exc, path)
        except OSError as exc:
            error = os_failure(exc, path)
        else:
            return
        # Kept without its traceback: its frames hold the cursor that failed, which keeps
        # this connection open in SQLite, and SQLite's -wal and -shm would then stay beside
        # the file when the store closes it.
        error.__traceback__ = error.__context__ = error.__cause__ = None
        self._errors[name] = error

    def wait(self) -> None:
        """Until the check is done; raises its refusal if the file cannot be trusted (damaged
        pages said first: a value unreadable there is one of their consequences)."""
        for thread in self._threads:
            thread.join()
        for name in ("pages", "values"):
            if name in self._errors:
                raise self._errors[name]


def _check_values(conn: sqlite3.Connection, path: Path, found: dict[str, frozenset[str]]) -> None:
    """Every text is UTF-8 and every JSON value parses: else a command would stop half-way
    through, or show less than the file holds."""
    stored = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    for table in stored:  # a search index's own tables too: they hold copies of the texts
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        try:
            while cursor.fetchmany(2000):
                pass
        except sqlite3.OperationalError:
            raise CorruptFile(path=path, detail=message("detail.bad_text_in", table=table)) from None
    for table, columns_types in JSON_COLUMNS.items():
        for column, kind in columns_types.items():
            if column not in found.get(table, ()):
                continue
            test = f"json_type(\"{column}\") IS NOT '{kind}'" if kind else f'NOT json_valid("{column}")'
            try:
                bad = conn.execute(
                    f'SELECT 1 FROM "{table}" WHERE "{column}" != \'\' '
                    f'AND (NOT json_valid("{column}") OR {test}) LIMIT 1'
                ).fetchone()
            except sqlite3.OperationalError:  # a SQLite without JSON functions
                return
            if bad is not None:
                raise CorruptFile(path=path, detail=message("detail.bad_json", table=table, column=column))


def writable(path: Path) -> bool:
    """Whether we may write the file and create -wal/-shm beside it.

    A file or folder with no write bit at all is treated as read-only even for an
    administrator, who could technically write it: the user marked it so.
    """
    folder = path.parent if str(path.parent) else Path(".")
    for target in (path, folder):
        try:
            if not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222:
                return False
        except OSError:
            return False
    return True
