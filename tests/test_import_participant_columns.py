"""A grid that gives a participant's parts columns of their own (« Nom | Structure |
Territoire | Fonction | Besoins… », or « Prénom | Nom | … ») is read part by part: the
person is a person, the structure their structure, the territory theirs. Before, only one
column was the participant's: « Karim » became an organisation and the real structure and
territory were left out (with a warning, but the people in the file were wrong)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from atelier.domain import Participant
from atelier.importers import PARTICIPANT, STRUCTURE, TERRITORY, plan_file
from atelier.importers.grid import parse_columns_option
from atelier.store import Store
from tests.conftest import run_cli


def _imported(tmp_path: Path, grid: Path) -> tuple[list[Participant], str]:
    target = tmp_path / "atelier.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    with Store.open(target, readonly=True) as store:
        people = store.participants(store.workshops()[0].id)
    return people, (done.stdout + done.stderr).replace("\u00a0", " ")


def test_name_structure_and_territory_columns_each_fill_their_part(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Structure;Nom;Territoire;Actions engagées;Besoins;Je peux être ressource sur\n"
        "Mission locale;Karim;Pau;Forum de l'emploi;Des locaux;Les ateliers CV\n"
        "CAF;Zoé Martin et Loïc Bérard;64;Aides aux familles;Des bénévoles;La garde d'enfants\n"
        "PLIE des Landes;;Mont-de-Marsan;Parcours renforcés;Des entreprises;\n",
        encoding="utf-8",
    )
    people, said = _imported(tmp_path, grid)
    read = [(p.names, p.organisation, p.territory) for p in people]
    assert read == [
        (["Karim"], "Mission locale", "Pau"),
        (["Zoé Martin", "Loïc Bérard"], "CAF", "64"),
        ([], "PLIE des Landes", "Mont-de-Marsan"),
    ], read
    assert "non importée" not in said, said
    assert "1 « Structure » → structure" in said and "3 « Territoire » → territoire" in said, said


def test_first_name_last_name_and_role_columns_in_excel(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Prénom", "Nom", "Organisme", "Fonction", "Nos actions", "Nos besoins"])
    sheet.append(["Karim", "Benali", "PLIE", "Chargé de mission", "Forum", "Des locaux"])
    sheet.append(["Zoé", "Martin", "CAF", "Directrice", "Aides", "Du réseau"])
    grid = tmp_path / "grille.xlsx"
    book.save(grid)
    people, said = _imported(tmp_path, grid)
    read = [(p.names, p.organisation, p.role) for p in people]
    assert read == [(["Karim Benali"], "PLIE", "Chargé de mission"), (["Zoé Martin"], "CAF", "Directrice")], (
        read
    )
    assert "non importée" not in said, said


def test_a_column_headed_nom_holds_people_unless_it_names_a_structure(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Actions;Besoins\nKarim;Forum;Des locaux\nMission locale des Landes;Ateliers;Du réseau\n",
        encoding="utf-8",
    )
    people, _said = _imported(tmp_path, grid)
    assert [(p.names, p.organisation) for p in people] == [
        (["Karim"], ""),
        ([], "Mission locale des Landes"),
    ]


def test_one_participant_column_is_read_as_before(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Besoins\nÉlodie Mérignac, Mission locale (Landes);Des locaux\nPôle emploi;Du réseau\n",
        encoding="utf-8",
    )
    people, _said = _imported(tmp_path, grid)
    assert [(p.names, p.organisation, p.territory) for p in people] == [
        (["Élodie Mérignac"], "Mission locale", "Landes"),
        ([], "Pôle emploi", ""),
    ]


def test_the_import_dialogs_columns_keep_the_parts(tmp_path: Path) -> None:
    """The dialog hands its columns to the import as --columns: the parts must survive it."""
    from atelier.ui.import_dialog import mapping_option

    grid = tmp_path / "grille.csv"
    grid.write_text("Structure;Nom;Territoire;Besoins\nCAF;Zoé Martin;64;Des locaux\n", encoding="utf-8")
    plan = plan_file(grid)
    assert plan.mapping == {0: STRUCTURE, 1: PARTICIPANT, 2: TERRITORY, 3: "need"}
    assert parse_columns_option(mapping_option(plan.mapping), plan.headers) == plan.mapping


def test_mail_and_phone_columns_are_the_contact(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Structure;Mail;Téléphone;Besoins\n"
        "Karim Benali;PLIE;k.benali@plie.fr;06 12 34 56 78;Des locaux\n"
        "Zoé Martin;CAF;;;Du réseau\n",
        encoding="utf-8",
    )
    people, said = _imported(tmp_path, grid)
    assert [(p.names, p.contact) for p in people] == [
        (["Karim Benali"], "k.benali@plie.fr · 06 12 34 56 78"),
        (["Zoé Martin"], ""),
    ]
    assert "non importée" not in said, said


def test_the_columns_line_quotes_headers_in_the_users_language(tmp_path: Path) -> None:
    """« » and their no-break spaces in French; “ ” in English, as every other English message."""
    grid = tmp_path / "grille.csv"
    grid.write_text("Structure;Nom;Besoins\nCAF;Zoé Martin;Des locaux\n", encoding="utf-8")
    french = run_cli("import", str(grid), "-o", str(tmp_path / "fr.atelier"))
    assert "1 «\u00a0Structure\u00a0» → structure, 2 «\u00a0Nom\u00a0» → participant" in french.stdout, (
        french.stdout
    )
    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert english.stdout.startswith(
        "Columns: 1 “Structure” → organisation, 2 “Nom” → participant, 3 “Besoins” → needs\n"
    ), english.stdout
    assert "«" not in english.stdout and "\u00a0" not in english.stdout, english.stdout
