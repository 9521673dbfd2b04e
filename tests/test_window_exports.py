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
from .helpers.synthesis import figures_in


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = example_window(qtbot, tmp_path)
    yield win
    win.close()


def test_the_synthesis_starts_from_drafts_is_rewritten_reordered_and_saved(qtbot, window: MainWindow) -> None:
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    headings = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert headings[0] == "Le contexte" and "Ce que la salle peut apporter" in headings and len(headings) >= 5
    assert "24 participants (22 lignes de la grille)" in dialog.body.toPlainText()
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
    # The window's own matching kept out while the editor computes its figures: the file stays
    # never matched, what this export is about.
    window.matching.shutdown()
    # drafts saved in the file
    synthesis = figures_in(qtbot, window.edit_synthesis(show=False))
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
    # Atelier's drafts: the first step of the stack
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
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
        "&Annuler : modifier la section « Le territoire et ses acteurs »"
    )
    window.saved_label.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    assert first_heading() == first
    # What was undone, how to redo it, and that the file has it.
    said = window.saved_label.text()
    assert said.startswith(typography("Annulé : modifier la section « Le territoire et ses acteurs »")), said
    assert "Ctrl+Y pour rétablir. Enregistré à" in said, said
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, ctrl)
    assert first_heading() == "Le territoire et ses acteurs"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)  # the drafts go too
    with Store.open(window.store.path, readonly=True) as store:
        assert store.synthesis_sections(store.workshops()[0].id) == []


# The export dialog writing to a USB stick with room for the Word minutes but not for the Excel
# tables: a real tmpfs in a private mount namespace (as in tests/test_bad_inputs.py); the
# workshop file stays on the laptop's disk.
HALF_FULL = """
set -eu
mount -t tmpfs -o size=2m none "$DISK"
free=$(df -k "$DISK" | awk 'NR==2 {print $4}')
dd if=/dev/zero of="$DISK/plein" bs=1k count=$(( free - LEFT )) 2>/dev/null
"$PYTHON" -c "$SCRIPT" > "$OUT/said" 2> "$OUT/errors"
ls -A "$DISK" > "$OUT/files"
"""

EXPORT_BOTH = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from atelier.store import Store
from atelier.ui.app import application
from atelier.ui.main_window import MainWindow

disk, source = Path(sys.argv[1]), Path(sys.argv[2])
app = application()
window = MainWindow(Store.open(source, lock=True))
window.show()
dialog = window.export_office(show=False)
dialog.folder.setText(str(disk))
dialog.name.setText("compte rendu")
dialog.show()

def finished():
    if dialog.running:
        QTimer.singleShot(50, finished)
        return
    print(dialog.message.text())
    window.close()
    app.quit()

QTimer.singleShot(0, dialog.start)
QTimer.singleShot(50, finished)
app.exec()
"""


def test_an_export_stopped_by_a_full_disk_says_which_file_it_wrote(tmp_path: Path) -> None:
    """The Word minutes fit on the USB stick, the Excel tables did not: the dialog said « Plus
    de place … pour écrire « compte rendu.xlsx » … ; rien n'a été modifié. » and nothing of the
    .docx it had just written beside it. It says that file was written."""
    import os
    import shutil
    import subprocess
    import sys

    from atelier.exports.formats import export
    from tests.test_bad_inputs import _tmpfs_allowed

    from .conftest import ROOT

    if not _tmpfs_allowed():
        pytest.skip("needs a private mount namespace (unshare) for a small disk")
    example = ROOT / "examples" / "atelier-2021-03-16.atelier"
    sizes = tmp_path / "tailles"
    sizes.mkdir()
    shutil.copy(example, sizes / "atelier.atelier")
    with Store.open(sizes / "atelier.atelier", readonly=True) as store:
        workshop_id = store.workshops()[0].id
    written = export(
        sizes / "atelier.atelier",
        workshop_id,
        {"docx": sizes / "c.docx", "xlsx": sizes / "c.xlsx"},
    )
    docx_kb, xlsx_kb = (p.stat().st_size // 1024 for p in written)
    disk, out = tmp_path / "disque", tmp_path / "resultats"
    disk.mkdir()
    out.mkdir()
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", HALF_FULL],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "DISK": str(disk),
            "OUT": str(out),
            "EXAMPLE": str(example),
            "PYTHON": sys.executable,
            "SCRIPT": EXPORT_BOTH.replace("sys.argv[1]", repr(str(disk))).replace(
                "sys.argv[2]", repr(str(sizes / "atelier.atelier"))
            ),
            "LEFT": str(docx_kb + 12 + xlsx_kb // 3),  # the minutes, and a third of the tables
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    files = (out / "files").read_text().split("\n")
    said = (out / "said").read_text(encoding="utf-8").replace("\u00a0", " ").replace("\u202f", " ")
    assert "compte rendu.docx" in files and "compte rendu.xlsx" not in files, files
    assert said.startswith(f"Plus de place sur le disque pour écrire « {disk / 'compte rendu.xlsx'} »"), said
    assert f"Écrit avant l'erreur : {disk / 'compte rendu.docx'}" in said, said


def _lydie_excused_after_her_decision(qtbot, tmp_path: Path) -> MainWindow:
    """Lucie Leroy put in touch with Lydie Drouard's « Lien entre entreprises et les jeunes »;
    then, in the window, « (excusée) » typed at the end of Lydie's cell (F2, Ctrl+Fin, Tab)."""
    import shutil

    from atelier.domain import Match, MatchStatus

    from .conftest import ROOT
    from .helpers.keyboard import active_window, key, type_text

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        items = store.workshop_items(workshop_id)
        (need,) = [i for i in items if i.text.startswith("avoir des exemples de projets")]
        (offer,) = [i for i in items if i.text == "Lien entre entreprises et les jeunes"]
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5, []))
        (lydie,) = [p for p in store.participants(workshop_id) if p.names == ["Lydie Drouard"]]
    window = active_window(qtbot, path)
    window.matching.shutdown()  # the decision is what this is about, not new suggestions
    window._select(lydie.id, 0)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(" (excusée)")
    key(qtbot, Qt.Key.Key_Tab)
    with Store.open(path, readonly=True) as store:
        assert store.participant(lydie.id).away() == "excused"
    return window


def test_a_helper_typed_excused_after_the_decision_is_said_excused_in_the_minutes_decided_table(
    qtbot, tmp_path: Path
) -> None:
    """Lucie Leroy was put in touch with Lydie Drouard's « Lien entre entreprises et les jeunes »;
    then the facilitator typed « (excusée) » at the end of Lydie's cell (F2, Ctrl+Fin). The grid,
    the annex, the Excel sheet and the list of those away say « excusé·e »; the minutes'
    « Les mises en relation » table said « Lydie Drouard (CitiZchool) » under « Peut aider », as
    if she had been in the room, and Lucie's page « Lydie Drouard — CitiZchool propose : … ». Both
    say she was excused now."""
    window = _lydie_excused_after_her_decision(qtbot, tmp_path)

    dialog = window.export_office(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "exports"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.fiches.setFocus()
    qtbot.keyClick(dialog.fiches, Qt.Key.Key_Space)  # the participants' pages too
    assert dialog.fiches.isChecked()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.error is None
    # Lucie Leroy's page: who can help her, and that this person was not in the room.
    pages = docx.Document(str(out / "Atelier du 16 mars 2021 - fiches.docx"))
    (said,) = [p.text for p in pages.paragraphs if p.text.startswith("Lydie Drouard —")]
    assert said.startswith("Lydie Drouard — CitiZchool (excusé·e) propose"), said
    document = docx.Document(str(out / "Atelier du 16 mars 2021.docx"))
    (decided,) = [t for t in document.tables if t.rows[0].cells[1].text == "Peut aider"]
    (row,) = [r for r in decided.rows[1:] if r.cells[1].text.startswith("Lydie Drouard")]
    assert row.cells[0].text.startswith("Lucie Leroy (Grand Angoulême)")
    assert "Lydie Drouard (CitiZchool)\n(excusé·e)\nLien entre entreprises et les jeunes" in row.cells[1].text
    dialog.close()
    window.close()


def test_a_helper_typed_excused_after_the_decision_is_said_excused_in_who_can_help(
    qtbot, tmp_path: Path
) -> None:
    """The same decision, read in « Qui peut aider ? » on Lucie Leroy's row (Ctrl+Début, three
    times ↓, Ctrl+M): it said « ✔ Lydie Drouard (CitiZchool) — Lien entre entreprises et les
    jeunes », as if she were in the room, beside the grid saying « excusé·e »."""
    from .helpers.keyboard import key

    window = _lydie_excused_after_her_decision(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Down)
    assert window.model.participant_at(window.grid.currentIndex().row()).names == ["Lucie Leroy"]
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    tree = window.panel.matches.tree_model
    qtbot.waitUntil(lambda: tree.rowCount() == 3)
    lines = [
        tree.item(row).child(n).text().split("\n")[0]
        for row in range(tree.rowCount())
        for n in range(tree.item(row).rowCount())
    ]
    (said,) = [line for line in lines if "Lydie Drouard" in line]
    assert said == "✔ Lydie Drouard (CitiZchool, excusé·e) — Lien entre entreprises et les jeunes", said
    window.close()


def test_a_helper_typed_excused_after_the_decision_is_said_excused_to_the_room(qtbot, tmp_path: Path) -> None:
    """The same decision on the projector: the card said « ← Lydie Drouard (CitiZchool) peut
    aider : … », Lucie Leroy's page and the network's dot named her the same way, as if she
    were in the room to be met after the session. Each says she was excused."""
    from .helpers.keyboard import key

    window = _lydie_excused_after_her_decision(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Down)
    assert window.model.participant_at(window.grid.currentIndex().row()).names == ["Lucie Leroy"]
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector

    def painted() -> str:
        projector.render_image()
        return " ".join(" ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ").split())

    try:
        key(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert "← Lydie Drouard (CitiZchool, excusé·e) peut aider" in painted(), painted()
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert "← Lydie Drouard (CitiZchool, excusé·e)" in painted(), painted()
        key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
        painted()
        assert "Lydie Drouard (excusé·e)" in [" ".join(label.split()) for label in projector.node_labels]
    finally:
        projector.close()
        window.close()


@pytest.mark.parametrize("name", ["compte rendu.docx", "grille.XLSX"])
def test_the_view_exported_as_png_under_a_word_or_excel_name_is_refused_and_the_file_kept(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_modal_boxes: list[str],
    name: str,
) -> None:
    """Ctrl+Alt+P, a name ending .docx or .xlsx typed in the file dialog: an image was written
    under that name, over the Word minutes or the Excel grid that had it. Refused, said in one
    sentence, the file byte for byte as it was; a name nothing had stays free."""
    from PySide6.QtWidgets import QFileDialog

    existing = tmp_path / name
    existing.write_bytes(b"PK\x03\x04 le compte rendu de la semaine")
    before = existing.read_bytes()
    free = tmp_path / ("autre" + Path(name).suffix)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.grid.setFocus()
    for target in (existing, free):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        no_modal_boxes.clear()
        qtbot.keyClick(
            window.grid, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        suffix = target.suffix.lower()
        assert no_modal_boxes == [
            f"«\xa0{target}\xa0» se termine par {suffix}, mais cet export est un fichier .png\xa0: "
            "donnez-lui un nom en .png\u202f; rien n'a été écrit."
        ]
    assert existing.read_bytes() == before
    assert not free.exists()
    assert not [p.name for p in tmp_path.iterdir() if "atelier" not in p.name and p.name != name]


def test_an_export_folder_left_empty_or_a_bare_name_is_beside_the_workshop_file_said_in_full(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder emptied, or « comptes rendus » typed: the documents went to whatever folder
    Atelier was started from (its program folder, a home folder), said as « Exporté :
    atelier.xlsx », found nowhere. They go beside the workshop file, said with the full path."""
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    beside = window.store.path.absolute().parent
    (beside / "comptes rendus").mkdir()
    dialog = window.export_office(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.word.setChecked(False)
    for typed, folder in (("", beside), ("  comptes rendus ", beside / "comptes rendus")):
        dialog.folder.setFocus()
        dialog.folder.selectAll()
        qtbot.keyClick(dialog.folder, Qt.Key.Key_Delete)
        if typed:
            qtbot.keyClicks(dialog.folder, typed)
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        assert dialog.error is None
        written = folder / "Atelier du 16 mars 2021.xlsx"
        assert dialog.message.text().splitlines()[0] == f"Exporté\xa0: {written}"
        assert openpyxl.load_workbook(written)["Grille"].max_row == window.model.rowCount() + 1
        assert dialog.written == [written]
    assert list(elsewhere.iterdir()) == []
