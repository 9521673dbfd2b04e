"""`atelier info` on a file of several workshops said « Participants : 72 (66 lignes de la
grille) »: the same 24 people at three workshops added up as if 72 people had come. It now
says 72 participations to the 3 workshops and how many different people they are, each
found again at every workshop as the directory (« Répertoire ») finds them; one workshop is
said as before."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.domain import Participant, Workshop
from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _three_times(target: Path) -> None:
    """The example's 22 rows (24 people) at two more workshops, the same people each time;
    and one newcomer at the last."""
    shutil.copy(EXAMPLE, target)
    with Store.open(target) as store:
        first = store.workshops()[0].id
        rows = store.participants(first)
        for day in ("2022-03-15", "2023-03-14"):
            later = store.add_workshop(Workshop(f"Atelier du {day}", date=day))
            for row in rows:
                store.add_participant(
                    Participant(later.id, names=list(row.names), organisation=row.organisation)
                )
        store.add_participant(Participant(later.id, names=["Gérard Müller"], organisation="Mission locale"))


def test_info_counts_each_person_once_across_the_workshops_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "trois.atelier"
    shutil.copy(EXAMPLE, path)
    one = run_cli("info", str(path))
    assert "Participants\xa0: 24 (22 lignes de la grille)" in one.stdout.splitlines(), one.stdout

    _three_times(path)
    said = run_cli("info", str(path))
    assert said.returncode == 0, said.stderr
    (line,) = [t for t in said.stdout.splitlines() if t.startswith("Participants")]
    assert line == (
        "Participants\xa0: 73 participations aux 3 ateliers, 25 personnes différentes "
        "(67 lignes de la grille)"
    ), line
    english = run_cli("info", str(path), env={"ATELIER_LANG": "en"})
    (line,) = [t for t in english.stdout.splitlines() if t.startswith("Participants")]
    assert (
        line == "Participants: 73 attendances at the 3 workshops, 25 different people (67 rows of the grid)"
    ), line
