"""A large grid is written to its new file off the UI thread: the window keeps running and
shows the progress; « Annuler » or closing the window meanwhile leaves nothing written."""

from __future__ import annotations

import contextlib
import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

import atelier.importers
from atelier.domain import ItemKind
from atelier.store import Store
from tests.helpers.keyboard import active_example_window

WORDS = "Action longue de l'atelier emploi, collée depuis un rapport "


def _large_grid(folder: Path, rows: int = 120, cell: int = 20_000) -> Path:
    grid = folder / "grille-longue.csv"
    long = (WORDS * (cell // len(WORDS) + 1))[:cell]
    with grid.open("w", encoding="utf-8") as out:
        out.write("Participant;Actions;Défis;Besoins;Ressources\n")
        for row in range(rows):
            out.write(f"Personne{row} Nom, Structure {row};{long};mobilité;un lieu;un local\n")
    return grid


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _box() -> QProgressDialog | None:
    shown = [b for b in QApplication.allWidgets() if isinstance(b, QProgressDialog) and b.isVisible()]
    return shown[0] if shown else None


@contextlib.contextmanager
def _let_through(state: dict):
    """Every 10 ms on the UI thread: once the test's `action` is done, the held work goes on."""

    def tick() -> None:
        if not state["ran"].is_set() and state["action"]():
            state["ran"].set()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    try:
        yield
    finally:
        timer.stop()


@pytest.fixture
def gated(monkeypatch):
    """The write waits, before it starts, until the UI thread has done `action` (set by the
    test): a write on the UI thread could never let it, and would go on after 5 s, ungated."""
    original = atelier.importers.write_plan
    state: dict = {"action": lambda: False, "ran": threading.Event()}

    def write_plan(*args, **kwargs):
        state["ran"].wait(5)
        return original(*args, **kwargs)

    monkeypatch.setattr(atelier.importers, "write_plan", write_plan)

    with _let_through(state):
        yield state


def test_a_large_grid_is_written_while_the_window_keeps_running(qtbot, tmp_path: Path, gated) -> None:
    window = active_example_window(qtbot, tmp_path)
    out = tmp_path / "sortie"
    out.mkdir()
    labels: list[str] = []

    def look() -> bool:  # the UI thread runs during the write, with the progress box up
        box = _box()
        if box is not None:
            labels.append(box.labelText())
        return box is not None

    gated["action"] = look
    target = out / "atelier-long.atelier"
    assert window.import_grid(_large_grid(tmp_path), target, dialog_hook=lambda _dialog: True)
    assert labels and labels[0] == "Écriture de «\xa0atelier-long.atelier\xa0»…"
    assert _box() is None  # gone once written
    assert window.store.path == target
    with Store.open(target, readonly=True) as store:
        assert window.model.rowCount() == len(store.participants(store.workshops()[0].id)) > 100
    assert all(".~atelier-" not in name for name in _hidden(out))


def test_closing_the_window_during_the_write_leaves_no_file_and_nothing_half_written(
    qtbot, tmp_path: Path, gated, no_modal_boxes: list[str]
) -> None:
    window = active_example_window(qtbot, tmp_path)
    opened = window.store.path
    out = tmp_path / "sortie"
    out.mkdir()

    def close() -> bool:  # the facilitator closes the window mid-import
        gated["ran"].set()
        window.close()
        return True

    gated["action"] = close
    target = out / "atelier-long.atelier"
    assert not window.import_grid(_large_grid(tmp_path), target, dialog_hook=lambda _dialog: True)
    assert not window.isVisible()
    assert not target.exists()
    assert _hidden(out) == []  # no temporary, no journal, no lock left behind
    assert no_modal_boxes == []
    with Store.open(opened, readonly=True) as store:  # the file the window had open is sound
        assert store.integrity_check() == "ok"


def test_cancelling_the_write_leaves_nothing_and_says_so(qtbot, tmp_path: Path, gated) -> None:
    window = active_example_window(qtbot, tmp_path)
    out = tmp_path / "sortie"
    out.mkdir()

    def escape() -> bool:  # « Annuler » from the keyboard, once the box is up
        box = _box()
        if box is not None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        return box is not None

    gated["action"] = escape
    target = out / "atelier-long.atelier"
    assert not window.import_grid(_large_grid(tmp_path), target, dialog_hook=lambda _dialog: True)
    assert not target.exists() and _hidden(out) == []
    assert window.saved_label.text() == "Import annulé\xa0: rien n'a été écrit."
    assert window.store.path.name == "exemple.atelier"  # the window stays on its file


# ------------------------------------------- a grid brought into the open file


@pytest.fixture
def gated_store(monkeypatch):
    """Store.reimport_grid and Store.add_workshop_with_grid wait, once their first row is
    written in their transaction, until the UI thread has done `action` (set by the test). A
    write on the UI thread (no progress told) waits before it starts, the window frozen: the
    action can never run, and the write goes on after 5 s, ungated."""
    state: dict = {"action": lambda: False, "ran": threading.Event()}

    def gate(name: str) -> None:
        original = getattr(Store, name)

        def wrapped(self, first, rows, progress=None, **more):
            if progress is None:
                state["ran"].wait(5)
                return original(self, first, rows, **more)

            def step(done: int, total: int) -> None:
                state["ran"].wait(5)
                progress(done, total)

            return original(self, first, rows, step, **more)

        monkeypatch.setattr(Store, name, wrapped)

    gate("reimport_grid")
    gate("add_workshop_with_grid")

    with _let_through(state):
        yield state


def _updated_grid(window, folder: Path) -> Path:
    """The first participant's row with a need added, and a new participant: two rows."""
    first = window.model.participant_at(0)
    grid = folder / "grille-à-jour.csv"
    grid.write_text(
        "Participant / territoire;Besoins de ressources\n"
        f"{first.source_text};Un besoin ajouté dans la grille\n"
        "Nina Vidal / Mission locale;Trouver des bénévoles\n",
        encoding="utf-8",
    )
    return grid


def _as_kept(path: Path) -> list[tuple[str, list[str], list[tuple[str, str]]]]:
    """What the file holds, read by another connection: each workshop's title, and each of its
    participants with their statements."""
    with Store.open(path, readonly=True) as store:
        return [
            (
                w.title,
                [" ".join(p.names) for p in store.participants(w.id)],
                [(str(i.kind), i.text) for p in store.participants(w.id) for i in store.items(p.id)],
            )
            for w in store.workshops()
        ]


def _names(path: Path) -> list[str]:
    return [name for _title, names, _items in _as_kept(path) for name in names]


def _matched(qtbot, window) -> None:
    """The window's first matching saved (it writes suggestions into the file)."""
    qtbot.waitUntil(lambda: window.matching.engine is not None and not window.matching._busy, timeout=30_000)


def test_a_reimport_is_written_while_the_window_keeps_running_and_is_undone_in_one_step(
    qtbot, tmp_path: Path, gated_store
) -> None:
    window = active_example_window(qtbot, tmp_path)
    grid = _updated_grid(window, tmp_path)
    labels: list[str] = []

    def look() -> bool:  # the UI thread runs during the write, with the progress box up
        box = _box()
        if box is not None:
            labels.append(box.labelText())
        return box is not None

    gated_store["action"] = look
    rows = window.model.rowCount()
    assert window.reimport_grid(grid, dialog_hook=lambda _dialog: True)
    assert labels and labels[0] == "Réimport de «\xa0grille-à-jour.csv\xa0»…"
    assert _box() is None
    assert window.model.rowCount() == rows + 1
    assert "1 participant mis à jour, 1 ajouté" in window.saved_label.text()
    assert "Nina Vidal" in _names(window.store.path)
    assert window.model.undo_stack.undoText() == "Réimporter la grille"
    window.undo_action.trigger()
    assert window.model.rowCount() == rows
    assert "Nina Vidal" not in _names(window.store.path)
    window.redo_action.trigger()
    assert window.model.rowCount() == rows + 1
    assert "Nina Vidal" in _names(window.store.path)


def test_cancelling_a_reimport_midway_leaves_the_file_as_it_was_and_says_so(
    qtbot, tmp_path: Path, gated_store
) -> None:
    import hashlib

    window = active_example_window(qtbot, tmp_path)
    _matched(qtbot, window)
    grid = _updated_grid(window, tmp_path)
    path = window.store.path
    kept = _as_kept(path)
    on_disk = hashlib.sha256(path.read_bytes()).hexdigest()
    steps = window.model.undo_stack.count()

    def escape() -> bool:  # « Annuler » from the keyboard: the first row is already written
        box = _box()
        if box is not None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        return box is not None

    gated_store["action"] = escape
    rows = window.model.rowCount()
    assert not window.reimport_grid(grid, dialog_hook=lambda _dialog: True)
    assert window.saved_label.text() == "Import annulé\xa0: rien n'a été écrit."
    assert _as_kept(path) == kept
    assert hashlib.sha256(path.read_bytes()).hexdigest() == on_disk
    assert window.model.rowCount() == rows
    assert window.model.undo_stack.count() == steps  # nothing to undo: nothing was done


def test_closing_the_window_during_a_reimport_leaves_the_file_as_it_was(
    qtbot, tmp_path: Path, gated_store, no_modal_boxes: list[str], monkeypatch
) -> None:
    import time

    from atelier.ui.operations import files

    window = active_example_window(qtbot, tmp_path)
    grid = _updated_grid(window, tmp_path)
    path = window.store.path
    kept = _as_kept(path)
    may_leave = files.may_leave_gone_file

    def deciding(window) -> bool:
        # While the window decides whether it may close (its file checked on the disk, a
        # question maybe asked), the held import is let go: it must not end behind the close.
        gated_store["ran"].set()
        time.sleep(0.5)
        return may_leave(window)

    monkeypatch.setattr(files, "may_leave_gone_file", deciding)

    def close() -> bool:  # the facilitator closes the window mid-import
        window.close()
        return True

    gated_store["action"] = close
    assert not window.reimport_grid(grid, dialog_hook=lambda _dialog: True)
    assert not window.isVisible()
    assert no_modal_boxes == []
    assert _as_kept(path) == kept
    with Store.open(path, readonly=True) as store:
        assert store.integrity_check() == "ok"


def test_a_close_declined_during_a_reimport_lets_the_import_finish(
    qtbot, tmp_path: Path, gated_store, monkeypatch
) -> None:
    import time

    from atelier.ui.operations import files

    window = active_example_window(qtbot, tmp_path)
    grid = _updated_grid(window, tmp_path)
    rows = window.model.rowCount()

    def declined(_window) -> bool:  # asked whether to close: « Ne pas fermer »
        gated_store["ran"].set()
        time.sleep(0.3)
        return False

    may_leave = files.may_leave_gone_file
    monkeypatch.setattr(files, "may_leave_gone_file", declined)
    gated_store["action"] = lambda: window.close() or True
    assert window.reimport_grid(grid, dialog_hook=lambda _dialog: True)
    assert window.isVisible()
    assert window.model.rowCount() == rows + 1
    assert "1 participant mis à jour, 1 ajouté" in window.saved_label.text()
    assert "Nina Vidal" in _names(window.store.path)
    monkeypatch.setattr(files, "may_leave_gone_file", may_leave)  # the window may close now


def test_a_past_grid_as_a_new_workshop_is_written_off_the_ui_thread_cancelled_or_undone(
    qtbot, tmp_path: Path, gated_store
) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    grid = _large_grid(tmp_path, rows=3, cell=200)
    kept = _as_kept(path)
    seen: list[str] = []

    def escape() -> bool:
        box = _box()
        if box is not None:
            seen.append(box.labelText())
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        return box is not None

    gated_store["action"] = escape
    assert not window.import_as_workshop(grid, dialog_hook=lambda _dialog: True)
    assert seen == ["Écriture de «\xa0grille-longue\xa0»…"]
    assert window.saved_label.text() == "Import annulé\xa0: rien n'a été écrit."
    assert _as_kept(path) == kept

    gated_store["ran"].clear()
    gated_store["action"] = lambda: _box() is not None
    assert window.import_as_workshop(grid, dialog_hook=lambda _dialog: True)
    assert window.model.workshop().title == "grille-longue" and window.model.rowCount() == 3
    assert len(_as_kept(path)) == len(kept) + 1
    window.undo_action.trigger()
    assert _as_kept(path) == kept


# ------------------------------------------------ the dialog understands the grid


@pytest.fixture
def gated_plan(monkeypatch):
    """The grid's planning waits until the UI thread has done `action`; planned on the UI
    thread, it waits 5 s with the dialog frozen and the action never runs."""
    import atelier.ui.import_dialog

    original = atelier.ui.import_dialog.plan_table
    state: dict = {"action": lambda: False, "ran": threading.Event()}
    state["ran"].set()  # open until a test closes it

    def plan_table(*args, **kwargs):
        state["ran"].wait(5)
        return original(*args, **kwargs)

    monkeypatch.setattr(atelier.ui.import_dialog, "plan_table", plan_table)

    with _let_through(state):
        yield state


def test_the_import_dialog_understands_the_grid_while_it_keeps_answering(
    qtbot, tmp_path: Path, gated_plan
) -> None:
    from atelier.ui.import_dialog import ImportDialog

    window = active_example_window(qtbot, tmp_path)
    grid = _large_grid(tmp_path, rows=4, cell=300)
    dialog = ImportDialog(grid, window)
    qtbot.addWidget(dialog)
    said: list[tuple[str, bool]] = []

    def look() -> bool:  # the dialog paints and answers while the grid is being understood
        if dialog.progress.isVisible():
            said.append((dialog.summary.text(), dialog.import_button.isEnabled()))
        return dialog.progress.isVisible() and dialog.summary.text() == "Analyse de la grille…"

    gated_plan["ran"].clear()
    gated_plan["action"] = look
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert ("Analyse de la grille…", False) in said
    assert dialog.summary.text().startswith("4 participants")
    assert dialog.import_button.isEnabled() and not dialog.progress.isVisible()

    # A column chosen by hand: understood again off the UI thread, « Importer… » off meanwhile.
    said.clear()
    gated_plan["ran"].clear()
    dialog.set_column_kind(4, "ignore")
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert ("Analyse de la grille…", False) in said
    assert dialog.summary.text().endswith("0 ressource")
    assert dialog.import_button.isEnabled() and dialog.preview.isEnabled()


def test_the_import_dialog_closes_at_once_with_escape_while_it_understands_the_grid(
    qtbot, tmp_path: Path, gated_plan
) -> None:
    from atelier.ui.import_dialog import ImportDialog

    window = active_example_window(qtbot, tmp_path)
    grid = _large_grid(tmp_path, rows=4, cell=300)
    dialog = ImportDialog(grid, window)
    qtbot.addWidget(dialog)
    closed: list[bool] = []

    def escape() -> bool:
        if not (dialog.progress.isVisible() and dialog.progress.format() == "Analyse de la grille…"):
            return False
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        closed.append(not dialog.isVisible())
        return True

    gated_plan["ran"].clear()
    gated_plan["action"] = escape
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: gated_plan["ran"].is_set(), timeout=20_000)
    assert closed == [True]  # closed while the grid was still being understood
    qtbot.wait(200)
    assert dialog.plan is None and dialog.result() == 0


def test_after_a_reimport_the_new_rows_needs_are_matched_with_the_offers_already_there(
    qtbot, tmp_path: Path
) -> None:
    """The grid shows what the re-import wrote, read after it by the connection that wrote
    it, and the matching (which reads the workshop's statements in its worker) suggests an
    offer already in the room for the need of a participant the grid brought."""
    window = active_example_window(qtbot, tmp_path)
    _matched(qtbot, window)
    offer = next(
        item
        for row in range(window.model.rowCount())
        for item in window.model.items_of(window.model.participant_at(row).id, ItemKind.OFFER)
    )
    helper = window.model.participant_at(window.model.row_of(offer.participant_id))
    grid = tmp_path / "grille-à-jour.csv"
    # the workshop's grid come back with a row added: the helper's row there too (a grid with
    # none of the workshop's people is another workshop's: the window would ask)
    offers = "\n".join(i.text for i in window.model.items_of(helper.id, ItemKind.OFFER))
    with grid.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(
            [
                ["Participant / territoire", "Besoins de ressources", "Peut être ressource sur"],
                [helper.source_text, "", offers],
                ["Nina Vidal / Mission locale", offer.text, ""],
            ]
        )
    rows = window.model.rowCount()
    assert window.reimport_grid(grid, dialog_hook=lambda _dialog: True)
    assert window.model.rowCount() == rows + 1
    nina = window.model.participant_at(rows)
    assert nina.names == ["Nina Vidal"]
    (need,) = window.model.items_of(nina.id, ItemKind.NEED)
    assert need.text == offer.text
    qtbot.waitUntil(lambda: bool(window.store.matches_for_need(need.id)), timeout=30_000)
    assert offer.id in {m.resource_id for m in window.store.matches_for_need(need.id)}, helper.names
