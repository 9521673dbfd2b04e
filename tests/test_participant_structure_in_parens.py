"""« Anne Roux (Mairie de Langon) », the most common way a facilitator writes who came: the
collectivity, the company or the body in parentheses after the person is where she works.
It was read as her territory, with no structure: the minutes printed no structure and « venus
de N territoires » counted « Sous-préfecture de Langon » or a SARL as a territory, while
« Anne Roux / Mairie de Langon » and « Anne Roux, Mairie de Langon » gave the structure
« Mairie de Langon » on Langon. The three spellings now read alike. A place in parentheses
(« (Grand Angoulême) », « (Lot-et-Garonne) ») stays the place. Imported from a real CSV grid
by the CLI, read back from the .atelier (probe38 P2)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

STRUCTURES = [
    "Mairie de Langon",
    "Ville de Floirac",
    "Commune de Bazas",
    "Département de la Gironde",
    "Région Nouvelle-Aquitaine",
    "Sous-préfecture de Langon",
    "Agglo d'Agen",
    "Bordeaux Métropole",
    "Communauté de communes du Réolais",
    "SARL Vert Paysage",
    # The Région or the Département alone, by its abbreviation or its number: the council she
    # works for (« (Région N-A) » was her territory, « (CD 33) » made her « Anne Roux (CD »).
    "Région N-A",
    "Région",
    "Département",
    "Département 33",
    "CD 33",
]
PLACES = ["Grand Angoulême", "Lot-et-Garonne", "Hautes-Pyrénées"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], str, str, str]]:
    from atelier.store import Store

    folder = tmp_path_factory.mktemp("in_parens")
    grid, workshop = folder / "grille.csv", folder / "a.atelier"
    rows = ["Participant;Besoins;Ressources"]
    for number, said in enumerate(STRUCTURES + PLACES):
        rows += [f"Anne Roux ({said});Besoin {number};Ressource {number}"]
        rows += [f"Anne Roux / {said};Besoin {number};Ressource {number}"]
        rows += [f"Anne Roux, {said};Besoin {number};Ressource {number}"]
    rows += ["Mme Dupont, M. Petit (Mairie de Blaye);Bénévoles;Locaux"]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        return {
            p.source_text: (p.names, p.organisation, p.territory, p.role) for p in store.participants(only.id)
        }


@pytest.mark.parametrize("structure", STRUCTURES)
def test_a_structure_in_parentheses_after_a_person_is_hers(
    imported: dict[str, tuple[list[str], str, str, str]], structure: str
) -> None:
    names, organisation, _territory, role = imported[f"Anne Roux ({structure})"]
    assert (names, organisation, role) == (["Anne Roux"], structure, "")
    # As the other spellings of the same cell read it, territory too (« Langon », « Réolais »).
    assert imported[f"Anne Roux ({structure})"] == imported[f"Anne Roux / {structure}"]
    assert imported[f"Anne Roux ({structure})"] == imported[f"Anne Roux, {structure}"]


def test_the_territory_is_the_one_the_structure_names() -> None:
    from atelier.importers.participant import parse_participant

    assert parse_participant("Anne Roux (Mairie de Langon)").territory == "Langon"
    assert parse_participant("Anne Roux (Communauté de communes du Réolais)").territory == "Réolais"
    assert parse_participant("Léa Vert (SARL Vert Paysage)").territory == ""


@pytest.mark.parametrize("place", PLACES)
def test_a_place_in_parentheses_stays_the_place(
    imported: dict[str, tuple[list[str], str, str, str]], place: str
) -> None:
    assert imported[f"Anne Roux ({place})"] == (["Anne Roux"], "", place, "")


def test_two_people_then_their_mairie() -> None:
    from atelier.importers.participant import parse_participant

    parsed = parse_participant("Mme Dupont, M. Petit (Mairie de Blaye)")
    assert (parsed.names, parsed.organisation, parsed.territory) == (
        ["Mme Dupont", "M. Petit"],
        "Mairie de Blaye",
        "Blaye",
    )


def test_a_structure_before_the_person_keeps_the_parenthesis_as_its_place() -> None:
    from atelier.importers.participant import parse_participant

    parsed = parse_participant("Mission locale (Communauté de communes du Réolais)")
    assert (parsed.organisation, parsed.territory) == ("Mission locale", "Communauté de communes du Réolais")
