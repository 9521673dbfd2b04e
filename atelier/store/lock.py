"""One writer per .atelier file: an OS lock on a companion file, released if the process dies."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO


def _machine() -> str:
    """This computer's name, to say who holds the file (without importing socket at startup)."""
    if hasattr(os, "uname"):
        return os.uname().nodename  # what socket.gethostname() answers
    import socket

    return socket.gethostname()


def lock_path(database: Path) -> Path:
    return database.with_name(f".~lock.{database.name}")


class WriterLock:
    """Held while a window edits the file; a second window or process opens it read-only."""

    def __init__(self, database: Path) -> None:
        # Beside the file itself, not beside a link to it (a shortcut in another folder): two
        # windows, one given the link, hold the same lock.
        self.path = lock_path(Path(os.path.realpath(database)))
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        try:
            handle, ours = self._open()
        except OSError:
            return True  # cannot make a lock file (read-only folder): nothing to protect
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
                handle.write(f"{_machine()} {os.getpid()}\n".encode())
        self._handle = handle
        return True

    def _open(self) -> tuple[IO[bytes], bool]:
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
            descriptor = os.open(self.path, flags, 0o644)
        except PermissionError:
            # A lock file this user may not write (another user's, on a shared folder; one
            # copied read-only) is a lock all the same: tried as it is, never written.
            descriptor = os.open(self.path, os.O_RDONLY | exact)
            mode = "rb"
        except OSError as exc:
            if exc.errno != errno.ELOOP and not self.path.is_symlink():
                raise
            self.path.unlink()  # the link, not what it names
            descriptor = os.open(self.path, flags | os.O_EXCL, 0o644)
        try:
            found = os.fstat(descriptor)
            ours = mode == "r+b" and stat.S_ISREG(found.st_mode) and found.st_nlink == 1
            return os.fdopen(descriptor, mode, buffering=0), ours  # unbuffered: nothing to flush
        except BaseException:
            os.close(descriptor)
            raise

    def owner(self) -> str:
        with contextlib.suppress(OSError):
            return self.path.read_text(encoding="utf-8").strip()
        return ""

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self._handle.close()  # closing drops the OS lock
        self._handle = None


def abandoned(lock: Path) -> bool:
    """Whether a lock file was left by a process that died: nobody holds its OS lock and
    the process it names (on this machine) is gone."""
    try:
        text = lock.read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return False
    if len(text) != 2 or text[0] != _machine() or not text[1].isdigit() or pid_alive(int(text[1])):
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
