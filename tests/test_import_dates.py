"""Dates in an imported grid, as the facilitator wrote them.

A workshop over several days, « Atelier du 3 au 5 mai 2023 » above the grid, was dated its last
day, 05/05/2023: a follow-up step on 4 May was then refused as « before the workshop ». It is
dated its first day; the title keeps the range. Other ways of writing it: « 3-5 mai 2023 »,
« 3 et 4 mai 2023 », « du 30 avril au 2 mai 2023 ».

An Excel date cell in the grid written by a tool (openpyxl, pandas: an ISO number format) was
imported as « 2023-01-15 » (or « 2023-01-15 0:00:00 »): it is the French date « 15/01/2023 »,
with its time when it has one (« 15/01/2023 14:30 »)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from .conftest import run_cli


def _docx_grid(path: Path, title: str) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(title)
    table = document.add_table(rows=3, cols=5)
    rows = [
        ["Participant", "Actions engagées", "Défis", "Besoins", "Ressources"],
        ["Anne Martin / PLIE Sud Gironde", "forum emploi", "recruter", "mobilité", "clauses sociales"],
        ["Paul Durand / Mission locale du Médoc", "garantie jeunes", "mobilité", "GPECT", "jeunes"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(path))


def _exported(target: Path) -> dict:
    return json.loads(run_cli("export", str(target), "--json", "-").stdout)["workshops"][0]


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("Atelier du 3 au 5 mai 2023", "2023-05-03"),
        ("Atelier emploi 3-5 mai 2023 — Langon", "2023-05-03"),
        ("Rencontres des 3 et 4 mai 2023", "2023-05-03"),
        ("Atelier du 30 avril au 2 mai 2023", "2023-04-30"),
        ("Atelier du 16 mars 2021", "2021-03-16"),
    ],
)
def test_a_workshop_over_days_is_dated_its_first(tmp_path: Path, title: str, day: str) -> None:
    grid, target = tmp_path / "grille.docx", tmp_path / "g.atelier"
    _docx_grid(grid, title)
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    workshop = _exported(target)
    assert workshop["date"] == day, workshop["date"]
    assert workshop["title"] == title  # the range stays where the facilitator wrote it


def test_a_number_before_a_date_is_no_range(tmp_path: Path) -> None:
    """« Atelier n° 3 - 5 mai 2023 »: the third workshop, on 5 May; not 3 to 5 May."""
    grid, target = tmp_path / "grille.docx", tmp_path / "g.atelier"
    _docx_grid(grid, "Atelier n° 3 - 5 mai 2023")
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    assert _exported(target)["date"] == "2023-05-05"


def _xlsx_grid(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Participant", "Actions engagées", "Défis", "Besoins", "Ressources"])
    sheet.append(["Anne Martin / PLIE Sud Gironde", dt.date(2023, 1, 15), "recruter", "mobilité", "clauses"])
    sheet.append(["Paul Durand / ML Médoc", dt.datetime(2023, 1, 16, 14, 30), "mobilité", 42, "jeunes"])
    sheet.append(["Julie Petit / CC du Bazadais", dt.datetime(2023, 1, 17), "défi", "besoin", "offre"])
    sheet.append(["Karim Benali / Agglo Agen", dt.date(2023, 1, 18), "défi", "besoin", "offre"])
    sheet["B4"].number_format = "YYYY-MM-DD HH:MM:SS"  # as pandas writes a date
    sheet["B5"].number_format = "d mmmm yyyy"  # a format chosen in Excel: shown as chosen
    book.save(str(path))


def test_an_excel_date_in_the_grid_is_a_french_date(tmp_path: Path) -> None:
    grid, target = tmp_path / "grille.xlsx", tmp_path / "g.atelier"
    _xlsx_grid(grid)
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    actions = [a for p in _exported(target)["participants"] for a in p["actions"]]
    assert actions == ["15/01/2023", "16/01/2023 14:30", "17/01/2023", "18 janvier 2023"], actions
    needs = [n for p in _exported(target)["participants"] for n in p["needs"]]
    assert "42" in needs
