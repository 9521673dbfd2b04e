"""A facilitator running a workshop with the window, keys only: what goes wrong on the way
(found by driving the real window under Xvfb), each kept from coming back."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.conftest import ROOT
from tests.helpers.keyboard import active_example_window, key, suggestions_saved

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _answer_box(qtbot, answer: Callable[[QMessageBox], None], seen: list[str]) -> None:
    """When a message box comes up, read it and answer it with the keyboard."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(50, look)
            return
        seen.append(box.text())
        answer(box)

    QTimer.singleShot(50, look)


def test_a_new_workshop_typed_without_its_extension_never_silently_replaces_that_file(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl+Shift+N, « autre » typed in the save dialog: the dialog only asked about « autre »,
    so « autre.atelier », another workshop, must not be replaced without a question."""
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    before = _digest(other)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "autre"), ""))

    seen: list[str] = []
    # Entrée: the box's default answer, which must be « Non ».
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert "«\u00a0autre.atelier\u00a0» existe déjà" in seen[0]
    assert _digest(other) == before
    assert window.store.path.name == "exemple.atelier" and window.model.rowCount() == 22
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)

    # Asked and answered « Oui » (Tab to it, Espace): then, and only then, it is replaced.
    seen.clear()

    def yes(box: QMessageBox) -> None:
        while QApplication.focusWidget() is not box.button(QMessageBox.StandardButton.Yes):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

    _answer_box(qtbot, yes, seen)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.store.path.name == "autre.atelier")
    assert window.model.rowCount() == 0


def test_a_new_file_is_dated_today_as_a_workshop_added_to_a_file_is(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl+Maj+N made a workshop « sans date » while « Nouvel atelier » inside a file dates it
    today: both are today's, the date field shows it, and it stays editable."""
    from datetime import date

    from atelier.french import long_date
    from atelier.store import Store

    window = active_example_window(qtbot, tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "neuf"), ""))
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.store.path.name == "neuf.atelier")
    today = date.today()
    assert window.header.date.text() == long_date(today.isoformat())  # « 3 décembre 2026 »
    assert window.header.date.isEnabled() and not window.header.date.isReadOnly()
    assert "sans date" not in window.windowTitle()
    with Store.open(tmp_path / "neuf.atelier", readonly=True) as store:
        assert [w.date for w in store.workshops()] == [today.isoformat()]


def _confirm(path: Path, need_start: str, resources: list[str]) -> None:
    """The facilitator has confirmed these matches for the need starting with `need_start`."""
    from atelier.domain import Match, MatchStatus
    from atelier.store import Store

    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        items = store.workshop_items(workshop_id)
        (need,) = [i for i in items if i.text.startswith(need_start)]
        for start in resources:
            (resource,) = [i for i in items if i.text.startswith(start)]
            store.add_match(Match(workshop_id, need.id, resource.id, MatchStatus.CONFIRMED, 0.5, []))


def test_the_spotlight_shows_every_confirmed_helper_and_says_who_already_did_it(
    qtbot, tmp_path: Path
) -> None:
    """Lucie Leroy's first need has three confirmed helpers, one of them an action another
    participant already ran: F5, Ctrl+2 on her row shows all three, and Barbara Bargues as
    having done what she ran (« a déjà fait : Animation du dispositif… »), not as offering it."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    _confirm(
        path,
        "besoins de connaissances",
        [
            "présenter les différents dispositifs",
            "Études et diagnostic",
            "Animation du dispositif Initiatives",
        ],
    )
    window = active_example_window(qtbot, tmp_path)
    for _ in range(3):  # down to the fourth row: Lucie Leroy
        key(qtbot, Qt.Key.Key_Down)
    assert window.model.participant_at(window.grid.currentIndex().row()).names == ["Lucie Leroy"]
    key(qtbot, Qt.Key.Key_F5)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    projector = window.projector
    assert projector is not None and projector.view == "spotlight"
    projector.render_image()
    painted = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Grégory TALVY (Région N-A)" in painted and "Céline Dallet (CC Val de Gâtine)" in painted
    assert "Barbara BARGUES (Pôle formation de la Région N-A), a déjà fait :" in painted
    assert "Animation du dispositif" in painted
    projector.close()


def _seen_by_another_process(path: Path, sql: str, *, writable: bool = False) -> list[tuple]:
    """What a fresh process reads in the file now: what survives this window being killed."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sqlite3, sys\n"
        "conn = sqlite3.connect('file:' + sys.argv[1] + sys.argv[3], uri=True)\n"
        "print(json.dumps(conn.execute(sys.argv[2]).fetchall()))\n"
        "conn.close()\n"
    )
    mode = "" if writable else "?mode=ro"
    done = subprocess.run([sys.executable, "-c", code, str(path), sql, mode], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [tuple(row) for row in json.loads(done.stdout)]


def _export_with_the_keyboard(qtbot, window, out: Path) -> str:
    """Ctrl+E, the folder typed, Alt+X (« E&xporter »), Échap: what the dialog said."""
    from atelier.ui.export_dialog import ExportDialog
    from tests.helpers.keyboard import type_text

    said: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog) or not dialog.isActiveWindow():
            QTimer.singleShot(50, drive)
            return
        dialog.folder.setFocus()
        dialog.folder.selectAll()
        type_text(str(out))
        key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Exporter
        qtbot.waitUntil(lambda: not dialog.running and dialog.message.text() != "", timeout=60_000)
        said.append(dialog.message.text())
        key(qtbot, Qt.Key.Key_Escape)

    QTimer.singleShot(50, drive)
    key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # returns once the dialog is closed
    window.activateWindow()
    window.grid.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)
    return said[0]


def test_exporting_while_the_window_is_still_matching_writes_the_documents(qtbot, tmp_path: Path) -> None:
    """The window matches in the background as soon as it opens; an export started then
    matched in a second thread with the same French stemmer, and the two garbled each other:
    « L'export a échoué : string index out of range » (or wrong stems, kept for good)."""
    window = active_example_window(qtbot, tmp_path)
    for attempt in range(3):
        if attempt:
            key(qtbot, Qt.Key.Key_F9)  # matching again, in the background
        out = tmp_path / f"exports-{attempt}"
        out.mkdir()
        said = _export_with_the_keyboard(qtbot, window, out)
        assert said.startswith("Exporté"), said
        assert (out / "Atelier du 16 mars 2021.docx").exists() and (
            out / "Atelier du 16 mars 2021.xlsx"
        ).exists()
    window.close()


def test_an_export_from_the_window_never_leaves_its_journal_to_be_deleted_under_it(
    qtbot, tmp_path: Path
) -> None:
    """Ctrl+E exports the workshop while the window has the file open; then `atelier match
    --save` writes the file from a terminal. Reading the file for the export used to release
    the window's SQLite locks, so that command, the last one on the file as it believed, deleted
    the window's journal: every edit typed after that went to a deleted file, shown as saved,
    lost if the laptop died."""
    from tests.helpers.keyboard import type_text

    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    out = tmp_path / "exports"
    out.mkdir()
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
    assert _export_with_the_keyboard(qtbot, window, out).startswith("Exporté")

    # Another program reads the file and closes it, as `atelier match --save` or a SQLite
    # browser does: a connection that may write, which deletes the journal on closing when it
    # believes itself the last one on the file.
    _seen_by_another_process(path, "SELECT count(*) FROM participants", writable=True)

    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text("Apolline Vasseur")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 23)
    assert "Enregistré" in window.saved_label.text()
    assert path.with_name(path.name + "-wal").exists()
    assert _seen_by_another_process(path, "SELECT names FROM participants WHERE names LIKE '%Apolline%'") == [
        ('["Apolline Vasseur"]',)
    ]
    window.close()


def test_a_read_only_file_never_says_no_one_can_help_when_it_simply_cannot_keep_suggestions(
    qtbot, tmp_path: Path
) -> None:
    """The example, never matched, on a read-only file (a USB stick locked, a file marked
    read-only): the window cannot save its suggestions, and used to say under every need
    « (aucune ressource proche pour l'instant) », which the room reads as « nobody here can
    help ». It says why there is nothing instead."""
    from tests.helpers.keyboard import active_window

    path = tmp_path / "lecture-seule.atelier"
    shutil.copy(EXAMPLE, path)
    path.chmod(0o444)
    window = active_window(qtbot, path)
    assert window.store.readonly
    for _ in range(3):  # down to Lucie Leroy, who has three needs
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
    tree = window.panel.matches.tree_model
    shown = [
        tree.item(row).child(child).text()
        for row in range(tree.rowCount())
        for child in range(tree.item(row).rowCount())
    ]
    assert len(shown) == 3
    assert all("lecture seule" in text and "aucune ressource proche" not in text for text in shown), shown
    window.close()


def test_the_follow_up_says_who_already_did_it_rather_than_offered_it(qtbot, tmp_path: Path) -> None:
    """Alt+2, the follow-up of confirmed matches: Barbara Bargues was matched through an
    action she already ran; the list, from which someone will phone her, says so instead of
    listing it under « Ce qui est proposé » as if she had offered it."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    _confirm(
        path,
        "besoins de connaissances",
        ["présenter les différents dispositifs", "Animation du dispositif Initiatives"],
    )
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    view = window.followup
    qtbot.waitUntil(lambda: view.isVisible() and view.model.rowCount() == 2)
    helpers = sorted(view.model.index(row, 3).data() for row in range(2))
    assert helpers == [
        "Barbara BARGUES\nPôle formation de la Région N-A (a déjà fait)",
        "Grégory TALVY\nRégion N-A",
    ]
    window.close()


def test_saving_a_copy_under_a_name_typed_without_its_extension_never_replaces_that_file(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Fichier › Enregistrer une copie sous… (Ctrl+Alt+S), « autre » typed: the dialog asked
    about « autre », and the copy silently replaced « autre.atelier », another workshop."""
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    from atelier.store import Store

    with Store.open(other) as store:
        store.update_workshop(store.workshops()[0].id, title="Un autre atelier")
    before = _digest(other)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "autre"), ""))
    seen: list[str] = []
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # « Non »
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert "«\u00a0autre.atelier\u00a0» existe déjà" in seen[0] and "--force" not in seen[0]
    assert _digest(other) == before
    assert window.store.path.name == "exemple.atelier"
    window.close()


def test_exporting_the_projector_view_as_png_never_writes_over_a_workshop_file(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl+Alt+P, the name of the workshop file typed in place of the image's (the dialog
    offers « exemple.png » beside « exemple.atelier »): the open workshop was overwritten by
    the image's bytes. It is refused in one sentence, and the file is untouched."""
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    # The window saves the example's suggestions once it has matched them (the file is open
    # for that): the digest is taken after, so that only the export could change it.
    suggestions_saved(qtbot, window)
    for target in (path, tmp_path / "autre.atelier"):
        if not target.exists():
            shutil.copy(EXAMPLE, target)
        before = _digest(target)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, t=target, **_k: (str(t), ""))
        seen: list[str] = []
        _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
        key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda s=seen: bool(s))
        assert _digest(target) == before, target
        assert "rien n'a été écrit" in seen[0].lower(), seen
        window.activateWindow()
        window.grid.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)
    assert window.model.rowCount() == 22
    window.close()


def test_importing_a_grid_under_a_name_typed_without_its_extension_never_replaces_that_file(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Fichier › Importer une grille…, « autre » typed in the save dialog: the dialog asked
    about « autre », and the imported grid silently replaced « autre.atelier », a workshop."""
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    before = _digest(other)
    grid = tmp_path / "grille.csv"
    grid.write_text("Participant;Besoins\nZoé Martin / CC A;un lieu\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "autre"), ""))
    seen: list[str] = []
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # « Non »
    assert not window.import_grid(grid, dialog_hook=lambda _dialog: True)
    assert "«\u00a0autre.atelier\u00a0» existe déjà" in seen[0]
    assert _digest(other) == before
    assert window.store.path.name == "exemple.atelier" and window.model.rowCount() == 22
    # Asked and answered « Oui »: then, and only then, it is replaced by the imported grid.
    seen.clear()
    _answer_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), seen)
    assert window.import_grid(grid, dialog_hook=lambda _dialog: True)
    assert seen and window.store.path == other and window.model.rowCount() == 1
    window.close()
