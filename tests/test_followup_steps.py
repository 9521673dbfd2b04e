"""A match's follow-up keeps every step it went through (« décidée le 16/03, contactée le 22/03,
faite le 03/04 »), not only the current one: in the file (format 9), through undo and merges,
so that a step dated before the one before it is refused, even when it is dated again later."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from atelier.domain import FollowUp, MatchStatus
from atelier.errors import FollowUpBackwards, InvalidValue
from atelier.french import past_date
from atelier.store import SCHEMA_VERSION, Store

from .conftest import run_cli
from .helpers.one_match import lucie_and_cecile

FIXTURES = Path(__file__).parent / "fixtures"
NBSP = "\u00a0"
TODAY = date.today()


def fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _file(tmp_path: Path, held: date) -> tuple[Path, str]:
    """A workshop held on `held`; Lucie's need put in touch with Cécile's offer (confirmed)."""
    path = tmp_path / "suivi.atelier"
    match_id = lucie_and_cecile(path, held, title="Atelier du réseau")
    return path, match_id


def _path(store: Store, match_id: str) -> list[tuple[str, str]]:
    from atelier.french import local_day

    return [(s.state.value, local_day(s.at)) for s in store.match(match_id).follow_up_steps]


def test_each_state_is_a_step_kept_in_the_file_and_a_new_day_dates_the_step_again(tmp_path: Path) -> None:
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    with Store.open(path) as store:
        assert _path(store, match_id) == [("to_contact", TODAY.isoformat())]  # decided today
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=1)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=5)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=6)).isoformat())
        store.set_follow_up(match_id, FollowUp.DONE, day=(held + timedelta(days=20)).isoformat())
    with Store.open(path, readonly=True) as store:  # another opening: it is in the file
        assert _path(store, match_id) == [
            ("to_contact", (held + timedelta(days=1)).isoformat()),
            ("contacted", (held + timedelta(days=6)).isoformat()),
            ("done", (held + timedelta(days=20)).isoformat()),
        ]
        assert all(step.recorded for step in store.match(match_id).follow_up_steps)


def test_a_contact_dated_again_before_the_decision_is_refused_and_the_file_untouched(tmp_path: Path) -> None:
    """« contactée » dated again (D) before the decision: only the current step was known, and
    « contactée le 10/03 » after « décidée le 16/03 » was written. The refusal says how to put it
    right, and the command it gives does it."""
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    decided, contacted, earlier = (held + timedelta(days=n) for n in (5, 8, 2))
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=decided.isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=contacted.isoformat())
        short = store.follow_ups()[0].short_id
    before = path.read_bytes()
    done = run_cli("suivi", str(path), short, "--etat", "contacte", "--le", fr(earlier))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"«{NBSP}contactée le {fr(earlier)}{NBSP}» précéderait la décision, notée «{NBSP}à contacter "
        f"depuis le {fr(decided)}{NBSP}»{NBSP}: si elle a été prise plus tôt, datez-la d'abord du "
        f"{fr(earlier)} ou d'avant (atelier suivi {path} {short} --etat a-contacter --le {fr(earlier)}), "
        "puis relancez cette commande."
    )
    assert path.read_bytes() == before
    # The command it gives dates the decision (no longer the current step), then the contact.
    command = done.stderr.split("(atelier suivi ")[1].split(")")[0].split()
    assert run_cli("suivi", *command).returncode == 0
    again = run_cli("suivi", str(path), short, "--etat", "contacte", "--le", fr(earlier))
    assert again.returncode == 0, again.stderr
    with Store.open(path, readonly=True) as store:
        assert _path(store, match_id) == [
            ("to_contact", earlier.isoformat()),
            ("contacted", earlier.isoformat()),
        ]
        assert store.match(match_id).follow_up == FollowUp.CONTACTED


def test_the_store_refuses_a_step_dated_before_an_earlier_step_of_its_history(tmp_path: Path) -> None:
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=5)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=8)).isoformat())
        store.set_follow_up(match_id, FollowUp.DONE, day=(held + timedelta(days=12)).isoformat())
        with pytest.raises(FollowUpBackwards) as refused:  # « fait » dated again before the contact
            store.set_follow_up(match_id, FollowUp.DONE, day=(held + timedelta(days=7)).isoformat())
        assert (refused.value.previous_state, refused.value.previous_current) == ("contacted", False)
        with pytest.raises(FollowUpBackwards):  # the contact dated again before the decision
            store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=4)).isoformat())
        assert [s for s, _ in _path(store, match_id)] == ["to_contact", "contacted", "done"]
        # The contact dated again between the decision and « fait »: that step, nothing added.
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=6)).isoformat())
        assert _path(store, match_id)[1] == ("contacted", (held + timedelta(days=6)).isoformat())
        assert store.match(match_id).follow_up == FollowUp.DONE


def test_a_file_of_format_8_opens_with_its_current_step_as_its_history(tmp_path: Path) -> None:
    """A file written before the steps were kept: its contact (« contactée le 22/03 ») is the
    one step it has, in the window's list and the command line; a newer file is refused."""
    old = tmp_path / "format-v8.atelier"
    shutil.copy(FIXTURES / "format-v8.atelier", old)
    conn = sqlite3.connect(old)  # a contact recorded by the code of format 8
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 8
    conn.execute("UPDATE matches SET follow_up = 'contacted', follow_up_changed = '2026-03-22'")
    conn.commit()
    conn.close()
    before = old.read_bytes()
    listed = run_cli("suivi", str(old), "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert [(s["state"], s["day"]) for s in entry["steps"]] == [("contacted", "2026-03-22")]
    assert old.read_bytes() == before  # listing reads the older file as it is
    with Store.open(old) as store:
        (match,) = [e.match for e in store.follow_ups()]
        assert [(s.state, s.at) for s in match.follow_up_steps] == [(FollowUp.CONTACTED, "2026-03-22")]
        store.set_follow_up(match.id, FollowUp.DONE, day="2026-04-03")
        assert store.format_version == SCHEMA_VERSION
    with Store.open(old, readonly=True) as store:
        (match,) = [e.match for e in store.follow_ups()]
        assert [s.state for s in match.follow_up_steps] == [FollowUp.CONTACTED, FollowUp.DONE]


def test_undoing_a_step_takes_its_entry_away_and_setting_a_match_aside_then_back_starts_afresh(
    tmp_path: Path,
) -> None:
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=1)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=3)).isoformat())
        before = store.match(match_id)
        store.update_match(match_id, status=MatchStatus.REJECTED)
        assert len(store.match(match_id).follow_up_steps) == 2  # set aside: kept for an undo
        store.update_match(match_id, status=MatchStatus.CONFIRMED)
        assert [s for s, _ in _path(store, match_id)] == ["to_contact"]  # decided again: afresh
        # What Ctrl+Z gives back (ui/commands.SetMatchStatus): the path as it was.
        store.update_match(
            match_id,
            status=MatchStatus.CONFIRMED,
            follow_up=before.follow_up,
            follow_up_changed=before.follow_up_changed,
            follow_up_steps=before.follow_up_steps,
        )
        assert store.match(match_id).follow_up_steps == before.follow_up_steps


@pytest.mark.parametrize(
    ("typed", "today", "expected"),
    [
        ("30/12", date(2027, 1, 2), date(2026, 12, 30)),  # typed after the new year: last December
        ("02/01", date(2027, 1, 2), date(2027, 1, 2)),  # today
        ("03/01", date(2027, 1, 2), date(2026, 1, 3)),  # tomorrow's day: a year ago
        ("29/02", date(2026, 11, 30), date(2024, 2, 29)),  # the last 29 February
        ("29 février", date(2029, 3, 1), date(2028, 2, 29)),
        ("22 novembre", date(2026, 11, 30), date(2026, 11, 22)),
        ("22/11/2027", date(2026, 11, 30), date(2027, 11, 22)),  # its year typed: as typed (refused later)
    ],
)
def test_a_day_without_its_year_is_the_most_recent_one_not_to_come(
    typed: str, today: date, expected: date
) -> None:
    assert past_date(typed, today) == expected


def test_a_day_without_its_year_is_read_so_by_the_command_line_too(tmp_path: Path) -> None:
    """`--le 01/12` typed on 30 November was this year's 1 December, « à venir », refused; the
    window read it as last year's. Both read the most recent such day; if that one precedes
    the workshop, no reading can be true: refused in one sentence, the file untouched."""
    tomorrow = TODAY + timedelta(days=1)
    if (tomorrow.month, tomorrow.day) == (2, 29):
        pytest.skip("no 29 February a year before")
    meant = tomorrow.replace(year=TODAY.year - (tomorrow.year == TODAY.year))
    path, match_id = _file(tmp_path, meant - timedelta(days=10))
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(meant - timedelta(days=9)).isoformat())
        short = store.follow_ups()[0].short_id
    typed = tomorrow.strftime("%d/%m")
    done = run_cli("suivi", str(path), short, "--etat", "contacte", "--le", typed)
    assert done.returncode == 0, done.stderr
    with Store.open(path, readonly=True) as store:
        assert _path(store, match_id)[-1] == ("contacted", meant.isoformat())
    # A workshop held after that day: the day typed cannot be one after it.
    (tmp_path / "late").mkdir()
    late, _ = _file(tmp_path / "late", TODAY - timedelta(days=3))
    with Store.open(late) as store:
        short = store.follow_ups()[0].short_id
    before = late.read_bytes()
    done = run_cli("suivi", str(late), short, "--etat", "contacte", "--le", typed)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert "précède l'atelier du" in done.stderr and "Traceback" not in done.stderr
    assert late.read_bytes() == before


def test_merging_two_copies_keeps_the_later_copy_s_whole_path_never_a_mix(tmp_path: Path) -> None:
    """One copy recorded the contact and then « fait », the other only the decision's day: the
    merged file has the path of the copy that changed it last, each step once, its last step
    the state the file says."""
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=1)).isoformat())
    time.sleep(0.01)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=2)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=4)).isoformat())
        store.set_follow_up(match_id, FollowUp.DONE, day=(held + timedelta(days=9)).isoformat())
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        done = run_cli("merge", str(first), str(second), "-o", str(merged))
        assert done.returncode == 0, done.stderr
        with Store.open(merged, readonly=True) as store:
            match = store.match(match_id)
            assert _path(store, match_id) == [
                ("to_contact", (held + timedelta(days=2)).isoformat()),
                ("contacted", (held + timedelta(days=4)).isoformat()),
                ("done", (held + timedelta(days=9)).isoformat()),
            ]
            assert (match.follow_up, match.follow_up_changed) == (
                FollowUp.DONE,
                (held + timedelta(days=9)).isoformat(),
            )


def test_a_workshop_cannot_be_dated_after_a_contact_its_history_keeps(tmp_path: Path) -> None:
    """« contactée le 05/03 » then « fait le 20/03 »: the workshop moved to the 10th would come
    after the contact, which only the history still knows."""
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=1)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=5)).isoformat())
        store.set_follow_up(match_id, FollowUp.DONE, day=(held + timedelta(days=20)).isoformat())
        workshop_id = store.workshops()[0].id
        with pytest.raises(InvalidValue):
            store.check_workshop_date(workshop_id, (held + timedelta(days=10)).isoformat())


def test_a_merge_never_gives_one_copy_s_state_with_the_other_copy_s_steps(tmp_path: Path) -> None:
    """A recorded the contact; B, later, only dated the decision again (its state unchanged).
    Field by field, the merge took A's state and B's day and steps: « contactée » with a path
    ending « à contacter ». The path is B's, the later, with A's contact after B's decision: it
    happened, it is the latest step, and so where the match stands."""
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=1)).isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=(held + timedelta(days=4)).isoformat())
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=(held + timedelta(days=2)).isoformat())
    merged = tmp_path / "merged.atelier"
    done = run_cli("merge", str(a), str(b), "-o", str(merged))
    assert done.returncode == 0, done.stderr
    with Store.open(merged, readonly=True) as store:
        match = store.match(match_id)
        assert _path(store, match_id) == [
            ("to_contact", (held + timedelta(days=2)).isoformat()),
            ("contacted", (held + timedelta(days=4)).isoformat()),
        ]
        assert (match.follow_up, match.follow_up_changed) == (
            FollowUp.CONTACTED,
            (held + timedelta(days=4)).isoformat(),
        )
    assert f"contactée le {fr(held + timedelta(days=4))} (a.atelier)" in done.stdout  # A's contact, said


def test_the_listing_says_each_match_s_steps_when_asked(tmp_path: Path) -> None:
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    decided, contacted = held + timedelta(days=1), held + timedelta(days=5)
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=decided.isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=contacted.isoformat())
        store.set_follow_up(match_id, FollowUp.DONE, day=TODAY.isoformat())
    before = path.read_bytes()
    plain = run_cli("suivi", str(path))
    assert plain.returncode == 0 and "étapes" not in plain.stdout
    done = run_cli("suivi", str(path), "--historique")
    assert done.returncode == 0, done.stderr
    assert (
        f"étapes{NBSP}: décidée le {fr(decided)} · contactée le {fr(contacted)} · faite le {fr(TODAY)}"
        in done.stdout
    )
    english = run_cli("suivi", str(path), "--history", env={"ATELIER_LANG": "en"})
    assert english.returncode == 0, english.stderr
    from atelier.french import long_date

    assert (
        f"steps: decided on {long_date(decided.isoformat(), 'en')} · contacted on "
        f"{long_date(contacted.isoformat(), 'en')} · done on {long_date(TODAY.isoformat(), 'en')}"
    ) in english.stdout
    assert path.read_bytes() == before


def test_an_earlier_step_dated_again_is_said_with_both_dates(tmp_path: Path) -> None:
    """A match « faite le 25/11 » after « contactée le 20/11 »: `suivi ID --etat contactee --le
    22/11` dates the contact again (a typo corrected), but said only « faite le 25/11/2026 — … »,
    and the 20/11 was gone from the file without a word; the same for the decision taken in the
    room. What changed is said, the old date and the new one, in both languages."""
    held = TODAY - timedelta(days=30)
    path, match_id = _file(tmp_path, held)
    decided, contacted, done_on = (held + timedelta(days=n) for n in (1, 5, 9))
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=decided.isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=contacted.isoformat())
        store.set_follow_up(match_id, FollowUp.DONE, day=done_on.isoformat())
        short = store.follow_ups()[0].short_id
    later = contacted + timedelta(days=2)
    done = run_cli("suivi", str(path), short, "--etat", "contactee", "--le", fr(later))
    assert done.returncode == 0, done.stderr
    assert (
        f"Étape redatée{NBSP}: «{NBSP}contactée le {fr(contacted)}{NBSP}» devient «{NBSP}contactée le "
        f"{fr(later)}{NBSP}»." in done.stdout
    ), done.stdout
    with Store.open(path, readonly=True) as store:
        assert _path(store, match_id)[1] == ("contacted", later.isoformat())
    english = run_cli(
        "suivi", str(path), short, "--state", "to-contact", "--on", fr(decided + timedelta(days=1)),
        env={"ATELIER_LANG": "en"},
    )  # fmt: skip
    assert english.returncode == 0, english.stderr
    assert "Step dated again: “decided on " in english.stdout and "” is now “decided on " in english.stdout, (
        english.stdout
    )
    again = run_cli("suivi", str(path), short, "--etat", "faite", "--le", fr(done_on))  # its own day
    assert again.returncode == 0 and "redatée" not in again.stdout, again.stdout
