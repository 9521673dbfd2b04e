"""`atelier info` says what a file keeps for merges besides its grid: how many deletions it
remembers (so that an older copy merged in does not bring them back) and how many merges
its history holds; a file with neither says nothing of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def test_info_says_the_deletions_and_merges_the_file_remembers(tmp_path: Path) -> None:
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    plain = run_cli("info", str(a))
    assert plain.returncode == 0 and "Suppressions" not in plain.stdout and "fusions" not in plain.stdout
    shutil.copy(EXAMPLE, b)
    with Store.open(b) as store:
        workshop_id = store.workshops()[0].id
        for person in store.participants(workshop_id)[:2]:
            store.delete_participant(person.id)
    merged = tmp_path / "c.atelier"
    assert run_cli("merge", str(a), str(b), "-o", str(merged)).returncode == 0

    said = run_cli("info", str(merged))
    assert said.returncode == 0, said.stderr
    lines = said.stdout.splitlines()
    assert "Participants\xa0: 22 (20 lignes de la grille)" in lines  # people, as the minutes count them
    assert lines[-2:] == [
        "Suppressions retenues pour les fusions\xa0: 2 (un identifiant et une heure pour chacune, pour "
        "qu'une copie plus ancienne ne ramène pas ce qui a été supprimé)",
        "Historique des fusions\xa0: 1 fusion",
    ]
    english = run_cli("info", str(merged), env={"ATELIER_LANG": "en"})
    assert english.stdout.splitlines()[-2:] == [
        "Deletions remembered for merges: 2 (an id and a time for each, so that an older copy does not "
        "bring back what was deleted)",
        "Merge history: 1 merge",
    ]


def test_a_damaged_merge_record_does_not_stop_info_a_merge_or_the_history(tmp_path: Path) -> None:
    """A record of the history that is not what Atelier writes (a file edited by hand, or by
    another program): skipped where it cannot be read, never an « Erreur inattendue »."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a) as store:
        store.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('merge:2026-11-22T10:00:00Z:x', ?)",
            ('{"when": 3, "files": 5, "differences": 7, "kept_deleted": "x", "conflicts": "deux"}',),
        )
        store.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('merge:2026-11-22T11:00:00Z:y', ?)",
            ('{"files": ["a", "b"], "differences": [{"what": 1, "kept_when": 2, "conflict": 1}]}',),
        )
    before = a.read_bytes()
    info = run_cli("info", str(a))
    assert info.returncode == 0 and "Erreur" not in info.stderr, info.stderr
    for first, second in ((a, b), (b, a)):
        done = run_cli("merge", str(first), str(second), "-o", str(tmp_path / f"m-{first.stem}.atelier"))
        assert done.returncode == 0 and "Erreur" not in done.stderr, done.stderr
    assert a.read_bytes() == before
    from atelier.ui.merge_history import history_text

    with Store.open(tmp_path / "m-a.atelier", readonly=True) as store:
        assert "Fusion du" in history_text(store.merge_history())
