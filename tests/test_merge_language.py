"""Every line of a merge report in the reader's language: the « [conflit] » / « [mis à jour] »
lines, the date of each merge in Fichier › Historique des fusions, and a match's decision or
follow-up said as words (« écartée », “set aside”), not as the file's codes (« rejected »);
records written by older versions (key « last_merge ») too."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from atelier.domain import ItemKind, Match, MatchStatus
from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"

# A merge as an early version wrote it (one record, key « last_merge », no « conflict »).
LEGACY = {
    "when": "2026-11-22T14:03:05Z",
    "files": ["a.atelier", "b.atelier"],
    "added": {"participants": 1},
    "shared": {"participants": 21},
    "differences": [
        {
            "table": "participants",
            "row_id": "0caa92d3-a140-4a74-a79d-d22062227b9c",  # Lucie Leroy, in the example
            "what": "Participant « Lucie Leroy »",  # format 8 stored it: read from the file now
            "field": "territoire",
            "kept": "Pau",
            "kept_from": "b.atelier",
            "kept_when": "2026-11-22T14:00:00Z",
            "set_aside": "Lescar",
            "set_aside_from": "a.atelier",
            "set_aside_when": "2026-11-22T13:00:00Z",
        }
    ],
}


def _copies_with_a_decision(tmp_path: Path) -> tuple[Path, Path]:
    """A match made by hand in both copies; B sets it aside; A holds an early merge's record."""
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    with Store.open(a) as store:
        workshop_id = store.workshops()[0].id
        need = store.workshop_items(workshop_id, ItemKind.NEED)[0]
        offer = next(
            i
            for i in store.workshop_items(workshop_id, ItemKind.OFFER)
            if i.participant_id != need.participant_id
        )
        made = store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 1.0, ["à la main"]))
        store.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('last_merge', ?)",
            (json.dumps(LEGACY, ensure_ascii=False),),
        )
    shutil.copy(a, b)
    with Store.open(b) as store:
        store.update_match(made.id, status=MatchStatus.REJECTED)
    return a, b


def test_the_command_line_says_a_decision_as_a_word_in_each_language(tmp_path: Path) -> None:
    a, b = _copies_with_a_decision(tmp_path)
    french = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "c.atelier"))
    assert french.returncode == 0, french.stderr
    assert "décision\xa0: gardé «\xa0écartée\xa0» (b.atelier" in french.stdout
    assert "plutôt que «\xa0ajoutée à la main\xa0» (a.atelier" in french.stdout
    english = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "d.atelier"), env={"ATELIER_LANG": "en"})
    assert "decision: kept “set aside” (b.atelier" in english.stdout
    assert "rather than “added by hand” (a.atelier" in english.stdout
    assert "rejected" not in english.stdout and "manual" not in english.stdout


def test_the_merge_history_in_an_english_window_is_english_old_records_too(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator
    from tests.helpers.keyboard import active_window

    a, b = _copies_with_a_decision(tmp_path)
    app = QApplication.instance()
    settings.put(settings.LANGUAGE, "en")
    installed = install_translator(app)
    try:
        window = active_window(qtbot, a)
        assert window.merge_file(b, report=False) is not None
        text = window.show_merge_history(show=False).text.toPlainText()
        window.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        choose_language("")
    newest, oldest = text.split("\n\n")
    assert newest.startswith("Merge of ") and " à " not in newest.splitlines()[0]
    assert "decision: kept “set aside” (b.atelier" in newest
    # Times are local: the test says the day and the shape of the hour.
    assert re.fullmatch(
        r"Merge of 22 November 2026, \d\d:\d\d: “a\.atelier” and “b\.atelier”", oldest.splitlines()[0]
    )
    assert re.search(
        r"\[updated\] Participant “Lucie Leroy”, territory: kept “Pau” "
        r"\(b\.atelier, changed 22 November 2026, \d\d:\d\d\) "
        r"rather than “Lescar” \(a\.atelier, 22 November 2026, \d\d:\d\d\)",
        oldest,
    )
    for french in ("gardé", "plutôt", "Fusion", "modifié", "écartée", "conflit"):
        assert french not in text
