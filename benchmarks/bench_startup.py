"""Startup time: `atelier --version`, and `atelier open --quit-after-show` against a bare PySide6 window.

    python benchmarks/bench_startup.py [--runs 10]

Each figure is the median wall time of fresh processes (offscreen Qt).
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


def timed(command: list[str], runs: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", default=str(ROOT / "examples" / "atelier-2021-03-16.atelier"))
    args = parser.parse_args()
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_DATA_DIR=tempfile.mkdtemp(prefix="atelier-bench-")
    )
    work = Path(tempfile.mkdtemp()) / "bench.atelier"
    work.write_bytes(Path(args.file).read_bytes())
    python = sys.executable
    results = {
        "atelier --version": timed([python, "-m", "atelier", "--version"], args.runs, env),
        "bare PySide6 window": timed([python, "-c", BARE], args.runs, env),
        f"atelier open {Path(args.file).name} --quit-after-show": timed(
            [python, "-m", "atelier", "open", str(work), "--quit-after-show"], args.runs, env
        ),
    }
    for name, seconds in results.items():
        print(f"{name:60s} {seconds * 1000:7.0f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
