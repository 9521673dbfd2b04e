"""What the window loads before its first screen: only what that screen needs. The heavy
libraries (pandas, python-docx, openpyxl, numpy) never; nor what only a later command uses:
uuid and the platform module it pulls in (an id is made by an edit, a merge, an import),
secrets (a moment of the file's history, written with an edit), tomllib (the glossary the
directory's search reads), the code that merges two files. `atelier open FILE
--quit-after-show` in a fresh process, as benchmarks/bench_startup.py times it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_AT_START = (
    "pandas",
    "numpy",
    "openpyxl",
    "docx",
    "uuid",
    "platform",
    "secrets",
    "tomllib",
    "atelier.store.merge",
)

SCRIPT = """
import atexit, sys
loaded = lambda: sorted(m for m in sys.modules if m in NAMES or m.split(".")[0] in NAMES)
atexit.register(lambda: print("LOADED", loaded()))
sys.argv = ["atelier", "open", PATH, "--quit-after-show"]
from atelier.__main__ import main
sys.exit(main())
"""


def test_the_window_opens_without_loading_what_its_first_screen_does_not_use(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    script = SCRIPT.replace("NAMES", repr(set(NOT_AT_START))).replace("PATH", repr(str(path)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("LOADED")]
    assert line == "LOADED []", line
