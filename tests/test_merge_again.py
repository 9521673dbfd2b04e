"""Merging a copy a second time: it brought nothing new, and every report says so in one
sentence (the command line, the window, Fichier › Historique des fusions), instead of
repeating the first merge's « 1 suppression appliquée » and its conflicts."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT, run_cli
from tests.helpers.keyboard import active_example_window, key

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
CTRL = Qt.KeyboardModifier.ControlModifier


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copies_that_differ(tmp_path: Path) -> tuple[Path, Path, str]:
    """A and B each deleted one participant; both typed one role; B corrected a territory and
    deleted a participant that A then corrected (kept, and said)."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(b) as store:
        workshop_id = store.workshops()[0].id
        people = store.participants(workshop_id)
        store.update_participant(people[0].id, role="Animatrice (B)")
        store.update_participant(people[1].id, territory="Territoire corrigé par B")
        store.delete_participant(people[5].id)
        store.delete_participant(people[7].id)
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_participant(people[0].id, role="Animatrice (A)")
        store.update_participant(people[5].id, territory="Corrigé par A après")
        store.delete_participant(people[3].id)
    return a, b, workshop_id


def _merge(first: Path, second: Path, out: Path, env: dict[str, str] | None = None) -> str:
    inputs = (_digest(first), _digest(second))
    result = run_cli("merge", str(first), str(second), "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert (_digest(first), _digest(second)) == inputs
    return result.stdout


def test_merging_the_same_copy_again_says_it_brought_nothing_new(tmp_path: Path) -> None:
    a, b, workshop_id = _copies_that_differ(tmp_path)
    once = _merge(a, b, tmp_path / "c.atelier")
    assert "1 suppression appliquée" in once and "1 conflit" in once and "est gardé" in once

    again = _merge(tmp_path / "c.atelier", b, tmp_path / "d.atelier")
    assert again == (
        f"Fusion écrite dans «\xa0{tmp_path / 'd.atelier'}\xa0»\xa0: "
        "rien de nouveau dans «\xa0b.atelier\xa0», "
        "«\xa0c.atelier\xa0» avait déjà tout ce qu'il apporte.\n"
    )
    english = _merge(tmp_path / "c.atelier", b, tmp_path / "e.atelier", env={"ATELIER_LANG": "en"})
    assert english == (
        f"Merge written to “{tmp_path / 'e.atelier'}”: nothing new in “b.atelier”, “c.atelier” already had "
        "everything it brings.\n"
    )
    with Store.open(tmp_path / "c.atelier", readonly=True) as c, Store.open(tmp_path / "d.atelier") as d:
        assert [p.id for p in d.participants(workshop_id)] == [p.id for p in c.participants(workshop_id)]
        assert [(p.role, p.territory) for p in d.participants(workshop_id)] == [
            (p.role, p.territory) for p in c.participants(workshop_id)
        ]
        records = d.merge_history()
    from atelier.ui.merge_history import history_text

    newest = history_text(records).split("\n\n")[0]
    assert "rien de nouveau dans «\xa0b.atelier\xa0»" in newest.lower()
    assert "suppression" not in newest and "conflit" not in newest
    # The first merge's record is kept as it was.
    oldest = history_text(records).split("\n\n")[-1]
    assert "1 suppression appliquée" in oldest and "[conflit]" in oldest


def test_the_windows_second_merge_of_one_copy_says_nothing_new(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "salle-b.atelier"
    window.store.backup_to(other)  # the other facilitator's copy, made before the deletion
    window.grid.setCurrentIndex(window.proxy.index(4, 1))
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # Ctrl+Suppr: a row goes here
    with Store.open(other) as store:  # B corrects a territory meanwhile
        first = store.participants(window.model.workshop_id)[0]
        store.update_participant(first.id, territory="Territoire corrigé par B")

    assert window.merge_file(other, report=False) is not None
    assert "1 champ mis à jour" in window.saved_label.text()
    rows = window.model.rowCount()

    assert window.merge_file(other, report=False) is not None
    status = window.saved_label.text()
    assert status == (
        "Rien de nouveau dans «\xa0salle-b.atelier\xa0»\xa0: ce fichier avait déjà tout ce qu'il "
        "apporte\u202f; rien n'a été ajouté ni modifié."
    )
    assert window.model.rowCount() == rows
    # Only the merge that changed something is in the history: the second changed nothing.
    assert len(window.store.merge_history()) == 1
    text = window.show_merge_history(show=False).text.toPlainText()  # Qt gives « » as spaces
    assert "Rien de nouveau" not in text and "1 champ mis à jour" in text.replace("\xa0", " ")
    assert no_modal_boxes == []


def test_a_field_only_the_first_copy_changed_is_not_said_updated(tmp_path: Path) -> None:
    """A field only the open copy changed keeps its value: the other copy's is only the one it
    replaced, so the merge neither counts it as « mis à jour » nor lists it as set aside (the
    window said « 1 champ mis à jour » and nothing in the grid had changed)."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        first = store.participants(workshop_id)[0]
        store.update_participant(first.id, territory="Territoire corrigé par A")
    with Store.open(b) as store:  # B adds a line elsewhere: the merge has something to say
        second = store.participants(workshop_id)[1]
        store.set_cell(second.id, ItemKind.NEED, ["Un besoin ajouté par B"])
    said = _merge(a, b, tmp_path / "c.atelier")
    assert said.startswith(f"Fusion écrite dans «\xa0{tmp_path / 'c.atelier'}\xa0»\xa0: 1 entrée ajoutée")
    assert "0 conflit, 0 champ mis à jour." in said and "[mis à jour]" not in said
    with Store.open(tmp_path / "c.atelier", readonly=True) as store:
        assert store.participant(first.id).territory == "Territoire corrigé par A"
    # The other way round, A's correction is a field the merge changed, and said.
    other_way = _merge(b, a, tmp_path / "d.atelier")
    assert "1 champ mis à jour." in other_way and "[mis à jour]" in other_way


def test_a_copy_that_adds_nothing_merged_in_the_window_leaves_the_file_as_it_was(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl+Maj+F on a copy holding nothing this file lacks: it said « Rien de nouveau », yet
    rewrote the file, wrote a merge into its history (« Historique des fusions » listed it),
    made a backup and an undo step « Fusionner ». Now it says nothing was added or changed,
    and the file is byte for byte as it was."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = active_example_window(qtbot, tmp_path)
    # The window saves the example's suggestions once it has matched them: the file is taken
    # as it is after that, so that only the merge could change it.
    qtbot.waitUntil(
        lambda: bool(window.store.matches(window.model.workshop_id)) and not window.matching._busy,
        timeout=30_000,
    )
    other = tmp_path / "salle-b.atelier"
    window.store.backup_to(other)  # the other facilitator's copy, nothing typed in it since
    path = window.store.path
    files = {p: _digest(p) for p in (path, other)}
    history = len(window.store.merge_history())
    steps = window.model.undo_stack.count()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(other), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    said = (
        "Rien de nouveau dans «\xa0salle-b.atelier\xa0»\xa0: ce fichier avait déjà tout ce qu'il "
        "apporte\u202f; rien n'a été ajouté ni modifié."
    )
    assert shown == [said]
    assert window.saved_label.text() == said
    assert {p: _digest(p) for p in (path, other)} == files
    assert len(window.store.merge_history()) == history
    assert window.model.undo_stack.count() == steps
