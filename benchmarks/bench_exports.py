"""Export speed: a 200-participant workshop to .docx and to .xlsx.

    python benchmarks/bench_exports.py [--participants 200] [--runs 3]

Each export runs in a fresh process, as `atelier export` does (imports included);
the file is matched first so that the minutes hold matches and shared needs.
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
    for flag, suffix in (("--docx", "docx"), ("--xlsx", "xlsx")):
        times = []
        for run in range(args.runs):
            target = folder / f"out-{run}.{suffix}"
            started = time.perf_counter()
            subprocess.run(
                [*atelier, "export", str(source), flag, str(target)], check=True, capture_output=True
            )
            times.append(time.perf_counter() - started)
        size = (folder / f"out-0.{suffix}").stat().st_size / 1024
        print(
            f"{args.participants} participants → .{suffix}: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f} s, {args.runs} runs, {size:.0f} KiB)"
        )


if __name__ == "__main__":
    main()
