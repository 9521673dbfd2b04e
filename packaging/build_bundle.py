#!/usr/bin/env python3
"""Build the one-folder bundle with PyInstaller, then start it on the example.

    python packaging/build_bundle.py            # build, then check the bundle starts
    python packaging/build_bundle.py --no-build # only check an existing bundle

Runs in Atelier's virtual environment (installs PyInstaller there if missing). The
check: `atelier --version` answers the package's version, and
`atelier open examples/atelier-2021-03-16.atelier --quit-after-show` (on a copy, in a
scratch data folder) opens the window and quits with status 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from atelier import __version__

    return __version__


def build() -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("Installation de PyInstaller…", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6"], check=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "atelier.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def check(bundle: Path) -> int:
    executable = bundle / ("atelier.exe" if os.name == "nt" else "atelier")
    if not executable.exists():
        print(f"Pas de bundle dans {bundle} : lancez sans --no-build.", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bundle-"))
    env = dict(os.environ, ATELIER_DATA_DIR=str(scratch / "donnees"), ATELIER_LANG="fr")
    if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    answered = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    print(f"atelier --version → {answered.stdout.strip() or answered.stderr.strip()}")
    if answered.returncode != 0 or version() not in answered.stdout:
        return 1
    examples = scratch / "examples"
    examples.mkdir()
    example = examples / "atelier-2021-03-16.atelier"
    shutil.copy(ROOT / "examples" / example.name, example)
    started = time.perf_counter()
    opened = subprocess.run(
        [str(executable), "open", str(example), "--quit-after-show"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=scratch,
    )
    seconds = time.perf_counter() - started
    print(
        f"atelier open examples/{example.name} --quit-after-show → "
        f"code {opened.returncode} en {seconds:.2f} s"
    )
    if opened.returncode != 0:
        print(opened.stdout, opened.stderr, file=sys.stderr)
        return 1
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    bundle = DIST / f"atelier-{version()}"
    if not args.no_build:
        seconds = build()
        print(f"Bundle construit en {seconds:.0f} s : {bundle} ({folder_size(bundle) / 2**20:.0f} Mo)")
    return check(bundle)


if __name__ == "__main__":
    sys.exit(main())
