"""A participant cell written as an attendance list writes it: the function and the structure
first, then the name (« Directeur du PLIE, Hervé Lambert »), the name then the function « à
la » structure (« Anne Martin, chargée de mission à la mission locale de Dax »), a civility
and a dash (« Mme Sophie Marty – CCAS de Pau »), the surname in capitals and the structure
in parentheses (« LAMBERT Hervé (PLIE Sud Landes) »). The structure was lost in the
function (Structure empty, Fonction « Directeur du PLIE »): the minutes, the directory and
the matching across workshops did not know where Hervé Lambert works. Imported from a real
Word grid by the CLI, read back from the .atelier."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

CELLS = [
    # (cell, names, structure, territory, function)
    ("Directeur du PLIE, Hervé Lambert", ["Hervé Lambert"], "PLIE", "", "Directeur"),
    ("Hervé LAMBERT, Directeur du PLIE", ["Hervé LAMBERT"], "PLIE", "", "Directeur"),
    ("Directrice du CCAS, Anne Martin", ["Anne Martin"], "CCAS", "", "Directrice"),
    ("Directrice de la MDE, Julie Blanc", ["Julie Blanc"], "MDE", "", "Directrice"),
    ("Directeur de l'AFPA, Paul Durand", ["Paul Durand"], "AFPA", "", "Directeur"),
    ("Directeur du PLIE Sud Landes, Marc Roux", ["Marc Roux"], "PLIE Sud Landes", "Sud Landes", "Directeur"),
    (
        "Sophie Marty, chargée de mission à la mission locale de Dax",
        ["Sophie Marty"],
        "mission locale de Dax",
        "Dax",
        "chargée de mission",
    ),
    (
        "Karim Haddad, chargée de mission à la Mission locale du Grand Dax",
        ["Karim Haddad"],
        "Mission locale du Grand Dax",
        "Grand Dax",
        "chargée de mission",
    ),
    ("Mme Lucie Leroy – CCAS de Pau", ["Lucie Leroy"], "CCAS de Pau", "", ""),
    (
        "Mme Claire Petit – Maison de l'emploi du Médoc",
        ["Claire Petit"],
        "Maison de l'emploi du Médoc",
        "Médoc",
        "",
    ),
    ("GIRARD Paul (PLIE des Graves)", ["GIRARD Paul"], "PLIE des Graves", "Graves", ""),
    ("Directrice de la CAF, Inès Morel", ["Inès Morel"], "CAF", "", "Directrice"),
    # What already read right stays so: « Pôle » after « de » is a part of the function, and
    # so is a scheme's acronym (« RSA », « FSE »): no structure is made of them.
    ("Référente RSA, Léa Garnier", ["Léa Garnier"], "", "", "Référente RSA"),
    ("Chargée de mission du FSE, Emma Faure", ["Emma Faure"], "", "", "Chargée de mission du FSE"),
    ("Responsable de Pôle, Nadia Benali", ["Nadia Benali"], "", "", "Responsable de Pôle"),
]


def _word_grid(path: Path, cells: list[str]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier du 12 mars 2024 – Dax")
    table = document.add_table(rows=1, cols=5)
    for cell, title in zip(
        table.rows[0].cells,
        ["Participant", "Actions engagées", "Défis", "Besoins de ressources", "Peut être ressource sur"],
        strict=True,
    ):
        cell.text = title
    for number, who in enumerate(cells):
        row = table.add_row().cells
        row[0].text = who
        row[1].text = f"Un forum de l'emploi n° {number + 1}"
    document.save(str(path))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], str, str, str]]:
    from atelier.store import Store

    folder = tmp_path_factory.mktemp("role_first")
    grid, workshop = folder / "grille.docx", folder / "a.atelier"
    _word_grid(grid, [cell for cell, *_ in CELLS])
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        return {
            p.source_text: (p.names, p.organisation, p.territory, p.role) for p in store.participants(only.id)
        }


@pytest.mark.parametrize(("cell", "names", "structure", "territory", "function"), CELLS)
def test_the_person_and_the_structure_are_each_in_their_field(
    imported: dict[str, tuple[list[str], str, str, str]],
    cell: str,
    names: list[str],
    structure: str,
    territory: str,
    function: str,
) -> None:
    assert imported[cell] == (names, structure, territory, function)
