"""What a merge of two copies says is what it did: the deletions it counts are the ones it made
in the open file, and a field is called a conflict only when both copies changed it after
they parted."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge(first: Path, second: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> str:
    inputs = (_digest(first), _digest(second))
    result = run_cli("merge", str(first), str(second), "-o", str(out), *extra, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(first), _digest(second)) == inputs
    return result.stdout


def _copies(tmp_path: Path) -> tuple[Path, Path, str]:
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a, readonly=True) as store:
        return a, b, store.workshops()[0].id


def test_a_first_merge_counts_only_the_deletions_it_made_in_the_open_file(tmp_path: Path) -> None:
    """The open file had deleted two participants itself, the copy one: the copy still has the
    first two, the merge leaves them out, but it removed only one entry from the open file."""
    a, b, workshop_id = _copies(tmp_path)
    with Store.open(a) as store:
        people = store.participants(workshop_id)
        store.delete_participant(people[2].id)
        store.delete_participant(people[3].id)
    with Store.open(b) as store:
        store.delete_participant(people[6].id)
    said = _merge(a, b, tmp_path / "c.atelier")
    assert "1 suppression appliquée," in said
    as_json = json.loads(_merge(a, b, tmp_path / "d.atelier", "--json"))
    assert as_json["removed"]["participants"] == 1 and as_json["removed_ids"] == [people[6].id]
    with Store.open(tmp_path / "c.atelier", readonly=True) as store:
        left = {p.id for p in store.participants(workshop_id)}
        assert not left & {people[2].id, people[3].id, people[6].id}
        (record,) = store.merge_history()
        assert record.removed == 1
    # The other way round, each deletion the open file (b) had not made is counted.
    assert "2 suppressions appliquées," in _merge(b, a, tmp_path / "e.atelier")


def test_a_field_changed_before_the_copies_parted_and_then_in_one_copy_is_an_update(tmp_path: Path) -> None:
    """A corrected a role and a territory, then made the copy for B; B corrected that role again.
    Only B changed it since they parted: an update, not « 1 conflit »."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        people = store.participants(workshop_id)
        store.update_participant(people[0].id, role="Avant la copie", territory="Territoire avant")
        store.update_participant(people[1].id, role="Chargé de mission")
    shutil.copy(a, b)
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(people[0].id, role="Corrigé par B")
    said = _merge(a, b, tmp_path / "c.atelier")
    assert "0 conflit, 1 champ mis à jour." in said
    assert "[mis à jour] Participant" in said and "[conflit]" not in said
    # Both changed it after they parted: that is a conflict.
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_participant(people[0].id, role="Corrigé par A")
    said = _merge(a, b, tmp_path / "d.atelier")
    assert "1 conflit, 0 champ mis à jour." in said and "[conflit] Participant" in said


FUTURE = "2031-03-03T10:00:00.000Z"


def _copy_from_a_clock_years_ahead(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """b.atelier was typed on a computer whose clock said March 2031: a role changed, a
    participant deleted, one added, all dated then; one territory typed the day it really was.
    Meanwhile a.atelier corrected that role."""
    from atelier.domain import Participant

    a, b, workshop_id = _copies(tmp_path)
    with Store.open(b) as store:
        people = store.participants(workshop_id)
        store.update_participant(people[0].id, role="Rôle daté de 2031")
        store.delete_participant(people[1].id)
        added = store.add_participant(Participant(workshop_id=workshop_id, names=["Nina Futur"]))
        store.update_participant(people[2].id, territory="Territoire corrigé par B")
        conn = store.conn
        conn.execute("BEGIN")
        conn.execute(  # what that clock wrote
            "UPDATE participants SET updated = ?, edited = json_set(edited, '$.role', ?) WHERE id = ?",
            (FUTURE, FUTURE, people[0].id),
        )
        conn.execute("UPDATE graves SET deleted = ? WHERE id = ?", (FUTURE, people[1].id))
        conn.execute(
            "UPDATE participants SET created = ?, updated = ? WHERE id = ?", (FUTURE, FUTURE, added.id)
        )
        conn.execute("COMMIT")
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_participant(people[0].id, role="Rôle corrigé par A")
    return a, b, [people[0].id, people[1].id, people[2].id, added.id]


def test_a_copy_dated_in_the_future_does_not_win_and_the_merge_says_so(tmp_path: Path) -> None:
    a, b, (corrected, deleted, typed, added) = _copy_from_a_clock_years_ahead(tmp_path)
    said = _merge(a, b, tmp_path / "c.atelier")
    assert (
        "La copie «\xa0b.atelier\xa0» porte des modifications datées du 3 mars 2031, dans le futur\xa0: "
        "horloge de l'ordinateur déréglée\u202f? Elles ne l'emportent pas\xa0: 1 champ garde la valeur de "
        "ce fichier (celle de la copie est listée et gardée dans l'historique des fusions), 1 suppression "
        "n'est pas appliquée et 1 entrée ajoutée est datée de cette fusion.\n" in said
    )
    assert "[daté du futur] Participant" in said and "gardé «\xa0Rôle corrigé par A\xa0»" in said
    assert "plutôt que «\xa0Rôle daté de 2031\xa0» (b.atelier" in said
    assert "0 suppression appliquée" in said and "0 conflit, 1 champ mis à jour." in said
    with Store.open(tmp_path / "c.atelier", readonly=True) as store:
        assert store.participant(corrected).role == "Rôle corrigé par A"
        assert store.participant(deleted).id == deleted  # not deleted: nothing lost
        assert store.participant(typed).territory == "Territoire corrigé par B"  # a true date: taken
        assert store.participant(added).names == ["Nina Futur"]
        # No time from the future came in: it would win every later merge.
        future = store.conn.execute(
            "SELECT count(*) FROM participants "
            "WHERE created > '2030' OR updated > '2030' OR edited LIKE '%2031%'"
        ).fetchone()[0]
        assert future == 0
        assert store.conn.execute("SELECT count(*) FROM graves WHERE deleted > '2030'").fetchone()[0] == 0
        (record,) = store.merge_history()
    from atelier.ui.merge_history import history_text

    assert "porte des modifications datées du 3 mars 2031" in history_text([record])
    english = _merge(a, b, tmp_path / "d.atelier", env={"ATELIER_LANG": "en"})
    assert (
        "The copy “b.atelier” carries changes dated 3 March 2031, in the future: was that computer's clock "
        "wrong? They do not win: 1 field keeps this file's value (the copy's is listed and kept in the merge "
        "history), 1 deletion is not applied and 1 new entry is dated at this merge.\n" in english
    )
    assert "[dated in the future] Participant" in english
    # Merged again, the same copy brings nothing new: what it was refused is not said twice.
    again = _merge(tmp_path / "c.atelier", b, tmp_path / "e.atelier")
    assert "rien de nouveau dans «\xa0b.atelier\xa0»" in again


def test_the_window_says_what_a_copy_dated_in_the_future_did_not_get(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    from tests.helpers.keyboard import active_window

    a, b, (corrected, deleted, _typed, _added) = _copy_from_a_clock_years_ahead(tmp_path)
    window = active_window(qtbot, a)
    assert window.merge_file(b, report=False) is not None
    status = window.saved_label.text()
    assert "«\xa0b.atelier\xa0» porte des modifications datées du 3 mars 2031, dans le futur" in status
    assert "1 suppression n'est pas appliquée" in status
    assert window.store.participant(corrected).role == "Rôle corrigé par A"
    assert window.store.participant(deleted).id == deleted
    text = window.show_merge_history(show=False).text.toPlainText()  # Qt gives « » as spaces
    assert "La copie « b.atelier » porte des modifications datées du 3 mars 2031" in text
    assert "[daté du futur] Participant" in text
    assert no_modal_boxes == []


def test_the_windows_report_says_both_sides_changed_a_field_only_when_one_was_a_conflict(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    """B corrected one territory, nothing else: the report box said « Champ modifié des deux
    côtés » of a field only one copy had changed."""
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers.keyboard import active_window

    a, b, workshop_id = _copies(tmp_path)
    with Store.open(b) as store:
        store.update_participant(store.participants(workshop_id)[2].id, territory="Territoire corrigé par B")
    boxes: list[tuple[str, str, str]] = []

    def shown(box: QMessageBox) -> int:
        boxes.append((box.text(), box.informativeText(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    window = active_window(qtbot, a)
    assert window.merge_file(b) is not None
    ((text, informative, details),) = boxes
    assert "0 conflit, 1 champ mis à jour." in text and "[mis à jour] Participant" in details
    assert informative == (
        "Les valeurs écartées restent dans le fichier\xa0: Fichier\xa0›\xa0Historique des fusions."
    )
    assert no_modal_boxes == []


def test_the_window_refuses_a_copy_that_is_not_one_in_one_sentence_every_file_unchanged(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """Not an Atelier file, a damaged copy, the open file itself: one sentence each, and every
    file byte for byte as it was."""
    from tests.helpers.keyboard import active_window

    a, b, _workshop_id = _copies(tmp_path)
    text = tmp_path / "notes.atelier"
    text.write_text("Compte rendu tapé à la main\n", encoding="utf-8")
    damaged = tmp_path / "abime.atelier"
    data = bytearray(b.read_bytes())
    data[8192:8400] = b"\x00" * 208  # a page of the copy overwritten
    damaged.write_bytes(bytes(data))
    window = active_window(qtbot, a)
    files = [a, text, damaged]
    before = [_digest(f) for f in files]
    rows = window.model.rowCount()
    for source in (text, damaged, a):
        assert window.merge_file(source, report=False) is None
    assert [_digest(f) for f in files] == before
    assert window.model.rowCount() == rows
    assert len(no_modal_boxes) == 3, no_modal_boxes
    said = [s.replace("\xa0", " ").replace("\u202f", " ") for s in no_modal_boxes]
    assert said[0] == f"« {text} » n'est pas un fichier Atelier ; il n'a pas été modifié."
    assert said[1].startswith(f"Le fichier Atelier « {damaged} » est endommagé (")
    assert said[1].endswith(") ; il n'a pas été modifié.")
    assert said[2] == f"« {a} » est le fichier à compléter lui-même : choisissez l'autre saisie."
    assert all("\n" not in s and "Traceback" not in s for s in said)
