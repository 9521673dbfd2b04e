"""Two names of one workshop file (a hard link: « ln atelier.atelier bureau/dax.atelier », a
backup tool or a synced folder that links rather than copies): the lock was taken beside the
name given (« .~lock.atelier.atelier », « .~lock.dax.atelier »), so two windows opened the one
file to write, each with its own view and undo, and a command could replace or change it under
a window. The lock is now keyed by the file itself (its device and inode) too: the second name
opens read-only, says the file is held, and is writable again once the first lets go."""

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

pytestmark = pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links here")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _two_names(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "partage").mkdir()
    (tmp_path / "bureau").mkdir()
    path = tmp_path / "partage" / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    other = tmp_path / "bureau" / "dax.atelier"
    os.link(path, other)
    assert path.samefile(other)
    return path, other


@pytest.mark.parametrize("first", [0, 1])
def test_a_file_held_under_one_name_is_read_only_under_its_other_name(first: int, tmp_path: Path) -> None:
    names = _two_names(tmp_path)
    held, other = names[first], names[1 - first]
    with Store.open(held, lock=True) as holder:
        assert not holder.readonly
        with Store.open(other, lock=True) as second:
            assert second.readonly and second.locked_by_other
            assert second.lock_elsewhere() == ""  # held by a window of this computer, as said
        assert not WriterLock(other).acquire()
    with Store.open(other, lock=True) as alone:  # let go: writable again, under either name
        assert not alone.readonly
    for folder in (tmp_path / "partage", tmp_path / "bureau"):
        assert not list(folder.glob(".~lock*")), list(folder.iterdir())


def test_a_command_given_the_other_name_does_not_write_the_file_a_window_holds(tmp_path: Path) -> None:
    held, other = _two_names(tmp_path)
    with Store.open(held, lock=True) as holder:
        assert not holder.readonly
        before = _sha(held)
        added = run_cli("workshops", str(other), "--add", "--title", "Atelier de Dax", "--date", "12/11/2026")
        assert added.returncode == 1, added.stdout
        assert "Traceback" not in added.stderr
        replaced = run_cli("new", str(other), "--title", "Autre", "--force")
        assert replaced.returncode == 1, replaced.stdout
        assert _sha(held) == before
    done = run_cli("workshops", str(other), "--add", "--title", "Atelier de Dax", "--date", "12/11/2026")
    assert done.returncode == 0, done.stderr
