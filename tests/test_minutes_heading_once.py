"""A grid's text above the table often says « Date : 3 décembre 2026 » and « Lieu : Langon ».
The minutes printed the date twice under the title (« Date : 3 décembre 2026 » from the
workshop's date, then the same line again from the text above the grid), and the place was left
empty though the grid gave it. Each is now said once, under the title, as a fact; the rest of
the text above the grid is kept. Read back from the .docx the CLI writes (python-docx)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import run_cli

ABOVE = ["Atelier Haute-Gironde", "Date : 3 décembre 2026", "Lieu : Langon", "Thème : la mobilité des jeunes"]
HEADER = ["Participant", "Actions", "Défis", "Besoins", "Ressources"]
PEOPLE = [
    ["Anne Roux (PLIE Haute-Gironde)", "Forum", "Mobilité", "Un minibus", "Ateliers CV"],
    ["Karim Haddad (Cap emploi)", "Job dating", "", "Employeurs", "Sensibilisation handicap"],
]


def _heading(path: Path) -> list[str]:
    """The minutes' paragraphs above the table of contents, spaces made plain."""
    lines = []
    for paragraph in docx.Document(str(path)).paragraphs:
        text = paragraph.text.replace("\u00a0", " ").replace("\u202f", " ")
        if text in ("Sommaire", "Contents"):
            break
        lines.append(text)
    return lines


@pytest.mark.parametrize(
    ("lang", "date", "place", "theme"),
    [
        ("fr", "Date : 3 décembre 2026", "Lieu : Langon", "Thème : la mobilité des jeunes"),
        ("en", "Date: 3 December 2026", "Place: Langon", "Thème : la mobilité des jeunes"),
    ],
)
def test_date_and_place_said_once(tmp_path: Path, lang: str, date: str, place: str, theme: str) -> None:
    from openpyxl import Workbook

    grid, target, minutes = tmp_path / "g.xlsx", tmp_path / "g.atelier", tmp_path / "cr.docx"
    book = Workbook()
    sheet = book.active
    for line in ABOVE:
        sheet.append([line])
    for row in [HEADER, *PEOPLE]:
        sheet.append([c or None for c in row])
    book.save(grid)
    env = {"ATELIER_LANG": lang}
    assert run_cli("import", str(grid), "-o", str(target), env=env).returncode == 0
    done = run_cli("export", str(target), "--docx", str(minutes), env=env)
    assert done.returncode == 0, done.stderr
    lines = _heading(minutes)
    assert "Atelier Haute-Gironde" in lines, lines
    said = "\n".join(lines)
    assert said.count("3 décembre 2026") + said.count("3 December 2026") == 1, lines
    assert date in lines, lines
    assert said.count("Langon") == 1 and place in lines, lines
    assert theme in said, lines
