"""Atelier installed the way users get it: a wheel in a fresh virtual environment, no source tree.

The wheel is built from a copy of the project (so the build writes nothing here), installed
with pip into a new venv, and every command runs from a scratch folder. The venv reuses this
environment's dependencies through a path entry, to stay fast and offline; Atelier itself
comes only from the wheel (checked: `atelier.__file__` is in the new venv).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", "tests", "docs", "benchmarks"
        ),
    )
    wheels = base / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            ".",
        ],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("atelier-*.whl")
    shutil.rmtree(source)  # nothing of the source tree is left beside the install

    target = base / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies (PySide6, pandas...) from this environment, after the venv's own packages.
    (Path(purelib) / "_atelier_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = base / "work"
    work.mkdir()
    return {"wheel": wheel, "venv": target, "python": python, "work": work, "base": base}


def test_the_declared_setuptools_reads_this_pyproject() -> None:
    """A build without isolation (`pip install --no-build-isolation .`, a distribution's
    package, an offline machine) uses the setuptools it finds, as long as [build-system]
    allows it. The licence is an SPDX expression (`license = "GPL-3.0-or-later"`, PEP 639):
    setuptools reads it from version 77; 68 to 76, which the floor allowed, stop the build
    with « `project.license` must be valid exactly by one definition »."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (requirement,) = [r for r in pyproject["build-system"]["requires"] if r.startswith("setuptools")]
    floor = re.fullmatch(r"setuptools\s*>=\s*(\d+)(\.\d+)*", requirement)
    assert floor, f"no floor in {requirement!r}"
    if isinstance(pyproject["project"].get("license"), str):
        assert int(floor.group(1)) >= 77, requirement


def run(
    installed: dict[str, Path], *args: str, lang: str = "fr", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    script = installed["venv"] / ("Scripts/atelier.exe" if os.name == "nt" else "bin/atelier")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH"}
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ATELIER_LANG=lang,
        ATELIER_DATA_DIR=str(installed["base"] / "donnees"),
        ATELIER_SEMANTIC="1",  # as users have it (the tests turn meaning off elsewhere)
    )
    return subprocess.run(
        [str(script), *args],
        cwd=cwd or installed["work"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def package_files() -> list[str]:
    """Every file of the package as the source tree has it (bytecode caches aside)."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "atelier").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def test_the_wheel_carries_every_runtime_resource(installed: dict[str, Path]) -> None:
    """Every file of the package: the modules and every data file the code reads (glossary,
    faux amis, translations, template, icons, word vectors, the first names the importer
    reads...), a new one included without a line here, wherever it is in the package (a data
    file outside atelier/resources/ is not package data: pyproject.toml declares that folder),
    and the example workshop: an installed Atelier has no source tree to find them in."""
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    shipped = package_files()
    assert {"atelier/resources/names/prenoms.txt", "atelier/resources/faux_amis.toml"} <= set(shipped)
    assert "atelier/resources/i18n/atelier_en.qm" in shipped and "atelier/resources/vectors/e5.npy" in shipped
    assert [name for name in shipped if name not in names] == []
    assert "atelier/resources/examples/atelier-2021-03-16.atelier" in names
    assert not any(name.startswith(("tests/", "examples/", "resources/")) for name in names)
    # The licence the package declares (GPL-3.0-or-later), its text beside it.
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    text = zipfile.ZipFile(installed["wheel"]).read(licence).decode()
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text


def test_every_data_file_of_the_package_is_in_its_resources_folder() -> None:
    """atelier/resources/ is the one folder of data both installs collect: pyproject.toml's
    package data for a wheel, packaging/atelier.spec's `datas` for the PyInstaller bundle (which
    the suite does not build). A data file elsewhere in the package, read beside its module,
    would be missing from both: the code finds its data through atelier.paths.resources_dir()."""
    data = [name for name in package_files() if not name.endswith(".py")]
    elsewhere = [name for name in data if not name.startswith("atelier/resources/")]
    assert elsewhere == []
    spec = (ROOT / "packaging" / "atelier.spec").read_text(encoding="utf-8")
    assert 'for path in sorted((ROOT / "atelier" / "resources").rglob("*"))' in spec


def test_atelier_is_imported_from_the_venv_not_the_source_tree(installed: dict[str, Path]) -> None:
    shown = subprocess.run(
        [
            str(installed["python"]),
            "-c",
            "import atelier, atelier.paths as p; print(atelier.__file__); print(p.resources_dir());"
            " print(p.bundled_example())",
        ],
        cwd=installed["work"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    venv_dir = installed["venv"].resolve()
    for line in shown:
        path = Path(line).resolve()
        assert path.is_relative_to(venv_dir), line
        assert not path.is_relative_to(ROOT), line
        assert path.exists(), line


def test_every_command_runs_from_the_installed_wheel(installed: dict[str, Path]) -> None:
    work = installed["work"]
    shutil.copy(GRID, work / "grille.docx")

    done = run(installed, "import", "grille.docx", "-o", "atelier.atelier")
    assert done.returncode == 0, done.stderr
    assert (work / "atelier.atelier").is_file()

    done = run(installed, "match", "atelier.atelier", "--json")
    assert done.returncode == 0, done.stderr
    needs = json.loads(done.stdout)["needs"]
    suggestions = [s for need in needs for s in need["suggestions"]]
    assert len(needs) > 10 and len(suggestions) > 10
    assert all(s["reasons"] for s in suggestions)  # matching read the glossary from the package data
    # ...and the word vectors: a plain install matches by meaning too (it weighs in the scores).
    lexical = run(installed, "match", "atelier.atelier", "--json", "--lexical")
    assert lexical.returncode == 0, lexical.stderr
    words_only = [s["score"] for need in json.loads(lexical.stdout)["needs"] for s in need["suggestions"]]
    assert [s["score"] for s in suggestions] != words_only

    done = run(installed, "export", "atelier.atelier", "--docx", "compte-rendu.docx")
    assert done.returncode == 0, done.stderr
    assert zipfile.ZipFile(work / "compte-rendu.docx").testzip() is None
    with zipfile.ZipFile(work / "compte-rendu.docx") as docx:
        styles = docx.read("word/styles.xml").decode()
    assert "Atelier Tableau" in styles  # written on the bundled template

    done = run(installed, "export", "atelier.atelier", "--xlsx", "tableaux.xlsx")
    assert done.returncode == 0, done.stderr
    assert zipfile.ZipFile(work / "tableaux.xlsx").testzip() is None

    done = run(installed, "open", "atelier.atelier", "--quit-after-show")
    assert done.returncode == 0, done.stderr

    # The example workshop comes from the package data: its working copy holds the real grid.
    done = run(installed, "example", "--quit-after-show")
    assert done.returncode == 0, done.stderr
    (copy,) = (installed["base"] / "donnees").glob("*.atelier")
    done = run(installed, "info", str(copy))
    assert done.returncode == 0, done.stderr
    assert (
        "Atelier du 16 mars 2021" in done.stdout
        and "Participants\u00a0: 24 (22 lignes de la grille)\n" in done.stdout
    ), done.stdout


def test_every_command_of_the_help_runs_from_the_installed_wheel(installed: dict[str, Path]) -> None:
    """Each subcommand `atelier --help` lists, run on copies as a user would, in French and
    in English; a command added to the help without a line here fails this test."""
    work = installed["work"] / "every"
    work.mkdir()
    example = work / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", example)
    shutil.copy(GRID, work / "grille.docx")
    (work / "grille.csv").write_text(
        "Structure;Nom;Territoire;Fonction;Besoins;Je peux être ressource sur\n"
        "Mission locale;Karim Benali;Pau;Conseiller;Des locaux pour les ateliers;Les ateliers CV\n"
        "CAF des Landes;Zoé Martin;Landes;Directrice;Des ateliers CV;Le prêt de locaux\n",
        encoding="utf-8",
    )
    rows = (work / "grille.csv").read_text(encoding="utf-8").splitlines()
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row.split(";"))
    book.save(work / "grille.xlsx")

    listed = run(installed, "--help").stdout
    # « suivi (follow-up) », « chercher (search) »: a command and its name in the other language
    listed_names = re.findall(r"^    ([a-z-]+)(?: \(([a-z-]+)\))?", listed, flags=re.MULTILINE)
    calls: dict[str, list[tuple[str, ...]]] = {
        # Without a file too: the menu entry's `atelier open %f`, started with no file.
        "open": [("open", "exemple.atelier", "--quit-after-show"), ("open", "--quit-after-show")],
        "example": [("example", "--quit-after-show")],
        "new": [("new", "nouveau.atelier", "--title", "Atelier d'essai", "--date", "23/11/2026")],
        "import": [
            ("import", "grille.xlsx", "-o", "excel.atelier"),
            ("import", "grille.csv", "-o", "csv.atelier"),
            ("import", "grille.csv", "--into", "nouveau.atelier", "--new-workshop"),
        ],
        "match": [("match", "csv.atelier")],
        "merge": [("merge", "exemple.atelier", "csv.atelier", "-o", "fusion.atelier")],
        "info": [("info", "exemple.atelier")],
        "export": [
            ("export", "exemple.atelier", "--fiches", "fiches.docx"),
            ("export", "exemple.atelier", "--json", "exemple.json"),
        ],
        "suivi": [("suivi", "exemple.atelier")],
        "search": [("search", "exemple.atelier", "mobilité")],
        "workshops": [("workshops", "nouveau.atelier")],
    }
    commands = {name if name in calls else other for name, other in listed_names}
    assert commands == set(calls), f"commands of the help without a run here: {commands ^ set(calls)}"

    before = example.read_bytes()
    for command in calls:  # in this order: the files one command writes, the next reads
        for args in calls[command]:
            done = run(installed, *args, cwd=work)
            assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
    assert example.read_bytes() == before  # only read: exports, match without --save, merge's input
    for name in ("excel.atelier", "csv.atelier", "fusion.atelier", "fiches.docx", "exemple.json"):
        assert (work / name).stat().st_size > 0, name
    said = run(installed, "info", "csv.atelier", cwd=work).stdout
    assert "Participants\u00a0: 2\n" in said, said
    said = run(installed, "workshops", "nouveau.atelier", cwd=work).stdout
    assert "Atelier d'essai" in said and "grille" in said, said

    # English: the help, a summary, matching's reasons, an error, the same installed files.
    english = run(installed, "--help", lang="en").stdout
    assert "Atelier: capture, match and share" in english, english
    said = run(installed, "info", "exemple.atelier", lang="en", cwd=work).stdout
    assert said.startswith("File: exemple.atelier") and "Participants: 24 (22 rows of the grid)" in said, said
    said = run(installed, "match", "csv.atelier", lang="en", cwd=work).stdout
    assert (
        "is looking for:" in said and "[offer, " in said and "· The need and the offer both say “" in said
    ), said
    refused = run(installed, "info", "grille.docx", lang="en", cwd=work)
    assert refused.returncode != 0 and refused.stderr.startswith(
        "“grille.docx” is a Word file, not an Atelier file: to bring its grid in, import it"
    ), refused.stderr
