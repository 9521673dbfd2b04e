"""Import speed: a CSV grid whose cells are long (text pasted from a report), read and
planned as the import dialog does before its preview.

    python benchmarks/bench_import.py [--rows 300] [--cell 50000] [--runs 3]
    python benchmarks/bench_import.py --window [--rows 1000]   # ~50 MB: the window while writing

Baseline, in the same run: the same file parsed plainly by the csv module, so that the ratio
says what reading the grid's layout (header, columns, items) costs on top of reading the file.

With --window: the longest the window's UI thread goes without running (a 10 ms timer's
longest gap) while the planned grid is written to a new file, as the window does it (off the
UI thread, with its progress box), against the same write made on the UI thread.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--cell", type=int, default=50_000, help="characters in each action cell")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--window", action="store_true", help="the window's longest freeze while writing")
    args = parser.parse_args()
    if args.window:
        window_freeze(args.rows, args.cell)
        return
    from atelier.importers import plan_table
    from atelier.importers.cells import clean
    from atelier.importers.readers import read_table

    grid = Path(tempfile.mkdtemp(prefix="atelier-bench-")) / "grille.csv"
    words = "Action très longue de l'atelier emploi "
    with grid.open("w", encoding="utf-8") as out:
        out.write("Participant;Actions;Défis;Besoins;Ressources\n")
        for row in range(args.rows):
            long = (words * (args.cell // len(words) + 1))[: args.cell]
            out.write(f"Personne{row} Nom, Structure {row};{long};mobilité;un lieu;un local\n")
    size = grid.stat().st_size / 1024 / 1024

    def atelier() -> None:
        clean.cache_clear()  # each run from nothing, as a new dialog
        plan_table(read_table(grid), path=str(grid))

    def baseline() -> None:
        with grid.open(encoding="utf-8", newline="") as source:
            csv.field_size_limit(64 * 1024 * 1024)
            list(csv.reader(source, delimiter=";"))

    medians = []
    for name, work in (("Atelier", atelier), ("csv module", baseline)):
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        medians.append(statistics.median(times))
        said = f"median {medians[-1]:.2f} s (min {min(times):.2f} s)"
        print(f"{args.rows} rows, {size:.0f} MiB ({name}): {said}")
    print(f"  Atelier / plain csv: {medians[0] / medians[1]:.1f}x")


def window_freeze(rows: int, cell: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-bench-"))
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from atelier.importers import plan_table, write_plan
    from atelier.importers.readers import read_table
    from atelier.ui.operations.grids import BackgroundWrite

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    grid = folder / "grille.csv"
    words = "Action très longue de l'atelier emploi "
    long = (words * (cell // len(words) + 1))[:cell]
    with grid.open("w", encoding="utf-8") as out:
        out.write("Participant;Actions;Défis;Besoins;Ressources\n")
        for row in range(rows):
            out.write(f"Personne{row} Nom, Structure {row};{long};mobilité;un lieu;un local\n")
    plan = plan_table(read_table(grid), path=str(grid))
    app = QApplication.instance() or QApplication([])

    class Window(QWidget):  # what the write needs of the main window, without its matching
        writing: set = set()

        def show_status(self, text: str) -> None:
            print(text)

    window = Window()
    window.show()
    app.processEvents()
    size = grid.stat().st_size / 1024 / 1024
    started = time.perf_counter()
    write_plan(plan, folder / "avant.atelier")  # as before: the UI thread does it all
    took = time.perf_counter() - started
    print(
        f"{rows} rows, {size:.0f} MiB, write on the UI thread (before): {took:.2f} s, "
        f"window frozen {took:.2f} s"
    )
    clock, gaps = QElapsedTimer(), [0]
    timer = QTimer()
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    timer.start(10)
    started = time.perf_counter()
    BackgroundWrite(lambda step: write_plan(plan, folder / "apres.atelier", progress=step)).run(
        window, "Importer", "Écriture…"
    )
    took = time.perf_counter() - started
    timer.stop()
    print(
        f"{rows} rows, {size:.0f} MiB, write off the UI thread (now): {took:.2f} s, "
        f"longest freeze {max(gaps) / 1000:.2f} s"
    )


if __name__ == "__main__":
    main()
