"""A grid's last rows often sum the room up (« Synthèse / points communs | forums emploi |
recrutement | … »), and a long table carries « Participants (suite) » over empty cells: each
was a participant, counted in the minutes and matched (« Synthèse / points communs cherche :
mobilité ← Paul Durand »). Such a row is now left out and said; a structure whose name starts
like one, or a person, is still read."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli

GRID = (
    "Participant;Actions;Défis;Besoins;Ressources\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;mobilité des jeunes;clauses sociales\n"
    "Participants (suite);;;;\n"
    "Paul Durand / Mission locale du Médoc;atelier CV;mobilité;garde d'enfants;transport solidaire\n"
    "Synthèse / points communs;forums emploi;recrutement;mobilité, GPECT;clauses, accompagnement\n"
    "Bilan de l'atelier;;;des suites à donner;\n"
)


def test_summary_and_heading_rows_are_no_participants(tmp_path: Path) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ")
    assert "Import : 2 participants" in out, out
    rows = ((3, "Participants (suite)"), (5, "Synthèse / points communs"), (6, "Bilan de l'atelier"))
    for line, text in rows:
        assert f"ligne {line} ignorée : « {text} » n'est pas un participant" in out, out
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    people = [p["names"] for w in exported["workshops"] for p in w["participants"]]
    assert people == [["Anne Martin"], ["Paul Durand"]], people
    english = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert "“Synthèse / points communs” is not a participant" in english.stdout, english.stdout
