"""What the window pays, off its UI thread, each time it builds again the matcher over the other
workshops of its file (after someone joins, leaves or is renamed, a merge, a workshop added):
reading the other workshops' offers and actions, as MatchingService's worker does.

    python benchmarks/bench_across.py [--workshops 20] [--file BIG.atelier] [--runs 5]

A file of --workshops dated workshops (20 participants each, 15 items each) is made, unless
--file is given (a region's decade: `benchmarks/make_workshop.py BIG.atelier --workshops 300
--participants 6000 --items 100000`). It is opened as the window opens it (locked, for
writing); then the builder is run --runs times for the latest workshop's needs, each time
from nothing (no matcher to reuse). Median and min, in ms. Run it on the code before a change
(a checkout of it: the script imports the atelier beside it) to get the baseline.
"""

from __future__ import annotations

import argparse
import inspect
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workshops", type=int, default=20)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from make_workshop import build_region

    from atelier.domain import ItemKind
    from atelier.matching import statements, workshop_glossary
    from atelier.store import Store
    from atelier.ui.matching import _across_builder

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    path = folder / "fichier.atelier"
    if args.file:
        shutil.copy(args.file, path)
    else:
        build_region(path, args.workshops, args.workshops * 20, args.workshops * 20 * 15)
    with Store.open(path, lock=True) as store:
        latest = max(store.workshops(), key=lambda w: (w.date or "", w.created))
        glossary = workshop_glossary(store, latest.id)
        needs = [s for s in statements(store, latest.id) if s.kind == ItemKind.NEED]
        first = next(iter(inspect.signature(_across_builder).parameters))
        times = []
        for _ in range(args.runs):
            if first == "path":  # before: the file opened again by its name
                build = _across_builder(store.path, latest.id, glossary, None, None)
            else:
                build = _across_builder(store, latest.id, glossary, None, None, None)
            started = time.perf_counter()
            matcher = build(needs)
            times.append(time.perf_counter() - started)
        # The opening alone: by its name with the whole check (before), through Store.reader (after).
        opening: dict[str, list[float]] = {"checked": [], "reader": []}
        for _ in range(args.runs):
            started = time.perf_counter()
            with Store.open(store.path, readonly=True):
                opening["checked"].append(time.perf_counter() - started)
            started = time.perf_counter()
            with store.reader():
                opening["reader"].append(time.perf_counter() - started)
        size = path.stat().st_size / 1024 / 1024
        count = len(store.workshops())
        pool = len(matcher.others.statements) if matcher is not None else 0
    shutil.rmtree(folder)
    print(
        f"{count} workshops ({size:.0f} MiB), {len(needs)} needs, {pool} offers and actions elsewhere: "
        f"a rebuild {statistics.median(times) * 1000:.0f} ms median (min {min(times) * 1000:.0f} ms) "
        f"of {args.runs}; of which opening, by its name with the whole check: "
        f"{statistics.median(opening['checked']) * 1000:.0f} ms, through Store.reader: "
        f"{statistics.median(opening['reader']) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
