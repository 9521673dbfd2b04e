"""The Excel summary said « Participants 3 » for a workshop and, under « Par territoire »,
counted 4 participants: Paul Durand (excusé) on « Médoc » and Karim Benali (absent) on « Agen »
counted as people in the room, and the two people of one row (« Lina Chevalier et Yanis
Robert ») as one. « Par territoire » now counts those the summary counts: the people present,
each person once; what the excused wrote stays in the grid, said « (excusé·e) ». Read back
from the workbook the CLI writes, in French and in English."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_cli

GRID = (
    "Participant / territoire;Actions engagées;Défis;Besoins;Ressources\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;mobilité des jeunes;clauses sociales\n"
    "Paul Durand (excusé) / Mission locale du Médoc;;;permis de conduire;mobilité des jeunes\n"
    "Lina Chevalier et Yanis Robert / Mission locale du Médoc;garantie jeunes;;hébergement;\n"
    "Karim Benali / Agglo Agen - absent;;;;aide au permis\n"
)


@pytest.mark.parametrize(
    ("lang", "summary", "by_territory", "grid"),
    [("fr", "Synthèse", "Par territoire", "Grille"), ("en", "Summary", "By territory", "Grid")],
)
def test_the_excel_territories_count_the_people_present(
    tmp_path: Path, lang: str, summary: str, by_territory: str, grid: str
) -> None:
    source, target, book_path = tmp_path / "g.csv", tmp_path / "g.atelier", tmp_path / "g.xlsx"
    source.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(source), "-o", str(target), "--title", "Atelier", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    done = run_cli("export", str(target), "--xlsx", str(book_path), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(book_path)
    sheet = book[summary]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    facts = {r[0]: r[1] for r in rows[2:] if r[0]}
    assert facts["Participants"] == 3, facts  # Anne Martin, Lina Chevalier, Yanis Robert
    start = next(i for i, r in enumerate(rows) if r[0] == by_territory)
    territories = {}
    for row in rows[start + 2 :]:
        if not row[0]:
            break
        territories[row[0]] = row[1]
    assert sum(territories.values()) == facts["Participants"], territories
    medoc = next(t for t in territories if "Médoc" in t)
    assert territories[medoc] == 2, territories  # Lina and Yanis; not Paul Durand (excusé)
    assert not any("Agen" in t for t in territories), territories  # Karim Benali, absent
    # What they wrote stays in the grid, said.
    cells = [str(c) for r in book[grid].iter_rows(values_only=True) for c in r if c]
    assert any(c.startswith("Paul Durand (excus") for c in cells), cells


@pytest.mark.parametrize(
    ("lang", "listed", "info"),
    [
        (
            "fr",
            "5 participants (dont 2 excusés ou absents), ",
            "Participants : 5 (4 lignes de la grille, dont 2 excusés ou absents)",
        ),
        (
            "en",
            "5 participants (2 excused or absent), ",
            "Participants: 5 (4 rows of the grid, 2 excused or absent)",
        ),
    ],
)
def test_the_workshop_lists_say_who_of_the_participants_were_not_there(
    tmp_path: Path, lang: str, listed: str, info: str
) -> None:
    """`atelier ateliers` said « 4 participants » and `atelier info` « Participants : 4 » where the
    minutes count those in the room (Paul Durand excused, Karim Benali absent): said as the
    import says it; --json gives how many were away."""
    import json

    source, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    source.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(source), "-o", str(target), "--title", "Atelier", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    before = target.read_bytes()
    env = {"ATELIER_LANG": lang}
    done = run_cli("workshops", str(target), env=env)
    assert done.returncode == 0, done.stderr
    assert listed in done.stdout.replace("\u00a0", " "), done.stdout
    done = run_cli("info", str(target), env=env)
    assert done.returncode == 0, done.stderr
    assert info in done.stdout.replace("\u00a0", " ").splitlines(), done.stdout
    (workshop,) = json.loads(run_cli("workshops", str(target), "--json").stdout)
    # 4 rows of the grid, naming 5 people (Lina Chevalier and Yanis Robert on one), 2 away.
    assert (workshop["participants"], workshop["people"], workshop["away"]) == (4, 5, 2), workshop
    assert target.read_bytes() == before


def test_the_window_s_workshop_label_says_who_of_the_participants_were_not_there(
    qtbot, tmp_path: Path, no_modal_boxes
) -> None:
    """« Atelier du fichier : 1 janvier 2024 — Atelier · 5 participants » above the grid, where
    `atelier ateliers` says « 5 participants (dont 2 excusés ou absents) » and the minutes
    count the 3 in the room."""
    from atelier.store import Store
    from atelier.ui.main_window import MainWindow

    source, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    source.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(source), "-o", str(target), "--title", "Atelier", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    window = MainWindow(Store.open(target, lock=True))
    qtbot.addWidget(window)
    window.show()
    combo = window.switcher.combo
    assert combo.currentText().endswith("· 5 participants (dont 2 excusés ou absents)"), combo.currentText()
    window.close()
