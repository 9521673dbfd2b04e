"""The plumbing under every part of the Store: the connection, transactions, rows."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atelier.domain import now_iso
from atelier.errors import AtelierError, FileRefused, ReadOnlyError
from atelier.store import graves, moments
from atelier.store.files import WRITES, is_temporary
from atelier.store.lock import WriterLock
from atelier.store.opening import sqlite_failure, with_backup
from atelier.store.own_schema import indexes_to_make
from atelier.store.rows import AnyRecord, encoded, json_dict
from atelier.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

    from atelier.store.opening import BackgroundCheck


class _Withheld:
    """Refuses some modules to imports made by one thread; other threads import freely.

    A meta path finder needs only find_spec (importlib.abc costs 5 ms at startup).
    """

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.thread = threading.get_ident()

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.split(".", 1)[0] in self.names and threading.get_ident() == self.thread:
            raise ImportError(f"{name} is not imported at startup")
        return None


def _sqlite_utils() -> Any:
    """Import sqlite-utils without letting it pull in pandas and numpy.

    sqlite-utils imports pandas when it can (for DataFrame support we do not
    use), which would make opening the window pay half a second. Only this
    thread's imports are refused: a worker loading the meaning model (numpy)
    at the same moment is not disturbed.
    """
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    finder = _Withheld({"pandas", "numpy"} - set(sys.modules))
    sys.meta_path.insert(0, finder)
    try:
        import sqlite_utils
    finally:
        sys.meta_path.remove(finder)
    return sqlite_utils


class StoreBase:
    """What every part of the Store shares: the file's connection, one transaction at a
    time (`_write`), rows read as `sqlite3.Row`, the per-field edit times of a row."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        self.readonly = readonly
        # Closed (the window closed, another file opened): a timer still due must not read it.
        self.closed = False
        # True when another window or process holds the file: we opened it read-only.
        self.locked_by_other = False
        # The file's PRAGMA data_version when last asked (changed_elsewhere).
        self._seen_version: int | None = None
        # True when it was to be edited but its disk is full: we opened it read-only.
        self.disk_full = False
        self._lock: WriterLock | None = None
        # The identity of the file noted as open in this process (atelier.store.files.in_use).
        self._open_here: tuple[int, int] | None = None
        self._db: sqlite_utils.Database | None = None
        self._identity = _identity(path)
        # The format version of the file on disk (an older one is read through a migrated
        # copy in memory, and only written at today's format when something is saved).
        self.file_format = SCHEMA_VERSION
        # How it is read: "write" (opened to be written), else as atelier.store.opening's
        # connect_readonly read it (live, private or immutable): `reader` reads it the same way.
        self.read_as = "write"
        # Called once, just before the first change is written (the window backs the file
        # up there, so that opening it does not wait for the copy): see before_writing().
        self.before_first_write: Callable[[], object] | None = None
        # The whole-file check still running when the file was opened with check_later.
        self.pending_check: BackgroundCheck | None = None
        # Set by the window: a deletion of people leaves the directory's index to be merged
        # (their words out of its older segments) a few pages at a time, by compact_step, and
        # calls this once it is committed. Unset (the command line), it is merged at once.
        self.compact_later: Callable[[], object] | None = None
        # Whether close() finishes a merge still due (a twin of the window's file does not).
        self.compact_at_close = True
        # The file lacks an index Atelier makes (dropped by another program): made again in the
        # next transaction that writes it, not before (opening a file to read it changes nothing).
        self._indexes_due = False
        # SQLite's schema cookie (PRAGMA schema_version) when the file's schema was last found
        # Atelier's own (at its opening, then at each write): another program that adds a
        # trigger to the open file changes it, and the next write or second connection looks
        # again (`schema_changed`). None: to be looked at by the next write.
        self._schema_seen: int | None = None
        self._older_segments: set[int] = set()
        self._people_were_deleted = False  # in this session: the index is looked after at close
        # The reading connections of worker threads open on this file (`reader`): closing
        # waits for them, so that this connection, the one that writes, closes last and puts
        # every edit into the file (SQLite checkpoints only as its last connection closes, and
        # a read-only one cannot: the edits stayed in a -wal beside it).
        self._readers = 0
        self._readers_changed = threading.Condition()
        self._reading_for: StoreBase | None = None
        # The format an older file was at, while its migrations wait in a transaction left open
        # (opened by a command: Store.open_to_write): committed with the first change written
        # (`_write`), rolled back if none is (a command that refuses leaves the file
        # byte-identical, still readable by the Atelier that wrote it). None: nothing waits.
        self.migration_pending: int | None = None
        # The same, while this connection has let them go for a twin to write them with its
        # change (`migration_lent`): the twin runs them in its own transaction.
        self._migration_lent: int | None = None
        # The format an older file was at when this connection wrote it at today's format, until
        # the window has said so (with the copy at that format kept among the backups).
        self.upgraded_from: int | None = None

    def checked(self) -> None:
        """Wait for the whole-file check of the opening, if it still runs; raises CorruptFile
        (or another refusal) if the file cannot be trusted, at every call from then on."""
        check = self.pending_check
        if check is not None:
            try:
                check.wait()
            except AtelierError as exc:
                said = with_backup(exc, self.path)
                if said is exc:
                    raise
                raise said from None
            self.pending_check = None

    def check_refusal(self) -> AtelierError | None:
        """Wait for the whole-file check of the opening, if it still runs; the refusal it ended
        with, if the file cannot be trusted."""
        try:
            self.checked()
        except AtelierError as exc:
            return exc
        return None

    def before_writing(self) -> None:
        """Run the one-shot before_first_write hook, if any (each write path calls this first);
        never before the file is known sound."""
        self.checked()
        hook, self.before_first_write = self.before_first_write, None
        if hook is not None:
            hook()

    def _people_buried(self) -> None:
        """Inside the transaction that deleted people: their words leave the directory's index
        now, unless the window merges it a few pages at a time once it is committed."""
        self._people_were_deleted = True
        if self.compact_later is None:
            graves.compact(self.conn)

    def _people_deleted(self) -> None:
        """Once the deletion is committed: the window's merge begins with one step now, so that
        every segment, the deletion's markers with them, is an input of it before another
        write; the window does the rest while it waits for the keyboard."""
        if self.compact_later is not None and graves.compaction_due(self.conn):
            self._older_segments |= graves.segments(self.conn)
            self.compact_step(pages=1)
            self.compact_later()

    def compaction_due(self) -> bool:
        """Whether a deleted person's words are still in the directory's index (merged by
        compact_step or compact_now; a file left so by a crash says it when opened again)."""
        return not self.readonly and graves.compaction_due(self.conn)

    def compact_step(self, pages: int = 64) -> bool:
        """About `pages` pages of the directory's index merged, in one transaction (a few
        milliseconds); True once a deleted person's words are gone from it."""
        with self._write():
            if not graves.compaction_due(self.conn):
                return True
            if not self._older_segments:  # due since the file was opened: all of them
                self._older_segments = graves.segments(self.conn)
            return graves.compact_step(self.conn, self._older_segments, pages)

    def compact_now(self, *, closing: bool = False) -> None:
        """The directory's index merged whole now, if a deletion left it due; `closing`, and
        people were deleted in this session, rebuilt if its structure grew long (graves.py)."""
        closing = closing and self._people_were_deleted
        if graves.upkeep_due(self.conn, closing=closing):
            with self._write():
                graves.compact(self.conn, closing=closing)
            self._older_segments.clear()

    def changed_elsewhere(self) -> bool:
        """Whether another connection has committed to the file since this was last asked (the
        window holding it, seen from a window that opened it read-only); False the first time,
        and for a copy read in memory."""
        if self.closed:
            return False
        try:
            (version,) = self.conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return False
        changed = self._seen_version is not None and version != self._seen_version
        self._seen_version = int(version)
        return changed

    def still_on_disk(self) -> bool:
        """Whether the file we write to is still the one at `path`. Deleted, moved or on a
        USB stick pulled out, SQLite keeps writing to what it had open, and those edits
        would vanish at closing: the window must say so, and offer to save a copy."""
        return self._identity is None or _identity(self.path) == self._identity

    def lost_at_closing(self) -> bool:
        """Whether closing would lose what was written: the file we write to is no longer at
        `path` and has no name left on the disk (deleted, or replaced at its name by another
        file), so nothing could open it again. Moved or renamed, it keeps every edit (`close`
        writes them into it, wherever it went). Where the system cannot say how many names the
        open file has left (no /proc), a file no longer at `path` counts as lost."""
        if self.readonly or self.still_on_disk():
            return False
        links = _names_left(self._identity)
        return links is None or links == 0

    def _db_(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = _sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._db

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite_utils.Database]:
        """One transaction, committed (and synced) before returning, or nothing at all."""
        if self.readonly:
            raise ReadOnlyError()
        self.before_writing()
        db = self._db_()
        # The first change written to an older file commits its migrations with it (nested
        # writes see it as their own transaction's, and commit nothing).
        if self.migration_pending is not None:
            self._keep_older_format()
        migrated_from, self.migration_pending = self.migration_pending, None
        outermost = migrated_from is not None or not self.conn.in_transaction
        at_commit = False
        try:
            with db.atomic():
                changes = self.conn.total_changes
                yield db
                if self.conn.total_changes != changes:  # when two copies parted: moments.py
                    moments.note(self.conn)
                if outermost:
                    self._schema_kept()
                # Committing: from here the change is the file's, and the command line no
                # longer answers Ctrl+C with « Interrompu » (store.files.WRITES). Before it, a
                # Ctrl+C rolls the transaction back and the file is as it was.
                if not is_temporary(self.path):
                    WRITES.committing = True
            if migrated_from is not None:
                at_commit = True
                self.conn.execute("COMMIT")
                self.upgraded_from = migrated_from
        except BaseException as failure:
            if migrated_from is not None:
                self._migration_kept(migrated_from, whole=at_commit)
            if not isinstance(failure, sqlite3.Error):
                raise
            exc = failure
            # Rolled back. A trigger added by another program may be what failed (its own
            # RAISE, a table it names): said as such rather than as SQLite's words.
            refusal = self.schema_changed() if outermost else None
            if refusal is not None:
                raise refusal from None
            if isinstance(exc, sqlite3.OperationalError):
                raise sqlite_failure(exc, self.path) from None
            raise
        if not self.conn.in_transaction:
            # Committed: copied into the file itself too, not only into its -wal. A user who
            # copies the .atelier alone (to a USB stick, into an e-mail) while the window is
            # open, or after the laptop died, gets every edit the window said was saved.
            # PASSIVE never waits for a reader; the -wal keeps its copy until then.
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _keep_older_format(self) -> None:
        """Before an older file is first written at today's format: a copy of it as it is, at
        its own format (one an older Atelier still opens), among its backups; none made again
        when the newest backup is of this content (taken by the command, or at the window's
        opening). Never stops the write (`make_backup` skips a copy it cannot write)."""
        from typing import cast

        from atelier.backups import Backed, make_backup

        make_backup(cast("Backed", self), "upgrade")  # a Store: FilePart has what a backup needs

    def _migration_kept(self, version: int, *, whole: bool) -> None:
        """After a first write that failed: its change undone, the migrations still waiting in
        their transaction (made again if SQLite rolled it back whole: a full disk, a COMMIT
        that failed)."""
        from atelier.store.schema import begin_migration

        if self.conn.in_transaction and not whole:
            self.migration_pending = version  # rolled back to before the change only
            return
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            begin_migration(self.conn, version)
            self.migration_pending = version

    def migrate_now(self) -> None:
        """The older file's migrations written now, without a change of their own (before
        another connection writes to it: `twin`)."""
        version, self.migration_pending = self.migration_pending, None
        if version is None:
            return
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._migration_kept(version, whole=True)
            raise sqlite_failure(exc, self.path) from None
        self.upgraded_from = version

    @contextlib.contextmanager
    def migration_lent(self) -> Iterator[None]:
        """While another connection of this file (`twin`, on a worker thread: a grid brought
        into the open file) writes to it: the migrations of an older file that wait in this
        connection's transaction are let go, its write lock with them, for the twin to run them
        in its own transaction and commit them with its change, or roll them back with it (a
        write cancelled or refused leaves the file byte-identical, at its own format). After,
        on this connection's thread: the file written at today's format, nothing waits any
        more; else they wait here again, as before. Meanwhile this connection reads what the
        file holds (the window's models keep what they read; its matching is held)."""
        from atelier.store.schema import begin_migration

        version = self.migration_pending
        if version is None or self.readonly:
            yield
            return
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        self.migration_pending, self._migration_lent = None, version
        try:
            yield
        finally:
            self._migration_lent = None
            if not self.closed:
                try:
                    on_disk = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
                    if on_disk < SCHEMA_VERSION:  # the twin wrote nothing: they wait here again
                        begin_migration(self.conn, version)
                        self.migration_pending = version
                    else:  # written with the twin's change: today's schema, seen again at the next write
                        self._schema_seen = None
                        self.upgraded_from = version
                except sqlite3.Error as exc:
                    raise sqlite_failure(exc, self.path) from None

    def _cookie(self) -> int:
        return int(self.conn.execute("PRAGMA schema_version").fetchone()[0])

    def schema_changed(self) -> FileRefused | None:
        """Why the file can no longer be trusted, if another program changed its schema since
        this connection (or the store it was made from) last found it Atelier's own: a trigger
        added, one of Atelier's dropped (store/opening.py's `schema_refusal`). None if it did
        not change, or changed only as Atelier changes it (an index made again, the directory's
        index rebuilt); the cookie is then noted as seen."""
        from atelier.store.opening import schema_refusal
        from atelier.store.schema import SCHEMA_VERSION

        try:
            cookie = self._cookie()
            if cookie == self._schema_seen:
                return None
            version = SCHEMA_VERSION if not self.readonly else self.file_format
            refusal = schema_refusal(self.conn, self.path, version, while_open=True)
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        if refusal is None:
            self._schema_seen = cookie
            self._indexes_due = True  # and one of Atelier's indexes dropped: made again
        return refusal

    def _schema_kept(self) -> None:
        """In the transaction that writes, before it commits: the file's schema still Atelier's
        own (else the transaction is rolled back, and said in one sentence), the indexes it
        lacks made again; the cookie as it is with this transaction's own changes noted."""
        refusal = self.schema_changed()
        if refusal is not None:
            raise refusal
        if self._indexes_due:
            self._make_indexes()
        self._schema_seen = self._cookie()

    def _make_indexes(self) -> None:
        """The indexes of Atelier's the file lacks, made again as its migrations make them (in
        the caller's transaction; none when a twin connection made them already)."""
        for statement in indexes_to_make(self.conn):
            self.conn.execute(statement)
        self._indexes_due = False

    def _stamps(self, table: str, row_id: str, changes: dict[str, Any]) -> str:
        """The row's per-field edit times with the fields these changes alter set to now
        (kept so that a merge of two captures keeps the newer edit of each field)."""
        current = self._one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        stamps = json_dict(current["edited"]) if current is not None else {}
        when = changes.get("updated") or now_iso()
        for key, value in changes.items():
            if key in ("updated", "edited") or (current is not None and current[key] == value):
                continue
            stamps[key] = when
        return json.dumps(stamps, ensure_ascii=False, sort_keys=True)

    def _update_row(
        self,
        table: str,
        current: AnyRecord,
        changes: dict[str, Any],
        allowed: set[str],
        check: Callable[[Any], None] | None = None,
    ) -> None:
        """Some fields of a record changed (`current` is updated too), in one transaction, each
        changed field's edit time kept for merges; `check` may refuse the record first."""
        for key, value in changes.items():
            if key not in allowed:
                raise TypeError(f"unknown {type(current).__name__.lower()} field {key!r}")
            setattr(current, key, value)
        if check is not None:
            check(current)
        row = encoded(type(current), changes)
        current.updated = row["updated"] = now_iso()
        row["edited"] = self._stamps(table, current.id, row)
        with self._write() as db:
            db.table(table).update(current.id, row)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cur.fetchone()
        return row

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return list(cur.fetchall())

    def _reposition(
        self, table: str, scope: str, scope_params: tuple[Any, ...], row_id: str, position: int
    ) -> None:
        ids = [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM {table} WHERE {scope} ORDER BY position", scope_params
            )
        ]
        ids.remove(row_id)
        ids.insert(max(0, min(position, len(ids))), row_id)
        now = now_iso()
        for index, rid in enumerate(ids):
            self.conn.execute(
                f"UPDATE {table} SET position = ?, updated = CASE WHEN id = ? THEN ? "
                "ELSE updated END WHERE id = ? AND position != ?",
                (index, row_id, now, rid, index),
            )


def _names_left(identity: tuple[int, int] | None) -> int | None:
    """How many names the file this process has open as `identity` has left on the disk (0:
    deleted), read through Linux's /proc/self/fd without opening it (closing a descriptor of
    it would drop SQLite's locks); None where this cannot be told."""
    if identity is None or not sys.platform.startswith("linux"):
        return None
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return None
    for name in names:
        try:
            found = os.stat(f"/proc/self/fd/{name}")  # the file it names, even deleted
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == identity:
            return found.st_nlink
    return None


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file on disk; None where the system gives no inodes."""
    try:
        found = os.stat(path)
    except OSError:
        return (-1, -1)
    return (found.st_dev, found.st_ino) if found.st_ino else None
