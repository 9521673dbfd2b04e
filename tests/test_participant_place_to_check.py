"""« M. Jean Martin (Ferme du Moulin) »: the parenthesis was read as his territory and the
import said nothing, so the minutes counted a farm among the territories the participants came
from. A parenthesis after the people that names neither a place Atelier knows (commune, EPCI,
département, région, an area's word) nor a structure is now said « à vérifier » in the
import's report, in French and English; a known place is not. Imported from a real CSV grid by
the CLI (probe38 P9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

UNSURE = ["M. Jean Martin (Ferme du Moulin)", "Anne Roux (Les Jardins de Cocagne)"]
KNOWN = [
    "Paul Petit (Lot-et-Garonne)",
    "Julie Blanc (Sud Gironde)",
    "Marc Roux (Bassin d'Arcachon)",
    "Lucie Leroy (Grand Angoulême)",
    "Nadia Benali (Val de Garonne)",
]


def _import(folder: Path, lang: str) -> str:
    grid, workshop = folder / f"grille-{lang}.csv", folder / f"a-{lang}.atelier"
    rows = ["Participant;Besoins;Ressources"]
    rows += [f"{cell};Besoin {n};Ressource {n}" for n, cell in enumerate(UNSURE + KNOWN)]
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("place_to_check")
    return {lang: _import(folder, lang) for lang in ("fr", "en")}


def test_a_farm_read_as_a_territory_is_said_to_check(said: dict[str, str]) -> None:
    assert (
        "ligne 2\xa0: «\xa0Ferme du Moulin\xa0», lu comme territoire, n'est pas un lieu connu "
        "(une structure\u202f?), à vérifier"
    ) in said["fr"]
    assert "«\xa0Les Jardins de Cocagne\xa0», lu comme territoire" in said["fr"]
    assert (
        "row 2: “Ferme du Moulin”, read as a territory, is no known place (a structure?), please check"
        in (said["en"])
    )


@pytest.mark.parametrize("cell", KNOWN)
def test_a_known_place_is_not(said: dict[str, str], cell: str) -> None:
    place = cell.split("(")[1].rstrip(")")
    assert f"«\xa0{place}\xa0»" not in said["fr"]
