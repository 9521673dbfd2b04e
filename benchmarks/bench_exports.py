"""Export speed: a 200-participant workshop to .docx and to .xlsx.

    python benchmarks/bench_exports.py [--participants 200] [--runs 3]

Each export runs in a fresh process, as `atelier export` does (imports included);
the file is matched first so that the minutes hold matches and shared needs. Baseline, in
the same run: the same items written plainly by python-docx / pandas in a fresh process
(benchmarks/baseline_exports.py), so that the ratio says what Atelier's minutes cost.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from make_workshop import build

    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    source = build(folder / "bench.atelier", args.participants)
    atelier = [sys.executable, "-m", "atelier"]
    subprocess.run([*atelier, "match", str(source), "--save"], check=True, capture_output=True)
    as_json = folder / "bench.json"
    subprocess.run([*atelier, "export", str(source), "--json", str(as_json)], check=True, capture_output=True)
    baseline = [sys.executable, str(ROOT / "benchmarks" / "baseline_exports.py"), str(as_json)]
    for flag, suffix in (("--docx", "docx"), ("--xlsx", "xlsx")):
        medians = []
        for name, command in (
            ("Atelier", [*atelier, "export", str(source), flag]),
            ("baseline", baseline),
        ):
            times = []
            for run in range(args.runs):
                target = folder / f"{name}-{run}.{suffix}"
                started = time.perf_counter()
                subprocess.run([*command, str(target)], check=True, capture_output=True)
                times.append(time.perf_counter() - started)
            size = (folder / f"{name}-0.{suffix}").stat().st_size / 1024
            medians.append(statistics.median(times))
            print(
                f"{args.participants} participants → .{suffix} ({name}): median {medians[-1]:.2f} s "
                f"(min {min(times):.2f} s, {args.runs} runs, {size:.0f} KiB)"
            )
        print(f"  Atelier / plain {suffix}: {medians[0] / medians[1]:.2f}x")


if __name__ == "__main__":
    main()
