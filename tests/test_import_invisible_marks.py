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


def test_bidi_controls_typed_anywhere_never_reach_the_file(tmp_path: Path) -> None:
    """`atelier new … --title $'Atelier \\u202egnal'`: the title kept its right-to-left
    override, so the minutes' heading and the window's title read « Atelier lang » reversed
    while the file held « gnal ». The file's door (every text written, whatever writes it:
    the command line, the window, a merge) leaves the controls out, as the import does."""
    from atelier.domain import Item, ItemKind, Participant
    from atelier.store import Store

    path = tmp_path / "r.atelier"
    done = run_cli("new", str(path), "--title", "Atelier \u202egnal\u202c", "--place", "\u2067Pau\u2069")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        (workshop,) = store.workshops()
        assert (workshop.title, workshop.place) == ("Atelier gnal", "Pau")
        typed = store.add_participant(
            Participant(workshop.id, names=["Zoé \u202eesreveR"], organisation="\u202bPLIE")
        )
        store.add_item(Item(typed.id, ItemKind.NEED, "\u2066mobilité\u2069 des jeunes"))
    with Store.open(path, readonly=True) as store:
        (zoe,) = store.participants(workshop.id)
        assert (zoe.names, zoe.organisation) == (["Zoé esreveR"], "PLIE")
        assert [i.text for i in store.items(zoe.id)] == ["mobilité des jeunes"]
