"""What erasing a participant costs: the deletion (its history lines taken out, the directory's
index merged so that its words leave the file) and an edit with SQLite's secure_delete on.

    python benchmarks/bench_erasure.py [--file BIG.atelier]

On the example workshop, and on --file when given (a region's decade:
`benchmarks/make_workshop.py BIG.atelier --workshops 300 --participants 6000 --items 100000`):
- deleting a participant through the store (Store.delete_participant), median of 5;
- editing a participant's role, median of 30, with secure_delete on (what Atelier sets) and
  off (what it would cost without), through the same store.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()
    measure(EXAMPLE)
    if args.file:
        measure(args.file)


if __name__ == "__main__":
    main()
