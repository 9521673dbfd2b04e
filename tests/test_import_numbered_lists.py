"""A list typed on one line of a grid's cell, « 1) forum emploi 2) salon de l'apprentissage
3) job dating », was one item « forum emploi 2) salon de l'apprentissage 3) job dating »: the
first number removed, the others left inside, one action where the participant said three
(counted once in the minutes, matched as one). An inline numbered list at the start of the
cell or after a colon (« 1) 2) 3) », « 1. 2. 3. », « a) b) c) ») is now split into its items;
a number in a sentence that starts no list (« l'article 2) du règlement », « les volets 1) et
2) ») is left in its sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli


def _items(tmp_path: Path, cell: str) -> list[str]:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins;Ressources\n"
        f'Anne Martin / PLIE Sud Gironde;"{cell}";recruter;mobilité;clauses sociales\n',
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    (participant,) = exported["workshops"][0]["participants"]
    return list(participant["actions"])


@pytest.mark.parametrize(
    "cell",
    [
        "1) forum emploi 2) salon de l'apprentissage 3) job dating",
        "1. forum emploi 2. salon de l'apprentissage 3. job dating",
        "a) forum emploi b) salon de l'apprentissage c) job dating",
        "2) forum emploi 3) salon de l'apprentissage 4) job dating",
        "1/ forum emploi 2/ salon de l'apprentissage 3/ job dating",
        "Nos actions : 1) forum emploi 2) salon de l'apprentissage 3) job dating",
    ],
)
def test_a_numbered_list_on_one_line_is_its_items(tmp_path: Path, cell: str) -> None:
    items = _items(tmp_path, cell)
    # The words before the list are said with each of its items (tests/test_import_fidelity.py).
    assert items == ["forum emploi", "salon de l'apprentissage", "job dating"] or items == [
        "Nos actions : forum emploi",
        "Nos actions : salon de l'apprentissage",
        "Nos actions : job dating",
    ], items
    assert not any(m in i for m in ("2)", "2.", "2/", "b)") for i in items), items


@pytest.mark.parametrize(
    "cell",
    [
        "application de l'article 2) du règlement",
        "les volets 1) et 2) du contrat de ville",
        "forum emploi 2) salon",
        "hausse de 1.5 point en 2023",
        "prévoir 2. réunions",
        "1/3 des jeunes et 2/3 des adultes",
        "1 / forum emploi 2 / salon",
    ],
)
def test_a_number_inside_a_sentence_stays_in_it(tmp_path: Path, cell: str) -> None:
    items = _items(tmp_path, cell)
    assert items == [cell], items


def test_the_match_names_each_item(tmp_path: Path) -> None:
    """Each item of the list is matched on its own: the need « job dating » finds the action
    « job dating », not a sentence holding three actions."""
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins;Ressources\n"
        "Anne Martin / PLIE Sud Gironde;1) forum emploi 2) salon de l'apprentissage 3) job dating;;;\n"
        "Paul Durand / Mission locale du Médoc;;;organiser un job dating;\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    out = run_cli("match", str(target)).stdout.replace("\u00a0", " ")
    assert "job dating" in out, out
    assert "forum emploi 2) salon" not in out and "2) salon" not in out, out
