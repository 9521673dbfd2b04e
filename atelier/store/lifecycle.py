"""The file's lifecycle: its header checked before SQLite reads it, made whole or not at all,
opened (migrated, locked for writing), copied, replaced by another, closed; as the Store's
`FilePart`."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self
from urllib.parse import quote

from atelier.domain import (
    ITEM_KINDS,
    FileSummary,
    ItemKind,
    MatchStatus,
    Workshop,
    now_iso,
)
from atelier.errors import (
    GRID_KINDS,
    AtelierError,
    CorruptFile,
    FileRefused,
    NewerFile,
    NotAtelierFile,
    ReadOnlyError,
)
from atelier.i18n import message
from atelier.store.base import StoreBase
from atelier.store.files import closed_here, opened_here
from atelier.store.lock import COMMAND, WriterLock, held_elsewhere
from atelier.store.opening import guard, sqlite_failure, with_backup
from atelier.store.opening import journals as _journals
from atelier.store.own_schema import indexes_to_make
from atelier.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, begin_migration, migrate
from atelier.store.text import CleanConnection
from atelier.store.workshops import check_year, validate_workshop

if TYPE_CHECKING:
    from atelier.store.join import JoinSummary
    from atelier.store.merge import MergeRecord, MergeSummary


SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Header:
    """What the first 100 bytes of a SQLite file say about it."""

    application_id: int
    user_version: int
    page_size: int
    page_count: int | None  # None when the header's count is not trustworthy


def check_header(path: Path) -> Header:
    """Refuse a file that is not an Atelier file, is truncated, or is too new.

    Reads bytes only: SQLite never touches a file we refuse, so it stays byte-identical.
    A pipe, a device, a folder or a looping link is refused without being opened for good.
    """
    from atelier.store.files import read_head

    head, size = read_head(path, 100)
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        # A name with bytes that are not UTF-8 (a key or an archive from an older system):
        # SQLite is given names as UTF-8 text; said before it is asked to open it.
        raise FileRefused("name.not_utf8_read", path=path) from None
    if size == 0:
        raise _empty_file(path)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise NotAtelierFile(path=path)
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", head[24:32])
    (user_version,) = struct.unpack(">i", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    (valid_for,) = struct.unpack(">I", head[92:96])
    if application_id != APPLICATION_ID:
        raise NotAtelierFile(path=path)
    if user_version > SCHEMA_VERSION:
        raise NewerFile(path=path, found=user_version, supported=SCHEMA_VERSION)
    trusted_count = page_count if valid_for == change_counter and page_count else None
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(path=path, detail=message("detail.header"))
    # A checkpoint killed half-way leaves the file shorter than its header says, and whole
    # again with its -wal beside it: only a file without a journal can be called truncated.
    if not _journals(path):
        if trusted_count is not None and size < trusted_count * page_size:
            raise CorruptFile(path=path, detail=message("detail.truncated"))
        if size % page_size:
            raise CorruptFile(path=path, detail=message("detail.truncated"))
    return Header(application_id, user_version, page_size, trusted_count)


def _empty_file(path: Path) -> NotAtelierFile:
    """A file of 0 bytes is no foreign file: a copy or a save that stopped before its first
    byte (a USB key pulled out, a full disk). Said so, with the backup to copy in its place
    (atelier.backups) when this computer has one."""
    from atelier.backups import backups_of

    if path.suffix.lower() in GRID_KINDS:  # an empty grid: a grid, to import, not a workshop
        return NotAtelierFile(path=path)
    found = backups_of(path)
    if not found:
        return NotAtelierFile("file.empty", path=path)
    return NotAtelierFile("file.empty_backup", path=path, backup=found[0].path, when=found[0].label())


class FilePart(StoreBase):
    """The file itself: made, opened (locked for writing), copied, replaced, merged into, closed."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshops(self) -> list[Workshop]: ...

        def _insert_workshop(self, workshop: Workshop) -> None: ...

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        *,
        title: str,
        date: str | None = None,
        place: str = "",
        organiser: str = "",
        contact: str = "",
        force: bool = False,
        fill: Callable[[Self], None] | None = None,
        inputs: Sequence[str | os.PathLike[str]] = (),
    ) -> Self:
        """Make a new file holding one workshop (and what `fill` adds to it), whole or not at
        all. Never replaces a file unless `force`, nor one another window has open."""
        from atelier.store.files import replacing

        target = Path(path)
        workshop = Workshop(title=title, date=date, place=place, organiser=organiser, contact=contact)
        validate_workshop(workshop)
        # Built beside the target, then renamed: a failure never leaves a half-made file.
        with replacing(target, workshop=True, replace=force, inputs=inputs) as temp:
            try:
                conn = sqlite3.connect(temp, isolation_level=None, factory=CleanConnection)
            except sqlite3.Error as exc:
                raise sqlite_failure(exc, target) from None
            try:
                conn.execute("PRAGMA foreign_keys = ON")
                migrate(conn, 0)
                store = cls(temp, conn, readonly=False)
                with store._write():
                    store._db_().table("meta").insert_all(
                        [
                            {"key": "created", "value": now_iso()},
                            {"key": "created_by", "value": _app_version()},
                        ]
                    )
                    store._insert_workshop(workshop)
                if fill is not None:
                    fill(store)
            except sqlite3.Error as exc:
                raise sqlite_failure(exc, target) from None
            finally:
                conn.close()
        return cls.open(target)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        lock: bool = False,
        check_later: bool = False,
        holder: str = "window",
        migrate_later: bool = False,
    ) -> Self:
        """Open an existing file, refusing foreign, damaged or newer ones untouched.

        `migrate_later` (a command: `open_to_write`): a file of an older format is read through
        its migrations in a transaction left open, written with the first change only (see
        `_open`).

        Opened to be edited (`lock`: the window, a command that writes) on a disk with no room
        left for SQLite's journal (a full USB key), the file can still be read: it is opened
        read-only, `disk_full` says why, and nothing is left beside it. See `_open`."""
        try:
            return cls._open(
                path,
                readonly=readonly,
                lock=lock,
                check_later=check_later,
                holder=holder,
                migrate_later=migrate_later,
            )
        except FileRefused as exc:
            if readonly or not lock or exc.key != "disk.full":
                said = with_backup(exc, Path(path))
                if said is exc:
                    raise
                raise said from None
        store = cls._open(path, readonly=True)
        store.disk_full = True
        return store

    @classmethod
    def _open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        lock: bool = False,
        check_later: bool = False,
        holder: str = "window",
        migrate_later: bool = False,
    ) -> Self:
        """Open an existing file, refusing foreign, damaged or newer ones untouched.

        A file that cannot be written (read-only file or folder) is opened read-only.
        Read-only, nothing is ever written into the file or beside it (see
        atelier.store.opening). For writing, the whole file is checked first (tables, pages,
        indexes, values); a file from an older version is then migrated in place (in
        memory if read-only: `file_format` keeps the version on disk). With `migrate_later`,
        its migrations are run in a transaction left open (`migration_pending`): what is read
        is the file at today's format, and the file on disk changes only when the first change
        is committed with them; a command that then refuses, or writes nothing, leaves it
        byte-identical (and its backup taken before writing, at its own format).

        `check_later` (the window): a file at today's format, already in WAL mode, opened for
        writing, has its tables checked now and the rest of the check run in a thread
        (`pending_check`); nothing is written before it passes (`before_writing` waits for
        it), and the window is shown only once `checked()` has returned.
        """
        from atelier.store.files import remove_stale_temporaries
        from atelier.store.opening import (
            BackgroundCheck,
            connect_readonly,
            remove_new_side_files,
            side_files_state,
            verify,
            verify_content,
            writable,
        )

        target = Path(path)
        check_header(target)
        _no_folder_for_a_journal(target)
        if not readonly and not writable(target):
            readonly = True
        writer_lock = None
        locked_by_other = False
        if lock and not readonly:
            writer_lock = WriterLock(target, holder)  # `holder`: a window, or a command writing
            if not writer_lock.acquire():
                readonly, locked_by_other, writer_lock = True, True, None
        sides = side_files_state(target)
        reading = "write"
        pending = None
        try:
            if readonly:
                conn, reading = connect_readonly(target)
            else:
                remove_stale_temporaries(target.parent if str(target.parent) else Path("."))
                conn = sqlite3.connect(
                    f"file:{quote(str(target.resolve()))}",
                    uri=True,
                    isolation_level=None,
                    factory=CleanConnection,  # every text written is normalised (store/text.py)
                )
        except BaseException:
            if writer_lock is not None:
                writer_lock.release()
            raise
        try:
            if not readonly:
                guard(conn, writes=True)
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                conn.execute("PRAGMA busy_timeout = 5000")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotAtelierFile(path=target)
            if version > SCHEMA_VERSION:
                raise NewerFile(path=target, found=version, supported=SCHEMA_VERSION)
            found = verify(conn, target, version, content=False)
            seen = int(conn.execute("PRAGMA schema_version").fetchone()[0])  # as it was checked
            later = (
                check_later
                and not readonly
                and version == SCHEMA_VERSION  # no migration writes before the check
                and str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
            )
            if not later:
                verify_content(conn, target, found)
            if not readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise FileRefused("file.locked", path=target)
                conn.execute("PRAGMA synchronous = FULL")
                # What is deleted is wiped, not left in free pages: a participant deleted at
                # their request is gone from the file's bytes (on by default in Debian's SQLite,
                # not in every build).
                conn.execute("PRAGMA secure_delete = ON")
            if version < SCHEMA_VERSION:
                if readonly:
                    conn = _in_memory_copy(conn)
                    migrate(conn, version)
                elif migrate_later:
                    begin_migration(conn, version)
                    pending = int(version)
                else:
                    migrate(conn, version)
        except sqlite3.Error as exc:
            conn.close()
            if not readonly:
                remove_new_side_files(target, sides)
            if writer_lock is not None:
                writer_lock.release()
            raise sqlite_failure(exc, target) from None
        except BaseException:
            conn.close()
            if not readonly:
                remove_new_side_files(target, sides)
            if writer_lock is not None:
                writer_lock.release()
            raise
        store = cls(target, conn, readonly=readonly)
        store._indexes_due = not readonly and bool(indexes_to_make(conn))
        # Migrated since it was checked (its own changes): looked at again at the first write.
        store._schema_seen = seen if version == SCHEMA_VERSION else None
        store.read_as = reading
        store._open_here = opened_here(target.resolve())
        store._lock = writer_lock
        store.locked_by_other = locked_by_other
        store.file_format = int(version)
        store.migration_pending = pending
        if later:
            store.pending_check = BackgroundCheck(target, found)
        return store

    @classmethod
    def open_to_write(cls, path: str | os.PathLike[str]) -> Self:
        """Open a file that a command (the command line, an import into it) is to write:
        refused in one sentence, and let go, if a window has it open or it cannot be written."""
        store = cls.open(path, lock=True, holder=COMMAND, migrate_later=True)
        if store.disk_full:
            store.close()
            raise FileRefused("disk.full", path=path)
        if store.locked_by_other:
            store.close()
            raise held_elsewhere(path)
        if store.readonly:
            store.close()
            raise FileRefused("file.readonly", path=path)
        return store

    @classmethod
    def check_writable(cls, path: str | os.PathLike[str]) -> None:
        """Refuse now, as `open_to_write` would later, a file a command is going to write once
        it has read it (`atelier match --save`): open in another window, or read-only. Nothing
        is opened with SQLite; the writer lock is only tried, and let go at once."""
        from atelier.store.opening import writable

        target = Path(path)
        check_header(target)  # a missing, empty or foreign file: said as the reading would say it
        if not writable(target):
            raise FileRefused("file.readonly", path=path)
        lock = WriterLock(target, COMMAND)
        if not lock.acquire():
            raise held_elsewhere(target)
        lock.release()

    def twin(self) -> Self:
        """This file through a connection of its own, to be made, used and closed on one worker
        thread (a SQLite connection stays on the thread that made it): a long import into the
        open file is written there while the window's connection keeps reading for its
        painting (WAL: it sees the file as it was until the import commits). The window holds
        the writer lock and the file was checked when it opened: neither is done again."""
        if self.readonly:
            raise ReadOnlyError()
        self.checked()
        # An older file: its migrations, let go by this connection (`migration_lent`), run in
        # the twin's transaction, written with its change only (or rolled back with it).
        lent = self._migration_lent
        if lent is None:
            self.migrate_now()  # on this connection's own thread: written now
        try:
            conn = sqlite3.connect(
                f"file:{quote(str(self.path.resolve()))}",
                uri=True,
                isolation_level=None,
                factory=CleanConnection,
            )
            guard(conn, writes=True)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            if lent is not None:
                begin_migration(conn, lent)
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        twin = type(self)(self.path, conn, readonly=False)
        twin.migration_pending = lent
        twin.file_format = self.file_format
        twin._indexes_due = self._indexes_due
        twin._schema_seen = self._schema_seen
        twin.compact_at_close = False  # the window's own connection does it
        refusal = twin.schema_changed()  # another program changed it since: not written
        if refusal is not None:
            conn.close()
            raise refusal
        return twin

    def reader(self) -> Self:
        """This file through a read-only connection of its own, to be made, used and closed on
        one worker thread: the window's matching reads a workshop there rather than on the UI
        thread (a third of a second for a thousand rows of long cells). It sees what was
        committed. The file was checked when it opened: not again. It is opened by its name, so
        once connected it is checked to be still this file (SQLite holds the file from then
        on): another copy a sync client put there since the caller looked is refused in one
        sentence, not read as this workshop."""
        from atelier.store.opening import IMMUTABLE

        # A file the window reads as immutable is read so here too: a read-only connection of
        # the usual kind would leave SQLite's -wal and -shm beside a file not to be written.
        mode = "ro&immutable=1" if self.read_as == IMMUTABLE else "ro"
        try:
            conn = sqlite3.connect(
                f"file:{quote(str(self.path.resolve()))}?mode={mode}",
                uri=True,
                isolation_level=None,
                factory=CleanConnection,
            )
            conn.execute("PRAGMA busy_timeout = 5000")
            guard(conn, writes=False)
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        if not self.still_on_disk():
            conn.close()
            raise FileRefused("file.replaced_while_open", path=self.path)
        reader = type(self)(self.path, conn, readonly=True)
        reader.file_format = self.file_format
        reader._schema_seen = self._schema_seen
        refusal = reader.schema_changed()  # another program changed it since: not read
        if refusal is not None:
            conn.close()
            raise refusal
        reader._reading_for = self
        with self._readers_changed:
            self._readers += 1
        return reader

    def reads_again(self) -> bool:
        """Whether a worker may read this file through `reader`: it is at today's format (not
        read through a migration in memory), still at its name, and what its name holds is
        what this connection reads (not edits read from a private copy of its journal: a
        file on read-only media that a killed window left with its journal). Otherwise the
        worker reads a `snapshot`."""
        from atelier.store.opening import PRIVATE

        return self.file_format == SCHEMA_VERSION and self.read_as != PRIVATE and self.still_on_disk()

    def snapshot(self) -> Self:
        """This file as this connection sees it now, copied in memory (SQLite's backup API), to
        be read on one worker thread: for a file no longer at its name (what lies there now is
        not this one) or read through a migration in memory (an older format, read-only, or
        whose migrations wait for the first change: the file read again and migrated in memory,
        SQLite's backup API waiting forever on a connection in a transaction that writes)."""
        try:
            conn = sqlite3.connect(
                ":memory:", isolation_level=None, factory=CleanConnection, check_same_thread=False
            )
            if self.migration_pending is not None:
                self._committed_copy(conn)
                migrate(conn, self.migration_pending)
            else:
                self.conn.backup(conn)
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        copy = type(self)(self.path, conn, readonly=True)
        copy.file_format = self.file_format
        return copy

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Several reads that see the file as of one moment (one read transaction)."""
        if self.conn.in_transaction:  # its migrations waiting (`migration_pending`): one already
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def save_copy(self, target: str | os.PathLike[str]) -> None:
        """Write everything, as it is now, to another file (SQLite's backup API), atomically."""
        from atelier.store.files import replacing

        target = Path(target)
        with contextlib.suppress(OSError):
            if target.exists() and target.samefile(self.path) and self.still_on_disk():
                return  # every edit is already in it
        with replacing(target, workshop=True) as temp:
            try:
                self.backup_to(temp)
            except sqlite3.Error as exc:
                raise sqlite_failure(exc, target) from None

    def held_by_command(self) -> bool:
        """Whether the lock that made this file read-only is a command's (`atelier match
        --save`, an import into it) rather than another window's."""
        return WriterLock(self.path).held_by() == COMMAND

    def lock_owner(self) -> str:
        from atelier.store.lock import WriterLock as _Lock

        return _Lock(self.path).owner()

    def lock_elsewhere(self) -> str | None:
        """The computer whose window holds this file for writing: "" for this one, its name
        for another (a shared folder, another laptop), None when the lock does not say."""
        from atelier.store.lock import _machine

        words = self.lock_owner().split()
        if len(words) not in (2, 3) or not words[1].isdigit():
            return None
        return "" if words[0] == _machine() else words[0]

    def close(self) -> None:
        if self.pending_check is not None:
            with contextlib.suppress(AtelierError):
                self.checked()  # its thread done before the file is let go
        waiting = self.migration_pending is not None or self._migration_lent is not None
        if not self.readonly and self.compact_at_close and not waiting:
            # A deleted person's words still in the directory's index (the window was merging
            # it a few pages at a time): merged whole before the file is let go. A failure
            # (a full disk) leaves it due, and said so to the next opening.
            with contextlib.suppress(AtelierError, sqlite3.Error):
                self.compact_now(closing=True)
        if self.migration_pending is not None:  # nothing written: the file stays as it was
            self.migration_pending = None
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
        if not self.readonly:
            self._outlast_readers()
        moved = not self.readonly and not self.still_on_disk()
        if moved:
            # Renamed or moved while open (in the file manager, mid-workshop): SQLite does not
            # checkpoint at closing into a file that has moved, and every edit the window said
            # was saved would stay in the -wal beside the old name, lost to the renamed file.
            # Checkpointed here, through what SQLite has open, they are in the file wherever
            # it went; a file deleted or on a stick pulled out loses nothing more.
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                moved = False  # the -wal still holds them: left where it is
        self.conn.close()
        self.closed = True
        reading_for, self._reading_for = self._reading_for, None
        if reading_for is not None:  # a worker's reader: the window's connection may close now
            with reading_for._readers_changed:
                reading_for._readers -= 1
                reading_for._readers_changed.notify_all()
        if moved and not self.path.exists():
            for side in ("-wal", "-shm"):  # emptied by the checkpoint, beside a name now free
                with contextlib.suppress(OSError):
                    self.path.with_name(self.path.name + side).unlink()
        closed_here(self._open_here)
        self._open_here = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _outlast_readers(self, timeout: float = 10.0) -> None:
        """Wait for the workers reading this file (`reader`: a read of a few milliseconds, the
        window's matching after an edit) to close their connections, so that this one closes
        last and SQLite puts every edit in the file, leaving no -wal beside it: a session
        logging out as a match was being read left the last edits there, missing from the file
        copied alone to a USB key. A reader still open after `timeout` (a stuck worker): the
        edits are put in the file all the same (a checkpoint), the -wal left to SQLite."""
        with self._readers_changed:
            if self._readers_changed.wait_for(lambda: self._readers == 0, timeout=timeout):
                return
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(FULL)")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """A consistent copy made with SQLite's backup API (safe on a live WAL database). Of an
        older file whose migrations wait for the first change (`migration_pending`): the file as
        it is on disk, at its own format (a backup taken before a command writes is one an
        older Atelier still opens)."""
        destination = sqlite3.connect(target)
        try:
            if self.migration_pending is not None:
                self._committed_copy(destination)
            else:
                self.conn.backup(destination)
        finally:
            destination.close()

    def _committed_copy(self, destination: sqlite3.Connection) -> None:
        """What the file holds on disk (nothing written since it was opened), copied through a
        connection of its own: this one's transaction holds the waiting migrations."""
        source = sqlite3.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro", uri=True)
        try:
            source.execute("PRAGMA busy_timeout = 5000")
            source.backup(destination)
        finally:
            source.close()

    def fingerprint(self) -> str:
        """Changes whenever the content does (for backups: skip one identical to the last)."""
        import hashlib

        digest = hashlib.sha1()
        for table in TABLES:
            columns = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
            latest = "max(updated)" if "updated" in columns else "NULL"
            digest.update(
                repr(tuple(self.conn.execute(f"SELECT count(*), {latest} FROM {table}").fetchone())).encode()
            )
        for table in ("participants", "items", "synthesis_sections"):  # moves change no text
            for row in self.conn.execute(f"SELECT id, position FROM {table} ORDER BY id"):
                digest.update(f"{row[0]}:{row[1]};".encode())
        return digest.hexdigest()[:12]

    def replace_with(self, source: str | os.PathLike[str]) -> None:
        """Make this open file hold exactly the content of another Atelier file (a backup
        to restore, a merge to take in), through SQLite's backup API: one step, and a
        source that is not a sound Atelier file is refused before anything is written."""
        if self.readonly:
            raise ReadOnlyError()
        with type(self).open(source, readonly=True):
            pass  # refused here, with its message, if not a sound Atelier file of a known format
        from atelier.store.opening import connect_readonly, schema_refusal

        source_path = Path(source)
        self.before_writing()
        if self.migration_pending is not None:  # replaced whole: this file's migrations not needed
            self.migration_pending = None
            self.conn.execute("ROLLBACK")
        origin, _reading = connect_readonly(source_path)
        try:
            # The very connection copied from, looked at again: changed since it was opened
            # above, it is refused still.
            there = int(origin.execute("PRAGMA user_version").fetchone()[0])
            refusal = schema_refusal(origin, source_path, there)
            if refusal is not None:
                raise refusal
            origin.backup(self.conn)
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        finally:
            origin.close()
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version < SCHEMA_VERSION:
            migrate(self.conn, version)
        self._db = None
        # Its schema as the source's was checked: looked at again, and the indexes of Atelier's
        # the source lacked made, in a transaction now.
        self._schema_seen = None
        with self._write():
            pass

    def merge_from(self, other: StoreBase, names: tuple[str, str]) -> MergeSummary:
        """Merge another capture of this file's workshops into it, in one transaction."""
        from atelier.store.merge import merge_into

        with self._write():
            return merge_into(self.conn, other.conn, names)

    def twin_workshops(
        self, first_ids: set[str], second_ids: set[str], *, by_title: bool = True
    ) -> list[tuple[str, str]]:
        """The workshops of `first_ids` and `second_ids` that are the same workshop by title and
        date (store/join.py), or by date only when not `by_title`: pairs of ids."""
        from atelier.store.join import twin_workshops

        return twin_workshops(self.conn, first_ids, second_ids, by_title=by_title)

    def join_workshops(self, keep_id: str, other_id: str) -> JoinSummary:
        """Make two workshops of this file one (store/join.py), in one transaction."""
        from atelier.store.join import join

        with self._write():
            summary = join(self.conn, keep_id, other_id)
            self._people_buried()
        self._people_deleted()
        return summary

    def merge_history(self) -> list[MergeRecord]:
        """Every merge this file went through, oldest first, with what each set aside."""
        from atelier.store.merge import merge_history

        return merge_history(self.conn)

    @property
    def format_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def summary(self) -> FileSummary:
        workshops = [(w.id, w.title, w.date) for w in self.workshops()]
        participants = self.conn.execute("SELECT count(*) FROM participants").fetchone()[0]
        items = {kind: 0 for kind in ITEM_KINDS}
        for kind, count in self.conn.execute("SELECT kind, count(*) FROM items GROUP BY kind"):
            items[ItemKind(kind)] = count
        matches = {status: 0 for status in MatchStatus}
        for status, count in self.conn.execute("SELECT status, count(*) FROM matches GROUP BY status"):
            matches[MatchStatus(status)] = count
        from atelier.store.graves import graves
        from atelier.store.merge import merge_history
        from atelier.store.workshops import people_counts

        return FileSummary(
            workshops,
            int(participants),
            items,
            matches,
            len(graves(self.conn)),
            len(merge_history(self.conn)),
            sum(people_counts(self.conn).values()),
        )


# ------------------------------------------------------------------ helpers


def _no_folder_for_a_journal(target: Path) -> None:
    """A folder where SQLite puts the file's journal (« atelier.atelier-wal »): SQLite's own
    failure then named the workshop file itself (« est un dossier », « en lecture seule »),
    which is neither; refused naming the folder in the way, before SQLite opens anything."""
    for where in dict.fromkeys((target, target.resolve())):
        for suffix in ("-wal", "-shm", "-journal"):
            side = where.with_name(where.name + suffix)
            if side.is_dir():
                raise FileRefused("file.journal_is_dir", side=side.name, path=target)


def _app_version() -> str:
    from atelier import __version__

    return __version__


def _in_memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    conn.backup(memory)
    conn.close()
    memory.execute("PRAGMA foreign_keys = ON")
    return memory


def merge_files(
    first: str | os.PathLike[str],
    second: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    join: bool = False,
) -> MergeSummary:
    """Write `output`: the first file with the second merged in. The inputs are only read.

    Two workshops, one only the first file has and one only the second, with the same title
    and date (the two halves of one room, each captured in its own file) are named in
    `twin_workshops`; `join` makes each such pair one workshop (store/join.py), in `joined`,
    and refuses, writing nothing, when there is none and no workshop is in both files already."""
    from atelier.store.files import replacing
    from atelier.store.merge import file_names

    first, second, output = Path(first), Path(second), Path(output)
    for source in (first, second):
        with contextlib.suppress(OSError):
            if output.exists() and output.samefile(source):
                raise FileRefused("merge.same_output", path=output)
    with contextlib.suppress(OSError):
        if first.samefile(second):
            raise FileRefused("merge.same_input", path=second)
    with (
        FilePart.open(first, readonly=True) as a,
        FilePart.open(second, readonly=True) as b,
    ):
        _dates_of_a_year(b, second, file_names(first, second)[1])  # before anything is written
        with replacing(output, workshop=True, replace=force, inputs=(first, second)) as temp:
            try:
                a.backup_to(temp)
            except sqlite3.Error as exc:
                raise sqlite_failure(exc, output) from None
            first_ids = {str(r[0]) for r in a.conn.execute("SELECT id FROM workshops")}
            second_ids = {str(r[0]) for r in b.conn.execute("SELECT id FROM workshops")}
            with FilePart.open(temp) as merged:  # brought to today's format if needed
                summary = merged.merge_from(b, file_names(first, second))
                summary.twin_workshops = merged.twin_workshops(first_ids, second_ids)
                # Copies of one file (a workshop of the same id in both) hold it as one already:
                # merged as it is, never refused as having « no workshop to join ».
                if join and not summary.twin_workshops and not first_ids & second_ids:
                    raise _no_twin(
                        merged, summary.names, (first, second, output), force, first_ids, second_ids
                    )
                if join:
                    summary.joined = [merged.join_workshops(*pair) for pair in summary.twin_workshops]
                    summary.twin_workshops = []
                problem = merged.integrity_check()
            if problem != "ok":  # pragma: no cover - SQLite itself would have failed first
                raise FileRefused("file.corrupt", path=output, detail=problem)
    return summary


def _dates_of_a_year(other: FilePart, path: Path, name: str) -> None:
    """Refuse to merge in a workshop dated a year no workshop has (store.check_year: written
    by another program, or before Atelier refused such years): the merged file would hold a
    date the store refuses on every other path, the minutes would print it. Said in one
    sentence naming the file, the workshop and the date, with the command that corrects it."""
    from atelier.errors import InvalidValue
    from atelier.i18n import command_line

    for workshop_id, title, day in other.conn.execute("SELECT id, title, date FROM workshops ORDER BY date"):
        if not day:
            continue
        try:
            check_year(str(day))
        except InvalidValue as refused:
            raise FileRefused(
                "merge.date_out_of_range",
                path=name,
                title=title,
                **{key: refused.params[key] for key in ("value", "year", "first", "last")},
                command=command_line("workshops", path, "--rename", str(workshop_id)[:8], "--date"),
            ) from None


def _no_twin(
    merged: FilePart,
    names: tuple[str, str] | list[str],
    paths: tuple[Path, Path, Path],
    force: bool,
    first_ids: set[str],
    second_ids: set[str],
) -> AtelierError:
    """`merge --same-workshop` of two files without a workshop of the same title and date:
    refused, with the merge that keeps their workshops side by side as it can be pasted, then,
    when one workshop of each has the same date (as `workshops --join` asks), the command that
    joins those two; no join to suggest otherwise (it would be refused)."""
    from atelier.french import list_date
    from atelier.i18n import command_line, current_language, message

    first, second, output = paths
    merge = command_line("merge", first, second, "-o", output, *(["--force"] if force else []))
    then = ""
    pairs = merged.twin_workshops(first_ids, second_ids, by_title=False)
    if len(pairs) == 1:
        (mine, title, day), (theirs, other, _day) = (
            merged.conn.execute("SELECT id, title, date FROM workshops WHERE id = ?", (w,)).fetchone()
            for w in pairs[0]
        )
        join = "--join" if current_language() == "en" else "--reunir"
        then = message(
            "join.no_twin_then",
            first=title,
            second=other,
            date=f" ({list_date(day)})" if day else "",
            command=command_line("workshops", output, join, mine[:8], theirs[:8]),
        )
    return AtelierError("join.no_twin", first=names[0], second=names[1], merge=merge, then=then)
