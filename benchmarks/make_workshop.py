"""Generate a large, realistic workshop file for benchmarks and manual checks.

    python benchmarks/make_workshop.py OUT.atelier --participants 500 [--seed 1]

Texts are recombined from the example workshop's real items, so lengths and
vocabulary look like a real grid's.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(out: Path, participants: int, seed: int = 1, items_per_cell: int = 3) -> Path:
    from atelier.domain import ITEM_KINDS, Item, Participant
    from atelier.store import Store

    rng = random.Random(seed)
    with Store.open(ROOT / "examples" / "atelier-2021-03-16.atelier", readonly=True) as example:
        workshop_id = example.workshops()[0].id
        texts = {kind: [i.text for i in example.workshop_items(workshop_id, kind)] for kind in ITEM_KINDS}
        people = example.participants(workshop_id)
    if out.exists():
        out.unlink()
    with Store.create(
        out, title=f"Atelier généré ({participants} participants)", date="2024-05-14", place="Bordeaux"
    ) as store:
        workshop_id = store.workshops()[0].id
        rows = []
        for number in range(participants):
            model = rng.choice(people)
            participant = Participant(
                workshop_id,
                names=[f"Personne {number + 1}"],
                organisation=model.organisation,
                territory=model.territory,
                source_text=f"Personne {number + 1} / {model.organisation}",
            )
            items = [
                Item(participant.id, kind, rng.choice(texts[kind]))
                for kind in ITEM_KINDS
                for _ in range(rng.randint(0, items_per_cell))
            ]
            rows.append((participant, items))
        store.add_grid(rows)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(build(Path(args.out), args.participants, args.seed))
