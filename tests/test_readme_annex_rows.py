"""The README says how the minutes' annex breaks across pages, as the document does it. It
said « lignes non coupées entre deux pages », while only a participant's row up to a quarter
of the page was kept on one page; then that a taller one went on to the next page without
the participant's name. Now every row is kept on one page, a participant's row taller than
half a page (about 8 cm) cut into rows named « Nom (suite) » (test_minutes_annex_rows_named)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .conftest import ROOT, run_cli


def _readme_annex() -> str:
    """The README's sentence on the minutes' annex, on one line."""
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    start = text.index("la grille complète en annexe")
    return text[start : text.index("Si personne n'a écrit", start)]


def test_the_readme_says_which_annex_rows_go_on_to_the_next_page(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    annex = docx.Document(str(minutes)).tables[-1]
    assert annex.rows[0].cells[0].text == "Participant"
    rows = annex._tbl.findall(qn("w:tr"))
    header = rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    kept = [r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows[1:]]
    said = _readme_annex()
    # every row on one page, a tall participant's cut into rows named « … (suite) »
    assert all(kept), kept
    assert any(cell.text.endswith("(suite)") for cell in annex.columns[0].cells)
    assert "non coupées" not in said and "continue sur la page suivante" not in said, said
    assert "8 cm" in said and "« Nom (suite) »" in said and "gardée sur une page" in said, said
    assert header and "en-tête du tableau répété en haut de chaque page" in said, said
