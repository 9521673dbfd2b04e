"""Killed in the middle: `import`, `merge` and `export` are each stopped 12 times at random
moments (SIGKILL, and now and then SIGTERM). After every stop the target is absent or
whole, the inputs are byte-identical; once a run completes, nothing is left behind.

The three loops run side by side (each kills its own processes), so the whole takes the
time of the slowest. Three stops in four come while the command writes (once its
temporary file appears, a random instant later); the others at any moment of its run.

Each command is a process of its own, forked from a server of the loop that imported Atelier
and its libraries once (tests/cli_process.py): a new interpreter per command paid them again
each time, about 1 s of a 2-core machine before the command began (95 s -> 56 s)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from atelier.store import Store
from tests import cli_process
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
KILLS = 12

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(server: cli_process.Server, command: list[str], folder: Path) -> cli_process.Forked:
    return server.start(command, {**os.environ, "ATELIER_LANG": "fr"}, folder)


def _sound_workshop(path: Path) -> None:
    with Store.open(path, readonly=True) as store:
        assert store.integrity_check() == "ok"
        assert store.summary().participants == 22


def _sound_export(path: Path) -> None:
    if path.suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))["workshops"]
    else:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            assert any(n.startswith(("xl/", "word/")) for n in archive.namelist())


class Loop:
    def __init__(
        self,
        name: str,
        folder: Path,
        commands: list[list[str]],
        inputs: list[Path],
        target_of: Callable[[list[str]], Path],
        sound: Callable[[Path], None],
    ) -> None:
        self.name, self.folder, self.commands, self.inputs = name, folder, commands, inputs
        self.target_of, self.sound = target_of, sound
        self.errors: list[str] = []
        self.stops = {"SIGKILL": 0, "SIGTERM": 0, "writing": 0}
        # The quick commands more often than the slow ones (an Excel export loads pandas).
        self.weights = [c for c in commands for _ in range(1 if "--xlsx" in c else 2)]

    def run(self, seed: int) -> None:
        try:
            self._run(seed)
        except BaseException as exc:  # reported by the test, in the main thread
            self.errors.append(f"{self.name}: {exc!r}")

    def _run(self, seed: int) -> None:
        with cli_process.Server() as server:
            self._loop(server, seed)

    def _loop(self, server: cli_process.Server, seed: int) -> None:
        rng = random.Random(seed)
        digests = {p: _digest(p) for p in self.inputs}
        durations = {}
        for command in self.commands:  # a complete run first: how long each takes
            for _ in range(1):
                started = time.monotonic()
                done = _run(server, command, self.folder)
                _out, err = done.communicate(timeout=120)
                assert done.returncode == 0, err
                durations[tuple(command)] = time.monotonic() - started
        # Tries until KILLS stops have landed in a running command (a fast command on a busy
        # machine may finish before the stop: that try counts for nothing), at most 3 × KILLS.
        for kill in range(KILLS * 3):
            if self.stops["SIGKILL"] + self.stops["SIGTERM"] >= KILLS:
                break
            command = rng.choice(self.weights)
            duration = durations[tuple(command)]
            how = signal.SIGTERM if kill % 5 == 4 else signal.SIGKILL
            process = _run(server, command, self.folder)
            if kill % 4 == 3:  # at any moment
                time.sleep(rng.uniform(0.1, 1.0) * duration)
            else:  # while it writes: once its temporary file is there, a little later
                self._wait_for_temporary(process, duration * 3)
                time.sleep(rng.uniform(0.0, 0.03))
            if process.poll() is None:
                writing = any(str(process.pid) in name for name in os.listdir(self.folder))
                process.send_signal(how)
                self.stops[how.name] += 1
                self.stops["writing"] += writing
            _out, err = process.communicate(timeout=120)
            assert "Traceback" not in err, err
            target = self.target_of(command)
            if target.exists():
                self.sound(target)  # the old one or the new one, whole
            for path, digest in digests.items():
                assert _digest(path) == digest, f"{path.name} changed (stop {kill})"
            if how == signal.SIGTERM and process.returncode == 128 + signal.SIGTERM:
                # (before Atelier's handler is installed, Python's default ends it: -15)
                assert err.strip().endswith("Interrompu."), err
                mine = [n for n in self._leftovers() if str(process.pid) in n]
                assert not mine, mine  # stopped politely: it tidied up after itself
        for command in self.commands:  # the next complete run tidies up after the killed ones
            done = _run(server, command, self.folder)
            _out, err = done.communicate(timeout=120)
            assert done.returncode == 0, err
        assert not self._leftovers(), self._leftovers()

    def _wait_for_temporary(self, process: cli_process.Forked, limit: float) -> None:
        deadline = time.monotonic() + limit
        mark = f"~atelier-{process.pid}@"
        while process.poll() is None and time.monotonic() < deadline:
            if any(mark in name for name in os.listdir(self.folder)):
                return
            time.sleep(0.002)

    def _leftovers(self) -> list[str]:
        expected = {p.name for p in self.inputs} | {self.target_of(c).name for c in self.commands}
        return sorted(p.name for p in self.folder.iterdir() if p.name not in expected)


def test_import_merge_and_export_killed_at_random_leave_a_whole_target_or_none(tmp_path: Path) -> None:
    loops = []
    # import: a Word grid to a workshop file, replacing the one a previous run wrote
    folder = tmp_path / "import"
    folder.mkdir()
    shutil.copy(GRID, folder / "grille.docx")
    loops.append(
        Loop(
            "import",
            folder,
            [["import", "grille.docx", "-o", "atelier.atelier", "--force"]],
            [folder / "grille.docx"],
            lambda c: folder / c[3],
            _sound_workshop,
        )
    )
    # merge: two captures into a third file, replaced each time
    folder = tmp_path / "merge"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.atelier")
    shutil.copy(EXAMPLE, folder / "b.atelier")
    with Store.open(folder / "b.atelier") as second:
        first = second.participants(second.workshops()[0].id)[0]
        second.update_participant(first.id, territory="Saisi à la table 2")
    loops.append(
        Loop(
            "merge",
            folder,
            [["merge", "a.atelier", "b.atelier", "-o", "fusion.atelier", "--force"]],
            [folder / "a.atelier", folder / "b.atelier"],
            lambda c: folder / c[4],
            _sound_workshop,
        )
    )
    # export: JSON, Excel and Word, each replacing the previous one
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "atelier.atelier")
    loops.append(
        Loop(
            "export",
            folder,
            [
                ["export", "atelier.atelier", "--json", "atelier.json", "--force"],
                ["export", "atelier.atelier", "--xlsx", "tableaux.xlsx", "--force"],
                ["export", "atelier.atelier", "--docx", "compte-rendu.docx", "--force"],
            ],
            [folder / "atelier.atelier"],
            lambda c: folder / c[3],
            _sound_export,
        )
    )
    threads = [threading.Thread(target=loop.run, args=(2026 + i,)) for i, loop in enumerate(loops)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    assert [e for loop in loops for e in loop.errors] == []
    for loop in loops:  # the stops did land while the commands ran, most while they wrote
        assert loop.stops["SIGKILL"] + loop.stops["SIGTERM"] >= KILLS * 3 // 4, (loop.name, loop.stops)
        assert loop.stops["writing"] >= 1, (loop.name, loop.stops)  # typically 3 to 10
