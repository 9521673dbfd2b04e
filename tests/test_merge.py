"""Two facilitators captured different tables of the same workshop: `atelier merge`."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest

from atelier.domain import ItemKind, MatchStatus, Participant
from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def captures(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """Two copies of the example, each edited by one facilitator."""
    a, b = tmp_path / "table-1-a-3.atelier", tmp_path / "table-4-a-6.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    ids: dict[str, str] = {}
    with Store.open(a) as first, Store.open(b) as second:
        workshop_id = first.workshops()[0].id
        people = first.participants(workshop_id)
        ids["both"], ids["role"], ids["cell"] = people[0].id, people[1].id, people[2].id
        ids["workshop"] = workshop_id
        # Both typed the same field: the later edit (B's) wins, A's is listed, not lost.
        first.update_participant(people[0].id, territory="Monts et barrages (saisie A)")
        time.sleep(0.01)
        second.update_participant(people[0].id, territory="Monts et barrages (saisie B)")
        # Different fields of one participant: both edits are kept.
        second.update_participant(people[1].id, role="Chargée de mission")
        first.update_participant(people[1].id, contact="martine@example.org")
        # The same cell grew on both sides; B also removed a line A left as it was.
        offers = [i.text for i in first.items(people[2].id, ItemKind.ACTION)]
        first.set_cell(people[2].id, ItemKind.ACTION, [*offers, "Forum emploi (A)"])
        second.set_cell(people[2].id, ItemKind.ACTION, [*offers[1:], "Job dating (B)"])
        ids["removed_by_b"] = first.items(people[2].id, ItemKind.ACTION)[0].id
        # A new participant at B's tables, with a need; a match confirmed in A.
        newcomer = Participant(workshop_id, names=["Nina Vidal"], organisation="Mission locale")
        second.add_participant(newcomer)
        second.set_cell(newcomer.id, ItemKind.NEED, ["Trouver des bénévoles"])
        ids["newcomer"] = newcomer.id
        need = first.workshop_items(workshop_id, ItemKind.NEED)[0]
        offer = next(
            i
            for i in first.workshop_items(workshop_id, ItemKind.OFFER)
            if i.participant_id != need.participant_id
        )
        from atelier.domain import Match

        first.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5, ["test"]))
        ids["match_need"], ids["match_offer"] = need.id, offer.id
    return a, b, ids


def test_merging_two_captures_keeps_everything_and_the_newer_edit_of_each_field(
    captures: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    a, b, ids = captures
    before = (_digest(a), _digest(b))
    merged = tmp_path / "atelier-complet.atelier"
    result = run_cli("merge", str(a), str(b), "-o", str(merged))
    assert result.returncode == 0, result.stderr
    assert "Fusion écrite" in result.stdout and "Traceback" not in result.stderr
    assert (_digest(a), _digest(b)) == before  # the two captures are only read

    with Store.open(merged, readonly=True) as store, Store.open(a, readonly=True) as first:
        assert store.integrity_check() == "ok"
        people = {p.id: p for p in store.participants(ids["workshop"])}
        assert set(people) == {p.id for p in first.participants(ids["workshop"])} | {ids["newcomer"]}
        assert people[ids["both"]].territory == "Monts et barrages (saisie B)"
        assert people[ids["role"]].role == "Chargée de mission"
        assert people[ids["role"]].contact == "martine@example.org"
        actions = [i.text for i in store.items(ids["cell"], ItemKind.ACTION)]
        assert "Forum emploi (A)" in actions and "Job dating (B)" in actions
        # B took that line out and A never changed it: the deletion is honoured (format 8).
        assert ids["removed_by_b"] not in {i.id for i in store.items(ids["cell"], ItemKind.ACTION)}
        assert [i.text for i in store.items(ids["newcomer"], ItemKind.NEED)] == ["Trouver des bénévoles"]
        assert list(people)[-1] == ids["newcomer"]  # B's new tables come after A's rows
        confirmed = store.match_for_pair(ids["match_need"], ids["match_offer"])
        assert confirmed is not None and confirmed.status == MatchStatus.CONFIRMED

    # The one real conflict (both typed the territory) is listed with what was set aside.
    assert "1 conflit," in result.stdout
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("  - [conflit]")]
    assert "territoire" in line and "saisie A" in line
    # The role B typed where A had none is listed too: it is the « 1 champ mis à jour ».
    assert "1 champ mis à jour." in result.stdout
    assert any(
        x.startswith("  - [complété]") and "fonction\xa0: «\xa0Chargée de mission\xa0»" in x
        for x in result.stdout.splitlines()
    ), result.stdout

    again = run_cli("merge", str(a), str(b), "-o", str(merged))
    assert again.returncode == 1 and "existe déjà" in again.stderr
    assert "Traceback" not in again.stderr


def test_merge_summary_as_json_and_in_the_file(
    captures: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    a, b, _ids = captures
    merged = tmp_path / "c.atelier"
    result = run_cli("merge", str(a), str(b), "-o", str(merged), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["added"]["participants"] == 1
    assert summary["conflicts"] == 1
    (difference,) = summary["differences"]
    assert difference["set_aside"] == "Monts et barrages (saisie A)" and difference["conflict"]
    with Store.open(merged, readonly=True) as store:
        (log,) = store.merge_history()
    assert log.files == [a.name, b.name] and log.differences[0].kept.endswith("(saisie B)")


def test_merge_refuses_a_file_with_itself_and_a_foreign_file(tmp_path: Path) -> None:
    a = tmp_path / "a.atelier"
    shutil.copy(EXAMPLE, a)
    same = run_cli("merge", str(a), str(a), "-o", str(tmp_path / "c.atelier"))
    assert same.returncode == 1 and "Traceback" not in same.stderr
    foreign = tmp_path / "notes.atelier"
    foreign.write_bytes(b"pas une base")
    result = run_cli("merge", str(a), str(foreign), "-o", str(tmp_path / "c.atelier"))
    assert result.returncode == 1 and "n'est pas un fichier Atelier" in result.stderr
    assert not (tmp_path / "c.atelier").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def _two_copies(tmp_path: Path) -> tuple[Path, Path]:
    """Two captures of the example, « a » and « b », as two facilitators' copies."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    return a, b


def test_a_field_only_one_capture_changed_is_an_update_not_a_conflict(tmp_path: Path) -> None:
    a, b = _two_copies(tmp_path)
    with Store.open(b) as second:
        workshop_id = second.workshops()[0].id
        first_row = second.participants(workshop_id)[0]
        second.update_participant(first_row.id, territory="Territoire corrigé par B")
    result = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "c.atelier"))
    assert result.returncode == 0, result.stderr
    assert "0 conflit, 1 champ mis à jour." in result.stdout
    assert "[mis à jour]" in result.stdout and "Territoire corrigé par B" in result.stdout
    with Store.open(tmp_path / "c.atelier", readonly=True) as merged:
        assert merged.participant(first_row.id).territory == "Territoire corrigé par B"


def test_a_field_the_other_capture_filled_in_is_counted_as_updated(tmp_path: Path) -> None:
    """An empty field B filled in is taken into the merged file: the summary must count it (it
    said « 0 champ mis à jour » while the merged file had B's value), here, in --json and in
    the merge history."""
    a, b = _two_copies(tmp_path)
    with Store.open(b) as second:
        workshop_id = second.workshops()[0].id
        first_row = second.participants(workshop_id)[0]
        assert first_row.role == ""
        second.update_participant(first_row.id, role="Animatrice")
    merged = tmp_path / "c.atelier"
    result = run_cli("merge", str(a), str(b), "-o", str(merged))
    assert result.returncode == 0, result.stderr
    assert "0 conflit, 1 champ mis à jour." in result.stdout
    as_json = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "d.atelier"), "--json")
    assert json.loads(as_json.stdout)["updated"] == 1
    with Store.open(merged, readonly=True) as store:
        assert store.participant(first_row.id).role == "Animatrice"
        (record,) = store.merge_history()
    from atelier.ui.merge_history import history_text

    assert "0 conflit, 1 champ mis à jour" in history_text([record])


def test_a_line_both_captures_changed_is_a_conflict_and_one_only_one_changed_an_update(
    tmp_path: Path,
) -> None:
    """Both facilitators corrected the same line of a cell: the merge said « 0 conflit, 1 champ
    mis à jour » and « [mis à jour] Élément … », as if only one had (the window then spoke of no
    field changed on both sides). A line both changed is a conflict; one only B changed, an
    update; one changed before the copies parted and then by B only, an update too."""
    a, b = _two_copies(tmp_path)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        both, only_b, earlier = [
            p for p in store.participants(workshop_id) if len(store.items(p.id, ItemKind.NEED)) > 1
        ][:3]
        needs = {p.id: [i.text for i in store.items(p.id, ItemKind.NEED)] for p in (both, only_b, earlier)}

        def before(mark: str) -> list[str]:  # the earlier participant's first two lines
            return [needs[earlier.id][0] + mark, needs[earlier.id][1] + "."]

        # Corrected before the copies parted; then another line, the last edit before the copy.
        store.set_cell(earlier.id, ItemKind.NEED, [needs[earlier.id][0] + " (avant)", *needs[earlier.id][1:]])
        time.sleep(0.01)
        store.set_cell(earlier.id, ItemKind.NEED, [*before(" (avant)"), *needs[earlier.id][2:]])
    shutil.copy(a, b)
    with Store.open(a) as store:
        store.set_cell(both.id, ItemKind.NEED, [needs[both.id][0] + " (A)", *needs[both.id][1:]])
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_cell(both.id, ItemKind.NEED, [needs[both.id][0] + " (B)", *needs[both.id][1:]])
        store.set_cell(only_b.id, ItemKind.NEED, [needs[only_b.id][0] + " (B)", *needs[only_b.id][1:]])
        store.set_cell(earlier.id, ItemKind.NEED, [*before(" (B)"), *needs[earlier.id][2:]])
    result = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "c.atelier"))
    assert result.returncode == 0, result.stderr
    assert "1 conflit, 2 champs mis à jour." in result.stdout, result.stdout
    lines = [x for x in result.stdout.splitlines() if x.startswith("  - ")]
    assert len(lines) == 3 and lines[0].startswith("  - [conflit] Élément"), lines
    assert "(A)" in lines[0] and "(B)" in lines[0], lines
    assert all(x.startswith("  - [mis à jour] Élément") for x in lines[1:]), lines
    with Store.open(tmp_path / "c.atelier", readonly=True) as merged:
        assert merged.items(both.id, ItemKind.NEED)[0].text.endswith(" (B)")
