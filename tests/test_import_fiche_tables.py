"""A Word grid written as one small table per participant, labels on the left (« Participant |
Anne Roux (PLIE des Graves) », « Besoins | Un minibus »…), was refused with « Transposez le
tableau », each of N tables to transpose by hand. Each table is now read as the grid's row of
its participant, and the import says so."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .conftest import run_cli

NB = "\u00a0"
FICHES = [
    [
        ("Participant", "Anne Roux (PLIE des Graves)"),
        ("Actions engagées", "Forum"),
        ("Défis", "Mobilité"),
        ("Besoins", "Un minibus"),
        ("Ressources", "Ateliers CV"),
    ],
    [
        ("Participant", "Karim Haddad (Cap emploi)"),
        ("Actions engagées", "Sensibilisation"),
        ("Défis", "Maintien"),
        ("Besoins", "Employeurs"),
        ("Ressources", "Formations handicap"),
    ],
]


def _document(path: Path, fiches: list[list[tuple[str, str]]]) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier Entre-deux-Mers — 9 décembre 2026")
    for fiche in fiches:
        table = document.add_table(rows=0, cols=2)
        for label, said in fiche:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, said
        document.add_paragraph("")
    document.save(path)
    return path


def _items(path: Path) -> dict[str, dict[str, list[str]]]:
    done = run_cli("export", str(path), "--json", "-")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    found: dict[str, dict[str, list[str]]] = {}
    for workshop in data["workshops"]:
        for person in workshop["participants"]:
            kinds = found.setdefault(person["source_text"], {})
            for item in person["items"]:
                kinds.setdefault(item["kind"], []).append(item["text"])
    return found


def test_one_table_per_participant_is_read_as_the_grid(tmp_path: Path) -> None:
    grid = _document(tmp_path / "fiches.docx", FICHES)
    before = hashlib.sha256(grid.read_bytes()).hexdigest()
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert done.returncode == 0, done.stderr
    assert "2 participants" in done.stdout and "2 fiches lues comme une ligne de la grille" in done.stdout
    found = _items(tmp_path / "a.atelier")
    assert found == {
        "Anne Roux (PLIE des Graves)": {
            "action": ["Forum"],
            "challenge": ["Mobilité"],
            "need": ["Un minibus"],
            "offer": ["Ateliers CV"],
        },
        "Karim Haddad (Cap emploi)": {
            "action": ["Sensibilisation"],
            "challenge": ["Maintien"],
            "need": ["Employeurs"],
            "offer": ["Formations handicap"],
        },
    }
    assert hashlib.sha256(grid.read_bytes()).hexdigest() == before


def test_a_grid_in_columns_is_still_refused(tmp_path: Path) -> None:
    """People across the columns of one table (« | Anne | Karim »): still the refusal."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    for row in (
        ("Participant", "Anne Roux (PLIE)", "Karim Haddad (Cap emploi)"),
        ("Actions engagées", "Forum", "Sensibilisation"),
        ("Besoins", "Un minibus", "Employeurs"),
        ("Ressources", "Ateliers CV", "Formations handicap"),
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    path = tmp_path / "colonnes.docx"
    document.save(path)
    done = run_cli("import", str(path), "-o", str(tmp_path / "b.atelier"))
    assert done.returncode == 1 and "Transposez le tableau" in done.stderr, done.stderr
    assert not (tmp_path / "b.atelier").exists()
