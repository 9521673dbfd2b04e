"""An action whose quotation marks hold a programme's name is an action, not words someone
said. The Word minutes put « « Territoire zéro chômeur de longue durée » : candidature
déposée » (PLIE des Graves) under « Des observations à retenir — Propos notés tels quels dans
la grille », as if the PLIE had said it, and « Ce qui est déjà engagé » no longer had it.
A statement that is wholly a quotation stays a remark noted word for word.

Read back from the .docx the CLI writes (python-docx), French and English."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.helpers.minutes import minutes_sections

GRID = (
    "Participant;Actions;Besoins;Ressources\n"
    "Anne Roux (PLIE des Graves);« Territoire zéro chômeur de longue durée » : candidature déposée;"
    "Un minibus;Ateliers CV\n"
    "Karim Haddad (Cap emploi);Participation au programme « Un jeune, une solution pour tous » depuis 2021;"
    "Employeurs;Formations handicap\n"
    "Lucie Martin (Mission locale de Blaye);« Les jeunes ne viennent plus aux permanences »;"
    "Logement;Accompagnement\n"
    "Paul Vidal (CCAS de Langon);Atelier animé par une bénévole retraitée;Bénévoles;Colis\n"
    "Sophie Blanc (CIDFF);Permanence juridique portée par le CIDFF;Juristes;Permanences\n"
)
HEADINGS = {
    "fr": ("Ce qui est déjà engagé", "Des observations à retenir"),
    "en": ("What is already under way", "Observations worth keeping"),
}


def _sections(tmp_path: Path, lang: str) -> dict[str, str]:
    grid, workshop = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    if not workshop.exists():
        grid.write_text(GRID, encoding="utf-8")
        done = run_cli("import", str(grid), "-o", str(workshop), "--title", "Atelier", "--date", "01/12/2026")
        assert done.returncode == 0, done.stderr
    minutes = tmp_path / f"cr-{lang}.docx"
    sections = minutes_sections(workshop, minutes, lang)
    return {h: "\n".join(line for line in lines if line.strip()) for h, lines in sections.items()}


def test_a_quoted_programme_name_leaves_an_action_among_the_actions(tmp_path: Path) -> None:
    for lang, (actions, remarks) in HEADINGS.items():
        sections = _sections(tmp_path, lang)
        assert actions in sections, (lang, list(sections))
        said = sections.get(remarks, "")
        for name, action in (
            ("Territoire zéro chômeur de longue durée", "Territoire zéro chômeur"),
            ("Un jeune, une solution pour tous", "Participation au programme"),
        ):
            assert name not in said, (lang, said)
            assert action in sections[actions], (lang, sections[actions])
        # Four actions: the fifth cell of the column is a remark, quoted apart, no action.
        assert "4" in sections[actions].split("\n")[0], (lang, sections[actions])
        # Wholly a quotation: a remark noted as said.
        assert "Les jeunes ne viennent plus aux permanences" in said, (lang, list(sections))
