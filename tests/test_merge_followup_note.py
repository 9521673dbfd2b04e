"""A match's follow-up note, written on two laptops, survives their merge: it travels with the
state and day it explains, and when both copies wrote one, the merged match keeps both texts."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus
from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge(first: Path, second: Path, out: Path) -> str:
    inputs = (_digest(first), _digest(second))
    result = run_cli("merge", str(first), str(second), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(first), _digest(second)) == inputs
    return result.stdout


def _copies_with_a_match(tmp_path: Path) -> tuple[Path, Path, str, str]:
    """Two copies of a workshop file with one decided match, made before they parted."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        people = store.participants(workshop_id)
        need = store.add_item(
            Item(participant_id=people[0].id, kind=ItemKind.NEED, text="Aide sur la mobilité")
        )
        offer = store.add_item(
            Item(participant_id=people[1].id, kind=ItemKind.OFFER, text="Garage solidaire")
        )
        made = store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 1.0, ["à la main"]))
    shutil.copy(a, b)
    time.sleep(0.01)
    return a, b, workshop_id, made.id


def test_both_copies_notes_on_one_match_are_both_in_the_merged_file(tmp_path: Path) -> None:
    a, b, workshop_id, match_id = _copies_with_a_match(tmp_path)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED, note="Rappeler lundi")
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED, note="Attend un devis")
    said = _merge(a, b, tmp_path / "c.atelier")
    with Store.open(tmp_path / "c.atelier", readonly=True) as store:
        note = store.match(match_id).note
        assert "Rappeler lundi" in note and "Attend un devis" in note
        assert note.startswith("Attend un devis")  # the later copy's first
        assert "a.atelier" in note  # the other text says which copy wrote it
        (record,) = store.merge_history()
        (difference,) = [d for d in record.differences if d.field == "note"]
        assert difference.conflict
    # The report says both were kept, not that one was set aside.
    assert "note\xa0: les deux gardées" in said, said
    assert "plutôt que «\xa0Rappeler lundi" not in said


def test_a_note_stays_with_the_state_it_explains(tmp_path: Path) -> None:
    """B records « sans suite » with the note « Pas dispo »; A, later, « contacté »: the merged
    match is A's story (its state and day), B's « sans suite » a step of its history said to be
    B's, and B's note is kept, said to be B's, not shown as if it explained A's « contacté »."""
    a, b, workshop_id, match_id = _copies_with_a_match(tmp_path)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.DROPPED, note="Pas dispo")
    time.sleep(0.01)
    with Store.open(a) as store:
        contacted = store.set_follow_up(match_id, FollowUp.CONTACTED)
    expected = (FollowUp.CONTACTED, contacted.follow_up_changed, "b.atelier\xa0: Pas dispo")
    for first, second, out in ((a, b, "c.atelier"), (b, a, "d.atelier")):
        _merge(first, second, tmp_path / out)
        with Store.open(tmp_path / out, readonly=True) as store:
            match = store.match(match_id)
            assert (match.follow_up, match.follow_up_changed, match.note) == expected
            assert [(s.state, s.copy) for s in match.follow_up_steps] == [
                (FollowUp.TO_CONTACT, ""),
                (FollowUp.DROPPED, "b.atelier"),
                (FollowUp.CONTACTED, ""),
            ]
            assert match.follow_up_steps[-1] == contacted.follow_up_steps[-1]
