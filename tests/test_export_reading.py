"""The window's export reads the window's own file: not whatever file lies at its name now (a
sync client, or the user, put another copy there while the window had it open), whose
workshop, people and words are not the ones on the screen."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from atelier.store import Store
from tests.conftest import ROOT, example_window
from tests.helpers.keyboard import answer_on_closing


def _other_copy(path: Path) -> Path:
    """Another copy of the example, as a sync client brings back: the same workshop, but its
    first participant is someone else."""
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        first = store.participants(store.workshops()[0].id)[0]
        store.update_participant(first.id, names=["Intrus Étranger"], organisation="Ailleurs SA")
    return path


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _xlsx_text(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(
        str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row
    )


def test_the_window_s_export_writes_its_own_workshop_not_the_copy_put_at_its_name(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "open", lambda box: None)  # « n'est plus sur le disque »
    window = example_window(qtbot, tmp_path)
    path = window.store.path
    names = [p.names[0] for p in window.store.participants(window.model.workshop_id)]
    assert len(names) > 2
    theirs = _other_copy(tmp_path / "leur copie.atelier")
    theirs.replace(path)  # put in place in one rename, as sync clients do

    dialog = window.export_office(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "exports"
    out.mkdir()
    dialog.folder.setText(str(out))
    assert dialog.word.isChecked() and dialog.excel.isChecked()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.error is None, dialog.error
    (minutes,) = out.glob("*.docx")
    (tables,) = out.glob("*.xlsx")
    for text in (_docx_text(minutes), _xlsx_text(tables)):
        assert "Intrus" not in text and "Ailleurs SA" not in text
        assert all(name in text for name in names), [n for n in names if n not in text]
    dialog.close()
    # What the window wrote has no name left on the disk: asked before closing, closed anyway.
    asked = answer_on_closing(qtbot, [(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)])
    window.close()
    assert asked and "n'est plus sur le disque" in asked[0], asked


def test_a_copy_put_at_the_file_s_name_after_the_window_looked_is_not_read_as_its_workshop(
    tmp_path: Path,
) -> None:
    """The window looks whether its file is still at its name, then a worker opens it there by
    name: a sync client may put another copy there in between. The worker must not read that
    copy's people as the window's workshop (nor write suggestions made from them)."""
    from atelier.errors import FileRefused
    from atelier.ui.operations import reading

    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        opener = reading(store)  # looked: the file is at its name
        _other_copy(tmp_path / "leur copie.atelier").replace(path)  # then the sync client
        try:
            with opener() as reader:
                names = [p.names[0] for p in reader.participants(reader.workshops()[0].id)]
        except FileRefused as exc:
            said = exc.user_message()
            assert "remplacé" in said and "rien n'a été lu ni écrit" in said, said
        else:
            raise AssertionError(f"read the other copy's people as this workshop: {names[:2]}")
