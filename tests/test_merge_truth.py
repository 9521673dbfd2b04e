"""What a merge of two copies says is what it did: the deletions it counts are the ones it made
in the open file, and a field is called a conflict only when both copies changed it after
they parted."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge(first: Path, second: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> str:
    inputs = (_digest(first), _digest(second))
    result = run_cli("merge", str(first), str(second), "-o", str(out), *extra, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(first), _digest(second)) == inputs
    return result.stdout


def _copies(tmp_path: Path) -> tuple[Path, Path, str]:
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a, readonly=True) as store:
        return a, b, store.workshops()[0].id


def test_a_first_merge_counts_only_the_deletions_it_made_in_the_open_file(tmp_path: Path) -> None:
    """The open file had deleted two participants itself, the copy one: the copy still has the
    first two, the merge leaves them out, but it removed only one entry from the open file."""
    a, b, workshop_id = _copies(tmp_path)
    with Store.open(a) as store:
        people = store.participants(workshop_id)
        store.delete_participant(people[2].id)
        store.delete_participant(people[3].id)
    with Store.open(b) as store:
        store.delete_participant(people[6].id)
    said = _merge(a, b, tmp_path / "c.atelier")
    assert "1 suppression appliquée," in said
    as_json = json.loads(_merge(a, b, tmp_path / "d.atelier", "--json"))
    assert as_json["removed"]["participants"] == 1 and as_json["removed_ids"] == [people[6].id]
    with Store.open(tmp_path / "c.atelier", readonly=True) as store:
        left = {p.id for p in store.participants(workshop_id)}
        assert not left & {people[2].id, people[3].id, people[6].id}
        (record,) = store.merge_history()
        assert record.removed == 1
    # The other way round, each deletion the open file (b) had not made is counted.
    assert "2 suppressions appliquées," in _merge(b, a, tmp_path / "e.atelier")


def test_a_field_changed_before_the_copies_parted_and_then_in_one_copy_is_an_update(tmp_path: Path) -> None:
    """A corrected a role and a territory, then made the copy for B; B corrected that role again.
    Only B changed it since they parted: an update, not « 1 conflit »."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        people = store.participants(workshop_id)
        store.update_participant(people[0].id, role="Avant la copie", territory="Territoire avant")
        store.update_participant(people[1].id, role="Chargé de mission")
    shutil.copy(a, b)
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(people[0].id, role="Corrigé par B")
    said = _merge(a, b, tmp_path / "c.atelier")
    assert "0 conflit, 1 champ mis à jour." in said
    assert "[mis à jour] Participant" in said and "[conflit]" not in said
    # Both changed it after they parted: that is a conflict.
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_participant(people[0].id, role="Corrigé par A")
    said = _merge(a, b, tmp_path / "d.atelier")
    assert "1 conflit, 0 champ mis à jour." in said and "[conflit] Participant" in said
