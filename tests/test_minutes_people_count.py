"""The example's grid has 22 rows of participants, two of which hold two people each
(« Cécile BECHON et Ghislaine Paparemborde »): the minutes and the Excel summary said
« 22 participants » while their participants table names 24 people. They now count people and
say the rows: « 24 participants (22 lignes de la grille) », Excel « Participants 24 » and
« Lignes de la grille 22 ». Read back from the files the CLI writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize(
    ("lang", "said", "rows"),
    [
        ("fr", "24 participants (22 lignes de la grille), venus de", "Lignes de la grille"),
        ("en", "24 participants (22 rows of the grid), from", "Rows of the grid"),
    ],
)
def test_people_counted_as_named(tmp_path: Path, lang: str, said: str, rows: str) -> None:
    source = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    env = {"ATELIER_LANG": lang}
    done = run_cli("export", str(source), "--docx", str(tmp_path / "cr.docx"), env=env)
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "cr.docx")).paragraphs)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert said in text, text[:3000]
    assert "22 participants" not in text, text[:3000]
    done = run_cli("export", str(source), "--xlsx", str(tmp_path / "t.xlsx"), env=env)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    summary = book["Synthèse" if lang == "fr" else "Summary"]
    facts = {r[0]: r[1] for r in summary.iter_rows(min_row=3, max_col=2, values_only=True) if r[0]}
    assert facts["Participants"] == 24, facts
    assert facts[rows] == 22, facts
