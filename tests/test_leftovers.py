"""Nothing left behind: temporaries of killed processes are removed by the next command that
writes in their folder (never those of a process still running), and commands that only
read leave nothing beside the files they read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _temporaries(folder: Path, pid: int) -> list[str]:
    """What a process killed while writing in `folder` leaves, as every version named it."""
    names = [
        f".atelier.atelier.import-{pid}.tmp",
        f".atelier.atelier.import-{pid}.tmp-wal",
        f".atelier.atelier.import-{pid}.tmp-shm",
        f".fusion.atelier.{pid}.merge.tmp",
        f".fusion.atelier.{pid}.merge.tmp-journal",
        f".tableaux.{pid}.tmp.xlsx",
        f".compte-rendu.{pid}.tmp.docx",
        f".nouveau.atelier.{pid}.tmp",
        f".atelier.atelier.~atelier-{pid}.tmp",
        f".atelier.json.~atelier-{pid}.tmp-wal",
    ]
    for name in names:
        (folder / name).write_bytes(b"half-written")
    return names


COMMANDS = {
    "import -o": ["import", str(GRID), "-o", "{folder}/importé.atelier"],
    "import --into": ["import", str(GRID), "--into", "{folder}/atelier.atelier"],
    "new": ["new", "{folder}/nouveau-fichier.atelier", "--title", "Atelier"],
    "merge": ["merge", "{folder}/atelier.atelier", str(EXAMPLE), "-o", "{folder}/fusion-finale.atelier"],
    "export --json": ["export", "{folder}/atelier.atelier", "--json", "{folder}/atelier-export.json"],
    "export --docx": ["export", "{folder}/atelier.atelier", "--docx", "{folder}/cr.docx"],
    "match --save": ["match", "{folder}/atelier.atelier", "--save", "--lexical"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_next_command_writing_in_a_folder_removes_dead_temporaries_only(
    command: str, tmp_path: Path
) -> None:
    folder = tmp_path / "ateliers"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "atelier.atelier")
    dead = _temporaries(folder, _dead_pid())
    (folder / ".~lock.perdu.atelier").write_text(f"{os.uname().nodename} {_dead_pid()}\n")
    # Written by another computer sharing the folder: its processes are not ours to judge.
    elsewhere = f".partage.atelier.~atelier-{_dead_pid()}@autre-poste.tmp"
    (folder / elsewhere).write_bytes(b"being written over the network")
    alive_process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = _temporaries(folder, alive_process.pid) + [elsewhere]
        result = run_cli(*[part.replace("{folder}", str(folder)) for part in COMMANDS[command]])
        assert result.returncode == 0, result.stderr
        left = {p.name for p in folder.iterdir()}
        assert not set(dead) & left, sorted(set(dead) & left)
        assert ".~lock.perdu.atelier" not in left
        assert set(alive) <= left  # another command is writing them right now
    finally:
        alive_process.kill()
        alive_process.wait()


def _killed_after_an_edit(path: Path) -> None:
    code = (
        "import os, signal, sys\nfrom atelier.store import Store\n"
        "store = Store.open(sys.argv[1], lock=True)\n"
        "store.update_workshop(store.workshops()[0].id, place='Saisi avant l\\'arrêt')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT)


@pytest.mark.parametrize("state", ["closed", "read-only, its last edit in the -wal"])
def test_commands_that_only_read_leave_nothing_beside_their_inputs(state: str, tmp_path: Path) -> None:
    inputs, out = tmp_path / "entrees", tmp_path / "sorties"
    inputs.mkdir()
    out.mkdir()
    first, second = inputs / "a.atelier", inputs / "b.atelier"
    shutil.copy(EXAMPLE, first)
    shutil.copy(EXAMPLE, second)
    if state != "closed":  # a window was killed, then the file marked read-only
        _killed_after_an_edit(first)
        first.with_name("a.atelier-shm").unlink()
        first.chmod(0o444)
    before = {p.name: p.read_bytes() for p in inputs.iterdir()}
    for command in (
        ["info", str(first)],
        ["export", str(first), "--json", "-"],
        ["export", str(first), "--xlsx", str(out / "t.xlsx")],
        ["match", str(first), "--lexical"],
        ["merge", str(first), str(second), "-o", str(out / "c.atelier")],
        ["search", str(first), "insertion"],
    ):
        result = run_cli(*command)
        assert result.returncode in (0, 2), result.stderr  # `search` may not exist in every version
        assert {p.name: p.read_bytes() for p in inputs.iterdir()} == before, command
    assert sorted(p.name for p in out.iterdir()) == ["c.atelier", "t.xlsx"]
