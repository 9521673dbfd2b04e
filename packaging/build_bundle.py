#!/usr/bin/env python3
"""Build the one-folder bundle with PyInstaller, then start it on the example.

    python packaging/build_bundle.py            # build, then check the bundle starts
    python packaging/build_bundle.py --no-build # only check an existing bundle

Runs in Atelier's virtual environment (installs PyInstaller there if missing). The
check, on copies in a scratch folder: `atelier --version` answers the package's version;
Qt's French and English translations are in (and no other language of Qt's);
`open … --quit-after-show`, `example --quit-after-show`, `import`, `export --docx` and
`export --xlsx` succeed; `match --json` on the example gives the same suggestions as the
source install, some of them by meaning (the word-vector table is inside).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    """Bytes on disk, each file once (PyInstaller links some libraries from the top folder)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


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
    # Qt's own French and English (the file dialogs' labels, the boxes' buttons: ui/app.py
    # loads them), kept by the spec while every other language of Qt is left out.
    kept = sorted({path.name for path in bundle.rglob("qtbase_*.qm")})
    print(f"traductions de Qt : {', '.join(kept) or 'aucune'}")
    if kept != ["qtbase_en.qm", "qtbase_fr.qm"]:
        return 1
    examples = scratch / "examples"
    examples.mkdir()
    example = examples / "atelier-2021-03-16.atelier"
    shutil.copy(ROOT / "examples" / example.name, example)
    shutil.copy(ROOT / "examples" / "grille-atelier-2021-03-16.docx", scratch / "grille.docx")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        started = time.perf_counter()
        done = subprocess.run(
            [str(executable), *args], capture_output=True, text=True, env=env, timeout=300, cwd=scratch
        )
        shown = " ".join(a.replace(str(scratch) + os.sep, "") for a in args)
        print(f"atelier {shown} → code {done.returncode} en {time.perf_counter() - started:.2f} s")
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
        return done

    steps = [
        run("open", str(example), "--quit-after-show"),
        run("example", "--quit-after-show"),
        run("import", "grille.docx", "-o", "importe.atelier"),
        run("export", str(example), "--docx", "compte-rendu.docx"),
        run("export", str(example), "--xlsx", "tableaux.xlsx"),
    ]
    if any(step.returncode != 0 for step in steps):
        return 1
    # Matching, by meaning too, gives exactly what the source install gives on the example.
    bundled = run("match", str(example), "--json")
    source = subprocess.run(
        [sys.executable, "-m", "atelier", "match", str(example), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=ROOT,
    )
    if bundled.returncode != 0 or source.returncode != 0:
        print(source.stderr[-2000:], file=sys.stderr)
        return 1
    suggestions = [_suggestions(json.loads(out.stdout)) for out in (bundled, source)]
    meaning = sum(any(why["kind"] == "meaning" for why in found[3]) for found in suggestions[0])
    same = suggestions[0] == suggestions[1]
    print(
        f"rapprochement : {len(suggestions[0])} suggestions, {meaning} par le sens ; "
        f"{'identiques' if same else 'DIFFÉRENTES'} à celles de l'installation source"
    )
    if not same or not meaning:
        return 1
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _suggestions(report: dict[str, Any]) -> list[tuple[str, str, float, list[Any], list[Any]]]:
    return [
        (need["id"], found["id"], round(found["score"], 6), found.get("why", []), found["reasons"])
        for need in report["needs"]
        for found in need["suggestions"]
    ]


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
