"""Civilities (« Mme », « M. », « M. et Mme ») and the way a function is said (« Mme la
Maire », « Le Maire de Langon ») garbled the participant cell, reported as a success: « Mairie
de Blaye : Mme Dupont » had no person and the territory « Blaye : Mme Dupont », « M. et Mme
Martin (Ferme du Moulin) » became the structure « M. et Mme Martin », « Mme la Maire de Blaye »
the person « Mme la », « Le Maire de Langon, Jérôme Guillem » came from the territory « Le ».
A civility now starts a person; before a function it is no one. Imported from a real CSV grid
by the CLI, read back from the .atelier (probe38 P9)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

CELLS = [
    # (cell, names, structure, territory, function)
    ("Mairie de Blaye : Mme Dupont", ["Mme Dupont"], "Mairie de Blaye", "Blaye", ""),
    ("Mairie de Blaye : Mme Dupont, M. Petit", ["Mme Dupont", "M. Petit"], "Mairie de Blaye", "Blaye", ""),
    ("M. et Mme Martin / PLIE des Graves", ["M. Martin", "Mme Martin"], "PLIE des Graves", "Graves", ""),
    ("Mme la Maire de Blaye", [], "", "", "Maire de Blaye"),
    ("Le Maire de Langon, Jérôme Guillem", ["Jérôme Guillem"], "", "", "Maire de Langon"),
    ("M. le Directeur du PLIE", [], "PLIE", "", "Directeur"),
    # What already read right stays so.
    (
        "Mairie de Blaye : Anne Dupont, Paul Petit",
        ["Anne Dupont", "Paul Petit"],
        "Mairie de Blaye",
        "Blaye",
        "",
    ),
    ("Dr Sophie Laurent, médecin du travail", ["Sophie Laurent"], "", "", "médecin du travail"),
    ("Mme Lucie Leroy – CCAS de Pau", ["Lucie Leroy"], "CCAS de Pau", "", ""),
]


@pytest.fixture(scope="module")
def imported(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, tuple[list[str], str, str, str]], str]:
    from atelier.store import Store

    folder = tmp_path_factory.mktemp("civilities")
    grid, workshop = folder / "grille.csv", folder / "a.atelier"
    rows = ["Participant;Besoins;Ressources"]
    rows += [f'"{cell}";Bénévoles {n};Locaux {n}' for n, (cell, *_) in enumerate(CELLS)]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        read = {
            p.source_text: (p.names, p.organisation, p.territory, p.role) for p in store.participants(only.id)
        }
    return read, done.stdout + done.stderr


@pytest.mark.parametrize(("cell", "names", "structure", "territory", "function"), CELLS)
def test_each_part_of_the_cell_is_in_its_field(
    imported: tuple[dict[str, tuple[list[str], str, str, str]], str],
    cell: str,
    names: list[str],
    structure: str,
    territory: str,
    function: str,
) -> None:
    assert imported[0][cell] == (names, structure, territory, function)


def test_the_import_says_the_couple_is_two_people(
    imported: tuple[dict[str, tuple[list[str], str, str, str]], str],
) -> None:
    assert "M. Martin et Mme Martin" in imported[1]
