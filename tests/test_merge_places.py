"""A participant (or a line of a cell) a merge adds or keeps takes the place it has in the copy
it came from, between the same neighbours, instead of going to the end of the grid; no
participant already in the file changes order."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _names(path: Path, workshop_id: str) -> list[str]:
    with Store.open(path, readonly=True) as store:
        people = store.participants(workshop_id)
        assert [p.position for p in people] == list(range(len(people)))
        return [", ".join(p.names) for p in people]


def test_a_participant_added_or_kept_by_a_merge_keeps_its_place_among_its_neighbours(tmp_path: Path) -> None:
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        people = store.participants(workshop_id)
        kept = people[5]
        store.delete_participant(kept.id)  # A deletes the 6th participant…
        store.add_participant(Participant(workshop_id, names=["Léa Dumas"]))  # …and adds one at the end
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(kept.id, territory="Corrigé par B après")  # …that B corrects afterwards
        store.add_participant(
            Participant(workshop_id, names=["Nina Vidal"]), position=2
        )  # between 2nd and 3rd
        store.add_participant(Participant(workshop_id, names=["Omar Said"]))  # and one at the end
        first = people[0]
        lines = [i.text for i in store.items(first.id, ItemKind.ACTION)]
        store.add_item(Item(first.id, ItemKind.ACTION, "Ligne ajoutée par B"), position=1)
    before = _names(a, workshop_id)
    merged = tmp_path / "fusion.atelier"
    done = run_cli("merge", str(a), str(b), "-o", str(merged))
    assert done.returncode == 0, done.stderr

    after = _names(merged, workshop_id)
    kept_name = ", ".join(kept.names)
    assert after[2] == "Nina Vidal"  # where B typed her, not at the end
    assert after[after.index(kept_name) - 1] == ", ".join(people[4].names)  # back between its neighbours
    assert after[after.index(kept_name) + 1] == ", ".join(people[6].names)
    assert after[-2:] == ["Léa Dumas", "Omar Said"]  # A's new row stays where A put it, B's after it
    # Every participant A had keeps its order.
    assert [n for n in after if n in before] == before
    with Store.open(merged, readonly=True) as store:
        texts = [i.text for i in store.items(first.id, ItemKind.ACTION)]
    assert texts == [lines[0], "Ligne ajoutée par B", *lines[1:]]
