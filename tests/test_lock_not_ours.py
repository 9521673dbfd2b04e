"""A workshop file on a shared folder, held by one person's window, its lock file theirs (or
left read-only by a copy): another user's command could not open the lock to write, took that
for « no lock can be made here » and wrote into the file the window was editing
(`atelier ateliers --add` said « Atelier « Pau » ajouté »). A lock file that cannot be written
is now still tried as a lock: held by a window, the file is said open elsewhere and left as it
was; free (a stale lock), it is taken."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from atelier.store import Store
from atelier.store.lock import lock_path

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _as_another_user(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m atelier ARGS` as another user when run as root (root writes any file), else
    as this one (who cannot write a read-only lock file either)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("setpriv is needed to run as another user")
        prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        if subprocess.run([*prefix, sys.executable, "-c", "import atelier"], capture_output=True).returncode:
            pytest.skip("Atelier cannot be read by another user here")
    env = {**os.environ, "HOME": "/tmp", "XDG_DATA_HOME": "/tmp/atelier-autre-donnees"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "atelier", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A folder both users may write (pytest's own folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="atelier-partage-")) if os.geteuid() == 0 else tmp_path
    try:
        folder.chmod(0o777)
        path = folder / "atelier.atelier"
        shutil.copy(EXAMPLE, path)
        path.chmod(0o666)
        yield path
    finally:
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_held_by_a_window_whose_lock_another_user_cannot_write_is_not_written(shared: Path) -> None:
    with Store.open(shared, lock=True) as window:
        assert not window.readonly
        lock_path(shared).chmod(0o444)
        workshops = len(window.workshops())
        result = _as_another_user("workshops", str(shared), "--add", "--title", "Atelier de Pau")
        assert result.returncode != 0, result.stdout
        assert "Traceback" not in result.stderr
        assert "est ouvert dans une autre fenêtre d'Atelier" in result.stderr, result.stderr
        assert len(window.workshops()) == workshops


def test_a_stale_lock_another_user_cannot_write_is_taken(shared: Path) -> None:
    lock = lock_path(shared)
    lock.write_text("ailleurs 999999\n", encoding="utf-8")
    lock.chmod(0o444)
    result = _as_another_user("workshops", str(shared), "--add", "--title", "Atelier de Pau")
    assert result.returncode == 0, result.stderr
    with Store.open(shared, readonly=True) as store:
        assert "Atelier de Pau" in [w.title for w in store.workshops()]
