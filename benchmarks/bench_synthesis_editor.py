"""The synthesis editor's opening: how long the UI thread is blocked, now and before.

    python benchmarks/bench_synthesis_editor.py [--participants 300] [--runs 3] [--before REV]

The editor computes the grid's figures (the export's gather, its shared needs with word
vectors, and Atelier's draft) to mark the sections to read again. It did so on the UI thread
when it opened; it now does so off it (a QueryOp), the editor open meanwhile. Measured on the
example workshop and on a generated one (make_workshop.py), both matched first (as the window
leaves a file a few seconds after opening it), in two cases:
- « first »: no synthesis yet (Atelier's draft is written once computed);
- « again »: a synthesis with one section edited by hand, and a participant deleted since
  (that section is marked ⚠, the untouched ones drafted again).

Each opening runs in a fresh process (the first opening of a session: the imports and the
word vectors paid then), the window shown, its own matching stopped so that it does not
compete. The code path before (the editor's module at REV, by default the commit before the
editor computed off the UI thread) is loaded from git and timed in the same run, the two
taking turns. Figures, medians over the runs:
- « opened »: from the click to the editor painted, the UI thread busy all along;
- « longest freeze »: the longest the event loop went without turning (a 5 ms heartbeat)
  from the click until the figures are shown: what the user feels;
- « figures in »: from the click until the ⚠ marks are shown (after: off the UI thread, the
  window responsive meanwhile), and the UI thread's share in receiving them (the draft
  written, the marks set).
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
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
MODULE = "atelier/ui/synthesis.py"


def _before_source(rev: str | None) -> str | None:
    """The editor's module before it computed its figures off the UI thread (None: no git)."""
    try:
        if rev is None:
            found = subprocess.run(
                ["git", "-C", str(ROOT), "log", "-1", "--format=%H", "-S", "def grid_drafts", "--", MODULE],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            if not found:
                return None
            rev = f"{found}^"
        return subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:{MODULE}"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def _prepare(path: Path, again: bool) -> None:
    """Matched (suggestions saved, as the window leaves a file); for « again », Atelier's draft
    saved, its first section edited by hand, then one participant deleted."""
    done = subprocess.run(
        [sys.executable, "-m", "atelier", "match", str(path), "--save"], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    if not again:
        return
    from atelier.domain import SynthesisSection
    from atelier.drafted import draft_heading_key, drafted_record
    from atelier.store import Store
    from atelier.ui.synthesis import grid_drafts

    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        drafts = grid_drafts(store.reader, workshop_id, {"fr"})["fr"]
        for n, (heading, body) in enumerate(drafts):
            key = draft_heading_key(heading)
            record = drafted_record(key, heading, body) if key else {}
            section = SynthesisSection(workshop_id, heading, body, drafted=record)
            store.add_synthesis_section(section)
            if n == 0:
                store.update_synthesis_section(section.id, heading=heading, body=body + " Merci pour tout.")
        store.delete_participant(store.participants(workshop_id)[0].id)


def child(path: Path, code: str, before: str | None) -> dict[str, float]:
    """One opening of the editor in this fresh process: its times, in seconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-bench-data-"))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from atelier.store import Store
    from atelier.ui.app import application
    from atelier.ui.main_window import MainWindow

    app = application()
    window = MainWindow(Store.open(path))
    if window.matching is not None:
        window.matching.shutdown()  # the file is matched: the window's own run would only compete
    window.resize(1300, 740)
    window.show()
    for _ in range(20):
        app.processEvents()
    if code == "before":
        import importlib.util

        module_path = Path(tempfile.mkdtemp(prefix="atelier-bench-before-")) / "synthesis_before.py"
        module_path.write_text(before or "", encoding="utf-8")
        spec = importlib.util.spec_from_file_location("atelier.ui.synthesis_before", module_path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        dialog_class: Any = module.SynthesisDialog
    else:
        from atelier.ui.synthesis import SynthesisDialog as dialog_class

    times: dict[str, float] = {"applied": 0.0}
    ticks: list[float] = []
    receive = getattr(dialog_class, "_figures_in", None)
    if receive is not None:  # after: the figures received on the UI thread, drafts written

        def timed_receive(self: Any, figures: Any) -> None:
            began = time.perf_counter()
            receive(self, figures)
            times["applied"] += time.perf_counter() - began

        dialog_class._figures_in = timed_receive
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
            if event.type() == QEvent.Type.Paint and "opened" not in times:
                times["opened"] = time.perf_counter() - start
            return False

    def figures_in(dialog: Any) -> bool:
        box = getattr(dialog, "figures_box", None)
        return box is None or box.isHidden()  # before: computed in the constructor

    painted = Painted()
    heartbeat.start()
    app.processEvents()
    start = time.perf_counter()
    ticks.append(start)
    dialog = dialog_class(window.model, window)
    dialog.installEventFilter(painted)
    dialog.show()
    while not (figures_in(dialog) and "opened" in times):
        app.processEvents()
        time.sleep(0.001)
    times["figures in"] = time.perf_counter() - start
    ticks.append(time.perf_counter())
    heartbeat.stop()
    times["longest freeze"] = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    times["marks"] = float(sum("⚠" in dialog.list.item(n).text() for n in range(dialog.list.count())))
    times["sections"] = float(dialog.list.count())
    dialog.close()
    window.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", metavar="REV", help="the editor's code before (git revision)")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "CODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    before = _before_source(args.before)
    if args.child:
        print(json.dumps(child(Path(args.child[0]), args.child[1], before)))
        return

    from make_workshop import build

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    example = folder / "exemple.atelier"
    shutil.copy(EXAMPLE, example)
    generated = build(folder / "genere.atelier", args.participants)
    codes = ["before", "after"] if before else ["after"]
    if not before:
        print("(the code before is not available here: git, or --before REV)")
    files = ((example, "example (22 participants)"), (generated, f"{args.participants} participants"))
    for source, name in files:
        for case in ("first", "again"):
            prepared = folder / f"{source.stem}-{case}.atelier"
            shutil.copy(source, prepared)
            _prepare(prepared, again=case == "again")
            found: dict[str, list[dict[str, float]]] = {code: [] for code in codes}
            for run in range(args.runs):
                for code in codes:
                    copy = folder / f"{source.stem}-{case}-{code}-{run}.atelier"
                    shutil.copy(prepared, copy)
                    done = subprocess.run(
                        [sys.executable, __file__, "--child", str(copy), code]
                        + (["--before", args.before] if args.before else []),
                        capture_output=True,
                        text=True,
                    )
                    if done.returncode != 0:
                        raise SystemExit(f"{name}, {case}, {code}: {done.stderr[-2000:]}")
                    found[code].append(json.loads(done.stdout.strip().splitlines()[-1]))
            for code in codes:
                runs = found[code]

                def median(key: str, runs: list[dict[str, float]] = runs) -> float:
                    return statistics.median(r[key] for r in runs)

                received = median("applied")
                applied = f" (received on the UI thread: {received:.2f} s)" if code == "after" else ""
                print(
                    f"{name}, {case} opening, {code:6}: opened {median('opened'):.2f} s, "
                    f"longest freeze {median('longest freeze'):.2f} s, "
                    f"figures in {median('figures in'):.2f} s{applied}; "
                    f"{int(median('sections'))} sections, {int(median('marks'))} ⚠, {len(runs)} runs"
                )
            if len(codes) == 2:
                ratio = statistics.median(r["longest freeze"] for r in found["before"]) / max(
                    statistics.median(r["longest freeze"] for r in found["after"]), 1e-3
                )
                print(f"  longest freeze, before / after: {ratio:.1f}x")


if __name__ == "__main__":
    main()
