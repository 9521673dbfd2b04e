"""Two people of one workshop, each with one need: Lucie Leroy (Grand Angoulême) and Paul Roux."""

from __future__ import annotations

from pathlib import Path

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store


def lucie_and_paul(target: Path, paul_from: str) -> Path:
    """A file of one workshop (16 March 2021, no place): Lucie Leroy of Grand Angoulême, then
    Paul Roux of `paul_from`, each needing « un répertoire d'initiatives locales »."""
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16", place="") as store:
        workshop_id = store.workshops()[0].id
        for name, organisation in (("Lucie Leroy", "Grand Angoulême"), ("Paul Roux", paul_from)):
            p = store.add_participant(
                Participant(workshop_id, names=[name], organisation=organisation, source_text=name)
            )
            store.add_item(Item(p.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
    return target
