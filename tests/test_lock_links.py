"""The lock beside a workshop file (« .~lock.NAME.atelier », store/lock.py) is written with who
holds it. It was opened by its name and emptied: a link left under that name (a shared folder,
an archive unpacked with its links) made `atelier ateliers --add` empty the file it pointed to,
another workshop file of the folder, or the very file being written, down to « host 1234 ».
The lock now never writes through a link: a symbolic link there is taken away (only the link)
and a real lock made in its place; a second name of another file is locked, never written."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from atelier.store import Store
from atelier.store.lock import WriterLock

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("how", ["symlink", "hardlink"])
@pytest.mark.parametrize("to", ["another workshop file", "the file itself"])
def test_a_link_where_the_lock_goes_never_empties_the_file_it_names(
    how: str, to: str, tmp_path: Path
) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    target = other if to == "another workshop file" else path
    lock = tmp_path / ".~lock.atelier.atelier"
    if how == "symlink":
        lock.symlink_to(target.name)
    else:
        os.link(target, lock)
    before = _sha(other)
    result = run_cli("workshops", str(path), "--add", "--title", "Atelier de Pau")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert _sha(other) == before
    with Store.open(path, readonly=True) as store:
        assert [w.title for w in store.workshops()].count("Atelier de Pau") == 1
    with Store.open(other, readonly=True) as store:
        assert len(store.workshops()) == 1


def test_a_second_window_still_finds_the_file_held_when_the_lock_was_a_link(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    (tmp_path / ".~lock.atelier.atelier").symlink_to("autre.atelier")
    with Store.open(path, lock=True) as first:
        assert not first.readonly
        assert not WriterLock(path).acquire()  # held: a second writer is turned away
    again = WriterLock(path)
    assert again.acquire()
    again.release()
