"""An Excel grid is imported as its author saw it: each cell's number format applied
(« 25 % », « 16/03/2021 », « VRAI », « 1 234 567,89 € »), not the raw value Excel stores
under it (0.25, 2021-03-16, True, 1234567.891). A grid whose statement columns hold a few
numbers (a date, a percentage, a phone number) is still a grid: it was refused with a
sentence saying no column was recognised, while naming exactly the grid's headers."""

from __future__ import annotations

import datetime
from pathlib import Path

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli

HEADERS = ["Participants", "Actions", "Défis", "J'ai besoin de ressources sur", "Je peux être ressource sur"]


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _sheet(path: Path, rows: list[list[tuple[object, str]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for number, row in enumerate(rows, start=2):
        for column, (value, number_format) in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            cell.number_format = number_format
    book.save(path)
    return path


def _import(grid: Path, tmp_path: Path) -> tuple[dict[str, dict[str, list[str]]], str]:
    before = grid.read_bytes()
    target = tmp_path / f"{grid.stem}.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert grid.read_bytes() == before
    with Store.open(target, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        people = {
            p.names[0] if p.names else p.source_text: {
                kind.value: [_plain(i.text) for i in store.items(p.id, kind)] for kind in ItemKind
            }
            for p in store.participants(workshop_id)
        }
    return people, _plain(done.stdout + done.stderr)


def test_cells_are_imported_as_the_sheet_shows_them(tmp_path: Path) -> None:
    text = "General"
    grid = _sheet(
        tmp_path / "grille.xlsx",
        [
            [
                ("Anne Martin, PLIE", text),
                (datetime.datetime(2021, 3, 16), "dd/mm/yyyy"),
                (0.25, "0%"),
                ("Financement du permis", text),
                (True, text),
            ],
            [
                ("Karim Benali, Mission locale", text),
                (1234567.891, '#,##0.00\\ "€"'),
                (datetime.time(9, 30), "h:mm"),
                ("Ateliers CV", text),
                (False, text),
            ],
            [
                ("Sophie Laurent, MDE", text),
                (612345678, "00 00 00 00 00"),
                (0.125, "0.0%"),
                (datetime.datetime(2021, 3, 16), "mm-dd-yy"),  # Excel's built-in short date
                (datetime.datetime(2021, 3, 16), "d mmmm yyyy"),
            ],
        ],
    )

    people, said = _import(grid, tmp_path)

    assert people["Anne Martin"]["action"] == ["16/03/2021"]
    assert people["Anne Martin"]["challenge"] == ["25 %"]
    assert people["Anne Martin"]["offer"] == ["VRAI"]
    assert people["Karim Benali"]["action"] == ["1 234 567,89 €"]
    assert people["Karim Benali"]["challenge"] == ["9:30"]
    assert people["Karim Benali"]["offer"] == ["FAUX"]
    assert people["Sophie Laurent"]["action"] == ["06 12 34 56 78"]
    assert people["Sophie Laurent"]["challenge"] == ["12,5 %"]
    assert people["Sophie Laurent"]["need"] == ["16/03/2021"]
    assert people["Sophie Laurent"]["offer"] == ["16 mars 2021"]
    assert "3 participants" in said


def test_a_grid_with_numbers_in_some_statement_cells_is_imported(tmp_path: Path) -> None:
    text = "General"
    grid = _sheet(
        tmp_path / "types.xlsx",
        [
            [
                ("Anne Martin, PLIE", text),
                (datetime.datetime(2021, 3, 16), "dd/mm/yyyy"),
                (0.25, "0%"),
                ("Financement du permis", text),
                ("Ateliers CV", text),
            ],
            [
                ("Karim Benali, ML", text),
                (1234567.891, "#,##0.00"),
                (datetime.time(9, 30), "h:mm:ss"),
                ("Ateliers CV", text),
                (True, text),
            ],
            [
                ("Sophie Laurent, MDE", text),
                ("06 12 34 56 78", text),
                (33612345678, "0"),
                ("0612345678", text),
                ("x", text),
            ],
        ],
    )

    people, said = _import(grid, tmp_path)

    assert "Aucune colonne" not in said
    assert people["Anne Martin"]["challenge"] == ["25 %"]
    assert people["Karim Benali"]["action"] == ["1 234 567,89"]
    assert people["Sophie Laurent"]["challenge"] == ["33612345678"]
    assert people["Sophie Laurent"]["need"] == ["0612345678"]


def test_a_table_of_counts_under_grid_headers_is_still_no_grid(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nom", "Actions", "Défis", "Besoins", "Ressources"])
    sheet.append(["Anne Martin", 2, 3, 1, 4])
    sheet.append(["Karim Benali", 1, 0, 2, 2])
    path = tmp_path / "decompte.xlsx"
    book.save(path)
    before = path.read_bytes()

    done = run_cli("import", str(path), "-o", str(tmp_path / "d.atelier"))

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "d.atelier").exists()
    assert path.read_bytes() == before


def test_atelier_s_own_excel_gives_back_its_workshop_s_date(tmp_path: Path) -> None:
    """The summary sheet shows the date as « 16 mars 2021 » (read as shown since cells are): it
    is still the workshop's date, even when the title does not say it."""
    from tests.conftest import ROOT

    source = tmp_path / "mobilite.atelier"
    Store.create(source, title="Atelier mobilité", date="2021-03-16", place="Pau").close()
    grid = ROOT / "examples" / "grille-atelier-2021-03-16.txt"
    assert (
        run_cli("import", "--into", str(source), "--workshop", "Atelier mobilité", str(grid)).returncode == 0
    )
    exported = tmp_path / "mobilite.xlsx"
    assert run_cli("export", "--xlsx", str(exported), str(source)).returncode == 0
    target = tmp_path / "relu.atelier"

    done = run_cli("import", str(exported), "-o", str(target))

    assert done.returncode == 0, done.stderr
    with Store.open(target, readonly=True) as store:
        (workshop,) = store.workshops()
        assert (workshop.title, workshop.date) == ("Atelier mobilité", "2021-03-16")
