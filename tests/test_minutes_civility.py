"""« M. », « Mme » and « Dr. » end no sentence: a statement that names someone so is cited
from its start (« contacter M. Dupuis pour le local »), never from the name on
(« Dupuis pour le local »), in the minutes a staff member sends."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def test_a_civility_does_not_cut_a_cited_statement(tmp_path: Path) -> None:
    import docx

    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    grid.write_text(
        "Participant;Besoins de ressources;Peut être ressource sur\n"
        "Zoé Martin / Mission locale du Val;contacter M. Dupuis pour le local;un minibus\n"
        "Paul Lin / CC des Deux Rives;voir avec Mme. Roux la salle des fêtes;des bénévoles\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    assert run_cli("export", str(workshop), "--docx", str(minutes)).returncode == 0
    text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs).replace("\u00a0", " ")
    assert "contacter M. Dupuis pour le local (Mission locale du Val)" in text, text
    assert "voir avec Mme. Roux la salle des fêtes (CC des Deux Rives)" in text, text
