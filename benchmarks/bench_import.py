"""Import speed: a CSV grid whose cells are long (text pasted from a report), read and
planned as the import dialog does before its preview.

    python benchmarks/bench_import.py [--rows 300] [--cell 50000] [--runs 3]
    python benchmarks/bench_import.py --window [--rows 1000]   # ~50 MB: the window while writing

Baseline, in the same run: the same file parsed plainly by the csv module, so that the ratio
says what reading the grid's layout (header, columns, items) costs on top of reading the file.

With --window: the longest the window's UI thread goes without running (a 10 ms timer's
longest gap) while the planned grid is written to a new file, as the window does it (off the
UI thread, with its progress box), against the same write made on the UI thread.

With --dialog: the import dialog's longest freeze while it reads and understands the grid
until its preview shows, then while it understands it again after a column is changed.
With --into: the window's longest freeze while the grid is imported again into the open
example workshop (Fichier › Réimporter la grille dans cet atelier…), from the moment the
dialog is accepted until the window shows the result. Run them on the code before a change
(a checkout of it: the script imports the atelier beside it) to get the baseline.

With --stray: an Excel grid of --rows rows with one stray cell at XFD1048576 (its extent a
million rows by 16,384 columns), read and planned as the import dialog does; how long until
it is read (or refused), median of --runs.

With --tall: an Excel grid of --rows rows (200,000 for a sheet far past the limit; 4,999
for the longest grid taken), written as Excel writes it (text in the shared strings); how
long until it is read (or refused), median of --runs.
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
    parser.add_argument("--dialog", action="store_true", help="the import dialog's longest freeze")
    parser.add_argument("--into", action="store_true", help="the longest freeze of a re-import")
    parser.add_argument("--stray", action="store_true", help="an .xlsx with one cell at XFD1048576")
    parser.add_argument("--tall", action="store_true", help="an .xlsx of --rows rows, as Excel writes it")
    args = parser.parse_args()
    if args.tall:
        tall_sheet(args.rows, args.runs)
        return
    if args.stray:
        stray_cell(args.rows, args.runs)
        return
    if args.window:
        window_freeze(args.rows, args.cell)
        return
    if args.dialog:
        dialog_freeze(args.rows, args.cell)
        return
    if args.into:
        reimport_freeze(args.rows, args.cell)
        return
    from atelier.importers import plan_table
    from atelier.importers.cells import clean
    from atelier.importers.readers import read_table

    grid = _long_grid(Path(tempfile.mkdtemp(prefix="atelier-bench-")), args.rows, args.cell)
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


def stray_cell(rows: int, runs: int) -> None:
    from openpyxl import Workbook

    grid = Path(tempfile.mkdtemp(prefix="atelier-bench-")) / "grille.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Participant", "Actions", "Défis", "Besoins", "Ressources"])
    for row in range(rows):
        sheet.append([f"Personne{row} Nom, Structure {row}", "une action", "mobilité", "un lieu", "un local"])
    sheet.cell(row=1_048_576, column=16_384, value="x")
    workbook.save(grid)
    times, said = _read_or_refuse(grid, runs)
    print(f"{rows} rows and a cell at XFD1048576: median {statistics.median(times):.2f} s, {said}")


def _read_or_refuse(grid: Path, runs: int) -> tuple[list[float], str]:
    """`runs` timings of reading `grid` into an import plan, and what the last one said."""
    from atelier.errors import AtelierError
    from atelier.importers import plan_table
    from atelier.importers.readers import read_table

    times, said = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        try:
            plan = plan_table(read_table(grid), path=str(grid))
            said = f"read: {len(plan.entries)} participants"
        except AtelierError as error:
            said = f"refused: {error.user_message()}"
        times.append(time.perf_counter() - started)
    return times, said


def tall_sheet(rows: int, runs: int) -> None:
    from tests.helpers.tall_excel import tall_xlsx

    grid = tall_xlsx(Path(tempfile.mkdtemp(prefix="atelier-bench-")) / "grille.xlsx", rows)
    times, said = _read_or_refuse(grid, runs)
    size = grid.stat().st_size / 1024 / 1024
    median = statistics.median(times)
    print(f"{rows} rows ({size:.1f} MiB): median {median:.2f} s (min {min(times):.2f} s), {said}")


def window_freeze(rows: int, cell: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-bench-"))
    from PySide6.QtWidgets import QApplication, QWidget

    from atelier.importers import plan_table, write_plan
    from atelier.importers.readers import read_table
    from atelier.ui.operations.grids import BackgroundWrite

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    grid = _long_grid(folder, rows, cell)
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
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    BackgroundWrite(lambda step: write_plan(plan, folder / "apres.atelier", progress=step)).run(
        window, "Importer", "Écriture…"
    )
    took = time.perf_counter() - started
    print(
        f"{rows} rows, {size:.0f} MiB, write off the UI thread (now): {took:.2f} s, "
        f"longest freeze {beat.longest():.2f} s"
    )


def _long_grid(folder: Path, rows: int, cell: int) -> Path:
    grid = folder / "grille.csv"
    words = "Action très longue de l'atelier emploi "
    long = (words * (cell // len(words) + 1))[:cell]
    with grid.open("w", encoding="utf-8") as out:
        out.write("Participant;Actions;Défis;Besoins;Ressources\n")
        for row in range(rows):
            out.write(f"Personne{row} Nom, Structure {row};{long};mobilité;un lieu;un local\n")
    return grid


class Heartbeat:
    """A 10 ms timer on the UI thread: the longest gap between two of its ticks is the longest
    the window went without answering."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock, self.gaps = QElapsedTimer(), [0]
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.gaps.append(self.clock.restart()))

    def start(self) -> None:
        self.gaps[:] = [0]
        self.clock.start()
        self.timer.start(10)

    def longest(self) -> float:
        self.timer.stop()
        return max(self.gaps) / 1000


def _wait(app, done, limit: float = 300) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + limit
    while not done() and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def dialog_freeze(rows: int, cell: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-bench-"))
    from PySide6.QtWidgets import QApplication

    from atelier.ui.import_dialog import ImportDialog

    grid = _long_grid(Path(tempfile.mkdtemp(prefix="atelier-bench-")), rows, cell)
    size = grid.stat().st_size / 1024 / 1024
    app = QApplication.instance() or QApplication([])
    dialog = ImportDialog(grid)
    dialog.show()
    app.processEvents()
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    dialog.start()
    _wait(app, lambda: dialog.plan is not None or bool(dialog.error))
    took = time.perf_counter() - started
    _wait(app, lambda: False, 0.5)  # the preview painted
    print(
        f"{rows} rows, {size:.0f} MiB, dialog read and understood in {took:.2f} s, "
        f"longest freeze {beat.longest():.2f} s"
    )
    first = dialog.plan
    beat.start()
    started = time.perf_counter()
    dialog.set_column_kind(2, "ignore")  # « Défis » left out: understood again
    _wait(app, lambda: dialog.plan is not None and dialog.plan is not first)
    took = time.perf_counter() - started
    _wait(app, lambda: False, 0.5)
    print(
        f"{rows} rows, {size:.0f} MiB, a column changed, understood again in {took:.2f} s, "
        f"longest freeze {beat.longest():.2f} s"
    )


def reimport_freeze(rows: int, cell: int) -> None:
    import os
    import shutil

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-bench-"))
    from PySide6.QtWidgets import QApplication

    from atelier.store import Store
    from atelier.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    grid = _long_grid(folder, rows, cell)
    size = grid.stat().st_size / 1024 / 1024
    path = folder / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    app = QApplication.instance() or QApplication([])
    window = MainWindow(Store.open(path, lock=True))
    window.resize(1366, 768)
    window.show()
    _wait(app, lambda: window.matching is not None and window.matching.engine is not None, 60)
    beat = Heartbeat()

    def accepted(_dialog) -> bool:  # read in the dialog (not measured here): accepted
        beat.start()
        return True

    started = time.perf_counter()
    assert window.reimport_grid(grid, dialog_hook=accepted)
    took = time.perf_counter() - started
    _wait(app, lambda: False, 0.5)
    print(
        f"{rows} rows, {size:.0f} MiB, re-imported into the open workshop in {took:.2f} s "
        f"(dialog included), longest freeze {beat.longest():.2f} s"
    )
    window.close()


if __name__ == "__main__":
    main()
