"""The .atelier file: the only code in Atelier that knows tables and SQL.

Durability: the database runs in WAL mode with ``synchronous=FULL``. In WAL mode,
NORMAL survives a crash of the process but may lose the last transactions on a
power cut or an OS crash, because the WAL is only synced at checkpoints. FULL
syncs the WAL at every commit, so an edit the window reports as saved survives a
laptop whose battery dies the next second. An edit is a human keystroke burst:
one fsync per edit costs a few milliseconds, which nobody can feel.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from atelier.domain import (
    ITEM_KINDS,
    DirectoryHit,
    FileSummary,
    FollowUp,
    FollowUpEntry,
    GlossaryEntry,
    GlossaryKind,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    Reason,
    ReimportSummary,
    SynthesisSection,
    Workshop,
    now_iso,
)
from atelier.errors import (
    AtelierError,
    CorruptFile,
    FileRefused,
    InvalidValue,
    NewerFile,
    NotAtelierFile,
    NotFound,
    ReadOnlyError,
)
from atelier.i18n import message
from atelier.store.lock import WriterLock
from atelier.store.opening import journals as _journals
from atelier.store.opening import sqlite_failure
from atelier.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, migrate
from atelier.store.text import CleanConnection
from atelier.store.workshops import WorkshopSnapshot

if TYPE_CHECKING:
    import sqlite_utils

    from atelier.store.merge import MergeRecord, MergeSummary

__all__ = [
    "SCHEMA_VERSION",
    "CellSnapshot",
    "ParticipantSnapshot",
    "ItemSnapshot",
    "Store",
    "WorkshopSnapshot",
    "check_header",
]

SQLITE_MAGIC = b"SQLite format 3\x00"


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


@dataclass(slots=True)
class ItemSnapshot:
    """An item and the matches that hang on it, as they were before a deletion."""

    item: Item
    matches: list[Match] = field(default_factory=list)


@dataclass(slots=True)
class CellSnapshot:
    """One grid cell (a participant's items of one kind) as it was before an edit."""

    participant_id: str
    kind: ItemKind
    items: list[Item]
    matches: list[Match] = field(default_factory=list)


@dataclass(slots=True)
class ParticipantSnapshot:
    """A participant with everything that hangs on it, as it was before a deletion."""

    participant: Participant
    items: list[Item] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)


def _json_list(text: str) -> list[str]:
    value = json.loads(text) if text else []
    return [str(v) for v in value] if isinstance(value, list) else []


def _json_dict(text: str) -> dict[str, str]:
    value = json.loads(text) if text else {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _dump(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _reasons(text: str) -> list[Reason]:
    """Stored reasons: objects since format 5, sentences before (kept as written)."""
    value = json.loads(text) if text else []
    return [Reason.from_json(v) for v in value] if isinstance(value, list) else []


def _dump_reasons(reasons: Sequence[Reason | str]) -> str:
    return json.dumps(
        [r.as_json() if isinstance(r, Reason) else Reason.from_json(r).as_json() for r in reasons],
        ensure_ascii=False,
    )


class Store:
    """An open .atelier file. Every public method that changes data is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.conn = conn
        self.readonly = readonly
        # True when another window or process holds the file: we opened it read-only.
        self.locked_by_other = False
        self._lock: WriterLock | None = None
        self._db: sqlite_utils.Database | None = None
        self._identity = _identity(path)
        # The format version of the file on disk (an older one is read through a migrated
        # copy in memory, and only written at today's format when something is saved).
        self.file_format = SCHEMA_VERSION
        # Called once, just before the first change is written (the window backs the file
        # up there, so that opening it does not wait for the copy): see before_writing().
        self.before_first_write: Callable[[], object] | None = None

    def before_writing(self) -> None:
        """Run the one-shot before_first_write hook, if any (each write path calls this first)."""
        hook, self.before_first_write = self.before_first_write, None
        if hook is not None:
            hook()

    def still_on_disk(self) -> bool:
        """Whether the file we write to is still the one at `path`. Deleted, moved or on a
        USB stick pulled out, SQLite keeps writing to what it had open, and those edits
        would vanish at closing: the window must say so, and offer to save a copy."""
        return self._identity is None or _identity(self.path) == self._identity

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

    # ---------------------------------------------------------------- opening

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
        fill: Callable[[Store], None] | None = None,
        inputs: Sequence[str | os.PathLike[str]] = (),
    ) -> Store:
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
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False, lock: bool = False) -> Store:
        """Open an existing file, refusing foreign, damaged or newer ones untouched.

        A file that cannot be written (read-only file or folder) is opened read-only.
        Read-only, nothing is ever written into the file or beside it (see
        atelier.store.opening). For writing, the whole file is checked first (tables, pages,
        indexes, values); a file from an older version is then migrated in place (in
        memory if read-only: `file_format` keeps the version on disk).
        """
        from atelier.store.files import remove_stale_temporaries
        from atelier.store.opening import (
            connect_readonly,
            remove_new_side_files,
            side_files_state,
            verify,
            writable,
        )

        target = Path(path)
        check_header(target)
        if not readonly and not writable(target):
            readonly = True
        writer_lock = None
        locked_by_other = False
        if lock and not readonly:
            writer_lock = WriterLock(target)
            if not writer_lock.acquire():
                readonly, locked_by_other, writer_lock = True, True, None
        sides = side_files_state(target)
        try:
            if readonly:
                conn, _snapshot = connect_readonly(target)
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
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                conn.execute("PRAGMA busy_timeout = 5000")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotAtelierFile(path=target)
            if version > SCHEMA_VERSION:
                raise NewerFile(path=target, found=version, supported=SCHEMA_VERSION)
            verify(conn, target, version)
            if not readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise FileRefused("file.locked", path=target)
                conn.execute("PRAGMA synchronous = FULL")
            if version < SCHEMA_VERSION:
                if readonly:
                    conn = _in_memory_copy(conn)
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
        store._lock = writer_lock
        store.locked_by_other = locked_by_other
        store.file_format = int(version)
        return store

    def lock_owner(self) -> str:
        from atelier.store.lock import WriterLock as _Lock

        return _Lock(self.path).owner()

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """A consistent copy made with SQLite's backup API (safe on a live WAL database)."""
        destination = sqlite3.connect(target)
        try:
            self.conn.backup(destination)
        finally:
            destination.close()

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
        with Store.open(source, readonly=True):
            pass  # refused here, with its message, if not a sound Atelier file of a known format
        from atelier.store.opening import connect_readonly

        source_path = Path(source)
        self.before_writing()
        origin, _snapshot = connect_readonly(source_path)
        try:
            origin.backup(self.conn)
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.path) from None
        finally:
            origin.close()
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version < SCHEMA_VERSION:
            migrate(self.conn, version)
        self._db = None

    def merge_from(self, other: Store, names: tuple[str, str]) -> MergeSummary:
        """Merge another capture of this file's workshops into it, in one transaction."""
        from atelier.store.merge import merge_into

        with self._write():
            return merge_into(self.conn, other.conn, names)

    def merge_history(self) -> list[MergeRecord]:
        """Every merge this file went through, oldest first, with what each set aside."""
        from atelier.store.merge import merge_history

        return merge_history(self.conn)

    @property
    def format_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------ plumbing

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
        try:
            with db.atomic():
                yield db
        except sqlite3.OperationalError as exc:
            raise sqlite_failure(exc, self.path) from None

    def _stamps(self, table: str, row_id: str, changes: dict[str, Any]) -> str:
        """The row's per-field edit times with the fields these changes alter set to now
        (kept so that a merge of two captures keeps the newer edit of each field)."""
        current = self._one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        stamps = _json_dict(current["edited"]) if current is not None else {}
        when = changes.get("updated") or now_iso()
        for key, value in changes.items():
            if key in ("updated", "edited") or (current is not None and current[key] == value):
                continue
            stamps[key] = when
        return json.dumps(stamps, ensure_ascii=False, sort_keys=True)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cur.fetchone()
        return row

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return list(cur.fetchall())

    # ------------------------------------------------------------ workshops

    def workshops(self) -> list[Workshop]:
        rows = self._all("SELECT * FROM workshops ORDER BY date IS NULL, date, created")
        return [_workshop(r) for r in rows]

    def workshop(self, workshop_id: str) -> Workshop:
        row = self._one("SELECT * FROM workshops WHERE id = ?", (workshop_id,))
        if row is None:
            raise AtelierError("workshop.unknown", id=workshop_id)
        return _workshop(row)

    def add_workshop(self, workshop: Workshop) -> Workshop:
        validate_workshop(workshop)
        with self._write():
            self._insert_workshop(workshop)
        return workshop

    def _insert_workshop(self, workshop: Workshop) -> None:
        self._db_().table("workshops").insert(
            {
                "id": workshop.id,
                "title": workshop.title,
                "date": workshop.date,
                "place": workshop.place,
                "organiser": workshop.organiser,
                "contact": workshop.contact,
                "description": workshop.description,
                "themes": _dump(workshop.themes),
                "created": workshop.created,
                "updated": workshop.updated,
            }
        )

    def update_workshop(self, workshop_id: str, **changes: Any) -> Workshop:
        allowed = {"title", "date", "place", "organiser", "contact", "description", "themes"}
        current = self.workshop(workshop_id)
        for key, value in changes.items():
            if key not in allowed:
                raise TypeError(f"unknown workshop field {key!r}")
            setattr(current, key, value)
        validate_workshop(current)
        row = {k: (_dump(v) if k == "themes" else v) for k, v in changes.items()}
        current.updated = row["updated"] = now_iso()
        row["edited"] = self._stamps("workshops", workshop_id, row)
        with self._write() as db:
            db.table("workshops").update(workshop_id, row)
        return current

    def workshop_counts(self) -> dict[str, tuple[int, int]]:
        """Participants and items of each workshop of the file, in one query."""
        counts = {w: (0, 0) for (w,) in self.conn.execute("SELECT id FROM workshops")}
        for workshop_id, participants, items in self.conn.execute(
            "SELECT p.workshop_id, count(DISTINCT p.id), count(i.id) FROM participants p "
            "LEFT JOIN items i ON i.participant_id = p.id GROUP BY p.workshop_id"
        ):
            counts[workshop_id] = (int(participants), int(items))
        return counts

    def find_workshop(self, typed: str) -> Workshop:
        """The workshop named by its id, the start of its id, its date or its title."""
        from atelier.store.workshops import resolve

        return self.workshop(resolve(self.conn, typed))

    def delete_workshop(self, workshop_id: str) -> WorkshopSnapshot:
        """Remove a workshop and everything of it; the snapshot lets undo put it all back."""
        from atelier.store import workshops as ops

        self.workshop(workshop_id)
        with self._write():
            saved = ops.snapshot(self.conn, workshop_id)
            ops.delete(self.conn, workshop_id)
        return saved

    def restore_workshop(self, saved: WorkshopSnapshot) -> Workshop:
        """Undo a deletion: the same ids, participants, items, matches and synthesis."""
        from atelier.store import workshops as ops

        with self._write():
            ops.restore(self.conn, saved)
        return self.workshop(saved.workshop_id)

    def add_workshop_with_grid(
        self, workshop: Workshop, rows: Sequence[tuple[Participant, Sequence[Item]]]
    ) -> Workshop:
        """A new workshop in this file with an imported grid, in one transaction: all or nothing."""
        validate_workshop(workshop)
        with self._write():
            self._insert_workshop(workshop)
            for participant, items in rows:
                participant.workshop_id = workshop.id
                self._insert_participant(participant, None)
                self._insert_items_in_order(participant.id, items)
        return workshop

    # ---------------------------------------------------------- follow-up

    def follow_ups(
        self,
        workshop_id: str | None = None,
        *,
        state: FollowUp | None = None,
        participant: str | None = None,
    ) -> list[FollowUpEntry]:
        """Every confirmed or hand-made match of the file (or of one workshop), with its people."""
        from atelier.store.followup import follow_ups

        return follow_ups(self, workshop_id=workshop_id, state=state, participant=participant)

    def find_follow_up(self, typed: str) -> Match:
        """The decided match named by an id or its first characters (as `atelier suivi` lists them)."""
        from atelier.store.followup import resolve

        return self.match(resolve(self, typed))

    def set_follow_up(
        self, match_id: str, state: FollowUp | str, *, note: str | None = None, day: str | None = None
    ) -> Match:
        """Set where a decided match stands: the state, dated now (or `day`, YYYY-MM-DD), and a note."""
        current = self.match(match_id)
        if current.status not in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            raise AtelierError("followup.not_decided", id=match_id[:8])
        changes: dict[str, Any] = {"follow_up": FollowUp(state)}
        if day:
            from datetime import date

            try:
                date.fromisoformat(day)
            except ValueError:
                raise InvalidValue("date.invalid", value=day) from None
            changes["follow_up_changed"] = day
        elif FollowUp(state) == current.follow_up and current.follow_up_changed:
            changes["follow_up_changed"] = current.follow_up_changed  # same state: keep its date
        if note is not None:
            changes["note"] = note
        return self.update_match(match_id, **changes)

    # ------------------------------------------------------------ directory

    def resources_elsewhere(
        self, workshop_id: str, kinds: Sequence[ItemKind], *, only: set[str] | None = None
    ) -> list[tuple[Item, list[str], str]]:
        """Items of these kinds of every other workshop of the file (or only those ids), each
        with its participant's names and workshop id, in one query: (item, names, workshop id)."""
        marks = ", ".join("?" for _ in kinds)
        sql = (
            "SELECT i.*, p.names AS participant_names, p.workshop_id AS participant_workshop "
            "FROM items i JOIN participants p ON p.id = i.participant_id "
            f"WHERE p.workshop_id != ? AND i.kind IN ({marks})"
        )
        params: list[Any] = [workshop_id, *(str(k) for k in kinds)]
        if only is None:
            rows = self._all(sql, params)
        else:
            rows, wanted = [], sorted(only)
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows += self._all(sql + f" AND i.id IN ({', '.join('?' for _ in chunk)})", [*params, *chunk])
        return [(_item(r), _json_list(r["participant_names"]), r["participant_workshop"]) for r in rows]

    def count_resources_elsewhere(self, workshop_id: str, kinds: Sequence[ItemKind]) -> int:
        marks = ", ".join("?" for _ in kinds)
        return int(
            self.conn.execute(
                "SELECT count(*) FROM items i JOIN participants p ON p.id = i.participant_id "
                f"WHERE p.workshop_id != ? AND i.kind IN ({marks})",
                (workshop_id, *(str(k) for k in kinds)),
            ).fetchone()[0]
        )

    def directory_candidates(
        self, needs: list[list[tuple[str, bool]]], kinds: Sequence[ItemKind], *, per_query: int
    ) -> set[str]:
        """Item ids the full-text index ranks best for each need's words (see store/directory.py)."""
        from atelier.store.directory import candidates

        return candidates(self.conn, needs, tuple(str(k) for k in kinds), per_query=per_query)

    def search(self, text: str, *, limit: int = 50) -> tuple[list[DirectoryHit], int]:
        """People, structures, territories and items of every workshop of the file matching
        what was typed (accents and case ignored, words as prefixes), best first, and how
        many matched in all. Uses the file's full-text index."""
        from atelier.french import fold
        from atelier.store.directory import query_words, search_index

        found, total = search_index(self.conn, text, limit=limit)
        items: dict[str, Item] = {}
        for hit in found:
            if hit.kind != "participant":
                row = self._one("SELECT * FROM items WHERE id = ?", (hit.ref,))
                if row is not None:
                    items[hit.ref] = _item(row)
        people: dict[str, Participant] = {}
        for pid in {h.ref for h in found if h.kind == "participant"} | {
            i.participant_id for i in items.values()
        }:
            row = self._one("SELECT * FROM participants WHERE id = ?", (pid,))
            if row is not None:
                people[pid] = _participant(row)
        workshops = {w.id: w for w in self.workshops()}
        words = query_words(text)
        hits = []
        for hit in found:
            if hit.kind == "participant":
                participant = people.get(hit.ref)
                if participant is None:
                    continue
                fields = []
                for name, value in (
                    ("people", " ".join(participant.names)),
                    ("structure", participant.organisation),
                    ("territory", participant.territory),
                    ("role", participant.role),
                ):
                    folded = fold(value).split()
                    if any(w.startswith(q) for q in words for w in folded):
                        fields.append(name)
                hits.append(
                    DirectoryHit(
                        hit.kind,
                        hit.ref,
                        participant.display_name(),
                        participant,
                        workshops[participant.workshop_id],
                        fields,
                    )
                )
            else:
                item = items.get(hit.ref)
                if item is None or item.participant_id not in people:
                    continue
                participant = people[item.participant_id]
                hits.append(
                    DirectoryHit(
                        hit.kind,
                        hit.ref,
                        item.text,
                        participant,
                        workshops[participant.workshop_id],
                        ["text"],
                    )
                )
        # As good a match: the latest workshop first (the same text said again in 2023 and 2021).
        rank = {h.ref: round(h.rank, 6) for h in found}
        hits.sort(key=lambda h: (rank[h.ref], _negated(h.workshop.date or "")))
        return hits, total

    # ---------------------------------------------------------- participants

    def participants(self, workshop_id: str) -> list[Participant]:
        rows = self._all("SELECT * FROM participants WHERE workshop_id = ? ORDER BY position", (workshop_id,))
        return [_participant(r) for r in rows]

    def participant(self, participant_id: str) -> Participant:
        row = self._one("SELECT * FROM participants WHERE id = ?", (participant_id,))
        if row is None:
            raise NotFound(id=participant_id)
        return _participant(row)

    def add_participant(self, participant: Participant, *, position: int | None = None) -> Participant:
        """Insert a participant at `position` (default: last), shifting those after it."""
        self.workshop(participant.workshop_id)
        with self._write():
            self._insert_participant(participant, position)
        return participant

    def _insert_participant(self, participant: Participant, position: int | None) -> None:
        count = self.conn.execute(
            "SELECT count(*) FROM participants WHERE workshop_id = ?", (participant.workshop_id,)
        ).fetchone()[0]
        position = count if position is None else max(0, min(position, count))
        self.conn.execute(
            "UPDATE participants SET position = position + 1 WHERE workshop_id = ? AND position >= ?",
            (participant.workshop_id, position),
        )
        participant.position = position
        self._db_().table("participants").insert(
            {
                "id": participant.id,
                "workshop_id": participant.workshop_id,
                "position": position,
                "names": _dump(participant.names),
                "organisation": participant.organisation,
                "territory": participant.territory,
                "role": participant.role,
                "contact": participant.contact,
                "source_text": participant.source_text,
                "source_cells": json.dumps(participant.source_cells, ensure_ascii=False),
                "created": participant.created,
                "updated": participant.updated,
            }
        )

    def update_participant(self, participant_id: str, **changes: Any) -> Participant:
        allowed = {"names", "organisation", "territory", "role", "contact", "source_text", "source_cells"}
        current = self.participant(participant_id)
        row: dict[str, Any] = {}
        for key, value in changes.items():
            if key not in allowed:
                raise TypeError(f"unknown participant field {key!r}")
            setattr(current, key, value)
            if key == "names":
                row[key] = _dump(value)
            elif key == "source_cells":
                row[key] = json.dumps(value, ensure_ascii=False)
            else:
                row[key] = value
        current.updated = row["updated"] = now_iso()
        row["edited"] = self._stamps("participants", participant_id, row)
        with self._write() as db:
            db.table("participants").update(participant_id, row)
        return current

    def move_participant(self, participant_id: str, position: int) -> Participant:
        current = self.participant(participant_id)
        with self._write():
            self._reposition(
                "participants", "workshop_id = ?", (current.workshop_id,), participant_id, position
            )
        return self.participant(participant_id)

    def delete_participant(self, participant_id: str) -> ParticipantSnapshot:
        """Remove a participant and its items; the snapshot lets undo put it all back."""
        snapshot = ParticipantSnapshot(
            self.participant(participant_id),
            self.items(participant_id),
            self._all_matches_for(
                "SELECT m.* FROM matches m JOIN items i ON i.id IN (m.need_id, m.resource_id) "
                "WHERE i.participant_id = ?",
                (participant_id,),
            ),
        )
        with self._write():
            self.conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))
            self.conn.execute(
                "UPDATE participants SET position = position - 1 WHERE workshop_id = ? AND position > ?",
                (snapshot.participant.workshop_id, snapshot.participant.position),
            )
        return snapshot

    def restore_participant(self, snapshot: ParticipantSnapshot) -> Participant:
        """Undo a deletion: the same ids, the same place, the same items and matches."""
        with self._write():
            self._insert_participant(snapshot.participant, snapshot.participant.position)
            for item in snapshot.items:
                self._insert_item_row(item)
            for match in snapshot.matches:
                self._insert_match_row(match, replace=True)
        return snapshot.participant

    # ---------------------------------------------------------------- items

    def items(self, participant_id: str, kind: ItemKind | None = None) -> list[Item]:
        if kind is None:
            rows = self._all(
                "SELECT * FROM items WHERE participant_id = ? ORDER BY kind, position",
                (participant_id,),
            )
        else:
            rows = self._all(
                "SELECT * FROM items WHERE participant_id = ? AND kind = ? ORDER BY position",
                (participant_id, str(kind)),
            )
        return [_item(r) for r in rows]

    def workshop_items(self, workshop_id: str, kind: ItemKind | None = None) -> list[Item]:
        """Every item of a workshop in grid order (participant, then position)."""
        sql = "SELECT i.* FROM items i JOIN participants p ON p.id = i.participant_id WHERE p.workshop_id = ?"
        params: list[Any] = [workshop_id]
        if kind is not None:
            sql += " AND i.kind = ?"
            params.append(str(kind))
        sql += " ORDER BY p.position, i.kind, i.position"
        return [_item(r) for r in self._all(sql, params)]

    def item(self, item_id: str) -> Item:
        row = self._one("SELECT * FROM items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFound(id=item_id)
        return _item(row)

    def add_item(self, item: Item, *, position: int | None = None) -> Item:
        """Insert an item into its cell at `position` (default: last)."""
        self.participant(item.participant_id)
        item.kind = ItemKind(item.kind)
        with self._write():
            count = self.conn.execute(
                "SELECT count(*) FROM items WHERE participant_id = ? AND kind = ?",
                (item.participant_id, str(item.kind)),
            ).fetchone()[0]
            item.position = count if position is None else max(0, min(position, count))
            self._insert_item_row(item, shift=True)
        return item

    def add_items(self, items: Sequence[Item]) -> None:
        """Append many items in one transaction (import, paste)."""
        with self._write():
            for item in items:
                item.kind = ItemKind(item.kind)
                item.position = self.conn.execute(
                    "SELECT count(*) FROM items WHERE participant_id = ? AND kind = ?",
                    (item.participant_id, str(item.kind)),
                ).fetchone()[0]
                self._insert_item_row(item)

    def _insert_item_row(self, item: Item, *, shift: bool = True, replace: bool = False) -> None:
        if shift:
            self.conn.execute(
                "UPDATE items SET position = position + 1 "
                "WHERE participant_id = ? AND kind = ? AND position >= ?",
                (item.participant_id, str(item.kind), item.position),
            )
        row = {
            "id": item.id,
            "participant_id": item.participant_id,
            "kind": str(item.kind),
            "position": item.position,
            "text": item.text,
            "created": item.created,
            "updated": item.updated,
        }
        if not replace:
            self._db_().table("items").insert(row)
            return
        # Put an item back as it was, in place: an upsert, never INSERT OR REPLACE, which
        # deletes the row first and so, by ON DELETE CASCADE, the matches that hang on it
        # (a confirmed match lost when undoing an edit of its need).
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
        self.conn.execute(
            f"INSERT INTO items ({columns}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            tuple(row.values()),
        )

    def update_item(self, item_id: str, text: str) -> Item:
        current = self.item(item_id)
        current.text = text
        current.updated = now_iso()
        with self._write() as db:
            db.table("items").update(item_id, {"text": text, "updated": current.updated})
        return current

    def move_item(self, item_id: str, position: int) -> Item:
        current = self.item(item_id)
        with self._write():
            self._reposition(
                "items",
                "participant_id = ? AND kind = ?",
                (current.participant_id, str(current.kind)),
                item_id,
                position,
            )
        return self.item(item_id)

    def delete_item(self, item_id: str) -> ItemSnapshot:
        snapshot = ItemSnapshot(
            self.item(item_id),
            self._all_matches_for(
                "SELECT * FROM matches WHERE need_id = ? OR resource_id = ?", (item_id, item_id)
            ),
        )
        item = snapshot.item
        with self._write():
            self.conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
            self.conn.execute(
                "UPDATE items SET position = position - 1 "
                "WHERE participant_id = ? AND kind = ? AND position > ?",
                (item.participant_id, str(item.kind), item.position),
            )
        return snapshot

    def restore_item(self, snapshot: ItemSnapshot) -> Item:
        with self._write():
            self._insert_item_row(snapshot.item, shift=True)
            for match in snapshot.matches:
                self._insert_match_row(match, replace=True)
        return snapshot.item

    def set_cell(
        self,
        participant_id: str,
        kind: ItemKind,
        texts: Sequence[str],
        ids: Sequence[str] | None = None,
    ) -> tuple[CellSnapshot, list[str]]:
        """Make one grid cell hold exactly `texts`, in one transaction.

        Unchanged and edited lines keep their item (and so their matches); new lines
        become new items (with the given `ids` when redoing an edit), removed lines are
        deleted. Returns what the cell was, for undo, and the ids of the new lines.
        """
        kind = ItemKind(kind)
        self.participant(participant_id)
        before = self.items(participant_id, kind)
        texts = [t for t in (t.strip() for t in texts) if t]
        if ids is None or len(ids) != len(texts):
            ids = _align_ids([i.text for i in before], [i.id for i in before], texts)
        kept = set(ids)
        removed = [i for i in before if i.id not in kept]
        snapshot = CellSnapshot(
            participant_id,
            kind,
            before,
            self._matches_of_items([i.id for i in removed]),
        )
        now = now_iso()
        by_id = {i.id: i for i in before}
        with self._write():
            for item in removed:
                self.conn.execute("DELETE FROM items WHERE id = ?", (item.id,))
            for position, (item_id, text) in enumerate(zip(ids, texts, strict=True)):
                old = by_id.get(item_id)
                if old is None:
                    self._insert_item_row(Item(participant_id, kind, text, position, id=item_id), shift=False)
                elif old.text != text or old.position != position:
                    self.conn.execute(
                        "UPDATE items SET text = ?, position = ?, "
                        "updated = CASE WHEN text != ? THEN ? ELSE updated END WHERE id = ?",
                        (text, position, text, now, item_id),
                    )
        return snapshot, list(ids)

    def restore_cell(self, snapshot: CellSnapshot) -> None:
        """Undo `set_cell`: the cell's items exactly as they were, with their matches."""
        before_ids = {i.id for i in snapshot.items}
        with self._write():
            for (item_id,) in self.conn.execute(
                "SELECT id FROM items WHERE participant_id = ? AND kind = ?",
                (snapshot.participant_id, str(snapshot.kind)),
            ).fetchall():
                if item_id not in before_ids:
                    self.conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
            for item in snapshot.items:
                self._insert_item_row(item, shift=False, replace=True)
            for match in snapshot.matches:
                self._insert_match_row(match, replace=True)

    def _matches_of_items(self, item_ids: Sequence[str]) -> list[Match]:
        found: list[Match] = []
        for item_id in item_ids:
            found += self._all_matches_for(
                "SELECT * FROM matches WHERE need_id = ? OR resource_id = ?", (item_id, item_id)
            )
        return found

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

    # -------------------------------------------------------------- matches

    def matches(self, workshop_id: str, status: MatchStatus | None = None) -> list[Match]:
        if status is None:
            return self._all_matches_for(
                "SELECT * FROM matches WHERE workshop_id = ? ORDER BY score DESC, created",
                (workshop_id,),
            )
        return self._all_matches_for(
            "SELECT * FROM matches WHERE workshop_id = ? AND status = ? ORDER BY score DESC, created",
            (workshop_id, str(status)),
        )

    def match(self, match_id: str) -> Match:
        found = self._all_matches_for("SELECT * FROM matches WHERE id = ?", (match_id,))
        if not found:
            raise NotFound(id=match_id)
        return found[0]

    def matches_for_need(self, need_id: str) -> list[Match]:
        return self._all_matches_for(
            "SELECT * FROM matches WHERE need_id = ? ORDER BY score DESC", (need_id,)
        )

    def _all_matches_for(self, sql: str, params: Sequence[Any]) -> list[Match]:
        return [_match(r) for r in self._all(sql, params)]

    def add_match(self, match: Match) -> Match:
        """Record a match; an existing match for the same pair is replaced."""
        need = self.item(match.need_id)
        resource = self.item(match.resource_id)
        if need.kind != ItemKind.NEED:
            raise InvalidValue("record.unknown", id=match.need_id)
        if need.participant_id == resource.participant_id:
            raise InvalidValue("record.unknown", id=match.resource_id)
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL) and not match.follow_up_changed:
            match.follow_up_changed = now_iso()  # « à contacter » from the moment it is decided
        with self._write():
            self._insert_match_row(match, replace=True)
        return match

    def _insert_match_row(self, match: Match, *, replace: bool = False) -> None:
        self._db_().table("matches").insert(
            {
                "id": match.id,
                "workshop_id": match.workshop_id,
                "need_id": match.need_id,
                "resource_id": match.resource_id,
                "status": str(match.status),
                "score": float(match.score),
                "reasons": _dump_reasons(match.reasons),
                "note": match.note,
                "follow_up": str(match.follow_up),
                "created": match.created,
                "updated": match.updated,
                "follow_up_changed": match.follow_up_changed,
            },
            replace=replace,
        )

    def replace_suggestions(
        self, workshop_id: str, need_ids: Sequence[str], suggestions: Sequence[Match]
    ) -> int:
        """New suggestions for these needs, in one transaction.

        Old suggestions of the needs go; confirmed, manual and rejected matches stay,
        and a pair already decided is never suggested again.
        """
        decided = {
            (row[0], row[1])
            for row in self.conn.execute(
                "SELECT need_id, resource_id FROM matches WHERE workshop_id = ? AND status != 'suggested'",
                (workshop_id,),
            )
        }
        written = 0
        with self._write():
            for need_id in need_ids:
                self.conn.execute(
                    "DELETE FROM matches WHERE need_id = ? AND status = 'suggested'", (need_id,)
                )
            for match in suggestions:
                if (match.need_id, match.resource_id) in decided:
                    continue
                self._insert_match_row(match, replace=True)
                written += 1
        return written

    def decided_pairs(self, workshop_id: str) -> set[tuple[str, str]]:
        return {
            (row[0], row[1])
            for row in self.conn.execute(
                "SELECT need_id, resource_id FROM matches WHERE workshop_id = ? AND status != 'suggested'",
                (workshop_id,),
            )
        }

    def match_for_pair(self, need_id: str, resource_id: str) -> Match | None:
        found = self._all_matches_for(
            "SELECT * FROM matches WHERE need_id = ? AND resource_id = ?", (need_id, resource_id)
        )
        return found[0] if found else None

    def update_match(self, match_id: str, **changes: Any) -> Match:
        """Change some fields of a match. A new follow-up state is dated now (unless
        `follow_up_changed` is given), and so is a match just confirmed, whose follow-up
        (« à contacter ») starts then."""
        allowed = {"status", "score", "reasons", "note", "follow_up", "follow_up_changed"}
        current = self.match(match_id)
        if "follow_up_changed" not in changes:
            new_state = changes.get("follow_up")
            decided = changes.get("status") in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
            if (new_state is not None and FollowUp(new_state) != current.follow_up) or (
                decided and not current.follow_up_changed
            ):
                changes["follow_up_changed"] = now_iso()
        row: dict[str, Any] = {}
        for key, value in changes.items():
            if key not in allowed:
                raise TypeError(f"unknown match field {key!r}")
            if key == "status":
                value = MatchStatus(value)
            elif key == "follow_up":
                value = FollowUp(value)
            setattr(current, key, value)
            row[key] = (
                _dump_reasons(value)
                if key == "reasons"
                else (str(value) if key in ("status", "follow_up") else value)
            )
        current.updated = row["updated"] = now_iso()
        row["edited"] = self._stamps("matches", match_id, row)
        with self._write() as db:
            db.table("matches").update(match_id, row)
        return current

    def delete_match(self, match_id: str) -> Match:
        current = self.match(match_id)
        with self._write():
            self.conn.execute("DELETE FROM matches WHERE id = ?", (match_id,))
        return current

    # ------------------------------------------------------------ synthesis

    def synthesis_sections(self, workshop_id: str) -> list[SynthesisSection]:
        rows = self._all(
            "SELECT * FROM synthesis_sections WHERE workshop_id = ? ORDER BY position",
            (workshop_id,),
        )
        return [_section(r) for r in rows]

    def add_synthesis_section(
        self, section: SynthesisSection, *, position: int | None = None
    ) -> SynthesisSection:
        self.workshop(section.workshop_id)
        with self._write() as db:
            count = self.conn.execute(
                "SELECT count(*) FROM synthesis_sections WHERE workshop_id = ?",
                (section.workshop_id,),
            ).fetchone()[0]
            section.position = count if position is None else max(0, min(position, count))
            self.conn.execute(
                "UPDATE synthesis_sections SET position = position + 1 "
                "WHERE workshop_id = ? AND position >= ?",
                (section.workshop_id, section.position),
            )
            db.table("synthesis_sections").insert(
                {
                    "id": section.id,
                    "workshop_id": section.workshop_id,
                    "position": section.position,
                    "heading": section.heading,
                    "body": section.body,
                    "created": section.created,
                    "updated": section.updated,
                }
            )
        return section

    def update_synthesis_section(
        self, section_id: str, *, heading: str | None = None, body: str | None = None
    ) -> SynthesisSection:
        row = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        if row is None:
            raise NotFound(id=section_id)
        section = _section(row)
        changes: dict[str, Any] = {}
        if heading is not None:
            section.heading = changes["heading"] = heading
        if body is not None:
            section.body = changes["body"] = body
        section.updated = changes["updated"] = now_iso()
        changes["edited"] = self._stamps("synthesis_sections", section_id, changes)
        with self._write() as db:
            db.table("synthesis_sections").update(section_id, changes)
        return section

    def move_synthesis_section(self, section_id: str, position: int) -> SynthesisSection:
        row = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        if row is None:
            raise NotFound(id=section_id)
        with self._write():
            self._reposition(
                "synthesis_sections", "workshop_id = ?", (row["workshop_id"],), section_id, position
            )
        moved = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        assert moved is not None
        return _section(moved)

    def delete_synthesis_section(self, section_id: str) -> SynthesisSection:
        row = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        if row is None:
            raise NotFound(id=section_id)
        section = _section(row)
        with self._write():
            self.conn.execute("DELETE FROM synthesis_sections WHERE id = ?", (section_id,))
            self.conn.execute(
                "UPDATE synthesis_sections SET position = position - 1 "
                "WHERE workshop_id = ? AND position > ?",
                (section.workshop_id, section.position),
            )
        return section

    # ------------------------------------------------------------- glossary

    def glossary(self, workshop_id: str) -> list[GlossaryEntry]:
        rows = self._all(
            "SELECT * FROM glossary_entries WHERE workshop_id = ? ORDER BY kind, term COLLATE NOCASE",
            (workshop_id,),
        )
        return [_glossary_entry(r) for r in rows]

    def put_glossary_entry(self, entry: GlossaryEntry) -> GlossaryEntry:
        """Add an entry, or replace the words of the workshop's entry of that kind and term."""
        checked_glossary_entry(entry)
        self.workshop(entry.workshop_id)
        existing = self._one(
            "SELECT * FROM glossary_entries WHERE workshop_id = ? AND kind = ? AND term = ?",
            (entry.workshop_id, str(entry.kind), entry.term),
        )
        entry.updated = now_iso()
        with self._write():
            if existing is not None:
                entry.id, entry.created = existing["id"], existing["created"]
                self.conn.execute(
                    "UPDATE glossary_entries SET words = ?, updated = ? WHERE id = ?",
                    (_dump(entry.words), entry.updated, entry.id),
                )
            else:
                self.conn.execute(
                    "INSERT INTO glossary_entries (id, workshop_id, kind, term, words, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        entry.id,
                        entry.workshop_id,
                        str(entry.kind),
                        entry.term,
                        _dump(entry.words),
                        entry.created,
                        entry.updated,
                    ),
                )
        return entry

    def delete_glossary_entry(self, entry_id: str) -> GlossaryEntry:
        row = self._one("SELECT * FROM glossary_entries WHERE id = ?", (entry_id,))
        if row is None:
            raise NotFound(id=entry_id)
        with self._write():
            self.conn.execute("DELETE FROM glossary_entries WHERE id = ?", (entry_id,))
        return _glossary_entry(row)

    # --------------------------------------------------------------- bulk

    def add_participant_with_items(
        self, participant: Participant, items: Sequence[Item], *, position: int | None = None
    ) -> Participant:
        """A whole grid row in one transaction (import, paste of a row)."""
        self.workshop(participant.workshop_id)
        with self._write():
            self._insert_participant(participant, position)
            self._insert_items_in_order(participant.id, items)
        return participant

    def add_grid(self, rows: Sequence[tuple[Participant, Sequence[Item]]]) -> int:
        """Many grid rows in one transaction (an import): all of them or none."""
        with self._write():
            for participant, items in rows:
                self._insert_participant(participant, None)
                self._insert_items_in_order(participant.id, items)
        return len(rows)

    def reimport_grid(
        self, workshop_id: str, rows: Sequence[tuple[Participant, Sequence[Item]]]
    ) -> ReimportSummary:
        """Bring a workshop in line with a grid imported again, in one transaction.

        A grid row is the same participant as before when its participant cell reads the
        same (or names the same people); its cells then keep the ids of unchanged and
        edited lines, so every decision on them survives. A line gone from the grid is
        dropped, unless a confirmed or manual match holds it. Participants of the file
        that the grid no longer has are kept: nothing typed in Atelier is lost.
        """
        self.workshop(workshop_id)
        result = ReimportSummary()
        existing = self.participants(workshop_id)
        by_key: dict[str, Participant] = {}
        for participant in existing:
            for key in _participant_keys(participant):
                by_key.setdefault(key, participant)
        held = {
            item_id
            for m in self.matches(workshop_id)
            if m.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
            for item_id in (m.need_id, m.resource_id)
        }
        seen: set[str] = set()
        now = now_iso()
        with self._write():
            for participant, new_items in rows:
                old = next(
                    (
                        by_key[k]
                        for k in _participant_keys(participant)
                        if k in by_key and by_key[k].id not in seen
                    ),
                    None,
                )
                if old is None:
                    participant.workshop_id = workshop_id
                    self._insert_participant(participant, None)
                    self._insert_items_in_order(participant.id, new_items)
                    result.added += 1
                    continue
                seen.add(old.id)
                result.updated += 1
                self.conn.execute(
                    "UPDATE participants SET names = ?, organisation = ?, territory = ?, role = ?, "
                    "source_text = ?, source_cells = ?, updated = ? WHERE id = ?",
                    (
                        _dump(participant.names),
                        participant.organisation,
                        participant.territory,
                        participant.role,
                        participant.source_text,
                        json.dumps(participant.source_cells, ensure_ascii=False),
                        now,
                        old.id,
                    ),
                )
                for kind in ITEM_KINDS:
                    texts = [i.text.strip() for i in new_items if i.kind == kind and i.text.strip()]
                    before = self.items(old.id, kind)
                    ids = _align_ids([i.text for i in before], [i.id for i in before], texts)
                    kept = set(ids)
                    stays = [i for i in before if i.id not in kept and i.id in held]
                    result.kept_items += len(stays)
                    for item in before:
                        if item.id not in kept and item.id not in held:
                            self.conn.execute("DELETE FROM items WHERE id = ?", (item.id,))
                    lines = list(zip(ids, texts, strict=True)) + [(i.id, i.text) for i in stays]
                    old_by_id = {i.id: i for i in before}
                    for position, (item_id, text) in enumerate(lines):
                        if item_id in old_by_id:
                            self.conn.execute(
                                "UPDATE items SET text = ?, position = ?, "
                                "updated = CASE WHEN text != ? THEN ? ELSE updated END WHERE id = ?",
                                (text, position, text, now, item_id),
                            )
                        else:
                            self._insert_item_row(Item(old.id, kind, text, position, id=item_id), shift=False)
            result.absent = len([p for p in existing if p.id not in seen])
        return result

    def _insert_items_in_order(self, participant_id: str, items: Sequence[Item]) -> None:
        counts: dict[str, int] = {}
        for item in items:
            item.kind = ItemKind(item.kind)
            item.participant_id = participant_id
            item.position = counts.get(item.kind, 0)
            counts[item.kind] = item.position + 1
            self._insert_item_row(item, shift=False)

    # --------------------------------------------------------------- summary

    def summary(self) -> FileSummary:
        workshops = [(w.id, w.title, w.date) for w in self.workshops()]
        participants = self.conn.execute("SELECT count(*) FROM participants").fetchone()[0]
        items = {kind: 0 for kind in ITEM_KINDS}
        for kind, count in self.conn.execute("SELECT kind, count(*) FROM items GROUP BY kind"):
            items[ItemKind(kind)] = count
        matches = {status: 0 for status in MatchStatus}
        for status, count in self.conn.execute("SELECT status, count(*) FROM matches GROUP BY status"):
            matches[MatchStatus(status)] = count
        return FileSummary(workshops, int(participants), items, matches)


# ------------------------------------------------------------------ helpers


def _negated(text: str) -> str:
    """A key that sorts ISO dates newest first (and no date last)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text) if text else "\U0010ffff"


def _participant_keys(participant: Participant) -> list[str]:
    """How a re-imported grid row is recognised: its cell text, then the people it names."""
    from atelier.french import fold

    def plain(text: str) -> str:
        return " ".join(fold(text).split())

    keys = []
    if participant.source_text.strip():
        keys.append("cell:" + plain(participant.source_text))
    names = sorted(plain(n) for n in participant.names if n.strip())
    if names:
        keys.append("names:" + "|".join(names))
    return keys


def _align_ids(old_texts: list[str], old_ids: list[str], new_texts: list[str]) -> list[str]:
    """Which existing item each new line is: equal lines keep their item, edited lines
    (replaced one for one) keep theirs too, extra lines get new ids."""
    import difflib

    from atelier.domain import new_id

    ids: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_texts, b=new_texts, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            ids += old_ids[a0:a1]
        elif tag == "replace":
            paired = min(a1 - a0, b1 - b0)
            ids += old_ids[a0 : a0 + paired]
            ids += [new_id() for _ in range(b1 - b0 - paired)]
        elif tag == "insert":
            ids += [new_id() for _ in range(b1 - b0)]
    return ids


def _app_version() -> str:
    from atelier import __version__

    return __version__


def _in_memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    conn.backup(memory)
    conn.close()
    memory.execute("PRAGMA foreign_keys = ON")
    return memory


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file on disk; None where the system gives no inodes."""
    try:
        found = os.stat(path)
    except OSError:
        return (-1, -1)
    return (found.st_dev, found.st_ino) if found.st_ino else None


def _io_error(path: Path, exc: sqlite3.Error) -> AtelierError:
    return sqlite_failure(exc, path)


def checked_glossary_entry(entry: GlossaryEntry) -> GlossaryEntry:
    """The entry as it is stored (kind, term and words trimmed), or InvalidValue if empty."""
    entry.kind = GlossaryKind(entry.kind)
    entry.term = entry.term.strip()
    entry.words = [w.strip() for w in entry.words if w.strip()]
    if not entry.term or not entry.words:
        raise InvalidValue("glossary.empty")
    return entry


def validate_workshop(workshop: Workshop) -> None:
    if not workshop.title.strip():
        raise InvalidValue("title.empty")
    if workshop.date:
        from datetime import date

        try:
            date.fromisoformat(workshop.date)
        except ValueError:
            raise InvalidValue("date.invalid", value=workshop.date) from None


def _workshop(row: sqlite3.Row) -> Workshop:
    return Workshop(
        id=row["id"],
        title=row["title"],
        date=row["date"],
        place=row["place"],
        organiser=row["organiser"],
        # A file read (not migrated) at a format before 6 has no contact column.
        contact=row["contact"] if "contact" in set(row.keys()) else "",
        description=row["description"],
        themes=_json_list(row["themes"]),
        created=row["created"],
        updated=row["updated"],
    )


def _participant(row: sqlite3.Row) -> Participant:
    return Participant(
        id=row["id"],
        workshop_id=row["workshop_id"],
        position=row["position"],
        names=_json_list(row["names"]),
        organisation=row["organisation"],
        territory=row["territory"],
        role=row["role"],
        contact=row["contact"],
        source_text=row["source_text"],
        source_cells=_json_dict(row["source_cells"]),
        created=row["created"],
        updated=row["updated"],
    )


def _item(row: sqlite3.Row) -> Item:
    return Item(
        id=row["id"],
        participant_id=row["participant_id"],
        kind=ItemKind(row["kind"]),
        position=row["position"],
        text=row["text"],
        created=row["created"],
        updated=row["updated"],
    )


def _match(row: sqlite3.Row) -> Match:
    return Match(
        id=row["id"],
        workshop_id=row["workshop_id"],
        need_id=row["need_id"],
        resource_id=row["resource_id"],
        status=MatchStatus(row["status"]),
        score=float(row["score"]),
        reasons=_reasons(row["reasons"]),
        note=row["note"],
        follow_up=FollowUp(row["follow_up"]),
        created=row["created"],
        updated=row["updated"],
        follow_up_changed=row["follow_up_changed"],
    )


def _section(row: sqlite3.Row) -> SynthesisSection:
    return SynthesisSection(
        id=row["id"],
        workshop_id=row["workshop_id"],
        position=row["position"],
        heading=row["heading"],
        body=row["body"],
        created=row["created"],
        updated=row["updated"],
    )


def _glossary_entry(row: sqlite3.Row) -> GlossaryEntry:
    return GlossaryEntry(
        id=row["id"],
        workshop_id=row["workshop_id"],
        kind=GlossaryKind(row["kind"]),
        term=row["term"],
        words=_json_list(row["words"]),
        created=row["created"],
        updated=row["updated"],
    )
