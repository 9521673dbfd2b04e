"""What erasing a participant costs: the deletion (its history lines taken out, the directory's
index merged so that its words leave the file) and an edit with SQLite's secure_delete on.

    python benchmarks/bench_erasure.py [--file BIG.atelier]

On the example workshop, and on --file when given (a region's decade:
`benchmarks/make_workshop.py BIG.atelier --workshops 300 --participants 6000 --items 100000`):
- deleting a participant through the store (Store.delete_participant), median of 5;
- editing a participant's role, median of 30, with secure_delete on (what Atelier sets) and
  off (what it would cost without), through the same store.

With --window (on --file, else the example): the window's longest freeze (a 10 ms timer's
longest gap) when a participant is deleted with Ctrl+Suppr, from the key until the index no
longer holds their words (the window merges it a few pages at a time while it waits), and
how long that took; median of --runs deletions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


def measure(source: Path) -> None:
    from atelier.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.atelier"
        shutil.copy(source, path)
        with Store.open(path) as store:
            people = [p for w in store.workshops() for p in store.participants(w.id)]
            deletions = []
            for person in people[:5]:
                start = time.perf_counter()
                store.delete_participant(person.id)
                deletions.append(time.perf_counter() - start)
            edits: dict[str, list[float]] = {"ON": [], "OFF": []}
            for mode in ("OFF", "ON"):
                store.conn.execute(f"PRAGMA secure_delete = {mode}")
                for n, person in enumerate(people[5:35]):
                    start = time.perf_counter()
                    store.update_participant(person.id, role=f"Fonction {mode} {n} " + "x" * (n % 7))
                    edits[mode].append(time.perf_counter() - start)
        print(
            f"{source.name}: {len(people)} participants; deleting one {_ms(deletions)}; "
            f"an edit {_ms(edits['ON'])} with secure_delete on, {_ms(edits['OFF'])} off"
        )


def window(source: Path, runs: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-bench-"))
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from atelier.store import Store
    from atelier.ui import rows
    from atelier.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])

    def wait(done, limit: float = 120) -> None:
        end = time.perf_counter() + limit
        while not done() and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.atelier"
        shutil.copy(source, path)
        main = MainWindow(Store.open(path, lock=True))
        main.resize(1366, 768)
        main.show()
        wait(lambda: main.matching is not None and main.matching.engine is not None, 120)
        wait(lambda: False, 1)
        freezes, erased = [], []
        for _ in range(runs):
            store = main.store
            due = getattr(store, "compaction_due", lambda: False)  # before: merged at once
            clock, gaps = QElapsedTimer(), [0]
            timer = QTimer()
            timer.timeout.connect(lambda gaps=gaps, clock=clock: gaps.append(clock.restart()))
            main.grid.setCurrentIndex(main.proxy.index(0, 1))
            clock.start()
            timer.start(10)
            started = time.perf_counter()
            QTimer.singleShot(0, lambda: rows.delete_participant(main))
            wait(lambda: False, 0.05)
            wait(lambda due=due: not due())
            erased.append(time.perf_counter() - started)
            wait(lambda: False, 0.1)  # the timer's next tick closes the last gap
            timer.stop()
            freezes.append(max(gaps) / 1000)
            wait(lambda: False, 0.3)
        main.close()
    print(
        f"{source.name}, Ctrl+Suppr in the window: longest freeze {_ms(freezes)}, "
        f"words out of the index after {_ms(erased)} (median of {runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path)
    parser.add_argument("--window", action="store_true", help="Ctrl+Suppr in the window")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.window:
        window(args.file or EXAMPLE, args.runs)
        return
    measure(EXAMPLE)
    if args.file:
        measure(args.file)


if __name__ == "__main__":
    main()
