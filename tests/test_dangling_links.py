"""A symbolic link whose target is gone is still there: a command that writes a workshop
file does not replace it without --force, as an export does not (« existe déjà »)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"

COMMANDS = {
    "import": ["import", str(GRID), "-o", "{link}"],
    "new": ["new", "{link}", "--title", "Atelier du jeudi"],
    "merge": ["merge", "{folder}/a.atelier", str(ROOT / "tests/fixtures/format-v4.atelier"), "-o", "{link}"],
    "export": ["export", "{folder}/a.atelier", "--json", "{link}"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_dangling_link_is_not_replaced_without_force(name: str, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.atelier")
    link = tmp_path / ("cle-usb.json" if name == "export" else "cle-usb.atelier")
    link.symlink_to("/media/cle-debranchee/atelier.atelier")  # the USB stick is unplugged
    command = [p.replace("{link}", str(link)).replace("{folder}", str(tmp_path)) for p in COMMANDS[name]]
    result = run_cli(*command)
    said = (result.stderr + result.stdout).strip()
    assert result.returncode == 1, said
    assert f"«\xa0{link}\xa0» existe déjà" in result.stderr.strip(), said
    assert link.is_symlink() and os.readlink(link) == "/media/cle-debranchee/atelier.atelier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.atelier", link.name]
