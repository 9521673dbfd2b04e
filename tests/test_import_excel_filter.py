"""An Excel grid saved with a filter on (Territoire = Landes): the people the filter hid were
dropped, said only as « 2 lignes masquées ignorées (feuille « Sheet », lignes 3 et 5) », with
no name and no word of the filter. A filter is a view left on, not text hidden: they are
imported, and the import says who they are and that a filter hid them. Rows hidden by hand
(no filter) are still left out, as before."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .conftest import run_cli

NB = "\u00a0"
ROWS = [
    ("Participant", "Territoire", "Besoins", "Ressources"),
    ("Anne Roux (PLIE)", "Landes", "Un minibus", "Ateliers CV"),
    ("Karim Haddad (Cap emploi)", "Gironde", "Employeurs", "Formations handicap"),
    ("Lucie Martin (CdC)", "Landes", "Données", "Foncier"),
    ("Paul Petit (Mission locale)", "Gironde", "Logement", "Accompagnement"),
]


def _grid(path: Path, *, filtered: bool) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in ROWS:
        sheet.append(row)
    if filtered:  # as Excel saves a filter Territoire = Landes: the criterion, the rows hidden
        sheet.auto_filter.ref = "A1:D5"
        sheet.auto_filter.add_filter_column(1, ["Landes"])
    for line in (3, 5):
        sheet.row_dimensions[line].hidden = True
    book.save(path)
    return path


def _people(path: Path) -> list[str]:
    done = run_cli("export", str(path), "--json", "-")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    return sorted(" ".join(p["names"]) for w in data["workshops"] for p in w["participants"])


def test_people_hidden_by_a_filter_are_imported_and_named(tmp_path: Path) -> None:
    grid = _grid(tmp_path / "grille.xlsx", filtered=True)
    before = hashlib.sha256(grid.read_bytes()).hexdigest()
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), "--title", "Atelier")
    assert done.returncode == 0, done.stderr
    assert "4 participants" in done.stdout, done.stdout
    assert (
        "2 lignes masquées par un filtre, importées quand même "
        f"(feuille «{NB}Sheet{NB}», lignes 3 et 5){NB}: "
        "Karim Haddad (Cap emploi) et Paul Petit (Mission locale)"
    ) in done.stdout, done.stdout
    assert _people(tmp_path / "a.atelier") == ["Anne Roux", "Karim Haddad", "Lucie Martin", "Paul Petit"]
    english = run_cli(
        "import", str(grid), "-o", str(tmp_path / "b.atelier"), "--title", "W", env={"ATELIER_LANG": "en"}
    )
    assert (
        "2 rows hidden by a filter, imported all the same (sheet “Sheet”, rows 3 and 5): " in english.stdout
    )
    assert hashlib.sha256(grid.read_bytes()).hexdigest() == before


def test_rows_hidden_by_hand_are_still_left_out(tmp_path: Path) -> None:
    grid = _grid(tmp_path / "grille.xlsx", filtered=False)
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), "--title", "Atelier")
    assert done.returncode == 0, done.stderr
    assert "2 lignes masquées ignorées" in done.stdout and "filtre" not in done.stdout, done.stdout
    assert _people(tmp_path / "a.atelier") == ["Anne Roux", "Lucie Martin"]
