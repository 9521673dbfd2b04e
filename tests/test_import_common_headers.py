"""Headers French facilitators write, read as the columns they are: « Peut aider sur », « Apports »,
« Attentes » were left out of the import, and a second column of one kind (« Difficultés » and
« Freins », « Projets en cours » and « Initiatives ») too: its cells were in no workshop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

PEOPLE = ["Lucie Leroy (Grand Angoulême)", "Paul Roux (Mission locale)"]


def _cells(headers: list[str]) -> list[list[str]]:
    """Two people; each cell says its column and its person (« Freins — Lucie »)."""
    return [[person, *(f"{header} — {person.split()[0]}" for header in headers[1:])] for person in PEOPLE]


def _docx(path: Path, headers: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier du 3 mars 2023")
    rows = [headers, *_cells(headers)]
    table = document.add_table(rows=len(rows), cols=len(headers))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def _xlsx(path: Path, headers: list[str]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    sheet.append(["Atelier du 3 mars 2023"])
    sheet.append(headers)
    for row in _cells(headers):
        sheet.append(row)
    workbook.save(str(path))
    return path


def _read_back(grid: Path, lang: str = "fr") -> tuple[dict[str, dict[str, list[str]]], str]:
    target = grid.with_suffix(".atelier")
    done = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    out = run_cli("export", str(target), "--json", "-")
    assert out.returncode == 0, out.stderr
    people = json.loads(out.stdout)["workshops"][0]["participants"]
    kinds = ("actions", "challenges", "needs", "offers")
    return {p["names"][0]: {k: p[k] for k in kinds} for p in people}, done.stdout


FRENCH = [
    (
        "Participant",
        {
            "Projets en cours": "actions",
            "Initiatives": "actions",
            "Difficultés": "challenges",
            "Freins": "challenges",
            "Besoins exprimés": "needs",
            "Attentes": "needs",
            "Peut aider sur": "offers",
            "Apports": "offers",
        },
    ),
    (
        "Nom",
        {
            "Actions menées": "actions",
            "Défis": "challenges",
            "Besoins": "needs",
            "Peut apporter": "offers",
            "Ressources proposées": "offers",
            "Je peux être ressource sur": "offers",
        },
    ),
    # Everyday words, « on », « nous » and « je » (probe38 P3: « On cherche » and « Ce qu'on
    # fait déjà » were left out while « On propose » was read: the minutes said no one needed
    # anything).
    (
        "Qui ?",
        {
            "Ce qu'on fait déjà": "actions",
            "Nos difficultés": "challenges",
            "On cherche": "needs",
            "On propose": "offers",
        },
    ),
    (
        "Participant",
        {
            "Ce que nous faisons": "actions",
            "Ce qui nous bloque": "challenges",
            "Nous cherchons": "needs",
            "Ce qu'il nous faut": "needs",
            "Nous proposons": "offers",
        },
    ),
    (
        "Nom",
        {
            "Ce que je fais": "actions",
            "Ce qui coince": "challenges",
            "Ce que je cherche": "needs",
            "Ce que je peux offrir": "offers",
        },
    ),
]


# Resources said sought or offered by their adjective: « Ressources attendues » were read as
# offers, beside « Ressources offertes », and the import said « 0 besoin, 4 ressources »: every
# need printed and matched as something its author could give.
SOUGHT_AND_OFFERED = [
    ("Ressources attendues", "Ressources offertes"),
    ("Ressources souhaitées", "Ressources disponibles"),
    ("Ressources manquantes", "Ressources à partager"),
    ("Ressources nécessaires", "Ressources que je peux apporter"),
    ("Recherche de ressources", "Ressources"),
    ("Expertises recherchées", "Expertises"),
    ("Ressources recherchées", "Ressources proposées"),
]


@pytest.mark.parametrize("writer", [_docx, _xlsx], ids=["docx", "xlsx"])
@pytest.mark.parametrize("sought, offered", SOUGHT_AND_OFFERED)
def test_resources_a_header_says_sought_are_needs(tmp_path: Path, writer, sought: str, offered: str) -> None:
    for pair in ((sought, offered), (offered, sought)):  # in either order
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        headers = ["Participant", "Actions", "Défis", *pair]
        grid = writer(folder / f"grille{'.docx' if writer is _docx else '.xlsx'}", headers)
        read, said = _read_back(grid)
        assert "Import\xa0: 2 participants, 2 actions, 2 défis, 2 besoins, 2 ressources." in said, said
        for name in ("Lucie Leroy", "Paul Roux"):
            first = name.split()[0]
            assert read[name]["needs"] == [f"{sought} — {first}"], said
            assert read[name]["offers"] == [f"{offered} — {first}"], said


@pytest.mark.parametrize("writer", [_docx, _xlsx], ids=["docx", "xlsx"])
@pytest.mark.parametrize(
    "people, columns", FRENCH, ids=["freins-attentes-apports", "trois-offres", "on", "nous", "je"]
)
def test_every_column_a_facilitator_names_is_read(tmp_path: Path, writer, people, columns) -> None:
    headers = [people, *columns]
    grid = writer(tmp_path / f"grille{'.docx' if writer is _docx else '.xlsx'}", headers)
    read, said = _read_back(grid)
    assert "non importée" not in said, said
    for person in ("Lucie", "Paul"):
        name = "Lucie Leroy" if person == "Lucie" else "Paul Roux"
        expected: dict[str, list[str]] = {"actions": [], "challenges": [], "needs": [], "offers": []}
        for header, kind in columns.items():
            expected[kind].append(f"{header} — {person}")
        assert read[name] == expected, said


def test_english_headers(tmp_path: Path) -> None:
    columns = {
        "Ongoing projects": "actions",
        "Difficulties": "challenges",
        "Barriers": "challenges",
        "Expectations": "needs",
        "Can help with": "offers",
    }
    grid = _xlsx(tmp_path / "grid.xlsx", ["Participant", *columns])
    read, said = _read_back(grid, lang="en")
    assert "not imported" not in said, said
    expected: dict[str, list[str]] = {"actions": [], "challenges": [], "needs": [], "offers": []}
    for header, kind in columns.items():
        expected[kind].append(f"{header} — Lucie")
    assert read["Lucie Leroy"] == expected, said


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_column_not_read_is_said_by_its_header_in_one_line(tmp_path: Path, lang: str) -> None:
    grid = _docx(
        tmp_path / "grille.docx", ["Participant", "Difficultés", "Besoins", "Remarques", "Peut aider sur"]
    )
    read, said = _read_back(grid, lang=lang)
    lines = [line for line in said.splitlines() if "Remarques" in line]
    if lang == "fr":
        assert lines == ["Attention\xa0: colonne 4 «\xa0Remarques\xa0» non importée (2 cellules remplies)"], (
            said
        )
    else:
        assert len(lines) == 1 and "“Remarques”" in lines[0] and "not imported" in lines[0], said
    assert read["Paul Roux"]["offers"] == ["Peut aider sur — Paul"], said
