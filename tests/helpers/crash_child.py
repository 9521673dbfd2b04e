"""A facilitator typing fast, for tests/test_crash_safety.py: edits through the store's
operations (the ones the window's undo commands call), each announced before it starts
("BEGIN") and acknowledged once the store returned ("ACK"), i.e. once the window would
show it as saved. The parent kills this process at random moments.

    python -m tests.helpers.crash_child FILE SEED
"""

from __future__ import annotations

import random
import sys

from atelier.domain import ItemKind, Participant
from atelier.store import Store


def main(path: str, seed: int) -> None:
    store = Store.open(path, lock=True)  # as the window opens it
    workshop_id = store.workshops()[0].id
    people = [p.id for p in store.participants(workshop_id)]
    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        tag = f"{seed}-{number}"
        choice = rng.random()
        if choice < 0.2 or not people:
            participant = Participant(workshop_id, names=[f"Personne {tag}"], organisation=f"Structure {tag}")
            print(f"BEGIN\tadd\t{participant.id}\t{tag}", flush=True)
            store.add_participant(participant)
            people.append(participant.id)
            print(f"ACK\tadd\t{participant.id}\t{tag}", flush=True)
        elif choice < 0.8:
            who = rng.choice(people)
            kind = rng.choice(list(ItemKind))
            texts = [f"ligne {tag} n°{i} : élément saisi" for i in range(rng.randint(0, 4))]
            value = "|".join(texts)
            print(f"BEGIN\tcell\t{who}:{kind}\t{value}", flush=True)
            store.set_cell(who, kind, texts)
            print(f"ACK\tcell\t{who}:{kind}\t{value}", flush=True)
        else:
            who = rng.choice(people)
            value = f"Territoire {tag}"
            print(f"BEGIN\tterritory\t{who}\t{value}", flush=True)
            store.update_participant(who, territory=value)
            print(f"ACK\tterritory\t{who}\t{value}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
