"""« - » is the standard output for --json only: an Excel or Word export named « - » is a
usage error in one sentence, never a file called « - » written in the current folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize("option", ["--xlsx", "--docx", "--fiches"])
def test_a_document_is_not_written_to_a_file_named_dash(option: str, tmp_path: Path) -> None:
    workshop = Path(shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", tmp_path / "a.atelier"))
    done = run_cli("export", str(workshop), option, "-", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    (sentence,) = done.stderr.strip().splitlines()
    assert "« - » (la sortie standard) ne va qu'avec --json" in sentence.replace("\u00a0", " "), sentence
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.atelier"]


@pytest.mark.parametrize(("option", "name"), [("--json", "a.json"), ("--docx", "cr.docx")])
def test_what_an_export_wrote_is_said_on_stdout_like_every_result(
    option: str, name: str, tmp_path: Path
) -> None:
    """« Exporté : … » is a result, like « Fichier créé : … »: on stdout; stderr is for
    errors and warnings, and stays empty."""
    workshop = Path(shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", tmp_path / "a.atelier"))
    done = run_cli("export", str(workshop), option, str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Exporté\u00a0: {tmp_path / name}"], done.stdout
    assert done.stderr == ""
