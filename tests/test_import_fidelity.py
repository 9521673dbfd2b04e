"""Imports that used to report success while dropping or garbling text, through the command
line (`atelier import GRID -o FILE`, a real process) and the window's import dialog: every
word of the grid arrives, what had to be repaired or skipped is said, one French line each."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import ROOT, run_cli

HEADERS = [
    "Participant / territoire",
    "Actions engagées",
    "Défis",
    "Besoins de ressources",
    "Peut être ressource sur",
]


def _import(grid: Path, tmp_path: Path) -> tuple[dict, list[str]]:
    """Import through the command line; the workshop as the file holds it, and the warnings."""
    target = tmp_path / "importé.atelier"
    result = run_cli("import", str(grid), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("Attention")]
    exported = run_cli("export", str(target), "--json", "-")
    assert exported.returncode == 0, exported.stderr
    (workshop,) = json.loads(exported.stdout)["workshops"]
    return workshop, warnings


def _people(workshop: dict) -> dict[str, dict]:
    return {" / ".join(p["names"]) or p["source_text"]: p for p in workshop["participants"]}


def _all_text(workshop: dict) -> str:
    return json.dumps(workshop, ensure_ascii=False)


# ----------------------------------------------------------- a stray cp1252 byte


@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_one_stray_windows_byte_in_a_utf8_grid_garbles_nothing_else(suffix: str, tmp_path: Path) -> None:
    separator = ";" if suffix == ".csv" else "\t"
    lines = [
        separator.join(HEADERS),
        separator.join(
            [
                "Élodie Mérignac / Communauté de communes",
                "Régie de quartier",
                "Décrochage",
                "Financer l'accompagnement",
                "Clauses d'insertion",
            ]
        ),
        separator.join(
            ["Grégory Talvy / Région", "Prêt de matériel", "Mobilité", "Un café", "Aides régionales"]
        ),
        separator.join(["Loïc Hervé / PLIE", "Forum", "Pénurie", "Des bénévoles", "Réseau d'entreprises"]),
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8").replace("Un café".encode(), b"Un caf\xe9")
    grid = tmp_path / f"grille{suffix}"
    grid.write_bytes(data)
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Grégory Talvy", "Loïc Hervé"}  # accents intact
    assert people["Élodie Mérignac"]["challenges"] == ["Décrochage"]  # « Défis » still recognised
    assert people["Grégory Talvy"]["needs"] == ["Un café"]  # the stray byte read as cp1252 would
    (warning,) = [w for w in warnings if "UTF-8" in w]
    assert "ligne 3" in warning and "0xE9" in warning and "é" in warning


def test_two_stray_bytes_of_one_line_are_said_once(tmp_path: Path) -> None:
    """« été » pasted from an older file into a UTF-8 grid: the same sentence came twice."""
    grid = tmp_path / "grille.csv"
    text = ";".join(HEADERS) + "\nLoïc Hervé / PLIE;Forum;Pénurie;Un lieu l'ETE;Réseau\n"
    grid.write_bytes(text.encode("utf-8").replace(b"ETE", b"\xe9t\xe9"))
    workshop, warnings = _import(grid, tmp_path)
    assert _people(workshop)["Loïc Hervé"]["needs"] == ["Un lieu l'été"]
    assert len([w for w in warnings if "0xE9" in w]) == 1, warnings


def test_a_cp1252_grid_is_still_read_as_cp1252(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_bytes(
        (";".join(HEADERS) + "\nÉlodie Mérignac;Régie;Décrochage;Un café;Clauses\n").encode("cp1252")
    )
    workshop, warnings = _import(grid, tmp_path)
    assert _people(workshop)["Élodie Mérignac"]["needs"] == ["Un café"]
    assert not [w for w in warnings if "UTF-8" in w]


def test_a_mac_excel_csv_is_read_as_mac_roman_and_said(tmp_path: Path) -> None:
    """Excel for Mac saves « CSV » in Mac Roman: read as Windows-1252, « Élodie Mérignac »
    became « ƒlodie MŽrignac », « Défis » « DŽfis » (its column left out), and the import
    said it had succeeded; a grid with an « è » was refused as unreadable."""
    grid = tmp_path / "grille.csv"
    rows = [
        ";".join(HEADERS),
        "Élodie Mérignac / Mission locale;Régie de quartier;Décrochage;Un café l'été;Clauses",
        "Loïc Hervé / PLIE;Forum de l'emploi;Pénurie;Des bénévoles;Réseau d'entreprises",
        "Gaëlle Lefèvre / Pôle emploi;Accès à l'emploi;Mobilité;Un garçon de café;Formation",
    ]
    grid.write_bytes(("\r".join(rows) + "\r").encode("mac_roman"))
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé", "Gaëlle Lefèvre"}
    assert people["Élodie Mérignac"]["challenges"] == ["Décrochage"]  # « Défis » recognised
    assert people["Élodie Mérignac"]["needs"] == ["Un café l'été"]
    assert people["Gaëlle Lefèvre"]["needs"] == ["Un garçon de café"]
    assert [w for w in warnings if "Mac" in w], warnings  # said, to be checked


def test_a_cp1252_grid_with_few_accents_is_not_taken_for_mac_roman(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    rows = [";".join(HEADERS), "Anne Martin / PLIE;Forum;Mobilité;Locaux;Réseau « emploi » – 2024"]
    grid.write_bytes(("\n".join(rows) + "\n").encode("cp1252"))
    workshop, warnings = _import(grid, tmp_path)
    assert _people(workshop)["Anne Martin"]["offers"] == ["Réseau « emploi » – 2024"]
    assert not [w for w in warnings if "Mac" in w]


# ---------------------------------------------------------------------- Word

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def _word_grid(
    path: Path, cells: list[list[str]], *, wrap_table: bool = False, wrap_row: int | None = None
) -> Path:
    """A .docx whose grid cells are raw WordprocessingML (paragraphs, nested tables, …)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Atelier du 16 mars 2021")
    table = document.add_table(rows=1 + len(cells), cols=5)
    for column, header in enumerate(HEADERS):
        table.cell(0, column).text = header
    for row, values in enumerate(cells, start=1):
        for column, xml in enumerate(values):
            tc = table.cell(row, column)._tc
            for paragraph in tc.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
                tc.remove(paragraph)
            for element in parse_xml(f"<w:body {NS}>{xml or _p('')}</w:body>"):
                tc.append(element)
    tbl = table._tbl
    if wrap_row is not None:
        tr = tbl.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr")[wrap_row]
        sdt = parse_xml(f"<w:sdt {NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
        tr.addprevious(sdt)
        sdt[1].append(tr)
    if wrap_table:
        sdt = parse_xml(f"<w:sdt {NS}><w:sdtPr><w:alias w:val='Grille'/></w:sdtPr><w:sdtContent/></w:sdt>")
        tbl.addprevious(sdt)
        sdt[1].append(tbl)
    document.save(str(path))
    return path


NESTED = (
    _p("Avant le tableau imbriqué")
    + "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
    + f"<w:tc>{_p('Cellule imbriquée gauche')}</w:tc><w:tc>{_p('Cellule imbriquée droite')}</w:tc>"
    + "</w:tr></w:tbl>"
    + _p("")
)
TEXT_BOX = (
    "<w:p><w:r><w:t xml:space='preserve'>Texte courant </w:t></w:r><w:r><mc:AlternateContent>"
    "<mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
    f"<w:txbxContent>{_p('Texte de la zone de texte')}</w:txbxContent>"
    "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox>"
    f"<w:txbxContent>{_p('Texte de la zone de texte')}</w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)
PLACEHOLDER = (
    "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
    f"{_p('Cliquez ou appuyez ici pour entrer du texte.')}</w:sdtContent></w:sdt>"
)
CONTENT_CONTROL = (
    "<w:sdt><w:sdtPr><w:alias w:val='Besoin'/></w:sdtPr><w:sdtContent>"
    f"{_p('Besoin dans un contrôle de contenu')}</w:sdtContent></w:sdt>"
    "<w:p><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Contrôle dans la ligne</w:t></w:r>"
    "</w:sdtContent></w:sdt></w:p>"
)
TRACKED = (
    "<w:p><w:r><w:t xml:space='preserve'>Offre </w:t></w:r>"
    "<w:ins w:id='1' w:author='Animatrice'><w:r><w:t>ajoutée en révision</w:t></w:r></w:ins>"
    "<w:del w:id='2' w:author='Animatrice'><w:r><w:delText>SUPPRIMÉ EN RÉVISION</w:delText></w:r>"
    "</w:del></w:p>"
)


def test_word_text_in_nested_tables_text_boxes_content_controls_and_revisions_is_read(tmp_path: Path) -> None:
    grid = _word_grid(
        tmp_path / "grille.docx",
        [
            [_p("Élodie Mérignac / CdC"), NESTED, TEXT_BOX, CONTENT_CONTROL, TRACKED],
            [
                _p("Loïc Hervé / PLIE"),
                _p("Forum"),
                _p("Mobilité"),
                _p("Des locaux") + PLACEHOLDER,
                _p("Réseau"),
            ],
        ],
        wrap_row=2,  # a repeating-section content control around the second participant's row
    )
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé"}
    elodie = people["Élodie Mérignac"]
    assert elodie["actions"] == [
        "Avant le tableau imbriqué",
        "Cellule imbriquée gauche — Cellule imbriquée droite",  # a row of a table in a cell: one item
    ]
    assert elodie["challenges"] == ["Texte courant", "Texte de la zone de texte"]  # once, not twice
    assert elodie["needs"] == ["Besoin dans un contrôle de contenu", "Contrôle dans la ligne"]
    assert elodie["offers"] == ["Offre ajoutée en révision"]
    assert "SUPPRIMÉ" not in _all_text(workshop)
    assert "Cliquez" not in _all_text(workshop)  # a content control's prompt is nobody's text
    assert people["Loïc Hervé"]["needs"] == ["Des locaux"]
    assert any("modifications suivies" in w for w in warnings)


def test_a_word_grid_inside_a_content_control_is_found(tmp_path: Path) -> None:
    grid = _word_grid(
        tmp_path / "grille.docx",
        [[_p("Élodie Mérignac / CdC"), _p("Régie"), _p("Décrochage"), _p("Un café"), _p("Clauses")]],
        wrap_table=True,
    )
    workshop, _warnings = _import(grid, tmp_path)
    assert _people(workshop)["Élodie Mérignac"]["needs"] == ["Un café"]
    assert workshop["title"] == "Atelier du 16 mars 2021"


# --------------------------------------------------------------------- Excel


def _excel(path: Path, build) -> Path:  # a function filling the workbook
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    build(workbook)
    workbook.save(path)
    return path


def test_excel_hidden_sheets_and_rows_are_skipped_and_said(tmp_path: Path) -> None:
    def build(workbook) -> None:
        old = workbook.create_sheet("Ancienne grille")
        old.append(HEADERS)
        old.append(["Personne de l'an dernier", "", "", "Ancien besoin", ""])
        old.sheet_state = "hidden"
        sheet = workbook.create_sheet("Grille")
        sheet.append(HEADERS)
        sheet.append(["Élodie Mérignac / CdC", "Régie", "Décrochage", "Un café", "Clauses"])
        sheet.append(["Brouillon masqué", "", "", "Besoin effacé", ""])
        sheet.row_dimensions[3].hidden = True
        sheet.append(["Loïc Hervé / PLIE", "Forum", "Mobilité", "Des locaux", "Réseau"])

    workshop, warnings = _import(_excel(tmp_path / "grille.xlsx", build), tmp_path)
    assert set(_people(workshop)) == {"Élodie Mérignac", "Loïc Hervé"}
    assert "Ancien besoin" not in _all_text(workshop) and "Besoin effacé" not in _all_text(workshop)
    assert any("Ancienne grille" in w and "masquée" in w for w in warnings)
    assert any("ligne masquée ignorée" in w and "3" in w for w in warnings)


def test_a_hidden_sheet_is_read_when_it_is_the_only_grid(tmp_path: Path) -> None:
    def build(workbook) -> None:
        workbook.create_sheet("Notes").append(["Penser à réserver la salle"])
        sheet = workbook.create_sheet("Grille")
        sheet.append(HEADERS)
        sheet.append(["Élodie Mérignac / CdC", "Régie", "Décrochage", "Un café", "Clauses"])
        sheet.sheet_state = "hidden"

    workshop, warnings = _import(_excel(tmp_path / "grille.xlsx", build), tmp_path)
    assert _people(workshop)["Élodie Mérignac"]["needs"] == ["Un café"]
    assert any("Grille" in w and "masquée" in w for w in warnings)


def test_excel_formulas_without_computed_values_are_said_and_never_shift_items(tmp_path: Path) -> None:
    def build(workbook) -> None:
        sheet = workbook.create_sheet("Grille")
        sheet.append(["Prénom", "Nom", *HEADERS])
        sheet.append(["Élodie", "Mérignac", "Élodie Mérignac", "Régie", "Décrochage", "Un café", "Clauses"])
        # openpyxl writes a formula without its value: a workbook never opened in Excel.
        sheet.append(["Loïc", "Hervé", '=A3&" "&B3', "Forum", "Mobilité", "Des locaux", "Réseau"])

    grid = _excel(tmp_path / "grille.xlsx", build)
    target = tmp_path / "importé.atelier"
    result = run_cli(
        "import",
        str(grid),
        "-o",
        str(target),
        "--columns",
        "participant=3,actions=4,defis=5,besoins=6,offres=7",
    )
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stdout.splitlines() if "valeur calculée" in line]
    assert "C3" in warning and "non importée" in warning
    assert "ligne 3 non importée" in result.stdout.replace("\xa0", " ")
    with Store.open(target, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        people = store.participants(workshop_id)
        assert len(people) == 1  # Loïc's row: whose it is cannot be read; not merged into Élodie's
        assert [i.text for i in store.items(people[0].id, ItemKind.NEED)] == ["Un café"]


# ------------------------------------------------------- Atelier's own Excel


def _workshop_as_kept(path: Path) -> tuple[dict, list[tuple]]:
    exported = run_cli("export", str(path), "--json", "-")
    assert exported.returncode == 0, exported.stderr
    (workshop,) = json.loads(exported.stdout)["workshops"]
    people = [
        (
            p["names"],
            p["organisation"],
            p["territory"],
            p["role"],
            p["actions"],
            p["challenges"],
            p["needs"],
            p["offers"],
        )
        for p in workshop["participants"]
    ]
    return workshop, people


def _example_with_items_that_do_not_split_again(tmp_path: Path) -> Path:
    """The example, with items a cell's bullets would not give back one for one: one ending
    on « : », one with dashes inside, one that reads like a formula, one a number."""
    source = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    with Store.open(source) as store:
        first = store.participants(store.workshops()[0].id)[0]
        texts = [i.text for i in store.items(first.id, ItemKind.NEED)]
        store.set_cell(
            first.id,
            ItemKind.NEED,
            [*texts, "objectifs :", "emploi - formation - mobilité", "=SOMME(A1:A3)", "12"],
        )
    return source


def test_atelier_s_own_excel_imports_back_to_the_same_grid(tmp_path: Path) -> None:
    """`export --xlsx` then `import`: the grid sheet, not the summary's table of counts; the
    same participants (structure, territory and role too), the same items, one for one."""
    source = _example_with_items_that_do_not_split_again(tmp_path)
    workbook, again = tmp_path / "tableaux.xlsx", tmp_path / "relu.atelier"
    exported = run_cli("export", str(source), "--xlsx", str(workbook))
    assert exported.returncode == 0, exported.stderr
    result = run_cli("import", str(workbook), "-o", str(again))
    assert result.returncode == 0, result.stderr
    before, people_before = _workshop_as_kept(source)
    after, people_after = _workshop_as_kept(again)
    assert len(people_after) == len(people_before) == 22
    assert people_after == people_before
    assert (after["title"], after["date"]) == (before["title"], before["date"])
    # People, as the file counts them: two of the 22 rows name two people each.
    assert f"Import\u00a0: 24 participants ({len(people_before)} lignes de la grille)" in result.stdout


@pytest.mark.parametrize("people", [1, 2, 4])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_own_excel_of_a_small_workshop_imports_back(tmp_path: Path, people: int, lang: str) -> None:
    """A workshop of two participants, exported then imported: refused with « les participants
    sont en colonnes… Transposez », an untrue sentence. The summary's table of counts
    (« Participants 2 », « Territoires 0 ») was taken for a grid written sideways before the
    « Grille » sheet was looked at."""
    source, workbook, again = tmp_path / "petit.atelier", tmp_path / "petit.xlsx", tmp_path / "relu.atelier"
    with Store.create(source, title="Petit atelier", date="2024-05-02") as store:
        workshop_id = store.workshops()[0].id
        for n in range(people):
            person = store.add_participant(
                Participant(workshop_id, names=[f"Personne {n + 1}"], organisation="Mission locale")
            )
            store.add_item(Item(person.id, ItemKind.NEED, f"un besoin numéro {n + 1}"))
            store.add_item(Item(person.id, ItemKind.OFFER, f"une ressource numéro {n + 1}"))
    env = {"ATELIER_LANG": lang}
    assert run_cli("export", str(source), "--xlsx", str(workbook), env=env).returncode == 0
    result = run_cli("import", str(workbook), "-o", str(again), env=env)
    assert result.returncode == 0, result.stderr
    before, people_before = _workshop_as_kept(source)
    after, people_after = _workshop_as_kept(again)
    assert len(people_after) == people
    assert people_after == people_before


def test_an_anonymised_excel_imports_back_without_names(tmp_path: Path) -> None:
    source = _example_with_items_that_do_not_split_again(tmp_path)
    workbook, again = tmp_path / "anonyme.xlsx", tmp_path / "relu.atelier"
    assert run_cli("export", str(source), "--xlsx", str(workbook), "--anonymise").returncode == 0
    result = run_cli("import", str(workbook), "-o", str(again))
    assert result.returncode == 0, result.stderr
    _before, people_before = _workshop_as_kept(source)
    _after, people_after = _workshop_as_kept(again)
    assert len(people_after) == len(people_before)
    assert all(names == [] for names, *_rest in people_after)
    assert [p[1:3] for p in people_after] == [p[1:3] for p in people_before]  # structure, territory
    # every item, one for one (names inside them masked, as the export does)
    assert [[len(k) for k in p[4:]] for p in people_after] == [[len(k) for k in p[4:]] for p in people_before]
    assert "Martine Colin Rabouan" not in json.dumps(people_after, ensure_ascii=False)


def test_a_grid_cell_edited_in_excel_after_the_export_is_read_as_edited(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source = _example_with_items_that_do_not_split_again(tmp_path)
    workbook, again = tmp_path / "tableaux.xlsx", tmp_path / "relu.atelier"
    assert run_cli("export", str(source), "--xlsx", str(workbook)).returncode == 0
    book = load_workbook(workbook)
    grid = book["Grille"]
    column = [c.value for c in grid[1]].index("Besoins de ressources") + 1
    grid.cell(row=3, column=column).value = "• Un lieu pour se réunir\n• Des bénévoles"
    book.save(workbook)
    assert run_cli("import", str(workbook), "-o", str(again)).returncode == 0
    _before, people_before = _workshop_as_kept(source)
    _after, people_after = _workshop_as_kept(again)
    assert people_after[1][6] == ["Un lieu pour se réunir", "Des bénévoles"]
    assert people_after[0] == people_before[0] and people_after[2:] == people_before[2:]


def test_a_table_of_counts_is_never_read_as_a_grid(tmp_path: Path) -> None:
    """A sheet whose rows under the headers are counts is not a grid: the next sheet's grid
    is read; with no grid anywhere, one French sentence and nothing written."""

    def counts(workbook) -> None:
        sheet = workbook.create_sheet("Synthèse")
        sheet.append(["Atelier du 16 mars 2021"])
        sheet.append([])
        sheet.append(["Territoire", "Participants", *HEADERS[1:]])
        sheet.append(["Bazadais", 2, 5, 3, 1, 2])
        sheet.append(["Grand Angoulême", 1, 0, 2, 4, 1])

    def counts_then_grid(workbook) -> None:
        counts(workbook)
        sheet = workbook.create_sheet("Grille")
        sheet.append(HEADERS)
        sheet.append(["Élodie Mérignac / CdC", "Régie", "Décrochage", "Un café", "Clauses"])

    workshop, _warnings = _import(_excel(tmp_path / "grille.xlsx", counts_then_grid), tmp_path)
    assert list(_people(workshop)) == ["Élodie Mérignac"]
    only_counts = _excel(tmp_path / "comptes.xlsx", counts)
    before = only_counts.read_bytes()
    result = run_cli("import", str(only_counts), "-o", str(tmp_path / "comptes.atelier"))
    assert result.returncode == 1
    (sentence,) = result.stderr.strip().splitlines()
    assert "Aucune colonne de grille reconnue" in sentence and "Traceback" not in sentence
    assert not (tmp_path / "comptes.atelier").exists() and only_counts.read_bytes() == before


# ----------------------------------------------------------------------- CSV


def _semicolon_grid(tmp_path: Path, *rows: str) -> Path:
    """A « ; » CSV grid: the headers, then these rows as written (stray quotes and all)."""
    grid = tmp_path / "grille.csv"
    grid.write_text("\n".join([";".join(HEADERS), *rows]) + "\n", encoding="utf-8")
    return grid


def _valid_csv(folder: Path, rows: list[list[str]]) -> Path:
    """A grid as Python's csv module writes it (« , », CRLF, quoted cells): a valid file."""
    import csv

    grid = folder / "grille.csv"
    with grid.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    return grid


def test_csv_an_unclosed_quote_is_said_with_its_line_and_the_next_rows_stay_rows(tmp_path: Path) -> None:
    grid = _semicolon_grid(
        tmp_path,
        'Élodie Mérignac;Régie;"Décrochage scolaire;Un café;Clauses',
        "Loïc Hervé;Forum;Mobilité;Des locaux;Réseau",
        "Zoé Martin;Atelier;Emploi;Un lieu;Prêt de salles",
    )
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé", "Zoé Martin"}
    assert people["Zoé Martin"]["needs"] == ["Un lieu"]
    assert people["Élodie Mérignac"]["needs"] == ["Un café"]
    assert any("ligne 2" in w and "guillemet" in w for w in warnings)


def test_csv_a_quoted_cell_of_several_lines_full_of_commas_is_one_cell(tmp_path: Path) -> None:
    """A valid CSV (as Excel, LibreOffice or Python write it): a cell of several lines, each
    listing partners with commas, is read as that one cell, not as a quote left open and its
    lines as participants."""
    partners = "Partenaires : CAF, MSA, Département, Région, Mission locale, France Travail"
    rows = [
        [
            "Participant / territoire",
            "Actions engagées",
            "Défis",
            "Besoins de ressources",
            "Peut être ressource sur",
        ],
        [
            "Élodie Mérignac",
            f"Forum emploi\n{partners}\nAtelier « mobilité », ouvert à tous",
            "Décrochage",
            "Un lieu",
            "Clauses",
        ],
        ["Loïc Hervé", "Forum", "Mobilité", f"Des locaux\n{partners}\nUn véhicule", "Réseau"],
        ["Zoé Martin", "Atelier", "Emploi", "Un café", "Prêt de salles"],
    ]
    workshop, warnings = _import(_valid_csv(tmp_path, rows), tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé", "Zoé Martin"}
    assert people["Loïc Hervé"]["needs"] == ["Des locaux", partners, "Un véhicule"]
    assert people["Élodie Mérignac"]["actions"][1] == partners
    assert not any("guillemet" in w for w in warnings)

    # Three columns: the second line of a last cell has as many commas as a row has.
    rows = [
        ["Participant / territoire", "Besoins de ressources", "Peut être ressource sur"],
        ["Élodie Mérignac", "Un local", "Animation\nPartenaires : CAF, MSA, Région"],
        ["Karim Benali", "Financements", "Insertion"],
        ["Sophie Laval", "Bénévoles", "Ingénierie\nMobilité, logement, santé"],
    ]
    three = tmp_path / "trois"
    three.mkdir()
    workshop, warnings = _import(_valid_csv(three, rows), three)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Karim Benali", "Sophie Laval"}
    assert people["Élodie Mérignac"]["offers"] == ["Animation", "Partenaires : CAF, MSA, Région"]
    assert people["Sophie Laval"]["offers"] == ["Ingénierie", "Mobilité, logement, santé"]
    assert not any("guillemet" in w for w in warnings)


def test_csv_two_stray_quotes_that_pair_up_do_not_swallow_the_rows_between(tmp_path: Path) -> None:
    grid = _semicolon_grid(
        tmp_path,
        'Élodie Mérignac;Régie;"Décrochage scolaire;Un café;Clauses',
        "Loïc Hervé;Forum;Mobilité;Des locaux;Réseau",
        "Yves Roux;Chantier;Logement;Un toit;Bénévoles",
        'Zoé Martin;Atelier;Emploi";Un lieu;Prêt de salles',
        "Anne Sol;Café;Santé;Un médecin;Écoute",
    )
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé", "Yves Roux", "Zoé Martin", "Anne Sol"}
    assert people["Yves Roux"]["needs"] == ["Un toit"]
    assert any("ligne 2" in w and "guillemet" in w for w in warnings)


def test_dashes_inside_a_sentence_keep_it_one_statement_and_a_dash_list_is_split(tmp_path: Path) -> None:
    """« Navette Bazas - Langon - Bordeaux » is one action, not three; a list typed on one
    line after a colon or with dashes against its words is still one statement per item."""
    grid = _semicolon_grid(
        tmp_path,
        "Élodie Mérignac;Navette Bazas - Langon - Bordeaux;Permanences lundi 9h - 12h et jeudi 14h - 17h;"
        "Un local;Rencontres élus - entreprises - associations",
        "Karim Benali;Protocole PLIE -Réécriture -Forum emploi;Public 16 - 25 ans - NEET;"
        "Financements : - fonds européens - Région;Insertion",
    )
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    elodie, karim = people["Élodie Mérignac"], people["Karim Benali"]
    assert elodie["actions"] == ["Navette Bazas - Langon - Bordeaux"]
    assert elodie["challenges"] == ["Permanences lundi 9h - 12h et jeudi 14h - 17h"]
    assert elodie["offers"] == ["Rencontres élus - entreprises - associations"]
    assert karim["challenges"] == ["Public 16 - 25 ans - NEET"]
    assert karim["actions"] == ["Protocole PLIE", "Réécriture", "Forum emploi"]
    # The lead-in said with each item: « Région » alone was a need of nothing.
    assert karim["needs"] == ["Financements : fonds européens", "Financements : Région"]


@pytest.mark.parametrize(
    "cell",
    [
        "lever les freins : - mobilité - garde",  # on one line
        '"lever les freins :\n- mobilité\n- garde"',  # a line each
        '"lever les freins :\n- mobilité\n\n- garde"',  # a blank line between
        '"lever les freins :\n• mobilité\n• garde"',
        "lever les freins : 1) mobilité 2) garde",
    ],
)
def test_a_lead_in_is_said_with_each_item_it_introduces(tmp_path: Path, cell: str) -> None:
    """« lever les freins : - mobilité - garde » was three needs, « lever les freins : » alone,
    « mobilité », « garde » (on lines of their own: « lever les freins : mobilité », then « garde »
    alone): the minutes and the matches read « garde » as a need of its own. Each item is now
    read whole, its lead-in before it."""
    grid = _semicolon_grid(tmp_path, f"Élodie Mérignac;Forum emploi;Jeunes;{cell};Un local")
    workshop, _warnings = _import(grid, tmp_path)
    elodie = _people(workshop)["Élodie Mérignac"]
    assert elodie["needs"] == ["lever les freins : mobilité", "lever les freins : garde"]


def test_a_lead_in_stops_at_the_next_paragraph(tmp_path: Path) -> None:
    """A paragraph without a bullet after the list is an item of its own, without the lead-in;
    a lead-in before one paragraph is joined to it, as before."""
    grid = _semicolon_grid(
        tmp_path,
        'Élodie Mérignac;Forum emploi;Jeunes;"lever les freins :\n- mobilité\n- garde\nUn local";'
        "\"Retour d'expériences :\nUn club d'entreprises\"",
    )
    workshop, _warnings = _import(grid, tmp_path)
    elodie = _people(workshop)["Élodie Mérignac"]
    assert elodie["needs"] == ["lever les freins : mobilité", "lever les freins : garde", "Un local"]
    assert elodie["offers"] == ["Retour d'expériences : Un club d'entreprises"]


def test_a_lead_in_stops_at_a_bullet_beside_its_own(tmp_path: Path) -> None:
    """A list nested under a bulleted lead-in, then a bullet back at the lead-in's indent: that
    bullet is its sibling (« Un local »), it was « lever les freins : Un local », a need no one
    wrote."""
    grid = _semicolon_grid(
        tmp_path,
        'Élodie Mérignac;Forum emploi;Jeunes;"- lever les freins :\n  - mobilité\n  - garde\n- Un local";'
        "Des contacts",
    )
    workshop, _warnings = _import(grid, tmp_path)
    elodie = _people(workshop)["Élodie Mérignac"]
    assert elodie["needs"] == ["lever les freins : mobilité", "lever les freins : garde", "Un local"]


@pytest.mark.parametrize("blank", ["", ";;;;\n"], ids=["rows", "a blank row between"])
@pytest.mark.parametrize("suffix", [".csv", ".txt", ".xlsx"])
def test_a_lead_in_is_said_with_each_item_in_the_rows_under_it(
    tmp_path: Path, suffix: str, blank: str
) -> None:
    """« Freins : » in a participant's row, then a bullet a row (a blank row among them), as a
    grid typed line by line writes them: only the first bullet had the lead-in (« Freins : a »),
    the next ones were needs of their own (« Un local »). Each now has it, as in one cell; a
    row without a bullet after the list is an item of its own, as in one cell."""
    rows = [
        "Élodie Mérignac;Forum emploi;Jeunes;Freins :;Un local",
        ";;;- a;",
        *([blank.strip()] if blank else []),
        ";;;- Un local;",
        ";;;Des stages;",
        "Karim Benali;Protocole PLIE;;Mobilité;Un réseau",
    ]
    grid = _semicolon_grid(tmp_path, *rows)
    if suffix == ".txt":
        grid = grid.rename(grid.with_suffix(".txt"))
        grid.write_text(grid.read_text(encoding="utf-8").replace(";", "\t"), encoding="utf-8")
    elif suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for line in grid.read_text(encoding="utf-8").splitlines():
            book.active.append(line.split(";"))
        grid = grid.with_suffix(".xlsx")
        book.save(grid)
    workshop, _warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert people["Élodie Mérignac"]["needs"] == ["Freins : a", "Freins : Un local", "Des stages"]
    assert people["Karim Benali"]["needs"] == ["Mobilité"]


def test_a_row_made_for_the_same_participant_starts_its_bullets_anew(tmp_path: Path) -> None:
    """A Word table whose participant cell is merged over two rows: the author made the second
    row on purpose, its bullets are its own (« permis »), not the list of the row above, as
    before the lead-in was said in the rows under it."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells,
        ["Élodie Mérignac", "Forum emploi", "Jeunes", "Freins :\n- mobilité", "Réseau"],
        strict=True,
    ):
        cell.text = text
    for cell, text in zip(table.rows[2].cells, ["", "Garantie jeunes", "", "- permis", ""], strict=True):
        cell.text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    grid = tmp_path / "grille.docx"
    document.save(str(grid))
    workshop, _warnings = _import(grid, tmp_path)
    assert _people(workshop)["Élodie Mérignac"]["needs"] == ["Freins : mobilité", "permis"]


def test_csv_a_comma_grid_whose_cells_hold_semicolons_is_read_with_commas(tmp_path: Path) -> None:
    """Five lines of cells with one « ; » each outnumber the four rows of a three-person
    « , » grid: the separator is the one that makes the most cells in rows of one width."""
    rows = [
        HEADERS,
        [
            "Élodie Mérignac",
            "Forum emploi",
            "Mobilité ; garde d'enfants\nLogement ; santé",
            "Un local",
            "Animation",
        ],
        [
            "Karim Benali",
            "Accompagnement",
            "Recrutement ; fidélisation\nFormation ; qualification",
            "Fonds",
            "Insertion",
        ],
        ["Sophie Laval", "Plan départemental", "Coordination ; gouvernance", "Bénévoles", "Ingénierie"],
    ]
    workshop, _warnings = _import(_valid_csv(tmp_path, rows), tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Karim Benali", "Sophie Laval"}
    assert people["Karim Benali"]["challenges"] == ["Recrutement ; fidélisation", "Formation ; qualification"]
    assert people["Sophie Laval"]["offers"] == ["Ingénierie"]


def test_csv_a_title_line_with_commas_above_a_semicolon_grid(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Atelier du 16 mars 2021, Bordeaux, salle B\n"
        + ";".join(HEADERS)
        + "\nÉlodie Mérignac;Régie, quartier;Décrochage;Un café, un lieu;Clauses\n"
        + "Loïc Hervé;Forum;Mobilité;Des locaux;Réseau\n",
        encoding="utf-8",
    )
    workshop, _warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé"}
    assert people["Loïc Hervé"]["offers"] == ["Réseau"]
    assert workshop["date"] == "2021-03-16"


@pytest.mark.parametrize(
    ("separator", "title", "inside"),
    [
        (";", "Atelier emploi, Bordeaux, salle B, 16 mars 2021", ", "),
        (",", "Atelier emploi ; Bordeaux ; salle B ; 16 mars 2021", " ; "),
        (";", "sep=;", ", "),
        (",", "sep=,", " ; "),
    ],
)
def test_csv_a_line_above_the_header_cut_by_the_other_separator_is_no_header(
    tmp_path: Path, separator: str, title: str, inside: str
) -> None:
    """A title line (or Excel's « sep=; » line) above a grid whose actions all hold the same
    number of the other separator: read by that other separator, every row made the same
    nine cells, the first person became the header and the import reported « 5 participants »
    over « colonne non importée » warnings, a garbled grid called a success."""
    actions = inside.join(f"action {n}" for n in range(8))
    rows = [separator.join(HEADERS)]
    rows += [
        separator.join([f"Personne{n} Nom", actions, "mobilité", f"besoin {n}", "un local"]) for n in range(6)
    ]
    grid = tmp_path / "grille.csv"
    grid.write_text("\n".join([title, *rows]) + "\n", encoding="utf-8")
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert sorted(people) == [f"Personne{n} Nom" for n in range(6)]
    assert people["Personne3 Nom"]["needs"] == ["besoin 3"]
    assert people["Personne3 Nom"]["offers"] == ["un local"]
    assert people["Personne3 Nom"]["actions"] == [actions]
    assert warnings == []
    assert workshop["title"] != "sep="


def test_csv_a_title_as_wide_as_the_only_row_by_the_other_separator_is_no_table(tmp_path: Path) -> None:
    """A title with five commas above a « ; » grid of one participant whose actions hold five
    commas: by « , » the title and the row made two lines of six cells, as many lines as the
    header and the row by « ; », and the wider reading won. A table's lines follow each other:
    by « , » the header between them was no line of it."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Atelier emploi, Bordeaux, salle B, 16 mars 2021, matin, Pau\n"
        + ";".join(HEADERS)
        + "\nÉlodie Mérignac;Régie, quartier, ville, centre, nord, sud;Décrochage;Un café;Clauses\n",
        encoding="utf-8",
    )
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac"}
    assert people["Élodie Mérignac"]["needs"] == ["Un café"]
    assert people["Élodie Mérignac"]["offers"] == ["Clauses"]
    assert warnings == []


def test_csv_excel_sep_line_names_the_separator_and_is_not_the_title(tmp_path: Path) -> None:
    """Excel's « sep=| » first line says which character separates the cells: the grid is
    read by it, and the workshop is not called « sep= » in the minutes."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "sep=|\n"
        + "|".join(HEADERS)
        + "\nÉlodie Mérignac|Régie, quartier|Décrochage ; mobilité|Un café|Clauses\n"
        + "Loïc Hervé|Forum|Mobilité|Des locaux|Réseau\n",
        encoding="utf-8-sig",
    )
    workshop, warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé"}
    assert people["Élodie Mérignac"]["challenges"] == ["Décrochage ; mobilité"]
    assert people["Loïc Hervé"]["offers"] == ["Réseau"]
    assert workshop["title"] == "importé"  # the file's name, not « sep= »
    assert warnings == []


@pytest.mark.parametrize(
    ("separator", "hint"),
    [(";", "un point-virgule"), (",", "une virgule"), ("\t", "une tabulation")],
)
def test_csv_text_beyond_the_columns_names_the_file_s_own_separator(
    tmp_path: Path, separator: str, hint: str
) -> None:
    """« un point-virgule dans le texte d'une cellule ? » was said of every grid, a « , » CSV
    or an Excel sheet too: the likely cause named is the separator the file is read by. The
    row, wider than the header, is left out and quoted (tests/test_import_shifted_rows.py)."""
    import csv

    grid = tmp_path / "grille.csv"
    with grid.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=separator)
        writer.writerow(HEADERS)
        writer.writerow(["Élodie Mérignac", "Régie", "Décrochage", "Un café", "Clauses", "en trop"])
        writer.writerow(["Loïc Hervé", "Forum", "Mobilité", "Des locaux", "Réseau"])
        writer.writerow(["Zoé Martin", "Atelier", "Emploi", "Un lieu", "Prêt de salles"])
    _workshop, warnings = _import(grid, tmp_path)
    row = (" ⇥ " if separator == "\t" else separator).join(
        ["Élodie Mérignac", "Régie", "Décrochage", "Un café", "Clauses", "en trop"]
    )
    assert warnings == [
        "Attention\xa0: ligne 2\xa0: 6 cellules pour 5 colonnes "
        f"({hint} dans le texte d'une cellule\u202f?)\xa0: ligne non importée, pour ne rien lire dans "
        f'la mauvaise colonne («\xa0{row}\xa0»)\u202f; mettez entre guillemets («\xa0"\xa0») le texte de '
        f"la cellule qui contient {hint}, puis importez de nouveau"
    ]


def test_excel_text_beyond_the_columns_is_said_without_a_separator(tmp_path: Path) -> None:
    def build(workbook) -> None:
        sheet = workbook.create_sheet("Grille")
        sheet.append(HEADERS)
        sheet.append(["Élodie Mérignac", "Régie", "Décrochage", "Un café", "Clauses", "en trop"])
        sheet.append(["Loïc Hervé", "Forum", "Mobilité", "Des locaux", "Réseau"])

    _workshop, warnings = _import(_excel(tmp_path / "grille.xlsx", build), tmp_path)
    assert warnings == [
        "Attention\xa0: ligne 2\xa0: du texte au-delà des colonnes du tableau, "
        "non importé («\xa0en trop\xa0»)"
    ]


def test_excel_one_stray_cell_at_the_sheet_s_last_row_keeps_the_grid_and_is_said(tmp_path: Path) -> None:
    """A cell typed by mistake at XFD1048576 (Ctrl+End, Ctrl+Down, a key) makes the sheet's
    extent a million rows by 16,384 columns: the grid was refused as « more than 5 000 rows »
    (after a quarter of a minute of reading empty rows). It holds three participants: they
    are imported, and the stray text is said with its line, not imported."""

    def build(workbook) -> None:
        sheet = workbook.create_sheet("Grille")
        sheet.append(HEADERS)
        sheet.append(["Élodie Mérignac / CdC", "Régie", "Décrochage", "Un café", "Clauses"])
        sheet.append(["Loïc Hervé / PLIE", "Forum", "Mobilité", "Des locaux", "Réseau"])
        sheet.append(["Nadia Ferrand", "Atelier CV", "", "Un traducteur", ""])
        sheet.cell(row=1_048_576, column=16_384, value="x")

    grid = _excel(tmp_path / "grille.xlsx", build)
    before = grid.read_bytes()
    workshop, warnings = _import(grid, tmp_path)
    assert set(_people(workshop)) == {"Élodie Mérignac", "Loïc Hervé", "Nadia Ferrand"}
    assert _people(workshop)["Nadia Ferrand"]["needs"] == ["Un traducteur"]
    said = "Attention\xa0: ligne 1048576\xa0: du texte au-delà des colonnes du tableau, non importé"
    assert warnings == [said + " («\xa0x\xa0»)"]  # and not « joined to the row above »
    assert grid.read_bytes() == before


def test_csv_of_blank_lines_only_is_said_empty_and_nothing_is_written(tmp_path: Path) -> None:
    """A grid of spaces and blank lines was refused with « En-têtes trouvés : — », as if
    headers had been looked for in a grid: it is an empty file."""
    grid = tmp_path / "grille.csv"
    grid.write_bytes(b"\r\n  \r\n;;;\r\n\t\r\n")
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(grid), "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.strip() == f"«\xa0{grid}\xa0» est vide."
    assert not target.exists()


def test_csv_a_cell_over_128_kb_is_read_whole(tmp_path: Path) -> None:
    long_need = "besoin " + "très long " * 20_000  # 200 000 characters
    grid = tmp_path / "grille.csv"
    grid.write_text(
        ";".join(HEADERS) + f'\nÉlodie Mérignac;Régie;Décrochage;"{long_need}";Clauses\n', encoding="utf-8"
    )
    workshop, _warnings = _import(grid, tmp_path)
    (need,) = _people(workshop)["Élodie Mérignac"]["needs"]
    assert len(need) == len(long_need.strip())


# --------------------------------------------------------- control characters


def test_control_characters_are_normalised_at_import_and_every_export_works(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        ";".join(HEADERS)
        + '\nÉlodie\x07 Mérignac / CdC;"Régie\x0bForum";Décro\x1bchage;"Un café\x0cUn lieu";Clau\x01ses\n',
        encoding="utf-8",
    )
    workshop, _warnings = _import(grid, tmp_path)
    elodie = _people(workshop)["Élodie Mérignac"]
    assert elodie["actions"] == ["Régie", "Forum"]  # a vertical tab is a line break
    assert elodie["needs"] == ["Un café", "Un lieu"]
    assert elodie["challenges"] == ["Décrochage"] and elodie["offers"] == ["Clauses"]
    target = tmp_path / "importé.atelier"
    for option, name in (("--xlsx", "tableaux.xlsx"), ("--docx", "compte-rendu.docx")):
        result = run_cli("export", str(target), option, str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 0


# Every character str.splitlines() cuts a line at, but for the line endings themselves.
IN_CELL_BREAKS = {
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "file separator": "\x1c",
    "record separator": "\x1e",
    "next line": "\x85",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
}


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".txt"])
@pytest.mark.parametrize("name", list(IN_CELL_BREAKS))
def test_a_line_break_inside_an_unquoted_cell_never_makes_a_new_row(
    name: str, suffix: str, tmp_path: Path
) -> None:
    """A vertical tab (Excel's Alt+Entrée), a form feed… inside an unquoted cell is a line
    break inside that cell: never a new participant, never items moved onto one."""
    br = IN_CELL_BREAKS[name]
    separator = ";" if suffix == ".csv" else "\t"
    grid = tmp_path / f"grille{suffix}"
    rows = [
        ["Participant", "Besoins", "Peut être ressource sur"],
        ["Zoé Martin / PLIE", f"ligne1{br}ligne2", f"ff{br} page"],
        ["Jean Dupont / CdC du Bazadais", "un lieu", "une salle"],
    ]
    grid.write_text("\r\n".join(separator.join(r) for r in rows) + "\r\n", encoding="utf-8")
    workshop, _warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert sorted(people) == ["Jean Dupont", "Zoé Martin"]
    assert people["Zoé Martin"]["needs"] == ["ligne1", "ligne2"]
    assert people["Zoé Martin"]["offers"] == ["ff", "page"]
    assert people["Jean Dupont"]["needs"] == ["un lieu"] and people["Jean Dupont"]["offers"] == ["une salle"]


def test_a_vertical_tab_in_the_real_grid_keeps_its_row_whole(tmp_path: Path) -> None:
    """The first rows of the real grid (a Word export: tab-separated rows, cells in HTML) with
    one vertical tab inside Maxime Roby's challenge: three participants, the challenge whole."""
    source = (ROOT / "examples" / "grille-atelier-2021-03-16.txt").read_text(encoding="utf-8")
    head = "\n".join(source.split("\n")[:14])
    marked = head.replace(
        "travailler avec les entreprises - faciliter", "travailler avec les entreprises\x0b- faciliter"
    )
    assert marked != head
    grid = tmp_path / "grille.txt"
    grid.write_text(marked, encoding="utf-8")
    plain = tmp_path / "sans-tabulation"
    plain.mkdir()
    (plain / "grille.txt").write_text(head, encoding="utf-8")
    expected, _ = _import(plain / "grille.txt", plain)
    workshop, _warnings = _import(grid, tmp_path)
    assert [p["source_text"] for p in workshop["participants"]] == [
        p["source_text"] for p in expected["participants"]
    ]
    assert len(workshop["participants"]) == 3
    roby = _people(workshop)["Maxime Roby"]
    assert roby["challenges"] == _people(expected)["Maxime Roby"]["challenges"]
    assert roby["challenges"][-1].startswith("faciliter le recrutement pour les entreprises")


def test_a_title_with_control_characters_from_the_command_line_still_exports(tmp_path: Path) -> None:
    target = tmp_path / "a.atelier"
    assert run_cli("new", str(target), "--title", "Atelier\x07 du\x0b16 mars").returncode == 0
    result = run_cli("export", str(target), "--docx", str(tmp_path / "cr.docx"))
    assert result.returncode == 0, result.stderr


def test_a_file_already_holding_control_characters_can_always_be_exported(tmp_path: Path) -> None:
    """A file written before this version, control characters and all."""
    path = tmp_path / "ancien.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE items SET text = text || char(7) || ' suite' || char(11) || 'fin' || char(27)")
    conn.execute("UPDATE workshops SET title = title || char(12) || char(0)")
    conn.execute("UPDATE participants SET names = json_array('Zoé' || char(8) || ' Martin')")
    conn.commit()
    conn.close()
    for option, name in (("--xlsx", "tableaux.xlsx"), ("--docx", "compte-rendu.docx")):
        result = run_cli("export", str(path), option, str(tmp_path / name))
        assert result.returncode == 0, result.stderr


def test_control_characters_pasted_in_the_window_are_normalised(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    proxy = window.grid.model()
    window.grid.setFocus()
    window.grid.setCurrentIndex(proxy.index(0, 3))
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)  # edit the needs cell
    editor = QApplication.focusWidget()
    QApplication.clipboard().setText("Collé depuis Excel\x0bdeuxième ligne\x07 avec une cloche")
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    participant = window.model.participant_at(0)
    texts = [i.text for i in window.store.items(participant.id, ItemKind.NEED)]
    assert texts == ["Collé depuis Excel", "deuxième ligne avec une cloche"]
    window.header.title.setFocus()
    window.header.title.selectAll()
    QApplication.clipboard().setText("Titre\x1b collé\x07")
    qtbot.keyClick(window.header.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.header.title, Qt.Key.Key_Return)
    assert window.store.workshops()[0].title.startswith("Titre collé")
    result = run_cli("export", str(window.store.path), "--docx", str(tmp_path / "cr.docx"))
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------- Excel's cell limit


def test_an_excel_cell_over_32767_characters_is_said_in_the_export(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "a.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        item = store.workshop_items(workshop_id, ItemKind.NEED)[0]
        texts = [i.text for i in store.items(item.participant_id, ItemKind.NEED)]
        texts[item.position] = "un besoin décrit très longuement " * 1_500  # 49 500 characters
        store.set_cell(item.participant_id, ItemKind.NEED, texts)
    out = tmp_path / "tableaux.xlsx"
    result = run_cli("export", str(path), "--xlsx", str(out))
    assert result.returncode == 0, result.stderr
    (said,) = [line for line in (result.stdout + result.stderr).splitlines() if "coupé" in line]
    assert "32\u202f767 caractères" in said and "Grille!" in said
    workbook = load_workbook(out, read_only=True)
    summary = "\n".join(str(c) for row in workbook["Synthèse"].iter_rows(values_only=True) for c in row if c)
    assert "texte coupé à 32\u202f767 caractères" in summary
    longest = max(
        len(str(c))
        for name in workbook.sheetnames
        for row in workbook[name].iter_rows(values_only=True)
        for c in row
        if c
    )
    assert longest <= 32_767


# ------------------------------------------------------ the window's dialog


def test_the_import_dialog_shows_the_warnings(qtbot, store: Store, tmp_path: Path) -> None:
    from atelier.ui.main_window import MainWindow

    grid = tmp_path / "grille.csv"
    grid.write_bytes(
        (";".join(HEADERS) + "\nÉlodie Mérignac;Régie;Décrochage;Un café;Clauses\n")
        .encode()
        .replace(b"caf\xc3\xa9", b"caf\xe9")
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    seen = {}

    def look(dialog) -> bool:
        seen["warnings"] = dialog.warnings.text()
        return False

    window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert "ligne 2" in seen["warnings"] and "UTF-8" in seen["warnings"]
