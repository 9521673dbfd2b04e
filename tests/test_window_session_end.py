"""A session logging out (or `kill`, or Ctrl+C in the terminal) stops `atelier open` while
the facilitator is typing: the text typed is in the file (the file alone, as copied to a USB
key), whether its cell was validated an instant before or is still open, another program's
window has the keyboard, or the window's matching is reading the file on a worker thread
(which left the last edits in a -wal beside it); and the window closes as when the user closes it: exit status
128 + the signal, no traceback, no error box, no lock or journal left beside the file.

The real command in a process of its own (tests/helpers/session_end_child.py types in it)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
TEXT = "un traiteur pour la pause de midi"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


@pytest.mark.parametrize(
    ("how", "signum"),
    [
        ("open", signal.SIGTERM),
        ("validated", signal.SIGTERM),
        ("elsewhere", signal.SIGTERM),
        ("reading", signal.SIGTERM),
        ("open", signal.SIGINT),
    ],
    ids=[
        "cell-open-SIGTERM",
        "cell-validated-SIGTERM",
        "other-window-active-SIGTERM",
        "worker-reading-SIGTERM",
        "cell-open-SIGINT",
    ],
)
def test_what_was_typed_is_in_the_file_when_the_session_ends(how: str, signum: int, tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open(path, readonly=True) as store:
        first = store.participants(store.workshops()[0].id)[0].id
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.session_end_child", str(path), how, TEXT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        line = child.stdout.readline() if child.stdout else ""  # the window shown, the text typed
        assert line.split()[:1] == ["TYPED"], (line, child.poll())
        child.send_signal(signum)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 128 + signum, (child.returncode, out, err)
    assert "Traceback" not in err and "Error" not in err and "rror" not in out, err
    # The file alone, as copied to a USB key, holds it: not a -wal left beside it.
    alone = tmp_path / "cle" / "atelier.atelier"
    alone.parent.mkdir()
    shutil.copy(path, alone)
    with Store.open(alone, readonly=True) as store:
        texts = [i.text for i in store.items(first) if i.kind == ItemKind.NEED]
    assert TEXT in texts, texts
    shutil.rmtree(alone.parent)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atelier.atelier"]  # no lock, journal, temporary
