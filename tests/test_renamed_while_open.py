"""The file renamed or moved in the file manager while the window has it open (« atelier.atelier »
renamed « atelier 16 mars.atelier » during the workshop, to find it afterwards).

Every edit the window had said « Enregistré » was in the WAL beside the old name; closing the
window left it there (SQLite does not checkpoint into a file that has moved), so the renamed
file, opened the next day, had lost them, and an orphan -wal and -shm stayed behind."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.jsonexport import file_as_dict
from atelier.store import Store
from atelier.ui.grid_view import CellEditor
from tests.helpers.keyboard import active_example_window, answer_on_closing, key, type_text


def _participants(path: Path) -> list[dict]:
    with Store.open(path, readonly=True) as store:
        return json.loads(json.dumps(file_as_dict(store)))["workshops"][0]["participants"]


def _type_participant(qtbot, text: str, needs: str) -> None:
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new participant
    assert isinstance(QApplication.focusWidget(), CellEditor)
    type_text(text)
    key(qtbot, Qt.Key.Key_Tab)  # actions
    key(qtbot, Qt.Key.Key_Tab)  # challenges
    key(qtbot, Qt.Key.Key_Tab)  # needs
    type_text(needs)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_edits_saved_before_the_file_was_renamed_are_in_the_renamed_file(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    _type_participant(qtbot, "Nadia Ferrand / Mission locale du Médoc", "un garage solidaire")
    assert window.saved_label.text().startswith("Enregistré à ")

    renamed = path.with_name("atelier du 16 mars (copie d'Anne).atelier")
    path.rename(renamed)  # in the file manager, the window still open
    window.close()

    nadia = [p for p in _participants(renamed) if p["names"] == ["Nadia Ferrand"]]
    assert len(nadia) == 1 and nadia[0]["needs"] == ["un garage solidaire"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [renamed.name]  # no orphan


def test_edits_typed_after_the_move_are_in_the_moved_file_too(qtbot, tmp_path: Path) -> None:
    """Moved to another folder: the window says the file is gone at the next edit (it cannot
    know where to), and still nothing typed is lost when it closes. It says so above the grid,
    not in a box: a box popped up mid-typing took the keys (the space pressed « Enregistrer
    une copie… », the rest of the sentence became a file name in the home folder)."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    elsewhere = tmp_path / "rangé"
    elsewhere.mkdir()
    moved = elsewhere / path.name
    path.rename(moved)
    _type_participant(qtbot, "Anne Martin / PLIE du Béarn", "des locaux partagés, avec le CCAS")
    assert QApplication.activeModalWidget() is None
    assert "n'est plus sur le disque" in window.saved_label.text()
    assert window.readonly_banner.isVisible()
    assert window.readonly_banner.text().count("n'est plus sur le disque") == 1
    _type_participant(qtbot, "Paul Roux / CCAS de Pau", "un minibus")  # said once, not twice
    assert window.readonly_banner.text().count("n'est plus sur le disque") == 1
    window.close()

    anne = [p for p in _participants(moved) if p["names"] == ["Anne Martin"]]
    assert len(anne) == 1 and anne[0]["needs"] == ["des locaux partagés, avec le CCAS"]
    assert [p["needs"] for p in _participants(moved) if p["names"] == ["Paul Roux"]] == [["un minibus"]]
    assert not [p.name for p in tmp_path.iterdir() if p.is_file()]  # no -wal, -shm or lock left


def test_the_copy_of_a_moved_file_is_offered_in_its_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    """« Enregistrer une copie sous… » after the file went: the dialog opened in the home
    folder; it opens where the file was, when that folder is still there."""
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    path.rename(tmp_path / "rangé.atelier")
    _type_participant(qtbot, "Anne Martin / PLIE du Béarn", "des locaux")
    assert window.save_copy() is False  # Fichier › Enregistrer une copie sous…, then Annuler
    assert asked and Path(asked[0]).parent == path.parent, asked
    window.close()


def test_a_file_replaced_at_its_name_is_not_overwritten_by_the_old_session(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A sync client (or a colleague) puts another copy at the file's name while the window has
    it open. The old session's -wal stayed beside that name, and the next opening replayed it
    onto the new copy: its content silently replaced by the old session's pages."""
    import shutil

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "open", lambda box: None)
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    theirs = tmp_path / "leur copie.atelier"
    shutil.copy(path, theirs)
    with Store.open(theirs) as store:
        workshop_id = store.workshops()[0].id
        store.update_workshop(workshop_id, title="La copie synchronisée")
    _type_participant(qtbot, "Nadia Ferrand / Mission locale du Médoc", "un garage solidaire")
    replacement = theirs.read_bytes()
    theirs.replace(path)  # put in place in one rename, as sync clients do
    # What the window wrote has no name left on the disk: asked before it is lost, and the
    # facilitator closes anyway (Alt+F, « Fermer sans enregistrer »).
    asked = answer_on_closing(qtbot, [(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)])
    window.close()
    assert asked and "n'est plus sur le disque" in asked[0]

    assert path.read_bytes() == replacement
    with Store.open(path, lock=True) as store:  # opened again in the window, the next day
        assert [w.title for w in store.workshops()] == ["La copie synchronisée"]
        assert "Nadia" not in json.dumps(file_as_dict(store), ensure_ascii=False)


def test_closing_a_window_whose_file_was_deleted_asks_first(qtbot, tmp_path: Path) -> None:
    """Deleted in the file manager while open (or replaced at its name): the window said « vos
    modifications sont encore là, enregistrez-en une copie », but Ctrl+Q closed it without a
    word, and everything the window showed went with it (SQLite's file had no name left). It
    now asks, the window kept open by default (Échap); « Fermer sans enregistrer » closes."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    path.unlink()  # « Supprimer définitivement » in the file manager
    _type_participant(qtbot, "Anne Martin / PLIE du Béarn", "des locaux partagés")
    assert "n'est plus sur le disque" in window.saved_label.text()

    asked = answer_on_closing(qtbot, [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)])
    key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert "n'est plus sur le disque" in asked[0] and "perdu" in asked[0], asked
    assert window.isVisible()  # Échap: nothing lost, a copy can still be saved

    asked = answer_on_closing(qtbot, [(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)])
    window.activateWindow()
    key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert asked


def test_closing_a_window_whose_file_was_moved_asks_nothing(qtbot, tmp_path: Path) -> None:
    """Moved, the file keeps every edit (closing writes them into it, wherever it went): no
    question at closing."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    (tmp_path / "rangé").mkdir()
    path.rename(tmp_path / "rangé" / path.name)
    _type_participant(qtbot, "Anne Martin / PLIE du Béarn", "des locaux partagés")
    key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert QApplication.activeModalWidget() is None
