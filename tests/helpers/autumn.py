"""A real file of two workshops: the bundled example (16 March 2021) and an autumn grid
imported into it with `atelier import … --new-workshop`, whose two newcomers' needs were
matched across workshops (`atelier match --across --save`) and confirmed."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.domain import MatchStatus
from atelier.store import Store

ROOT = Path(__file__).resolve().parents[2]

AUTUMN_GRID = (
    "Participant;Actions;Défis;J'ai besoin de ressources sur;Je peux être ressource sur\n"
    "Nadia Ferrand, Communauté de communes du Haut-Béarn;Forum emploi;Recruter dans l'agriculture;"
    "Faciliter les clauses d'insertion dans nos marchés publics;Accompagnement des saisonniers\n"
    "Paul Mercier, PLIE du Libournais;Ateliers CV;Mobiliser les entreprises;"
    "Mieux connaître les aides de la Région;Clauses sociales dans les marchés\n"
)


def autumn_file(tmp_path: Path) -> Path:
    """reseau.atelier: the example, then « Atelier d'automne » (20/11/2026), with its two
    needs confirmed with helpers of 2021: Nadia ← Corinne Corcuff and Sefallah Mahamat
    Bindi (clauses d'insertion), Paul ← Grégory TALVY (aides de la Région)."""
    from tests.conftest import run_cli

    path = tmp_path / "reseau.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "automne.csv"
    grid.write_text(AUTUMN_GRID, encoding="utf-8")
    for args in (
        (
            "import",
            str(grid),
            "--into",
            str(path),
            "--new-workshop",
            "--title",
            "Atelier d'automne",
            "--date",
            "20/11/2026",
        ),
        ("match", str(path), "--workshop", "2026-11-20", "--across", "--save", "--lexical"),
    ):
        done = run_cli(*args)
        assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        autumn = store.find_workshop("2026-11-20")
        for match in store.matches(autumn.id):
            resource = store.item(match.resource_id)
            if resource.text in ("Facilitatrice des clauses d'insertion",) or resource.text.startswith(
                "apport d'éléments de réponse sur les aides de la Région"
            ):
                store.update_match(match.id, status=MatchStatus.CONFIRMED)
        assert len(store.follow_ups(autumn.id)) == 2
    return path
