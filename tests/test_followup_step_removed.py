"""A follow-up step recorded by mistake (on the wrong match, or not true at all) can be taken out:
Ctrl+Z right after, and later Suppr on its row in « Suivi », after a question that says which
step goes and where the match then stands. Taken out, it is out of everything that tells the
follow-up (« Suivi », `atelier suivi`, the fiches), and a merge with a copy that still has it
does not bring it back (a marker, as for a deleted entry: atelier/store/graves.py)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from atelier.domain import FollowUp
from atelier.errors import AtelierError
from atelier.french import local_day
from atelier.store import Store

from .conftest import run_cli
from .helpers.keyboard import active_window, key
from .helpers.one_match import lucie_and_cecile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NBSP = "\u00a0"
TODAY = date.today()
HELD = TODAY - timedelta(days=30)


def fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _file(tmp_path: Path, name: str = "suivi.atelier") -> tuple[Path, str]:
    """Lucie's need put in touch with Cécile's offer, decided the day after the workshop and
    « contactée » five days after it."""
    path = tmp_path / name
    match_id = lucie_and_cecile(path, HELD, title="Atelier du réseau")
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(HELD + timedelta(days=1)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(HELD + timedelta(days=5)).isoformat())
    return path, match_id


def _path(path: Path, match_id: str) -> list[tuple[str, str]]:
    with Store.open(path, readonly=True) as store:
        match = store.match(match_id)
        steps = [(s.state.value, local_day(s.at)) for s in match.follow_up_steps]
        assert match.follow_up == match.follow_up_steps[-1].state  # it stands at its last step
        return steps


DECIDED = ("to_contact", (HELD + timedelta(days=1)).isoformat())
CONTACTED = ("contacted", (HELD + timedelta(days=5)).isoformat())


def test_the_latest_step_is_taken_out_of_the_file_and_of_what_tells_the_follow_up(tmp_path: Path) -> None:
    path, match_id = _file(tmp_path)
    with Store.open(path) as store:
        removed = store.remove_follow_up_step(match_id)
        assert (removed.state, local_day(removed.at)) == (FollowUp.CONTACTED, CONTACTED[1])
        match = store.match(match_id)
        assert match.follow_up == FollowUp.TO_CONTACT
        assert local_day(match.follow_up_changed) == DECIDED[1]
    assert _path(path, match_id) == [DECIDED]
    done = run_cli("suivi", str(path), "--historique")
    assert done.returncode == 0, done.stderr
    assert "contactée le" not in done.stdout and f"à contacter depuis le {fr(HELD + timedelta(days=1))}" in (
        done.stdout.replace(NBSP, " ")
    ), done.stdout
    fiches = tmp_path / "fiches.docx"
    done = run_cli("export", str(path), "--fiches", str(fiches))
    assert done.returncode == 0, done.stderr
    import docx

    text = "\n".join(p.text for p in docx.Document(str(fiches)).paragraphs)
    assert "contactée le" not in text and "à contacter depuis le" in text.replace(NBSP, " "), text
    # The decision is not a step to take out: it is set aside in the grid (Ctrl+Maj+X).
    before = path.read_bytes()
    with Store.open(path) as store, pytest.raises(AtelierError) as refused:
        store.remove_follow_up_step(match_id)
    assert "décision" in refused.value.user_message()
    assert _path(path, match_id) == [DECIDED]
    assert path.read_bytes() == before or _path(path, match_id) == [DECIDED]


@pytest.mark.parametrize("order", ["removed first", "removed second"])
def test_a_merge_with_a_copy_that_still_has_the_step_does_not_bring_it_back(
    tmp_path: Path, order: str
) -> None:
    a, match_id = _file(tmp_path, "salle-a.atelier")
    b = tmp_path / "salle-b.atelier"
    shutil.copy(a, b)
    with Store.open(a) as store:
        store.remove_follow_up_step(match_id)
    first, second = (a, b) if order == "removed first" else (b, a)
    out = tmp_path / "merged.atelier"
    done = run_cli("merge", str(first), str(second), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert _path(out, match_id) == [DECIDED]
    # Merged again with the copy that has it: still out (the marker came along).
    again = tmp_path / "again.atelier"
    done = run_cli("merge", str(out), str(b), "-o", str(again))
    assert done.returncode == 0, done.stderr
    assert _path(again, match_id) == [DECIDED]


def test_a_step_the_other_copy_recorded_after_it_is_kept_and_the_match_stands_there(tmp_path: Path) -> None:
    """The other laptop went on after the copy (« faite »): its own step is news, kept; the step
    taken out on this one stays out."""
    a, match_id = _file(tmp_path, "salle-a.atelier")
    b = tmp_path / "salle-b.atelier"
    shutil.copy(a, b)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.DONE, day=(HELD + timedelta(days=9)).isoformat())
    with Store.open(a) as store:
        store.remove_follow_up_step(match_id)
    for first, second, name in ((a, b, "ab"), (b, a, "ba")):
        out = tmp_path / f"{name}.atelier"
        done = run_cli("merge", str(first), str(second), "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert _path(out, match_id) == [DECIDED, ("done", (HELD + timedelta(days=9)).isoformat())], name


def test_undoing_the_removal_puts_the_step_back_and_a_merge_keeps_it(tmp_path: Path) -> None:
    a, match_id = _file(tmp_path, "salle-a.atelier")
    b = tmp_path / "salle-b.atelier"
    shutil.copy(a, b)
    with Store.open(a) as store:
        before = store.match(match_id)
        removed = store.remove_follow_up_step(match_id)
        store.put_back_follow_up_step(match_id, before, removed)
    assert _path(a, match_id) == [DECIDED, CONTACTED]
    out = tmp_path / "merged.atelier"
    done = run_cli("merge", str(b), str(a), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert _path(out, match_id) == [DECIDED, CONTACTED]


# ----------------------------------------------------------------- the window


def _answer(qtbot, button: str, said: list[str]) -> None:
    """Answer the question box once it shows, by its button's Alt+letter (or Échap): what it
    said is kept in `said`. Closed whatever happens: no box left waiting offscreen."""

    tries = [250]  # five seconds, then given up: never a timer left for the next test

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, look)
            return
        said.append(f"{box.text()}\n{box.informativeText()}")
        box.activateWindow()  # as a window manager does: its Alt+letters are its own
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        try:
            if button == "escape":
                qtbot.keyClick(box, Qt.Key.Key_Escape)
            else:
                (chosen,) = [b for b in box.buttons() if b.text().replace("&", "") == button]
                letter = chosen.text()[chosen.text().index("&") + 1]
                qtbot.keyClick(box, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
                qtbot.waitUntil(lambda: not box.isVisible())  # (a mnemonic clicks a moment later)
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, look)


def _back_on_the_row(qtbot, window) -> None:
    """The box closed, the window active again (a window manager does it; offscreen, the test),
    the keyboard is on the row the box was asked from."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.followup.table


def test_suppr_on_a_row_of_suivi_asks_what_it_takes_out_then_takes_it_out_and_ctrl_z_puts_it_back(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    path, match_id = _file(tmp_path)
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        assert window.followup.current_match_id() == match_id
        # Échap (or « Garder »): nothing changes.
        said: list[str] = []
        _answer(qtbot, "escape", said)
        key(qtbot, Qt.Key.Key_Delete)
        _back_on_the_row(qtbot, window)
        assert _path(path, match_id) == [DECIDED, CONTACTED]
        (question,) = said
        question = question.replace(NBSP, " ").replace("\u202f", " ")
        assert (
            f"Retirer l'étape « contactée le {fr(HELD + timedelta(days=5))} » du suivi de Lucie Leroy ← "
            "Cécile Dallet ?" in question
        ), question
        assert f"La mise en relation en reviendra à « décidée le {fr(HELD + timedelta(days=1))} »" in question
        # « Retirer l'étape »: out of the file, and the row says where the match stands.
        said.clear()
        _answer(qtbot, "Retirer l'étape", said)
        key(qtbot, Qt.Key.Key_Delete)
        _back_on_the_row(qtbot, window)
        assert _path(path, match_id) == [DECIDED]
        assert (
            f"Étape « contactée le {fr(HELD + timedelta(days=5))} » retirée du suivi de Lucie Leroy ← "
            "Cécile Dallet — Ctrl+Z pour annuler"
        ) in window.saved_label.text().replace(NBSP, " "), window.saved_label.text()
        row = window.followup.model.row_of(match_id)
        from atelier.ui.followup_view import COL_STATE

        assert window.followup.model.index(row, COL_STATE).data() == "à contacter"
        assert "contactée" not in window.followup.steps.text()
        # Ctrl+Z: the step is back, as it was; Ctrl+Y takes it out again.
        key(qtbot, Qt.Key.Key_Z, CTRL)
        assert _path(path, match_id) == [DECIDED, CONTACTED]
        assert window.followup.model.index(row, COL_STATE).data() == "contactée"
        key(qtbot, Qt.Key.Key_Y, CTRL)
        assert _path(path, match_id) == [DECIDED]
        # Only the decision left: Suppr says so, and how to undo a decision, asking nothing.
        key(qtbot, Qt.Key.Key_Delete)
        assert _path(path, match_id) == [DECIDED]
        assert "Ctrl+Maj+X" in no_modal_boxes[-1].replace(NBSP, " ") or "Ctrl+Maj+X" in (
            window.saved_label.text().replace(NBSP, " ")
        )
    finally:
        window.close()


# ----------------------------------------------------------------- the command line


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_command_line_says_what_it_would_take_out_and_takes_it_out_with_oui(
    tmp_path: Path, lang: str
) -> None:
    path, match_id = _file(tmp_path)
    env = {"ATELIER_LANG": lang}
    short = match_id[:8]
    before = path.read_bytes()
    done = run_cli("suivi", str(path), short, "--retirer-etape", env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert path.read_bytes() == before
    from atelier.french import list_date

    contacted, decided = (list_date((HELD + timedelta(days=n)).isoformat(), lang) for n in (5, 1))
    if lang == "fr":
        assert done.stderr.strip() == (
            f"Retirer l'étape «{NBSP}contactée le {contacted}{NBSP}» du suivi de Lucie Leroy ← Cécile "
            f"Dallet\u202f? La mise en relation en reviendra à «{NBSP}décidée le {decided}{NBSP}». "
            "Ajoutez --oui pour la retirer."
        ), done.stderr
    else:
        assert done.stderr.strip() == (
            f"Take the step “contacted on {contacted}” out of the follow-up of Lucie Leroy ← Cécile "
            f"Dallet? The match will be back at “decided on {decided}”. Add --yes to take it out."
        ), done.stderr
    done = run_cli("suivi", str(path), short, "--remove-step", "--yes" if lang == "en" else "--oui", env=env)
    assert done.returncode == 0, done.stderr
    assert _path(path, match_id) == [DECIDED]
    said = done.stdout.replace(NBSP, " ").replace("\u202f", " ")
    if lang == "fr":
        assert f"Étape « contactée le {contacted} » retirée du suivi de Lucie Leroy ← Cécile Dallet" in said
        assert f"la mise en relation en est à « décidée le {decided} »" in said, said
    else:
        assert (
            f"Step “contacted on {contacted}” taken out of the follow-up of Lucie Leroy ← Cécile Dallet"
            in said
        )
        assert f"the match is back at “decided on {decided}”" in said, said
    # Only the decision left: refused in one sentence, the file untouched.
    before = path.read_bytes()
    done = run_cli("suivi", str(path), short, "--retirer-etape", "--oui", env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ("Ctrl+Maj+X" if lang == "fr" else "Ctrl+Shift+X") in done.stderr, done.stderr
    assert path.read_bytes() == before


def test_the_command_line_refuses_remove_step_without_a_match_or_with_a_state(tmp_path: Path) -> None:
    path, match_id = _file(tmp_path)
    before = path.read_bytes()
    for args in (
        ("--retirer-etape", "--oui"),
        (match_id[:8], "--retirer-etape", "--etat", "fait"),
        (match_id[:8], "--oui"),
    ):
        done = run_cli("suivi", str(path), *args)
        assert done.returncode == 2 and "Traceback" not in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert path.read_bytes() == before


# ----------------------------------------------------------------- the step's note


def _noted(tmp_path: Path) -> tuple[Path, str]:
    """Decided with a note of what to do, then « contactée » with a note of who called whom."""
    path = tmp_path / "note.atelier"
    match_id = lucie_and_cecile(path, HELD, title="Atelier du réseau")
    with Store.open(path) as store:
        day = (HELD + timedelta(days=1)).isoformat()
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, note="Appeler Cécile avant le 15", day=day)
    done = run_cli(
        "suivi", str(path), match_id[:8], "--etat", "contacte", "--le", fr(HELD + timedelta(days=5)),
        "--note", "Zoé a appelé Cécile, rendez-vous pris",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return path, match_id


def _told(path: Path, tmp_path: Path) -> str:
    """What `atelier suivi --historique`, the fiches and the workbook say of the follow-up."""
    import docx
    import openpyxl

    listed = run_cli("suivi", str(path), "--historique")
    assert listed.returncode == 0, listed.stderr
    fiches, book = tmp_path / "fiches.docx", tmp_path / "suivi.xlsx"
    for option, out in (("--fiches", fiches), ("--xlsx", book)):
        out.unlink(missing_ok=True)
        done = run_cli("export", str(path), option, str(out))
        assert done.returncode == 0, done.stderr
    cells = [
        str(c)
        for ws in openpyxl.load_workbook(book).worksheets
        for r in ws.iter_rows(values_only=True)
        for c in r
    ]
    paragraphs = [p.text for p in docx.Document(str(fiches)).paragraphs]
    return "\n".join([listed.stdout, *paragraphs, *cells])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_note_written_with_the_step_goes_with_it_and_is_said(tmp_path: Path, lang: str) -> None:
    """« contactée » recorded with « Zoé a appelé Cécile », then taken out (it was the wrong
    match): the match stood at « à contacter » with « note : Zoé a appelé Cécile… » under it in
    `suivi`, the fiches and the workbook, a contact said of a match nobody called. The note
    written with the step goes with it, said in the question and in the answer with its words;
    the note written before the step (at the decision) is not one of the step's."""
    path, match_id = _noted(tmp_path)
    env = {"ATELIER_LANG": lang}
    assert "Zoé a appelé Cécile" in _told(path, tmp_path)
    before = path.read_bytes()
    asked = run_cli("suivi", str(path), match_id[:8], "--retirer-etape", env=env)
    assert asked.returncode == 1 and path.read_bytes() == before
    removed = run_cli("suivi", str(path), match_id[:8], "--remove-step", "--yes", env=env)
    assert removed.returncode == 0, removed.stderr
    for said in (asked.stderr, removed.stdout):
        said = said.replace(NBSP, " ")
        assert "Zoé a appelé Cécile, rendez-vous pris" in said, said
        assert ("écrite avec cette étape" if lang == "fr" else "written with this step") in said, said
    assert _path(path, match_id) == [DECIDED]
    told = _told(path, tmp_path)
    assert "Zoé a appelé" not in told, told
    # The decision's own note was not the step's, and a step without a note takes none away.
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, note="Appeler Cécile avant le 15")
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(HELD + timedelta(days=5)).isoformat())
    removed = run_cli("suivi", str(path), match_id[:8], "--retirer-etape", "--oui")
    assert removed.returncode == 0 and "écrite avec cette étape" not in removed.stdout, removed.stdout
    assert "Appeler Cécile avant le 15" in _told(path, tmp_path)


def test_undoing_the_removal_puts_the_step_s_note_back(tmp_path: Path) -> None:
    path, match_id = _noted(tmp_path)
    with Store.open(path) as store:
        before = store.match(match_id)
        assert store.note_of_latest_step(match_id) == "Zoé a appelé Cécile, rendez-vous pris"
        removed = store.remove_follow_up_step(match_id)
        assert store.match(match_id).note == ""
        store.put_back_follow_up_step(match_id, before, removed)
        assert store.match(match_id).note == "Zoé a appelé Cécile, rendez-vous pris"
    assert _path(path, match_id) == [DECIDED, CONTACTED]


def test_suppr_says_the_step_s_note_goes_with_it_and_ctrl_z_puts_it_back(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    path, match_id = _noted(tmp_path)
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        assert window.followup.current_match_id() == match_id
        said: list[str] = []
        _answer(qtbot, "Retirer l'étape", said)
        key(qtbot, Qt.Key.Key_Delete)
        _back_on_the_row(qtbot, window)
        (question,) = said
        assert "sans la note « Zoé a appelé Cécile, rendez-vous pris » écrite avec cette étape" in (
            question.replace(NBSP, " ")
        ), question
        assert "avec sa note" in window.saved_label.text(), window.saved_label.text()
        with Store.open(path, readonly=True) as store:
            assert store.match(match_id).note == ""
        key(qtbot, Qt.Key.Key_Z, CTRL)
        assert _path(path, match_id) == [DECIDED, CONTACTED]
        with Store.open(path, readonly=True) as store:
            assert store.match(match_id).note == "Zoé a appelé Cécile, rendez-vous pris"
    finally:
        window.close()


def _agnes(tmp_path: Path) -> tuple[Path, str]:
    """The same follow-up, the need now Agnès Pallet's: a name « de » elides before."""
    path, match_id = _file(tmp_path)
    with Store.open(path) as store:
        (lucie,) = [p for p in store.participants(store.workshops()[0].id) if p.names == ["Lucie Leroy"]]
        store.update_participant(lucie.id, names=["Agnès Pallet"])
    return path, match_id


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_command_line_says_d_before_a_name_that_starts_with_a_vowel(tmp_path: Path, lang: str) -> None:
    """« du suivi de Agnès Pallet » was written: French elides, « du suivi d'Agnès Pallet »."""
    path, match_id = _agnes(tmp_path)
    env = {"ATELIER_LANG": lang}
    asked = run_cli("suivi", str(path), match_id[:8], "--retirer-etape", env=env)
    assert asked.returncode == 1 and "Traceback" not in asked.stderr
    done = run_cli("suivi", str(path), match_id[:8], "--retirer-etape", "--oui", env=env)
    assert done.returncode == 0, done.stderr
    said = (asked.stderr + done.stdout).replace(NBSP, " ").replace("\u202f", " ")
    if lang == "fr":
        assert "» du suivi d'Agnès Pallet ← Cécile Dallet ?" in said, said
        assert "» retirée du suivi d'Agnès Pallet ← Cécile Dallet (" in said, said
        assert "de Agnès" not in said
    else:
        assert "” out of the follow-up of Agnès Pallet ← Cécile Dallet?" in said, said
        assert "” taken out of the follow-up of Agnès Pallet ← Cécile Dallet (" in said, said
    assert _path(path, match_id) == [DECIDED]


def test_the_window_says_d_before_a_name_that_starts_with_a_vowel(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    path, match_id = _agnes(tmp_path)
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        assert window.followup.current_match_id() == match_id
        said: list[str] = []
        _answer(qtbot, "Retirer l'étape", said)
        key(qtbot, Qt.Key.Key_Delete)
        _back_on_the_row(qtbot, window)
        (question,) = said
        question = question.replace(NBSP, " ").replace("\u202f", " ")
        assert "» du suivi d'Agnès Pallet ← Cécile Dallet ?" in question, question
        assert _path(path, match_id) == [DECIDED]
        status = window.saved_label.text().replace(NBSP, " ")
        assert "» retirée du suivi d'Agnès Pallet ← Cécile Dallet — Ctrl+Z pour annuler" in status, status
    finally:
        window.close()
