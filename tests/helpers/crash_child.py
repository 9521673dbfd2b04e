"""A facilitator typing fast, for tests/test_crash_safety.py.

Edits go through the window's own path: the grid model and its undo commands (the ones
typing in a cell, adding a row, or the participant card push). Each edit is announced
before it starts ("BEGIN") and acknowledged ("ACK") when the model emits `saved`, the
signal on which the window shows "Enregistré à …". The parent kills this process at
random moments; every acknowledged edit must be in the file. Undo is exercised too.

    python -m tests.helpers.crash_child FILE SEED

or, started once, a child forked per request with Python, Qt's modules and Atelier's already
imported (a new interpreter paid them again for each of the test's 25 kills: about 1 s each
of its 1.1 s run on a loaded 2-core machine):

    python -m tests.helpers.crash_child --serve

reads lines `FIFO STDERR FILE SEED` (tab-separated) on its input; for each, opens the named
pipe FIFO (as the child's standard output: the test reads it), forks, and answers `pid N`,
then `status N` when the child ended (N as `Popen.returncode`: -9 killed by SIGKILL). The
forked child creates its own application: nothing of Qt exists before the fork but its
loaded modules (no thread, no application).
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


# What a child imports, loaded once by the server (the grid's model and undo commands, and what
# they load as the first edits are saved: the store's library, the grid's readers, matching).
PRELOADED = (
    "PySide6.QtGui",
    "atelier.domain",
    "atelier.store",
    "atelier.ui.commands",
    "atelier.ui.grid_model",
    "sqlite_utils",
    "atelier.importers",
    "atelier.importers.grid",
    "atelier.matching",
    "atelier.matching.engine",
    "atelier.store.merge",
)


def serve() -> None:
    import importlib

    for name in PRELOADED:
        importlib.import_module(name)

    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)  # the protocol's pipes are no child's input or output
    os.dup2(null, 1)
    for request in requests:
        fifo, stderr, path, seed = request.rstrip("\n").split("\t")
        out = os.open(fifo, os.O_WRONLY)  # once the test opened it to read
        err = os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            os.dup2(out, 1)
            os.dup2(err, 2)
            os.close(out)
            os.close(err)
            try:
                main(path, int(seed))
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(1)
        os.close(out)  # the child's only: the test reads to its end when the child ends
        os.close(err)
        print(f"pid {pid}", file=replies, flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"status {os.waitstatus_to_exitcode(status)}", file=replies, flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        main(sys.argv[1], int(sys.argv[2]))
