#!/usr/bin/env python3
"""Build the one-folder bundle with PyInstaller, then check that it runs every command.

    python packaging/build_bundle.py            # build, then check the bundle
    python packaging/build_bundle.py --no-build # only check an existing bundle
    python packaging/build_bundle.py --no-build --reference /tmp/venv/bin/atelier

Runs in Atelier's virtual environment (installs PyInstaller there if missing). The
check, on copies in a scratch folder:
- `atelier --version` answers the package's version; Qt's French and English
  translations are in (and no other language of Qt's); on Linux, every library of the
  bundle finds the libraries it needs (nothing left out that a kept file loads);
- every command `atelier --help` lists (a command missing from `_steps` fails the check),
  with its help, is run by the bundle and by the reference, each in an empty folder of its
  own, in French then in English (LANG=fr_FR.UTF-8 / en_US.UTF-8, installed or not): `new`;
  `import` of a Word, an Excel (with a sheet of notes beside the grid), a CSV and a text grid,
  and into a file; `info`; `match` on each, `--save`; `export` to Word, participant pages,
  Excel and JSON, anonymised, on a template; `suivi` listed, then a step dated (and a day
  still to come, refused); `search`; `workshops --add`; `merge`, the same copy again, `--json`;
  `open` and `example` (offscreen: the window opens, shows, quits). Each prints what the
  reference prints, on stdout and stderr, with the same exit code and no traceback (the
  identifiers an import draws at random aside); every document written holds the same text;
  the example, only read, stays byte-identical;
- matching is by meaning (the word-vector table is inside): `match` differs from
  `match --lexical`; with ten places a need, the empty ones are filled by meaning alone,
  « à vérifier » (the second table, e5.npy, is inside);
- the documents follow the interface's language: each Word and Excel file of the English
  run differs from the French one;
- the executable runs through a symbolic link (~/.local/bin/atelier, packaging/README.md).
The reference is this tree (PYTHONPATH), even if the running Python has another checkout
installed in editable mode; or, with --reference, an installed `atelier` (a venv's
bin/atelier after `pip install .`, its python beside it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
FILLED_TOP = 10  # places a need in the check of the places filled by meaning
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


def check(bundle: Path, reference: list[str] | None = None) -> int:
    executable = bundle / ("atelier.exe" if os.name == "nt" else "atelier")
    if not executable.exists():
        print(f"Pas de bundle dans {bundle} : lancez sans --no-build.", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bundle-"))
    env = _env(scratch / "donnees", "fr")
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

    # The reference: this tree (the one the bundle was built from, even when the Python
    # running this script has another checkout installed in editable mode), or --reference.
    reference_env: dict[str, str] = {}
    if reference is None:
        reference = [sys.executable, "-m", "atelier"]
        reference_env = {"PYTHONPATH": str(ROOT)}
    followed = _workshop_to_follow(scratch, reference, reference_env)
    listed = subprocess.run([str(executable), "--help"], capture_output=True, text=True, env=env).stdout
    commands = re.findall(r"^    ([a-z]+)\b", listed, flags=re.MULTILINE)
    failed = False
    for lang in ("fr", "en"):
        steps = _steps(lang, commands, followed)
        not_run = set(commands) - {args[0] for args in steps}
        if not_run:  # a command added to the help without a line in _steps
            print(f"  commandes de l'aide que cette vérification ne lance pas : {', '.join(sorted(not_run))}")
            failed = True
        failed = _compare(scratch / lang, executable, reference, reference_env, lang, steps) or failed

    # Matching by meaning: the vector table is in the bundle, so `--lexical` gives other
    # suggestions (or other scores) than the default.
    example = scratch / "fr" / "bundle" / "exemple.atelier"
    by_meaning, lexical = (
        subprocess.run(
            [str(executable), "match", str(example), "--json", *extra],
            capture_output=True, text=True, env=env, timeout=300,
        ).stdout
        for extra in ((), ("--lexical",))
    )  # fmt: skip
    suggestions = _suggestions(json.loads(by_meaning or "{}"))
    meaning = by_meaning != lexical
    said = "le sens compte (elles diffèrent de --lexical)" if meaning else "SANS LE SENS (= --lexical)"
    print(f"rapprochement : {len(suggestions)} suggestions, {said}")
    failed = failed or not suggestions or not meaning
    # The empty places filled by meaning alone (the second table, e5.npy, memory-mapped as
    # WordVectors.filler): with ten places a need, the example's needs have some, below the
    # score any linked suggestion has. Without the table the bundle leaves them empty.
    filled = _filled(
        json.loads(
            subprocess.run(
                [str(executable), "match", str(example), "--top", str(FILLED_TOP), "--json"],
                capture_output=True, text=True, env=env, timeout=300,
            ).stdout or "{}"
        )
    )  # fmt: skip
    labels = ", ".join(sorted(set(filled)))
    print(f"places vides remplies par le sens (--top {FILLED_TOP}) : {len(filled)} ({labels})")
    failed = failed or not filled or set(filled) != {"à vérifier"}
    # Documents in the interface's language: what the English run wrote is in English.
    same_text = [
        written.name
        for written in sorted((scratch / "en" / "bundle").iterdir())
        if written.suffix in (".docx", ".xlsx")
        and not written.name.startswith("grille.")
        and (scratch / "fr" / "bundle" / written.name).is_file()
        and _document_text(written) == _document_text(scratch / "fr" / "bundle" / written.name)
    ]
    print(f"documents anglais au même texte que le français : {len(same_text)} {' '.join(same_text)}")
    failed = failed or bool(same_text)
    # Installed as packaging/README.md says: a symbolic link to the executable in ~/.local/bin.
    link = scratch / "bin" / executable.name
    link.parent.mkdir()
    try:
        link.symlink_to(executable)
    except OSError:  # Windows without the right to make links
        pass
    else:
        direct, linked = (
            subprocess.run(
                [str(path), "info", str(example)], capture_output=True, text=True, env=env, timeout=60
            )
            for path in (executable, link)
        )
        print(f"atelier (lien symbolique) info → code {linked.returncode}")
        failed = failed or linked.returncode != 0 or linked.stdout != direct.stdout
    if failed:
        print(f"Échec : les fichiers sont dans {scratch}", file=sys.stderr)
        return 1
    shutil.rmtree(scratch, ignore_errors=True)
    print("Le bundle fait tout ce que fait l'installation de référence.")
    return 0


def _env(data: Path, lang: str) -> dict[str, str]:
    """The environment of one run: the language as most systems say it (LANG, which the
    window and the command line follow when ATELIER_LANG and the window's own setting are
    not given), even where that locale is not installed; a data folder of its own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "PYTHONPATH",
            "PYTHONHOME",
            "VIRTUAL_ENV",
            "ATELIER_LANG",
            "LC_ALL",
            "LC_MESSAGES",
            "LANGUAGE",
        }
    }
    env.update(ATELIER_DATA_DIR=str(data), LANG="fr_FR.UTF-8" if lang == "fr" else "en_US.UTF-8")
    if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _workshop_to_follow(
    scratch: Path, reference: list[str], reference_env: dict[str, str]
) -> tuple[Path, str]:
    """The example with three matches confirmed on the day of the workshop (the command line
    lists and dates follow-ups, a person confirms matches in the window): made once by the
    reference install, copied for each side. Returns the file and the first one's short id."""
    path = scratch / "suivi.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    env = dict(_env(scratch / "donnees", "fr"), **reference_env)
    subprocess.run([*reference, "match", str(path), "--save"], check=True, capture_output=True, env=env)
    python = sys.executable if reference_env else str(Path(reference[0]).with_name("python"))
    confirmed = subprocess.run(
        [python, "-c", _CONFIRM, str(path)], check=True, capture_output=True, text=True, env=env
    ).stdout.split()
    return path, confirmed[0][:8]


_CONFIRM = """
import sys
from atelier.domain import MatchStatus
from atelier.store import Store
with Store.open(sys.argv[1]) as store:
    (workshop,) = store.workshops()
    for found in store.matches(workshop.id, MatchStatus.SUGGESTED)[:3]:
        day = workshop.date + "T17:00:00"
        store.update_match(found.id, status=MatchStatus.CONFIRMED, follow_up_changed=day)
        print(found.id)
"""


def _steps(lang: str, commands: list[str], followed: tuple[Path, str]) -> list[tuple[str, ...]]:
    """Every command of `atelier --help`, on files as users have them, in this order (what
    one writes, the next reads): its help, what it prints, what it refuses."""
    short = followed[1]
    english = lang == "en"
    state, on = ("--state", "--on") if english else ("--etat", "--le")
    return [
        ("--help",),
        *[(command, "--help") for command in commands],
        ("info", "exemple.atelier"),
        ("info", "grille.docx"),  # not a workshop file: one sentence
        ("new", "nouveau.atelier", "--title", "Atelier d'essai", "--date", "23/11/2026", "--place", "Pau"),
        ("import", "grille.docx", "-o", "docx.atelier"),
        ("import", "grille.xlsx", "-o", "xlsx.atelier"),  # a sheet of notes beside the grid
        ("import", "grille.csv", "-o", "csv.atelier"),
        ("import", "grille.txt", "-o", "txt.atelier"),  # /work/shared/data's grid, as text
        ("import", "grille.csv", "--into", "nouveau.atelier", "--new-workshop"),
        ("info", "nouveau.atelier"),
        ("match", "exemple.atelier"),
        ("match", "exemple.atelier", "--json"),
        ("match", "exemple.atelier", "--top", "2", "--across"),
        # Ten places a need: past its linked suggestions, the empty ones filled by meaning
        # alone (the distilled table, e5.npy), « à vérifier ».
        ("match", "exemple.atelier", "--top", str(FILLED_TOP), "--json"),
        *[("match", f"{kind}.atelier") for kind in ("docx", "xlsx", "csv", "txt")],
        ("match", "csv.atelier", "--save"),
        ("export", "exemple.atelier", "--json", "-"),
        ("export", "exemple.atelier", "--json", "exemple.json"),
        ("export", "exemple.atelier", "--docx", "compte-rendu.docx"),
        ("export", "exemple.atelier", "--fiches", "fiches.docx"),
        ("export", "exemple.atelier", "--xlsx", "tableaux.xlsx"),
        ("export", "exemple.atelier", "--xlsx", "anonyme.xlsx", "--anonymise"),
        ("export", "exemple.atelier", "--docx", "anonyme.docx", "--anonymise"),
        ("export", "exemple.atelier", "--json", "anonyme.json", "--anonymise"),
        ("export", "exemple.atelier", "--docx", "sur-modele.docx", "--template", "compte-rendu.docx"),
        ("export", "exemple.atelier", "--docx", "compte-rendu.docx"),  # there already: refused
        ("suivi", "suivi.atelier"),
        ("suivi", "suivi.atelier", short, state, "contacted" if english else "contacté", on, "22/11/2026",
         "--note", "Appel fait"),
        ("suivi", "suivi.atelier", short, state, "done" if english else "fait", on, "01/12/2099"),  # refused
        ("suivi", "suivi.atelier"),
        ("suivi", "suivi.atelier", "--json"),
        ("export", "suivi.atelier", "--docx", "suivi.docx"),
        ("export", "suivi.atelier", "--fiches", "suivi-fiches.docx"),
        ("export", "suivi.atelier", "--xlsx", "suivi.xlsx"),
        ("search", "exemple.atelier", "mobilité"),
        ("search", "exemple.atelier", "emploi", "--json"),
        ("workshops", "ateliers.atelier", "--add", "--title", "Second atelier", "--date", "12/10/2026"),
        ("workshops", "ateliers.atelier"),
        ("workshops", "ateliers.atelier", "--json"),
        ("merge", "saisie-1.atelier", "saisie-2.atelier", "-o", "fusion.atelier"),
        ("merge", "fusion.atelier", "saisie-2.atelier", "-o", "fusion-2.atelier"),  # the same copy again
        ("merge", "saisie-1.atelier", "csv.atelier", "-o", "fusion-3.atelier", "--json"),
        ("info", "fusion-3.atelier"),
        ("open", "fusion-3.atelier", "--quit-after-show"),
        ("example", "--quit-after-show"),
    ]  # fmt: skip


def _inputs(folder: Path, followed: Path) -> None:
    """The files the commands read, in an empty folder (no source tree anywhere near)."""
    folder.mkdir(parents=True)
    example = ROOT / "examples" / "atelier-2021-03-16.atelier"
    for name in ("exemple.atelier", "saisie-1.atelier", "saisie-2.atelier", "ateliers.atelier"):
        shutil.copy(example, folder / name)
    shutil.copy(followed, folder / "suivi.atelier")
    shutil.copy(ROOT / "examples" / "grille-atelier-2021-03-16.docx", folder / "grille.docx")
    shutil.copy(ROOT / "examples" / "grille-atelier-2021-03-16.txt", folder / "grille.txt")
    _write_grids(folder)


# What differs between two runs of one command and is no difference: the folder each runs
# in, its data folder, the identifiers an import or a new workshop draws at random, and the
# moment a follow-up step was typed (`suivi --json`: the millisecond each side wrote it).
_DRAWN = re.compile(
    r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"  # a whole identifier
    r"|\[[0-9a-f]{8}\]|^[0-9a-f]{8}(?=  )"  # its first characters, as info and workshops show them
    r"|(?<=--rename )[0-9a-f]{8}\b"  # and as a command to rename the workshop names it
    r'|(?<="recorded": ")\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?(?=")',
    re.MULTILINE,
)


def _replace(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def _compare(
    base: Path,
    executable: Path,
    reference: list[str],
    reference_env: dict[str, str],
    lang: str,
    steps: list[tuple[str, ...]],
) -> bool:
    """Each step run by the bundle and by the reference at once, each in its own empty folder
    with its own copies: the same exit code, output and messages (no traceback), then the
    same text in every document written, and the example left byte-identical. True: failed."""
    sides = {"bundle": [str(executable)], "reference": reference}
    folders = {name: base / name for name in sides}
    for folder in folders.values():
        _inputs(folder, base.parent / "suivi.atelier")
    envs = {
        "bundle": _env(base / "donnees-bundle", lang),
        "reference": dict(_env(base / "donnees-reference", lang), **reference_env),
    }
    failed = False
    for args in steps:
        started = time.perf_counter()
        running = {
            name: subprocess.Popen(
                [*command, *args],
                cwd=folders[name],
                env=envs[name],
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )  # fmt: skip
            for name, command in sides.items()
        }
        said = {}
        for name, process in running.items():
            out, err = process.communicate(timeout=300)
            places = {str(folders[name]): "<dossier>", envs[name]["ATELIER_DATA_DIR"]: "<données>"}
            said[name] = (
                str(process.returncode),
                *(_DRAWN.sub("<id>", _replace(t, places)) for t in (out, err)),
            )
        same = said["bundle"] == said["reference"] and "Traceback" not in said["bundle"][2]
        seconds = time.perf_counter() - started
        shown = f"[{lang}] atelier {' '.join(args)} → code {said['bundle'][0]} en {seconds:.2f} s"
        print(shown + ("" if same else " : DIFFÉRENT de la référence"))
        if not same:
            failed = True
            for name in sides:
                print(
                    f"    {name} : code {said[name][0]}\n{said[name][1][-1500:]}{said[name][2][-1500:]}",
                    file=sys.stderr,
                )
    for written in sorted(folders["reference"].iterdir()):
        if written.suffix not in (".docx", ".xlsx", ".json") or written.name.startswith("grille."):
            continue
        mine = folders["bundle"] / written.name
        if written.suffix == ".json":
            same = mine.is_file() and mine.read_bytes() == written.read_bytes()
        else:
            same = mine.is_file() and _document_text(mine) == _document_text(written)
        print(f"  [{lang}] {written.name} : {'même texte' if same else 'texte DIFFÉRENT'} que la référence")
        failed = failed or not same
    pristine = (ROOT / "examples" / "atelier-2021-03-16.atelier").read_bytes()
    for folder in folders.values():  # only read: exports, match without --save, merge's inputs
        if (folder / "exemple.atelier").read_bytes() != pristine:
            print(f"  [{lang}] {folder.name} : l'exemple a changé, il n'était que lu")
            failed = True
    return failed


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


def _filled(report: dict[str, Any]) -> list[str]:
    """The confidence labels of the suggestions filled by meaning alone: those scored below
    the lowest score a linked suggestion may have (engine.MIN_SCORE)."""
    sys.path.insert(0, str(ROOT))
    from atelier.matching.engine import MIN_SCORE

    return [
        found["confidence"]
        for need in report.get("needs", [])
        for found in need["suggestions"]
        if found["score"] < MIN_SCORE
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
    parser.add_argument("--no-build", action="store_true", help="check the bundle already built")
    parser.add_argument(
        "--reference",
        metavar="ATELIER",
        help="compare with this installed `atelier` (a venv's bin/atelier) instead of this tree",
    )
    args = parser.parse_args()
    bundle = DIST / f"atelier-{version()}"
    if not args.no_build:
        seconds = build()
        print(f"Bundle construit en {seconds:.0f} s : {bundle}")
    if bundle.exists():
        print(f"Taille : {folder_size(bundle) / 2**20:.0f} Mio ; les plus gros :")
        for size, name in largest(bundle):
            print(f"  {size / 2**20:6.1f} Mio  {name}")
    return check(bundle, [str(Path(args.reference).absolute())] if args.reference else None)


if __name__ == "__main__":
    sys.exit(main())
