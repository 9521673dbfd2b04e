"""A match made by hand in the window says so in the reader's language, wherever it is read:
the window stored its own sentence (« mise en relation faite par l'animateur », or « match
made by the facilitator » in an English window) as the match's reason, and that sentence
then showed as written in the other language's listing, minutes and pages."""

from __future__ import annotations

import json
from pathlib import Path

from atelier.domain import MatchStatus
from atelier.exports import reason_sentence
from atelier.store import Store

from .conftest import example_window, run_cli


def test_a_match_made_by_hand_in_the_french_window_says_so_in_english(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    path = window.store.path
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0].startswith("Céline"):
            window._select(participant.id, 0)
    panel = window.panel.matches
    panel.tree.setCurrentIndex(panel.tree_model.item(0).index())
    assert panel.add_manual(choice="Lydie Drouard (CitiZchool) — Lien entre entreprises et les jeunes")
    window.close()

    listing = json.loads(run_cli("match", str(path), "--json", env={"ATELIER_LANG": "en"}).stdout)
    (manual,) = [s for n in listing["needs"] for s in n["suggestions"] if s["status"] == "manual"]
    assert manual["reasons"] == ["Match made by the facilitator"]
    with Store.open(path, readonly=True) as store:
        (match,) = store.matches(store.workshops()[0].id, MatchStatus.MANUAL)
    assert reason_sentence(match) == "Mise en relation décidée par l'animateur."  # the French minutes
