"""Two large inputs a facilitator may meet, timed on this tree and on a baseline checkout in the
same run (each measurement in a fresh interpreter that imports the tree's own `atelier`):

- refusing a CSV whose first line is --headers headers of something else (an export that is
  no grid): « Aucune colonne de grille reconnue… », the time until the sentence is said;
- laying out the projector's network of --people participants, each able to help the next
  (the network view of a large imported grid), as `projection.layout` does.

    python benchmarks/bench_large_inputs.py [--headers 100000] [--people 520] [--runs 3]
        [--baseline CHECKOUT]   # e.g. git worktree add --detach /tmp/before ae0622b
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_HEADERS = """
import sys, time
sys.path.insert(0, sys.argv[1])
from atelier.errors import AtelierError
from atelier.importers import plan_file
started = time.perf_counter()
try:
    plan_file(sys.argv[2])
    said = "read"
except AtelierError as error:
    said = error.user_message()
print(time.perf_counter() - started)
print(said[:60])
"""

_NETWORK = """
import sys, time
sys.path.insert(0, sys.argv[1])
from atelier.projection import Edge, Network, Node, layout
people = int(sys.argv[2])
network = Network(
    nodes=[Node(id=f"p{i}", label=f"Personne {i}", group="Pau") for i in range(people)],
    edges=[Edge(source=f"p{i}", target=f"p{i + 1}", confirmed=i % 7 == 0, weight=1.0)
           for i in range(people - 1)],
)
import networkx, numpy  # imported before the clock starts: the layout alone is timed
started = time.perf_counter()
layout(network)
print(time.perf_counter() - started)
print(len({(round(n.x, 4), round(n.y, 4)) for n in network.nodes}), "places")
"""


def _time(code: str, tree: Path, argument: str, runs: int) -> tuple[float, str]:
    times, said = [], ""
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code, str(tree), argument],
            capture_output=True,
            text=True,
            check=True,
            cwd=tempfile.gettempdir(),
        )
        took, said = done.stdout.strip().split("\n", 1)
        times.append(float(took))
    return statistics.median(times), said


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--headers", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=520)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT", help="the code before a change")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    wide = folder / "export.csv"
    wide.write_text(
        ";".join(f"champ{i}" for i in range(args.headers))
        + "\n"
        + ";".join("x" for _ in range(args.headers))
        + "\n",
        encoding="utf-8",
    )
    trees = [("this tree", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    results: dict[str, dict[str, float]] = {}
    for name, tree in trees:
        refused, said = _time(_HEADERS, tree, str(wide), args.runs)
        laid, places = _time(_NETWORK, tree, str(args.people), args.runs)
        results[name] = {"headers": refused, "network": laid}
        print(f"{name}: {args.headers:,} headers refused in {refused:.2f} s ({said}…)")
        print(f"{name}: network of {args.people} people laid out in {laid:.2f} s ({places})")
    if args.baseline:
        for what in ("headers", "network"):
            ratio = results["this tree"][what] / results["baseline"][what]
            print(f"{what}: this tree / baseline = {ratio:.2f}x")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
