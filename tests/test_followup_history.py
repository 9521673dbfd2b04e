"""`atelier suivi FICHIER ID --historique`: the steps of that one match's follow-up. It was
refused (« --etat ou --note attendu »), and with `--etat` the history asked for was silently
left out of what the command printed. A facilitator who asks for a match's history sees it,
alone or after the step just recorded; the file is touched only when a step is recorded."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from atelier.domain import FollowUp
from atelier.store import Store

from .conftest import run_cli
from .helpers.one_match import lucie_and_cecile

NBSP = "\u00a0"
TODAY = date.today()
HELD = TODAY - timedelta(days=30)
DECIDED, CONTACTED = HELD + timedelta(days=1), HELD + timedelta(days=5)


def fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "suivi.atelier"
    match_id = lucie_and_cecile(path, HELD, title="Atelier du réseau")
    with Store.open(path) as store:
        store.set_follow_up(match_id, FollowUp.TO_CONTACT, day=DECIDED.isoformat())
        store.set_follow_up(match_id, FollowUp.CONTACTED, day=CONTACTED.isoformat())
        short = store.follow_ups()[0].short_id
    return path, short


def test_one_match_s_history_is_shown_when_asked_alone(tmp_path: Path) -> None:
    path, short = _file(tmp_path)
    before = path.read_bytes()
    done = run_cli("suivi", str(path), short, "--historique")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"Atelier «{NBSP}Atelier du réseau{NBSP}»")
    assert f"  {short}  contactée le {fr(CONTACTED)}" in lines
    assert "Lucie Leroy cherche" in done.stdout and "← Cécile Dallet" in done.stdout
    assert f"étapes{NBSP}: décidée le {fr(DECIDED)} · contactée le {fr(CONTACTED)}" in done.stdout
    assert path.read_bytes() == before  # reading a history writes nothing
    english = run_cli("suivi", str(path), short, "--history", env={"ATELIER_LANG": "en"})
    assert english.returncode == 0, english.stderr
    assert "steps: decided on " in english.stdout
    as_json = run_cli("suivi", str(path), short, "--historique", "--json")
    assert as_json.returncode == 0, as_json.stderr
    steps = json.loads(as_json.stdout)["steps"]
    assert [s["state"] for s in steps] == ["to_contact", "contacted"]
    assert path.read_bytes() == before


def test_the_history_asked_with_a_new_step_is_said_after_it(tmp_path: Path) -> None:
    path, short = _file(tmp_path)
    done = run_cli("suivi", str(path), short, "--etat", "fait", "--historique")
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert said[0].startswith(f"Mise en relation {short}{NBSP}: faite le {fr(TODAY)}")
    steps = f"décidée le {fr(DECIDED)} · contactée le {fr(CONTACTED)} · faite le {fr(TODAY)}"
    assert said[1] == f"Étapes du suivi{NBSP}: {steps}"
    plain = run_cli("suivi", str(path), short, "--note", "Rappeler en mai")
    assert plain.returncode == 0 and "étapes" not in plain.stdout  # not asked: not said


def test_a_match_alone_still_asks_for_what_to_do(tmp_path: Path) -> None:
    path, short = _file(tmp_path)
    before = path.read_bytes()
    done = run_cli("suivi", str(path), short)
    assert done.returncode == 2 and "--historique" in done.stderr and "--etat" in done.stderr, done.stderr
    assert path.read_bytes() == before
