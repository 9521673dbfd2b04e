"""A suggestion said « possible » is never listed above a « très probable » one.

On the example, Corinne Corcuff and Sefallah Mahamat Bindi ask « Comment inclure davantage les
entreprises et le secteur privé dans la plateforme collaborative ? ». Denis Paineau's offer
« Club d'entreprises » scores highest, but one word links the two and the offer says two
words: it is « possible » at most (`reasons.one_word_of_a_short_statement`). It was listed first,
above two offers said « très probable », in `atelier match`, in the window's card, and it was
the minutes' lead for that need. Read aloud top-down, the list told the room the weaker lead was
the best one. Now, within the offers (and within the rest), every « très probable » suggestion
comes first; the scores and the words said are unchanged.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt

from .conftest import ROOT, run_cli
from .helpers.keyboard import active_window, key

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
NEED = "Comment inclure davantage les entreprises"
CLUB = "Club d'entreprises"
LEVELS = {"très probable": 0, "possible": 1, "à vérifier": 2}


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    return path


def test_the_command_lists_very_likely_before_possible(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    listed = json.loads(run_cli("match", str(path), "--json", env={"ATELIER_SEMANTIC": "1"}).stdout)
    need = next(n for n in listed["needs"] if n["text"].startswith(NEED))
    said = [(s["text"], s["confidence"]) for s in need["suggestions"]]
    club = next(s for s in need["suggestions"] if s["text"] == CLUB)
    assert club["confidence"] == "possible" and club["score"] >= 0.45, club  # unchanged
    assert said[0][1] == "très probable", said
    before_club = said[: said.index((CLUB, "possible"))]
    assert [c for _t, c in before_club].count("très probable") == 2, said
    # Every need: among the offers, and among the rest, the levels never go back up.
    for need in listed["needs"]:
        for offers in (True, False):
            levels = [
                LEVELS[s["confidence"]]
                for s in need["suggestions"]
                if s["status"] == "suggested" and (s["source"] == "offer") == offers
            ]
            assert levels == sorted(levels), (need["text"], need["suggestions"])


def test_the_window_card_lists_very_likely_first(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")
    window = active_window(qtbot, _copy(tmp_path))
    for _ in range(14):  # down to Corinne Corcuff and Sefallah Mahamat Bindi
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_F9)  # their suggestions
    tree = window.panel.matches.tree_model

    def listed() -> list[str]:
        need = next(tree.item(r) for r in range(tree.rowCount()) if tree.item(r).text().startswith(NEED))
        return [need.child(i).text().splitlines()[0] for i in range(need.rowCount())]

    qtbot.waitUntil(lambda: len(listed()) >= 3, timeout=60_000)  # the model loads, then it matches
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=60_000)
    cards = listed()
    club = next((i for i, text in enumerate(cards) if f"— {CLUB}" in text), None)
    assert club is not None and cards[club].endswith("[possible]"), cards
    assert club >= 2 and all(text.endswith("[très probable]") for text in cards[:club]), cards
    window.close()


def test_the_minutes_lead_is_the_very_likely_offer(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    out = tmp_path / "compte-rendu.docx"
    run_cli("export", str(path), "--docx", str(out), env={"ATELIER_SEMANTIC": "1"})
    rows = [
        [cell.text for cell in row.cells]
        for table in Document(str(out)).tables
        for row in table.rows
        if NEED in row.cells[0].text
    ]
    assert rows, "the need has a lead in the minutes"
    first = rows[0][1]
    assert CLUB not in first and "piste très probable" in first, rows
