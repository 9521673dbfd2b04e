"""When two copies parted: each file keeps the moments it was written (format 13), so that a merge
knows what both copies held when they parted, even when the last edit before the copy was
changed since by one of them. An edit made before they parted and changed by one copy only is an
update, never a conflict; a decision one copy had before they parted and the other took again is
a decision taken again."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from atelier.domain import FollowUp, ItemKind, MatchStatus, Participant
from atelier.store import Store
from tests.conftest import run_cli
from tests.helpers.one_match import lucie_and_cecile

NBSP = "\u00a0"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge(first: Path, second: Path, out: Path, lang: str = "fr") -> str:
    inputs = (_digest(first), _digest(second))
    done = run_cli("merge", str(first), str(second), "-o", str(out), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (_digest(first), _digest(second)) == inputs  # the two copies are only read
    return done.stdout


def test_a_line_corrected_just_before_the_copy_and_then_by_one_copy_is_an_update(tmp_path: Path) -> None:
    """The facilitator corrected « Mobilté des jeunes » just before copying the file onto the
    second laptop (the last edit of the file); then, on laptop A only, « …des jeunes ruraux ».
    Laptop B never touched it: the merge said « 1 conflit » and « [conflit] Élément … », as if
    both had changed it. It is an update, A's text kept, in both orders of the merge."""
    path = tmp_path / "atelier.atelier"
    with Store.create(path, title="Atelier mobilité", date="2026-11-02") as store:
        workshop = store.workshops()[0]
        lucie = store.add_participant(Participant(workshop.id, names=["Lucie Leroy"]))
        other = store.add_participant(Participant(workshop.id, names=["Cécile Dallet"]))
        store.set_cell(lucie.id, ItemKind.NEED, ["Mobilté des jeunes", "Garde d'enfants"])
        store.set_cell(other.id, ItemKind.OFFER, ["Transport solidaire"])
        time.sleep(0.01)
        store.set_cell(lucie.id, ItemKind.NEED, ["Mobilité des jeunes", "Garde d'enfants"])  # then copied
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    time.sleep(0.01)
    with Store.open(a) as store:
        store.set_cell(lucie.id, ItemKind.NEED, ["Mobilité des jeunes ruraux", "Garde d'enfants"])
    time.sleep(0.01)
    with Store.open(b) as store:  # B worked on another cell
        store.set_cell(other.id, ItemKind.OFFER, ["Transport solidaire", "Covoiturage"])
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        said = _merge(first, second, merged)
        assert "0 conflit" in said and "[conflit]" not in said, said
        lines = [line for line in said.splitlines() if line.startswith("  - ")]
        if first == b:
            assert "1 champ mis à jour" in said, said
            assert lines == [
                f"  - [mis à jour] Élément «{NBSP}Mobilité des jeunes{NBSP}», texte{NBSP}: gardé "
                f"«{NBSP}Mobilité des jeunes ruraux{NBSP}» (a.atelier, modifié le "
                + lines[0].split("(a.atelier, modifié le ", 1)[-1]
            ], lines
        else:
            assert lines == [], lines  # A's own correction kept, nothing of B's set aside
        with Store.open(merged, readonly=True) as store:
            assert [i.text for i in store.items(lucie.id, ItemKind.NEED)] == [
                "Mobilité des jeunes ruraux",
                "Garde d'enfants",
            ]
            assert [i.text for i in store.items(other.id, ItemKind.OFFER)] == [
                "Transport solidaire",
                "Covoiturage",
            ]


def test_a_match_confirmed_just_before_the_copy_and_decided_again_on_one_laptop_stays_decided_again(
    tmp_path: Path,
) -> None:
    """Confirmed just before the copy (the file's last edit); on laptop B the contact was
    recorded, on laptop A, afterwards, the match was set aside and confirmed afresh. A's new
    decision is the latest event: the match stands « à contacter » again, after B's contact,
    and the history says it (« remise à contacter »); never the contact alone as if A had
    done nothing."""
    path = tmp_path / "suivi.atelier"
    match_id = lucie_and_cecile(path, __import__("datetime").date.today(), title="Atelier du réseau")
    with Store.open(path) as store:
        store.update_match(match_id, status=MatchStatus.SUGGESTED)
        time.sleep(0.01)
        store.update_match(match_id, status=MatchStatus.CONFIRMED)  # then copied
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED)
    time.sleep(0.01)
    with Store.open(a) as store:
        store.update_match(match_id, status=MatchStatus.REJECTED)
        store.update_match(match_id, status=MatchStatus.CONFIRMED)
    for first, second in ((a, b), (b, a)):
        merged = tmp_path / f"merged-{first.stem}.atelier"
        said = _merge(first, second, merged)
        with Store.open(merged, readonly=True) as store:
            match = store.match(match_id)
            assert [(s.state, s.copy) for s in match.follow_up_steps] == [
                (FollowUp.TO_CONTACT, "b.atelier"),
                (FollowUp.CONTACTED, "b.atelier"),
                (FollowUp.TO_CONTACT, ""),
            ], match.follow_up_steps
            assert match.follow_up == FollowUp.TO_CONTACT
        assert "remise à contacter le " in said, said
