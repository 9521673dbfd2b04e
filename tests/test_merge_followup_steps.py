"""Both laptops followed up the same match: the merged file's history keeps every step either
recorded (a contact made on one laptop is never lost because the other changed the follow-up
later), in date order, each step from the other copy saying which copy; the match stands at its
latest step, and the report says what the merge did."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

from atelier.domain import FollowUp
from atelier.store import Store
from tests.conftest import run_cli
from tests.helpers.one_match import lucie_and_cecile

NBSP = "\u00a0"
TODAY = date.today()
HELD = TODAY - timedelta(days=30)


def fr(days: int) -> str:
    return (HELD + timedelta(days=days)).strftime("%d/%m/%Y")


def en(days: int) -> str:
    day = HELD + timedelta(days=days)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def iso(days: int) -> str:
    return (HELD + timedelta(days=days)).isoformat()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copies(tmp_path: Path) -> tuple[Path, Path, str]:
    path = tmp_path / "suivi.atelier"
    match_id = lucie_and_cecile(path, HELD, title="Atelier du réseau")
    with Store.open(path) as store:  # decided the day after the workshop, before the copies parted
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=iso(1))
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    return a, b, match_id


def _merge(first: Path, second: Path, out: Path, lang: str = "fr") -> str:
    inputs = (_digest(first), _digest(second))
    done = run_cli("merge", str(first), str(second), "-o", str(out), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (_digest(first), _digest(second)) == inputs  # the two copies are only read
    return done.stdout


def _steps(path: Path, match_id: str) -> list[tuple[str, str, str]]:
    from atelier.french import local_day

    with Store.open(path, readonly=True) as store:
        return [(s.state.value, local_day(s.at), s.copy) for s in store.match(match_id).follow_up_steps]


def test_a_contact_recorded_on_one_laptop_stays_in_the_history_when_the_other_changed_it_later(
    tmp_path: Path,
) -> None:
    """A recorded the contact of the 4th; B, afterwards, only dated the decision of the 2nd.
    The merged history was B's alone: « décidée le 02 », the contact gone, though listed in the
    report. Now the contact is there, from a.atelier, and the match stands at it."""
    a, b, match_id = _copies(tmp_path)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=iso(0))
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=iso(4))
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=iso(2))
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        said = _merge(first, second, merged)
        assert _steps(merged, match_id) == [("to_contact", iso(2), ""), ("contacted", iso(4), "a.atelier")]
        with Store.open(merged, readonly=True) as store:
            match = store.match(match_id)
            assert (match.follow_up, match.follow_up_changed) == (FollowUp.CONTACTED, iso(4))
        # The report says what it did: both copies' steps, the contact from a.atelier, where the
        # match stands; not « gardé « à contacter » plutôt que « contacté » ».
        (line,) = [line for line in said.splitlines() if line.startswith("  - ")]
        assert f"étapes du suivi{NBSP}: celles de «{NBSP}b.atelier{NBSP}»" in line, line
        assert f"et l'étape de «{NBSP}a.atelier{NBSP}»" in line, line
        assert f"par date{NBSP}: décidée le {fr(2)} · contactée le {fr(4)} (a.atelier)" in line, line
        assert f"la mise en relation en est donc à «{NBSP}contactée le {fr(4)}{NBSP}»" in line, line
        assert f"«{NBSP}décidée le {fr(0)}{NBSP}» selon «{NBSP}a.atelier{NBSP}»" in line, line
        assert "plutôt que" not in line
    english = _merge(a, b, tmp_path / "english.atelier", "en")
    assert "follow-up steps: those of “b.atelier”" in english and "the step of “a.atelier”" in english
    assert "the match now stands at “contacted on" in english, english
    # The follow-up's history says it, months later.
    listed = run_cli("suivi", str(tmp_path / "merged-a.atelier"), "--historique")
    assert listed.returncode == 0, listed.stderr
    assert (
        f"étapes{NBSP}: décidée le {fr(2)} · contactée le {fr(4)} (notée dans «{NBSP}a.atelier{NBSP}»)"
        in listed.stdout
    ), listed.stdout
    as_json = run_cli("suivi", str(tmp_path / "merged-a.atelier"), "--json")
    assert as_json.returncode == 0, as_json.stderr
    (entry,) = json.loads(as_json.stdout)
    assert [(s["state"], s["day"], s["copy"]) for s in entry["steps"]] == [
        ("to_contact", iso(2), None),
        ("contacted", iso(4), "a.atelier"),
    ]
    # Merged again, the same copy brings nothing new: the contact is not said twice.
    again = _merge(tmp_path / "merged-a.atelier", b, tmp_path / "again.atelier")
    assert f"rien de nouveau dans «{NBSP}b.atelier{NBSP}»" in again, again
    again = _merge(tmp_path / "merged-a.atelier", a, tmp_path / "again-a.atelier")
    assert f"rien de nouveau dans «{NBSP}a.atelier{NBSP}»" in again, again


def test_an_older_step_of_the_other_copy_takes_its_place_and_the_latest_state_stays(tmp_path: Path) -> None:
    """B recorded « sans suite » on the 3rd, A (later) a contact on the 5th: the history says both,
    in their order, and the match stays « contactée le 05 »; the merged file goes on from there."""
    a, b, match_id = _copies(tmp_path)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.DROPPED, day=iso(3))
    time.sleep(0.01)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=iso(5))
    decided = _steps(a, match_id)[0]
    merged = tmp_path / "c.atelier"
    said = _merge(a, b, merged)
    assert _steps(merged, match_id) == [decided, ("dropped", iso(3), "b.atelier"), ("contacted", iso(5), "")]
    assert f"classée sans suite le {fr(3)} (b.atelier) · contactée le {fr(5)}" in said, said
    assert "en est donc" not in said
    with Store.open(merged) as store:
        assert store.match(match_id).follow_up == FollowUp.CONTACTED
        store.set_follow_up(match_id, FollowUp.DONE, day=iso(8))
        assert [s.state for s in store.match(match_id).follow_up_steps] == [
            FollowUp.TO_CONTACT,
            FollowUp.DROPPED,
            FollowUp.CONTACTED,
            FollowUp.DONE,
        ]


def test_the_window_s_report_does_not_say_a_value_was_set_aside_when_both_copies_steps_were_kept(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    """The window's box said « la modification la plus récente est gardée » and « Les valeurs
    écartées restent dans le fichier » of a follow-up whose steps were all kept."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from tests.helpers.keyboard import active_window, key

    a, b, match_id = _copies(tmp_path)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=iso(4))
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=iso(2))
    copy_before = _digest(b)
    boxes: list[tuple[str, str, str]] = []

    def shown(box: QMessageBox) -> int:
        boxes.append((box.text(), box.informativeText(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(b), ""))
    window = active_window(qtbot, a)
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=20_000)
    ((text, informative, details),) = boxes
    assert "1 conflit" in text
    assert "la plus récente est gardée" not in informative and "écartées" not in informative, informative
    assert (
        informative
        == "Étapes du suivi notées des deux côtés\xa0: celles des deux copies sont gardées, par date."
    )
    assert f"contactée le {fr(4)} (a.atelier)" in details
    assert [s.copy for s in window.store.match(match_id).follow_up_steps] == ["", "a.atelier"]
    assert _digest(b) == copy_before
    assert no_modal_boxes == []


def test_a_contact_made_before_the_other_copy_decided_again_comes_before_that_decision(
    tmp_path: Path,
) -> None:
    """B contacted on the 4th; A set the match aside and decided it again today (a fresh « à
    contacter »), after B: the contact happened first, the match stands at A's « à contacter »
    (the later event), never at the older contact, and the history goes forward in time. It
    starts with the first decision (the path began with the contact, and the report said that
    decision was « gardée au » today's date, as if A's new decision were that one dated again)."""
    from atelier.domain import MatchStatus

    a, b, match_id = _copies(tmp_path)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=iso(4))
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_match(match_id, status=MatchStatus.REJECTED)
        store.update_match(match_id, status=MatchStatus.CONFIRMED)
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        said = _merge(first, second, merged)
        assert _steps(merged, match_id) == [
            ("to_contact", iso(1), "b.atelier"),
            ("contacted", iso(4), "b.atelier"),
            ("to_contact", TODAY.isoformat(), ""),
        ]
        with Store.open(merged, readonly=True) as store:
            assert store.match(match_id).follow_up == FollowUp.TO_CONTACT
        assert (
            f"les 2 étapes de «{NBSP}b.atelier{NBSP}»" in said
            and f"par date{NBSP}: décidée le {fr(1)} (b.atelier) · contactée le {fr(4)} (b.atelier) · "
            "remise à contacter le "
            in said
        ), said
        assert "gardée au" not in said, said
        assert "en est donc" not in said


def test_a_decision_the_two_copies_only_dated_differently_is_one_decision_before_the_contact(
    tmp_path: Path,
) -> None:
    """A recorded a contact on the 4th; B, afterwards, dated the decision (taken on the 1st) the
    5th. Nobody set the match aside: the merged history said « contactée le 04 (a.atelier) ·
    remise à contacter le 05 », a step that never happened, and the match stood « à contacter »
    though contacted. The decision stays one step, dated before the contact that followed it in
    « a.atelier »; the report says B's date was set aside and why."""
    a, b, match_id = _copies(tmp_path)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=iso(4))
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=iso(5))
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        said = _merge(first, second, merged)
        assert _steps(merged, match_id) == [("to_contact", iso(1), ""), ("contacted", iso(4), "a.atelier")]
        with Store.open(merged, readonly=True) as store:
            match = store.match(match_id)
            assert (match.follow_up, match.follow_up_changed) == (FollowUp.CONTACTED, iso(4))
        assert "remise" not in said, said
        (line,) = [line for line in said.splitlines() if line.startswith("  - ")]
        assert f"par date{NBSP}: décidée le {fr(1)} · contactée le {fr(4)} (a.atelier)" in line, line
        assert (
            f"«{NBSP}décidée le {fr(5)}{NBSP}» selon «{NBSP}b.atelier{NBSP}»{NBSP}: gardée au {fr(1)} "
            f"comme dans «{NBSP}a.atelier{NBSP}», qui la dit contactée le {fr(4)}"
        ) in line, line
        assert f"selon «{NBSP}a.atelier{NBSP}»" not in line, line  # A's date is the one kept
        listed = run_cli("suivi", str(merged), "--historique")
        assert listed.returncode == 0, listed.stderr
        assert "remise" not in listed.stdout and f"étapes{NBSP}: décidée le {fr(1)} · " in listed.stdout
    english = _merge(a, b, tmp_path / "english.atelier", "en")
    assert "back to contact" not in english, english
    assert (
        f"“decided on {en(5)}” according to “b.atelier”: kept on {en(1)} as in “a.atelier”, "
        f"which has it contacted on {en(4)}"
    ) in english, english
    again = _merge(tmp_path / "merged-a.atelier", b, tmp_path / "again.atelier")
    assert f"rien de nouveau dans «{NBSP}b.atelier{NBSP}»" in again, again


def test_two_laptops_confirming_one_suggestion_after_a_contact_never_put_it_back_to_contact(
    tmp_path: Path,
) -> None:
    """The matcher suggested Cécile's offer for Lucie's need before the copies parted. On laptop
    A the facilitator confirmed it and recorded the contact; on laptop B, afterwards, the other
    facilitator confirmed the same suggestion (never seeing A's). Nobody put the match back to
    « à contacter »: the merge read « contactée (a.atelier) · remise à contacter » and the match
    stood « à contacter », the contact seemingly undone. Both decisions are one decision, the
    contact follows it, the match stands « contactée », in both orders of the merge."""
    from atelier.domain import MatchStatus

    path = tmp_path / "suivi.atelier"
    match_id = lucie_and_cecile(path, HELD, title="Atelier du réseau")
    with Store.open(path) as store:  # a suggestion when the copies parted
        store.update_match(match_id, status=MatchStatus.SUGGESTED)
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    with Store.open(a) as store:
        store.update_match(match_id, status=MatchStatus.CONFIRMED)
        store.set_follow_up(match_id, FollowUp.CONTACTED)
        contacted = store.match(match_id).follow_up_changed
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_match(match_id, status=MatchStatus.CONFIRMED)
    today = TODAY.strftime("%d/%m/%Y")
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        said = _merge(first, second, merged)
        assert "remise" not in said, said
        states = [state for state, _day, _copy in _steps(merged, match_id)]
        assert states == ["to_contact", "contacted"], _steps(merged, match_id)
        with Store.open(merged, readonly=True) as store:
            match = store.match(match_id)
            assert (match.status, match.follow_up, match.follow_up_changed) == (
                MatchStatus.CONFIRMED,
                FollowUp.CONTACTED,
                contacted,
            )
        assert f"contactée le {today}" in said, said
        listed = run_cli("suivi", str(merged), "--historique")
        assert listed.returncode == 0, listed.stderr
        assert "remise" not in listed.stdout, listed.stdout
        assert f"contactée le {today}" in listed.stdout, listed.stdout
