"""A development workshop of tests/data (dev_workshop_NAME.json) in a real workshop file."""

from __future__ import annotations

import json
from pathlib import Path

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent


def dev_workshop(path: Path, name: str, title: str | None = None) -> Path:
    """tests/data/dev_workshop_NAME.json in a real workshop file, as an import would write it."""
    data = json.loads((ROOT / "tests" / "data" / f"dev_workshop_{name}.json").read_text(encoding="utf-8"))
    columns = {"needs": ItemKind.NEED, "offers": ItemKind.OFFER}
    columns |= {"actions": ItemKind.ACTION, "challenges": ItemKind.CHALLENGE}
    with Store.create(path, title=title or f"Atelier {name}", date="2024-03-12") as store:
        workshop_id = store.workshops()[0].id
        grid = []
        for row in data["participants"]:
            names, _, organisation = row["who"].partition(" / ")
            participant = Participant(workshop_id, names=[names], organisation=organisation)
            items = [Item(participant.id, kind, t) for key, kind in columns.items() for t in row.get(key, [])]
            grid.append((participant, items))
        store.add_grid(grid)
    return path
