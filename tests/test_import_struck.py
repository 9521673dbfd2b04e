"""Text the author struck through is not brought in as live: striking through (Police ›
Barré) is how a facilitator marks in a Word table, or an Excel sheet, a line that no longer
holds (« Financement FSE (abandonné) »). It came in as a need like any other, was matched
with an offer struck through too, and the minutes and the room saw a lead between two things
their authors had crossed out, while the import said nothing. Now each struck passage is left
out and the import says how many, where, and what they said, so that a facilitator who
disagrees sees it; a row whose participant is struck through is given to no one."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

HEADERS = ["Participant", "Actions", "Défis", "Besoins", "Ressources"]


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _word_grid(path: Path) -> None:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    table = document.add_table(rows=4, cols=5)
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    table.cell(1, 0).text = "Anne Roux / PLIE Sud Landes"
    table.cell(1, 1).text = "Forum emploi"
    need = table.cell(1, 3).paragraphs[0]
    need.add_run("Financement FSE (abandonné)").font.strike = True
    table.cell(1, 3).add_paragraph("Mobilité des jeunes")
    table.cell(2, 0).text = "Jean Dupont / CC du Seignanx"
    offer = table.cell(2, 4).paragraphs[0]
    offer.add_run("Ingénierie ").font.double_strike = True
    offer.add_run("FSE").font.double_strike = True  # one passage typed in two runs
    style = document.styles.add_style("Caduc", WD_STYLE_TYPE.CHARACTER)
    style.font.strike = True
    table.cell(2, 4).add_paragraph().add_run("Club d'employeurs", style="Caduc")
    table.cell(2, 4).add_paragraph("Transport solidaire")
    # A participant who cancelled, struck through with their row.
    gone = table.cell(3, 0).paragraphs[0].add_run("Paul Lin / Mission locale de Dax")
    gone.font.strike = True
    table.cell(3, 3).text = "Garde d'enfants"
    document.save(str(path))


def test_struck_word_text_is_left_out_and_said_with_its_words(tmp_path: Path) -> None:
    grid, workshop = tmp_path / "grille.docx", tmp_path / "a.atelier"
    _word_grid(grid)
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    said = _plain(done.stdout + done.stderr)
    assert (
        "4 passages barrés non importés (ligne 2, colonne 4 ; ligne 3, colonne 5 ; ligne 4, colonne 1)"
        in said
    ), said
    assert "« Financement FSE (abandonné) »" in said and "« Ingénierie FSE »" in said, said
    assert "« Club d'employeurs », « Paul Lin / Mission locale de Dax »" in said, said
    assert "ligne 4 non importée : sa cellule de participant est barrée" in said, said
    shown = run_cli("export", str(workshop), "--json", "-")
    assert shown.returncode == 0, shown.stderr
    for gone in ("Financement FSE", "Ingénierie", "Club d'employeurs", "Paul Lin", "Garde d'enfants"):
        assert gone not in shown.stdout, gone
    for kept in ("Mobilité des jeunes", "Transport solidaire", "Forum emploi"):
        assert kept in shown.stdout, kept
    matched = run_cli("match", str(workshop), "--lexical")
    assert "FSE" not in matched.stdout, matched.stdout


def test_struck_text_is_said_in_english(tmp_path: Path) -> None:
    grid, workshop = tmp_path / "grille.docx", tmp_path / "a.atelier"
    _word_grid(grid)
    done = run_cli("import", str(grid), "-o", str(workshop), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "4 struck-through passages not imported" in done.stdout + done.stderr, done.stdout + done.stderr


def test_struck_excel_cells_are_left_out_and_said(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["Anne Roux / PLIE Sud Landes", "Forum", "", "Financement FSE", ""])
    sheet.append(["Jean Dupont / CC du Seignanx", "", "", "", "Ingénierie FSE"])
    sheet.append(["Paul Lin / Mission locale de Dax", "", "", "Garde d'enfants", ""])
    sheet["D2"].font = Font(strike=True)
    sheet["E3"].font = Font(strike=True)
    sheet["A4"].font = Font(strike=True)
    grid, workshop = tmp_path / "grille.xlsx", tmp_path / "a.atelier"
    book.save(grid)
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    said = _plain(done.stdout + done.stderr)
    assert (
        "3 cellules barrées non importées (ligne 2, colonne D ; ligne 3, colonne E ; ligne 4, colonne A) : "
        "« Financement FSE », « Ingénierie FSE », « Paul Lin / Mission locale de Dax »"
    ) in said, said
    assert "ligne 4 non importée : sa cellule de participant est barrée" in said, said
    shown = run_cli("export", str(workshop), "--json", "-")
    for gone in ("Financement FSE", "Ingénierie", "Paul Lin", "Garde d'enfants"):
        assert gone not in shown.stdout, gone
    assert "Forum" in shown.stdout
