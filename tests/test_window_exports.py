"""The synthesis editor and the export dialog, driven in the real window."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.french import typography
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import example_window


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = example_window(qtbot, tmp_path)
    yield win
    win.close()


def test_the_synthesis_starts_from_drafts_is_rewritten_reordered_and_saved(qtbot, window: MainWindow) -> None:
    dialog = window.edit_synthesis(show=False)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    headings = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert headings[0] == "Le contexte" and "Ce que la salle peut apporter" in headings and len(headings) >= 5
    assert "22 participants" in dialog.body.toPlainText()
    # Rewrite the first section with the keyboard, then move it to the end.
    dialog.heading.setFocus()
    dialog.heading.selectAll()
    qtbot.keyClicks(dialog.heading, "Une periode de transition")
    dialog.body.setFocus()
    dialog.body.selectAll()
    qtbot.keyClicks(dialog.body, "Apres les elections")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "- des feuilles de route reecrites")
    qtbot.waitUntil(lambda: dialog.status.text() == "Enregistré", timeout=3000)
    for _ in range(len(headings)):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    with Store.open(window.store.path, readonly=True) as store:
        sections = store.synthesis_sections(store.workshops()[0].id)
    assert sections[-1].heading == "Une periode de transition"
    assert sections[-1].body == "Apres les elections\n- des feuilles de route reecrites"
    assert [s.heading for s in sections[:-1]] == headings[1:]
    dialog.close()


def test_exporting_from_the_window_writes_both_documents_with_progress(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    synthesis = window.edit_synthesis(show=False)  # drafts saved in the file
    synthesis.close()
    dialog = window.export_office(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "exports"
    out.mkdir()
    dialog.folder.setText(str(out))
    assert dialog.name.text() == "Atelier du 16 mars 2021"
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert dialog.progress.isVisible()
    # Never matched: the export matches first and says so, with a moving bar, then goes on.
    qtbot.waitUntil(lambda: "Rapprochement des besoins et des ressources…" in dialog.steps, timeout=30_000)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.error is None
    assert dialog.steps.index("Rapprochement des besoins et des ressources…") < dialog.steps.index(
        "Rédaction de la synthèse…"
    )
    assert dialog.open_button.isVisible() and dialog.progress.value() == 100
    assert dialog.progress.maximum() == 100 and "Exporté" in dialog.message.text()
    document = docx.Document(str(out / "Atelier du 16 mars 2021.docx"))
    assert "Le contexte" in [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    book = openpyxl.load_workbook(out / "Atelier du 16 mars 2021.xlsx")
    assert book["Grille"].max_row == window.model.rowCount() + 1


def test_an_export_to_a_read_only_folder_says_so_and_writes_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = window.export_office(show=False)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        dialog.folder.setText(str(folder))
        dialog.start()
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        assert "lecture seule" in dialog.message.text()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_synthesis_edits_are_on_the_window_undo_stack_and_say_saved(qtbot, window: MainWindow) -> None:
    ctrl = Qt.KeyboardModifier.ControlModifier
    dialog = window.edit_synthesis(show=False)  # Atelier's drafts: the first step of the stack
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    first = dialog.list.item(0).text()
    dialog.heading.setFocus()
    dialog.heading.selectAll()
    qtbot.keyClicks(dialog.heading, "Le territoire")
    qtbot.waitUntil(lambda: dialog.status.text() == "Enregistré", timeout=3000)
    assert window.saved_label.text().startswith("Enregistré à")
    qtbot.keyClicks(dialog.heading, " et ses acteurs")  # a second pause: still one step
    qtbot.keyClick(dialog.heading, Qt.Key.Key_Escape)  # closes, the last keys written
    qtbot.waitUntil(lambda: not dialog.isVisible() and window.isActiveWindow(), timeout=3000)

    def first_heading() -> str:
        with Store.open(window.store.path, readonly=True) as store:
            return store.synthesis_sections(store.workshops()[0].id)[0].heading

    assert first_heading() == "Le territoire et ses acteurs"
    assert window.undo_action.text() == typography(
        "&Annuler : Modifier la section « Le territoire et ses acteurs »"
    )
    window.saved_label.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    assert first_heading() == first
    assert window.saved_label.text().startswith("Enregistré à")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, ctrl)
    assert first_heading() == "Le territoire et ses acteurs"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)  # the drafts go too
    with Store.open(window.store.path, readonly=True) as store:
        assert store.synthesis_sections(store.workshops()[0].id) == []
