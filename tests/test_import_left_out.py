"""Word: what the author of a grid hid or withdrew is not imported as live, and what is left
out is said: where (text hidden, as its author hid it), and with its words too when it was
deleted, so that a facilitator who disagrees sees it; what shows is kept.

Text written in the colour of what it stands on (white on the page, green on a cell shaded the
same green, a theme's « Blanc, Arrière-plan 1 ») came in as needs and offers; text deleted with
the changes tracked was left out with one general sentence that did not say what. Excel and
HTML: tests/test_import_left_out_sheets.py. Each file is made here; it stays byte-identical."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.conftest import run_cli

HEADERS = ["Participant", "Actions", "Défis", "Besoins", "Ressources"]


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _import(grid: Path, tmp_path: Path, env: dict[str, str] | None = None) -> tuple[str, str]:
    """What `atelier import` said, and everything the new file holds (its JSON export)."""
    before = hashlib.sha256(grid.read_bytes()).hexdigest()
    workshop = tmp_path / "a.atelier"
    done = run_cli("import", str(grid), "-o", str(workshop), env=env)
    assert done.returncode == 0, done.stderr
    assert hashlib.sha256(grid.read_bytes()).hexdigest() == before  # the grid untouched
    shown = run_cli("export", str(workshop), "--json", "-")
    assert shown.returncode == 0, shown.stderr
    return _plain(done.stdout + done.stderr), json.dumps(json.loads(shown.stdout), ensure_ascii=False)


# ----------------------------------------------------------------------- Word


def _shade(cell: object, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _tracked(paragraph: object, tag: str, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    change = OxmlElement(f"w:{tag}")
    change.set(qn("w:id"), str(id(text) % 1000))
    change.set(qn("w:author"), "Animatrice")
    run = OxmlElement("w:r")
    words = OxmlElement("w:delText" if tag == "del" else "w:t")
    words.text = text
    run.append(words)
    change.append(run)
    paragraph._p.append(change)  # type: ignore[attr-defined]


def _word_grid(path: Path) -> None:
    from docx import Document
    from docx.enum.dml import MSO_THEME_COLOR
    from docx.shared import RGBColor

    document = Document()
    table = document.add_table(rows=5, cols=5)
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    table.cell(1, 0).text = "Anne Roux / PLIE Sud Landes"
    table.cell(1, 3).paragraphs[0].add_run("Note pour moi : relancer").font.color.rgb = RGBColor(
        255, 255, 255
    )
    table.cell(1, 3).add_paragraph("Mobilité des jeunes")
    table.cell(2, 0).text = "Jean Dupont / CC du Seignanx"
    _shade(table.cell(2, 4), "C6EFCE")
    table.cell(2, 4).paragraphs[0].add_run("Vert sur vert").font.color.rgb = RGBColor(0xC6, 0xEF, 0xCE)
    table.cell(2, 4).add_paragraph("Transport solidaire")
    # White on a dark cell shows, and is read.
    _shade(table.cell(2, 1), "1F3864")
    table.cell(2, 1).paragraphs[0].add_run("Forum de l'emploi").font.color.rgb = RGBColor(255, 255, 255)
    table.cell(3, 0).text = "Paul Lin / Mission locale de Dax"
    themed = table.cell(3, 3).paragraphs[0].add_run("Théâtre caché")
    themed.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1  # « Blanc, Arrière-plan 1 »
    table.cell(3, 3).add_paragraph("Garde d'enfants")
    # Changes tracked: the deletion left out and said with its words, the insertion read.
    paragraph = table.cell(4, 3).paragraphs[0]
    _tracked(paragraph, "del", "Financement FSE")
    _tracked(paragraph, "ins", "Accès au numérique")
    table.cell(4, 0).text = "Lucie Brun / Cap emploi"
    commented = table.cell(4, 4).paragraphs[0].add_run("Club d'employeurs")
    document.add_comment(commented, text="Demander à Paul s'il vient", author="Animatrice")
    document.save(str(path))


def test_word_text_in_its_background_colour_and_deleted_text_are_left_out_and_said(tmp_path: Path) -> None:
    grid = tmp_path / "grille.docx"
    _word_grid(grid)
    said, imported = _import(grid, tmp_path)
    assert (
        "3 passages écrits de la couleur de leur fond non importés (ligne 2, colonne 4 ; "
        "ligne 3, colonne 5 ; ligne 4, colonne 4)\n"
    ) in said, said  # where, not what: its author hid it
    assert (
        "1 passage supprimé (suivi des modifications) non importé (ligne 5, colonne 4) : « Financement FSE »"
    ) in said, said
    for gone in ("relancer", "Vert sur vert", "Théâtre", "Financement FSE", "Demander à Paul"):
        assert gone not in imported, gone
    for kept in (
        "Mobilité des jeunes",
        "Transport solidaire",
        "Forum de l'emploi",
        "Garde d'enfants",
        "Accès au numérique",
        "Club d'employeurs",
    ):
        assert kept in imported, kept


def test_word_white_participant_row_is_given_to_no_one_and_english_says_it(tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import RGBColor

    document = Document()
    table = document.add_table(rows=3, cols=5)
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    table.cell(1, 0).text = "Anne Roux / PLIE Sud Landes"
    table.cell(1, 3).text = "Mobilité"
    table.cell(2, 0).paragraphs[0].add_run("Paul Lin / Mission locale").font.color.rgb = RGBColor(
        255, 255, 255
    )
    table.cell(2, 3).text = "Garde d'enfants"
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    said, imported = _import(grid, tmp_path, env={"ATELIER_LANG": "en"})
    assert "1 passage written in the colour of its background not imported (row 3, column 1)" in said, said
    assert "row 3 not imported: its participant cell does not show" in said, said
    assert "Garde d'enfants" not in imported and "Mobilité" in imported


def test_word_white_header_on_a_table_style_colour_is_read(tmp_path: Path) -> None:
    """White text on the colour a table style gives the header row shows: the grid is read."""
    from docx import Document
    from docx.shared import RGBColor

    document = Document()
    table = document.add_table(rows=2, cols=5)
    table.style = "Medium Shading 1 Accent 1"
    for column, header in enumerate(HEADERS):
        table.cell(0, column).paragraphs[0].add_run(header).font.color.rgb = RGBColor(255, 255, 255)
    table.cell(1, 0).text = "Anne Roux / PLIE Sud Landes"
    table.cell(1, 3).text = "Mobilité des jeunes"
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    said, imported = _import(grid, tmp_path)
    assert "non importé" not in said, said
    assert "Mobilité des jeunes" in imported and "Anne Roux" in imported
