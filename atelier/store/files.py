"""Files on disk: every file Atelier writes is written whole, or not at all, and never one it
was not asked to write.

`replacing(target)` is the one way Atelier writes a file (a new workshop, an import, a merge,
a copy, an export): it refuses what it must refuse before a byte is written, yields a
temporary path beside the target, and puts it in place with one rename once it is complete
and synced. A failure, a full disk, a kill, leaves the target as it was.

Temporaries carry the writing process's id in their name (`.NAME.~atelier-PID.tmp`); the
next command that writes in a folder removes those of processes that are no longer running
(never those of a live one), with their SQLite side files.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from atelier.errors import AtelierError, FileRefused
from atelier.lazy import regex
from atelier.stopping import refuse_if_abandoned
from atelier.store.lock import pid_alive

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
NAME_LIMIT = 255  # bytes in one file name, on every file system Atelier meets

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Temporaries written by this version and by earlier ones (left by a killed process).
_TEMPORARY = regex(
    r"^\.(?:"
    r".+\.~atelier-(?P<pid>\d+)(?:@(?P<host>[A-Za-z0-9-]*))?\.tmp"  # today's
    r"|.+\.import-(?P<pid_import>\d+)\.tmp"  # imports, before
    r"|.+\.(?P<pid_merge>\d+)\.merge\.tmp"  # merges, before
    r"|.+\.atelier\.(?P<pid_copy>\d+)\.tmp"  # new files and copies, before
    r"|.+\.(?P<pid_export>\d+)\.tmp\.(?:xlsx|docx|json|png|csv)"  # exports, before
    r")(?:-wal|-shm|-journal)?$"
)
_LOCK = regex(r"^\.~lock\.(?P<name>.+\.atelier)$")


# ------------------------------------------------------------------ errors


def os_failure(exc: OSError, path: str | os.PathLike[str], *, writing: bool = False) -> AtelierError:
    """The one sentence that names what really went wrong with a file, in the user's language."""
    path = Path(path)
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return FileRefused("disk.full", path=path)
    if code == errno.EFBIG:
        return FileRefused("file.too_large_for_system", path=path)
    if code == errno.ENOENT:
        folder = path.parent if str(path.parent) else Path(".")
        if writing or not folder.is_dir():
            return (
                FileRefused("folder.missing", path=folder)
                if not folder.is_dir()
                else FileRefused("file.missing", path=path)
            )
        return FileRefused("file.missing", path=path)
    if code == errno.ELOOP:
        return FileRefused("file.loop", path=path)
    if code == errno.ENAMETOOLONG:
        # The name too long may be a folder's on the way (« …/dddd…/x.atelier »); none of
        # them: the whole path is longer than the system takes.
        parts = [part for part in path.parts if len(os.fsencode(part)) > NAME_LIMIT]
        if not parts:
            return FileRefused("path.too_long", path=path, length=len(os.fsencode(path)))
        return FileRefused(
            "name.too_long", name=parts[0], length=len(os.fsencode(parts[0])), limit=NAME_LIMIT
        )
    if code == errno.ENOTDIR:
        return FileRefused("folder.not_folder", path=_first_non_folder(path))
    if code == errno.EISDIR:
        return FileRefused("file.is_dir", path=path)
    if code == errno.EROFS:
        return FileRefused("file.readonly", path=path)
    if code in (errno.EACCES, errno.EPERM):
        return FileRefused("file.readonly" if writing else "file.denied", path=path)
    if code in (errno.EBUSY, errno.ETXTBSY):
        return FileRefused("file.locked", path=path)
    if code in (errno.EIO, errno.ENXIO, errno.ENODEV):
        return FileRefused("disk.io", path=path)
    return FileRefused("file.io", path=path, detail=exc.strerror or str(exc))


def _first_non_folder(path: Path) -> Path:
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path.parent


# --------------------------------------------------------------- inspecting


def regular_file(path: str | os.PathLike[str]) -> os.stat_result:
    """The file's status; refuses a missing path, a folder, a loop, a pipe or a device with
    its own sentence, without ever opening it (a pipe would block forever)."""
    path = Path(path)
    try:
        found = os.stat(path)
    except OSError as exc:
        raise os_failure(exc, path) from None
    except ValueError:  # an embedded NUL
        raise FileRefused("file.missing", path=path) from None
    if stat.S_ISDIR(found.st_mode):
        raise FileRefused("file.is_dir", path=path)
    if not stat.S_ISREG(found.st_mode):
        raise FileRefused("file.not_regular", path=path)
    return found


# Descriptors of SQLite files that this process read while they were open (by SQLite here or
# elsewhere), kept open for good, as SQLite itself keeps its own: closing any descriptor of a
# file drops every POSIX lock this process holds on it, SQLite's included. A window reading
# its own file for an export would otherwise lose its lock, and the next program to close
# the file (`atelier match --save`, a SQLite browser) would take itself for the last one and
# delete the journal the window is still writing its edits to.
# The same for the -shm files whose locks were asked about where /proc/locks cannot say (see
# `_locked_by_another_process`).
_KEPT: dict[tuple[int, int], int] = {}
_KEPT_LOCK = threading.RLock()  # read_head asks in_use while holding it


def read_head(path: str | os.PathLike[str], count: int = 100) -> tuple[bytes, int]:
    """The first bytes of a regular file and its size, opened so that a pipe cannot block;
    never by closing a descriptor of a database open in this process (see `_KEPT`)."""
    found = regular_file(path)
    with _KEPT_LOCK:
        kept = _KEPT.get((found.st_dev, found.st_ino))
        if kept is not None:
            try:
                return os.pread(kept, count, 0), os.fstat(kept).st_size
            except OSError as exc:
                raise os_failure(exc, path) from None
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(path, flags)
        except OSError as exc:
            raise os_failure(exc, path) from None
        keep = False
        try:
            found = os.fstat(descriptor)
            if not stat.S_ISREG(found.st_mode):  # swapped for a pipe since the check
                raise FileRefused("file.not_regular", path=Path(path))
            head = os.read(descriptor, count)
            keep = (
                os.name != "nt"
                and head.startswith(_SQLITE_MAGIC)
                and _held_here_too(descriptor, (found.st_dev, found.st_ino))
                and in_use(Path(path))
            )
            if keep:
                _KEPT[(found.st_dev, found.st_ino)] = descriptor
            return head, found.st_size
        except OSError as exc:
            raise os_failure(exc, path) from None
        finally:
            if not keep:
                os.close(descriptor)


def _held_here_too(descriptor: int, identity: tuple[int, int]) -> bool:
    """Whether this process may have the file open through another descriptor than
    `descriptor` (SQLite's, holding its locks). When it has none, it holds no POSIX lock on
    the file, and closing `descriptor` drops nothing: the list of every lock on the system
    (`in_use`, /proc/locks) need not be read. Reading that list write-locks the kernel's lock
    lists, which waits for an RCU grace period: 5 to 20 ms of every window's start, for a
    file that nothing in the process has open yet. Linux lists a process's descriptors in
    /proc/self/fd; elsewhere this cannot tell: True."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return True
    for name in names:
        if name == str(descriptor):
            continue
        try:
            found = os.stat(f"/proc/self/fd/{name}")  # the file it names, even deleted
        except OSError:
            continue  # closed since it was listed (the listing's own descriptor)
        if (found.st_dev, found.st_ino) == identity:
            return True
    return False


def is_atelier_file(path: str | os.PathLike[str]) -> bool:
    """Whether the file's header says Atelier (whatever its name), read without SQLite."""
    from atelier.store.schema import APPLICATION_ID

    try:
        head, _size = read_head(path, 100)
    except AtelierError:
        return False
    return (
        len(head) >= 72
        and head.startswith(_SQLITE_MAGIC)
        and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    )


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return (found.st_dev, found.st_ino)


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (by inode: links included)."""
    found = _identity(Path(first))
    return found is not None and found == _identity(Path(second))


def in_use(path: Path) -> bool:
    """Whether a process (this one included) has this SQLite database open right now.

    SQLite holds POSIX locks while a database is open: in WAL mode, a shared lock on a byte
    of the `-shm` file for as long as the connection lives, and locks on the database file
    during each access. On Linux /proc/locks lists them all without opening anything (a
    process that closes any handle of a file drops its own POSIX locks on it, so we must
    not open the files of a database this process may hold). Elsewhere, F_GETLK asks.
    """
    targets = {i for i in (_identity(path), _identity(path.with_name(path.name + "-shm"))) if i}
    if not targets:
        return False
    with _KEPT_LOCK:
        if targets & _OPEN_HERE.keys():  # F_GETLK, below, never sees this process's own locks
            return True
    listing = _posix_locks()
    if listing is not None:
        for line in listing.splitlines():
            fields = line.split()
            if "->" in fields:  # a process waiting for a lock: the holder's line is there too
                fields.remove("->")
            if len(fields) < 6 or fields[1] != "POSIX":
                continue
            try:
                major, minor, inode = fields[5].split(":")
                device = os.makedev(int(major, 16), int(minor, 16))
                if (device, int(inode)) in targets:
                    return True
            except ValueError:
                continue
        return False
    return _locked_by_another_process(path.with_name(path.name + "-shm"))


# The databases this process has open through a Store (the window's file, an export reading
# it again), with how many Stores: `in_use` counts them without asking the system, which
# cannot say it where /proc/locks is missing (F_GETLK does not report a process's own locks).
_OPEN_HERE: dict[tuple[int, int], int] = {}


def opened_here(path: Path) -> tuple[int, int] | None:
    """Note that a Store of this process has the database open; its identity, for
    `closed_here`."""
    found = _identity(path)
    if found is not None:
        with _KEPT_LOCK:
            _OPEN_HERE[found] = _OPEN_HERE.get(found, 0) + 1
    return found


def closed_here(identity: tuple[int, int] | None) -> None:
    if identity is None:
        return
    with _KEPT_LOCK:
        left = _OPEN_HERE.get(identity, 0) - 1
        if left > 0:
            _OPEN_HERE[identity] = left
        else:
            _OPEN_HERE.pop(identity, None)


def _posix_locks() -> str | None:
    """Every POSIX lock of the machine (Linux's /proc/locks), read without opening the files
    locked; None where there is no such list (macOS, BSD) or it cannot be read."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None


def _locked_by_another_process(shm: Path) -> bool:
    """F_GETLK on the byte SQLite keeps locked in `-shm` while a connection is open, asked
    through a descriptor of the -shm kept open for good (see `_KEPT`): closing one would drop
    this process's own SQLite locks on it (the window's, when it checks its own file)."""
    if os.name == "nt":
        return False
    import fcntl
    import struct

    if sys.platform == "darwin":
        layout = "qqihh"
        request = struct.pack(layout, 128, 1, 0, fcntl.F_WRLCK, os.SEEK_SET)
    else:
        layout = "hhqqi"
        request = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0)
    request += b"\0" * 16
    with _KEPT_LOCK:
        found = _identity(shm)
        if found is None:
            return False
        descriptor = _KEPT.get(found)
        try:
            if descriptor is None:
                descriptor = os.open(shm, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
                opened = os.fstat(descriptor)
                # Kept for good, never closed (one of a file swapped since stays open too).
                _KEPT[(opened.st_dev, opened.st_ino)] = descriptor
            answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, request)
        except FileNotFoundError:
            return False
        except OSError:
            return True
    values = struct.unpack(layout, answer[: struct.calcsize(layout)])
    kind = values[3] if sys.platform == "darwin" else values[0]
    return bool(kind != fcntl.F_UNLCK)


# ----------------------------------------------------------- temporaries


def stale_temporaries(folder: Path) -> list[Path]:
    """Temporaries in `folder` left by Atelier processes that are no longer running."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match is None:
            continue
        host = match.group("host")
        if host is not None and host != _HOST:
            continue  # written by another computer sharing the folder: not ours to judge
        pid = next(int(v) for k, v in match.groupdict().items() if k != "host" and v is not None)
        if not pid_alive(pid):
            found.append(Path(entry.path))
    return found


def remove_stale_temporaries(folder: Path) -> None:
    """Tidy up after killed processes: their temporaries and their abandoned lock files.
    Never fails the command that called it."""
    for path in stale_temporaries(folder):
        with contextlib.suppress(OSError):
            if not path.is_dir():
                path.unlink()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _LOCK.match(entry.name):
                _remove_abandoned_lock(Path(entry.path))


def _remove_abandoned_lock(lock: Path) -> None:
    """A writer's lock file whose process died (the OS dropped its lock, the file stayed)."""
    from atelier.store.lock import abandoned

    if abandoned(lock):
        with contextlib.suppress(OSError):
            lock.unlink()


# ------------------------------------------------------------------ writing


def check_output_name(target: Path) -> None:
    """Refuse, before anything is written, a name the file system or the user cannot use."""
    name = target.name
    try:
        encoded = name.encode("utf-8")
    except UnicodeEncodeError:
        raise FileRefused("name.not_utf8", path=target) from None
    if not name or name in (".", ".."):
        raise FileRefused("file.is_dir", path=target)
    if len(encoded) > NAME_LIMIT:
        raise FileRefused("name.too_long", name=name, length=len(encoded), limit=NAME_LIMIT)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        found = os.stat(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise FileRefused("folder.missing", path=folder) from None
        raise os_failure(exc, folder, writing=True) from None
    if not stat.S_ISDIR(found.st_mode):
        raise FileRefused("folder.not_folder", path=folder)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise os_failure(exc, target, writing=True) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise FileRefused("file.is_dir", path=target)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise FileRefused("file.not_regular", path=target)
    if not os.access(folder, os.W_OK) or not found.st_mode & 0o222:
        raise FileRefused("file.readonly", path=target)
    if existing is not None and not existing.st_mode & 0o222:
        raise FileRefused("file.readonly", path=target)


def _host() -> str:
    """This computer's short name, as it can sit in a file name."""
    from atelier.store.lock import _machine

    return re.sub(r"[^A-Za-z0-9-]", "", _machine().split(".")[0])[:24]


_HOST = _host()


# Extensions people read as a format: an export carrying one of them gets that format or is
# refused (a Word document named « .xlsx » would open as a damaged workbook), and a workshop
# file is never written under one of them. A name with no extension, or another one
# (« .txt », « .bak »), is written as asked: it claims nothing.
DOCUMENT_SUFFIXES = frozenset(
    (".docx", ".doc", ".odt", ".rtf", ".pdf", ".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".json", ".html")
)


WORKSHOP_SUFFIX = ".atelier"
# An extension, as a name given to a workshop file may end with one: a few letters (and
# digits after them), all small or all capitals (« .db », « .sqlite3 », « .TXT »); « .11 » in
# « Atelier du 30.11 » or « .Paul » in « Atelier St.Paul » are part of the name.
_EXTENSION = regex(r"\.(?:[a-z][a-z0-9]{0,7}|[A-Z][A-Z0-9]{0,7})")


def workshop_target(name: str | os.PathLike[str]) -> Path:
    """The workshop file a name given to be written means, as a desktop app's save dialog
    reads it: the name as given when it ends in .atelier or something is there already (a
    folder, a file made before: the checks that follow say what they say); « .atelier »
    added to a name with no extension (« sortie » is « sortie.atelier », which the window's
    Open dialog lists and a double-click opens). Refused, before anything is written: a name
    ending in another extension (« sortie.db »), and the name with « .atelier » added when a
    file has it already: the user did not name that file, it is never replaced."""
    given = Path(name)
    if given.suffix.lower() == WORKSHOP_SUFFIX or os.path.lexists(given):
        return given
    refuse_side_file(given)  # « a.atelier-journal »: another file's journal, not a name to complete
    if _EXTENSION.fullmatch(given.suffix):
        raise FileRefused("file.workshop_suffix", path=given, found=given.suffix.lower())
    target = given.with_name(given.name + WORKSHOP_SUFFIX)
    if os.path.lexists(target):
        raise FileRefused("file.exists_not_named", path=target, given=given)
    return target


def workshop_source(name: str | os.PathLike[str]) -> Path:
    """The workshop file a name given to be read means: the name as given when something is
    there (whatever it is: the checks that follow say what they say), else the name with
    « .atelier » added when it has no extension and that file exists (`import -o monatelier`
    wrote « monatelier.atelier », which `info monatelier` then reads); else the name as given,
    said missing."""
    given = Path(name)
    if (
        os.path.lexists(given)
        or given.suffix.lower() == WORKSHOP_SUFFIX
        or _EXTENSION.fullmatch(given.suffix)
    ):
        return given
    found = given.with_name(given.name + WORKSHOP_SUFFIX) if given.name not in ("", ".", "..") else given
    return found if os.path.lexists(found) else given


def document_target(name: str | os.PathLike[str], suffix: str) -> Path:
    """The document a name given to an export means, as workshop_target reads a workshop
    file's: « cr » is « cr.docx » (which Word opens on a double-click); a name with an
    extension is as given (check_suffix refuses another format's). The name with `suffix`
    added is refused when a file has it already: the user did not name that file, it is
    never replaced, even with --force."""
    given = Path(name)
    if _EXTENSION.fullmatch(given.suffix) or given.name in ("", ".", "..") or os.path.isdir(given):
        return given
    refuse_side_file(given)  # « a.atelier-wal »: a workshop file's journal, refused as it is
    target = given.with_name(given.name + suffix)
    if os.path.lexists(target):
        raise FileRefused("export.exists_not_named", path=target, given=given, suffix=suffix)
    return target


class _Writes:
    committing = False
    kept: Path | None = None  # the copy of the last workshop file replaced (atelier.backups)


# Whether this process has put a change in a workshop file or an export (a transaction
# committing, a finished temporary renamed into place). The command line then lets the
# command end and say what it did, rather than answer Ctrl+C with « Interrompu. » over a
# file that was changed: run again, it would add a workshop twice. A temporary being written
# is not the user's file: until its rename, Ctrl+C still leaves everything as it was.
WRITES = _Writes()


def committing() -> bool:
    return WRITES.committing


def is_temporary(path: Path) -> bool:
    return _TEMPORARY.match(path.name) is not None


def temporary_for(target: Path) -> Path:
    """A hidden name beside `target`, with this process's id and this computer's name (a
    folder shared by two computers: each tidies up only after its own processes), short
    enough for the disk."""
    tail = f".~atelier-{os.getpid()}@{_HOST}.tmp"
    name = target.name
    while len(os.fsencode("." + name + tail)) > NAME_LIMIT:
        name = name[: max(1, len(name) - 8)]
    return target.with_name("." + name + tail)


def refuse_export_target(target: Path, inputs: Sequence[Path] = (), suffix: str | None = None) -> None:
    """An export never replaces its input, any Atelier file, nor SQLite's files beside one.
    `suffix`: the extension of what is exported (« .docx »), the one the refusal tells to use;
    without it, each an export may have."""
    target_id = _identity(target)
    for source in inputs:
        source_id = _identity(source)
        if target_id is not None and target_id == source_id:
            raise FileRefused("export.onto_input", path=target)
        if source_id is not None:
            for side in side_files(source):
                if target_id is not None and target_id == _identity(side):
                    raise FileRefused("export.onto_side_file", path=target, base=source)
    # The extension of what the user is exporting, never a list of every format's.
    from atelier.i18n import message

    said = suffix or message("export.any_suffix")
    if target.suffix.lower() == ".atelier":
        # A name not taken yet is no workshop file: said as the name it is.
        key = "export.onto_atelier" if os.path.lexists(target) else "export.named_atelier"
        raise FileRefused(key, path=target, suffix=said)
    if target_id is not None and is_atelier_file(target):
        raise FileRefused("export.onto_atelier", path=target, suffix=said)
    refuse_side_file(target)


def refuse_side_file(target: Path) -> None:
    """Nothing is written under the name of a workshop file's journal or lock: SQLite and the
    lock take those names as theirs, and the next write into the workshop file deletes it."""
    for suffix in SIDE_SUFFIXES:
        if target.name.endswith(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.exists() and is_atelier_file(base):
                raise FileRefused("export.onto_side_file", path=target, base=base)
    if _LOCK.match(target.name):
        raise FileRefused("export.onto_side_file", path=target, base=target.with_name(target.name[7:]))


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _remove(path: Path) -> None:
    for leftover in (path, *side_files(path)):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def replacing(
    target: str | os.PathLike[str],
    *,
    workshop: bool = False,
    replace: bool = True,
    inputs: Sequence[str | os.PathLike[str]] = (),
    export: bool = False,
) -> Iterator[Path]:
    """Write `target` whole or not at all: yields a temporary path beside it to fill.

    Refused before anything is written: a name the disk cannot take, a missing or read-only
    folder, a folder or a pipe in the way, an existing file unless `replace`, one of the
    `inputs` (by inode: links included). An export (`export`) never replaces an Atelier file.
    A workshop file (`workshop`) is not replaced while another window or program has it
    open, and the SQLite side files of the file it replaces go with it (a `-wal` left
    beside the new file would be read into it).
    """
    target = Path(target)
    try:
        linked = target.is_symlink() and target.exists()
    except OSError as exc:  # a name the disk cannot take (too long): said as such
        raise os_failure(exc, target, writing=True) from None
    if linked:
        # A shortcut to the file (on the desktop, to a synced folder): what is written goes
        # where it leads, as `cp` writes, and the link stays; replacing the link itself would
        # leave the real file as it was, and that is the one the user opens next.
        target = Path(os.path.realpath(target))
    check_output_name(target)
    sources = [Path(p) for p in inputs]
    if export:
        refuse_export_target(target, sources)
    else:
        target_id = _identity(target)
        for source in sources:
            if target_id is not None and target_id == _identity(source):
                raise FileRefused("file.is_input", path=target)
        refuse_side_file(target)
    if os.path.lexists(target) and not replace:  # a dangling link too: something is there
        raise FileRefused("file.exists", path=target)
    if workshop and _something_else(target):  # --force replaces a workshop, not a grid
        raise FileRefused("file.not_a_workshop", path=target)
    if workshop and target.suffix.lower() in DOCUMENT_SUFFIXES:  # SQLite named « .docx »
        raise FileRefused("file.workshop_suffix", path=target, found=target.suffix.lower())
    if workshop:
        refuse_if_open(target)  # said now, before the work; checked again at the rename
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(folder)
    temp = temporary_for(target)
    _remove(temp)
    try:
        yield temp
        _sync(temp)
        refuse_if_abandoned()  # the window closed meanwhile: the file it replaces stays as it was
        WRITES.committing = True  # the rename below makes it the user's file
        if workshop:
            _put_workshop_in_place(temp, target, replace=replace)
        elif replace:
            os.replace(temp, target)
        else:
            _put_new_in_place(temp, target)
        _fsync_folder(folder)
    except OSError as exc:
        raise os_failure(exc, target, writing=True) from None
    except AtelierError as exc:  # said of the temporary (SQLite's full disk): said of the file
        raise naming(exc, temp, target) from None
    finally:
        _remove(temp)


def naming(error: AtelierError, temp: Path, target: Path) -> AtelierError:
    """`error` with the file the user named in place of the hidden temporary written for it
    (« .nouveau.atelier.~atelier-123.tmp » means nothing to them; « nouveau.atelier » does)."""
    names = {str(temp), os.fspath(temp.absolute())}
    if not any(str(value) in names for value in error.params.values()):
        return error
    params = {key: (target if str(value) in names else value) for key, value in error.params.items()}
    renamed = type(error).__new__(type(error))
    AtelierError.__init__(renamed, error.key, **params)
    return renamed


def _something_else(target: Path) -> bool:
    """A file with content that is not a workshop file (a Word grid, notes, a spreadsheet):
    never replaced by a workshop, whatever --force says. An empty file holds nothing."""
    try:
        return target.is_file() and target.stat().st_size > 0 and not is_atelier_file(target)
    except OSError:
        return False


def _sync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def _nobody_else_has(target: Path, *, replace: bool = True) -> Iterator[None]:
    """Hold `target`'s writer lock while nobody has it open: refused in one sentence if
    another window (or any program) has it, or, unless `replace`, if it exists (checked
    under the lock every command takes to put a file of that name in place)."""
    from atelier.store.lock import COMMAND, WriterLock, held_elsewhere

    lock = WriterLock(target, COMMAND)  # held for as long as the file is replaced
    if not lock.acquire():
        if not replace and os.path.lexists(target):
            raise FileRefused("file.exists", path=target)
        raise held_elsewhere(target)
    try:
        if not replace and os.path.lexists(target):
            raise FileRefused("file.exists", path=target)
        if in_use(target):
            raise FileRefused("file.locked", path=target)
        yield
    finally:
        lock.release()


def refuse_if_open(target: Path) -> None:
    """Refuse to replace a workshop file another window (or any program) has open."""
    with _nobody_else_has(target):
        pass


def _put_new_in_place(temp: Path, target: Path) -> None:
    """Give a finished file the name `target` only if that name is still free: another command
    may have written a file of that name while this one was written (three `atelier export
    --xlsx same.xlsx` at once: all found none when they began), and a rename would replace it.
    A hard link takes the name or fails, in one step; where the disk has none (FAT, some
    network shares), the name is taken by creating it empty first, then the file renamed
    over that empty one, its own."""
    try:
        os.link(temp, target)  # the temporary itself is removed by the caller
        return
    except FileExistsError:
        raise FileRefused("file.exists", path=target) from None
    except OSError:
        pass  # no hard links here: the name taken another way
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise FileRefused("file.exists", path=target) from None
    try:
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            target.unlink()  # the empty file this command made, nobody else's
        raise


def _put_workshop_in_place(temp: Path, target: Path, *, replace: bool = True) -> None:
    """Rename a finished workshop file over `target`, unless someone has `target` open, or,
    unless `replace`, another command made a file of that name while this one was built (two
    `atelier new` of one name at once: both found none when they began)."""
    with _nobody_else_has(target, replace=replace):
        # A workshop replaced is kept among its backups first, where it can be restored from;
        # not replaced at all if that copy cannot be made.
        if target.is_file() and target.stat().st_size > 0:
            from atelier.backups import keep_replaced

            kept = keep_replaced(target)
            if kept is None:
                raise FileRefused("file.no_backup", path=target)
            WRITES.kept = kept.path
        for side in side_files(target):
            side.unlink(missing_ok=True)
        os.replace(temp, target)
