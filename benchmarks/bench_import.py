"""Import speed: a CSV grid whose cells are long (text pasted from a report), read and
planned as the import dialog does before its preview.

    python benchmarks/bench_import.py [--rows 300] [--cell 50000] [--runs 3]

Baseline, in the same run: the same file parsed plainly by the csv module, so that the ratio
says what reading the grid's layout (header, columns, items) costs on top of reading the file.
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
