"""An Excel sheet far longer than a grid is refused as such, read only as far as the limit:
what lies beyond (the rest of the rows, the text of all its cells) is never read, so a sheet
of 200,000 rows is refused at once, in one sentence, the file untouched. A short grid is
read whole, as before."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.helpers.tall_excel import tall_xlsx
from tests.test_import_fidelity import _import, _people


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


def test_a_grid_written_as_excel_writes_it_is_read(tmp_path: Path) -> None:
    workshop, _warnings = _import(tall_xlsx(tmp_path / "grille.xlsx", 30), tmp_path)
    people = _people(workshop)
    assert len(people) == 30
    assert people["Personne31 Nom"]["needs"] == ["Un lieu"]


def test_a_sheet_too_long_is_refused_without_reading_the_rows_past_the_limit(tmp_path: Path) -> None:
    # Past row 12,000 the sheet is cut short (its last row and closing tags lost): a reader
    # that went to the end would call the file damaged. The sheet is refused for its length,
    # which is what its first rows already say.
    grid = tall_xlsx(tmp_path / "grille.xlsx", 12_000, sheet_tail='<row r="12002"><c r="A12002" t="s"><v>')
    line = _refused(grid, tmp_path)
    assert line == f"«\xa0{grid}\xa0» a plus de 5\u202f000 lignes\xa0: ce n'est pas une grille d'atelier."


def test_a_sheet_too_long_is_refused_before_the_text_of_its_cells_is_read(tmp_path: Path) -> None:
    # The shared strings (every cell's text, read whole by openpyxl before any row) cut short:
    # the length of the sheet is known without them.
    grid = tall_xlsx(tmp_path / "grille.xlsx", 12_000, strings_tail="<si><t>coup")
    line = _refused(grid, tmp_path)
    assert line == f"«\xa0{grid}\xa0» a plus de 5\u202f000 lignes\xa0: ce n'est pas une grille d'atelier."
