"""A backup whose path Atelier printed for the user to come back to is not rolled away by the
five-copy limit (tester55 F10): the copy at the old format an upgrade keeps (« Une copie au
format 14, que ces versions ouvrent, est gardée dans les sauvegardes : … »), the copy before a
workshop is deleted, and « Sauvegarde d'avant : … » of an import for NAMED_DAYS days."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import timedelta
from pathlib import Path

from atelier.backups import KEEP, backups_of
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
UPGRADE_COPY = "Une copie au format\xa014, que ces versions ouvrent, est gardée dans les sauvegardes"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _printed(said: str, before: str) -> Path:
    match = re.search(re.escape(before) + r"\xa0: (\S+\.atelier)", said)
    assert match, said
    return Path(match.group(1))


def _reimport(grid: Path, file: Path, number: int) -> str:
    """A re-import that changes one cell each time (so that each writes and backs up)."""
    grid.write_text(
        "Nom;Structure;Besoins;Ressources\n"
        f"Lucie Leroy;Grand Angoulême;besoin numéro {number};\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    result = run_cli("import", str(grid), "--into", str(file), "--merge-anyway")
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_the_copies_a_message_named_survive_later_backups(tmp_path: Path) -> None:
    file = tmp_path / "v14.atelier"
    shutil.copy(FIXTURES / "format-v14.atelier", file)
    added = run_cli("ateliers", str(file), "--add", "--title", "T0", "--date", "01/01/2022")
    assert added.returncode == 0, added.stderr
    upgrade = _printed(added.stderr, UPGRADE_COPY)
    upgrade_sha = _sha(upgrade)
    deleted = run_cli("ateliers", str(file), "--delete", "T0", "--oui")
    assert deleted.returncode == 0, deleted.stderr
    before_delete = _printed(deleted.stdout + deleted.stderr, "Sauvegarde d'avant")
    delete_sha = _sha(before_delete)
    grid = tmp_path / "g.csv"
    first_import = _printed(_reimport(grid, file, 0), "Sauvegarde d'avant")
    import_sha = _sha(first_import)
    for number in range(1, KEEP + 3):
        _reimport(grid, file, number)
    # Each named copy is still there, byte for byte as when it was named.
    assert upgrade.is_file() and _sha(upgrade) == upgrade_sha
    assert before_delete.is_file() and _sha(before_delete) == delete_sha
    assert first_import.is_file() and _sha(first_import) == import_sha
    shown = run_cli("info", str(upgrade)).stdout
    assert "(format 14" in shown and "(format 15" not in shown
    assert "Atelier écrit au format 1 (16/03/2021)" in shown


def test_an_import_copy_older_than_the_delay_rolls_like_the_others(tmp_path: Path) -> None:
    """Disk use stays bounded: past NAMED_DAYS days, copies before an import roll as before;
    the upgrade copy (the only one an older Atelier opens) stays for good."""
    from atelier.backups import NAMED_DAYS

    file = tmp_path / "v14.atelier"
    shutil.copy(FIXTURES / "format-v14.atelier", file)
    grid = tmp_path / "g.csv"
    upgrade = _printed(_reimport(grid, file, 0), UPGRADE_COPY)
    for number in range(1, KEEP + 3):
        _reimport(grid, file, number)
    # Made long ago: the same copies, dated NAMED_DAYS + 1 days back.
    for backup in backups_of(file):
        when = backup.when - timedelta(days=NAMED_DAYS + 1)
        stamp = f"{when:%Y%m%d-%H%M%S}-{when.microsecond // 1000:03d}"
        aged = backup.path.with_name(stamp + backup.path.name[len(stamp) :])
        os.rename(backup.path, aged)
        if backup.path == upgrade:
            upgrade = aged
    assert upgrade.is_file() and len(backups_of(file)) > KEEP + 1
    newest = _printed(_reimport(grid, file, 99), "Sauvegarde d'avant")
    kept = [b.path for b in backups_of(file)]
    assert upgrade in kept  # the only format-14 copy stays for good
    assert newest in kept  # just named
    assert len(kept) == KEEP + 2  # the old import copies rolled at KEEP
