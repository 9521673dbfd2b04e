"""Atelier's own documents given to `atelier import`: the Word minutes and the participant pages
are no grid, and are said to be so in one sentence with nothing written (the minutes of a small
workshop were imported as « 1 participant » named « Lucie Leroy Contacts employeurs du BTP »,
reported as a success); its own Excel is read back as the same workshop."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"

GRID = (
    "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
    "Lucie Leroy (Grand Angoulême);Forum emploi;Mobilité des jeunes;Contacts employeurs du BTP;"
    "Animation d'ateliers CV\n"
    "Paul Roux (Mission locale);Permanences;Freins périphériques;Ateliers CV;Réseau d'employeurs du BTP\n"
    "Anne Petit (PLIE);Accompagnement;Garde d'enfants;Solutions de garde;Mobilité : auto-école sociale\n"
)

MINUTES_FR = (
    "«\xa0{name}\xa0» est le compte rendu écrit par Atelier, pas une grille d'atelier\xa0: "
    "ouvrez le fichier .atelier de l'atelier."
)
MINUTES_EN = "“{name}” is the minutes Atelier wrote, not a workshop grid: open the workshop's .atelier file."
PAGES_FR = (
    "«\xa0{name}\xa0» contient les fiches des participants écrites par Atelier, pas une grille "
    "d'atelier\xa0: ouvrez le fichier .atelier de l'atelier."
)
PAGES_EN = (
    "“{name}” holds the participant pages Atelier wrote, not a workshop grid: open the workshop's "
    ".atelier file."
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_workshop(folder: Path) -> Path:
    """Three people, one item of each kind each, matched: the minutes hold every table."""
    grid = folder / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    target = folder / "petit.atelier"
    done = run_cli(
        "import", str(grid), "-o", str(target), "--title", "Atelier du 3 mars 2023", "--date", "2023-03-03"
    )
    assert done.returncode == 0, done.stderr
    assert run_cli("match", str(target)).returncode == 0
    return target


def exported(source: Path, option: str, target: Path, *extra: str, lang: str = "fr") -> Path:
    done = run_cli("export", str(source), option, str(target), *extra, env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return target


def refused(document: Path, folder: Path, lang: str = "fr") -> str:
    """Import `document` into a new file and into an existing one: refused both times in one
    line, the document and the existing file byte-identical, no new file. The line said."""
    before = sha(document)
    new = folder / "nouveau.atelier"
    done = run_cli("import", str(document), "-o", str(new), env={"ATELIER_LANG": lang})
    assert done.returncode != 0, done.stdout
    assert not new.exists()
    assert "Traceback" not in done.stderr
    said = done.stderr.strip()
    assert len(said.splitlines()) == 1, said
    existing = folder / "existant.atelier"
    shutil.copy(EXAMPLE, existing)
    kept = sha(existing)
    again = run_cli("import", str(document), "--into", str(existing), env={"ATELIER_LANG": lang})
    assert again.returncode != 0, again.stdout
    assert again.stderr.strip() == said
    assert sha(existing) == kept
    again = run_cli(
        "import", str(document), "--into", str(existing), "--new-workshop", env={"ATELIER_LANG": lang}
    )
    assert again.returncode != 0, again.stdout
    assert sha(existing) == kept
    assert sha(document) == before
    return said


def test_small_workshop_minutes_are_refused_not_imported_as_garbage(tmp_path: Path) -> None:
    minutes = exported(small_workshop(tmp_path), "--docx", tmp_path / "cr.docx")
    assert refused(minutes, tmp_path) == MINUTES_FR.format(name=minutes)


def test_example_minutes_french_english_and_anonymised(tmp_path: Path) -> None:
    minutes = exported(EXAMPLE, "--docx", tmp_path / "cr.docx")
    assert refused(minutes, tmp_path) == MINUTES_FR.format(name=minutes)
    english = exported(EXAMPLE, "--docx", tmp_path / "minutes.docx", lang="en")
    assert refused(english, tmp_path, lang="en") == MINUTES_EN.format(name=english)
    assert refused(english, tmp_path) == MINUTES_FR.format(name=english)
    anonymised = exported(EXAMPLE, "--docx", tmp_path / "cr-anonyme.docx", "--anonymise")
    assert refused(anonymised, tmp_path) == MINUTES_FR.format(name=anonymised)


def _strip_markers(source: Path, target: Path) -> Path:
    """The minutes as another program saves them: another author and application, its own
    table style names (what Atelier wrote in the properties and the styles gone)."""
    with zipfile.ZipFile(source) as inside, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in inside.infolist():
            data = inside.read(info.filename)
            if info.filename in (
                "docProps/core.xml",
                "docProps/app.xml",
                "word/styles.xml",
                "word/document.xml",
            ):
                text = data.decode("utf-8")
                text = text.replace(">Atelier</", ">Marie Dupont</")
                text = re.sub(r"Atelier ?(Grille|Tableau)", r"Tableau\1", text)
                data = text.encode("utf-8")
            out.writestr(info, data)
    return target


def test_minutes_saved_by_another_program_are_recognised_by_their_shape(tmp_path: Path) -> None:
    minutes = exported(small_workshop(tmp_path), "--docx", tmp_path / "cr.docx")
    resaved = _strip_markers(minutes, tmp_path / "cr-word.docx")
    with zipfile.ZipFile(resaved) as inside:
        assert not any(b">Atelier<" in inside.read(n) for n in ("docProps/core.xml", "docProps/app.xml"))
        assert b"Atelier Grille" not in inside.read("word/styles.xml")
    assert refused(resaved, tmp_path) == MINUTES_FR.format(name=resaved)


def test_participant_pages_are_refused(tmp_path: Path) -> None:
    pages = exported(small_workshop(tmp_path), "--fiches", tmp_path / "fiches.docx")
    assert refused(pages, tmp_path) == PAGES_FR.format(name=pages)
    english = exported(EXAMPLE, "--fiches", tmp_path / "pages.docx", lang="en")
    assert refused(english, tmp_path, lang="en") == PAGES_EN.format(name=english)


def test_a_grid_in_a_document_once_written_by_atelier_is_still_imported(tmp_path: Path) -> None:
    """A grid typed in a document whose properties still say Atelier (a copy of its minutes,
    emptied): it is a grid, imported."""
    import docx

    document = docx.Document()
    document.core_properties.author = "Atelier"
    document.add_paragraph("Atelier du 7 juin 2023")
    rows = [line.split(";") for line in GRID.strip().splitlines()]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "grille.docx"
    document.save(str(path))
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(path), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.exists()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_own_excel_is_read_back_as_the_same_workshop(tmp_path: Path, lang: str) -> None:
    source = small_workshop(tmp_path)
    workbook = exported(source, "--xlsx", tmp_path / "tableaux.xlsx", lang=lang)
    before = sha(workbook)
    target = tmp_path / "relu.atelier"
    done = run_cli("import", str(workbook), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert sha(workbook) == before

    def people(path: Path) -> list[tuple[object, ...]]:
        out = run_cli("export", str(path), "--json", "-")
        assert out.returncode == 0, out.stderr
        workshop = json.loads(out.stdout)["workshops"][0]
        return [
            (
                p["names"],
                p["organisation"],
                p["territory"],
                p["actions"],
                p["challenges"],
                p["needs"],
                p["offers"],
            )
            for p in workshop["participants"]
        ]

    assert people(target) == people(source)
    assert len(people(target)) == 3
