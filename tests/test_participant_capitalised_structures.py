"""A structure whose name is written in capitalised words (« Groupe SOS Solidarités »,
« Secours Populaire », « Croix Rouge ») is the row's structure, never a person's name. What
was wrong: « Groupe SOS Solidarités » was a person « Groupe SOS » of a structure
« Solidarités »; « Secours Populaire », « Restos du Coeur », « Emmaüs Connect » were people,
masked as « Personne 3 » in an anonymised document and listed among those who came. A
person's name starts with a known first name, a civility, or has its surname in capitals
(« Anne Martin », « Mme Nguyen Thi Lan », « Ndeye FALL », « LOUIS Myriam »), or with a first
name Atelier's list does not hold, that is no word of everyday French (« Fatou Diallo »,
« Soizic Legall »: the list misses many); a name whose first word is one (« Secours », « Croix »)
is a person only where the cell names a structure beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier.importers.participant import parse_participant
from tests.conftest import run_cli

# Cell → structure, role: no one named.
STRUCTURES = [
    ("Groupe SOS Solidarités", "Groupe SOS Solidarités", ""),
    ("Groupe SOS Solidarités – Chargée de mission", "Groupe SOS Solidarités", "Chargée de mission"),
    ("Groupe SOS", "Groupe SOS", ""),
    ("Mission Locale Sud Landes", "Mission Locale Sud Landes", ""),
    ("Pôle emploi Grand Dax", "Pôle emploi Grand Dax", ""),
    ("Maison de l'emploi", "Maison de l'emploi", ""),
    ("Cap Emploi 40", "Cap Emploi 40", ""),
    ("France Travail", "France Travail", ""),
    ("Association Emmaüs", "Association Emmaüs", ""),
    ("Conseil départemental", "Conseil départemental", ""),
    ("Secours Populaire", "Secours Populaire", ""),
    ("Secours Populaire - bénévole", "Secours Populaire", "bénévole"),
    ("Restos du Coeur", "Restos du Coeur", ""),
    ("Emmaüs Connect", "Emmaüs Connect", ""),
    ("Croix Rouge", "Croix Rouge", ""),
    ("Habitat Jeunes Dax", "Habitat Jeunes Dax", ""),
    ("Landes Insertion", "Landes Insertion", ""),
    ("Solidarité Femmes", "Solidarité Femmes", ""),
    ("Garage Martin", "Garage Martin", ""),
    ("SARL Martin", "SARL Martin", ""),
]

# Cell → people, structure: people still read as people.
PEOPLE = [
    ("Anne Martin / PLIE", ["Anne Martin"], "PLIE"),
    ("Myriam LOUIS, CCAS", ["Myriam LOUIS"], "CCAS"),
    ("LOUIS Myriam", ["LOUIS Myriam"], ""),
    ("Ndeye FALL / Mission locale", ["Ndeye FALL"], "Mission locale"),  # a surname in capitals
    ("Soizic Legall / PLIE", ["Soizic Legall"], "PLIE"),  # beside the structure the cell names
    ("Mme Nguyen Thi Lan", ["Nguyen Thi Lan"], ""),  # a civility
    ("Nguyen Van Minh / Cap emploi 40", ["Nguyen Van Minh"], "Cap emploi 40"),
    ("Anne Martin et Paul Durand (CCAS)", ["Anne Martin", "Paul Durand"], "CCAS"),
    ("Anne Martin, Groupe SOS Solidarités", ["Anne Martin"], "Groupe SOS Solidarités"),
    # An initial is a person's (« A. Martin », « J.-P. Durand »), whatever the structure's words.
    ("A. Martin / Plan Local des Graves", ["A. Martin"], "Plan Local des Graves"),
    ("A. Martin", ["A. Martin"], ""),
    # A grid's placeholder for a person (« Personne 12 », as anonymised documents write them).
    ("Personne31 Nom", ["Personne31 Nom"], ""),
    # A first name the list does not hold, no French word: a person, alone or not.
    ("Fatou Diallo", ["Fatou Diallo"], ""),
    ("Soizic Legall", ["Soizic Legall"], ""),
    ("Fatou Diallo / Croix-Rouge", ["Fatou Diallo"], "Croix-Rouge"),
    ("Maïwenn Le Roux - chargée de mission", ["Maïwenn Le Roux"], ""),
    ("Amadou Berger", ["Amadou Berger"], ""),
]


@pytest.mark.parametrize(("cell", "organisation", "role"), STRUCTURES)
def test_a_capitalised_structure_is_no_person(cell: str, organisation: str, role: str) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation, parsed.role) == ([], organisation, role), parsed


@pytest.mark.parametrize(("cell", "names", "organisation"), PEOPLE)
def test_a_person_is_still_a_person(cell: str, names: list[str], organisation: str) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation), parsed


def test_a_list_of_people_stops_at_a_capitalised_structure() -> None:
    """« Anne Martin, Secours Populaire, bénévole »: one person, of the Secours Populaire."""
    parsed = parse_participant("Anne Martin, Secours Populaire, bénévole")
    assert (parsed.names, parsed.organisation, parsed.role) == (
        ["Anne Martin"],
        "Secours Populaire",
        "bénévole",
    ), parsed


def test_an_imported_grid_names_the_structures_as_structures(tmp_path: Path) -> None:
    """Imported then exported: the structures are no one's name and are not counted among the
    people; the people are."""
    grid, path, out = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "a.json"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Groupe SOS Solidarités – Chargée de mission;Chantier d'insertion;;;Accompagnement\n"
        "Secours Populaire;Aide alimentaire;;;\n"
        "Anne Martin / PLIE;Forum emploi;;Financement FSE;\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(path))
    assert done.returncode == 0, done.stderr
    assert run_cli("export", "--json", str(out), str(path)).returncode == 0
    participants = json.loads(out.read_text(encoding="utf-8"))["workshops"][0]["participants"]
    read = [(p["names"], p["organisation"]) for p in participants]
    assert read == [
        ([], "Groupe SOS Solidarités"),
        ([], "Secours Populaire"),
        (["Anne Martin"], "PLIE"),
    ], read
