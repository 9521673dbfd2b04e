"""What the window's UI thread pays, in a file of many workshops, for what a facilitator does
at each moment: choosing another row (the card and « Qui peut aider ? » follow), a letter typed
in the card, ticking « Ne pas publier dans le répertoire » (the person's rows in every other
workshop of the file are found: `same_person_elsewhere`). A frame is 16 ms.

    python benchmarks/bench_ui_thread.py [--workshops 40] [--participants 60] [--file BIG.atelier]
        [--baseline CHECKOUT] [--runs 15]

A file of --workshops dated workshops of --participants people each (15 items each, people
coming back from one workshop to another: make_workshop.build_region) is made unless --file is
given. The window is opened on a copy of it, offscreen, in a fresh process per tree: this one,
and --baseline, a checkout of the code before a change (`git worktree add --detach /tmp/base
main`), in the same run, taking turns, so that a busy machine slows both alike. Each figure is
the median of --runs, in ms, of the key or click handled to the end on the UI thread.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# Run in a process of its own with the tree to measure first on sys.path.
CHILD = r"""
import json, shutil, sys, time
tree, source, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sys.path.insert(0, tree)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import atelier
assert atelier.__file__.startswith(tree), atelier.__file__
from atelier.matching.across import same_person_elsewhere
from atelier.store import Store
from atelier.ui.main_window import MainWindow
shutil.copy(source, work)
window = MainWindow(Store.open(work, lock=True))
window.resize(1400, 900)
window.show()
QTest.qWaitForWindowExposed(window)
started = time.perf_counter()
while time.perf_counter() - started < 3:  # matching on opening, off the UI thread
    app.processEvents()
    time.sleep(0.01)

def timed(act):
    started = time.perf_counter()
    act()
    return (time.perf_counter() - started) * 1000

out = {}
window.grid.setFocus()
person = window.model.participant_at(window.grid.currentIndex().row())
out["cold"] = [timed(lambda: same_person_elsewhere(window.store, person))]  # nothing kept yet
window.panel.unlisted.click()  # the first write pays for its imports: not measured
window.panel.unlisted.click()
out["selection"] = [timed(lambda: QTest.keyClick(window.grid, Qt.Key.Key_Down)) for _ in range(runs)]
field = window.panel.territory
field.setFocus()
out["keystroke"] = [timed(lambda: QTest.keyClick(field, "a")) for _ in range(runs)]
window.grid.setFocus()
out["tick"] = [timed(window.panel.unlisted.click) for _ in range(runs)]
store = window.store
person = window.model.participant_at(window.grid.currentIndex().row())
out["same_person_elsewhere"] = [timed(lambda: same_person_elsewhere(store, person)) for _ in range(runs)]
print(json.dumps(out))
import os; os._exit(0)
"""

MEASURES = {
    "selection": "another row chosen (Down): card and « Qui peut aider ? »",
    "keystroke": "a letter typed in the card",
    "tick": "« Ne pas publier » ticked (undoable, said)",
    "same_person_elsewhere": "of which: the person's rows elsewhere",
    "cold": "the same, the first time in the session",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workshops", type=int, default=40)
    parser.add_argument("--participants", type=int, default=60, help="per workshop")
    parser.add_argument("--file", type=Path)
    parser.add_argument("--baseline", type=Path, help="a checkout of the code before the change")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    source = folder / "fichier.atelier"
    if args.file:
        shutil.copy(args.file, source)
    else:
        from make_workshop import build_region

        people = args.workshops * args.participants
        build_region(source, args.workshops, people, people * 15)
    trees = {"this tree": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_DATA_DIR=str(folder / "data"))
    samples: dict[str, dict[str, list[float]]] = {name: {m: [] for m in MEASURES} for name in trees}
    for turn in range(2):  # taking turns: a busy machine slows both alike
        for name, tree in trees.items():
            work = folder / f"work-{turn}.atelier"
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(tree), str(source), str(work), str(args.runs)],
                env=env,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                raise SystemExit(f"{name}: {done.stderr[-2000:]}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            for measure in MEASURES:
                samples[name][measure] += result[measure]
            work.unlink()
    shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.workshops} workshops of {args.participants} participants; median ms on the UI thread")
    print(f"{'':58}" + "".join(f"{name:>12}" for name in trees))
    for measure, said in MEASURES.items():
        cells = "".join(f"{statistics.median(samples[name][measure]):12.1f}" for name in trees)
        print(f"{said:58}{cells}")


if __name__ == "__main__":
    main()
