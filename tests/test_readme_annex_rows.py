"""The README says how the minutes' annex breaks across pages, as the document does it. It
said « lignes non coupées entre deux pages », while only a participant's row up to a quarter
of the page (about 4 cm) is kept on one page: a taller one goes on to the next page (rather
than leave the foot of a page blank), under the repeated header, without the participant's
name (Word and LibreOffice repeat a header row, never a cell of a row they continue)."""

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
    # the example has both: short rows kept on one page, tall ones that may go on
    assert any(kept) and not all(kept), kept
    assert "non coupées" not in said, said
    assert "4 cm" in said and "continue sur la page suivante" in said, said
    assert header and "en-tête du tableau répété en haut de chaque page" in said, said
    # a row that goes on: its cells carry no second copy of the participant's name
    assert "son nom n'y est pas répété" in said, said
