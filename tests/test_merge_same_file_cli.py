"""`atelier merge s.atelier s.atelier -o ss.atelier` (or the same file under two names: « ./s.atelier »,
a link) answered « « s.atelier » est le fichier à compléter lui-même : choisissez l'autre saisie. »:
the window's words (the open file is the one completed), meaningless in a terminal where two
files are given. The command now says the two files given are one, and what to type."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merging_a_file_with_itself_says_so_in_command_line_words(tmp_path: Path) -> None:
    s = tmp_path / "s.atelier"
    shutil.copy(EXAMPLE, s)
    link = tmp_path / "lien.atelier"
    os.symlink(s, link)
    before = _digest(s)
    twice = run_cli("merge", "s.atelier", "s.atelier", "-o", "ss.atelier", cwd=tmp_path)
    assert twice.returncode == 1
    said = twice.stderr.strip().replace("\xa0", " ").replace("\u202f", " ")
    assert said == (
        "« s.atelier » est donné deux fois : une fusion lit deux fichiers différents, "
        "la saisie de chaque ordinateur (atelier merge A B -o C) ; rien n'a été écrit."
    ), said
    assert "compléter" not in said and "Traceback" not in twice.stderr
    for other in ("./s.atelier", "lien.atelier"):
        done = run_cli("merge", "s.atelier", other, "-o", "ss.atelier", cwd=tmp_path)
        assert done.returncode == 1
        said = done.stderr.strip().replace("\xa0", " ").replace("\u202f", " ")
        assert said == (
            f"« s.atelier » et « {other} » sont le même fichier : une fusion lit deux fichiers "
            "différents, la saisie de chaque ordinateur (atelier merge A B -o C) ; rien n'a été écrit."
        ), said
    english = run_cli(
        "merge", "s.atelier", "s.atelier", "-o", "ss.atelier", cwd=tmp_path, env={"ATELIER_LANG": "en"}
    )
    assert english.stderr.strip() == (
        "“s.atelier” is given twice: a merge reads two different files, each computer's capture "
        "(atelier merge A B -o C); nothing was written."
    ), english.stderr
    assert not (tmp_path / "ss.atelier").exists()
    assert _digest(s) == before
