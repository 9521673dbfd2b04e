"""SQLite keeps a workshop file safe from other programs with POSIX locks, and closing any
descriptor of a file drops every POSIX lock the process holds on it. Atelier's own checks of
a file (is it in use? what does its header say?) run in the window's process, on the window's
own file (an export, matching across workshops, a second opening): they must never close a
descriptor of it, or the next program to close the file takes itself for the last one and
deletes the journal the window is still writing its edits to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from atelier.domain import Participant
from atelier.store import Store

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="/proc/locks shows every lock of the process"
)


def _locks_held_here(path: Path) -> set[tuple[str, str, str, str]]:
    """This process's POSIX locks on the file and its -shm, as /proc/locks lists them."""
    inodes = {}
    for name, target in (("file", path), ("-shm", path.with_name(path.name + "-shm"))):
        found = os.stat(target)
        inodes[f"{os.major(found.st_dev):02x}:{os.minor(found.st_dev):02x}:{found.st_ino}"] = name
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields or len(fields) < 8 or fields[1] != "POSIX" or fields[4] != str(os.getpid()):
            continue
        if fields[5] in inodes:
            held.add((inodes[fields[5]], fields[3], fields[6], fields[7]))
    return held


def _seen_by_another_process(path: Path, sql: str, mode: str = "?mode=ro") -> list[list[object]]:
    code = (
        "import json, sqlite3, sys\n"
        "conn = sqlite3.connect('file:' + sys.argv[1] + sys.argv[3], uri=True)\n"
        "print(json.dumps(conn.execute(sys.argv[2]).fetchall()))\n"
        "conn.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path), sql, mode], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def test_where_proc_locks_cannot_be_read_checking_the_window_s_own_file_keeps_its_locks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS and BSD have no /proc/locks (nor a Linux whose /proc is closed): there, whether a
    file is in use is asked with F_GETLK on its -shm, which opened and closed the -shm, and the
    header of a database open in this process was read and closed, since F_GETLK does not see
    a process's own locks. Both dropped the window's SQLite locks."""
    from atelier.store import files

    path = tmp_path / "reseau.atelier"
    Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16").close()
    window = Store.open(path, lock=True)  # as the window holds it
    try:
        workshop_id = window.workshops()[0].id
        window.add_participant(Participant(workshop_id, names=["Lucie Leroy"]))
        held = _locks_held_here(path)
        assert {name for name, *_ in held} == {"file", "-shm"}, held

        monkeypatch.setattr(files, "_posix_locks", lambda: None)  # as on macOS
        files.in_use(path)  # an export's check, a second opening's
        with Store.open(path, readonly=True) as reading:  # the export reads the window's file
            assert len(reading.participants(workshop_id)) == 1
        assert _locks_held_here(path) == held

        # Another program opens the file for writing and closes it (atelier match --save, a
        # SQLite browser): the window's journal stays, and the window's next edit is in the file.
        _seen_by_another_process(path, "SELECT count(*) FROM participants", mode="")
        window.add_participant(Participant(workshop_id, names=["Apolline Vasseur"]))
        assert path.with_name(path.name + "-wal").exists()
        assert _seen_by_another_process(path, "SELECT names FROM participants ORDER BY position") == [
            ['["Lucie Leroy"]'],
            ['["Apolline Vasseur"]'],
        ]
    finally:
        window.close()
