"""One long cell: the Word minutes of a workshop where one participant pasted pages of notes
into « Actions engagées », against the Excel tables of the same file in the same run.

    python benchmarks/bench_long_cell.py [--sizes 26000,104000,325000] [--runs 1]

For each size (characters of the one long cell), a CSV grid is imported in a fresh process,
then exported to .docx and to .xlsx (fresh processes, as `atelier export` runs); the minutes
cost as much as the tables give or take the synthesis, so a ratio that grows with the size
says something is not linear (before: 2.5 s at 26 KB, 28 s at 104 KB, over 150 s at 325 KB,
each word prefix of the statement re-read in `synthesis.terms.piece`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="26000,104000,325000")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    atelier = [sys.executable, "-m", "atelier"]
    folder = Path(tempfile.mkdtemp(prefix="atelier-long-"))
    phrase = "forum emploi "
    print(f"{'cell':>10} {'docx s':>8} {'xlsx s':>8} {'ratio':>6}")
    for size in (int(s) for s in args.sizes.split(",")):
        grid = folder / f"grille-{size}.csv"
        grid.write_text(
            "Participant;Actions;Défis;Besoins;Ressources\n"
            f"Anne Roux / PLIE;{phrase * (size // len(phrase))};;Financement;\n"
            "Jean Dupont / CC;;;;Financement FSE\n",
            encoding="utf-8",
        )
        workshop = folder / f"a-{size}.atelier"
        subprocess.run(
            [*atelier, "import", str(grid), "-o", str(workshop), "--force"], check=True, capture_output=True
        )
        times = {}
        for flag in ("--docx", "--xlsx"):
            target = folder / f"out-{size}.{flag[2:]}"
            times[flag] = statistics.median(
                _timed([*atelier, "export", str(workshop), flag, str(target), "--force"])
                for _ in range(args.runs)
            )
        ratio = times["--docx"] / times["--xlsx"]
        print(f"{size:>10,} {times['--docx']:>8.2f} {times['--xlsx']:>8.2f} {ratio:>6.2f}")


if __name__ == "__main__":
    main()
