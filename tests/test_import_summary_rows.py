"""A grid's last rows often sum the room up (« Synthèse / points communs | forums emploi |
recrutement | … »), and a long table carries « Participants (suite) » over empty cells: each
was a participant, counted in the minutes and matched (« Synthèse / points communs cherche :
mobilité ← Paul Durand »). Such a row is now left out and said; a structure whose name starts
like one, or a person, is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

GRID = (
    "Participant;Actions;Défis;Besoins;Ressources\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;mobilité des jeunes;clauses sociales\n"
    "Participants (suite);;;;\n"
    "Paul Durand / Mission locale du Médoc;atelier CV;mobilité;garde d'enfants;transport solidaire\n"
    "Synthèse / points communs;forums emploi;recrutement;mobilité, GPECT;clauses, accompagnement\n"
    "Bilan de l'atelier;;;des suites à donner;\n"
)


def test_summary_and_heading_rows_are_no_participants(tmp_path: Path) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ")
    assert "Import : 2 participants" in out, out
    rows = ((3, "Participants (suite)"), (5, "Synthèse / points communs"), (6, "Bilan de l'atelier"))
    for line, text in rows:
        assert f"ligne {line} ignorée : « {text} » n'est pas un participant" in out, out
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    people = [p["names"] for w in exported["workshops"] for p in w["participants"]]
    assert people == [["Anne Martin"], ["Paul Durand"]], people
    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert "“Synthèse / points communs” is not a participant" in english.stdout, english.stdout


# Rows a facilitator types between participants to group them (« Matin », « Groupe 2 »): the
# participant's cell only, every other cell empty, nothing merged across the table.
SECTIONED = [
    ["Participant", "Ce que nous faisons déjà", "Défis", "Besoins", "Peut être ressource sur"],
    ["Matin", "", "", "", ""],
    ["Anne Martin / PLIE Sud Gironde", "forum emploi", "recruter", "mobilité des jeunes", "clauses sociales"],
    ["Groupe 2", "", "", "", ""],
    ["Paul Durand / Mission locale du Médoc", "atelier CV", "", "garde d'enfants", ""],
    ["Karim Haddad (Cap emploi)", "", "", "", ""],
    ["Après-midi", "", "", "", ""],
    ["Table 3 : mobilité", "", "", "", ""],
    ["Groupement d'employeurs du Médoc", "", "", "", ""],
    ["Léa Petit / CdC du Bazadais", "", "", "", "transport solidaire"],
]


def _sectioned(kind: str, folder: Path, rows: list[list[str]] = SECTIONED) -> Path:
    path = folder / f"grille.{kind}"
    if kind == "csv":
        path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    elif kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append([c or None for c in row])
        book.save(path)
    else:
        from docx import Document

        document = Document()
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["docx", "xlsx", "csv"])
def test_section_rows_between_participants_are_no_participants(tmp_path: Path, kind: str) -> None:
    """« Matin », « Groupe 2 », « Après-midi », « Table 3 : mobilité » each became a participant
    with no name, their text as its structure: « Import : 9 participants » for five people and
    a structure with nothing to its name, and four « structures » in the minutes. They are now
    left out and said; someone who wrote nothing (Karim Haddad) and a structure whose name
    begins as one (« Groupement d'employeurs du Médoc ») are still read."""
    grid, target = _sectioned(kind, tmp_path), tmp_path / "g.atelier"
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Import : 5 participants" in out, out
    for line, text in ((2, "Matin"), (4, "Groupe 2"), (7, "Après-midi"), (8, "Table 3 : mobilité")):
        said = [s for s in out.splitlines() if f"ligne {line} ignorée" in s]
        assert len(said) == 1 and f"« {text} »" in said[0], out
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    people = exported["workshops"][0]["participants"]
    assert [(p["names"], p["organisation"]) for p in people] == [
        (["Anne Martin"], "PLIE Sud Gironde"),
        (["Paul Durand"], "Mission locale du Médoc"),
        (["Karim Haddad"], "Cap emploi"),
        ([], "Groupement d'employeurs du Médoc"),
        (["Léa Petit"], "CdC du Bazadais"),
    ], people
    assert [p["needs"] for p in people] == [["mobilité des jeunes"], ["garde d'enfants"], [], [], []]
    assert [p["offers"] for p in people] == [["clauses sociales"], [], [], [], ["transport solidaire"]]
    assert grid.read_bytes() == before
    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert "row 4 skipped: “Groupe 2”" in english.stdout, english.stdout


def test_a_section_row_merged_over_two_columns_is_said_once(tmp_path: Path) -> None:
    """« Matin » merged over the participant and « Actions » cells (not the whole width): the
    import said both « ligne 2 : la cellule fusionnée … est lue comme « Participant »
    seulement » and « ligne 2 ignorée », a row read and not read. Said once now: left out."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=len(SECTIONED), cols=len(SECTIONED[0]))
    for r, row in enumerate(SECTIONED):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(1, 1))  # « Matin »
    table.cell(3, 0).merge(table.cell(3, 2))  # « Groupe 2 »
    grid, target = tmp_path / "grille.docx", tmp_path / "g.atelier"
    document.save(str(grid))
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Import : 5 participants" in out, out
    for line, text in ((2, "Matin"), (4, "Groupe 2")):
        said = [s for s in out.splitlines() if f"ligne {line} " in s or f"ligne {line}:" in s]
        assert len(said) == 1 and f"ligne {line} ignorée : « {text} »" in said[0], out


@pytest.mark.parametrize(
    ("above", "title"),
    [("Matin", None), ("Groupe 1 : mobilité", None), ("Atelier 2 : mobilité", "Atelier 2 : mobilité")],
)
def test_a_section_heading_above_the_grid_is_not_the_workshop_s_title(
    tmp_path: Path, above: str, title: str | None
) -> None:
    """A sheet of the morning's group then the afternoon's, « Matin » above the first header:
    the workshop was titled « Matin », on the minutes' cover and in the window. A heading of
    a group or a time of day is no title (the file's name is taken, and said); a workshop's
    own title that starts « Atelier 2 » still is."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([above])
    for row in SECTIONED[:3]:
        sheet.append([c or None for c in row])
    grid, target = tmp_path / "grille.xlsx", tmp_path / "mars.atelier"
    book.save(grid)
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    workshop = json.loads(run_cli("export", str(target), "--json", "-").stdout)["workshops"][0]
    if title is None:
        assert workshop["title"] == "mars", workshop["title"]
        assert "Titre repris du nom du fichier" in done.stdout, done.stdout
    else:
        assert workshop["title"] == title
    assert [p["names"] for p in workshop["participants"]] == [["Anne Martin"]]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_section_heading_typed_in_another_column_is_no_one_s_item(tmp_path: Path, kind: str) -> None:
    """« Groupe 2 » typed in the « Défis » column of an otherwise empty row: the row was read
    as the rest of Anne Martin's (no participant), « Groupe 2 » one of her challenges. It is
    left out and said as the heading it is; « Atelier 3 : CV » under « Actions » is still
    Anne's action."""
    further = ["", "Atelier 3 : CV", "", "", ""]
    rows = [*(list(r) for r in SECTIONED[:3]), further, ["", "", "Groupe 2", "", ""], list(SECTIONED[4])]
    grid = _sectioned(kind, tmp_path, rows)
    target = tmp_path / "g.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "ligne 5 ignorée : « Groupe 2 » est un intertitre" in out, out
    assert "ligne 4 rattachée à la ligne précédente (Anne Martin)" in out, out
    people = json.loads(run_cli("export", str(target), "--json", "-").stdout)["workshops"][0]["participants"]
    assert [(p["names"], p["actions"], p["challenges"]) for p in people] == [
        (["Anne Martin"], ["forum emploi", "Atelier 3 : CV"], ["recruter"]),
        (["Paul Durand"], ["atelier CV"], []),
    ], people


COUNTED = ["TOTAL", "Total participants : 12", "Nombre de participants : 12", "12 participants", "Sous-total"]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx"])
def test_a_count_under_the_grid_is_no_participant(tmp_path: Path, kind: str) -> None:
    """« TOTAL », « Total participants : 12 », « 12 participants » typed under the grid in the
    participant's column, the other cells empty: each was a participant (a structure « TOTAL »),
    « Import : 7 participants » for two people, listed in the minutes. Such a row is a count,
    left out and said; a participant who said nothing is still one."""
    rows = [
        ["Participant", "Actions", "Défis", "Besoins", "Ressources"],
        ["Anne Martin / PLIE", "forum emploi", "mobilité", "un local", "clauses sociales"],
        ["Karim Haddad (Cap emploi)", "", "", "", ""],
        *([label, "", "", "", ""] for label in COUNTED),
    ]
    grid = _sectioned(kind, tmp_path, rows)
    target = tmp_path / "g.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ")
    assert "Import : 2 participants" in out, out
    for line, label in enumerate(COUNTED, start=4):
        assert f"ligne {line} ignorée : « {label} » est un total et non un participant" in out, out
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    people = [p["names"] for w in exported["workshops"] for p in w["participants"]]
    assert people == [["Anne Martin"], ["Karim Haddad"]], people
    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert "row 4 skipped: “TOTAL” is a total, not a participant" in english.stdout, english.stdout
