"""What an import says about a grid is what it did: a formula « kept as it is » is kept as
the cell's text, not cut into a name, a structure and a territory; a cell merged over the
participant and the « Actions » column gives no structure or territory made of the
action's words; a second table that is no grid is named, not dropped without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli

HEADERS = ["Participants / Territoire", "Actions engagées", "Défis", "Besoins", "Je peux être ressource sur"]
ROWS = [
    ["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"],
    [
        "Karim Benali / Mission locale Pau",
        "garage solidaire",
        "recrutement",
        "ateliers CV",
        "financement FSE",
    ],
    ["Julie Roux / CC Bazas", "navette", "jeunes", "mobilité rurale", "navette"],
]


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _import(grid: Path, tmp_path: Path, env: dict[str, str] | None = None) -> tuple[Path, str]:
    before = grid.read_bytes()
    target = tmp_path / f"{grid.stem}.atelier"
    done = run_cli("import", str(grid), "-o", str(target), env=env)
    assert done.returncode == 0, done.stderr
    assert grid.read_bytes() == before
    return target, _plain(done.stdout + done.stderr)


def _people(workshop: Path) -> list[tuple[str, list[str], str, str, dict[str, list[str]]]]:
    with Store.open(workshop, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        return [
            (
                p.source_text,
                list(p.names),
                p.organisation,
                p.territory,
                {kind.value: [i.text for i in store.items(p.id, kind)] for kind in ItemKind},
            )
            for p in store.participants(workshop_id)
        ]


def _word_grid(path: Path, rows: list[list[str]], after=None) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph("Atelier du 12 mai 2025")
    table = document.add_table(rows=1 + len(rows), cols=len(HEADERS))
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    for line, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            table.cell(line, column).text = value
    if after is not None:
        after(document, table)
    document.save(str(path))
    return path


# ------------------------------------------------------------------ formulas


def test_a_row_whose_participant_cell_is_a_formula_never_computed_is_left_out_and_said(
    tmp_path: Path,
) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    # openpyxl writes formulas without a computed value (a workbook never opened in Excel).
    sheet.append(['=CONCATENATE("Cli","que")', "=1+1", "=SUM(1,2)", "@cmd", "-2+3"])
    grid = tmp_path / "formules.xlsx"
    workbook.save(grid)
    workshop, said = _import(grid, tmp_path)
    # Whose row it is cannot be read: it is no one's, not Julie's above.
    assert [p[0] for p in _people(workshop)] == [row[0] for row in ROWS]
    julie = _people(workshop)[2][4]
    assert "besoin" not in julie and "@cmd" not in julie["need"] and "=1+1" not in julie["action"]
    (warning,) = [line for line in said.splitlines() if "valeur calculée" in line]
    assert "3 cellules à formule sans valeur calculée non importées (A5, B5 et C5)" in warning, warning
    assert "ligne 5 non importée : sa cellule de participant est une formule jamais calculée" in said
    # The three others are read as before.
    assert _people(workshop)[2][1:4] == (["Julie Roux"], "CC Bazas", "Bazas")


def test_the_formula_warning_is_said_in_english(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(ROWS[0])
    sheet.append(['=CONCATENATE("Cli","que")', "forum", "défi", "besoin", "offre"])
    grid = tmp_path / "formulas.xlsx"
    workbook.save(grid)
    _workshop, said = _import(grid, tmp_path, env={"ATELIER_LANG": "en"})
    assert "1 formula cell never computed not imported (A3): to read it, open the workbook" in said
    assert "row 3 not imported: its participant cell is a formula never computed" in said


# A row of totals copied with its formulas shown (« =SOMME(A2:A5) »), pasted or saved as text.
TOTALS = ["=SOMME(A2:A5)", "=NB(B2:B5)", "=NBVAL(C2:C5)", "=A2+B2", "=MOYENNE(E2:E5)"]


@pytest.mark.parametrize(("suffix", "separator"), [(".csv", ";"), (".txt", "\t")])
def test_a_row_of_formulas_in_a_text_grid_is_no_participant(
    tmp_path: Path, suffix: str, separator: str
) -> None:
    """« =SOMME(A2:A5) » under the headers of a CSV was a participant, the structure
    « SOMME(A2:A5) », its actions « =NB(B2:B5) »…, in the minutes and on the projector. A cell
    that is a spreadsheet's formula, as text, is no one's words: the row is left out and said,
    as an Excel formula never computed is; « =Marie Curie » is still Marie Curie."""
    grid = tmp_path / f"totaux{suffix}"
    lines = [HEADERS, TOTALS, *ROWS, ["=Marie Curie", "forum", "défi", "besoin", "offre"]]
    grid.write_text("\n".join(separator.join(line) for line in lines) + "\n", encoding="utf-8")
    workshop, said = _import(grid, tmp_path)
    people = _people(workshop)
    assert [p[1] for p in people] == [
        *([n] for n in ("Anne Martin", "Karim Benali", "Julie Roux")),
        ["Marie Curie"],
    ]
    assert not any(text.startswith("=") for p in people for items in p[4].values() for text in items)
    # Said in the text file's terms (it was Excel's « une formule jamais calculée »), with the formula.
    assert (
        "ligne 2 non importée : sa cellule de participant commence par « = » (une formule de tableur "
        "écrite en texte, sans sa valeur : « =SOMME(A2:A5) »), ses éléments ne sont donnés à personne"
    ) in _plain(said), said


@pytest.mark.parametrize(("suffix", "separator"), [(".csv", ";"), (".txt", "\t")])
def test_a_formula_in_a_participant_s_row_is_said_left_out(
    tmp_path: Path, suffix: str, separator: str
) -> None:
    """« =SOMME(A2:A5) » in a participant's needs, « =SUM(B2:B3) » in a row of totals under
    the grid: left out as text, as they should be, but without a word, while the same formula
    in the participant's cell was said. Each is now said with where it was."""
    grid = tmp_path / f"formules{suffix}"
    lines = [
        HEADERS,
        [*ROWS[0][:3], "=SOMME(A2:A5)", ROWS[0][4]],
        *ROWS[1:],
        ["", "=SUM(B2:B3)", "", "", ""],
        ["TOTAL", "=NBVAL(B2:B4)", "", "", ""],  # said as a row of totals, once
    ]
    grid.write_text("\n".join(separator.join(line) for line in lines) + "\n", encoding="utf-8")
    workshop, said = _import(grid, tmp_path)
    assert [p[1] for p in _people(workshop)] == [[n] for n in ("Anne Martin", "Karim Benali", "Julie Roux")]
    assert "ligne 6 ignorée : « TOTAL » est un total" in said, said
    assert (
        "2 cellules commençant par « = » (des formules de tableur écrites en texte, sans leur valeur) "
        "non importées (ligne 2, colonne 4 ; ligne 5, colonne 2) : « =SOMME(A2:A5) », « =SUM(B2:B3) »"
        in (_plain(said))
    ), said
    grid.with_suffix(".atelier").unlink()
    _workshop, said = _import(grid, tmp_path, env={"ATELIER_LANG": "en"})
    assert (
        "2 cells starting with “=” (spreadsheet formulas written as text, without their values) not "
        "imported (row 2, column 4; row 5, column 2): “=SOMME(A2:A5)”, “=SUM(B2:B3)”"
    ) in said, said


def test_a_pasted_row_of_formulas_is_no_participant() -> None:
    """The same row first among rows pasted into the window without their headers: it was the
    first participant, « SOMME(A2:A5) »."""
    from atelier.importers import plan_pasted

    plan = plan_pasted("\n".join("\t".join(line) for line in [TOTALS, *ROWS]) + "\n")
    assert plan is not None
    assert [e.parsed.names for e in plan.entries] == [["Anne Martin"], ["Karim Benali"], ["Julie Roux"]]
    assert any("formule" in _plain(w) for w in plan.warnings), plan.warnings


# ------------------------------------------------------- a table not a grid


def _with_sign_in_list(document, _table) -> None:
    document.add_paragraph("Émargement")
    sign_in = document.add_table(rows=3, cols=2)
    for line, values in enumerate([["Prénom", "Nom"], ["Zoé", "Lambert"], ["Paul", "Durand"]]):
        for column, value in enumerate(values):
            sign_in.cell(line, column).text = value


def test_a_second_table_that_is_no_grid_is_named_not_dropped_silently(tmp_path: Path) -> None:
    grid = _word_grid(tmp_path / "deux tableaux.docx", ROWS[:2], _with_sign_in_list)
    workshop, said = _import(grid, tmp_path)
    assert "tableau 2 (2 colonnes : « Prénom » et « Nom ») non importé : ce n'est pas une grille" in said, (
        said
    )
    assert [p[1] for p in _people(workshop)] == [["Anne Martin"], ["Karim Benali"]]


def test_a_second_table_that_is_no_grid_is_named_in_english(tmp_path: Path) -> None:
    grid = _word_grid(tmp_path / "two tables.docx", ROWS[:2], _with_sign_in_list)
    _workshop, said = _import(grid, tmp_path, env={"ATELIER_LANG": "en"})
    assert "table 2 (2 columns: “Prénom” and “Nom”) not imported: it is not a grid" in said, said


# ------------------------------------------------------------- merged cells


def _merge_participant_over_actions(_document, table) -> None:
    table.cell(1, 3).merge(table.cell(2, 3))  # one need for Anne and Karim
    table.cell(3, 0).merge(table.cell(3, 1))  # Julie's cell over « Actions engagées »


def test_a_participant_cell_merged_over_the_actions_gives_no_made_up_structure(tmp_path: Path) -> None:
    grid = _word_grid(tmp_path / "fusion.docx", ROWS, _merge_participant_over_actions)
    workshop, said = _import(grid, tmp_path)
    julie = _people(workshop)[2]
    assert julie[1:4] == (["Julie Roux"], "CC Bazas", "Bazas"), julie
    assert "navette" not in julie[2] + julie[3]
    assert julie[4]["challenge"] == ["jeunes"]
    (warning,) = [line for line in said.splitlines() if "ligne 4" in line]
    assert (
        "la cellule fusionnée sur « Participants / Territoire » et « Actions engagées » est lue comme "
        "le participant d'après sa première ligne (« Julie Roux / CC Bazas ») ; la suite (« navette ») "
        "n'est rangée dans aucune colonne, à reporter à la main"
    ) in warning, warning
    # The vertical merge is read for both, and said, as before.
    assert "ligne 3, colonne 4 : la cellule fusionnée avec celle du dessus" in said, said


def test_a_merged_participant_cell_is_said_in_english(tmp_path: Path) -> None:
    grid = _word_grid(tmp_path / "merged.docx", ROWS, _merge_participant_over_actions)
    _workshop, said = _import(grid, tmp_path, env={"ATELIER_LANG": "en"})
    assert "is read as the participant from its first line (“Julie Roux / CC Bazas”)" in said, said


def test_a_formula_in_the_name_column_keeps_the_structure_of_its_own_column(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Structure", "Besoins", "Je peux être ressource sur"])
    sheet.append(["Anne Martin", "PLIE Landes", "financement FSE", "ateliers CV"])
    sheet.append(['=A2&" bis"', "CC Bazas", "navette", "jeunes"])
    grid = tmp_path / "noms.xlsx"
    workbook.save(grid)
    workshop, _said = _import(grid, tmp_path)
    text, names, organisation, _territory, items = _people(workshop)[1]
    assert (names, organisation) == ([], "CC Bazas")
    assert text == "CC Bazas"
    assert items["need"] == ["navette"]


def test_the_import_counts_people_as_the_file_does_not_rows(tmp_path: Path) -> None:
    """« Paul Durand et Léa Petit » share a row: the import said « Import : 3 participants »
    and a re-import « 3 participants mis à jour » where `atelier info`, the minutes and the
    window count 4 people (« Participants : 4 (3 lignes de la grille) »). Each count now says
    the people, with the grid's rows beside them when they differ."""
    header = "Participant;Actions;Défis;Besoins;Ressources\n"
    anne = "Anne Martin / PLIE Landes;forum emploi;mobilité;financement FSE;ateliers CV\n"
    two = "Paul Durand et Léa Petit - Mission locale de Pau;garage solidaire;;navette;\n"
    marc = "Marc Lenoir / CdC du Bazadais;club d'entreprises;;;mutualisation\n"
    grid = tmp_path / "grille.csv"
    grid.write_text(header + anne + two + marc, encoding="utf-8")
    target, said = _import(grid, tmp_path)
    assert "Import : 4 participants (3 lignes de la grille), 3 actions," in said, said
    info = _plain(run_cli("info", str(target)).stdout)
    assert "Participants : 4 (3 lignes de la grille)" in info, info

    again = run_cli("import", str(grid), "--into", str(target))
    assert again.returncode == 0, again.stderr
    assert "4 participants retrouvés sans changement (3 lignes de la grille), 0 ajouté, 0 absent" in _plain(
        again.stdout
    )

    # Marc's row gone, a row of two new people: each count in people, its rows beside it.
    grid.write_text(
        header + anne + two + "Karim Benali et Julie Roux / CC Bazas;navette;;;\n", encoding="utf-8"
    )
    changed = run_cli("import", str(grid), "--into", str(target))
    assert changed.returncode == 0, changed.stderr
    out = _plain(changed.stdout)
    assert "Import : 5 participants (3 lignes de la grille)," in out, out
    assert (
        "3 participants retrouvés sans changement (2 lignes de la grille), 2 ajoutés (1 ligne de la grille), "
        "1 absent de la grille conservé" in out
    ), out
    info = _plain(run_cli("info", str(target)).stdout)
    assert "Participants : 6 (4 lignes de la grille)" in info, info

    english = run_cli("import", str(grid), "--into", str(target), env={"ATELIER_LANG": "en"})
    assert "5 participants unchanged (3 rows of the grid), 0 added, 1 missing" in english.stdout, (
        english.stdout
    )
