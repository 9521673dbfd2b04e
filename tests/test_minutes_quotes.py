"""Minutes that say « notées telles quelles » quote what was noted: the whole remark, or a
visible « … » where it is cut — never a sentence dropped without a mark. Through the
command line, on the Word file a staff member sends."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_cli

REMARKS = [
    "« L'approche collective est quasi systématique. La coopération elle ne l'est pas forcément. »",
    "« On voit que chaque acteur accepte sa part de responsabilité face au constat qu'il existe des "
    "personnes durablement privées d'emploi. C'est l'acceptation de la co responsabilité. »",
    "« Les institutions doivent apprendre à laisser faire les territoires quand ils savent ce qu'ils "
    "veulent, et le dire clairement aux élus, aux opérateurs et aux entreprises qui attendent une "
    "réponse. Le reste viendra ensuite, avec le temps et la confiance retrouvée. »",
]


def test_remarks_noted_as_said_are_quoted_whole_or_marked_where_cut(tmp_path: Path) -> None:
    import docx

    grid = tmp_path / "grille.csv"
    cell = "\n".join(REMARKS)  # one remark per line of the cell
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
        f'Jacques Le-priol / Région N-A;"{cell}";;;Modélisation de la coopération\n'
        "Lucie Leroy / Grand Angoulême;Forum de l'emploi;Construire une feuille de route;"
        "Des exemples de coopération;\n",
        encoding="utf-8",
    )
    workshop, minutes = tmp_path / "atelier.atelier", tmp_path / "cr.docx"
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    lines = [p.text for p in docx.Document(str(minutes)).paragraphs]
    lead = next(n for n, line in enumerate(lines) if "notées telles quelles" in line)
    quoted = []
    for line in lines[lead + 1 :]:
        if not line.startswith("«"):
            break
        quoted.append(re.sub(r"\s+", " ", line.strip("«»\u00a0 ")))
    assert len(quoted) == 3, lines[lead:]
    for said in quoted:
        whole = next(" ".join(r.strip("«» ").split()) for r in REMARKS if said.rstrip("…").split()[0] in r)
        plain = said.replace("\u202f", " ").replace("\u00a0", " ").replace("“", "«").replace("”", "»")
        assert plain == whole or plain.endswith("…"), (said, whole)
