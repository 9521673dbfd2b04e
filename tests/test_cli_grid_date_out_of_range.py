"""A date of a year no workshop has (outside 1900–2099) is refused wherever it comes from, not
only when typed after --date: a grid whose heading says « Atelier du 16 mars 2150 » made a
workshop dated 2150 that the minutes printed. Refused in one sentence naming the date, nothing
written; --date gives the right one."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import run_cli

GRID = "Participant;Besoins\nAnne Roux (PLIE);Un minibus\n"


def _grid(tmp_path: Path, heading: str) -> Path:
    grid = tmp_path / "grille.csv"
    grid.write_text(f"{heading}\n\n{GRID}", encoding="utf-8")
    return grid


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("heading", "said", "english"),
    [
        ("Atelier du 16 mars 2150", "16/03/2150", "16 March 2150"),
        ("Atelier du 3 au 5 mars 1850", "03/03/1850", "3 March 1850"),
        ("Rencontre 1899-12-31", "31/12/1899", "31 December 1899"),
    ],
)
def test_a_grid_dated_outside_the_years_is_refused_naming_the_date(
    heading: str, said: str, english: str, tmp_path: Path
) -> None:
    grid = _grid(tmp_path, heading)
    output = tmp_path / "sortie.atelier"
    refused = run_cli("import", str(grid), "-o", str(output))
    assert refused.returncode == 1, refused.stdout
    (line,) = refused.stderr.strip().splitlines()
    assert line.startswith(f"La grille date l'atelier du {said}\xa0:") and "--date" in line, line
    assert "Traceback" not in refused.stderr and not output.exists()
    refused = run_cli("import", str(grid), "-o", str(output), env={"ATELIER_LANG": "en"})
    assert refused.stderr.strip().startswith(f"The grid dates the workshop {english}:"), refused.stderr
    assert not output.exists()

    base = tmp_path / "base.atelier"
    assert run_cli("new", str(base), "--title", "Atelier de mars", "--date", "2021-03-16").returncode == 0
    before = _sha(base)
    added = run_cli("import", str(grid), "--into", str(base), "--new-workshop")
    assert added.returncode == 1 and f"du {said}\xa0:" in added.stderr, added.stderr
    assert _sha(base) == before

    # The date given: the grid is imported with it.
    dated = run_cli("import", str(grid), "-o", str(output), "--date", "16/03/2021")
    assert dated.returncode == 0, dated.stderr
    with Store.open(output, readonly=True) as store:
        assert store.workshops()[0].date == "2021-03-16"


def test_a_date_a_file_holds_outside_the_years_never_stops_a_rename(tmp_path: Path) -> None:
    """A file another program dated 2150: its title can still be changed, and the date put
    right; a date outside the years given for it is refused, the file as it was."""
    path = tmp_path / "autre.atelier"
    assert run_cli("new", str(path), "--title", "Atelier", "--date", "2021-03-16").returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE workshops SET date = '2150-03-16'")
    conn.close()
    renamed = run_cli("ateliers", str(path), "--rename", "Atelier", "--title", "Atelier du réseau")
    assert renamed.returncode == 0, renamed.stderr
    before = _sha(path)
    refused = run_cli("ateliers", str(path), "--rename", "réseau", "--date", "16/03/2151")
    assert refused.returncode == 2 and "16/03/2151" in refused.stderr, refused.stderr
    assert _sha(path) == before
    fixed = run_cli("ateliers", str(path), "--rename", "réseau", "--date", "16/03/2021")
    assert fixed.returncode == 0, fixed.stderr
    with Store.open(path, readonly=True) as store:
        assert [(w.title, w.date) for w in store.workshops()] == [("Atelier du réseau", "2021-03-16")]
