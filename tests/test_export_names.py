"""An export's name says its format: `--docx out.xlsx` would write a Word document that
Excel then calls damaged. A name ending in another format's extension is refused in one
sentence, before anything is read or written; a name without a known extension is written
as asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


@pytest.mark.parametrize(
    ("option", "name", "suffix"),
    [
        ("--docx", "out.xlsx", ".docx"),
        ("--xlsx", "out.docx", ".xlsx"),
        ("--fiches", "fiches.xlsx", ".docx"),
        ("--json", "out.docx", ".json"),
        ("--xlsx", "TABLEAUX.JSON", ".xlsx"),
        ("--docx", "compte-rendu.pdf", ".docx"),
    ],
)
def test_an_export_named_as_another_format_is_refused(
    option: str, name: str, suffix: str, tmp_path: Path
) -> None:
    workshop = Path(shutil.copy(EXAMPLE, tmp_path / "a.atelier"))
    before = workshop.read_bytes()
    done = run_cli("export", str(workshop), option, str(tmp_path / name), cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    (sentence,) = done.stderr.strip().splitlines()
    found = Path(name).suffix.lower()
    assert f"se termine par {found}, mais cet export est un fichier {suffix}" in sentence, sentence
    assert "rien n'a été écrit" in sentence, sentence
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.atelier"]
    assert workshop.read_bytes() == before


def test_the_refusal_is_said_in_english(tmp_path: Path) -> None:
    workshop = Path(shutil.copy(EXAMPLE, tmp_path / "a.atelier"))
    done = run_cli("export", str(workshop), "--docx", str(tmp_path / "out.xlsx"), env={"ATELIER_LANG": "en"})
    assert done.returncode == 1
    (sentence,) = done.stderr.strip().splitlines()
    assert "ends in .xlsx, but this export is a .docx file" in sentence, sentence
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.atelier"]


def test_a_name_without_a_known_extension_is_written_as_asked(tmp_path: Path) -> None:
    workshop = Path(shutil.copy(EXAMPLE, tmp_path / "a.atelier"))
    done = run_cli("export", str(workshop), "--json", str(tmp_path / "donnees.txt"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "donnees.txt").read_text(encoding="utf-8").lstrip().startswith("{")
