"""A merge report never says it chose between two things that read the same: « gardé
« 30/11/2026 » plutôt que « 30/11/2026 » » is either said with what differs (the end of a long
text, the minute of an edit) or not said at all when the two are the same to a reader."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

from atelier.domain import FollowUp
from atelier.store import Store
from tests.conftest import ROOT, run_cli
from tests.helpers.one_match import lucie_and_cecile

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
QUOTED = re.compile(r"«\xa0(.*?)\xa0»")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge(first: Path, second: Path, out: Path, lang: str = "fr") -> str:
    inputs = (_digest(first), _digest(second))
    result = run_cli("merge", str(first), str(second), "-o", str(out), env={"ATELIER_LANG": lang})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (_digest(first), _digest(second)) == inputs
    return result.stdout


def _lines(said: str) -> list[str]:
    return [line for line in said.splitlines() if line.startswith("  - ")]


def _copies(tmp_path: Path) -> tuple[Path, Path, str]:
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a, readonly=True) as store:
        return a, b, store.participants(store.workshops()[0].id)[0].id


LONG = "Lucie Leroy, chargée de mission emploi et insertion, Communauté de communes, tél. "


def test_two_long_texts_that_differ_at_their_end_are_shown_where_they_differ(tmp_path: Path) -> None:
    a, b, person = _copies(tmp_path)
    with Store.open(a) as store:
        store.update_participant(person, contact=LONG + "03 20 00 00 01")
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(person, contact=LONG + "03 20 00 00 02")
    for lang in ("fr", "en"):
        (line,) = _lines(_merge(a, b, tmp_path / f"c-{lang}.atelier", lang))
        if lang == "en":
            kept, _kept_when, aside, _aside_when = re.findall(r"“(.*?)”|\(([^()]*)\)", line)[-4:]
            values = [kept[0], aside[0]]
        else:
            values = QUOTED.findall(line)[-2:]
        assert values[0] != values[1], line
        assert "00 02" in values[0] and "00 01" in values[1], line
        # When each copy changed it, told apart too: two edits of one minute are said to the second.
        times = re.findall(r"\d\d:\d\d(?::\d\d)?(?:[.,]\d\d\d)?\)", line)
        assert len(times) == 2 and times[0] != times[1], line


def test_a_value_that_differs_only_by_its_spaces_is_not_said_to_be_set_aside(tmp_path: Path) -> None:
    a, b, person = _copies(tmp_path)
    with Store.open(a) as store:
        store.update_participant(person, role="Chargée de mission")
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(person, role="Chargée  de mission ")
    said = _merge(a, b, tmp_path / "c.atelier")
    assert _lines(said) == [], said
    assert "rien de nouveau dans «\xa0b.atelier\xa0»" in said


def test_two_contacts_recorded_the_same_day_are_not_a_choice_between_two_equal_days(tmp_path: Path) -> None:
    """Both facilitators recorded « contacté » today, a few minutes apart: the follow-up says
    « contacté le 30/11/2026 » either way, and the report said « date du suivi : gardé
    « 30/11/2026 » plutôt que « 30/11/2026 » »."""
    held = date.today() - timedelta(days=20)
    path = tmp_path / "suivi.atelier"
    match_id = lucie_and_cecile(path, held, title="Atelier du réseau")
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(path, a)
    shutil.copy(path, b)
    with Store.open(a) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED)
    time.sleep(0.01)
    with Store.open(b) as store:
        store.set_follow_up(match_id, FollowUp.CONTACTED)
    for lang in ("fr", "en"):
        said = _merge(a, b, tmp_path / f"c-{lang}.atelier", lang)
        for line in _lines(said):
            values = QUOTED.findall(line) if lang == "fr" else re.findall(r"“(.*?)”", line)
            assert len(set(values[-2:])) == 2, line
        assert "date du suivi" not in said and "follow-up date" not in said, said
    with Store.open(tmp_path / "c-fr.atelier", readonly=True) as store:
        match = store.match(match_id)
        assert match.follow_up == FollowUp.CONTACTED
        assert [s.state for s in match.follow_up_steps] == [FollowUp.TO_CONTACT, FollowUp.CONTACTED]
