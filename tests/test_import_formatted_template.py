"""A grid typed into a template formatted far below its last participant (borders on every
cell down to row 12,000, as a facilitator prepares a « grille vierge » by selecting a tall
range) is read: the limit of 5,000 rows counts the rows that hold something. So is the CSV
Excel saves from such a sheet (thousands of lines of « ;;;; »). A grid of 5,001 filled rows is
still refused with the same sentence, and a sheet of empty formatted rows by the hundred
thousand is refused at once, saying what to do."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Border, Side

from tests.conftest import run_cli
from tests.helpers.tall_excel import HEADERS, tall_xlsx
from tests.test_import_fidelity import _import, _people

PEOPLE = [
    ["Anne Martin / PLIE Pau", "Forum emploi", "Mobilité", "Un lieu pour se réunir", "Ateliers CV"],
    ["Paul Roux / Mission locale", "Permanences", "Décrochage", "Des entreprises", "Accompagnement"],
    ["Julie Bernard / Pôle emploi", "Job dating", "Recrutement", "Des candidats", "Offres d'emploi"],
]


def _template(path: Path, last_row: int) -> Path:
    """The headers and three participants, every cell of A1:E`last_row` with a thin border."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row, values in enumerate([HEADERS, *PEOPLE], start=1):
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
    for row in range(1, last_row + 1):
        for column in range(1, 6):
            sheet.cell(row, column).border = border
    workbook.save(path)
    return path


def _refused(grid: Path, tmp_path: Path) -> str:
    before = grid.read_bytes()
    target = tmp_path / "importé.atelier"
    result = run_cli("import", str(grid), "-o", str(target))
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "Traceback" not in said
    assert grid.read_bytes() == before
    assert not target.exists()
    (line,) = [line for line in said.splitlines() if line.strip()]
    return line


def _three_people_read(grid: Path, tmp_path: Path) -> None:
    workshop, _warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert sorted(people) == ["Anne Martin", "Julie Bernard", "Paul Roux"]
    assert people["Paul Roux"]["needs"] == ["Des entreprises"]


def test_an_excel_grid_bordered_down_to_row_12000_is_read(tmp_path: Path) -> None:
    _three_people_read(_template(tmp_path / "gabarit.xlsx", 12_000), tmp_path)


def test_the_csv_excel_saves_from_it_with_12000_lines_of_separators_is_read(tmp_path: Path) -> None:
    grid = tmp_path / "vides.csv"
    lines = [";".join(HEADERS), *(";".join(person) for person in PEOPLE), *([";;;;"] * 12_000)]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _three_people_read(grid, tmp_path)


def test_a_grid_of_5001_filled_rows_is_still_refused(tmp_path: Path) -> None:
    grid = tall_xlsx(tmp_path / "grille.xlsx", 5_001)
    assert _refused(grid, tmp_path) == (
        f"«\xa0{grid}\xa0» a plus de 5\u202f000 lignes\xa0: ce n'est pas une grille d'atelier."
    )
    grid = tmp_path / "grille.csv"
    lines = [";".join(HEADERS), *(f"Personne{n} Nom / Structure;Forum;;Un lieu;" for n in range(5_001))]
    grid.write_text("\n".join([*lines, *([";;;;"] * 12_000)]) + "\n", encoding="utf-8")
    assert _refused(grid, tmp_path) == (
        f"«\xa0{grid}\xa0» a plus de 5\u202f000 lignes\xa0: ce n'est pas une grille d'atelier."
    )


def test_a_sheet_of_empty_formatted_rows_by_the_hundred_thousand_is_refused_saying_what_to_do(
    tmp_path: Path,
) -> None:
    # 150,000 rows of one bordered empty cell under the three participants (written straight
    # into the sheet's XML: openpyxl would take a minute).
    small = _template(tmp_path / "petit.xlsx", 4)
    grid = tmp_path / "immense.xlsx"
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(grid, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                style = re.search(r' s="(\d+)"', text)
                assert style is not None
                empty = "".join(f'<row r="{n}"><c r="A{n}" s="{style[1]}"/></row>' for n in range(5, 150_005))
                data = text.replace("</sheetData>", empty + "</sheetData>").encode()
            out.writestr(member, data)
    message = (
        f"«\xa0{grid}\xa0» a plus de 100\u202f000 lignes, presque toutes vides\xa0: supprimez les lignes "
        "vides sous la grille (ou copiez la grille dans un nouveau fichier), puis importez-la de nouveau."
    )
    assert _refused(grid, tmp_path) == message
    csv_grid = tmp_path / "immense.csv"
    lines = [";".join(HEADERS), *(";".join(person) for person in PEOPLE), *([";;;;"] * 150_000)]
    csv_grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _refused(csv_grid, tmp_path) == message.replace(str(grid), str(csv_grid))
