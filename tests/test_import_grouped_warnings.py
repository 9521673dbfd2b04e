"""What an import leaves out many times over is said once, with how many and the first few: a
sheet of 20 000 unknown columns printed 20 000 « Attention » lines, a Word document with a
thousand small tables after the grid one line per table. Each distinct kind of warning still
has its line. Real files, a real `atelier import` in a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

HEADERS = ["Participant", "Actions engagées", "Défis", "J'ai besoin de", "Je peux apporter"]


def _warnings(grid: Path, tmp_path: Path) -> list[str]:
    result = run_cli("import", str(grid), "-o", str(tmp_path / "importé.atelier"), env={"ATELIER_LANG": "fr"})
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("Attention")]


def test_twenty_thousand_unknown_columns_are_said_in_one_line(tmp_path: Path) -> None:
    extra = 20_000
    path = tmp_path / "large.csv"
    header = [*HEADERS, *(f"x{i}" for i in range(extra))]
    anne = ["Anne Martin (PLIE)", "forum", "recruter", "Néant", "clauses", *("oui" for _ in range(extra))]
    path.write_text(";".join(header) + "\n" + ";".join(anne) + "\n", encoding="utf-8")
    warnings = _warnings(path, tmp_path)
    assert len(warnings) == 2, warnings[:5]
    columns = next(w for w in warnings if "colonnes" in w)
    assert columns.startswith("Attention\xa0: 20\u202f000 colonnes sans titre reconnu non importées"), columns
    assert "6 «\xa0x0\xa0», 7 «\xa0x1\xa0», 8 «\xa0x2\xa0», 9 «\xa0x3\xa0», 10 «\xa0x4\xa0»" in columns, (
        columns
    )
    assert "(les 5 premières)" in columns and "x5" not in columns, columns
    assert len(columns) < 300, columns
    # The other kind of warning keeps its own line: « Néant » read as an empty cell.
    assert any("Néant" in w for w in warnings), warnings


def test_a_few_unknown_columns_are_still_said_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "peu.csv"
    path.write_text(
        ";".join([*HEADERS, "Horodateur", "Remarque"])
        + "\nAnne Martin (PLIE);forum;recruter;locaux;clauses;2023;ok\n",
        encoding="utf-8",
    )
    warnings = _warnings(path, tmp_path)
    assert warnings == [
        "Attention\xa0: colonne 6 «\xa0Horodateur\xa0» non importée (1 cellule remplie)",
        "Attention\xa0: colonne 7 «\xa0Remarque\xa0» non importée (1 cellule remplie)",
    ], warnings


def test_many_small_tables_after_a_word_grid_are_said_in_one_line(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=len(HEADERS))
    for values in (HEADERS, ["Anne Martin (PLIE)", "forum", "recruter", "locaux", "clauses"]):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    for number in range(40):
        small = document.add_table(rows=1, cols=2)
        small.cell(0, 0).text = f"Contact {number}"
        small.cell(0, 1).text = "05 58 00 00 00"
    path = tmp_path / "annexes.docx"
    document.save(str(path))
    warnings = _warnings(path, tmp_path)
    assert len(warnings) == 1, warnings[:5]
    (said,) = warnings
    assert said.startswith("Attention\xa0: 40 tableaux non importés\xa0: ce ne sont pas des grilles"), said
    assert "tableaux 2, 3, 4, 5, 6 et 35 autres" in said, said


def test_text_beyond_the_columns_on_many_rows_is_said_for_the_first_rows_then_counted(tmp_path: Path) -> None:
    path = tmp_path / "débord.csv"
    rows = [f"Personne{i} Nom (PLIE);forum;recruter;locaux;clauses;en trop {i}" for i in range(30)]
    path.write_text(";".join(HEADERS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    warnings = _warnings(path, tmp_path)
    assert len(warnings) == 6, warnings
    assert all("«\xa0en trop" in w for w in warnings[:5]), warnings
    assert warnings[5] == (
        "Attention\xa0: 25 autres lignes ont du texte au-delà des colonnes du tableau, non importé\xa0: "
        "lignes 7, 8, 9, 10, 11 et 20 autres"
    ), warnings[5]
