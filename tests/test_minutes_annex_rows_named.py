"""Every row of the minutes' annex says whose it is, on whatever page it is printed. A tall
participant's row went on from the foot of one page to the next, where Word and LibreOffice
repeat the table's header but not the participant's cell: the end of Eric BEDIN's actions
stood under no name. A row taller than half a page is now cut between its points into rows
each kept on one page, the next ones named « Eric BEDIN (suite) »; every point is still
printed once, in its order, in its column."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from .conftest import ROOT, run_cli


def _annex(tmp_path: Path, lang: str, *options: str) -> list[tuple[list[list[str]], bool]]:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    minutes = tmp_path / f"cr-{lang}.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), *options, env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    table = docx.Document(str(minutes)).tables[-1]
    return [
        (
            [[p.text for p in cell.paragraphs] for cell in row.cells],
            row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None,
        )
        for row in table.rows[1:]
    ]


@pytest.mark.parametrize(("lang", "continued"), [("fr", "suite"), ("en", "continued")])
def test_each_annex_row_is_named_and_kept_on_one_page(tmp_path: Path, lang: str, continued: str) -> None:
    rows = _annex(tmp_path, lang)
    assert all(kept for _cells, kept in rows), [cells[0] for cells, kept in rows if not kept]
    assert all(cells[0][0].strip() for cells, _kept in rows)
    names = [cells[0][0] for cells, _kept in rows]
    assert f"Eric BEDIN ({continued})" in names, names
    # The rest of Eric BEDIN's row, under his name, right after his first row.
    first = next(n for n, name in enumerate(names) if name.startswith("Eric BEDIN (CIAP"))
    assert names[first + 1] == f"Eric BEDIN ({continued})", names
    # His points, each once and in order, column by column.
    whole = [sum((rows[n][0][c] for n in (first, first + 1)), []) for c in range(1, 5)]
    actions = [t for t in whole[0] if t]
    assert len(actions) == 4 and actions[0].startswith("• CIAP-Champs du Partage, est un Espace"), actions
    assert actions[-1].startswith("• Elle participe également au programme #Happyterr#"), actions
    assert len(set(actions)) == len(actions)


def test_anonymised_the_rest_of_a_row_is_named_by_its_label(tmp_path: Path) -> None:
    rows = _annex(tmp_path, "fr", "--anonymise")
    names = [cells[0][0] for cells, _kept in rows]
    assert "CIAP-Champs du Partage (suite)" in names, names
    assert not any("BEDIN" in name for name in names), names
