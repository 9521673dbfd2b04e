"""The Excel « Synthèse » counts the people present (« Participants 3 ») and « Par territoire »
the items of those present, but « Éléments par rubrique » counted what Paul Durand (excusé)
and Karim Benali (absent) wrote as if said in the room (« Besoins de ressources 3 » beside a
territory table of 2), and nothing said who the « Grille » sheet's two other rows were. The
sheets now agree: « Éléments par rubrique » counts the items of those present, those written
by the excused or absent in a column of their own (so that both add up to each item sheet),
and « Excusés ou absents 2 » is said; the rows of those present are said so (« Lignes de la
grille des présents 2 », never « Lignes de la grille 2 » beside a « Grille » sheet of 4). Read
back from the workbook the CLI writes, in French and in English."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_cli
from tests.test_excused_counted_present import GRID

SHEETS = {
    "fr": {
        "summary": "Synthèse",
        "grid": "Grille",
        "counts": "Éléments par rubrique",
        "territory": "Par territoire",
        "away": "Excusés ou absents",
        "away_items": "Écrits par des excusés ou absents",
        "rows": "Lignes de la grille des présents",
        "all_rows": "Lignes de la grille",
    },
    "en": {
        "summary": "Summary",
        "grid": "Grid",
        "counts": "Items per column of the grid",
        "territory": "By territory",
        "away": "Excused or absent",
        "away_items": "Written by those excused or absent",
        "rows": "Rows of the grid of those present",
        "all_rows": "Rows of the grid",
    },
}


def _table(rows: list[tuple], heading: str) -> tuple[tuple, list[tuple]]:
    start = next(i for i, r in enumerate(rows) if r[0] == heading)
    body = []
    for row in rows[start + 2 :]:
        if not row[0]:
            break
        body.append(row)
    return rows[start + 1], body


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_items_per_heading_count_what_was_said_in_the_room(tmp_path: Path, lang: str) -> None:
    words = SHEETS[lang]
    source, target, book_path = tmp_path / "g.csv", tmp_path / "g.atelier", tmp_path / "g.xlsx"
    source.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(source), "-o", str(target), "--title", "Atelier", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    done = run_cli("export", str(target), "--xlsx", str(book_path), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(book_path)
    rows = list(book[words["summary"]].iter_rows(values_only=True))
    facts = {r[0]: r[1] for r in rows[2:12] if r[0]}
    assert facts["Participants"] == 3, facts
    assert facts[words["away"]] == 2, facts  # Paul Durand, Karim Benali
    grid_rows = [r for r in list(book[words["grid"]].iter_rows(values_only=True))[1:] if any(r)]
    # The rows of those present (as the minutes say « 3 participants (2 lignes de la grille) »)
    # and those of the excused or absent: the « Grille » sheet's.
    assert facts[words["rows"]] + facts[words["away"]] == len(grid_rows) == 4, facts
    # Never « Lignes de la grille 2 » beside a « Grille » sheet of 4 rows (`atelier info`:
    # « 4 lignes de la grille, dont 2 excusés ou absents »): said of those present.
    assert words["all_rows"] not in facts, facts
    head, counts = _table(rows, words["counts"])
    assert head[2] == words["away_items"], head
    in_room = {r[0]: r[1] for r in counts}
    away = {r[0]: r[2] for r in counts}
    t_head, territories = _table(rows, words["territory"])
    for column, heading in enumerate(t_head[2:], start=2):
        # What « Par territoire » counts under each heading is what « Éléments » says of it.
        assert sum(r[column] for r in territories) == in_room[heading], (heading, in_room, territories)
    headings = [r[0] for r in counts]  # actions, challenges, needs, offers: the grid's order
    assert [in_room[h] for h in headings] == [2, 1, 2, 1], in_room
    assert [away[h] for h in headings] == [0, 0, 1, 2], away  # Paul Durand's need and offer, Karim's offer
    # Both columns add up to each item sheet's rows (which list the excused, said so).
    for sheet, heading in zip(book.worksheets[2:6], headings, strict=True):
        listed = [r for r in list(sheet.iter_rows(values_only=True))[1:] if any(r)]
        assert len(listed) == in_room[heading] + away[heading], (sheet.title, heading, listed)
