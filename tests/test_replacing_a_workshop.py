"""A workshop file is never replaced on a generic « existe déjà » question, nor without a copy.

Saving an imported grid (or a new workshop, or a copy) over `keep.atelier`, a workshop of three
participants, asked Qt's « Le fichier keep.atelier existe déjà. Voulez-vous l'écraser ? »; after
« Oui » the workshop was gone, and its backups folder held only the new file. The window now
asks its own question, saying what would be lost (« Atelier trois », 3 participants), « Non »
by default, and whatever replaces a workshop file (the window, `--force` on the command line)
first keeps a copy of it among that file's backups, « avant un remplacement »."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from atelier.backups import backups_of, told_apart
from atelier.domain import Participant
from atelier.store import Store
from tests.conftest import ROOT, run_cli
from tests.helpers.keyboard import active_example_window, key

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _three(path: Path) -> Path:
    def fill(store: Store) -> None:
        workshop = store.workshops()[0].id
        for name in ("Julie Roux", "Marc Petit", "Zoé Martin"):
            store.add_participant(Participant(workshop_id=workshop, names=[name]))

    Store.create(path, title="Atelier trois", fill=fill).close()
    return path


def _titles(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [w.title for w in store.workshops()]


def _answer_box(qtbot, answer: Callable[[QMessageBox], None], seen: list[str]) -> None:
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(50, look)
            return
        seen.append(box.text())
        answer(box)

    QTimer.singleShot(50, look)


def _save_dialog(monkeypatch, target: Path, options: list[object]) -> None:
    def save(*args, **kwargs):
        found = kwargs.get("options", args[4] if len(args) > 4 else QFileDialog.Option(0))
        options.append(found)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)


@pytest.mark.parametrize("how", ["import", "new", "copy"])
def test_the_window_says_what_a_replaced_workshop_holds_and_keeps_a_copy(
    qtbot, tmp_path: Path, monkeypatch, how: str
) -> None:
    window = active_example_window(qtbot, tmp_path)
    keep = _three(tmp_path / "keep.atelier")
    before = _digest(keep)
    grid = tmp_path / "grille.csv"
    grid.write_text("Participant;Besoins\nAnne Leroy / CC A;un lieu\n", encoding="utf-8")
    options: list[object] = []
    _save_dialog(monkeypatch, keep, options)

    def act() -> bool | None:
        if how == "import":
            return window.import_grid(grid, dialog_hook=lambda _dialog: True)
        chord = Qt.KeyboardModifier.ControlModifier | (
            Qt.KeyboardModifier.ShiftModifier if how == "new" else Qt.KeyboardModifier.AltModifier
        )
        key(qtbot, Qt.Key.Key_N if how == "new" else Qt.Key.Key_S, chord)
        return None

    seen: list[str] = []
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # the default
    act()
    qtbot.waitUntil(lambda: bool(seen))
    # Atelier asks, not Qt's save dialog too (it would ask a second, generic question).
    assert options and all(o & QFileDialog.Option.DontConfirmOverwrite for o in options), options
    assert "«\u00a0keep.atelier\u00a0» existe déjà" in seen[0]
    assert "atelier «\u00a0Atelier trois\u00a0», 3\u00a0participants" in seen[0], seen[0]
    assert "Une copie en sera gardée dans les sauvegardes" in seen[0]
    assert _digest(keep) == before and backups_of(keep) == []  # « Non »: nothing happened
    assert window.store.path.name == "exemple.atelier"
    window.activateWindow()
    window.grid.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)

    seen.clear()
    _answer_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), seen)
    act()
    qtbot.waitUntil(lambda: window.store.path == keep)
    assert len(seen) == 1  # one question, Atelier's
    assert _titles(keep) != ["Atelier trois"]
    # The workshop replaced is among keep.atelier's backups, said why, and whole.
    kept = [b for b in backups_of(keep) if b.reason == "replace"]
    assert len(kept) == 1, backups_of(keep)
    assert _titles(kept[0].path) == ["Atelier trois"]
    with Store.open(kept[0].path, readonly=True) as copy:
        assert len(copy.participants(copy.workshops()[0].id)) == 3
    assert "(avant un remplacement)" in told_apart(kept, "fr")[0]
    window.close()


def test_a_file_that_is_no_workshop_is_not_called_one(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = active_example_window(qtbot, tmp_path)
    notes = tmp_path / "notes.atelier"
    notes.write_text("Mes notes de l'atelier, pas un fichier Atelier.\n", encoding="utf-8")
    before = _digest(notes)
    _save_dialog(monkeypatch, notes, [])
    seen: list[str] = []
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert "n'est pas un fichier Atelier" in seen[0] and "est un atelier" not in seen[0], seen
    assert _digest(notes) == before
    window.close()


def test_a_damaged_workshop_file_is_said_damaged_and_kept_when_replaced(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = active_example_window(qtbot, tmp_path)
    damaged = tmp_path / "abime.atelier"
    shutil.copy(EXAMPLE, damaged)
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\x00" * (len(data) - 4096)  # the header says Atelier; the rest is gone
    damaged.write_bytes(bytes(data))
    _save_dialog(monkeypatch, damaged, [])
    seen: list[str] = []
    _answer_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), seen)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.store.path == damaged)
    assert "endommagé" in seen[0] and "est un atelier" not in seen[0], seen
    (kept,) = [b for b in backups_of(damaged) if b.reason == "replace"]
    assert kept.path.read_bytes() == bytes(data)
    window.close()


def test_a_workshop_of_a_newer_version_is_said_so_not_damaged(qtbot, tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    from atelier.store.schema import SCHEMA_VERSION

    window = active_example_window(qtbot, tmp_path)
    newer = _three(tmp_path / "futur.atelier")
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.close()
    before = _digest(newer)
    _save_dialog(monkeypatch, newer, [])
    seen: list[str] = []
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # « Non »
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert "version plus récente" in seen[0] and "endommagé" not in seen[0], seen
    assert _digest(newer) == before
    window.close()


@pytest.mark.parametrize("command", ["import", "new", "merge"])
def test_force_on_the_command_line_keeps_a_copy_of_the_workshop_it_replaces(
    tmp_path: Path, command: str
) -> None:
    keep = _three(tmp_path / "keep.atelier")
    grid = tmp_path / "grille.csv"
    grid.write_text("Participant;Besoins\nAnne Leroy / CC A;un lieu\n", encoding="utf-8")
    first, second = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, first)
    shutil.copy(EXAMPLE, second)
    args = {
        "import": ["import", str(grid), "-o", str(keep), "--force"],
        "new": ["new", str(keep), "--title", "Nouveau", "--force"],
        "merge": ["merge", str(first), str(second), "-o", str(keep), "--force"],
    }[command]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert _titles(keep) != ["Atelier trois"]
    (kept,) = [b for b in backups_of(keep) if b.reason == "replace"]
    assert _titles(kept.path) == ["Atelier trois"]
    assert "sauvegardes" in result.stdout + result.stderr, (result.stdout, result.stderr)
