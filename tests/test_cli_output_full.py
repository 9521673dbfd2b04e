"""`atelier export FICHIER --json - > /media/cle/sortie.json` on a full USB stick (or any
command whose output goes to a full disk): it said « Erreur inattendue : OSError: [Errno 28]
… signalez-la aux développeurs », a bug report for a full disk. Now one sentence names it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full: Linux")


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (["info"], "fr", "Plus de place sur le disque pour la sortie de la commande"),
        (["export", "--json", "-"], "fr", "Plus de place sur le disque pour la sortie de la commande"),
        (["match", "--top", "1"], "en", "No space left on the disk for the command's output"),
    ],
)
def test_output_to_a_full_disk_is_said_in_one_sentence(
    tmp_path: Path, args: list[str], lang: str, said: str
) -> None:
    work = tmp_path / "atelier.atelier"
    work.write_bytes(EXAMPLE.read_bytes())
    command, *rest = args
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "atelier", command, str(work), *rest],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, ATELIER_LANG=lang),
            timeout=120,
        )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(said), done.stderr
    assert work.read_bytes() == EXAMPLE.read_bytes()
