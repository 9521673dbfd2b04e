"""The window in English as much as in French: dates, counts and file names the facilitator
reads in the follow-up view and the export dialog, driven with the keys (found by a probe
of the English window at 1366×768)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from tests.helpers.keyboard import active_window, key, type_text

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
ALT = Qt.KeyboardModifier.AltModifier


def _example_with_matches(tmp_path: Path) -> Path:
    """The example, Lucie Leroy's first need with three confirmed helpers, confirmed today."""
    from atelier.domain import Match, MatchStatus
    from atelier.store import Store

    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        items = store.workshop_items(workshop_id)
        (need,) = [i for i in items if i.text.startswith("besoins de connaissances")]
        for start in ("présenter les différents", "Études et diagnostic", "Animation du dispositif"):
            (resource_item,) = [i for i in items if i.text.startswith(start)]
            match = store.add_match(
                Match(workshop_id, need.id, resource_item.id, MatchStatus.CONFIRMED, 0.5, [])
            )
            store.update_match(match.id, follow_up_changed="2026-11-03T10:00:00.000Z")
    return path


def test_the_follow_up_says_its_dates_and_its_count_whole_in_the_window_language(
    qtbot, tmp_path: Path, language: str
) -> None:
    """Alt+2 at 1366×768: « Dernière étape le » reads 03/11/2026 in French and 3 November 2026 in
    English (not 2026-11-03, a date no one writes), the column wide enough for it on one
    line, and « 3 mises en relation suivies » / « 3 matches followed up » is not pressed
    against the window's right edge where the frame cuts it."""
    window = active_window(qtbot, _example_with_matches(tmp_path), 1366, 740)
    key(qtbot, Qt.Key.Key_2, ALT)
    view = window.followup
    qtbot.waitUntil(lambda: view.isVisible() and view.model.rowCount() == 3)
    since = {view.model.index(row, 6).data() for row in range(3)}
    assert since == ({"03/11/2026"} if language == "fr" else {"3 November 2026"})
    table = view.table
    column = table.horizontalHeader().sectionSize(6)
    assert table.fontMetrics().horizontalAdvance(since.pop()) + 8 <= column
    # Headed « Depuis le » (« Since »), the day read « faite depuis le … » beside a match
    # done: it is the day of the follow-up's last step, whatever the state, as the Excel says.
    title = view.model.headerData(6, Qt.Orientation.Horizontal)
    assert title == ("Dernière étape le" if language == "fr" else "Last step on"), title
    header = table.horizontalHeader()
    assert header.fontMetrics().horizontalAdvance(title) + 8 <= column, (title, column)

    counter = view.counter
    text = counter.text().replace("\u00a0", " ").replace("\u202f", " ")
    assert text == ("3 mises en relation suivies" if language == "fr" else "3 matches followed up")
    assert counter.toolTip() == counter.text()
    assert counter.width() >= counter.fontMetrics().horizontalAdvance(counter.text())
    right = counter.mapTo(window, counter.rect().topRight()).x()
    assert right <= window.width() - 8, (right, window.width())
    window.close()


def test_the_participant_pages_get_a_file_name_in_the_window_language(
    qtbot, tmp_path: Path, language: str
) -> None:
    """Ctrl+E, Word and Excel unticked and the pages ticked with their mnemonics, the folder
    typed, Alt+X: the pages are « … - fiches.docx » from the French window and
    « … - participant pages.docx » from the English one."""
    from atelier.ui.export_dialog import ExportDialog

    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    window = active_window(qtbot, path)
    out = tmp_path / "exports"
    out.mkdir()
    done: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog) or not dialog.isActiveWindow():
            QTimer.singleShot(50, drive)
            return
        for letter in (Qt.Key.Key_W, Qt.Key.Key_X, Qt.Key.Key_F if language == "fr" else Qt.Key.Key_P):
            key(qtbot, letter, ALT)
        key(qtbot, Qt.Key.Key_D if language == "fr" else Qt.Key.Key_F, ALT)
        QApplication.focusWidget().selectAll()
        type_text(str(out))
        key(qtbot, Qt.Key.Key_E, ALT)  # &Exporter, &Export
        qtbot.waitUntil(lambda: not dialog.running and dialog.message.text() != "", timeout=60_000)
        done.append(dialog.error or "")
        key(qtbot, Qt.Key.Key_Escape)

    QTimer.singleShot(50, drive)
    key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # returns once the dialog is closed
    assert done == [""]
    pages = "fiches" if language == "fr" else "participant pages"
    assert sorted(p.name for p in out.iterdir()) == [f"Atelier du 16 mars 2021 - {pages}.docx"]
    window.close()


def test_the_backups_to_restore_are_dated_and_counted_in_the_window_language(
    qtbot, tmp_path: Path, language: str
) -> None:
    """Fichier › Restaurer une sauvegarde… (Ctrl+Maj+R) lists the backups: the English window
    said « Backup of 30/11/2026 à 02:01:38 — 1 participants, 0 items » (a French « à », a date
    read 11 days into the year 2026 on one side of the Atlantic, a plural for one person), the
    French one « — 1 participants, 0 éléments »."""
    from PySide6.QtWidgets import QInputDialog

    from atelier.domain import Participant
    from atelier.store import Store

    path = tmp_path / "petit atelier.atelier"
    with Store.create(path, title="Atelier d'automne", date="2026-11-23") as store:
        store.add_participant(Participant(store.workshops()[0].id, names=["Zoé Martin"]))
    window = active_window(qtbot, path)
    window.store.before_writing()  # the copy of the file as opened, made now rather than in 1.5 s
    listed: list[str] = []

    def read_the_list() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            listed.extend(dialog.comboBoxItems())
            dialog.reject()
        else:
            QTimer.singleShot(20, read_the_list)

    QTimer.singleShot(0, read_the_list)
    key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(listed) == 1, listed
    if language == "fr":
        assert re.fullmatch(
            r"Sauvegarde du \d\d/\d\d/20\d\d à \d\d:\d\d:\d\d \(à l'ouverture\) — 1 participant, 0 élément",
            listed[0],
        )
    else:
        assert re.fullmatch(
            r"Backup of \d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d:\d\d \(when opened\) — 1 participant, 0 items",
            listed[0],
        ), listed


def test_the_follow_up_keys_are_the_window_language_s_and_said_as_they_are(
    qtbot, tmp_path: Path, language: str
) -> None:
    """The English window's follow-up keys were the French words' initials (A à contacter,
    F faite, S sans suite: « F done », « S dropped »). In English they are T to contact,
    C contacted, O done, X dropped; the line under the list and the shortcuts (F1) say the keys
    the window answers, in each language."""
    from datetime import date, timedelta

    from atelier.store import Store
    from atelier.ui.help_dialog import help_html
    from tests.conftest import run_cli
    from tests.helpers.one_match import lucie_and_cecile

    path = tmp_path / "reseau.atelier"
    lucie_and_cecile(path, date.today() - timedelta(days=20), title="Atelier de l'automne")
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_2, ALT)
    view = window.followup
    qtbot.waitUntil(lambda: view.isVisible() and view.model.rowCount() == 1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)

    def state() -> str:
        with Store.open(path, readonly=True) as store:
            (match,) = store.matches(store.workshops()[0].id, "confirmed")
            return str(match.follow_up)

    keys = {
        "fr": {
            "contacted": Qt.Key.Key_C,
            "done": Qt.Key.Key_F,
            "dropped": Qt.Key.Key_S,
            "to_contact": Qt.Key.Key_A,
        },
        "en": {
            "contacted": Qt.Key.Key_C,
            "done": Qt.Key.Key_O,
            "dropped": Qt.Key.Key_X,
            "to_contact": Qt.Key.Key_T,
        },
    }[language]
    other = {
        "fr": (Qt.Key.Key_O, Qt.Key.Key_X, Qt.Key.Key_T),
        "en": (Qt.Key.Key_F, Qt.Key.Key_S, Qt.Key.Key_A),
    }
    for wanted, letter in keys.items():
        key(qtbot, letter)
        qtbot.waitUntil(lambda wanted=wanted: state() == wanted, timeout=5000)
    for letter in other[language]:  # the other language's letters do nothing here
        key(qtbot, letter)
    assert state() == "to_contact"
    assert run_cli("suivi", str(path)).returncode == 0

    said = " ".join(view.keys.text().replace("\xa0", " ").replace("\u202f", " ").split())
    shortcuts = " ".join(help_html().replace("\xa0", " ").replace("\u202f", " ").split())
    if language == "fr":
        assert "A à contacter · C contactée · F faite · S sans suite" in said, said
        assert "<b>A, C, F, S</b>" in shortcuts and "<b>Maj+A, C, F, S</b>" in shortcuts
    else:
        assert "T to contact · C contacted · O done · X dropped" in said, said
        assert "<b>T, C, O, X</b>" in shortcuts and "<b>Shift+T, C, O, X</b>" in shortcuts
    window.close()
