"""`atelier example` on a computer with no screen (an ssh session): it printed « Copie de
l'exemple ouverte : … », then that the window cannot open. What it prints before trying to
open the window is now true whatever follows: where the copy is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is X11's")


def _example_without_a_screen(language: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["ATELIER_LANG"] = language
    return subprocess.run(
        [sys.executable, "-m", "atelier", "example"], capture_output=True, text=True, env=env, timeout=120
    )


@linux_only
def test_the_example_says_where_its_copy_is_never_that_it_opened(_user_data: Path) -> None:
    first = _example_without_a_screen("fr")
    assert first.returncode == 1
    (copy,) = _user_data.glob("*.atelier")
    assert first.stdout.splitlines() == [f"Exemple copié dans\xa0: {copy}"], first.stdout
    assert first.stderr.strip().startswith("La fenêtre ne peut pas s'ouvrir\xa0: aucun écran"), first.stderr
    again = _example_without_a_screen("fr")
    assert again.returncode == 1
    assert again.stdout.splitlines() == [f"Exemple déjà copié dans\xa0: {copy}"], again.stdout
    assert "ouvert" not in again.stdout
    english = _example_without_a_screen("en")
    assert english.stdout.splitlines() == [f"Example already copied to: {copy}"], english.stdout
    assert "opened" not in english.stdout
