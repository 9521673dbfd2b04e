"""Participant cells read wrong, found earlier. A structure written all in capitals gave its
area in capitals: « JULIE ROY / PLIE DU MARSAN » was on « MARSAN » while « Julie Roy / PLIE du
Marsan » is on « Marsan », two territories in the minutes for one. In a column of people
(« Nom »), « M. le Maire », « Mme la Présidente » were people named so: they are a function,
no one's name. Imported from a real CSV grid by the CLI, read back from the .atelier."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

# A participant column: the cell, then its people, structure, territory.
CAPITALS = [
    ("JULIE ROY / PLIE DU MARSAN", ["JULIE ROY"], "PLIE DU MARSAN", "Marsan"),
    ("Julie Roy / PLIE du Marsan", ["Julie Roy"], "PLIE du Marsan", "Marsan"),
    ("PAUL PETIT / GRAND DAX", ["PAUL PETIT"], "GRAND DAX", "Grand Dax"),
    ("LÉA VERT / CA DE LA ROCHELLE", ["LÉA VERT"], "CA DE LA ROCHELLE", "La Rochelle"),
    ("ANNE ROUX / CC D'AIRE-SUR-L'ADOUR", ["ANNE ROUX"], "CC D'AIRE-SUR-L'ADOUR", "Aire-sur-l'Adour"),
    (
        "MARC BLANC / DÉPARTEMENT DES HAUTES-PYRÉNÉES",
        ["MARC BLANC"],
        "DÉPARTEMENT DES HAUTES-PYRÉNÉES",
        "Hautes-Pyrénées",
    ),
    ("LUC NOIR / RÉGION N-A", ["LUC NOIR"], "RÉGION N-A", "RÉGION N-A"),  # an abbreviation, as written
]
# A column of people (« Nom »): the cell, then its people and role.
FUNCTIONS = [
    ("M. le Maire", [], "Maire"),
    ("Mme la Présidente", [], "Présidente"),
    ("Monsieur le Directeur", [], "Directeur"),
    ("Mme Maire", ["Mme Maire"], ""),  # Mme Maire, a person, as before
    ("Karim", ["Karim"], ""),
]


def _import(tmp_path, header: str, cells: list[str]) -> dict[str, tuple[list[str], str, str, str]]:
    from atelier.store import Store

    grid, workshop = tmp_path / "grille.csv", tmp_path / "a.atelier"
    rows = [f"{header};Besoins;Ressources"]
    rows += [f"{cell};Besoin {number};Ressource {number}" for number, cell in enumerate(cells)]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        return {
            p.source_text: (p.names, p.organisation, p.territory, p.role) for p in store.participants(only.id)
        }


@pytest.fixture(scope="module")
def capitals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], str, str, str]]:
    return _import(tmp_path_factory.mktemp("capitals"), "Participant", [c for c, *_ in CAPITALS])


@pytest.fixture(scope="module")
def functions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], str, str, str]]:
    return _import(tmp_path_factory.mktemp("functions"), "Nom", [c for c, *_ in FUNCTIONS])


@pytest.mark.parametrize(("cell", "people", "structure", "territory"), CAPITALS)
def test_a_structure_in_capitals_is_on_its_place_as_written(
    capitals, cell: str, people: list[str], structure: str, territory: str
) -> None:
    assert capitals[cell] == (people, structure, territory, "")


@pytest.mark.parametrize(("cell", "people", "role"), FUNCTIONS)
def test_a_function_in_a_column_of_people_is_no_one(
    functions, cell: str, people: list[str], role: str
) -> None:
    assert functions[cell] == (people, "", "", role)
