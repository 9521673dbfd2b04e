"""A word alone in a participant cell, or alone beside a structure, is read as a person when it
is a known first name (« Anne / PLIE » is Anne of the PLIE). The list of first names grew with
INSEE's rarely given ones, and with them came words that name firms and brands as often as
people: « Colas / PLIE » (the building firm Colas; a Breton first name too) and « Chanel » were
imported as the people « Colas » and « Chanel », nothing said. A first name that is rarely given
(outside Faker's lists and INSEE's thousand most given to women or to men), alone, with no
surname or civility to say it is a person's, is still read as a person but said « à vérifier »
in the import's report, in French and English; a common first name alone (« Anne », « Karim »)
and a rare one with a surname (« Colas Le Goff ») are not. Imported from a CSV grid by the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.importers.participant import lone_name_to_check, parse_participant
from tests.conftest import run_cli

UNSURE = ["Colas / PLIE", "Chanel", "PLIE du Marsan / Zara", "Cora et Anne / CCAS"]
SURE = ["Anne / PLIE", "Karim", "Anne et Julien / CCAS", "Colas Le Goff / PLIE", "Mme Chanel Roux"]


@pytest.mark.parametrize("cell", UNSURE)
def test_a_rare_first_name_alone_is_a_person_to_check(cell: str) -> None:
    parsed = parse_participant(cell)
    assert lone_name_to_check(parsed) in parsed.names


@pytest.mark.parametrize("cell", SURE)
def test_a_common_first_name_alone_or_a_whole_name_is_not(cell: str) -> None:
    parsed = parse_participant(cell)
    assert parsed.names
    assert lone_name_to_check(parsed) == ""


def _import(folder: Path, lang: str) -> str:
    grid, workshop = folder / f"grille-{lang}.csv", folder / f"a-{lang}.atelier"
    rows = ["Participant;Besoins;Ressources"]
    rows += [f"{cell};Besoin {n};Ressource {n}" for n, cell in enumerate(UNSURE + SURE)]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("rare_first_name")
    return {lang: _import(folder, lang) for lang in ("fr", "en")}


def test_the_import_says_which_lone_names_to_check(said: dict[str, str]) -> None:
    assert (
        "ligne 2\xa0: «\xa0Colas\xa0», seul et prénom peu donné, lu comme une personne "
        "(une structure, une marque\u202f?), à vérifier"
    ) in said["fr"]
    assert "ligne 3\xa0: «\xa0Chanel\xa0», seul et prénom peu donné" in said["fr"]
    assert "ligne 4\xa0: «\xa0Zara\xa0», seul et prénom peu donné" in said["fr"]
    assert "ligne 5\xa0: «\xa0Cora\xa0», seul et prénom peu donné" in said["fr"]
    assert said["fr"].count("prénom peu donné") == len(UNSURE)
    assert (
        "row 2: “Colas”, alone and a rarely given first name, read as a person (a structure, a "
        "brand?), please check"
    ) in said["en"]
    assert said["en"].count("rarely given first name") == len(UNSURE)


def test_a_column_of_first_names_says_it_as_the_window_marks_it(tmp_path: Path) -> None:
    """« Colas » alone in a « Prénom » column, its structure in a column of its own: the window
    marked the row « à vérifier » (the cell as typed reads « Colas / PLIE ») while the import's
    report said nothing of it. Both say it now; a whole name (« Chanel », « Roux ») does not."""
    grid, workshop = tmp_path / "colonnes.csv", tmp_path / "colonnes.atelier"
    grid.write_text(
        "Prénom;Nom;Structure;Besoins\nColas;;PLIE;Un local\nChanel;Roux;CCAS;Stages\n", encoding="utf-8"
    )
    done = run_cli("import", str(grid), "-o", str(workshop), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert "ligne 2\xa0: «\xa0Colas\xa0», seul et prénom peu donné" in said, said
    assert said.count("prénom peu donné") == 1, said
