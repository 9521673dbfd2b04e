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


@pytest.mark.parametrize("name", ["import", "new", "merge"])
def test_force_onto_a_link_writes_the_file_it_points_to(name: str, tmp_path: Path) -> None:
    """`import -o raccourci.atelier --force`, the link being a shortcut to the workshop file in
    a synced folder: the link was replaced by a new file and the real workshop file kept its
    old content, which the user (or their colleague) opened next. The new content goes where
    the link leads; the link stays a link."""
    shutil.copy(EXAMPLE, tmp_path / "a.atelier")
    synced = tmp_path / "partage"
    synced.mkdir()
    real = synced / "atelier.atelier"
    shutil.copy(ROOT / "tests/fixtures/format-v4.atelier", real)
    old = real.read_bytes()
    link = tmp_path / "raccourci.atelier"
    link.symlink_to(real)
    command = [p.replace("{link}", str(link)).replace("{folder}", str(tmp_path)) for p in COMMANDS[name]]
    result = run_cli(*command, "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() != old  # the workshop file itself holds what the command wrote
    listed = run_cli("workshops", str(real))
    assert listed.returncode == 0, listed.stderr
    assert "Atelier du jeudi" in listed.stdout or name != "new", listed.stdout
