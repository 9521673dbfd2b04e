"""Startup time: `atelier --version`, and `atelier open --quit-after-show` against a bare PySide6 window.

    python benchmarks/bench_startup.py [--runs 10]
    python benchmarks/bench_startup.py --atelier build/dist/atelier-0.1.0/atelier --atelier VENV/bin/atelier

Each `--atelier` (a PyInstaller bundle's executable, a venv's `atelier` after `pip install .`)
adds its own `--help` and `open … --quit-after-show` to the commands timed.

`--baseline CHECKOUT` (a checkout of the code before a change: `git worktree add --detach
/tmp/base main`) adds its `open … --quit-after-show`, run from that folder with this
interpreter, so that before and after are measured in the same run.

Each figure is the median wall time of fresh processes (offscreen Qt), the commands taking
turns so that a busy machine slows them alike, and beside it the median processor time (user
and system) the process took, which a machine shared with other work changes much less; the
last lines are the ratio the README's goal is about (Atelier opening a workshop against a bare
PySide6 window, at most 2x). Bytecode caches are allowed and warmed first, as an installed
Atelier has them (pip compiles them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1200, 800)
class Q(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
q = Q(); app.installEventFilter(q)
w.show(); app.exec()
"""


def _run(command: list[str], env: dict[str, str], cwd: str | None) -> tuple[float, float]:
    """Wall time and processor time (user + system) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime


def timed(
    commands: dict[str, list[str]], runs: int, env: dict[str, str], cwd: dict[str, str]
) -> dict[str, tuple[float, float]]:
    for name, command in commands.items():  # warm-up: bytecode caches written, files in the OS cache
        _run(command, env, cwd.get(name))
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(_run(command, env, cwd.get(name)))
    return {
        name: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        for name, values in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", default=str(ROOT / "examples" / "atelier-2021-03-16.atelier"))
    parser.add_argument("--atelier", action="append", default=[], metavar="EXECUTABLE")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT", help="the code before a change")
    args = parser.parse_args()
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_DATA_DIR=tempfile.mkdtemp(prefix="atelier-bench-")
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    work = Path(tempfile.mkdtemp()) / "bench.atelier"
    work.write_bytes(Path(args.file).read_bytes())
    python = sys.executable
    opening = f"atelier open {Path(args.file).name} --quit-after-show"
    commands = {
        "atelier --version": [python, "-m", "atelier", "--version"],
        "bare PySide6 window": [python, "-c", BARE],
        opening: [python, "-m", "atelier", "open", str(work), "--quit-after-show"],
    }
    for executable in args.atelier:
        commands[f"{executable} --help"] = [executable, "--help"]
        commands[f"{executable} open … --quit-after-show"] = [
            executable,
            "open",
            str(work),
            "--quit-after-show",
        ]
    cwd: dict[str, str] = {}
    before = "baseline: " + opening
    if args.baseline:
        # `python -m` imports the package of the folder it runs in: the checkout's.
        commands[before] = [python, "-m", "atelier", "open", str(work), "--quit-after-show"]
        cwd[before] = str(args.baseline.resolve())
    results = timed(commands, args.runs, env, cwd)
    print(f"{'':60s} {'wall':>10s} {'processor':>10s}   (medians of {args.runs})")
    for name, (wall, processor) in results.items():
        print(f"{name:60s} {wall * 1000:7.0f} ms {processor * 1000:7.0f} ms")
    bare = results["bare PySide6 window"]
    for name in (before, opening) if args.baseline else (opening,):
        said = "opening / bare window" + (" (baseline)" if name == before else "")
        wall, processor = results[name][0] / bare[0], results[name][1] / bare[1]
        print(f"{said:60s} {wall:8.2f}x {processor:9.2f}x   (goal: at most 2x)")


if __name__ == "__main__":
    main()
