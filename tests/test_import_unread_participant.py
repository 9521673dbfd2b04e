"""What an import says about the cells it could not read is what it did. A formula Excel never
computed (a workbook written by a program, never opened in Excel) is left out and said: its
text (« =CONCATENATE(…) », « =1+1 ») was made an action and a challenge while the report said no
item was taken from it. A row whose participant cell cannot be read (a formula never
computed, a cell whose text does not show) is left out and said: it joined the participant
above, who was given someone else's items."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli

HEADERS = ["Participants", "Actions", "Défis", "J'ai besoin de ressources sur", "Je peux être ressource sur"]


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _import(grid: Path, tmp_path: Path) -> tuple[dict[str, dict[str, list[str]]], str]:
    before = grid.read_bytes()
    target = tmp_path / f"{grid.stem}.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert grid.read_bytes() == before
    with Store.open(target, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        people = {
            p.source_text: {kind.value: [i.text for i in store.items(p.id, kind)] for kind in ItemKind}
            for p in store.participants(workshop_id)
        }
    return people, _plain(done.stdout + done.stderr)


def _with_cached_value(path: Path, cell: str, value: str, kind: str = "str") -> None:
    """Give one formula cell the value Excel computed for it, as a workbook saved by Excel has
    (`kind` "e": an error, « #N/A »)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, found = re.subn(
        rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>',
        rf'<c r="{cell}"\1 t="{kind}"><f>\2</f><v>{value}</v></c>',
        sheet,
    )
    assert found == 1, sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_formulas_never_computed_are_left_out_and_a_row_with_no_one_to_give_it_to_too(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(
        [
            "Anne Martin, PLIE",
            '=HYPERLINK("http://example.org/x","Cliquez ici")',
            "=1+1",
            "Financement du permis",
            "Ateliers CV",
        ]
    )
    sheet.append(['=CONCATENATE("Karim"," Benali")', "Forum", "Mobilité", "Ateliers CV", "Garde d'enfants"])
    sheet.append(
        ["Sophie Laurent, MDE", '=HYPERLINK("http://example.org/y","Site du PLIE")', "Clauses", "y", "z"]
    )
    path = tmp_path / "formules.xlsx"
    book.save(path)
    _with_cached_value(path, "B4", "Site du PLIE")  # computed by Excel: read as its value

    people, said = _import(path, tmp_path)

    assert set(people) == {"Anne Martin, PLIE", "Sophie Laurent, MDE"}
    anne = people["Anne Martin, PLIE"]
    assert anne["action"] == ["Cliquez ici"] and anne["challenge"] == []  # the link's text on screen
    assert anne["need"] == ["Financement du permis"]
    assert "Mobilité" not in anne["challenge"] and "Forum" not in anne["action"]  # Karim's row
    assert people["Sophie Laurent, MDE"]["action"] == ["Site du PLIE"]
    assert not any("=" in text for items in people.values() for texts in items.values() for text in texts)
    assert "Import : 2 participants, 2 actions, 1 défi, 2 besoins, 2 ressources." in said
    assert "2 cellules à formule sans valeur calculée non importées (C2 et A3)" in said
    assert "ligne 3 non importée : sa cellule de participant est une formule jamais calculée" in said
    assert "sans en tirer" not in said
    assert "rattachée" not in said


def test_a_row_whose_participant_cell_does_not_show_is_left_out(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["Anne Martin, PLIE", "Forum", "Mobilité", "Financement du permis", "Ateliers CV"])
    sheet.append(["Karim Benali, ML", "Permis", "Recrutement", "Garde d'enfants", "Covoiturage"])
    sheet.append(["Sophie Laurent, MDE", "Crèche", "Emploi saisonnier", "Mobilité", "Ateliers CV"])
    sheet["A3"].font = Font(color="FFFFFFFF")  # white on white: nobody in the room saw it
    sheet["A3"].fill = PatternFill("solid", fgColor="FFFFFFFF")
    path = tmp_path / "masque.xlsx"
    book.save(path)

    people, said = _import(path, tmp_path)

    assert set(people) == {"Anne Martin, PLIE", "Sophie Laurent, MDE"}
    anne = people["Anne Martin, PLIE"]
    assert anne["action"] == ["Forum"] and anne["offer"] == ["Ateliers CV"]
    assert "ligne 3 non importée : sa cellule de participant ne se voit pas" in said
    assert "rattachée" not in said
    assert "Import : 2 participants" in said


def test_a_word_row_whose_participant_is_hidden_text_is_left_out(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=0, cols=5)
    rows = [
        HEADERS,
        ["Anne Martin, PLIE", "Forum", "Mobilité", "Financement du permis", "Ateliers CV"],
        ["Karim Benali, ML", "Permis", "Recrutement", "Garde d'enfants", "Covoiturage"],
    ]
    for number, texts in enumerate(rows):
        cells = table.add_row().cells
        for column, text in enumerate(texts):
            run = cells[column].paragraphs[0].add_run(text)
            if number == 2 and column == 0:
                run.font.hidden = True
    path = tmp_path / "grille.docx"
    document.save(path)

    people, said = _import(path, tmp_path)

    assert set(people) == {"Anne Martin, PLIE"}
    assert people["Anne Martin, PLIE"]["action"] == ["Forum"]
    assert "ligne 3 non importée : sa cellule de participant ne se voit pas" in said
    assert "rattachée" not in said


def test_an_html_row_whose_participant_is_hidden_is_left_out(tmp_path: Path) -> None:
    cells = [
        HEADERS,
        ["Anne Martin, PLIE", "Forum", "Mobilité", "Financement du permis", "Ateliers CV"],
        [
            '<span style="display:none">Karim Benali, ML</span>',
            "Permis",
            "Recrutement",
            "Garde",
            "Covoiturage",
        ],
    ]
    html = (
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in cells)
        + "</table>"
    )
    path = tmp_path / "grille.html"
    path.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")

    people, said = _import(path, tmp_path)

    assert set(people) == {"Anne Martin, PLIE"}
    assert people["Anne Martin, PLIE"]["action"] == ["Forum"]
    assert "ligne 3 non importée : sa cellule de participant ne se voit pas" in said


def test_a_grid_whose_every_participant_is_a_formula_never_computed_is_refused_with_why(
    tmp_path: Path,
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(['=CONCATENATE("Anne"," Martin")', "Forum", "Mobilité", "Permis", "Ateliers CV"])
    sheet.append(['=CONCATENATE("Karim"," Benali")', "Permis", "Recrutement", "Garde", "Covoiturage"])
    path = tmp_path / "noms.xlsx"
    book.save(path)
    before = path.read_bytes()

    done = run_cli("import", str(path), "-o", str(tmp_path / "noms.atelier"))

    said = _plain(done.stderr)
    assert done.returncode != 0 and "Traceback" not in said
    assert "Aucun participant à importer de « " in said
    assert (
        "la cellule de participant de chaque ligne ne se voit pas, est une formule jamais calculée ou "
        "affiche une erreur de formule" in said
    )
    assert "(lignes 2 et 3)" in said
    assert "Aucune ligne de participant" not in said
    assert not (tmp_path / "noms.atelier").exists()
    assert path.read_bytes() == before


def test_a_link_formula_gives_the_name_its_cell_shows_never_its_formula(tmp_path: Path) -> None:
    """A grid made by a program names each structure by a link to its site
    (« =HYPERLINK("https://…";"Grand Dax") », in French « =LIEN_HYPERTEXTE(…) »): the
    participant is the name the cell shows (Excel's computed value when the workbook has
    one, else the link's text when it is written out), not left out; a formula whose text on
    screen cannot be known is still left out and said with its row. Exported back to Excel,
    no cell is a formula."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(
        [
            '=HYPERLINK("https://www.grand-dax.fr";"Grand Dax")',
            '=HYPERLINK("https://www.grand-dax.fr/forum", "Forum de l\'emploi")',
            "Mobilité",
            "Financement du permis",
            "Ateliers CV",
        ]
    )
    sheet.append(
        [
            '=LIEN_HYPERTEXTE("https://ml-landes.fr";"Mission locale des Landes")',
            "Permis",
            "",
            '="Garde d""enfants"',  # a text as a formula writes it
            "Covoiturage",
        ]
    )
    sheet.append(
        ['=HYPERLINK("https://www.pole-emploi.fr","France Travail")', "Clauses", "", "", "Recrutement"]
    )
    sheet.append(['=HYPERLINK("https://www.plie.fr")', "Forum", "", "Mobilité", ""])
    sheet.append(['=HYPERLINK(Z1,"PLIE du Seignanx")', "Permis", "", "", "Tutorat"])
    path = tmp_path / "liens.xlsx"
    book.save(path)
    _with_cached_value(path, "A4", "France Travail Dax")  # computed by Excel: what the room saw

    people, said = _import(path, tmp_path)

    assert set(people) == {"Grand Dax", "Mission locale des Landes", "France Travail Dax"}
    assert people["Grand Dax"]["action"] == ["Forum de l'emploi"]
    assert people["Mission locale des Landes"]["offer"] == ["Covoiturage"]
    assert people["Mission locale des Landes"]["need"] == ['Garde d"enfants']
    assert people["France Travail Dax"]["offer"] == ["Recrutement"]
    texts = [t for items in people.values() for texts in items.values() for t in texts] + list(people)
    assert not any("=" in t or "HYPERLINK" in t or "http" in t for t in texts)
    assert "ligne 5 non importée : sa cellule de participant est une formule jamais calculée" in said
    assert "ligne 6 non importée : sa cellule de participant est une formule jamais calculée" in said
    assert "Import : 3 participants" in said

    exported = tmp_path / "liens-export.xlsx"
    done = run_cli("export", str(tmp_path / "liens.atelier"), "--xlsx", str(exported))
    assert done.returncode == 0, done.stderr
    written = openpyxl.load_workbook(exported)
    shown = [c for s in written.worksheets for row in s.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in shown if c.data_type == "f" or str(c.value).startswith("=")]
    assert {"Grand Dax", "Mission locale des Landes", "France Travail Dax"} <= {str(c.value) for c in shown}


def test_a_formula_excel_computed_to_an_error_is_no_one_s_words(tmp_path: Path) -> None:
    """A link typed in French into a workbook a program wrote (« =LIEN_HYPERTEXTE(…) »), then
    opened and saved by Excel, shows « #NOM? »; a lookup that found nothing, « #N/A ». They
    were imported as a participant « #NAME? » and a challenge « #N/A », said nowhere: an
    error is no one's words, left out and said, and its row with it when it is the
    participant's cell."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["Anne Martin, PLIE", "Forum", "=VLOOKUP(A2,Z1:Z2,2,0)", "Financement du permis", "CV"])
    sheet.append(
        ['=LIEN_HYPERTEXTE("https://ml-landes.fr";"Mission locale")', "Permis", "Garde", "Mobilité", ""]
    )
    sheet.append(["Sophie Laurent, MDE", "Crèche", "Emploi saisonnier", "Mobilité", "Ateliers CV"])
    path = tmp_path / "erreurs.xlsx"
    book.save(path)
    _with_cached_value(path, "C2", "#N/A", "e")
    _with_cached_value(path, "A3", "#NAME?", "e")

    people, said = _import(path, tmp_path)

    assert set(people) == {"Anne Martin, PLIE", "Sophie Laurent, MDE"}
    assert people["Anne Martin, PLIE"]["challenge"] == []
    assert people["Anne Martin, PLIE"]["action"] == ["Forum"]
    assert "Permis" not in people["Anne Martin, PLIE"]["action"]  # the row left out is no one's
    texts = [t for items in people.values() for texts in items.values() for t in texts] + list(people)
    assert not any("#" in t for t in texts), texts
    assert "2 cellules affichant une erreur de formule non importées (C2 et A3)" in said, said
    assert "ligne 3 non importée : sa cellule de participant affiche une erreur de formule" in said, said
    assert "Import : 2 participants" in said

    english = run_cli("import", str(path), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    told = _plain(english.stdout + english.stderr)
    assert "2 cells showing a formula error not imported (C2 and A3)" in told, told
    assert "row 3 not imported: its participant cell shows a formula error" in told, told
