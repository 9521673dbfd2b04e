"""`atelier ateliers F --rename ATELIER` says what it changed, a date taken away too, and when
the workshop already is as asked, says that nothing changed and leaves the file's bytes as
they were."""

from __future__ import annotations

import hashlib
from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

EN = {"ATELIER_LANG": "en"}


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "réseau.atelier"
    made = run_cli("new", str(path), "--title", "Atelier du réseau", "--date", "16/03/2021", "--place", "Pau")
    assert made.returncode == 0, made.stderr
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rename_says_each_change_and_a_date_taken_away(tmp_path: Path) -> None:
    path = _file(tmp_path)
    done = run_cli("ateliers", str(path), "--rename", "réseau", "--title", "Réseau emploi", "--date", "")
    assert done.returncode == 0, done.stderr
    said = done.stdout.strip()
    assert said.startswith("Atelier [") and "«\xa0Réseau emploi\xa0»" in said, said
    assert "nouveau titre (c'était «\xa0Atelier du réseau\xa0»)" in said, said
    assert "date retirée (c'était le 16/03/2021)" in said, said
    assert "lieu" not in said, said  # the place was not asked to change
    with Store.open(path, readonly=True) as store:
        (workshop,) = store.workshops()
        assert (workshop.title, workshop.date, workshop.place) == ("Réseau emploi", None, "Pau")

    dated = run_cli("workshops", str(path), "--rename", "réseau", "--date", "2021-03-17", env=EN)
    assert dated.returncode == 0, dated.stderr
    said = dated.stdout.strip()
    assert said.endswith("“Réseau emploi”: dated 17 March 2021 (it had no date)."), said
    moved = run_cli("workshops", str(path), "--rename", "réseau", "--date", "", "--place", "", env=EN)
    assert "date removed (was 17 March 2021) and place removed (was “Pau”)" in moved.stdout, moved.stdout


def test_rename_to_what_the_workshop_already_has_writes_nothing(tmp_path: Path) -> None:
    path = _file(tmp_path)
    before = _sha(path)
    same = run_cli(
        "ateliers", str(path), "--rename", "réseau", "--title", "Atelier du réseau", "--date", "16 mars 2021"
    )
    assert same.returncode == 0, same.stderr
    assert same.stdout.strip().startswith("Rien n'a changé\xa0: l'atelier ["), same.stdout
    assert "(même titre, même date)" in same.stdout and "n'a pas été modifié" in same.stdout, same.stdout
    assert "nouveau titre" not in same.stdout, same.stdout
    assert _sha(path) == before

    english = run_cli("workshops", str(path), "--rename", "réseau", "--place", "Pau", env=EN)
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith("Nothing changed: workshop ["), english.stdout
    assert "(same place)" in english.stdout and "was left unchanged" in english.stdout, english.stdout
    assert _sha(path) == before

    # Undated, and told again to have no date: nothing to write either.
    assert run_cli("ateliers", str(path), "--rename", "réseau", "--date", "").returncode == 0
    undated = _sha(path)
    again = run_cli("ateliers", str(path), "--rename", "réseau", "--date", "")
    assert again.returncode == 0 and "(sans date)" in again.stdout, again.stdout
    assert _sha(path) == undated
