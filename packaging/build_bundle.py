#!/usr/bin/env python3
"""Build the one-folder bundle with PyInstaller, then check it on the example.

    python packaging/build_bundle.py            # build, then check the bundle
    python packaging/build_bundle.py --no-build # only check an existing bundle

Runs in Atelier's virtual environment (installs PyInstaller there if missing). The
check, on copies in a scratch folder:
- `atelier --version` answers the package's version; Qt's French and English
  translations are in (and no other language of Qt's); on Linux, every library of the
  bundle finds the libraries it needs (nothing left out that a kept file loads);
- every command of the README runs: `open … --quit-after-show`, `example
  --quit-after-show`, `new`, `import`, `merge`, `export --docx/--xlsx/--fiches/--json`;
- `info`, `match`, `match --json`, `search --json`, `suivi --json`, `workshops --json` and
  `export --json -` print exactly what the source install prints, and leave the file
  byte-identical; the Word minutes, the participant pages and the Excel tables hold the
  same text as the source install's;
- `info`, `match` and `suivi` in English print what the source install prints; a Word, an
  Excel and a CSV grid are imported and matched with the same output;
- matching is by meaning (the word-vector table is inside): `match` differs from
  `match --lexical`;
- the executable runs through a symbolic link (~/.local/bin/atelier, packaging/README.md).
The source install is this tree (PYTHONPATH), even if the running Python has another
checkout installed in editable mode.
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


def missing_libraries(bundle: Path) -> list[str]:
    """Linux: the libraries a bundled file needs that PyInstaller would bundle (not the
    system's own: libc, OpenGL, X11, Wayland) but that the bundle lacks, so that the file
    would load them from the system, or not at all. The spec leaves Qt plugins out, and the
    libraries only they needed: this says that no kept file needed one of those."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    from PyInstaller.depend.dylib import include_library

    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        listed = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in listed.splitlines():
            name, _, found = line.strip().partition(" => ")
            if not found or not include_library(name):
                continue
            target = found.split(" (")[0]
            if found.startswith("not found") or not Path(target).resolve().is_relative_to(internal.resolve()):
                missing.append(f"{path.relative_to(bundle)} : {name} ({target})")
    return missing


def largest(bundle: Path, count: int = 15) -> list[tuple[int, str]]:
    """The biggest files of the bundle, biggest first."""
    files = [
        (p.lstat().st_size, str(p.relative_to(bundle)))
        for p in bundle.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(files, reverse=True)[:count]


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
    missing = missing_libraries(bundle)
    missing += [
        f"{link.relative_to(bundle)} : lien cassé"
        for link in bundle.rglob("*")
        if link.is_symlink() and not link.exists()
    ]
    print(f"bibliothèques introuvables : {len(missing)}")
    for line in missing:
        print(f"  {line}", file=sys.stderr)
    if missing:
        return 1
    examples = scratch / "examples"
    examples.mkdir()
    example = examples / "atelier-2021-03-16.atelier"
    shutil.copy(ROOT / "examples" / example.name, example)
    shutil.copy(ROOT / "examples" / "grille-atelier-2021-03-16.docx", scratch / "grille.docx")
    for name in ("saisie-1.atelier", "saisie-2.atelier"):  # two entries of one workshop, to merge
        shutil.copy(example, scratch / name)
    source_dir = scratch / "source"
    source_dir.mkdir()

    # The source install is this tree (the one the bundle was built from), even when the
    # Python running this script has another checkout installed in editable mode.
    source_env = dict(env, PYTHONPATH=str(ROOT))

    def run(*args: str, source: bool = False, lang: str = "fr") -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "atelier"] if source else [str(executable)]
        started = time.perf_counter()
        done = subprocess.run(
            [*command, *args], capture_output=True, text=True, timeout=300,
            env=dict(source_env if source else env, ATELIER_LANG=lang),
            cwd=source_dir if source else scratch,
        )  # fmt: skip
        if not source:
            shown = " ".join(a.replace(str(scratch) + os.sep, "") for a in args)
            shown = shown if lang == "fr" else f"{shown} (ATELIER_LANG={lang})"
            print(f"atelier {shown} → code {done.returncode} en {time.perf_counter() - started:.2f} s")
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
        return done

    failed = False
    # Read-only commands: the same output as the source install, the file untouched.
    before = example.read_bytes()
    outputs: dict[str, str] = {}
    for args in (
        ("info", str(example)),
        ("match", str(example)),
        ("match", str(example), "--json"),
        ("search", str(example), "emploi", "--json"),
        ("suivi", str(example), "--json"),
        ("workshops", str(example), "--json"),
        ("export", str(example), "--json", "-"),
    ):
        bundled, source = run(*args), run(*args, source=True)
        outputs[" ".join(args[:1] + args[2:])] = bundled.stdout
        same = bundled.returncode == 0 == source.returncode and bundled.stdout == source.stdout
        if not same:
            print(f"  sortie DIFFÉRENTE de l'installation source : {' '.join(args[:1] + args[2:])}")
            failed = True
    # In English too (the command line's messages and the matching reasons).
    for args in (("info", str(example)), ("match", str(example)), ("suivi", str(example))):
        bundled, source = run(*args, lang="en"), run(*args, source=True, lang="en")
        if not bundled.returncode == 0 == source.returncode or bundled.stdout != source.stdout:
            print(f"  sortie anglaise DIFFÉRENTE de l'installation source : {args[0]}")
            failed = True
    if example.read_bytes() != before:
        print("  le fichier d'exemple a changé après des commandes qui ne font que lire")
        failed = True
    # Matching by meaning: the vector table is in the bundle, so `--lexical` gives other
    # suggestions (or other scores) than the default.
    lexical = run("match", str(example), "--json", "--lexical")
    suggestions = _suggestions(json.loads(outputs["match --json"] or "{}"))
    by_meaning = lexical.returncode == 0 and lexical.stdout != outputs["match --json"]
    meaning = "le sens compte (elles diffèrent de --lexical)" if by_meaning else "SANS LE SENS (= --lexical)"
    print(f"rapprochement : {len(suggestions)} suggestions, {meaning}")
    failed = failed or not suggestions or not by_meaning

    # Commands that write: they succeed, and the documents say what the source install's say.
    steps = [
        run("open", str(example), "--quit-after-show"),
        run("example", "--quit-after-show"),
        run("new", "nouveau.atelier", "--title", "Atelier d'essai", "--date", "23/11/2026"),
        run("import", "grille.docx", "-o", "importe.atelier"),
        run("merge", "saisie-1.atelier", "saisie-2.atelier", "-o", "fusion.atelier"),
    ]
    failed = failed or any(step.returncode != 0 for step in steps)
    # Grids in each format: the bundle reads the same columns and the same entries, and
    # matches the imported workshop as the source install does (the text output names people,
    # not the random identifiers an import gives).
    _write_grids(scratch)
    for grid in ("grille.docx", "grille.xlsx", "grille.csv"):
        shutil.copy(scratch / grid, source_dir / grid)
        target = f"{Path(grid).suffix[1:]}.atelier"
        for args in (("import", grid, "-o", target), ("match", target)):
            bundled, source = run(*args), run(*args, source=True)
            if not bundled.returncode == 0 == source.returncode or bundled.stdout != source.stdout:
                print(f"  sortie DIFFÉRENTE de l'installation source : {' '.join(args)}")
                failed = True
    # Installed as packaging/README.md says: a symbolic link to the executable in ~/.local/bin.
    link = scratch / "bin" / executable.name
    link.parent.mkdir()
    try:
        link.symlink_to(executable)
    except OSError:  # Windows without the right to make links
        pass
    else:
        linked = subprocess.run(
            [str(link), "info", str(example)], capture_output=True, text=True, env=env, timeout=60
        )
        print(f"atelier (lien symbolique) info → code {linked.returncode}")
        failed = failed or linked.returncode != 0 or linked.stdout != outputs["info"]
    for option, name in (
        ("--docx", "compte-rendu.docx"),
        ("--fiches", "fiches.docx"),
        ("--xlsx", "tableaux.xlsx"),
    ):
        pristine = source_dir / example.name
        shutil.copy(ROOT / "examples" / example.name, pristine)
        bundled = run("export", str(pristine), option, name)
        source = run("export", str(pristine), option, name, source=True)
        if bundled.returncode != 0 or source.returncode != 0:
            failed = True
            continue
        same = _document_text(scratch / name) == _document_text(source_dir / name)
        print(f"  {name} : {'même texte' if same else 'texte DIFFÉRENT'} que l'installation source")
        failed = failed or not same
    if failed:
        print(f"Échec : les fichiers sont dans {scratch}", file=sys.stderr)
        return 1
    shutil.rmtree(scratch, ignore_errors=True)
    print("Le bundle fait tout ce que fait l'installation source.")
    return 0


def _write_grids(scratch: Path) -> None:
    """A CSV grid and the same grid in Excel (with a second sheet of notes, no grid in it),
    with the columns a facilitator's own table has: name, organisation, territory, role, mail."""
    from openpyxl import Workbook

    rows = [
        ["Structure", "Nom", "Territoire", "Fonction", "Mail", "Actions engagées", "Besoins",
         "Je peux être ressource sur"],
        ["Mission locale du Béarn", "Karim Benali", "Pau", "Conseiller", "karim@example.org",
         "Forum de l'emploi", "Des locaux pour les ateliers",
         "Les ateliers CV et l'accompagnement des jeunes"],
        ["CAF des Landes", "Zoé Martin", "Landes", "Directrice", "zoe@example.org",
         "Aides aux familles", "Des bénévoles pour la garde d'enfants",
         "La garde d'enfants en horaires décalés"],
        ["PLIE Pays Basque", "Loïc Bérard", "Bayonne", "Chargé de mission", "loic@example.org",
         "Parcours renforcés", "Des contacts avec les entreprises du BTP",
         "L'accompagnement renforcé vers l'emploi"],
        ["Maison de l'emploi", "Inès Roux", "Mont-de-Marsan", "Animatrice", "ines@example.org",
         "Permanences itinérantes", "Des solutions de mobilité pour les jeunes",
         "Le prêt de locaux pour des ateliers"],
    ]  # fmt: skip
    (scratch / "grille.csv").write_text("".join(";".join(row) + "\n" for row in rows), encoding="utf-8")
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.create_sheet("Notes").append(["Prochain atelier en juin"])
    book.save(scratch / "grille.xlsx")


def _suggestions(report: dict[str, Any]) -> list[tuple[str, str, float, list[Any], list[Any]]]:
    return [
        (need["id"], found["id"], round(found["score"], 6), found.get("why", []), found["reasons"])
        for need in report.get("needs", [])
        for found in need["suggestions"]
    ]


def _document_text(path: Path) -> list[str]:
    """Every paragraph and table cell of a Word file, every cell of an Excel file."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        return [
            f"{sheet.title}!{value}"
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
            for value in row
        ]
    from docx import Document

    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [paragraph.text for paragraph in document.paragraphs] + cells


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    bundle = DIST / f"atelier-{version()}"
    if not args.no_build:
        seconds = build()
        print(f"Bundle construit en {seconds:.0f} s : {bundle}")
    if bundle.exists():
        print(f"Taille : {folder_size(bundle) / 2**20:.0f} Mio ; les plus gros :")
        for size, name in largest(bundle):
            print(f"  {size / 2**20:6.1f} Mio  {name}")
    return check(bundle)


if __name__ == "__main__":
    sys.exit(main())
