"""Merge histories written by earlier versions of Atelier, read today: what they counted wrong is
read as a merge says it now, and the file is not rewritten for it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli
from tests.helpers.keyboard import active_window

FIXTURE = ROOT / "tests" / "fixtures" / "merged-before-along.atelier"
NBSP = "\u00a0"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_old_merge_that_counted_a_kept_participant_as_added_reads_one_entry_added(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """Before 1076263 a merge counted a participant the first copy had deleted, and the merge
    kept (the second copy had corrected them since), with their three earlier lines, as
    « 5 entrées ajoutées »: only one line was new. Its history said so for ever, in the window.
    Read today, that merge says « 1 entrée ajoutée » and the participant « est gardé avec les
    3 entrées qui en font partie », as a merge says it now; the record itself is left as written."""
    path = tmp_path / "fusion.atelier"
    shutil.copy(FIXTURE, path)
    before = _digest(FIXTURE)
    info = run_cli("info", str(path))
    assert info.returncode == 0, info.stderr
    assert f"Historique des fusions{NBSP}: 1 fusion" in info.stdout, info.stdout
    assert "entrées ajoutées" not in info.stdout  # info counts merges, never what they added
    window = active_window(qtbot, path)
    # (a QPlainTextEdit gives its non-breaking spaces back as spaces)
    text = window.show_merge_history(show=False).text.toPlainText()
    assert "5 entrées ajoutées" not in text, text
    assert "1 entrée ajoutée, 0 suppression appliquée, 0 conflit, 0 champ mis à jour" in text, text
    assert (
        "Le participant « Gustave Buzaud », supprimé dans « salle-a.atelier », "
        "est gardé avec les 3 entrées qui en font partie : « salle-b.atelier » l'a modifié ensuite."
    ) in text, text
    assert _digest(FIXTURE) == before
    assert no_modal_boxes == []
