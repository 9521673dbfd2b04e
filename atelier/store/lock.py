"""One writer per .atelier file: an OS lock on a companion file, released if the process dies."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO

from atelier.errors import FileRefused


def _machine() -> str:
    """This computer's name, to say who holds the file (without importing socket at startup)."""
    if hasattr(os, "uname"):
        return os.uname().nodename  # what socket.gethostname() answers
    import socket

    return socket.gethostname()


def lock_path(database: Path) -> Path:
    return database.with_name(f".~lock.{database.name}")


def identity_lock_path(database: Path) -> Path | None:
    """The lock of the file itself, whatever its name: keyed by its device and inode in a folder
    of this user's (XDG_RUNTIME_DIR, else the temporary folder), so that two names of one file
    (a hard link in another folder) take the same lock. None where the system gives no inode,
    the file does not exist yet (nothing to share), or the folder cannot be trusted."""
    try:
        found = os.stat(database)
    except OSError:
        return None
    if not found.st_ino:
        return None
    folder = _locks_folder()
    if folder is None:
        return None
    return folder / f"{found.st_dev:x}-{found.st_ino:x}.lock"


def _locks_folder() -> Path | None:
    """This user's folder of locks by identity, made private; None if it is not a folder of
    this user's alone (a link or another user's folder put there in a shared /tmp)."""
    import tempfile

    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) if runtime and os.path.isabs(runtime) else Path(tempfile.gettempdir())
    uid = os.getuid() if hasattr(os, "getuid") else None
    folder = base / (f"atelier-verrous-{uid}" if uid is not None else "atelier-verrous")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(found.st_mode):
        return None
    if uid is not None and (found.st_uid != uid or found.st_mode & 0o077):
        return None
    return folder


# Who holds a file, as its lock says after the computer and the process: a window edits it
# (close it to write from elsewhere), a command writes it (wait until it is done).
WINDOW, COMMAND = "window", "command"


class WriterLock:
    """Held while a window edits the file, or a command writes it (`holder`); a second window
    or process opens it read-only."""

    def __init__(self, database: Path, holder: str = WINDOW) -> None:
        self.holder = holder
        # Beside the file itself, not beside a link to it (a shortcut in another folder): two
        # windows, one given the link, hold the same lock.
        self.path = lock_path(Path(os.path.realpath(database)))
        self.database = database
        # The file's own lock (identity_lock_path), found when acquired: another name of it (a
        # hard link) has the same.
        self.identity: Path | None = None
        self._handle: IO[bytes] | None = None
        self._identity_handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        if not self._acquire_path():
            return False
        identity = identity_lock_path(self.database)
        if identity is None:
            return True
        try:
            handle, ours = _open_lock(identity)
        except OSError:
            return True  # cannot make it: the lock beside the file still protects that name
        if not _take(handle, ours, self.holder):
            self.release()  # another name of this file is held: a window or a command has it
            self.identity = identity
            return False
        self.identity, self._identity_handle = identity, handle
        return True

    def _acquire_path(self) -> bool:
        try:
            handle, ours = self._open()
        except OSError:
            return True  # cannot make a lock file (read-only folder): nothing to protect
        if not _take(handle, ours, self.holder):
            return False
        self._handle = handle
        return True

    def _open(self) -> tuple[IO[bytes], bool]:
        return _open_lock(self.path)

    def held_by(self) -> str:
        """What holds the file (`COMMAND`, else `WINDOW`: a lock that does not say, written by an
        earlier version, was a window's or a command's alike, and a window is the one to close)."""
        words = self.owner().split()
        return COMMAND if len(words) == 3 and words[2] == COMMAND else WINDOW

    def owner(self) -> str:
        """« host pid holder » of the window or command that holds the file, under this name or
        another (« host pid » in a lock an earlier version wrote)."""
        for path in (self.path, self.identity or identity_lock_path(self.database)):
            if path is None:
                continue
            with contextlib.suppress(OSError):
                said = path.read_text(encoding="utf-8").strip()
                if said:
                    return said
        return ""

    def release(self) -> None:
        for attribute, path in (("_identity_handle", self.identity), ("_handle", self.path)):
            handle = getattr(self, attribute)
            if handle is None:
                continue
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink()
            with contextlib.suppress(OSError):
                handle.close()  # closing drops the OS lock
            setattr(self, attribute, None)


def held_elsewhere(database: str | os.PathLike[str]) -> FileRefused:
    """The refusal of a file another process holds, said as what holds it: a window to close,
    a command to let finish (« ouvert dans une autre fenêtre » was said of a file an `atelier
    match --save` was writing, with no window open)."""
    key = (
        "file.written_elsewhere" if WriterLock(Path(database)).held_by() == COMMAND else "file.open_elsewhere"
    )
    return FileRefused(key, path=database)


def _take(handle: IO[bytes], ours: bool, holder: str = WINDOW) -> bool:
    """The OS lock on an open lock file, without waiting; written with who holds it when the
    file is a lock file of its own. False (the file closed) when someone else holds it."""
    try:
        if sys.platform == "win32":  # a platform check mypy understands, so both branches type-check
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return False
    if ours:
        with contextlib.suppress(OSError):  # who holds it: a courtesy (a full disk cannot say)
            handle.seek(0)
            handle.truncate()
            handle.write(f"{_machine()} {os.getpid()} {holder}\n".encode())
    return True


def _open_lock(path: Path) -> tuple[IO[bytes], bool]:
    """The lock file, opened without following a link, and whether it is a lock file of
    its own (a plain file of one name) that may be emptied and written. A symbolic link
    left under its name (a shared folder, an archive unpacked with its links) would have
    it write into the file it points to, another workshop file, or the very one being
    opened: the link is taken away (only the link) and a lock file made in its place. A
    second name of another file (a hard link), or a lock file this user may not write, is
    locked, never written."""
    exact = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    flags = os.O_RDWR | os.O_CREAT | exact
    mode = "r+b"
    try:
        descriptor = os.open(path, flags, 0o644)
    except PermissionError:
        # A lock file this user may not write (another user's, on a shared folder; one
        # copied read-only) is a lock all the same: tried as it is, never written.
        descriptor = os.open(path, os.O_RDONLY | exact)
        mode = "rb"
    except OSError as exc:
        if exc.errno != errno.ELOOP and not path.is_symlink():
            raise
        path.unlink()  # the link, not what it names
        descriptor = os.open(path, flags | os.O_EXCL, 0o644)
    try:
        found = os.fstat(descriptor)
        ours = mode == "r+b" and stat.S_ISREG(found.st_mode) and found.st_nlink == 1
        return os.fdopen(descriptor, mode, buffering=0), ours  # unbuffered: nothing to flush
    except BaseException:
        os.close(descriptor)
        raise


def abandoned(lock: Path) -> bool:
    """Whether a lock file was left by a process that died: nobody holds its OS lock and
    the process it names (on this machine) is gone."""
    try:
        text = lock.read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return False
    if len(text) not in (2, 3) or text[0] != _machine() or not text[1].isdigit() or pid_alive(int(text[1])):
        return False
    if os.name == "nt":  # pragma: no cover - an open lock file cannot be removed there anyway
        return True
    import fcntl

    try:
        with lock.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (unsure counts as running)."""
    if pid <= 0:
        return True
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - os.kill(pid, 0) would stop the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))  # type: ignore[attr-defined]
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: it exists
    return True
