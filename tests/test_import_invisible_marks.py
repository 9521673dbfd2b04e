"""Characters a person never sees as such in a grid cell, imported through the command line:
bidirectional controls (a right-to-left override pasted with a name shows « Zoé Reverse »
while the file holds « esreveR ») are left out like zero-width spaces, so the cell splits
into person and structure and searching finds what is shown; a NUL between two words
leaves them two words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_import_fidelity import HEADERS, _all_text, _import, _people

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


# An isolate around a name, as chat applications paste one; a right-to-left override.
@pytest.mark.parametrize(
    ("opening", "closing"), [("\u2068", "\u2069"), ("\u202e", "\u202c"), ("\u202b", "\u202c")]
)
def test_bidi_controls_are_left_out_and_the_cell_still_splits(
    opening: str, closing: str, tmp_path: Path
) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        ";".join(HEADERS)
        + f'\n"Zoé {opening}Martin{closing} / {opening}CC Test{closing}";Forum;"défi\x00nul";Un lieu;Réseau\n'
        + "Loïc Hervé / PLIE;Régie;Mobilité;Des locaux;Clauses\n",
        encoding="utf-8-sig",
    )
    workshop, _warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert "Zoé Martin" in people, list(people)
    zoe = people["Zoé Martin"]
    assert zoe["organisation"] == "CC Test", zoe
    assert zoe["challenges"] == ["défi nul"]
    assert not any(mark in _all_text(workshop) for mark in BIDI)
    found = run_cli("chercher", str(tmp_path / "importé.atelier"), "Martin CC")
    assert found.returncode == 0 and "Zoé Martin" in found.stdout, found.stdout + found.stderr
