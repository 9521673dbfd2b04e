"""`atelier match F --save` on a grid where no need has a resource near it printed « (aucune
ressource proche dans la grille) » under each need, then « « F » contient déjà ces suggestions :
il n'a pas été modifié. »: it holds none. It now says there is no suggestion to save; a file
that does hold the same suggestions is still told so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

SAID = {
    "fr": (
        "Aucune suggestion à enregistrer : « {path} » n'a pas été modifié.",
        "contient déjà ces suggestions",
    ),
    "en": ("No suggestion to save: “{path}” was left unchanged.", "already holds these suggestions"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_saving_no_suggestion_at_all_says_so(tmp_path: Path, lang: str) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Roux, PLIE des Graves;;;un minibus pour le forum;\n"
        "Paul Durand, Mission locale du Médoc;;;une salle à Lesparre;\n",
        encoding="utf-8",
    )
    path = tmp_path / "grille.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    before = path.read_bytes()
    done = run_cli("match", str(path), "--save", env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    said = done.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    none, already = SAID[lang]
    assert none.format(path=path) in said, said
    assert already not in said, said
    assert path.read_bytes() == before


def test_a_file_already_holding_its_suggestions_is_still_told_so(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    assert run_cli("match", str(path), "--save", "--lexical").returncode == 0
    done = run_cli("match", str(path), "--save", "--lexical", env={"ATELIER_LANG": "fr"})
    said = done.stderr.replace("\u00a0", " ")
    assert "contient déjà ces suggestions : il n'a pas été modifié." in said, said
