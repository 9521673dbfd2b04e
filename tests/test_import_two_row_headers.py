"""A grid whose header takes two rows, as Word and Excel grids often have it: « Participant »
and « Territoire » merged down both header rows, group labels (« Où en est mon territoire »,
« Ressources ») above the item columns, whose own titles are on the second row. Both merged
columns keep their title and the territory column is read (« Médoc » was lost, both columns
said « sans titre »); the import says which rows it read the header from. Real files, imported
by a real `atelier import`, read back with `atelier export --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

TOP = ["Participant", "Territoire", "Où en est mon territoire", "", "Ressources", ""]
BOTTOM = ["", "", "Actions engagées", "Défis", "J'ai besoin de", "Je peux apporter"]
ANNE = ["Anne Martin (PLIE Sud Gironde)", "Sud Gironde", "forum emploi", "recruter", "mobilité", "clauses"]
PAUL = ["Paul Durand (Mission locale)", "Médoc", "garantie jeunes", "logement", "locaux", "accompagnement"]


def _import(grid: Path, tmp_path: Path) -> tuple[str, dict]:
    target = tmp_path / "importé.atelier"
    result = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": "fr"})
    assert result.returncode == 0, result.stdout + result.stderr
    exported = run_cli("export", str(target), "--json", "-")
    assert exported.returncode == 0, exported.stderr
    (workshop,) = json.loads(exported.stdout)["workshops"]
    return result.stdout, workshop


def _word(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier du 3 avril 2023 — Mont-de-Marsan")
    table = document.add_table(rows=0, cols=6)
    for values in (TOP, BOTTOM, ANNE, PAUL):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    table.cell(0, 0).merge(table.cell(1, 0))  # vMerge
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 2).merge(table.cell(0, 3))  # gridSpan
    table.cell(0, 4).merge(table.cell(0, 5))
    path = tmp_path / "deux lignes.docx"
    document.save(str(path))
    return path


def _excel(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Atelier du 3 avril 2023 — Mont-de-Marsan"])
    for values in (TOP, BOTTOM, ANNE, PAUL):
        sheet.append(values)
    for cells in ("A2:A3", "B2:B3", "C2:D2", "E2:F2"):
        sheet.merge_cells(cells)
    path = tmp_path / "deux lignes.xlsx"
    book.save(path)
    return path


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "deux lignes.csv"
    lines = ["Atelier du 3 avril 2023;;;;;", *(";".join(r) for r in (TOP, BOTTOM, ANNE, PAUL))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("build", [_word, _excel, _csv], ids=["docx", "xlsx", "csv"])
def test_a_two_row_header_keeps_the_merged_columns_and_their_cells(build, tmp_path: Path) -> None:
    stdout, workshop = _import(build(tmp_path), tmp_path)
    people = {p["names"][0]: p for p in workshop["participants"]}
    assert set(people) == {"Anne Martin", "Paul Durand"}, stdout
    assert people["Paul Durand"]["territory"] == "Médoc", stdout
    assert people["Anne Martin"]["territory"] == "Sud Gironde", stdout
    assert people["Paul Durand"]["organisation"] == "Mission locale"
    assert people["Paul Durand"]["actions"] == ["garantie jeunes"]
    assert people["Paul Durand"]["challenges"] == ["logement"]
    assert people["Paul Durand"]["needs"] == ["locaux"]
    assert people["Paul Durand"]["offers"] == ["accompagnement"]
    columns = next(line for line in stdout.splitlines() if line.startswith("Colonnes"))
    assert "1 «\xa0Participant\xa0» → participant" in columns, stdout
    assert "2 «\xa0Territoire\xa0» → territoire" in columns, stdout
    assert "sans titre" not in stdout, stdout
    assert "non importée" not in stdout, stdout
    # Which rows the header was read from: the file's own numbers (Excel's rows 2 and 3, under
    # the title; the table's rows 1 and 2 in Word; the CSV's lines 2 and 3).
    lines = "1 et 2" if build is _word else "2 et 3"
    assert f"En-tête lu sur deux lignes\xa0: {lines}" in stdout, stdout
    # The group labels are the header's, not the workshop's description.
    assert "Ressources" not in (workshop.get("description") or ""), workshop.get("description")


def test_a_line_above_a_one_row_header_is_not_taken_for_part_of_it(tmp_path: Path) -> None:
    """« Lieu ; Mont-de-Marsan » above a header whose first column has no title (the people):
    still a one-row header, the people in column 1."""
    path = tmp_path / "une ligne.csv"
    path.write_text(
        "Lieu;Mont-de-Marsan;;\n;Défis;Besoins;Ressources\nAnne Martin (PLIE);recruter;locaux;clauses\n",
        encoding="utf-8",
    )
    stdout, workshop = _import(path, tmp_path)
    (anne,) = workshop["participants"]
    assert anne["names"] == ["Anne Martin"] and anne["needs"] == ["locaux"], stdout
    assert "En-tête lu sur deux lignes" not in stdout


def test_a_header_row_of_group_labels_only_over_titled_columns_changes_nothing(tmp_path: Path) -> None:
    """Group labels above a header whose every cell has a title: the titles are the header."""
    path = tmp_path / "groupes.csv"
    path.write_text(
        ";Situation;;Ressources;\n"
        "Participant;Actions;Défis;Besoins;Offres\n"
        "Anne Martin (PLIE);forum;recruter;locaux;clauses\n",
        encoding="utf-8",
    )
    stdout, workshop = _import(path, tmp_path)
    (anne,) = workshop["participants"]
    assert anne["actions"] == ["forum"] and anne["offers"] == ["clauses"], stdout
    assert "1 «\xa0Participant\xa0» → participant" in stdout


def test_the_import_window_names_both_columns_and_says_the_header_rows(qtbot, store, tmp_path: Path) -> None:
    from atelier.ui.import_dialog import HeaderLabel
    from atelier.ui.main_window import MainWindow

    seen: dict[str, object] = {}

    def check(dialog) -> bool:
        seen["labels"] = [label.text() for label in dialog.columns_box.findChildren(HeaderLabel)]
        seen["title"] = dialog.columns_box.title()
        seen["kinds"] = [combo.currentData() for combo in dialog.combos]
        return True

    window = MainWindow(store)
    qtbot.addWidget(window)
    target = tmp_path / "fenêtre.atelier"
    assert window.import_grid(_excel(tmp_path), target, dialog_hook=check)
    labels = seen["labels"]
    assert isinstance(labels, list)
    assert labels[:2] == ["Colonne 1 «\xa0Participant\xa0»", "Colonne 2 «\xa0Territoire\xa0»"], labels
    assert seen["kinds"] == ["participant", "territory", "action", "challenge", "need", "offer"]
    assert seen["title"] == "Colonnes détectées (en-tête lu sur deux lignes\xa0: 2 et 3)", seen["title"]
    from atelier.store import Store

    with Store.open(target, readonly=True) as written:
        (workshop,) = written.workshops()
        territories = sorted(p.territory for p in written.participants(workshop.id))
    assert territories == ["Médoc", "Sud Gironde"]
