"""A region's decade in one file: opening, the directory, adding a workshop, matching across.

    python benchmarks/bench_decade.py [--file DECADE.atelier] [--lexical]

Builds (once, with make_workshop.py) a file of 300 workshops, 6,000 participants and
100,000 items, then measures on it, and on the example workshop in the same run as the
baseline:
- opening: Store.open (header, whole-file check, migrations) + the workshops' list + the
  latest workshop's grid (goal ≤ 1 s), then the same as the window does it (the check in
  threads while the grid is read); and the window shown (`atelier open --quit-after-show`);
- a directory search: the median over searches a facilitator types (goal ≤ 50 ms);
- adding a workshop by import of the example's Word grid (goal ≤ 5 s);
- matching one workshop against all the others, `match_workshop(across=True)` (goal ≤ 3 s),
  with the meaning model when installed (and lexical with --lexical).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
SEARCHES = [
    "clauses d'insertion",
    "GPECT",
    "muller",  # a surname typed without its accent (Müller)
    "gerard lefevre",
    "mission locale",
    "emploi",
    "form",  # a prefix: formation, former, formations…
    "mobilité des jeunes",
    "medoc",
    "répertoire d'initiatives locales",
]


def timed(run: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """The median wall time of `repeat` runs, in seconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def opening(path: Path) -> float:
    from atelier.store import Store

    def run() -> int:
        with Store.open(path, lock=True) as store:
            workshops = store.workshops()
            latest = workshops[-1].id
            store.participants(latest)
            return len(store.workshop_items(latest))

    return timed(run, 5)[0]


def opening_for_the_window(path: Path) -> float:
    """The same, as the window opens a file: the pages and values checked in threads while
    the grid is read, and done only once that check has passed (Store.checked)."""
    from atelier.store import Store

    def run() -> int:
        with Store.open(path, lock=True, check_later=True) as store:
            workshops = store.workshops()
            latest = workshops[-1].id
            store.participants(latest)
            found = len(store.workshop_items(latest))
            store.checked()
            return found

    return timed(run, 5)[0]


def window(path: Path) -> float:
    """`atelier open FILE --quit-after-show`, offscreen: the process, from start to the window shown."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ATELIER_SEMANTIC": "0"}
    env["ATELIER_DATA_DIR"] = tempfile.mkdtemp(prefix="atelier-bench-")

    def run() -> None:
        subprocess.run(
            [sys.executable, "-m", "atelier", "open", str(path), "--quit-after-show"],
            check=True,
            env=env,
            capture_output=True,
            timeout=120,
        )

    return timed(run, 3)[0]


def searches(path: Path) -> tuple[float, dict[str, tuple[float, int]]]:
    from atelier.store import Store

    found: dict[str, tuple[float, int]] = {}
    with Store.open(path, readonly=True) as store:
        for text in SEARCHES:
            seconds, (_, total) = timed(lambda t=text: store.search(t, limit=50), 15)
            found[text] = (seconds, total)
    return statistics.median(s for s, _ in found.values()), found


def adding(path: Path) -> float:
    from atelier.importers import import_as_new_workshop

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    try:
        copy = folder / path.name
        shutil.copy(path, copy)
        return timed(lambda: import_as_new_workshop(GRID, copy, date="2026-03-16"))[0]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def across(path: Path, vectors: Any) -> tuple[float, int, int]:
    """Matching the latest workshop against every other: seconds, suggestions from elsewhere, needs."""
    from atelier.matching import match_workshop
    from atelier.store import Store

    with Store.open(path, readonly=True) as store:
        latest = store.workshops()[-1].id
        seconds, report = timed(lambda: match_workshop(store, latest, vectors=vectors, across=True))
        here = {i.id for i in store.workshop_items(latest)}
    elsewhere = sum(1 for found in report.suggestions.values() for s in found if s.resource_id not in here)
    return seconds, elsewhere, len(report.suggestions)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=Path(tempfile.gettempdir()) / "atelier-decennie.atelier")
    parser.add_argument("--lexical", action="store_true", help="match on words only (no meaning model)")
    parser.add_argument("--no-window", action="store_true", help="skip the window's opening time")
    args = parser.parse_args()
    if not args.file.exists():
        from make_workshop import build_region

        start = time.perf_counter()
        build_region(args.file, 300, 6000, 100_000)
        print(f"built {args.file} in {time.perf_counter() - start:.0f} s")
    from atelier.store import Store

    with Store.open(args.file, readonly=True) as store:
        summary = store.summary()
    items = sum(summary.items.values())
    print(
        f"file: {len(summary.workshops)} workshops, {summary.participants} participants, {items} items, "
        f"{args.file.stat().st_size / 1e6:.0f} MB; baseline: the example (1 workshop, 22 participants)"
    )
    vectors = None
    if not args.lexical:
        from atelier.matching.semantic import shared_vectors

        vectors = shared_vectors()
    meaning = "with meaning" if vectors is not None else "lexical"

    rows = []
    rows.append(("opening (store + latest grid)", opening(args.file), opening(EXAMPLE), 1.0))
    rows.append(
        (
            "  the same, checked in threads (the window)",
            opening_for_the_window(args.file),
            opening_for_the_window(EXAMPLE),
            1.0,
        )
    )
    if not args.no_window:
        rows.append(("opening the window (process)", window(args.file), window(EXAMPLE), None))
    median, per_query = searches(args.file)
    base, _ = searches(EXAMPLE)
    rows.append(("directory search (median)", median, base, 0.050))
    rows.append(("adding a workshop by import", adding(args.file), adding(EXAMPLE), 5.0))
    big = across(args.file, vectors)
    small = across(EXAMPLE, vectors)
    rows.append((f"matching one workshop vs all others ({meaning})", big[0], small[0], 3.0))

    print(f"\n{'measure':48} {'decade':>10} {'example':>10} {'goal':>8}")
    for name, value, baseline, goal in rows:
        verdict = "" if goal is None else ("ok" if value <= goal else "OVER")
        goal_text = "" if goal is None else f"≤ {goal * 1000:.0f} ms" if goal < 1 else f"≤ {goal:.0f} s"
        print(f"{name:48} {value * 1000:8.0f} ms {baseline * 1000:8.1f} ms {goal_text:>8} {verdict}")
    print("\nsearches on the decade (median of 15, total hits):")
    for text, (seconds, total) in per_query.items():
        print(f"  {text!r:40} {seconds * 1000:6.1f} ms  {total:6d}")
    print(f"\nacross: {big[1]} suggestions from other workshops for {big[2]} needs of the latest workshop")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
