"""Entering the follow-up a week after the workshop, in the window, at the keyboard: each step
dated on the day it happened (the decision, each contact), typed as people write a date, today
to start with; an impossible or backwards day refused in one sentence saying what to do; each
step saved at once and undone with Ctrl+Z."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from atelier.domain import FollowUp
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .helpers.keyboard import active_window, key, type_text
from .helpers.one_match import lucie_and_cecile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NBSP = "\u00a0"
TODAY = date.today()
HELD = TODAY - timedelta(days=10)  # the workshop, ten days ago


def fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A workshop held ten days ago whose match between Lucie and Cécile was confirmed
    today, after the workshop: « à contacter » since today."""
    target = tmp_path / "reseau.atelier"
    lucie_and_cecile(
        target,
        HELD,
        title="Atelier de l'automne",
        need="clauses d'insertion dans les marchés",
        offer="clauses sociales dans les marchés publics",
        organisations=("Grand Angoulême", "PLIE des Graves"),
        reasons=["même thème"],
    )
    return target


@pytest.fixture
def window(qtbot, path: Path) -> MainWindow:
    win = active_window(qtbot, path)
    yield win
    win.close()


def _in_file(path: Path) -> tuple[FollowUp, str]:
    with Store.open(path, readonly=True) as store:
        (entry,) = store.follow_ups()
        return entry.match.follow_up, entry.match.follow_up_changed


def _day_editor() -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.objectName() == "followupDay", editor
    return editor


def _type_day(qtbot, window: MainWindow, text: str, *, again: bool = False) -> None:
    type_text(text)  # the day shown first is selected: typing replaces it
    typed_in = QApplication.focusWidget()
    key(qtbot, Qt.Key.Key_Return)
    if again:  # refused: a new editor holds what was typed
        qtbot.waitUntil(
            lambda: (
                isinstance(QApplication.focusWidget(), QLineEdit)
                and QApplication.focusWidget() is not typed_in
            ),
            timeout=5000,
        )
        return
    # The editor commits once back in the event loop, and the day is recorded (or refused)
    # once it has closed; the keyboard is then back on the table (or, `again`, on the
    # editor opened again to correct a day not read).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.followup.table, timeout=5000)
    qtbot.waitUntil(lambda: not window.followup.recording, timeout=5000)


def test_a_week_later_the_decision_and_the_contact_are_dated_on_their_days_and_undone(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
    table = window.followup.table
    assert QApplication.focusWidget() is table
    decided = _in_file(path)
    assert decided[0] == FollowUp.TO_CONTACT and decided[1][:10] >= TODAY.isoformat()[:8]
    contacted_on = HELD + timedelta(days=3)

    # Maj+C: « contactée » on a day to type, today to start with. The decision was recorded
    # today: a contact three days after the workshop would come before it.
    key(qtbot, Qt.Key.Key_C, SHIFT)
    assert _day_editor().text() == fr(TODAY)
    assert window.followup.keys.text().startswith(f"Date de «{NBSP}contactée{NBSP}»{NBSP}: tapez-la")
    before = path.read_bytes()
    _type_day(qtbot, window, fr(contacted_on))
    assert no_modal_boxes[-1] == (
        f"«{NBSP}contactée le {fr(contacted_on)}{NBSP}» précéderait la décision, notée «{NBSP}à contacter "
        f"depuis le {fr(TODAY)}{NBSP}»{NBSP}: si elle a été prise plus tôt, datez-la d'abord du "
        f"{fr(contacted_on)} ou d'avant (touche D sur cette ligne), puis recommencez."
    )
    assert path.read_bytes() == before and table.model().index(0, 5).data() == "à contacter"
    assert window.followup.keys.text().startswith("Touches")  # the editor gone, the keys said again

    # D: the decision dated on the day after the workshop.
    key(qtbot, Qt.Key.Key_D)
    assert _day_editor().text() == fr(TODAY)  # its own day to start with
    decision_on = HELD + timedelta(days=1)
    _type_day(qtbot, window, fr(decision_on))
    assert _in_file(path) == (FollowUp.TO_CONTACT, decision_on.isoformat())  # saved at once
    assert window.saved_label.text().startswith("Enregistré à")
    assert table.model().index(0, 6).data() == fr(decision_on)

    # Now the contact, on its day: recorded.
    key(qtbot, Qt.Key.Key_C, SHIFT)
    _type_day(qtbot, window, fr(contacted_on))
    assert _in_file(path) == (FollowUp.CONTACTED, contacted_on.isoformat())
    assert [table.model().index(0, c).data() for c in (5, 6)] == ["contactée", fr(contacted_on)]
    assert QApplication.focusWidget() is table  # the keyboard back on the table

    # Impossible, before the workshop, still to come: one sentence each, nothing written.
    before = path.read_bytes()
    refused = len(no_modal_boxes)
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, "31/02/2026", again=True)
    assert _day_editor().text() == "31/02/2026"  # open again, to correct; Échap leaves it
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, fr(HELD - timedelta(days=1)))
    key(qtbot, Qt.Key.Key_F, SHIFT)
    _type_day(qtbot, window, fr(TODAY + timedelta(days=1)))
    assert no_modal_boxes[refused:] == [
        f"«{NBSP}31/02/2026{NBSP}»{NBSP}: le 31 février 2026 n'existe pas (février 2026 a 28{NBSP}jours).",
        f"La date «{NBSP}{fr(HELD - timedelta(days=1))}{NBSP}» précède l'atelier du "
        f"{_long(HELD)}{NBSP}: le suivi note ce qui a eu "
        "lieu depuis l'atelier.",
        f"La date «{NBSP}{fr(TODAY + timedelta(days=1))}{NBSP}» est à venir{NBSP}: le suivi note ce qui a "
        "déjà eu lieu.",
    ]
    assert path.read_bytes() == before
    # Échap: the day typed goes, nothing changes.
    key(qtbot, Qt.Key.Key_F, SHIFT)
    type_text("01/01")
    key(qtbot, Qt.Key.Key_Escape)
    assert path.read_bytes() == before and QApplication.focusWidget() is table

    # Ctrl+Z: the contact goes, then the decision's day goes back to today's; Ctrl+Y again.
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert _in_file(path) == (FollowUp.TO_CONTACT, decision_on.isoformat())
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert _in_file(path) == decided
    key(qtbot, Qt.Key.Key_Y, CTRL)
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert _in_file(path) == (FollowUp.CONTACTED, contacted_on.isoformat())
    assert window.model.undo_stack.undoText() == f"Suivi «{NBSP}contactée le {fr(contacted_on)}{NBSP}»"


def _long(day: date) -> str:
    from atelier.french import long_date

    return long_date(day.isoformat(), "fr")


def test_a_day_typed_then_the_window_closed_is_in_the_file_as_shown(
    qtbot, path: Path, no_modal_boxes: list[str]
) -> None:
    """Closing the window while a day is being typed finishes it, as a grid cell left open:
    the step is recorded in the file (never lost silently, never written to a closed file)."""
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)
    decision_on = HELD + timedelta(days=1)
    type_text(fr(decision_on))
    window.close()
    qtbot.wait(50)
    assert no_modal_boxes == []
    assert _in_file(path) == (FollowUp.TO_CONTACT, decision_on.isoformat())

    # The same with a note being written (Entrée) when the window closes.
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_Return)
    type_text("appelée mardi")
    window.close()
    qtbot.wait(50)
    assert no_modal_boxes == []
    with Store.open(path, readonly=True) as store:
        (entry,) = store.follow_ups()
    assert entry.match.note == "appelée mardi"
    assert _in_file(path) == (FollowUp.TO_CONTACT, decision_on.isoformat())


def test_hier_and_a_day_without_its_year_are_days_already_past(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """« hier », « avant-hier », « aujourd'hui » are how a facilitator says the day of a call;
    a day typed without its year is the last such day already past: « 22/12 » typed in January
    is last December, never a December to come refused as « à venir »."""
    target = tmp_path / "ancien.atelier"
    held = TODAY - timedelta(days=500)
    lucie_and_cecile(target, held, title="Atelier d'il y a longtemps", reasons=["même thème"])
    window = active_window(qtbot, target)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)
        # The decision, on the day after the workshop; the contact « avant-hier », then « hier ».
        key(qtbot, Qt.Key.Key_D)
        _type_day(qtbot, window, fr(held + timedelta(days=1)))
        key(qtbot, Qt.Key.Key_C, SHIFT)
        _type_day(qtbot, window, "avant-hier")
        assert _in_file(target) == (FollowUp.CONTACTED, (TODAY - timedelta(days=2)).isoformat())
        key(qtbot, Qt.Key.Key_D)
        _type_day(qtbot, window, " Hier ")
        assert _in_file(target) == (FollowUp.CONTACTED, (TODAY - timedelta(days=1)).isoformat())
        # Tomorrow's day and month, without a year: that day last year (still after the workshop).
        tomorrow = TODAY + timedelta(days=1)
        key(qtbot, Qt.Key.Key_A, SHIFT)
        key(qtbot, Qt.Key.Key_Escape)
        key(qtbot, Qt.Key.Key_D)
        _type_day(qtbot, window, tomorrow.strftime("%d/%m"))
        # (On 31 December, « 01/01 » is this year's first day; a 29 February has no year before.)
        if (tomorrow.month, tomorrow.day) != (2, 29):
            expected = tomorrow.replace(year=TODAY.year - (tomorrow.year == TODAY.year))
            assert _in_file(target) == (FollowUp.CONTACTED, expected.isoformat())
        assert no_modal_boxes == []
    finally:
        window.close()


def test_back_to_a_contacter_on_a_day_is_said_depuis_le(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    """« à contacter » is a state one is in since a day: « à contacter depuis le 23/11/2026 »,
    in the refusal and in Édition › Annuler, never « à contacter le 23/11/2026 » (which reads
    as an order to call on that day)."""
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, fr(HELD + timedelta(days=1)))
    key(qtbot, Qt.Key.Key_C, SHIFT)
    _type_day(qtbot, window, fr(HELD + timedelta(days=3)))
    key(qtbot, Qt.Key.Key_F, SHIFT)
    _type_day(qtbot, window, fr(HELD + timedelta(days=5)))
    # Back to « à contacter » after the contact, before « fait »: neither a new step (it would
    # come before « fait ») nor the decision dated again (it would follow the contact).
    key(qtbot, Qt.Key.Key_A, SHIFT)
    _type_day(qtbot, window, fr(HELD + timedelta(days=4)))
    assert no_modal_boxes[-1] == (
        f"«{NBSP}à contacter depuis le {fr(HELD + timedelta(days=4))}{NBSP}» précéderait l'étape d'avant, "
        f"«{NBSP}faite le {fr(HELD + timedelta(days=5))}{NBSP}»{NBSP}: si cette étape a eu lieu plus tôt, "
        f"datez-la d'abord du {fr(HELD + timedelta(days=4))} ou d'avant (touche D sur cette ligne), "
        "puis recommencez."
    )
    key(qtbot, Qt.Key.Key_A, SHIFT)
    _type_day(qtbot, window, fr(HELD + timedelta(days=6)))
    assert _in_file(path) == (FollowUp.TO_CONTACT, (HELD + timedelta(days=6)).isoformat())
    assert window.model.undo_stack.undoText() == (
        f"Suivi «{NBSP}à contacter depuis le {fr(HELD + timedelta(days=6))}{NBSP}»"
    )


def test_a_day_being_typed_survives_the_list_reloading(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    """The background matching finishing (seconds after the file opens) reloads « Suivi »:
    a day being typed then stays in its editor, and Entrée records it; nothing is lost or
    half-recorded."""
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)
    type_text(fr(HELD + timedelta(days=1))[:5])  # « 22/11 », the year not typed yet
    before = path.read_bytes()
    window.model.matches_changed.emit()  # as the matching does once its suggestions are saved
    qtbot.wait(50)
    assert path.read_bytes() == before and no_modal_boxes == []
    assert _day_editor().text() == fr(HELD + timedelta(days=1))[:5]
    assert window.followup.keys.text().startswith("Date de")
    _type_day(qtbot, window, fr(HELD + timedelta(days=1))[5:])
    assert _in_file(path) == (FollowUp.TO_CONTACT, (HELD + timedelta(days=1)).isoformat())
    assert no_modal_boxes == []
    # A note being written, the same.
    key(qtbot, Qt.Key.Key_Return)
    type_text("appelée")
    window.model.matches_changed.emit()
    qtbot.wait(50)
    type_text(" mardi")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.followup.table, timeout=5000)
    with Store.open(path, readonly=True) as store:
        (entry,) = store.follow_ups()
    assert entry.match.note == "appelée mardi"


def test_a_day_not_read_is_given_back_to_correct(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    """« 31/11 » (a typo): refused in one sentence, and the editor opens again with what was
    typed, the cursor after it, to correct rather than type it all again."""
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)
    before = path.read_bytes()
    typo = fr(HELD + timedelta(days=1))[:3] + "1l"  # « 21/1l »: an l for a 1
    _type_day(qtbot, window, typo, again=True)
    assert no_modal_boxes[-1].startswith(f"Date non reconnue «{NBSP}{typo}{NBSP}»{NBSP}: écrivez")
    assert path.read_bytes() == before
    assert _day_editor().text() == typo and not _day_editor().hasSelectedText()
    assert window.followup.keys.text().startswith("Date de")
    key(qtbot, Qt.Key.Key_Backspace)
    key(qtbot, Qt.Key.Key_Backspace)
    _type_day(qtbot, window, fr(HELD + timedelta(days=1))[3:])
    assert _in_file(path) == (FollowUp.TO_CONTACT, (HELD + timedelta(days=1)).isoformat())


def _press_return_then_reload(window: MainWindow) -> None:
    """Entrée pressed in an editor, and the list reloaded before the window is back in its
    event loop: the matching finishing in the background just as the facilitator presses
    Entrée (seen on a loaded machine)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    editor = QApplication.focusWidget()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    window.model.matches_changed.emit()  # as the matching does once its suggestions are saved


def test_entree_records_the_day_even_if_the_list_reloads_at_that_moment(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    """Entrée pressed on a day just as the background matching reloads the list: the day is
    recorded, the keyboard back on the table; neither left in an editor opened again nor lost."""
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)
    type_text(fr(HELD + timedelta(days=1)))
    _press_return_then_reload(window)
    qtbot.waitUntil(lambda: not window.followup.recording)
    qtbot.waitUntil(lambda: window.followup.table.state() == QAbstractItemView.State.NoState)
    assert _in_file(path) == (FollowUp.TO_CONTACT, (HELD + timedelta(days=1)).isoformat())
    assert QApplication.focusWidget() is window.followup.table
    assert window.followup.keys.text().startswith("Touches")
    # A day not read: refused in one sentence, as when nothing reloads.
    key(qtbot, Qt.Key.Key_D)
    type_text("31/02/2026")
    _press_return_then_reload(window)
    qtbot.waitUntil(lambda: bool(no_modal_boxes))
    assert no_modal_boxes[-1].startswith(f"«{NBSP}31/02/2026{NBSP}»{NBSP}: le 31 février 2026 n'existe pas")
    assert _day_editor().text() == "31/02/2026"  # given back to correct
    key(qtbot, Qt.Key.Key_Escape)
    # A note: the same.
    key(qtbot, Qt.Key.Key_Return)
    type_text("appelée mardi")
    _press_return_then_reload(window)
    qtbot.waitUntil(lambda: window.followup.table.state() == QAbstractItemView.State.NoState)
    with Store.open(path, readonly=True) as store:
        (entry,) = store.follow_ups()
    assert entry.match.note == "appelée mardi"
    assert QApplication.focusWidget() is window.followup.table


def test_a_day_typed_when_the_window_closes_is_recorded_once_and_nothing_written_after(
    qtbot, path: Path, no_modal_boxes: list[str]
) -> None:
    """The window closed with a day in its editor, or with a day just entered and not yet
    recorded: it is in the file, and nothing tries to write into the closed file after."""
    for entered in (False, True):
        window = active_window(qtbot, path)
        key(qtbot, Qt.Key.Key_2, ALT)
        key(qtbot, Qt.Key.Key_D)
        day = HELD + timedelta(days=2 if entered else 1)
        type_text(fr(day))
        if entered:  # Entrée: recorded at the next turn of the event loop, after the close
            QApplication.sendEvent(
                QApplication.focusWidget(),
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
            )
            assert window.followup.recording
        window.close()
        assert not window.followup.recording
        # A day given to record once the file is closed (a timer due, an editor losing the
        # keyboard as the window goes): let go, never written, nothing raised.
        window.followup.record_day(window.followup.model.entries[0].match.id, FollowUp.DONE, fr(TODAY))
        qtbot.waitUntil(lambda w=window: not w.followup.recording)
        assert _in_file(path) == (FollowUp.TO_CONTACT, day.isoformat())
    assert no_modal_boxes == []


def test_a_contact_dated_again_on_a_match_done_since_is_said_with_both_days(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    """Lucie ← Cécile « faite » after « contactée » on the third day: Maj+C and another day
    dated the contact again, the row (still « faite ») showed nothing of it and only
    « Enregistré à … » was said, the first day of the contact gone from the file unseen."""
    match_id = window.store.follow_ups()[0].match.id
    contacted_on, later, done_on = (HELD + timedelta(days=n) for n in (3, 4, 6))
    window.store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(HELD + timedelta(days=1)).isoformat())
    window.store.set_follow_up(match_id, FollowUp.CONTACTED, day=contacted_on.isoformat())
    window.store.set_follow_up(match_id, FollowUp.DONE, day=done_on.isoformat())
    key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
    assert window.followup.table.model().index(0, 5).data() == "faite"
    key(qtbot, Qt.Key.Key_C, SHIFT)  # « contactée » on a day to type
    _type_day(qtbot, window, fr(later))
    assert window.followup.table.model().index(0, 5).data() == "faite"
    said = window.saved_label.text()
    assert (
        f"Étape redatée{NBSP}: «{NBSP}contactée le {fr(contacted_on)}{NBSP}» devient «{NBSP}contactée le "
        f"{fr(later)}{NBSP}» — Ctrl+Z pour annuler" in said
    ), said
    key(qtbot, Qt.Key.Key_Z, CTRL)
    with Store.open(path, readonly=True) as store:
        assert [s.at[:10] for s in store.match(match_id).follow_up_steps][1] == contacted_on.isoformat()
