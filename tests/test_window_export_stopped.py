"""A session ending (SIGTERM) while the export dialog is open and an export is under way,
replacing the documents an earlier export left: the window closes, the export stops with it,
the documents there before are byte-identical (their modification time too), nothing half
written is left in the folder (no temporary), and the workshop file is whole. A real `atelier
open` process, stopped as a session logging out stops it."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("writing", [False, True], ids=["reading", "writing"])
def test_a_session_ending_during_an_export_stops_it_and_leaves_the_old_documents(
    tmp_path: Path, writing: bool
) -> None:
    """Stopped at the export's first step (reading the file), or once a document is being
    written beside the old one (its temporary in the folder)."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    folder = tmp_path / "exports"
    folder.mkdir()
    for option, name in (("--docx", "compte-rendu.docx"), ("--xlsx", "compte-rendu.xlsx")):
        done = run_cli("export", str(path), option, str(folder / name))
        assert done.returncode == 0, done.stderr
    old = {p.name: _state(p) for p in folder.iterdir()}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.export_stop_child", str(path), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines: list[str] = []
    try:
        assert child.stdout is not None
        started = "SYNCING" if writing else "STEP"
        while not any(line.startswith(started) for line in lines):
            line = child.stdout.readline()
            assert line and not line.startswith("STEP 100"), (lines, child.poll())
            lines.append(line)
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 128 + signal.SIGTERM, (child.returncode, out, err)
    assert "Traceback" not in err and "rror" not in err, err
    assert "CLOSED" in out, out
    assert {p.name: _state(p) for p in folder.iterdir()} == old, sorted(os.listdir(folder))
    with Store.open(path, readonly=True) as store:
        assert store.workshops()
