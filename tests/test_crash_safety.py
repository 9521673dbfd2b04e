"""Nothing lost: a process editing the file through the window's model and undo commands
is killed (SIGKILL) at random moments, many times; after each kill the file is sound and
holds every edit the window would have shown as saved before it."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT

KILLS = 25


class _Children:
    """The typing child, forked (tests/helpers/crash_child.py --serve) rather than started:
    Python, Qt's modules and Atelier imported once, not once per kill."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.crash_child", "--serve"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def reply(self, word: str) -> int:
        assert self.server.stdout is not None
        said, number = self.server.stdout.readline().split()
        assert said == word, said
        return int(number)

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(30)

    def run_and_kill(self, path: Path, seed: int, acks: int, after: float) -> list[list[str]]:
        """Start the typing child; once it has acknowledged `acks` edits, kill it `after`
        seconds later (a few milliseconds: in the middle of the next edit, or between two).
        Counted in edits, not in seconds from its start: on a loaded machine a child given
        0.25 s saved nothing at all, and the test checked no acknowledged edit."""
        fifo, stderr = self.folder / f"out-{seed}", self.folder / f"err-{seed}"
        os.mkfifo(fifo)
        assert self.server.stdin is not None
        self.server.stdin.write(f"{fifo}\t{stderr}\t{path}\t{seed}\n")
        self.server.stdin.flush()
        output = open(fifo, encoding="utf-8")  # noqa: SIM115 - read to its end by the reader
        pid = self.reply("pid")
        lines: list[list[str]] = []
        enough = threading.Event()

        def read() -> None:
            acknowledged = 0
            with output:
                for line in output:
                    lines.append(line.rstrip("\n").split("\t"))
                    acknowledged += lines[-1][0] == "ACK"
                    if acknowledged >= acks:
                        enough.set()
            enough.set()  # the child ended (or crashed): said below

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert enough.wait(60), "the child acknowledged too few edits in a minute"
        time.sleep(after)
        with contextlib.suppress(ProcessLookupError):  # it crashed: said below
            os.kill(pid, signal.SIGKILL)
        returncode = self.reply("status")
        reader.join(10)
        assert returncode == -signal.SIGKILL, stderr.read_text()  # killed, not crashed
        return lines


def _state(store: Store, workshop_id: str) -> dict[tuple[str, str], str]:
    state: dict[tuple[str, str], str] = {}
    for participant in store.participants(workshop_id):
        state[("add", participant.id)] = participant.names[0] if participant.names else ""
        state[("territory", participant.id)] = participant.territory
        for kind in ItemKind:
            texts = [i.text for i in store.items(participant.id, kind)]
            state[("cell", f"{participant.id}:{kind}")] = "|".join(texts)
    return state


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_while_editing_the_file_is_sound_and_keeps_every_acknowledged_edit(
    store: Store, tmp_path_factory: pytest.TempPathFactory
) -> None:
    children = _Children(tmp_path_factory.mktemp("children"))
    try:
        _kill_again_and_again(store, children)
    finally:
        children.close()


def _kill_again_and_again(store: Store, children: _Children) -> None:
    path = store.path
    workshop_id = store.workshops()[0].id
    store.close()
    rng = random.Random(2026)
    expected: dict[tuple[str, str], str] = {}
    acknowledged_total = 0
    for kill in range(KILLS):
        lines = children.run_and_kill(path, seed=kill, acks=rng.randint(4, 12), after=rng.uniform(0.0, 0.03))
        in_flight: tuple[str, str, str] | None = None
        for line in lines:
            if len(line) != 4:
                continue  # the last line may be cut by the kill
            step, what, key, value = line
            if step == "BEGIN":
                in_flight = (what, key, value)
            elif step == "ACK":
                expected[(what, key)] = value
                acknowledged_total += 1
                in_flight = None

        with Store.open(path, readonly=True) as reopened:
            assert reopened.integrity_check() == "ok"
            found = _state(reopened, workshop_id)
        for (what, key), value in expected.items():
            if what == "add":
                assert ("add", key) in found, f"participant acknowledged then lost (kill {kill})"
                continue
            if in_flight is not None and (in_flight[0], in_flight[1]) == (what, key):
                # The edit under way when killed: either before or after, never half.
                assert found[(what, key)] in {value, in_flight[2]}
            else:
                assert found[(what, key)] == value, f"{what} {key} lost at kill {kill}"
        if in_flight is not None and in_flight[0] != "add":
            expected[(in_flight[0], in_flight[1])] = found[(in_flight[0], in_flight[1])]
        if in_flight is not None and in_flight[0] == "add" and ("add", in_flight[1]) in found:
            expected[("add", in_flight[1])] = found[("add", in_flight[1])]
    assert acknowledged_total > KILLS * 3  # the kills did land in the middle of real work
