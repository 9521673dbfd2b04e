"""The synthesis editor opens at once: the grid's figures (Atelier's draft as the grid is now,
and which section edited by hand no longer says what the grid says) are computed off the UI
thread, with « Calcul des chiffres… » said meanwhile. Until they are in, nothing the editor
shows or does depends on figures it does not have: no ⚠, no « Chiffres relus », no draft
added; once they are in, the ⚠ marks are true, and they stay true while the editor is open
and the grid changes behind it. Closing the editor (or the window) while they are computed
writes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel

from atelier.store import Store

from .conftest import run_cli
from .helpers.keyboard import active_example_window, answer_on_closing, key

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
COMPUTING = "Calcul des chiffres de la grille…"
REVIEWED = "Chiffres relus\u00a0: votre texte est gardé tel quel"


def _marks(dialog) -> list[str]:
    return [
        dialog.list.item(n).text() for n in range(dialog.list.count()) if "⚠" in dialog.list.item(n).text()
    ]


def _computing(dialog) -> bool:
    """Whether the editor says the grid's figures are on their way."""
    said = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    return COMPUTING in said


def _computed(qtbot, dialog) -> None:
    """The figures in, and nothing left that would withdraw them: the window's own jobs (its
    « à vérifier » marks, a match) change the grid's data as they land, and the editor computes
    its figures again. On a loaded machine one landed after the figures, and « Chiffres relus »
    (Alt+C) was pressed while the button waited for the new ones (CI of 2 December)."""
    while True:
        qtbot.waitUntil(lambda: not _computing(dialog), timeout=60_000)
        _all_jobs_delivered()
        if not _computing(dialog):
            return


def _open(window):
    """The editor, opened and shown; nothing delivered by its worker yet (no event processed)."""
    dialog = window.edit_synthesis(show=False)
    dialog.show()
    return dialog


def _activate(qtbot, dialog) -> None:
    """The editor active, its list focused: its buttons' Alt+letter reach them."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.list.setFocus()


def _all_jobs_delivered() -> None:
    """Every worker finished and what it sent delivered on the UI thread (no timing involved)."""
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()


def _type_at_end_of_first_section(qtbot, dialog, typed: str) -> None:
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    dialog.body.setFocus()
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(dialog.body, typed)


def _to_grid(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setCurrentIndex(window.proxy.index(3, 1))
    window.grid.setFocus()


def _stale_said(path: Path, tmp_path: Path) -> list[str]:
    done = run_cli("export", str(path), "--docx", str(tmp_path / "cr.docx"), "--force")
    assert done.returncode == 0, done.stderr
    return done.stderr.strip().splitlines()


def test_the_editor_opens_before_its_figures_and_marks_a_stale_section_once_they_are_in(
    qtbot, tmp_path: Path
) -> None:
    window = active_example_window(qtbot, tmp_path)
    dialog = _open(window)
    # A first opening: Atelier's draft is written once the figures are in, not before.
    assert _computing(dialog)
    assert dialog.list.count() == 0 and not dialog.redraft_button.isEnabled()
    _computed(qtbot, dialog)
    assert dialog.list.item(0).text() == "Le contexte"
    assert dialog.body.toPlainText().startswith("24 participants (22 lignes de la grille)")
    _type_at_end_of_first_section(qtbot, dialog, " Merci pour tout.")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)  # closes, the typing written
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _to_grid(qtbot, window)
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # Ctrl+Suppr: one participant fewer, 21
    assert window.model.rowCount() == 21

    dialog = _open(window)
    # At once: the facilitator's text, usable; the figures said to be on their way, and no
    # mark, warning or figure-dependent button meanwhile.
    assert _computing(dialog)
    assert dialog.body.toPlainText().endswith("Merci pour tout.") and dialog.body.isEnabled()
    assert _marks(dialog) == [] and not dialog.stale_box.isVisible()
    assert not dialog.redraft_button.isEnabled()
    _computed(qtbot, dialog)
    assert _marks(dialog) == ["⚠ Le contexte"]
    assert dialog.stale_box.isVisible() and dialog.reviewed_button.isEnabled()
    assert dialog.redraft_button.isEnabled()
    # An untouched section was drafted again meanwhile: 21 participants now.
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert not dialog.stale_box.isVisible()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    dialog.close()
    window.close()


def test_the_marks_follow_the_grid_while_the_editor_is_open_and_no_review_uses_old_figures(
    qtbot, tmp_path: Path
) -> None:
    window = active_example_window(qtbot, tmp_path)
    dialog = _open(window)
    _computed(qtbot, dialog)
    _type_at_end_of_first_section(qtbot, dialog, " Merci pour tout.")
    dialog.save_now()
    assert _marks(dialog) == []

    # The grid changes behind the open editor: the context's « 22 participants » is no longer true.
    _to_grid(qtbot, window)
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert _computing(dialog) and _marks(dialog) == []
    _computed(qtbot, dialog)
    assert _marks(dialog) == ["⚠ Le contexte"]

    # Undone (the window's undo stack, as its Ctrl+Z runs it): 22 again, what the facilitator's
    # text says. While that is computed, « Chiffres relus » (Alt+C) cannot record the figures
    # of a grid that is no longer the one shown.
    _activate(qtbot, dialog)
    window.model.undo_stack.undo()
    assert window.model.rowCount() == 22
    assert _computing(dialog) and not dialog.reviewed_button.isEnabled()
    qtbot.keyClick(dialog.list, Qt.Key.Key_C, ALT)
    _computed(qtbot, dialog)
    assert _marks(dialog) == [] and not dialog.stale_box.isVisible()
    assert dialog.status.text() != REVIEWED

    # Once more a participant fewer, then the figures read again: true for the export too.
    _to_grid(qtbot, window)
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    _activate(qtbot, dialog)
    _computed(qtbot, dialog)
    assert _marks(dialog) == ["⚠ Le contexte"]
    qtbot.keyClick(dialog.list, Qt.Key.Key_C, ALT)  # a mnemonic clicks as the button is drawn pressed
    qtbot.waitUntil(lambda: dialog.status.text() == REVIEWED, timeout=60_000)
    assert _marks(dialog) == [] and not dialog.stale_box.isVisible()
    dialog.close()
    path = window.store.path
    window.close()
    _all_jobs_delivered()
    assert _stale_said(path, tmp_path) == []


def test_closing_the_editor_or_the_window_while_the_figures_are_computed_writes_nothing(
    qtbot, tmp_path: Path
) -> None:
    window = active_example_window(qtbot, tmp_path)
    dialog = _open(window)
    assert _computing(dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    _all_jobs_delivered()
    # No draft written after the editor closed, nothing on the undo stack.
    assert window.store.synthesis_sections(window.model.workshop_id) == []
    assert not window.model.undo_stack.canUndo()

    dialog = _open(window)
    assert _computing(dialog)
    path = window.store.path
    window.close()  # the file closed while the editor's figures are computed
    _all_jobs_delivered()
    dialog.close()
    with Store.open(path, readonly=True) as store:
        assert store.synthesis_sections(store.workshops()[0].id) == []


def test_a_window_closed_as_it_first_shows_with_the_editor_open_reads_nothing_from_its_closed_file(
    qtbot, tmp_path: Path
) -> None:
    """What the window does just after its first paint (the grid's « à vérifier » marks) used
    to reach the open editor once the file was closed: « Cannot operate on a closed database »
    in the window's event loop (seen on a loaded machine, where closing came first)."""
    import shutil

    from atelier.ui.main_window import MainWindow

    from .conftest import ROOT

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = path.read_bytes()
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    opened = []

    def open_and_close() -> None:  # in the very turn of the first paint: nothing after it has run
        opened.append(_open(window))
        window.close()

    window.first_painted.connect(open_and_close)
    window.show()
    qtbot.waitUntil(lambda: bool(opened))
    for _ in range(3):  # what the first paint put off, and what that put off in turn
        _all_jobs_delivered()  # pytest-qt fails the test on an exception raised in the event loop
    opened[0].close()
    assert not window.isVisible()
    assert path.read_bytes() == before


def test_a_copy_put_at_the_files_name_while_the_figures_are_computed_is_not_read(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """A sync client puts another copy at the file's name between the editor's start and its
    worker's reading: that copy's grid is not taken for the window's (the reader refuses it),
    and the figures are those of the window's own file, read again from it."""
    import shutil
    import threading

    from .conftest import ROOT

    window = active_example_window(qtbot, tmp_path)
    dialog = _open(window)
    _computed(qtbot, dialog)
    _type_at_end_of_first_section(qtbot, dialog, " Merci pour tout.")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)
    other = tmp_path / "copie-synchronisee.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", other)
    with Store.open(other) as store:  # the other copy: one participant fewer
        workshop_id = store.workshops()[0].id
        store.delete_participant(store.participants(workshop_id)[0].id)

    pool = QThreadPool.globalInstance()
    gate = threading.Event()
    for _ in range(pool.maxThreadCount()):  # the pool busy: the editor's job waits its turn
        pool.start(gate.wait)
    try:
        dialog = _open(window)
        assert _computing(dialog)
        other.replace(window.store.path)  # the other copy now at the window's file name
    finally:
        gate.set()
    _computed(qtbot, dialog)
    assert dialog.figures_box.isHidden()  # computed, no refusal left on screen
    assert _marks(dialog) == []  # the window's grid: 22 participants, as the text says
    assert dialog.list.item(1).text() == "Ce qui est déjà engagé"
    dialog.close()
    # The window's own file has no name left on the disk (the copy took it): asked before
    # closing, closed anyway.
    asked = answer_on_closing(qtbot, [(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)])
    window.close()
    assert asked and "n'est plus sur le disque" in asked[0], asked
    _all_jobs_delivered()


def test_the_draft_button_adds_only_the_sections_the_minutes_lack(qtbot, tmp_path: Path) -> None:
    """« Ajouter le premier jet d'Atelier », pressed on minutes that had it already (one
    section edited by hand), appended a second copy of all six sections: the Word minutes
    then printed « Le contexte » … « Ce que la salle peut apporter » twice, the first saying
    « 22 participants … Merci pour tout. », the second drafted again. It adds the draft's
    sections the minutes lack, and says so; none lacking, it adds nothing and says why."""
    window = active_example_window(qtbot, tmp_path)
    dialog = _open(window)
    _computed(qtbot, dialog)
    headings = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert len(headings) == 6 and headings[0] == "Le contexte", headings
    _type_at_end_of_first_section(qtbot, dialog, " Merci pour tout.")
    dialog.save_now()
    _activate(qtbot, dialog)
    dialog.redraft_button.setFocus()
    qtbot.keyClick(dialog.redraft_button, Qt.Key.Key_Space)
    assert [dialog.list.item(n).text() for n in range(dialog.list.count())] == headings
    assert dialog.status.text().startswith("Le premier jet d'Atelier est déjà là"), dialog.status.text()
    # The last section deleted: the button brings it back, alone, at the end.
    dialog.list.setCurrentRow(5)
    dialog.delete_section(ask=False)  # (its box asks first when the section has a text)
    assert dialog.list.count() == 5
    dialog.redraft_button.setFocus()
    qtbot.keyClick(dialog.redraft_button, Qt.Key.Key_Space)
    assert [dialog.list.item(n).text() for n in range(dialog.list.count())] == headings
    assert dialog.status.text() == (
        f"1 section du premier jet ajoutée\u00a0: «\u00a0{headings[5]}\u00a0» (les autres étaient déjà là)"
    ), dialog.status.text()
    with Store.open(window.store.path, readonly=True) as store:
        sections = store.synthesis_sections(store.workshops()[0].id)
    assert [s.heading for s in sections] == headings
    assert sections[0].body.endswith("Merci pour tout.")
    dialog.close()
    window.close()
