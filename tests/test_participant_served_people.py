"""« Mission Locale des Jeunes du Libournais - Marie Dupont » was on the territory « Jeunes du
Libournais »: the minutes said she came from « Jeunes du Libournais ». Who a Mission locale
serves, written in its name before its area (« des Jeunes », « pour l'insertion des jeunes »),
is not its area: she is on « Libournais ». Imported from a real Excel grid by the CLI, read back
from the .atelier (probe38 P9, p15)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

CELLS = [
    ("Mission Locale des Jeunes du Libournais - Marie Dupont", "Libournais"),
    ("Paul Petit / Mission locale pour l'insertion des jeunes du Médoc", "Médoc"),
    ("Anne Roux, Mission locale des Jeunes", ""),
    ("Julie Blanc / Mission locale des Landes", "Landes"),
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    import openpyxl

    from atelier.store import Store

    folder = tmp_path_factory.mktemp("served_people")
    grid, workshop = folder / "grille.xlsx", folder / "a.atelier"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Participant", "Besoins", "Ressources"])
    for number, (cell, _territory) in enumerate(CELLS):
        sheet.append([cell, f"Besoin {number}", f"Ressource {number}"])
    book.save(grid)
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        return {p.source_text: p.territory for p in store.participants(only.id)}


@pytest.mark.parametrize(("cell", "territory"), CELLS)
def test_the_territory_is_the_area_not_who_is_served(
    imported: dict[str, str], cell: str, territory: str
) -> None:
    assert imported[cell] == territory
