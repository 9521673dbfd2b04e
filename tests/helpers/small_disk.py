"""A window script run on a small full-able disk: a tmpfs mounted in a private mount
namespace (unshare), the script given the disk's folder (and a case name), its JSON lines read
back. Used by the tests of typing, closing and the synthesis editor on a full disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

_MOUNT = """
set -u
mount -t tmpfs -o size="$SIZE" none "$DISK"
"$PYTHON" -c "$WINDOW" "$DISK" "$CASE"
"""


def run_on_a_small_disk(
    tmp_path: Path, window: str, *, size: str = "2m", case: str = ""
) -> list[dict[str, Any]]:
    """The JSON lines the window script printed, run offscreen in French with its own data folder."""
    disk, data = tmp_path / "cle", tmp_path / "donnees"
    disk.mkdir()
    data.mkdir()
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", _MOUNT],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ATELIER_LANG": "fr",
            "ATELIER_DATA_DIR": str(data),
            "DISK": str(disk),
            "SIZE": size,
            "PYTHON": sys.executable,
            "WINDOW": window,
            "CASE": case,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
