"""A file given to import under a name that hides what it is gets the real cause in one
French sentence: a workshop file (« ouvrez-le »), an Office file renamed .csv or .txt, an old
Excel file renamed .csv — not « encodage inconnu » or « format non pris en charge »."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID_DOCX = ROOT / "examples" / "grille-atelier-2021-03-16.docx"

CASES = {
    "workshop named .csv": (EXAMPLE, "grille.csv", "est un fichier d'atelier, pas une grille"),
    "workshop given to --into itself": (
        EXAMPLE,
        "atelier.atelier",
        "est un fichier d'atelier, pas une grille",
    ),
    "Word file named .txt": (GRID_DOCX, "grille.txt", "est un fichier Word ou Excel (.docx, .xlsx)"),
    "Word file named .csv": (GRID_DOCX, "grille.csv", "est un fichier Word ou Excel (.docx, .xlsx)"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_misnamed_file_is_called_what_it_is(name: str, tmp_path: Path) -> None:
    source, called, expected = CASES[name]
    path = tmp_path / called
    shutil.copy(source, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if name == "workshop given to --into itself":
        done = run_cli("import", str(path), "--into", str(path))
    else:
        done = run_cli("import", str(path), "-o", str(tmp_path / "x.atelier"))
    assert done.returncode == 1, done.stdout
    (sentence,) = done.stderr.strip().splitlines()
    assert expected in sentence, sentence
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == [called]
