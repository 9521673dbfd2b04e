"""What an Excel grid's typed cells hold is imported as the sheet shows it: a time typed in
a cell (9:30) is that time as the cell shows it, not the date 1900-01-01 that Excel's calendar
starts from."""

from __future__ import annotations

import datetime
from pathlib import Path

from atelier.importers import plan_file


def test_a_time_typed_in_a_cell_is_imported_as_that_time(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name / organisation", "What we already do", "Challenges", "Needs", "Can offer"])
    # Excel makes « 9:30 » typed in a cell a time; a date stays a date.
    sheet.append(
        [
            "Sophie GARNIER / PETR",
            datetime.time(9, 30),
            "recruter",
            "données emploi",
            datetime.date(2023, 10, 12),
        ]
    )
    sheet.append(["Karim BENALI / Région", "forum emploi", "", "", "méthodes d'animation de réseau"])
    sheet["B2"].number_format = "h:mm"  # as Excel formats « 9:30 » typed in a cell
    path = tmp_path / "grille.xlsx"
    book.save(path)

    plan = plan_file(path)

    sophie = plan.entries[0]
    assert sophie.items["action"] == ["9:30"]
    # openpyxl's own format for a date (« yyyy-mm-dd »): the date as French says it.
    assert sophie.items["offer"] == ["12/10/2023"]
