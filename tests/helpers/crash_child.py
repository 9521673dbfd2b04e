"""A facilitator typing fast, for tests/test_crash_safety.py.

Edits go through the window's own path: the grid model and its undo commands (the ones
typing in a cell, adding a row, or the participant card push). Each edit is announced
before it starts ("BEGIN") and acknowledged ("ACK") when the model emits `saved`, the
signal on which the window shows "Enregistré à …". The parent kills this process at
random moments; every acknowledged edit must be in the file. Undo is exercised too.

    python -m tests.helpers.crash_child FILE SEED
"""

from __future__ import annotations

import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(path: str, seed: int) -> None:
    from PySide6.QtGui import QGuiApplication

    from atelier.domain import ItemKind
    from atelier.store import Store
    from atelier.ui.commands import AddParticipant, EditCell, EditParticipant, push
    from atelier.ui.grid_model import GridModel

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - the undo stack needs one
    store = Store.open(path, lock=True)  # as the window opens it
    model = GridModel(store, store.workshops()[0].id)
    pending: list[str] = []
    model.saved.connect(lambda _when: pending and print("ACK\t" + pending.pop(), flush=True))

    def edit(line: str, command: object) -> None:
        print("BEGIN\t" + line, flush=True)
        pending.append(line)
        if not push(model, command):  # type: ignore[arg-type]
            raise SystemExit(f"refused: {line}")

    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        tag = f"{seed}-{number}"
        people = [model.participant_at(row).id for row in range(model.rowCount())]
        choice = rng.random()
        if choice < 0.2 or not people:
            command = AddParticipant(model, model.rowCount(), f"Personne {tag} / Structure {tag}")
            edit(f"add\t{command.participant.id}\tPersonne {tag}", command)
        elif choice < 0.75:
            who = rng.choice(people)
            kind = rng.choice(list(ItemKind))
            texts = [f"ligne {tag} n°{i} : élément saisi" for i in range(rng.randint(0, 4))]
            edit(f"cell\t{who}:{kind}\t{'|'.join(texts)}", EditCell(model, who, kind, texts))
        elif choice < 0.9:
            who = rng.choice(people)
            value = f"Territoire {tag}"
            edit(f"territory\t{who}\t{value}", EditParticipant(model, who, {"territory": value}))
        elif model.undo_stack.canUndo():
            # Undo is an edit too: announced with what the file must then hold.
            command = model.undo_stack.command(model.undo_stack.index() - 1)
            line = _after_undo(store, command)
            if line is None:
                continue
            print("BEGIN\t" + line, flush=True)
            pending.append(line)
            model.undo_stack.undo()


def _after_undo(store, command) -> str | None:
    """What undoing `command` leaves in the file, as a BEGIN/ACK line."""
    from atelier.ui.commands import EditCell, EditParticipant

    if isinstance(command, EditCell) and command.snapshot is not None:
        texts = [i.text for i in command.snapshot.items]
        return f"cell\t{command.participant_id}:{command.kind}\t{'|'.join(texts)}"
    if isinstance(command, EditParticipant) and "territory" in command.old:
        return f"territory\t{command.participant_id}\t{command.old['territory']}"
    return None  # undoing an added row: not followed here


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
