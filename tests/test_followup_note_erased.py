"""« atelier suivi FICHIER ID --note "" » (or a new note) erased the note a colleague had
written (« Convention signée ») and printed only the match's state: the words were gone from
the file with nothing said. The command now says the note went, with its words."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.domain import MatchStatus
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store
from tests.conftest import ROOT, run_cli


def _followed(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop = store.workshops()[0].id
        save_suggestions(store, workshop, match_workshop(store, workshop).suggestions)
        best = max(store.matches(workshop), key=lambda m: m.score)
        store.update_match(best.id, status=MatchStatus.CONFIRMED)
    done = run_cli("suivi", str(path), best.id[:8], "--etat", "fait", "--note", "Convention signée")
    assert done.returncode == 0, done.stderr
    return path, best.id[:8]


def _said(done) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout.replace("\u00a0", " ")


def test_a_note_erased_or_replaced_is_said_with_its_words(tmp_path: Path) -> None:
    path, short = _followed(tmp_path)
    same = _said(run_cli("suivi", str(path), short, "--note", "Convention signée"))
    # the same words again: nothing went, nothing new written (the file is not touched)
    assert "remplacée" not in same and "effacée" not in same, same
    assert f"Rien de nouveau à noter : « {path} » n'a pas été modifié." in same, same
    replaced = _said(run_cli("suivi", str(path), short, "--note", "Rappeler en juin"))
    assert "Note remplacée (l'ancienne disait : « Convention signée »)." in replaced, replaced
    erased = _said(run_cli("suivi", str(path), short, "--note", ""))
    assert "Note effacée (elle disait : « Rappeler en juin »)." in erased, erased
    nothing = _said(run_cli("suivi", str(path), short, "--note", ""))
    assert "Note" not in nothing  # no note to erase
    english = run_cli("suivi", str(path), short, "--note", "x", env={"ATELIER_LANG": "en"})
    run_cli("suivi", str(path), short, "--note", "y", env={"ATELIER_LANG": "en"})
    assert "Note saved: “x”." in english.stdout and "replaced" not in english.stdout, english.stdout
    again = run_cli("suivi", str(path), short, "--note", "", env={"ATELIER_LANG": "en"})
    assert "Note erased (it said: “y”)." in again.stdout, again.stdout
