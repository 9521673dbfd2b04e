"""A function of several words written after a comma stays whole: « EHPAD Les Tilleuls -
Marie Dupont, infirmière coordinatrice » is Marie Dupont, of the EHPAD Les Tilleuls,
« infirmière coordinatrice ». It gave the structure « infirmière - EHPAD Les Tilleuls » and the
function « coordinatrice » (printed so in the minutes), and the same person written twice was
not said twice. Imported from a real CSV grid by the CLI, read back from the .atelier; the
import's own report is read too."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

# The cell, the person, the structure, the function, as a facilitator types them.
CELLS = [
    ("Marie Dupont - EHPAD Les Tilleuls", "Marie Dupont", "EHPAD Les Tilleuls", ""),
    (
        "EHPAD Les Tilleuls - Marie Dupont, infirmière coordinatrice",
        "Marie Dupont",
        "EHPAD Les Tilleuls",
        "infirmière coordinatrice",
    ),
    (
        "Marie Dupont, infirmière coordinatrice, EHPAD Les Tilleuls",
        "Marie Dupont",
        "EHPAD Les Tilleuls",
        "infirmière coordinatrice",
    ),
    (
        "Anne Roy, Infirmière coordinatrice, Hôpital de Dax",
        "Anne Roy",
        "Hôpital de Dax",
        "Infirmière coordinatrice",
    ),
    (
        "Clinique du Parc - Léa Petit, aide-soignante référente",
        "Léa Petit",
        "Clinique du Parc",
        "aide-soignante référente",
    ),
    # In a parenthesis: the function without the comma after it.
    (
        "Paul Martin (infirmier coordinateur, EHPAD Les Tilleuls)",
        "Paul Martin",
        "EHPAD Les Tilleuls",
        "infirmier coordinateur",
    ),
    # Functions that were whole already stay so.
    (
        "Mission locale - Julie Roy, conseillère en insertion professionnelle",
        "Julie Roy",
        "Mission locale",
        "conseillère en insertion professionnelle",
    ),
    ("Paul Durand, chargé de mission emploi, PLIE", "Paul Durand", "PLIE", "chargé de mission emploi"),
    ("Hôpital de Dax - Jean Roy, cadre de santé", "Jean Roy", "Hôpital de Dax", "cadre de santé"),
    ("EHPAD Les Tilleuls - Anne Martin, directrice", "Anne Martin", "EHPAD Les Tilleuls", "directrice"),
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, tuple[list[str], str, str]], str]:
    from atelier.store import Store

    folder = tmp_path_factory.mktemp("function")
    grid, workshop = folder / "grille.csv", folder / "a.atelier"
    rows = ["Participant;Besoins"]
    rows += [f"{cell};Besoin {number}" for number, (cell, *_) in enumerate(CELLS)]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        read = {p.source_text: (p.names, p.organisation, p.role) for p in store.participants(only.id)}
    return read, done.stdout + done.stderr


@pytest.mark.parametrize(("cell", "person", "structure", "function"), CELLS)
def test_a_function_of_several_words_stays_whole(
    imported, cell: str, person: str, structure: str, function: str
) -> None:
    read, _said = imported
    assert read[cell] == ([person], structure, function)


def test_the_same_person_written_twice_is_said(imported) -> None:
    # Lines 2 and 3 of the grid name Marie Dupont of the EHPAD Les Tilleuls.
    _read, said = imported
    assert "ligne 3\xa0: «\xa0Marie Dupont\xa0» figure déjà ligne 2" in said
