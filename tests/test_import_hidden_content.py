"""What the author of a grid hid is not brought into the workshop: a Word run formatted as
hidden text (« Masqué », `<w:vanish/>`, directly or through a character or paragraph
style) stays out of the grid, the minutes and the projector, and the import says once how
many hidden passages it left out and where. A comment on a Word cell, a note on an Excel
cell, a hidden Excel row or column, an Excel cell that shows nothing (« ;;; », white on
white), the text an HTML page hides are not imported either, and said. Text hidden only in
Word's web layout (`<w:webHidden/>`) is shown on the page, as typed: it is read."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

HEADERS = ["Participants / Territoire", "Actions engagées", "Défis", "Besoins", "Je peux être ressource sur"]
SECRET = "conflit avec le maire, ne pas dire"


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _stored_text(workshop: Path) -> str:
    """Every text the workshop file holds (participants, their cells, items, workshop)."""
    connection = sqlite3.connect(workshop)
    try:
        found = []
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found.extend(str(v) for v in row if isinstance(v, str))
        return "\n".join(found)
    finally:
        connection.close()


def _import_workbook(workbook: Any, tmp_path: Path) -> tuple[str, list[str]]:
    """`atelier import` of this workbook: the text stored in the workshop file, and the lines
    the import said."""
    grid = tmp_path / "grille.xlsx"
    workbook.save(grid)
    workshop = tmp_path / "a.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    return _stored_text(workshop), _plain(done.stdout + done.stderr).splitlines()


def _grid_with_hidden_text(path: Path) -> None:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    document.add_paragraph("Atelier emploi du 12 mai 2025")
    secret_title = document.add_paragraph().add_run("brouillon, ne pas diffuser")
    secret_title.font.hidden = True
    table = document.add_table(rows=4, cols=5)
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    rows = [
        ["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"],
        ["Karim Benali / Mission locale Pau", "garage solidaire", "", "ateliers CV", "financement FSE"],
        ["Julie Roux / CC Bazas", "navette", "jeunes", "mobilité rurale", "navette"],
    ]
    for line, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            table.cell(line, column).text = value
    # Karim's challenge: « recrutement » shown, the note after it hidden (Format › Police › Masqué).
    paragraph = table.cell(2, 2).paragraphs[0]
    paragraph.add_run("recrutement ")
    paragraph.add_run(f"(note masquée : {SECRET})").font.hidden = True
    # Julie's need: a second line hidden through a character style.
    style = document.styles.add_style("Aparté", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    aside = table.cell(3, 3).add_paragraph()
    aside.add_run("budget secret de la CC").style = style
    # Anne's offer: text hidden in the web layout only, shown on the page.
    table.cell(1, 4).paragraphs[0].add_run(" et simulations").font.web_hidden = True
    # A comment on Anne's action.
    run = table.cell(1, 1).paragraphs[0].runs[0]
    document.add_comment(run, text="ne pas la relancer avant juin", author="Animatrice")
    document.save(str(path))


def test_hidden_word_text_is_left_out_and_said_once(tmp_path: Path) -> None:
    grid = tmp_path / "grille.docx"
    _grid_with_hidden_text(grid)
    before = grid.read_bytes()
    workshop = tmp_path / "atelier.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    said = _plain(done.stdout + done.stderr)
    stored = _stored_text(workshop)
    # Nothing hidden is in the file: not the note, not the styled aside, not the title's draft
    # mark, not the comment.
    for hidden in (SECRET, "note masquée", "budget secret", "brouillon", "ne pas la relancer"):
        assert hidden not in stored, hidden
    # What was shown is there, the web-hidden words too (Word shows them on the page).
    for shown in ("recrutement", "mobilité rurale", "ateliers CV et simulations", "forum emploi"):
        assert shown in stored, shown
    # Said once, in one sentence, with where.
    lines = [line for line in said.splitlines() if "masqué" in line]
    assert len(lines) == 1, said
    assert "3 passages en texte masqué non importés" in lines[0], lines[0]
    assert "ligne 3, colonne 3" in lines[0] and "ligne 4, colonne 4" in lines[0], lines[0]
    assert "au-dessus du tableau" in lines[0], lines[0]
    assert grid.read_bytes() == before


def test_hidden_word_text_is_said_in_english(tmp_path: Path) -> None:
    grid = tmp_path / "grid.docx"
    _grid_with_hidden_text(grid)
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "3 hidden text passages not imported" in done.stdout + done.stderr, done.stdout


def test_a_grid_without_hidden_text_says_nothing_of_it(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=2, cols=5)
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    for column, value in enumerate(["Anne Martin / PLIE Landes", "forum", "mobilité", "FSE", "CV"]):
        table.cell(1, column).text = value
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert done.returncode == 0, done.stderr
    assert "masqué" not in done.stdout + done.stderr


def test_excel_notes_and_hidden_rows_are_not_imported(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.comments import Comment

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"])
    sheet.append(["Paul Secret / CC Cachée", "rien", "rien", "rien", "rien"])
    sheet.append(["Julie Roux / CC Bazas", "navette", "jeunes", "mobilité rurale", "navette"])
    sheet.row_dimensions[3].hidden = True
    sheet["B2"].comment = Comment(SECRET, "Animatrice")
    stored, said = _import_workbook(workbook, tmp_path)
    assert SECRET not in stored and "Paul Secret" not in stored
    assert "forum emploi" in stored and "Julie Roux" in stored
    assert "ligne masquée ignorée" in "\n".join(said)


# ------------------------------------------------- Excel: what the sheet does not show


def _excel_grid_with_invisible_cells(path: Path) -> None:
    """A grid in which some cells show nothing on screen: the « ;;; » format, a white font on
    no fill (by its colour, the theme's « Blanc, Arrière-plan 1 », the palette's white), a
    font of its fill's colour; and cells that do show: white on a dark fill, light grey."""
    import openpyxl
    from openpyxl.styles import Color, Font, PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    sheet.append(HEADERS)
    sheet.append(["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"])
    sheet.append(["Karim Benali / Mission locale Pau", "garage solidaire", SECRET, "ateliers CV", "FSE"])
    sheet.append(["Julie Roux / CC Bazas", "navette", "jeunes", "budget secret de la CC", "navette"])
    sheet.append(["Marc Dupuis / CC Pau", "relance du maire", "emploi", "note du thème", "tableau blanc"])
    sheet.append(["Léa Petit / Ville de Dax", "salon", "vert sur vert", "locaux", "gris clair"])
    sheet["C3"].number_format = ";;;"
    sheet["D4"].font = Font(color="FFFFFFFF")
    sheet["B5"].font = Font(color=Color(theme=0))  # « Blanc, Arrière-plan 1 »
    sheet["D5"].font = Font(color=Color(indexed=9))  # the palette's white
    sheet["E5"].font = Font(color="FFFFFFFF")
    sheet["E5"].fill = PatternFill("solid", fgColor="FF1F3864")  # white on dark blue: shown
    sheet["C6"].font = Font(color="FFC6EFCE")
    sheet["C6"].fill = PatternFill("solid", fgColor="FFC6EFCE")
    sheet["E6"].font = Font(color="FFBFBFBF")  # light grey on white: shown
    workbook.save(path)


def test_excel_cells_that_show_nothing_are_left_out_and_said(tmp_path: Path) -> None:
    grid = tmp_path / "grille.xlsx"
    _excel_grid_with_invisible_cells(grid)
    before = grid.read_bytes()
    workshop = tmp_path / "a.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    stored = _stored_text(workshop)
    for hidden in (SECRET, "budget secret", "relance du maire", "note du thème", "vert sur vert"):
        assert hidden not in stored, hidden
    for shown in ("tableau blanc", "gris clair", "garage solidaire", "Julie Roux", "Marc Dupuis", "locaux"):
        assert shown in stored, shown
    said = _plain(done.stdout + done.stderr).splitlines()
    by_format = [line for line in said if "format" in line]
    by_colour = [line for line in said if "couleur" in line]
    assert by_format == [
        "Attention : 1 cellule masquée par son format de nombre non importée (ligne 3, colonne C)"
    ], said
    assert by_colour == [
        "Attention : 4 cellules écrites de la couleur de leur fond non importées (ligne 4, colonne D ; "
        "ligne 5, colonne B ; ligne 5, colonne D ; ligne 6, colonne C)"
    ], said
    assert grid.read_bytes() == before


def test_excel_cells_that_show_nothing_are_said_in_english(tmp_path: Path) -> None:
    grid = tmp_path / "grid.xlsx"
    _excel_grid_with_invisible_cells(grid)
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert "Warning: 1 cell hidden by its number format not imported (row 3, column C)" in said, said
    assert any(
        line.startswith("Warning: 4 cells written in the colour of their fill not imported") for line in said
    )


def test_a_hidden_excel_column_is_left_out_and_said(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    sheet.append([*HEADERS, "Contact"])
    sheet.append(["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "CV", SECRET])
    sheet.append(["Julie Roux / CC Bazas", "navette", "jeunes", "mobilité rurale", "navette", "06 12"])
    sheet.column_dimensions["F"].hidden = True
    stored, said = _import_workbook(workbook, tmp_path)
    assert SECRET not in stored and "06 12" not in stored
    assert "forum emploi" in stored and "mobilité rurale" in stored
    assert "Attention : colonne masquée non importée (feuille « Grille ») : F (« Contact »)" in said, said


# ------------------------------------------- HTML: a Word grid saved as a web page


WORD_WEB_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset="utf-8"><title>Grille atelier</title>
<style>
<!--
p.MsoNormal {margin:0cm; font-size:11.0pt;}
@page WordSection1 {size:595.3pt 841.9pt;}
-->
</style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
</head>
<body lang=FR><div class=WordSection1>
<p class=MsoNormal>Atelier emploi du 12 mai 2025<span style='display:none;mso-hide:all'> brouillon, ne pas
diffuser</span></p>
<table class=MsoTableGrid border=1>
{header}
<tr><td><p>Anne Martin / PLIE Landes</p></td><td><p>forum emploi</p></td><td><p>mobilité</p></td>
<td><p>financement FSE</p></td><td><p>ateliers CV</p></td></tr>
<tr><td><p>Karim Benali / Mission locale Pau</p></td><td><p>garage solidaire</p></td>
<td><p>recrutement <span style='display:none;mso-hide:all'>(note masquée&nbsp;: {secret})</span></p></td>
<td><p>ateliers CV</p></td><td><p>FSE</p></td></tr>
</table>
<p class=MsoNormal>Après-midi</p>
<table class=MsoTableGrid border=1>
{header}
<tr><td><p>Julie Roux / CC Bazas</p></td><td><p>navette</p></td><td><p>jeunes</p></td>
<td><p>mobilité rurale <span style="visibility: hidden">budget secret de la CC</span></p></td>
<td><p>navette</p></td></tr>
</table>
<p class=MsoNormal>Contacts</p>
<table class=MsoTableGrid border=1>
<tr><td><p>Nom</p></td><td><p>Téléphone</p></td></tr>
<tr><td><p>Anne Martin</p></td><td><p>06 11 22 33 44</p></td></tr>
</table>
</div></body></html>
"""


def _word_web_page(path: Path) -> None:
    header = "<tr>" + "".join(f"<td><p>{h}</p></td>" for h in HEADERS) + "</tr>"
    path.write_text(WORD_WEB_PAGE.replace("{header}", header).replace("{secret}", SECRET), encoding="utf-8")


def test_a_word_grid_saved_as_a_web_page_brings_every_table_and_nothing_hidden(tmp_path: Path) -> None:
    grid = tmp_path / "grille.htm"
    _word_web_page(grid)
    before = grid.read_bytes()
    workshop = tmp_path / "a.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    stored = _stored_text(workshop)
    # What Word showed, the afternoon's table too; nothing it hid, nor its page's style sheet.
    for shown in ("recrutement", "Julie Roux", "mobilité rurale", "Atelier emploi du 12 mai 2025"):
        assert shown in stored, shown
    for hidden in (SECRET, "note masquée", "budget secret", "brouillon", "MsoNormal", "@page"):
        assert hidden not in stored, hidden
    said = _plain(done.stdout + done.stderr).splitlines()
    # As the Word importer says it: the tables read as one grid, the table that is no grid,
    # the hidden passages with where.
    assert (
        "Attention : tableaux 1 et 2 : mêmes colonnes, lus comme une seule grille (chaque ligne citée "
        "l'est dans son tableau)" in said
    ), said
    assert any(
        line.startswith("Attention : tableau 3 (2 colonnes") and "non importé" in line for line in said
    ), said
    hidden = [line for line in said if "masqué" in line]
    assert hidden == [
        "Attention : 3 passages en texte masqué non importés (au-dessus du tableau ; ligne 3, colonne 3 "
        "(tableau 1) ; ligne 2, colonne 4 (tableau 2))"
    ], said
    assert grid.read_bytes() == before


def test_a_second_html_table_of_other_columns_is_said(tmp_path: Path) -> None:
    grid = tmp_path / "grille.html"
    grid.write_text(
        "<table><tr><th>Participants</th><th>Besoins</th><th>Ressources</th></tr>"
        "<tr><td>Anne Martin / PLIE</td><td>mobilité</td><td>CV</td></tr></table>"
        "<table><tr><th>Participants</th><th>Défis</th></tr>"
        "<tr><td>Paul Durand / CCAS</td><td>logement</td></tr></table>",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    said = (
        "Warning: table 2 not imported: its columns are not the grid's "
        "(participants left out: “Paul Durand / CCAS”)"
    )
    assert said in done.stdout.splitlines(), done.stdout


def test_a_hidden_header_row_brings_back_only_the_header(tmp_path: Path) -> None:
    """The header row hidden with a participant's row: the header is read (a column's title is
    no secret, and without it there is no grid), the hidden participant is not, and said."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    sheet.append(HEADERS)
    sheet.append(["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"])
    sheet.append(["Paul Secret / CC Cachée", SECRET, "rien", "rien", "rien"])
    sheet.append(["Julie Roux / CC Bazas", "navette", "jeunes", "mobilité rurale", "navette"])
    sheet.row_dimensions[1].hidden = True
    sheet.row_dimensions[3].hidden = True
    stored, said = _import_workbook(workbook, tmp_path)
    assert SECRET not in stored and "Paul Secret" not in stored
    assert "forum emploi" in stored and "Julie Roux" in stored
    assert "Attention : 1 ligne masquée ignorée (feuille « Grille », ligne 3)" in said, said


def test_hidden_rows_read_because_the_grid_is_only_there_are_said(tmp_path: Path) -> None:
    """Every row of the grid hidden: it is read (there is nothing else), and said (its header
    row apart: a column's title is no secret)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Grille"
    sheet.append(HEADERS)
    sheet.append(["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"])
    for line in (1, 2):
        sheet.row_dimensions[line].hidden = True
    stored, said = _import_workbook(workbook, tmp_path)
    assert "forum emploi" in stored
    assert "Attention : 1 ligne masquée lue (feuille « Grille », ligne 2) : la grille n'est que là" in said, (
        said
    )


def test_what_is_hidden_in_atelier_s_own_excel_is_left_out_too(tmp_path: Path) -> None:
    """Atelier's own Excel, read back as it was written, after the facilitator hid a row and a
    cell in it: the hidden participant and the hidden role are not imported, and said; every
    other participant keeps their items exactly."""
    import json

    import openpyxl

    from tests.conftest import ROOT

    exported = tmp_path / "export.xlsx"
    done = run_cli("export", "--xlsx", str(exported), str(ROOT / "examples" / "atelier-2021-03-16.atelier"))
    assert done.returncode == 0, done.stderr
    workbook = openpyxl.load_workbook(exported)
    grid = workbook["Grille"]
    header = [c.value for c in grid[1]]
    hidden_person = grid.cell(3, header.index("Participant") + 1).value
    role = grid.cell(4, header.index("Fonction") + 1)
    hidden_role = role.value
    assert hidden_person and hidden_role
    grid.row_dimensions[3].hidden = True
    role.number_format = ";;;"
    edited = tmp_path / "modifie.xlsx"
    workbook.save(edited)

    def participants(source: Path, name: str) -> tuple[dict[str, dict], str]:
        workshop = tmp_path / f"{name}.atelier"
        done = run_cli("import", str(source), "-o", str(workshop))
        assert done.returncode == 0, done.stderr
        run_cli("export", "--json", str(tmp_path / f"{name}.json"), str(workshop))
        found = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))["workshops"][0]
        return {" et ".join(p["names"]) or p["organisation"]: p for p in found["participants"]}, _plain(
            done.stdout
        )

    before, _ = participants(exported, "avant")
    after, said = participants(edited, "apres")
    assert hidden_person in before and hidden_person not in after
    assert hidden_role not in _stored_text(tmp_path / "apres.atelier")
    assert set(before) - set(after) == {hidden_person}
    for name, person in after.items():
        for field in ("actions", "challenges", "needs", "offers", "organisation", "territory"):
            assert person[field] == before[name][field], (name, field)
    assert "1 ligne masquée ignorée (feuille « Grille », ligne 3)" in said, said
    assert "1 cellule masquée par son format de nombre non importée (ligne 4, colonne E)" in said, said


def test_the_window_s_import_shows_nothing_hidden_and_says_it(qtbot, store, tmp_path: Path) -> None:
    """« Importer une grille… » in the window: the preview and the grid imported hold none of
    what the sheet hides, and the preview's warnings say it."""
    from PySide6.QtCore import Qt

    from atelier.ui.main_window import MainWindow

    grid = tmp_path / "grille.xlsx"
    _excel_grid_with_invisible_cells(grid)
    window = MainWindow(store)
    qtbot.addWidget(window)
    seen: dict[str, str] = {}

    def look(dialog) -> bool:
        model = dialog.preview_model
        seen["preview"] = "\n".join(
            str(model.data(model.index(row, column), role) or "")
            for row in range(model.rowCount())
            for column in range(model.columnCount())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        )
        seen["warnings"] = _plain(dialog.warnings.text())
        return True

    target = tmp_path / "importé.atelier"
    assert window.import_grid(grid, target, dialog_hook=look)
    assert "tableau blanc" in seen["preview"] and "garage solidaire" in seen["preview"]
    assert "4 cellules écrites de la couleur de leur fond non importées" in seen["warnings"], seen
    assert "1 cellule masquée par son format de nombre non importée" in seen["warnings"], seen
    stored = _stored_text(target)
    for hidden in (SECRET, "budget secret", "relance du maire", "note du thème", "vert sur vert"):
        assert hidden not in seen["preview"] and hidden not in stored, hidden
    assert window.store.path == target


def test_hidden_html_in_a_tab_separated_word_export_is_left_out_and_said(tmp_path: Path) -> None:
    """The text export whose cells are HTML fragments (as the example grid): a span the
    fragment hides is not imported, and said with its line and column."""
    grid = tmp_path / "grille.txt"
    lines = [
        "Atelier du 12 mai 2025<span style='display:none'> brouillon</span>",
        "\t".join(HEADERS),
        "\t".join(
            ["Anne Martin / PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"]
        ),
        "\t".join(
            [
                "<p>Karim Benali / Mission locale Pau</p>",
                "garage solidaire",
                f'<p>recrutement <span style="display: none; mso-hide: all">{SECRET}</span></p>',
                "ateliers CV",
                "FSE",
            ]
        ),
    ]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = grid.read_bytes()
    workshop = tmp_path / "a.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    stored = _stored_text(workshop)
    assert SECRET not in stored and "brouillon" not in stored
    assert "recrutement" in stored and "Karim Benali" in stored
    said = _plain(done.stdout + done.stderr).splitlines()
    assert (
        "Attention : 2 passages en texte masqué non importés (au-dessus du tableau ; ligne 4, colonne 3)"
        in said
    ), said
    assert grid.read_bytes() == before


def test_a_table_inside_a_template_is_not_the_grid(tmp_path: Path) -> None:
    """A `<template>` is inert: a browser never shows it. Its table was taken as THE grid (a
    ghost participant imported) and the visible grid dropped as « tableau 2 non importé »."""
    grid = tmp_path / "grille.html"
    grid.write_text(
        "<html><head><title>Atelier emploi du 3 juin 2022</title></head><body>"
        "<h1>Atelier emploi du 3 juin 2022 à Agen</h1>"
        "<template><table><tr><th>Participants</th><th>Besoins</th></tr>"
        f"<tr><td>Fantôme Template</td><td>{SECRET}</td></tr></table></template>"
        "<table><tr><th>Participants</th><th>Actions</th><th>Défis</th><th>Besoins</th><th>Ressources</th></tr>"
        "<tr><td>Anne Martin, PLIE Agen</td><td>forum</td><td>mobilité</td>"
        "<td>logement</td><td>garde</td></tr>"
        "<tr><td>Paul Roux, Mission locale</td><td>salon</td><td>emploi</td>"
        "<td>transport</td><td>navette</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    before = grid.read_bytes()
    workshop = tmp_path / "a.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    stored = _stored_text(workshop)
    assert "Fantôme" not in stored and SECRET not in stored, stored
    assert "Anne Martin" in stored and "Paul Roux" in stored and "navette" in stored
    said = [_plain(line) for line in done.stdout.splitlines()]
    assert "Import : 2 participants, 2 actions, 2 défis, 2 besoins, 2 ressources." in said, said
    assert "Attention : 1 passage en texte masqué non importé (au-dessus du tableau)" in said, said
    assert not any("non importé :" in line for line in said), said
    assert grid.read_bytes() == before
