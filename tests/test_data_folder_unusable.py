"""The user's data folder (settings, backups, the example's working copy) cannot be made: a
file stands where the folder should be, or the home is read-only (a locked-down office PC).
`atelier open FILE` said « Erreur inattendue : FileExistsError … signalez-la aux
développeurs » and opened nothing, though the workshop file itself was fine; `atelier example`
said the same. The window now opens (its preferences are not kept), and the example's copy is
refused in one sentence that names the folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _atelier(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ATELIER_DATA_DIR=str(data_dir), ATELIER_LANG="fr", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "atelier", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_window_opens_a_workshop_when_the_data_folder_cannot_be_made(tmp_path: Path) -> None:
    in_the_way = tmp_path / "Atelier"
    in_the_way.write_text("un fichier à la place du dossier\n", encoding="utf-8")
    work = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, work)
    done = _atelier("open", str(work), "--quit-after-show", data_dir=in_the_way)
    assert done.returncode == 0, done.stderr
    assert "inattendue" not in done.stderr and "Traceback" not in done.stderr
    assert in_the_way.read_text(encoding="utf-8") == "un fichier à la place du dossier\n"


def test_the_example_says_which_folder_is_in_the_way(tmp_path: Path) -> None:
    in_the_way = tmp_path / "Atelier"
    in_the_way.write_text("un fichier à la place du dossier\n", encoding="utf-8")
    done = _atelier("example", "--quit-after-show", data_dir=in_the_way)
    assert done.returncode == 1
    said = done.stderr.strip().replace("\u00a0", " ").replace("\u202f", " ")
    assert said == f"« {in_the_way} » n'est pas un dossier ; rien n'a été écrit.", done.stderr
    below = _atelier("example", "--quit-after-show", data_dir=in_the_way / "données")
    assert below.returncode == 1
    assert below.stderr.strip().replace("\u00a0", " ").replace("\u202f", " ") == said
    assert in_the_way.read_text(encoding="utf-8") == "un fichier à la place du dossier\n"
