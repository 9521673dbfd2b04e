"""Merging two copies never brings back what one copy deleted (a participant, a line of a
cell, a match taken out, a suggestion set aside) unless the other copy changed it after the
deletion: then it is kept, and the merge says so with its name."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Match, MatchStatus
from atelier.store import Store
from tests.conftest import ROOT, run_cli
from tests.helpers.keyboard import active_example_window, active_window, key

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
CTRL = Qt.KeyboardModifier.ControlModifier


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _two_copies(tmp_path: Path) -> tuple[Path, Path, str]:
    a, b = tmp_path / "salle-a.atelier", tmp_path / "salle-b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a, readonly=True) as store:
        workshop_id = store.workshops()[0].id
    return a, b, workshop_id


def _need_and_offer(store: Store, workshop_id: str):
    """The workshop's first need and the first offer of someone else."""
    need = store.workshop_items(workshop_id, ItemKind.NEED)[0]
    offers = store.workshop_items(workshop_id, ItemKind.OFFER)
    return need, next(i for i in offers if i.participant_id != need.participant_id)


def _merge(first: Path, second: Path, out: Path, *extra: str, env: dict[str, str] | None = None):
    inputs = (_digest(first), _digest(second))
    result = run_cli("merge", str(first), str(second), "-o", str(out), *extra, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(first), _digest(second)) == inputs  # the two copies are only read
    return result


@pytest.mark.parametrize("deleted_in", ["first", "second"])
def test_a_participant_deleted_in_one_copy_is_not_brought_back(tmp_path: Path, deleted_in: str) -> None:
    a, b, workshop_id = _two_copies(tmp_path)
    deleting, other = (a, b) if deleted_in == "first" else (b, a)
    with Store.open(deleting) as store:
        gone = store.participants(workshop_id)[3]
        store.delete_participant(gone.id)
    with Store.open(other) as store:  # the other facilitator goes on typing elsewhere
        store.update_participant(store.participants(workshop_id)[0].id, role="Animatrice")
    merged = tmp_path / "fusion.atelier"
    result = _merge(a, b, merged)
    # Counted only when the merge took it out of the first file: the first had deleted it itself.
    assert (
        "0 suppression appliquée" if deleted_in == "first" else "1 suppression appliquée"
    ) in result.stdout
    with Store.open(merged, readonly=True) as store:
        people = store.participants(workshop_id)
        assert gone.id not in {p.id for p in people}
        assert len(people) == 21 and [p.position for p in people] == list(range(21))
        assert people[0].role == "Animatrice"
        assert store.integrity_check() == "ok"


def test_a_line_taken_out_of_a_cell_and_a_match_taken_out_stay_out(tmp_path: Path) -> None:
    a, b, workshop_id = _two_copies(tmp_path)
    # A match made by hand before the copies parted: both have it.
    with Store.open(a) as store:
        need, offer = _need_and_offer(store, workshop_id)
        made = store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 1.0, ["à la main"]))
    shutil.copy(a, b)
    with Store.open(b) as store:  # B takes a line out of a cell and the match out
        actions = store.items(offer.participant_id, ItemKind.ACTION)
        store.set_cell(offer.participant_id, ItemKind.ACTION, [i.text for i in actions[1:]])
        store.delete_match(made.id)
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"fusion-{first.stem}.atelier"
        result = _merge(first, second, merged)
        # Applied when merged into a, which had both; b had made them itself.
        assert ("2 suppressions appliquées" if first == a else "rien de nouveau dans") in result.stdout
        with Store.open(merged, readonly=True) as store:
            texts = [i.text for i in store.items(offer.participant_id, ItemKind.ACTION)]
            assert texts == [i.text for i in actions[1:]]
            assert store.match_for_pair(need.id, offer.id) is None


def test_a_suggestion_set_aside_stays_aside_when_the_other_copy_matched_again(tmp_path: Path) -> None:
    a, b, workshop_id = _two_copies(tmp_path)
    with Store.open(a) as store:
        need, offer = _need_and_offer(store, workshop_id)
        store.replace_suggestions(
            workshop_id, [need.id], [Match(workshop_id, need.id, offer.id, MatchStatus.SUGGESTED, 0.4, [])]
        )
    shutil.copy(a, b)
    with Store.open(a) as store:  # A sets the suggestion aside (« Écarter »)
        store.update_match(store.match_for_pair(need.id, offer.id).id, status=MatchStatus.REJECTED)
    time.sleep(0.01)
    with Store.open(b) as store:  # later, B's window matches that need again: a fresh suggestion
        store.replace_suggestions(
            workshop_id, [need.id], [Match(workshop_id, need.id, offer.id, MatchStatus.SUGGESTED, 0.45, [])]
        )
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"fusion-{first.stem}.atelier"
        _merge(first, second, merged)
        with Store.open(merged, readonly=True) as store:
            found = store.match_for_pair(need.id, offer.id)
            assert found is not None and found.status == MatchStatus.REJECTED


def test_a_deletion_the_other_copy_edited_afterwards_is_kept_and_said(tmp_path: Path) -> None:
    a, b, workshop_id = _two_copies(tmp_path)
    with Store.open(a) as store:
        gone = store.participants(workshop_id)[2]
        store.delete_participant(gone.id)
    time.sleep(0.01)
    with Store.open(b) as store:  # B corrects that very participant after A deleted it
        store.update_participant(gone.id, territory="Territoire corrigé par B")
    name = ", ".join(gone.names)
    lines = len(gone_items(b, gone.id))
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"fusion-{first.stem}.atelier"
        result = _merge(first, second, merged)
        # Into a, its lines came back with it; b never let them go.
        along = f" avec les {lines} entrées qui en font partie" if first == a else ""
        assert (
            f"Le participant «\xa0{name}\xa0», supprimé dans «\xa0salle-a.atelier\xa0», "
            f"est gardé{along}\xa0: «\xa0salle-b.atelier\xa0» l'a modifié ensuite." in result.stdout
        ), result.stdout
        assert "0 suppression appliquée" in result.stdout
        with Store.open(merged, readonly=True) as store:
            kept = store.participant(gone.id)
            assert kept.territory == "Territoire corrigé par B"
            assert len(store.items(gone.id)) == len(gone_items(b, gone.id))
    english = _merge(a, b, tmp_path / "merged-en.atelier", env={"ATELIER_LANG": "en"})
    assert (
        f"The participant “{name}”, deleted in “salle-a.atelier”, is kept with the {lines} entries that "
        "belong to it: “salle-b.atelier” edited it afterwards." in english.stdout
    )
    as_json = json.loads(_merge(a, b, tmp_path / "merged.json.atelier", "--json").stdout)
    (said,) = as_json["kept_deleted"]
    assert said["row_id"] == gone.id and said["deleted_in"] == "salle-a.atelier"


def gone_items(path: Path, participant_id: str) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [i.id for i in store.items(participant_id)]


def test_a_row_deleted_in_the_window_stays_deleted_after_the_windows_merge_and_undo_restores_exactly(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "salle-b.atelier"
    window.store.backup_to(other)  # the other facilitator's copy, made before the deletion
    window.grid.setCurrentIndex(window.proxy.index(4, 1))
    gone = window.model.participant_at(4)
    rows = window.model.rowCount()
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # Ctrl+Suppr: the row goes
    assert window.model.rowCount() == rows - 1

    summary = window.merge_file(other, report=False)
    assert summary is not None
    assert window.model.rowCount() == rows - 1
    assert gone.id not in {window.model.participant_at(r).id for r in range(window.model.rowCount())}
    # The open file had made that deletion itself: the copy brought nothing it did not have.
    assert "Rien de nouveau dans «\xa0salle-b.atelier\xa0»" in window.saved_label.text()

    # The merge changed nothing, so it is no step to undo: Ctrl+Z undoes the deletion, the row
    # is back, and nothing says it is gone.
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.model.rowCount() == rows
    assert window.model.participant_at(4).id == gone.id
    # Merged into the other copy, the file now keeps the row: its deletion was undone whole.
    merged = tmp_path / "fusion.atelier"
    from atelier.store import merge_files

    merge_files(other, window.store.path, merged)
    with Store.open(merged, readonly=True) as store:
        assert gone.id in {p.id for p in store.participants(window.model.workshop_id)}


def test_the_merge_history_says_what_was_deleted_and_what_was_kept(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "salle-b.atelier"
    window.store.backup_to(other)
    workshop_id = window.model.workshop_id
    gone, corrected = window.model.participant_at(1), window.model.participant_at(2)
    with Store.open(other) as store:  # B deletes one participant, and another that A then corrects
        store.delete_participant(gone.id)
        store.delete_participant(corrected.id)
    time.sleep(0.01)
    window.grid.setCurrentIndex(window.proxy.index(2, 0))
    window.model.op_update_participant(corrected.id, role="Chargée de mission")
    assert window.merge_file(other, report=False) is not None
    people = {p.id for p in window.store.participants(workshop_id)}
    assert gone.id not in people and corrected.id in people
    name = ", ".join(corrected.names)
    said = (
        f"Le participant «\xa0{name}\xa0», supprimé dans «\xa0salle-b.atelier\xa0», est gardé\xa0: "
        f"«\xa0exemple.atelier\xa0» l'a modifié ensuite."
    )
    assert said in window.saved_label.text()
    text = window.show_merge_history(show=False).text.toPlainText()  # Qt gives « » as spaces
    assert "1 suppression appliquée" in text and said.replace("\xa0", " ") in text


@pytest.mark.parametrize("deleted_in", ["first", "second"])
def test_a_workshop_deleted_in_one_copy_is_kept_when_the_other_recorded_a_contact_on_it_afterwards(
    tmp_path: Path, deleted_in: str
) -> None:
    """A later workshop follows up an offer of the first one: a contact recorded in one copy
    after the other copy deleted the first workshop is a decision on it, and must not vanish."""
    from atelier.domain import FollowUp, Item, Participant, Workshop

    a, b, first_workshop = _two_copies(tmp_path)
    with Store.open(a) as store:
        later = store.add_workshop(Workshop(title="Atelier de suivi", date="2021-06-01")).id
        person = store.add_participant(Participant(workshop_id=later, names=["Zoé Martin"]))
        need = store.add_item(Item(participant_id=person.id, kind=ItemKind.NEED, text="Aide sur la mobilité"))
    shutil.copy(a, b)
    deleting, following = (a, b) if deleted_in == "first" else (b, a)
    with Store.open(deleting) as store:
        store.delete_workshop(first_workshop)
    time.sleep(0.01)
    with Store.open(following) as store:  # afterwards, the other copy records a contact on its offer
        offer = store.workshop_items(first_workshop, ItemKind.OFFER)[0]
        made = store.add_match(Match(later, need.id, offer.id, MatchStatus.MANUAL, 1.0, ["à la main"]))
        store.update_match(made.id, follow_up=FollowUp.CONTACTED)
    merged = tmp_path / "fusion.atelier"
    result = _merge(a, b, merged)
    assert "0 suppression appliquée" in result.stdout
    # Into the copy that deleted it, the workshop comes back with all of it: none of that is
    # « ajoutée », only the match made since.
    along = " avec les " if deleted_in == "first" else ""
    assert "L'atelier «\xa0" in result.stdout and f"est gardé{along}" in result.stdout, result.stdout
    assert "\xa0: 1 entrée ajoutée depuis" in result.stdout or deleted_in == "second", result.stdout
    with Store.open(merged, readonly=True) as store:
        assert first_workshop in {w.id for w in store.workshops()}
        kept = store.matches(later)
        assert [(m.id, m.follow_up) for m in kept] == [(made.id, FollowUp.CONTACTED)]
        assert store.integrity_check() == "ok"


def test_a_participant_one_copy_deleted_and_the_merge_kept_is_not_counted_as_added(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """A deleted a participant; B corrected them afterwards and typed one more line for them. The
    merge said « 8 entrées ajoutées » of entries that were in both copies before they parted:
    only the new line was added. The participant and their earlier lines are said apart, kept
    in spite of the deletion, in the command line, its JSON, the window and its merge history."""
    a, b, workshop_id = _two_copies(tmp_path)
    with Store.open(a) as store:
        gone = store.participants(workshop_id)[2]
        lines = len(store.items(gone.id))
        store.delete_participant(gone.id)
    assert lines > 1
    time.sleep(0.01)
    with Store.open(b) as store:  # B corrects that very participant after A deleted them
        store.update_participant(gone.id, territory="Territoire corrigé par B")
        store.add_item(Item(gone.id, ItemKind.NEED, "Un besoin ajouté par B"))
    name = ", ".join(gone.names)
    said = _merge(a, b, tmp_path / "fusion.atelier").stdout
    assert "\xa0: 1 entrée ajoutée depuis «\xa0salle-b.atelier\xa0»" in said, said
    assert (
        f"Le participant «\xa0{name}\xa0», supprimé dans «\xa0salle-a.atelier\xa0», est gardé avec les "
        f"{lines} entrées qui en font partie\xa0: «\xa0salle-b.atelier\xa0» l'a modifié ensuite."
    ) in said, said
    english = _merge(a, b, tmp_path / "merged-en.atelier", env={"ATELIER_LANG": "en"}).stdout
    assert ": 1 entry added from “salle-b.atelier”" in english, english
    assert (
        f"The participant “{name}”, deleted in “salle-a.atelier”, is kept with the {lines} entries "
        "that belong to it: “salle-b.atelier” edited it afterwards."
    ) in english, english
    as_json = json.loads(_merge(a, b, tmp_path / "merged.json.atelier", "--json").stdout)
    assert sum(as_json["added"].values()) == 1
    (kept,) = as_json["kept_deleted"]
    assert kept["row_id"] == gone.id and kept["along"] == lines
    with Store.open(tmp_path / "fusion.atelier", readonly=True) as store:
        assert len(store.items(gone.id)) == lines + 1  # all of it is there
    # The window says the same, and so does its merge history.
    window = active_window(qtbot, a)
    assert window.merge_file(b, report=False) is not None
    status = window.saved_label.text()
    assert "1 entrée ajoutée depuis «\xa0salle-b.atelier\xa0»" in status, status
    assert f"est gardé avec les {lines} entrées qui en font partie" in status, status
    text = window.show_merge_history(show=False).text.toPlainText()
    assert "1 entrée ajoutée, 0 suppression appliquée" in text, text
    assert f"est gardé avec les {lines} entrées qui en font partie" in text, text
