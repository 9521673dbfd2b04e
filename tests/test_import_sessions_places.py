"""Two sessions held the same day in two places (a Word document with a table under « 12 mars
2024 – Dax » and one under « 12 mars 2024 – Mont-de-Marsan ») were imported as ONE workshop,
dated 12 March, at Dax: the Mont-de-Marsan participants appeared in the Dax minutes, said only
as « mêmes colonnes, lus comme une seule grille ». The place in a heading, when it is a place
the territory table knows, now tells two sessions of one day apart; a heading's other words
after the date (« – Matin », « – Après-midi ») still do not. Imported by the CLI (French and
English), read back from the .atelier; imported again, nothing is doubled."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .conftest import run_cli
from .test_import_sessions import ANNE, JULIE, KARIM, _said, _word, _workshops

DAX = "12 mars 2024 – Dax"
MARSAN = "12 mars 2024 – Mont-de-Marsan"


def test_two_sessions_of_one_day_in_two_places_make_two_workshops(tmp_path: Path) -> None:
    grid = _word(tmp_path / "ateliers.docx", [(DAX, [ANNE]), (MARSAN, [JULIE, KARIM])])
    target = tmp_path / "ateliers.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    said = _said(done)
    assert "2 ateliers importés" in said, said
    assert f"« {DAX} » (12 mars 2024, Dax) : 1 participant" in said, said
    assert f"« {MARSAN} » (12 mars 2024, Mont-de-Marsan) : 2 participants" in said, said
    assert "lus comme une seule grille" not in said
    assert sorted(_workshops(target)) == [
        (DAX, "2024-03-12", "Dax", ["Anne Martin"]),
        (MARSAN, "2024-03-12", "Mont-de-Marsan", ["Julie Petit", "Karim Benali"]),
    ]
    # The same document again: both sessions are there already; the file is left as it was.
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    again = run_cli("import", str(grid), "--into", str(target), "--new-workshop")
    assert again.returncode != 0 and "Traceback" not in _said(again), _said(again)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_in_english(tmp_path: Path) -> None:
    grid = _word(tmp_path / "ateliers.docx", [(DAX, [ANNE]), (MARSAN, [JULIE, KARIM])])
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    said = _said(done)
    assert "2 workshops imported" in said, said
    assert f"“{MARSAN}” (12 March 2024, Mont-de-Marsan): 2 participants" in said, said


@pytest.mark.parametrize(
    "headings",
    [
        ("12 mars 2024 – Matin", "12 mars 2024 – Après-midi"),  # one day's two halves
        (DAX, DAX),  # the same place
        (DAX, "12 mars 2024"),  # the second says no place
        ("12 mars 2024", DAX),  # nor the first
    ],
    ids=["morning-afternoon", "same-place", "no-second-place", "no-first-place"],
)
def test_the_same_day_without_two_places_stays_one_grid(tmp_path: Path, headings: tuple[str, str]) -> None:
    grid = _word(tmp_path / "grille.docx", [(headings[0], [ANNE]), (headings[1], [JULIE, KARIM])])
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "lus comme une seule grille" in _said(done), _said(done)
    assert [w[3] for w in _workshops(target)] == [["Anne Martin", "Julie Petit", "Karim Benali"]]
