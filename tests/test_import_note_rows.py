"""Under a grid, facilitators type notes in the first column: « Prochaine réunion le 15 janvier
2027 à Blaye », « Légende : en gras les actions prioritaires », « À relancer : la Région ». Each
became a participant, silently: « Import : 7 participants », listed as structures in the
minutes. A row whose participant cell is such a note and whose other cells are empty is now
left out and said, with its line and its text, in Word, Excel and CSV alike; a participant
whose cell holds « : » (« Mairie de Blaye : Mme Dupont »), or who wrote nothing, is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli
from .test_import_summary_rows import _sectioned

HEADER = ["Participant", "Actions", "Défis", "Besoins", "Ressources"]
PEOPLE = [
    ["Anne Roux (PLIE Haute-Gironde)", "Forum", "Mobilité", "Un minibus", "Ateliers CV"],
    ["NB : Karim arrivé à 11 h", "", "", "", ""],
    ["Karim Haddad (Cap emploi)", "", "", "Employeurs", "Sensibilisation handicap"],
    ["Mairie de Blaye : Mme Dupont", "", "", "", ""],
    ["Paul Petit (Mission locale de Blaye)", "", "", "", ""],
]
NOTES = [
    "Prochaine réunion le 15 janvier 2027 à Blaye",
    "Légende : en gras les actions prioritaires",
    "À relancer : la Région",
    "Contact : anne.roux@plie-hg.fr",
    "Ordre du jour de la prochaine séance : la mobilité",
]
ROWS = [HEADER, *PEOPLE, *([n, "", "", "", ""] for n in NOTES)]
# Their line in the file (1 = the header), with the text said.
SKIPPED = [(3, "NB : Karim arrivé à 11 h"), *((7 + i, n) for i, n in enumerate(NOTES))]


def _write(kind: str, folder: Path) -> Path:
    path = folder / f"grille.{kind}"
    if kind == "csv":
        path.write_text("\n".join(";".join(r).rstrip(";") for r in ROWS) + "\n", encoding="utf-8")
    elif kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for row in ROWS:
            sheet.append([c or None for c in row])
        book.save(path)
    else:
        from docx import Document

        document = Document()
        table = document.add_table(rows=len(ROWS), cols=len(HEADER))
        for r, row in enumerate(ROWS):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["docx", "xlsx", "csv"])
def test_note_rows_are_left_out_and_said(tmp_path: Path, kind: str) -> None:
    grid, target = _write(kind, tmp_path), tmp_path / "g.atelier"
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Import : 4 participants" in out, out
    for line, text in SKIPPED:
        said = [s for s in out.splitlines() if f"ligne {line} ignorée" in s]
        assert len(said) == 1 and f"« {text} »" in said[0] and "une note" in said[0], out
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    people = [p for w in exported["workshops"] for p in w["participants"]]
    written = json.dumps(people, ensure_ascii=False)
    for text in ("Prochaine réunion", "Légende", "relancer", "Contact", "Ordre du jour", "NB"):
        assert text not in written, written
    assert len(people) == 4, people
    assert any("Mairie de Blaye" in json.dumps(p, ensure_ascii=False) for p in people), people
    assert grid.read_bytes() == before

    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert english.returncode == 0, english.stderr
    assert "row 7 skipped: “Prochaine réunion le 15 janvier 2027 à Blaye” is a note" in english.stdout, (
        english.stdout
    )


def test_minutes_count_no_note(tmp_path: Path) -> None:
    """The minutes name and count the four who came, not « Légende » nor the next meeting."""
    from docx import Document

    grid, target, minutes = _write("xlsx", tmp_path), tmp_path / "g.atelier", tmp_path / "cr.docx"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    done = run_cli("export", str(target), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    document = Document(str(minutes))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    ).replace("\u00a0", " ")
    assert "Légende" not in text and "Prochaine réunion le 15" not in text, text
    assert "4 participants" in text, text


@pytest.mark.parametrize("note", ["Notes", "NB : Karim arrivé à 11 h", "Légende : en gras les priorités"])
def test_a_note_above_the_grid_is_not_the_workshop_s_title(tmp_path: Path, note: str) -> None:
    """A sheet whose A1 says « Notes » (or « NB : … », « Légende : … ») above a grid at C4:
    the workshop was titled « Notes » on the minutes' cover and in the window, without a word.
    A note is no title: the file's name is taken, and said."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"] = note
    for r, row in enumerate(ROWS[:3], start=4):
        for c, text in enumerate(row, start=3):
            if text:
                sheet.cell(row=r, column=c, value=text)
    grid, target = tmp_path / "grille.xlsx", tmp_path / "blaye.atelier"
    book.save(grid)
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    workshop = json.loads(run_cli("export", str(target), "--json", "-").stdout)["workshops"][0]
    assert workshop["title"] == "blaye", workshop["title"]
    assert "Titre repris du nom du fichier" in done.stdout, done.stdout


BELOW = ["NB : le compte rendu sera envoyé la semaine prochaine.", "Prochain atelier le 14 mai à Blaye"]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_paragraphs_under_the_table_are_said_not_imported(tmp_path: Path, kind: str) -> None:
    """Notes typed as paragraphs under a Word or web page's table (« NB : le compte rendu sera
    envoyé… », « Prochain atelier le 14 mai ») were dropped without a word, where the same notes
    in a spreadsheet's rows are said. They are said now, with what they say, as no part of the
    grid; nothing is said when nothing is under it."""
    grid = tmp_path / f"grille.{kind}"
    rows = [HEADER, PEOPLE[0]]
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph("Atelier emploi de Blaye")
        table = document.add_table(rows=0, cols=len(HEADER))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        for note in BELOW:
            document.add_paragraph(note)
        document.add_paragraph("")  # an empty paragraph, as Word ends a document: nothing to say
        document.save(str(grid))
    else:
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        notes = "".join(f"<p>{n}</p>" for n in BELOW)
        grid.write_text(
            f"<html><body><h1>Atelier emploi de Blaye</h1><table>{body}</table>{notes}<p> </p></body></html>",
            encoding="utf-8",
        )
    for lang, expected in (
        (
            "fr",
            "Attention : 2 paragraphes sous le tableau non importés : « NB : le compte rendu sera envoyé "
            "la semaine prochaine. », « Prochain atelier le 14 mai à Blaye »",
        ),
        (
            "en",
            "Warning: 2 paragraphs below the table not imported: “NB : le compte rendu sera envoyé la "
            "semaine prochaine.”, “Prochain atelier le 14 mai à Blaye”",
        ),
    ):
        before = grid.read_bytes()
        done = run_cli(
            "import", str(grid), "-o", str(tmp_path / f"{lang}.atelier"), env={"ATELIER_LANG": lang}
        )
        assert done.returncode == 0, done.stderr
        said = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
        assert expected in said, said
        assert grid.read_bytes() == before
    workshop = json.loads(run_cli("export", str(tmp_path / "fr.atelier"), "--json", "-").stdout)["workshops"][
        0
    ]
    assert [p["names"] for p in workshop["participants"]] == [["Anne Roux"]]
    # Nothing under the table: nothing said.
    bare = tmp_path / f"bare.{kind}"
    if kind == "docx":
        import docx

        document = docx.Document()
        table = document.add_table(rows=0, cols=len(HEADER))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        document.save(str(bare))
    else:
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        bare.write_text(f"<html><body><table>{body}</table>\n</body></html>", encoding="utf-8")
    done = run_cli("import", str(bare), "-o", str(tmp_path / "bare.atelier"))
    assert done.returncode == 0, done.stderr
    assert "sous le tableau" not in done.stdout, done.stdout


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_note_under_the_grid_in_an_item_column_is_no_one_s_item(tmp_path: Path, kind: str) -> None:
    """Notes typed under the grid after an empty row, in another column than the participant's
    (« NB : penser à relancer la Région » under « Actions », « Prochaine réunion le 14 mai »
    under « Défis »), became the last participant's action and challenge, under a « ligne 5
    rattachée à la ligne précédente (Paul Durand) »: Paul Durand was said in the minutes to do
    « NB : penser à relancer la Région ». They are notes, left out and said; a line of Paul's
    right under his row is still his."""
    rows = [
        HEADER,
        ["Anne Roux (PLIE Haute-Gironde)", "Forum", "Mobilité", "Un minibus", "Ateliers CV"],
        ["Paul Petit (Mission locale de Blaye)", "Permanence", "", "Bénévoles", ""],
        ["", "Atelier CV", "", "", ""],
        ["", "", "", "", ""],
        ["", "NB : penser à relancer la Région", "", "", ""],
        ["", "", "Prochaine réunion le 14 mai à Blaye", "", ""],
    ]
    grid = _sectioned(kind, tmp_path, rows)
    target = tmp_path / "g.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ")
    for line, text in ((6, "NB : penser à relancer la Région"), (7, "Prochaine réunion le 14 mai à Blaye")):
        assert (
            f"ligne {line} ignorée : « {text} », sous la grille après une ligne vide, est une note et non "
            "l'élément d'un participant" in out
        ), out
    workshop = json.loads(run_cli("export", str(target), "--json", "-").stdout)["workshops"][0]
    paul = workshop["participants"][1]
    assert (paul["actions"], paul["challenges"]) == (["Permanence", "Atelier CV"], []), paul
    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert (
        "row 6 skipped: “NB : penser à relancer la Région”, under the grid after an empty row, is a note, "
        "not a participant's item" in english.stdout
    ), english.stdout
