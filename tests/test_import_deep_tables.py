"""Word grids with tables nested in their cells (a table in a cell of a table in a cell …),
imported through the command line as a user would: a few levels are read, their text in
the cell; a depth no grid has is refused with one sentence saying so, the grid untouched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_import_fidelity import _all_text, _import, _p, _people, _word_grid

MARK = "REMPLACÉ-PAR-LES-TABLEAUX"


def _nested(depth: int) -> str:
    """`depth` tables, each in the only cell of the one around it; each level's own line."""
    xml = _p(f"Au fond des {depth} tableaux")
    for level in range(depth, 0, -1):
        xml = (
            "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>"
            f"{_p(f'Niveau {level}')}{xml}</w:tc></w:tr></w:tbl>{_p('')}"
        )
    return xml


def _deep_grid(path: Path, depth: int) -> Path:
    """A grid whose first participant's actions cell holds `depth` nested tables. Written
    into the package's XML directly: python-docx itself cannot parse a tree that deep."""
    _word_grid(
        path,
        [
            [_p("Élodie Mérignac / CdC"), _p(MARK), _p("Mobilité"), _p("Un café"), _p("Clauses")],
            [_p("Loïc Hervé / PLIE"), _p("Forum"), _p("Décrochage"), _p("Des locaux"), _p("Réseau")],
        ],
    )
    with zipfile.ZipFile(path) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.rindex("<w:p>", 0, text.index(MARK))
                end = text.index("</w:p>", start) + len("</w:p>")
                data = (text[:start] + _nested(depth) + text[end:]).encode("utf-8")
            archive.writestr(info, data)
    return path


def test_a_few_tables_nested_in_a_cell_are_read_into_it(tmp_path: Path) -> None:
    grid = _deep_grid(tmp_path / "grille.docx", 6)
    workshop, _warnings = _import(grid, tmp_path)
    people = _people(workshop)
    assert set(people) == {"Élodie Mérignac", "Loïc Hervé"}
    assert people["Élodie Mérignac"]["actions"] == [
        *(f"Niveau {n}" for n in range(1, 7)),
        "Au fond des 6 tableaux",
    ]
    assert people["Élodie Mérignac"]["needs"] == ["Un café"]
    assert people["Loïc Hervé"]["actions"] == ["Forum"]
    assert "REMPLACÉ" not in _all_text(workshop)


def test_tables_nested_forty_deep_are_still_read(tmp_path: Path) -> None:
    grid = _deep_grid(tmp_path / "grille.docx", 40)
    workshop, _warnings = _import(grid, tmp_path)
    elodie = _people(workshop)["Élodie Mérignac"]
    assert elodie["actions"][0] == "Niveau 1"
    assert elodie["actions"][-1] == "Au fond des 40 tableaux"
    assert len(elodie["actions"]) == 41


@pytest.mark.parametrize("depth", [60, 150])
def test_tables_nested_beyond_any_grid_are_refused_in_one_sentence(depth: int, tmp_path: Path) -> None:
    grid = _deep_grid(tmp_path / "grille.docx", depth)
    before = grid.read_bytes()
    target = tmp_path / "importé.atelier"
    result = run_cli("import", str(grid), "-o", str(target))
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "Traceback" not in said
    assert "valide" not in said  # not « n'est pas un fichier .docx valide »: the file is sound
    lines = [line for line in said.splitlines() if line.strip()]
    assert len(lines) == 1, said
    assert "imbriqués" in lines[0] and "50\xa0niveaux" in lines[0], said
    assert grid.read_bytes() == before
    assert not target.exists()


def test_content_nested_past_what_xml_allows_is_refused_in_one_sentence(tmp_path: Path) -> None:
    # 300 content controls one inside the other around a line: no table in it, yet too deep
    # for the XML parser; said as what it is, not as a damaged file.
    grid = tmp_path / "grille.docx"
    _word_grid(
        grid,
        [[_p("Élodie Mérignac / CdC"), _p(MARK), _p("Mobilité"), _p("Un café"), _p("Clauses")]],
    )
    with zipfile.ZipFile(grid) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    deep = "<w:sdt><w:sdtContent>" * 300 + _p("Au fond") + "</w:sdtContent></w:sdt>" * 300
    with zipfile.ZipFile(grid, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            if info.filename == "word/document.xml":
                data = data.replace(_p(MARK).replace("'", '"').encode(), deep.encode())
                assert b"sdtContent" in data
            archive.writestr(info, data)
    before = grid.read_bytes()
    result = run_cli("import", str(grid), "-o", str(tmp_path / "importé.atelier"))
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in said
    assert [line for line in said.splitlines() if line.strip()] == [
        f"«\xa0{grid}\xa0» est refusé\xa0: son contenu est imbriqué sur plus de 256\xa0niveaux, "
        "ce qu'aucune grille d'atelier ne fait (fichier piégé\u202f?)."
    ]
    assert grid.read_bytes() == before
