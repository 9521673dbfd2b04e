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
how long that took; median of --runs deletions, and the longest of all.

With --grown LEVELS (with --window): the copy's index is first made again with that many
levels in its structure, as years of deletions leave it under SQLite's FTS5 before 3.43
(two levels per deletion; corrupt past 2,000): 1499 makes the second deletion cross the
1,500 at which the index used to be rebuilt whole on the UI thread (about 2 s on a decade),
now a few rows at a time while the window waits.
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


def grow(path: Path, wanted: int) -> None:
    """The index made again with `wanted` levels and the file's rows (quickly: grown while it
    holds one row, then filled, which adds segments but no level; no sync)."""
    import sqlite3

    from atelier.store import directory
    from atelier.store.graves import levels

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    triggers = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'directory_%'"
    )
    for (name,) in triggers.fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE directory")
    conn.execute(directory._CREATE)
    turn = 0
    while levels(conn) < wanted:
        conn.execute(
            "INSERT INTO directory (text, kind, ref, key) VALUES (?, 'x', 'x', 'kx')", (f"mot{turn}",)
        )
        conn.execute("INSERT INTO directory (directory) VALUES ('optimize')")
        turn += 1
    conn.execute("DELETE FROM directory WHERE directory MATCH 'key : kx'")
    conn.execute(
        "INSERT INTO directory (people, structure, territory, role, kind, ref, key) "
        "SELECT names, organisation, territory, role, 'participant', id, 'k' || hex(id) FROM participants"
    )
    conn.execute(
        "INSERT INTO directory (text, kind, ref, key) SELECT text, kind, id, 'k' || hex(id) FROM items"
    )
    for trigger in directory._TRIGGERS:
        conn.execute(trigger)
    conn.execute("COMMIT")
    print(f"index grown to {levels(conn)} levels")
    conn.close()


def window(source: Path, runs: int, grown: int = 0) -> None:
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
        if grown:
            grow(path, grown)
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
        f"words out of the index after {_ms(erased)} (median of {runs}); of all deletions, "
        f"the longest freeze {max(freezes) * 1000:.1f} ms, the longest until out {max(erased) * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path)
    parser.add_argument("--window", action="store_true", help="Ctrl+Suppr in the window")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grown", type=int, default=0, help="with --window: the index's levels first")
    args = parser.parse_args()
    if args.window:
        window(args.file or EXAMPLE, args.runs, args.grown)
        return
    measure(EXAMPLE)
    if args.file:
        measure(args.file)


if __name__ == "__main__":
    main()
