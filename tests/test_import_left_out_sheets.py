"""Excel: what the sheet hides or strikes through without saying so in the cell itself is not
imported as live, and said where: a font of its cell's patterned fill (white dots on white), a
row or a column formatted as a whole in white or struck through (LibreOffice shows a cell with
no style of its own in its row's or column's, as Excel does each cell typed there since); a
conditional format that may hide or strike text is not evaluated, and said. HTML: text struck
through (<s>, <strike>, <del>, `text-decoration: line-through`) is left out and said with its
words; a class of the page's style sheet that hides or strikes through is followed. Each file
is made here; it stays byte-identical."""

from __future__ import annotations

from pathlib import Path

from tests.test_import_left_out import HEADERS, _import


def test_excel_text_of_its_patterned_fill_or_of_a_white_or_struck_row_or_column_is_left_out(
    tmp_path: Path,
) -> None:
    import openpyxl
    from openpyxl.formatting.rule import DataBarRule, FormulaRule
    from openpyxl.styles import Font, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADERS, "Notes"])
    sheet.append(["Anne Roux / PLIE Sud Landes", "Forum", "", "Note sur motif", "Clauses sociales"])
    sheet.append(["Jean Dupont / CC du Seignanx", "", "", "Besoin en blanc", "Offre en blanc"])
    sheet.append(["Paul Lin / Mission locale de Dax", "", "", "Mobilité", "", "Ne plus inviter"])
    sheet.append(["Lucie Brun / Cap emploi", "Job dating", "", "Garde d'enfants", "Parrainage"])
    # A cell whose font is the colour of its patterned fill (white dots on white).
    sheet["D2"].fill = PatternFill("lightGrid", fgColor="FFFFFF", bgColor="FFFFFF")
    sheet["D2"].font = Font(color="FFFFFF")
    # A whole row formatted in white, a column struck through (its header still read).
    sheet.row_dimensions[3].font = Font(color="FFFFFF")
    sheet.column_dimensions["F"].font = Font(strike=True)
    # White on a dark pattern shows, and is read.
    sheet["E2"].fill = PatternFill("darkGray", fgColor="1F3864", bgColor="1F3864")
    sheet["E2"].font = Font(color="FFFFFF")
    # Conditional formats that may hide text are not evaluated: said, the text read.
    sheet.conditional_formatting.add("B5", FormulaRule(formula=["TRUE"], font=Font(color="FFFFFF")))
    sheet.conditional_formatting.add(
        "E2:E5", DataBarRule("min", None, "max", None, "638EC6", showValue=False)
    )
    sheet.conditional_formatting.add("D2:D5", FormulaRule(formula=["TRUE"], font=Font(bold=True)))  # shows
    grid = tmp_path / "grille.xlsx"
    book.save(grid)
    said, imported = _import(grid, tmp_path)
    assert (
        "4 cellules écrites de la couleur de leur fond non importées (ligne 2, colonne D ; "
        "ligne 3, colonne A ; ligne 3, colonne D ; ligne 3, colonne E)\n"
    ) in said, said
    assert "1 cellule barrée non importée (ligne 4, colonne F) : « Ne plus inviter »" in said, said
    assert (
        "2 règles de mise en forme conditionnelle pourraient masquer ou barrer du texte (B5 ; E2:E5) : "
        "elles ne sont pas évaluées, ce texte est importé tel quel"
    ) in said, said
    for gone in ("Note sur motif", "Jean Dupont", "Besoin en blanc", "Offre en blanc", "Ne plus inviter"):
        assert gone not in imported, gone
    for kept in ("Forum", "Clauses sociales", "Mobilité", "Job dating", "Garde d'enfants", "Parrainage"):
        assert kept in imported, kept
    (tmp_path / "en").mkdir()
    english, _ = _import(grid, tmp_path / "en", {"ATELIER_LANG": "en"})
    assert "2 conditional formatting rules could hide or strike through text (B5; E2:E5)" in english, english


def test_excel_words_struck_or_white_inside_a_cell_are_left_out_the_rest_read(tmp_path: Path) -> None:
    """A line struck through inside a cell of three (Police › Barré on the selected words), a
    note in white at its end: the cell's other lines are read, those runs left out and said."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["Anne Roux / PLIE Sud Landes", "Forum", "", "", "Ateliers CV"])
    sheet.append(["Jean Dupont / CC du Seignanx", "", "", "Logement", ""])
    sheet["D2"] = CellRichText(
        [
            "Mobilité des jeunes\n",
            TextBlock(InlineFont(strike=True), "Financement FSE"),
            "\nGarde d'enfants",
            TextBlock(InlineFont(color="FFFFFF"), " (voir avec la CAF)"),
        ]
    )
    sheet["E3"] = CellRichText([TextBlock(InlineFont(strike=True), "Club d'employeurs")])
    grid = tmp_path / "grille.xlsx"
    book.save(grid)
    said, imported = _import(grid, tmp_path)
    assert "1 passage barré non importé (ligne 2, colonne D) : « Financement FSE »" in said, said
    assert "1 passage écrit de la couleur de son fond non importé (ligne 2, colonne D)\n" in said, said
    assert "1 cellule barrée non importée (ligne 3, colonne E) : « Club d'employeurs »" in said, said
    for gone in ("Financement", "CAF", "Club d'employeurs"):
        assert gone not in imported, gone
    for kept in ("Mobilité des jeunes", "Garde d'enfants", "Ateliers CV", "Logement"):
        assert kept in imported, kept


# ----------------------------------------------------------------------- HTML

PAGE = """<html><head><meta charset="utf-8"><style>
<!--
p.MsoNormal {margin: 0}
.caduc { color: #444; text-decoration: line-through }
span.brouillon, .note { display: none }
@media print { .imprime { display: none } }
#entete { display: none }
-->
</style></head><body>
<p>Atelier emploi du 16 mars</p>
<table>
<tr><th>Participant</th><th>Actions</th><th>Défis</th><th>Besoins</th><th>Ressources</th></tr>
<tr><td>Anne Roux / PLIE Sud Landes</td><td>Forum <s>Salon annulé</s></td><td></td>
<td><p>Mobilité des jeunes</p><p><strike>Financement FSE</strike></p></td>
<td><span class="caduc">Club d'employeurs</span> <p class="note">Appeler avant</p>
Transport solidaire</td></tr>
<tr><td>Jean Dupont / CC du Seignanx</td><td><del>Ancien atelier</del><ins>Atelier CV</ins></td><td></td>
<td><span style="text-decoration: line-through">Garde d'enfants</span> Logement</td>
<td><span class="imprime">Parrainage</span> <span id="entete">Tutorat</span></td></tr>
<tr><td><s>Paul Lin / Mission locale de Dax</s></td><td></td><td></td><td>Numérique</td><td></td></tr>
</table></body></html>"""


def test_html_struck_text_and_classes_that_hide_or_strike_are_left_out_and_said(tmp_path: Path) -> None:
    grid = tmp_path / "grille.html"
    grid.write_text(PAGE, encoding="utf-8")
    said, imported = _import(grid, tmp_path)
    assert (
        "6 passages barrés non importés (ligne 2, colonne 2 ; ligne 2, colonne 4 ; ligne 2, colonne 5 ; "
        "ligne 3, colonne 2 ; ligne 3, colonne 4 ; ligne 4, colonne 1) : « Salon annulé », "
        "« Financement FSE », « Club d'employeurs », « Ancien atelier », « Garde d'enfants », "
        "« Paul Lin / Mission locale de Dax »"
    ) in said, said
    assert "1 passage en texte masqué non importé (ligne 2, colonne 5)\n" in said, said
    assert "ligne 4 non importée : sa cellule de participant est barrée" in said, said
    for gone in (
        "Salon annulé",
        "Financement",
        "Club d'employeurs",
        "Appeler",
        "Ancien",
        "Garde",
        "Paul Lin",
    ):
        assert gone not in imported, gone
    # Read: what shows, what a rule the import does not follow styles (said in the README).
    for kept in (
        "Forum",
        "Mobilité",
        "Transport solidaire",
        "Atelier CV",
        "Logement",
        "Parrainage",
        "Tutorat",
    ):
        assert kept in imported, kept


def test_text_export_cells_struck_through_are_left_out_and_said(tmp_path: Path) -> None:
    """Word's text export: cells as HTML fragments between tabs."""
    grid = tmp_path / "grille.txt"
    lines = [
        "\t".join(HEADERS),
        "Anne Roux / PLIE Sud Landes\tForum\t\t<p>Mobilité</p><p><s>Financement FSE</s></p>\tTransport",
    ]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    said, imported = _import(grid, tmp_path, {"ATELIER_LANG": "en"})
    assert "1 struck-through passage not imported (row 2, column 4): “Financement FSE”" in said, said
    assert "Financement" not in imported and "Mobilité" in imported


def test_text_hidden_inside_struck_text_is_not_said_with_its_words(tmp_path: Path) -> None:
    """A struck passage is said with its words, but not with those hidden inside it."""
    page = (
        "<html><head><style>@import url(commun.css); .cache { display: none }</style></head><body><table>"
        "<tr><th>Participant</th><th>Actions</th><th>Défis</th><th>Besoins</th><th>Ressources</th></tr>"
        "<tr><td>Anne Roux / PLIE Sud Landes</td><td>Forum</td><td></td>"
        "<td><s>Club <span class='cache'>conflit avec le maire</span>d'employeurs</s> Mobilité</td>"
        "<td></td></tr>"
        "</table></body></html>"
    )
    grid = tmp_path / "grille.htm"
    grid.write_text(page, encoding="utf-8")
    said, imported = _import(grid, tmp_path)
    assert "1 passage barré non importé (ligne 2, colonne 4) : « Club d'employeurs »" in said, said
    assert "conflit" not in said and "conflit" not in imported and "Club" not in imported
    assert "Mobilité" in imported
