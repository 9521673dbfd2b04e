"""An import keeps the text as the grid wrote it: a « - » directly before a number is its
sign, not a bullet (« -20 % de chômage » is not « 20 % de chômage »), and a structure
written with « // » keeps it (« CC du Pays // Mission locale »)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from atelier.importers import import_grid
from tests.conftest import run_cli

ROWS = [
    ["Participant", "Où en est le territoire", "J'ai besoin de ressources sur", "Je peux être ressource sur"],
    ["Élodie Févre, CC du Pays // Mission locale", "-20 % de chômage en deux ans", "-2+3", ""],
    ["Benoît Ngô / PLIE", "- 20 jeunes accompagnés\n- Un forum", "", "- Clauses d'insertion\n-5 % de coûts"],
]


def _imported(tmp_path: Path) -> dict[str, dict]:
    source = tmp_path / "grille.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(ROWS)
    target = tmp_path / "out.atelier"
    import_grid(source, target, title="Atelier")
    done = run_cli("export", str(target), "--json", "-")
    assert done.returncode == 0, done.stderr
    (workshop,) = json.loads(done.stdout)["workshops"]
    return {p["names"][0].split()[0]: p for p in workshop["participants"]}


def test_a_dash_directly_before_a_number_is_its_sign(tmp_path: Path) -> None:
    people = _imported(tmp_path)
    elodie, benoit = people["Élodie"], people["Benoît"]
    assert "-20 % de chômage en deux ans" in json.dumps(elodie, ensure_ascii=False)
    assert elodie["needs"] == ["-2+3"]
    # a real bullet (« - » then a space) is still a bullet, and a sign beside it kept
    assert "20 jeunes accompagnés" in json.dumps(benoit, ensure_ascii=False)
    assert "- 20 jeunes" not in json.dumps(benoit, ensure_ascii=False)
    assert benoit["offers"] == ["Clauses d'insertion", "-5 % de coûts"]


def test_a_structure_written_with_a_double_slash_keeps_it(tmp_path: Path) -> None:
    people = _imported(tmp_path)
    assert people["Élodie"]["organisation"] == "CC du Pays // Mission locale"
    assert people["Benoît"]["organisation"] == "PLIE"
