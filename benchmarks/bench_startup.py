"""Startup time: `atelier --version`, and `atelier open --quit-after-show` against a bare PySide6 window.

    python benchmarks/bench_startup.py [--runs 10]
    python benchmarks/bench_startup.py --atelier build/dist/atelier-0.1.0/atelier --atelier VENV/bin/atelier

Each `--atelier` (a PyInstaller bundle's executable, a venv's `atelier` after `pip install .`)
adds its own `--help` and `open … --quit-after-show` to the commands timed.

Each figure is the median wall time of fresh processes (offscreen Qt), the commands taking
turns so that a busy machine slows them alike; the last line is the ratio the README's goal
is about (Atelier opening a workshop against a bare PySide6 window, at most 2x). Bytecode
caches are allowed and warmed first, as an installed Atelier has them (pip compiles them).
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


def timed(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    for command in commands.values():  # warm-up: bytecode caches written, files in the OS cache
        subprocess.run(command, check=True, env=env, capture_output=True)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, capture_output=True)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", default=str(ROOT / "examples" / "atelier-2021-03-16.atelier"))
    parser.add_argument("--atelier", action="append", default=[], metavar="EXECUTABLE")
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
    results = timed(commands, args.runs, env)
    for name, seconds in results.items():
        print(f"{name:60s} {seconds * 1000:7.0f} ms (median of {args.runs})")
    ratio = results[opening] / results["bare PySide6 window"]
    print(f"{'opening / bare window':60s} {ratio:7.2f}x (goal: at most 2x)")


if __name__ == "__main__":
    main()
