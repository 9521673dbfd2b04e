"""A facilitator copies the .atelier file (to a USB stick, into an e-mail) while the window
is still open on it, or after the laptop died mid-workshop: the copy is the file alone,
without SQLite's -wal beside it. Every edit the window said was saved must be in it."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"

WINDOW = """
import os, signal, sys
from atelier.store import Store
store = Store.open(sys.argv[1], lock=True)
workshop = store.workshops()[0]
store.update_workshop(workshop.id, place="Salle des fêtes de Pau")
participant = store.participants(workshop.id)[0]
store.update_participant(participant.id, territory="Territoire saisi en dernier")
print("saved", flush=True)
if sys.argv[2] == "killed":
    os.kill(os.getpid(), signal.SIGKILL)
sys.stdin.readline()
"""


@pytest.mark.parametrize("how", ["open", "killed"])
def test_a_copy_of_the_file_alone_holds_every_saved_edit(how: str, tmp_path: Path) -> None:
    work = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, work)
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(work), how],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == "saved"
        if how == "killed":
            assert window.wait(30) == -signal.SIGKILL
        stick = tmp_path / "cle-usb"
        stick.mkdir()
        shutil.copy(work, stick / work.name)  # the file the user sees, not its -wal
    finally:
        window.kill()
        window.wait()
    copy = Store.open(stick / work.name)
    try:
        workshop = copy.workshops()[0]
        assert workshop.place == "Salle des fêtes de Pau"
        assert copy.participants(workshop.id)[0].territory == "Territoire saisi en dernier"
    finally:
        copy.close()
