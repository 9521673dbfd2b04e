"""A care or medico-social establishment written before the person who works there
(« EHPAD Les Tilleuls - Marie Dupont », « Clinique du Parc / Jean Roy », « Crèche Les Petits
Pas Anne Martin »): the establishment is her structure, she is the person. « Crèche Les Petits
Pas Anne Martin » gave no one and the structure « Crèche Les Petits Pas Anne Martin » (said
« à vérifier »), « ehpad les tilleuls - Marie Dupont » the function « ehpad les tilleuls », and
« Anne Martin Crèche Les Petits Pas » the person « Anne Martin Crèche Les ». Imported from a
real CSV grid by the CLI, read back from the .atelier; the import's own report is read too."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

# The cell, the person, the structure: every separator a facilitator types (« - », « / »,
# « , », none), every kind of establishment, the case as typed.
STRUCTURE_FIRST = [
    ("EHPAD Les Tilleuls - Marie Dupont", "Marie Dupont", "EHPAD Les Tilleuls"),
    ("Clinique du Parc / Jean Roy", "Jean Roy", "Clinique du Parc"),
    ("Crèche Les Petits Pas Anne Martin", "Anne Martin", "Crèche Les Petits Pas"),
    ("Hôpital de Dax, Marie Dupont", "Marie Dupont", "Hôpital de Dax"),
    ("SSIAD du Marsan - Jean Roy", "Jean Roy", "SSIAD du Marsan"),
    ("IME Les Sources / Anne Martin", "Anne Martin", "IME Les Sources"),
    ("ESAT Les Ateliers, Paul Durand", "Paul Durand", "ESAT Les Ateliers"),
    ("Ehpad les Tilleuls Marie Dupont", "Marie Dupont", "Ehpad les Tilleuls"),
    ("ehpad les tilleuls - Marie Dupont", "Marie Dupont", "ehpad les tilleuls"),
    ("hôpital de Dax / Marie Dupont", "Marie Dupont", "hôpital de Dax"),
    ("Hôpital de Dax Marie Dupont", "Marie Dupont", "Hôpital de Dax"),
    ("Clinique du Parc Jean Roy", "Jean Roy", "Clinique du Parc"),
    ("Crèche Les Petits Pas, Anne Martin", "Anne Martin", "Crèche Les Petits Pas"),
    ("Micro-crèche Les Lutins - Anne Martin", "Anne Martin", "Micro-crèche Les Lutins"),
    ("CHU de Bordeaux / Anne Martin", "Anne Martin", "CHU de Bordeaux"),
    ("Hôpital Robert Debré / Anne Martin", "Anne Martin", "Hôpital Robert Debré"),
]
# A person written first reads as before: her name, then her structure.
PERSON_FIRST = [
    ("Marie Dupont - EHPAD Les Tilleuls", ["Marie Dupont"], "EHPAD Les Tilleuls", ""),
    ("Jean Roy / Clinique du Parc", ["Jean Roy"], "Clinique du Parc", ""),
    ("Anne Martin Crèche Les Petits Pas", ["Anne Martin"], "Crèche Les Petits Pas", ""),
    ("Jean Roy / PLIE du Marsan", ["Jean Roy"], "PLIE du Marsan", "Marsan"),
    ("Marie Dupont", ["Marie Dupont"], "", ""),
]
# An establishment named after someone, alone: the establishment, no person made up.
NAMED_AFTER = ["EHPAD Marie Curie", "Lycée Jean Moulin"]


@pytest.fixture(scope="module")
def imported(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, tuple[list[str], str, str, str]], str]:
    from atelier.store import Store

    folder = tmp_path_factory.mktemp("care")
    grid, workshop = folder / "grille.csv", folder / "a.atelier"
    cells = [c for c, *_ in STRUCTURE_FIRST] + [c for c, *_ in PERSON_FIRST] + NAMED_AFTER
    rows = ["Participant;Besoins;Ressources"]
    rows += [f"{cell};Besoin {number};Ressource {number}" for number, cell in enumerate(cells)]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        read = {
            p.source_text: (p.names, p.organisation, p.territory, p.role) for p in store.participants(only.id)
        }
    return read, done.stdout + done.stderr


@pytest.mark.parametrize(("cell", "person", "structure"), STRUCTURE_FIRST)
def test_the_establishment_before_her_is_her_structure(
    imported, cell: str, person: str, structure: str
) -> None:
    read, said = imported
    assert read[cell] == ([person], structure, "", "")
    assert f"« {cell} »" not in said  # nothing to check: not said « à vérifier »


@pytest.mark.parametrize(("cell", "people", "structure", "territory"), PERSON_FIRST)
def test_a_person_written_first_is_read_as_before(
    imported, cell: str, people: list[str], structure: str, territory: str
) -> None:
    read, _said = imported
    assert read[cell] == (people, structure, territory, "")


@pytest.mark.parametrize("cell", NAMED_AFTER)
def test_an_establishment_named_after_someone_makes_up_no_one(imported, cell: str) -> None:
    read, _said = imported
    assert read[cell] == ([], cell, "", "")
