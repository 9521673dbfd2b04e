"""Word and Excel grids laid out as facilitators really lay them out — a table per participant,
a morning and an afternoon grid, a sheet per table of the room, a totals row, a note across
the whole table — imported through the command line (a real process) and compared, person by
person and item by item, with what the file says. Nothing is dropped or invented in silence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import run_cli
from tests.test_import_fidelity import _import as imported_workshop

HEADERS = [
    "Participants / Territoire",
    "Actions engagées",
    "Mes défis",
    "J'ai besoin de ressources sur…",
    "Je peux être ressource sur…",
]
ANNE = ["Anne Martin / PLIE de Pau", "Forum de l'emploi", "Recruter", "Mobilité", "Clauses sociales"]
PAUL = ["Paul Durand / CCAS de Tarbes", "Ateliers CV", "Logement", "Garde d'enfants", "Numérique"]
ZOE = ["Zoé Petit / Maison de l'emploi", "Job dating", "Saisonniers", "Locaux", "Réseau d'entreprises"]


def _import(grid: Path, tmp_path: Path) -> tuple[list[tuple], list[str]]:
    """Each participant as (name, organisation, actions, challenges, needs, offers), and the
    warnings, from a real `atelier import` then `atelier export --json`."""
    workshop, warnings = imported_workshop(grid, tmp_path)
    people = [
        (" et ".join(p["names"]), p["organisation"], p["actions"], p["challenges"], p["needs"], p["offers"])
        for p in workshop["participants"]
    ]
    return people, warnings


def _two_sheets(first_rows: list[list[str]], second_rows: list[list[str]]) -> tuple[Any, Any]:
    """A workbook of two sheets « Table 1 » and « Table 2 » holding these rows; (workbook, second)."""
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    first.title = "Table 1"
    for row in first_rows:
        first.append(row)
    second = workbook.create_sheet("Table 2")
    for row in second_rows:
        second.append(row)
    return workbook, second


def _expected(*rows: list[str]) -> list[tuple]:
    return [(r[0].split(" / ")[0], r[0].split(" / ")[1], [r[1]], [r[2]], [r[3]], [r[4]]) for r in rows]


def _table(document, rows: list[list[str]]):
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return table


# ------------------------------------------------------------- several tables


def test_a_word_grid_with_one_table_per_participant_imports_everyone(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier du 5 avril 2024")
    for row in (ANNE, PAUL, ZOE):
        document.add_paragraph(row[0])
        _table(document, [HEADERS, row])
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE, PAUL, ZOE)
    assert any("tableaux 1, 2 et 3" in w and "une seule grille" in w for w in warnings), warnings


def test_a_morning_and_an_afternoon_grid_in_one_document_are_both_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Matin")
    _table(document, [HEADERS, ANNE, PAUL])
    document.add_paragraph("Après-midi")
    # The afternoon table puts the offers before the needs: each column is read by its header.
    _table(document, [[*HEADERS[:3], HEADERS[4], HEADERS[3]], [*ZOE[:3], ZOE[4], ZOE[3]]])
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE, PAUL, ZOE)
    assert any("tableaux 1 et 2" in w for w in warnings), warnings


def test_a_second_table_of_other_columns_is_said_not_imported(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    _table(document, [HEADERS, ANNE])
    document.add_paragraph("Mises en relation à prévoir")
    _table(document, [["Participant", "Besoins"], ["Paul Durand / CCAS", "Un local"]])
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE)
    # Who is left out is named: a table of people not read is people missing from the workshop.
    (said,) = [w for w in warnings if "tableau 2" in w]
    assert "non importé" in said, said
    assert "participants laissés de côté\xa0: «\xa0Paul Durand / CCAS\xa0»" in said, said


def test_an_afternoon_grid_written_in_columns_is_said_so_not_merely_no_grid(tmp_path: Path) -> None:
    """The morning's grid as rows, the afternoon's a participant per column: the afternoon's
    people were said in « tableau 2 (3 colonnes : « Participants / Territoire », « Zoé Petit
    / Maison de l'emploi »…) non importé : ce n'est pas une grille », a table of people called
    no grid, nothing saying how to bring them in. It now says their table is written in
    columns, and to transpose it."""
    import docx

    document = docx.Document()
    document.add_paragraph("Matin")
    _table(document, [HEADERS, ANNE])
    document.add_paragraph("Après-midi")
    rows = _columns_of(ZOE, PAUL)
    rows[0] = [HEADERS[0], ZOE[0], PAUL[0]]
    _table(document, rows)
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE)
    (said,) = [w for w in warnings if "tableau 2" in w]
    assert "non importé" in said and "participants sont en colonnes" in said, said
    assert "«\xa0Mes défis\xa0»" in said and "transposez-le" in said, said
    english = run_cli(
        "import",
        str(tmp_path / "grille.docx"),
        "-o",
        str(tmp_path / "en.atelier"),
        env={"ATELIER_LANG": "en"},
    )
    assert "table 2 not imported: its participants are in columns" in english.stdout, english.stdout


def test_an_excel_workbook_with_a_sheet_per_table_reads_every_sheet(tmp_path: Path) -> None:
    workbook, _second = _two_sheets([HEADERS, ANNE, PAUL], [["Atelier du 5 avril"], [], HEADERS, ZOE])
    workbook.create_sheet("Notes").append(["Réserver la salle"])
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, PAUL, ZOE)
    assert any("«\xa0Table 1\xa0» et «\xa0Table 2\xa0»" in w and "une seule grille" in w for w in warnings), (
        warnings
    )
    assert any("«\xa0Notes\xa0»" in w and "non importée" in w for w in warnings), warnings


# ------------------------------------------------------ rows that are no one


def test_a_totals_row_is_not_a_participant(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    _table(document, [HEADERS, ANNE, PAUL, ["Total", "2", "2", "2", "2"], ["", "12", "9", "", "7"]])
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE, PAUL)
    assert any("ligne 4 ignorée" in w and "nombres" in w for w in warnings), warnings
    assert any("ligne 5 ignorée" in w and "nombres" in w for w in warnings), warnings


def test_a_note_across_the_whole_word_table_is_not_a_participant(tmp_path: Path) -> None:
    import docx

    note = "Prochain atelier le 12 juin à Pau : penser à inviter la CAF."
    document = docx.Document()
    table = _table(
        document, [HEADERS, ["Groupe 1 — Béarn", "", "", "", ""], ANNE, PAUL, [note, "", "", "", ""]]
    )
    for row in (1, 4):
        table.cell(row, 0).merge(table.cell(row, 4))
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE, PAUL)
    assert any("ligne 2" in w and "Groupe 1" in w and "toute la largeur" in w for w in warnings), warnings
    assert any("ligne 5" in w and "Prochain atelier" in w for w in warnings), warnings


def test_a_note_across_the_whole_excel_sheet_is_not_a_participant(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in (HEADERS, ANNE, PAUL, ["Prochain atelier le 12 juin à Pau"]):
        sheet.append(row)
    sheet.merge_cells("A4:E4")
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, PAUL)
    assert any("ligne 4" in w and "Prochain atelier" in w for w in warnings), warnings


# ------------------------------------------------------------ columns and cells


def test_a_column_of_counts_does_not_take_the_place_of_the_items_it_counts(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Participant", "Nb actions", "Actions", "Défis", "Besoins", "Je peux être ressource sur"])
    sheet.append([ANNE[0], 1, *ANNE[1:]])
    sheet.append([PAUL[0], 1, *PAUL[1:]])
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, PAUL)
    assert any("colonne 2" in w and "Nb actions" in w and "non importée" in w for w in warnings), warnings


def test_a_word_cell_merged_across_two_participants_is_said_by_both(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = _table(document, [HEADERS, ANNE, [*PAUL[:3], "", PAUL[4]], ZOE])
    table.cell(1, 3).merge(table.cell(2, 3))  # Anne's and Paul's need: one cell
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE, [*PAUL[:3], ANNE[3], PAUL[4]], ZOE)
    assert any("ligne 3, colonne 4" in w and "Paul Durand" in w for w in warnings), warnings


def test_an_excel_cell_merged_across_two_participants_is_said_by_both(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in (HEADERS, ANNE, [*PAUL[:3], None, PAUL[4]], ZOE):
        sheet.append(row)
    sheet.merge_cells("D2:D3")
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, [*PAUL[:3], ANNE[3], PAUL[4]], ZOE)
    assert any("ligne 3, colonne 4" in w and "Paul Durand" in w for w in warnings), warnings


def test_soft_hyphens_and_word_joiners_pasted_in_a_cell_do_not_cut_words(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    _table(document, [HEADERS, [ANNE[0], "Forum de l'em\xadploi", ANNE[2], "Mobi\u2060lité", ANNE[4]]])
    document.save(tmp_path / "grille.docx")

    people, _warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE)
    search = run_cli("search", str(tmp_path / "importé.atelier"), "emploi")
    assert search.returncode == 0 and "Anne Martin" in search.stdout, search.stdout


# ------------------------------------------------- the participant in several columns


def test_a_structure_cell_merged_over_two_people_is_the_structure_of_both(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = _table(
        document,
        [
            ["Structure", "Participant", *HEADERS[1:]],
            ["PLIE de Pau", "Anne Martin", *ANNE[1:]],
            ["", "Paul Durand", *PAUL[1:]],
            ["Maison de l'emploi", "Zoé Petit", *ZOE[1:]],
        ],
    )
    table.cell(1, 0).merge(table.cell(2, 0))
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    assert people == _expected(ANNE, ["Paul Durand / PLIE de Pau", *PAUL[1:]], ZOE)
    assert not any("non importée" in w or "rattachée" in w for w in warnings), warnings


# ------------------------------------------------ a cell across two columns


def test_a_word_cell_spanning_two_item_columns_is_read_as_the_first_and_said(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = _table(document, [HEADERS, [ANNE[0], ANNE[1], "Recruter des saisonniers", "", ANNE[4]], PAUL])
    table.cell(1, 2).merge(table.cell(1, 3))  # « Mes défis » and « J'ai besoin… »: one cell
    document.save(tmp_path / "grille.docx")

    people, warnings = _import(tmp_path / "grille.docx", tmp_path)
    anne = (ANNE[0].split(" / ")[0], "PLIE de Pau", [ANNE[1]], ["Recruter des saisonniers"], [], [ANNE[4]])
    assert people == [anne, *_expected(PAUL)]
    assert any(
        "ligne 2" in w
        and "fusionnée sur «\xa0Mes défis\xa0» et «\xa0J'ai besoin de ressources sur…\xa0»" in w
        and "lue comme «\xa0Mes défis\xa0» seulement" in w
        for w in warnings
    ), warnings


def test_an_excel_cell_spanning_two_item_columns_is_read_as_the_first_and_said(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in (HEADERS, [ANNE[0], ANNE[1], "Recruter des saisonniers", None, ANNE[4]], PAUL):
        sheet.append(row)
    sheet.merge_cells("C2:D2")
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    anne = (ANNE[0].split(" / ")[0], "PLIE de Pau", [ANNE[1]], ["Recruter des saisonniers"], [], [ANNE[4]])
    assert people == [anne, *_expected(PAUL)]
    assert any(
        "ligne 2" in w and "«\xa0Mes défis\xa0» et «\xa0J'ai besoin" in w and "seulement" in w
        for w in warnings
    ), warnings


def test_a_cell_spanning_the_participant_and_an_item_column_is_said(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in (HEADERS, ANNE, ["Paul Durand / CCAS de Tarbes", None, *PAUL[2:]]):
        sheet.append(row)
    sheet.merge_cells("A3:B3")
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == [
        *_expected(ANNE),
        ("Paul Durand", "CCAS de Tarbes", [], [PAUL[2]], [PAUL[3]], [PAUL[4]]),
    ]
    assert any(
        "ligne 3" in w and "«\xa0Participants / Territoire\xa0» et «\xa0Actions engagées\xa0»" in w
        for w in warnings
    ), warnings


# ------------------------------------------------------- hidden rows, columns


def test_hidden_rows_are_skipped_and_said_on_every_sheet_read(tmp_path: Path) -> None:
    hidden = ["Brouillon masqué", "", "", "Besoin effacé", ""]
    workbook, second = _two_sheets([HEADERS, ANNE], [HEADERS, PAUL, hidden, ZOE])
    second.row_dimensions[3].hidden = True
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, PAUL, ZOE)
    assert any(
        "«\xa0Table 2\xa0»" in w and "ligne masquée ignorée" in w and "ligne 3" in w for w in warnings
    ), warnings


def test_the_rows_and_sheets_a_warning_lists_read_as_a_sentence_in_french_and_in_english(
    tmp_path: Path,
) -> None:
    """« lignes 3, 4 et 6 », not « lignes 3, 4, 6 »; « rows 3, 4 and 6 » in English."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    hidden = ["Brouillon masqué", "", "", "Besoin effacé", ""]
    for row in (HEADERS, ANNE, hidden, hidden, PAUL, hidden, ZOE):
        sheet.append(row)
    for number in (3, 4, 6):
        sheet.row_dimensions[number].hidden = True
    for title in ("Ancienne grille", "Brouillon"):
        old = workbook.create_sheet(title)
        for row in (HEADERS, ZOE):
            old.append(row)
        old.sheet_state = "hidden"
    workbook.save(tmp_path / "grille.xlsx")

    said = run_cli("import", str(tmp_path / "grille.xlsx"), "-o", str(tmp_path / "fr.atelier"))
    assert said.returncode == 0, said.stderr
    assert (
        "Attention\xa0: 3 lignes masquées ignorées (feuille «\xa0Grille\xa0», lignes 3, 4 et 6)"
        in said.stdout.splitlines()
    ), said.stdout
    assert (
        "Attention\xa0: feuilles masquées ignorées\xa0: «\xa0Ancienne grille\xa0» et «\xa0Brouillon\xa0»"
        in said.stdout.splitlines()
    ), said.stdout
    english = run_cli(
        "import",
        str(tmp_path / "grille.xlsx"),
        "-o",
        str(tmp_path / "en.atelier"),
        env={"ATELIER_LANG": "en"},
    )
    assert english.returncode == 0, english.stderr
    assert "Warning: 3 hidden rows skipped (sheet “Grille”, rows 3, 4 and 6)" in english.stdout.splitlines()
    assert "Warning: hidden sheets skipped: “Ancienne grille” and “Brouillon”" in english.stdout.splitlines()


def test_a_hidden_column_is_left_out_and_said(tmp_path: Path) -> None:
    """A column its author hid is not imported, like a hidden row or hidden text: said with its
    letter, header and sheet, so the facilitator can show it in Excel and import again."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    for row in (HEADERS, ANNE, PAUL):
        sheet.append(row)
    sheet.column_dimensions["D"].hidden = True
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == [(*person[:4], [], person[5]) for person in _expected(ANNE, PAUL)]
    assert any(
        "colonne masquée non importée" in w and "D" in w and "J'ai besoin" in w and "«\xa0Grille\xa0»" in w
        for w in warnings
    ), warnings


def test_a_hidden_column_the_grid_needs_is_read_and_said(tmp_path: Path) -> None:
    """The participants' column hidden: without it there is no grid, so it is read, and said."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    for row in (HEADERS, ANNE, PAUL):
        sheet.append(row)
    sheet.column_dimensions["A"].hidden = True
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, PAUL)
    assert any("colonne masquée lue" in w and "A" in w and "Participants" in w for w in warnings), warnings


# ------------------------------------------------- a grid not in column A


def test_a_note_across_an_excel_grid_that_starts_in_column_b_is_not_a_participant(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in (HEADERS, ANNE, PAUL, ["Prochain atelier le 12 juin à Pau"]):
        sheet.append([None, *row])
    sheet.merge_cells("B4:F4")
    workbook.save(tmp_path / "grille.xlsx")

    people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert people == _expected(ANNE, PAUL)
    assert any("ligne 4" in w and "Prochain atelier" in w and "toute la largeur" in w for w in warnings), (
        warnings
    )


def test_a_formula_never_computed_is_said_on_every_sheet_read(tmp_path: Path) -> None:
    workbook, _second = _two_sheets([HEADERS, ANNE], [HEADERS, [*PAUL[:3], '=A2&" besoin"', PAUL[4]]])
    workbook.save(tmp_path / "grille.xlsx")

    _people, warnings = _import(tmp_path / "grille.xlsx", tmp_path)
    assert any("formule" in w and "«\xa0Table 2\xa0»" in w and "D2" in w for w in warnings), warnings


# ------------------------------------------------------------- participants in columns


def _columns_of(*people: list[str]) -> list[list[str]]:
    """The grid the other way round: a row per kind of statement, a column per participant."""
    return [[header, *(p[i] for p in people)] for i, header in enumerate(["", *HEADERS[1:]])]


def test_a_word_grid_with_participants_in_columns_is_refused_not_garbled(tmp_path: Path) -> None:
    """Read row by row, « Actions engagées | Forum de l'emploi | Ateliers CV » made three
    participants named « Recruter », « Logement »… from the challenges, and the import said
    « 3 participants » as a success. It is refused in one sentence saying what to do, and no
    file is written."""
    import docx

    document = docx.Document()
    rows = _columns_of(ANNE, PAUL, ZOE)
    rows[0] = ["", ANNE[0], PAUL[0], ZOE[0]]
    _table(document, rows)
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    before = grid.read_bytes()
    out = tmp_path / "atelier.atelier"
    result = run_cli("import", str(grid), "-o", str(out), env={"ATELIER_LANG": "fr"})
    assert result.returncode != 0
    said = result.stderr.strip()
    assert "participants sont en colonnes" in said and "Transposez le tableau" in said, said
    assert "«\xa0Mes défis\xa0»" in said and "Traceback" not in said
    assert len(said.splitlines()) == 1
    assert not out.exists() and grid.read_bytes() == before
    english = run_cli("import", str(grid), "-o", str(out), env={"ATELIER_LANG": "en"})
    assert "the participants are in columns" in english.stderr and not out.exists()


def test_a_word_grid_in_columns_after_a_small_table_is_refused_for_what_it_is(tmp_path: Path) -> None:
    """A « Lieu | Pau », « Date | 5 avril » table above the grid written in columns: the refusal
    cited the small table (« Aucune colonne de grille reconnue. En-têtes trouvés : « Lieu » et
    « Pau ». Indiquez-les avec --columns »), advice that cannot help. It now says the grid's
    participants are in columns, as for the grid alone."""
    import docx

    document = docx.Document()
    _table(document, [["Lieu", "Pau"], ["Date", "5 avril 2024"]])
    document.add_paragraph("La grille")
    rows = _columns_of(ANNE, PAUL, ZOE)
    rows[0] = ["", ANNE[0], PAUL[0], ZOE[0]]
    _table(document, rows)
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    before = grid.read_bytes()
    out = tmp_path / "atelier.atelier"
    result = run_cli("import", str(grid), "-o", str(out), env={"ATELIER_LANG": "fr"})
    assert result.returncode == 1
    said = result.stderr.strip()
    assert "participants sont en colonnes" in said and "«\xa0Mes défis\xa0»" in said, said
    assert "Lieu" not in said and "--columns" not in said and len(said.splitlines()) == 1, said
    assert not out.exists() and grid.read_bytes() == before


def test_an_excel_grid_with_participants_in_columns_is_refused_into_a_workshop_left_intact(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in [["Nom", ANNE[0], PAUL[0]], *_columns_of(ANNE, PAUL)[1:]]:
        workbook.active.append(row)
    grid = tmp_path / "grille.xlsx"
    workbook.save(str(grid))
    target = tmp_path / "reseau.atelier"
    assert run_cli("new", str(target), "--title", "Réseau").returncode == 0
    before = target.read_bytes()
    result = run_cli("import", str(grid), "--into", str(target), env={"ATELIER_LANG": "fr"})
    assert result.returncode != 0 and "participants sont en colonnes" in result.stderr
    assert target.read_bytes() == before


def test_people_across_a_first_row_whose_other_labels_name_no_column_are_said_in_columns(
    tmp_path: Path,
) -> None:
    """« Nom | Anne Martin / PLIE de Pau | Paul Durand / CCAS de Tarbes » over rows labelled
    « Forum », « Autre »: the refusal said « Aucune colonne de grille reconnue… Indiquez-les
    avec --columns "participant=1…" », advice that imports « Forum » and « Autre » as
    participants. It says the participants are in columns, and nothing is written."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        f"Nom;{ANNE[0]};{PAUL[0]}\nForum;Mobilité des jeunes;Garde d'enfants\nAutre;Clauses;Numérique\n",
        encoding="utf-8",
    )
    before = grid.read_bytes()
    out = tmp_path / "atelier.atelier"
    result = run_cli("import", str(grid), "-o", str(out), env={"ATELIER_LANG": "fr"})
    said = result.stderr.strip()
    assert result.returncode == 1 and "participants sont en colonnes" in said, said
    assert "«\xa0Forum\xa0»" in said and "--columns" not in said and len(said.splitlines()) == 1, said
    assert not out.exists() and grid.read_bytes() == before


def test_an_excel_grid_in_columns_on_the_sheet_after_an_info_sheet_is_refused_for_what_it_is(
    tmp_path: Path,
) -> None:
    """A first sheet « Infos » (« Lieu | Pau », « Date | 5 avril 2024 »), the grid written in
    columns on the second: the refusal cited the first sheet's « Lieu » and « Pau » as headers
    and advised --columns. It now says the grid's participants are in columns."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Infos"
    workbook.active.append(["Lieu", "Pau"])
    workbook.active.append(["Date", "5 avril 2024"])
    sheet = workbook.create_sheet("Grille")
    for row in [["Nom", ANNE[0], PAUL[0]], *_columns_of(ANNE, PAUL)[1:]]:
        sheet.append(row)
    grid = tmp_path / "grille.xlsx"
    workbook.save(str(grid))
    before = grid.read_bytes()
    out = tmp_path / "atelier.atelier"
    result = run_cli("import", str(grid), "-o", str(out), env={"ATELIER_LANG": "fr"})
    assert result.returncode == 1
    said = result.stderr.strip()
    assert "participants sont en colonnes" in said and "«\xa0Mes défis\xa0»" in said, said
    assert "Lieu" not in said and "--columns" not in said and len(said.splitlines()) == 1, said
    assert not out.exists() and grid.read_bytes() == before


def test_a_header_repeated_in_other_words_is_no_participant(tmp_path: Path) -> None:
    """The header repeated on the next page as « Participants / Territoire (suite) », or
    shortened (« Participant | Actions | Défis | Besoins | Ressources »): each became a
    participant with no name, its structure « Participants » and the column titles as its
    action, challenge, need and offer, in the minutes and matched. Each is now skipped and
    said as a repeated header, in Word and Excel."""
    import docx
    from openpyxl import Workbook

    suite = [f"{HEADERS[0]} (suite)", *HEADERS[1:]]
    short = ["Participant", "Actions", "Défis", "Besoins", "Ressources"]
    rows = [HEADERS, ANNE, suite, PAUL, short, ZOE]
    document = docx.Document()
    _table(document, rows)
    document.save(tmp_path / "grille.docx")
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "grille.xlsx")
    for grid in (tmp_path / "grille.docx", tmp_path / "grille.xlsx"):
        (tmp_path / grid.suffix[1:]).mkdir()
        people, warnings = _import(grid, tmp_path / grid.suffix[1:])
        assert people == _expected(ANNE, PAUL, ZOE), (grid.name, people)
        for line in (3, 5):
            assert any(f"ligne {line} ignorée (en-têtes répétés)" in w for w in warnings), warnings


def test_someone_whose_cells_use_the_columns_words_is_no_repeated_header(tmp_path: Path) -> None:
    """« Personne 12 / Structure A » beside « Une action de terrain », « Un défi », « Un
    besoin », « Une offre de la structure A »: header words in every cell, yet a participant's
    row (it was skipped as « en-têtes répétés », the person lost from the minutes)."""
    from openpyxl import Workbook

    lookalike = ["Personne 12 / Structure A", "Une action de terrain", "Un défi", "Un besoin", "Une offre"]
    workbook = Workbook()
    for row in [HEADERS, ANNE, lookalike, PAUL]:
        workbook.active.append(row)
    grid = tmp_path / "grille.xlsx"
    workbook.save(str(grid))
    people, warnings = _import(grid, tmp_path)
    assert len(people) == 3, (people, warnings)
    assert any("Une offre" in person[5] for person in people), people
    assert not any("en-têtes répétés" in w for w in warnings), warnings


def test_a_grid_whose_items_look_like_headers_is_still_read_row_by_row(tmp_path: Path) -> None:
    """Short items that read like headers (« Besoin de financement », « Actions collectives »)
    under a grid's one named column do not make it a grid in columns."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in [
        ["Participant", "Besoins"],
        ["Anne Martin / PLIE de Pau", "Besoin de financement"],
        ["Paul Durand / CCAS de Tarbes", "Actions collectives"],
        ["Zoé Petit / Maison de l'emploi", "Mobilité des jeunes"],
    ]:
        workbook.active.append(row)
    grid = tmp_path / "grille.xlsx"
    workbook.save(str(grid))
    people, _warnings = _import(grid, tmp_path)
    assert [(p[0], p[4]) for p in people] == [
        ("Anne Martin", ["Besoin de financement"]),
        ("Paul Durand", ["Actions collectives"]),
        ("Zoé Petit", ["Mobilité des jeunes"]),
    ]


def test_a_two_row_word_header_is_read_and_its_merged_column_keeps_its_title(tmp_path: Path) -> None:
    """« Où en est votre territoire ? » over « Actions engagées | Défis », « Participant »
    merged down both header rows: everyone is read, and the columns line says « 1
    « Participant » » (it said « 1 (sans titre) », and before that « 1 «  » »)."""
    import docx

    document = docx.Document()
    table = _table(
        document,
        [
            ["Participant", "Où en est votre territoire ?", "", "Ressources", ""],
            ["", *HEADERS[1:3], "Besoins", HEADERS[4]],
            ANNE,
            PAUL,
        ],
    )
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 0).merge(table.cell(1, 0))
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    people, _warnings = _import(grid, tmp_path)
    assert people == _expected(ANNE, PAUL)
    result = run_cli("import", str(grid), "-o", str(tmp_path / "deux.atelier"), env={"ATELIER_LANG": "fr"})
    first = "Colonnes\xa0: 1 «\xa0Participant\xa0» → participant, 2 «\xa0Actions engagées\xa0»"
    assert result.stdout.startswith(first)
