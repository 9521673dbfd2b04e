"""The minutes say what each participant wrote, as they wrote it, credited to them: read back
from the Word file as its recipient reads it (the synthesis under « Synthèse des échanges »)."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.conftest import run_cli

HEADER = "Participant;Territoire;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"


def _synthesis(tmp_path: Path, rows: str, lang: str = "fr") -> str:
    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    grid.write_text(HEADER + rows, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    lines, inside = [], False
    for p in docx.Document(str(minutes)).paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text in ("Synthèse des échanges", "Summary of the discussions")
        elif inside:
            lines.append(p.text.replace("\u00a0", " ").replace("\u202f", " "))
    return "\n".join(lines)


def test_a_minus_sign_is_not_read_as_a_bullet(tmp_path: Path) -> None:
    # « -15 % de délais » is a fall; quoted « 15 % de délais » it says the opposite.
    text = _synthesis(
        tmp_path,
        "Zoé Martin / CC du Val;Val;un forum de l'emploi;;;-15 % de délais grâce au guichet unique\n"
        "Paul Lin / Mission locale;Val;-20 % de chômeurs de longue durée visé;;;un club d'entreprises\n",
    )
    assert "-15 % de délais" in text, text
    assert " 15 % de délais" not in text.replace("-15 %", ""), text
