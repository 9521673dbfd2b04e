"""A merge counts what the other copy brought, not what this file's matcher did meanwhile: the
window matches the workshop again when it opens a file (its suggestions replace the saved ones),
and the copy's older suggestions are not « entrées ajoutées » nor put back beside the new ones."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _suggested(store: Store) -> set[tuple[str, str]]:
    return {
        (m.need_id, m.resource_id)
        for w in store.workshops()
        for m in store.matches(w.id)
        if m.status.value == "suggested"
    }


def _matched_copies(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of a workshop file whose suggestions were saved eight a need (the window
    keeps five: opening it matches again, and some saved suggestions go)."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    done = run_cli("match", str(a), "--save", "--lexical", "--top", "8")
    assert done.returncode == 0, done.stderr
    shutil.copy(a, b)
    return a, b


def test_a_window_merge_right_after_opening_counts_nothing_the_copy_did_not_bring(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from tests.helpers.keyboard import active_window, key

    a, b = _matched_copies(tmp_path)
    copy_before = _digest(b)
    window = active_window(qtbot, a)
    with Store.open(b, readonly=True) as store:
        saved = _suggested(store)
    # The window matched the workshop again on opening: its own suggestions, fewer than saved.
    qtbot.waitUntil(lambda: _suggested(window.store) != saved and not window.matching._busy, timeout=20_000)
    mine = _suggested(window.store)
    assert mine < saved
    boxes: list[tuple[str, str]] = []

    def shown(box: QMessageBox) -> int:
        boxes.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(b), ""))
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=20_000)
    ((text, _details),) = boxes
    # The copy is the file as it was saved: it brought nothing.
    assert text == (
        "Rien de nouveau dans «\xa0b.atelier\xa0»\xa0: ce fichier avait déjà tout ce qu'il apporte"
        "\u202f; rien n'a été ajouté ni modifié."
    )
    assert "ajoutée" not in window.saved_label.text()
    assert _suggested(window.store) == mine  # the copy's older suggestions are not put back
    assert window.store.merge_history() == []  # nothing taken in: no merge written in the file
    assert _digest(b) == copy_before
    assert no_modal_boxes == []


def test_a_copy_matched_again_since_gives_its_own_suggestions_for_those_needs(tmp_path: Path) -> None:
    """The other way round: the copy's suggestions are newer (its window matched again), this
    file has the older ones: the merged file has the copy's, not both sets side by side."""
    a, b = _matched_copies(tmp_path)
    done = run_cli("match", str(b), "--save", "--lexical")  # five a need, matched since
    assert done.returncode == 0, done.stderr
    with Store.open(a, readonly=True) as store:
        older = _suggested(store)
    with Store.open(b, readonly=True) as store:
        newer = _suggested(store)
    assert newer < older
    inputs = (_digest(a), _digest(b))
    merged = tmp_path / "c.atelier"
    said = run_cli("merge", str(a), str(b), "-o", str(merged))
    assert said.returncode == 0, said.stderr
    assert (_digest(a), _digest(b)) == inputs
    with Store.open(merged, readonly=True) as store:
        assert _suggested(store) == newer
    # And the copy whose suggestions are the newer one, merged with the older: nothing new.
    again = run_cli("merge", str(b), str(a), "-o", str(tmp_path / "d.atelier"))
    assert again.returncode == 0, again.stderr
    assert "rien de nouveau dans «\xa0a.atelier\xa0»" in again.stdout, again.stdout
    with Store.open(tmp_path / "d.atelier", readonly=True) as store:
        assert _suggested(store) == newer
