"""Defects a QA pass of issue 19 found at the command line, each with the test that shows it
(every test here failed on the code before its fix)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store

from .conftest import run_cli


def _file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "suivi.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        gregory = store.add_participant(
            Participant(workshop_id, names=["Grégory TALVY"], organisation="Région N-A")
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
        offer = store.add_item(Item(gregory.id, ItemKind.OFFER, "présenter les dispositifs régionaux"))
        match = store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4))
        store.set_follow_up(match.id, "to_contact", day="2021-03-16")  # decided at the workshop
    return path, match.id


def _state_changed(path: Path) -> str:
    (entry,) = json.loads(run_cli("suivi", str(path), "--json").stdout)
    return entry["state_changed"]


def test_suivi_takes_the_day_as_people_write_it(tmp_path: Path) -> None:
    """« --le 23/11/2025 » like « --date » of import: it was refused (AAAA-MM-JJ only)."""
    path, match_id = _file(tmp_path)
    for typed, kept in (
        ("2/3/2026", "2026-03-02"),
        ("23 novembre 2025", "2025-11-23"),
        ("2025-01-07", "2025-01-07"),
    ):
        result = run_cli("suivi", str(path), match_id[:8], "--etat", "contacte", "--le", typed)
        assert result.returncode == 0, result.stderr
        assert _state_changed(path) == kept


def test_suivi_refuses_a_day_still_to_come_leaving_the_file_intact(tmp_path: Path) -> None:
    """« contacté le 01/12/2026 » in minutes written on 29 November is not true: refused in one sentence."""
    path, match_id = _file(tmp_path)
    before = path.read_bytes()
    later = (date.today() + timedelta(days=2)).strftime("%d/%m/%Y")
    result = run_cli("suivi", str(path), match_id[:8], "--etat", "fait", "--le", later)
    assert result.returncode == 2  # never true, whatever the file holds: a bad option value
    assert (
        result.stderr.strip()
        == f"La date «\u00a0{later}\u00a0» est à venir\u00a0: le suivi note ce qui a déjà eu lieu."
    )
    assert path.read_bytes() == before
    today = date.today().strftime("%d/%m/%Y")
    assert run_cli("suivi", str(path), match_id[:8], "--etat", "fait", "--le", today).returncode == 0
