"""A file the user may not read (a grid copied from a colleague's session, a template on a
protected share): one French sentence naming it, exit 1, every file as it was.

As root every file is readable, so the command then runs in a user namespace of its own
(`unshare --user`, no mapping): the kernel checks the file's mode for it as for anyone."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID_DOCX = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
GRID_TXT = ROOT / "examples" / "grille-atelier-2021-03-16.txt"


def _prefix() -> list[str] | None:
    if os.geteuid() != 0:
        return []
    if not shutil.which("unshare"):
        return None
    probe = subprocess.run(["unshare", "--user", "true"], capture_output=True)
    return ["unshare", "--user"] if probe.returncode == 0 else None


PREFIX = _prefix()


def _grid_xlsx(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Participant / territoire", "Besoins de ressources", "Peut être ressource sur"])
    book.active.append(["Élodie Mérignac / CdC", "Financer l'accueil", "Clauses d'insertion"])
    path = folder / "grille.xlsx"
    book.save(path)
    return path


def _copy(source: Path, name: str):
    return lambda folder: Path(shutil.copy(source, folder / name))


CASES = {
    "import a Word grid": (
        _copy(GRID_DOCX, "grille.docx"),
        ["import", "{input}", "-o", "{folder}/x.atelier"],
    ),
    "import a text grid": (_copy(GRID_TXT, "grille.txt"), ["import", "{input}", "-o", "{folder}/x.atelier"]),
    "import an Excel grid": (_grid_xlsx, ["import", "{input}", "-o", "{folder}/x.atelier"]),
    "re-import into a workshop": (
        _copy(GRID_DOCX, "grille.docx"),
        ["import", "{input}", "--into", "{folder}/a.atelier"],
    ),
    "export with a template": (
        _copy(GRID_DOCX, "modele.docx"),
        ["export", "{folder}/a.atelier", "--docx", "{folder}/cr.docx", "--template", "{input}"],
    ),
}


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.skipif(PREFIX is None, reason="root without user namespaces: every file is readable")
@pytest.mark.parametrize("name", list(CASES))
def test_an_unreadable_input_is_named_in_one_french_sentence(name: str, tmp_path: Path) -> None:
    make, command = CASES[name]
    folder = tmp_path / "dossier"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.atelier")
    bad = make(folder)
    before = _snapshot(folder)
    bad.chmod(0)
    try:
        result = subprocess.run(
            [
                *(PREFIX or []),
                sys.executable,
                "-m",
                "atelier",
                *(p.replace("{input}", str(bad)).replace("{folder}", str(folder)) for p in command),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        bad.chmod(0o644)
    said = (result.stderr + result.stdout).strip()
    assert result.returncode == 1, said
    (sentence,) = result.stderr.strip().splitlines()
    assert f"Impossible de lire «\xa0{bad}\xa0»\xa0: accès refusé" in sentence, sentence
    assert "Error" not in sentence and "inattendue" not in sentence, sentence
    assert _snapshot(folder) == before
