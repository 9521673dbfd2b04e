"""Mme Sabine Roux (excusée) wrote an offer in the March grid; Lucie Leroy (September) was put
in touch with it; then Sabine asked not to be published in the directory. Another workshop
says her « une personne non nommée à sa demande » (Participant.seen_from), which dropped her
cell, and with it the word « excusée »: `atelier suivi`, the September Excel sheet, the
projector and « Qui peut aider ? » said again that she « a proposé lors de l'atelier du 16 mars
2021 », a workshop she did not attend. `export --json` and `suivi --json` said it even when she
is named, and the September minutes and pages put her « (atelier du 16 mars 2021) » as if met
there. Each now says « Excusé·e à l'atelier du 16 mars 2021 (ressource notée dans sa grille) »
or « (excusé·e à l'atelier du 16 mars 2021) » (English « excused from the workshop of … »).
The CLI in a subprocess, the files read back, the projector's cards, the pane by keys."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from atelier.store import Store
from tests.conftest import run_cli
from tests.test_excused_helper_decided import SAID, UNTRUE, _file

WHERE = {"fr": "excusé·e à l'atelier du 16 mars 2021", "en": "excused from the workshop of 16 March 2021"}


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _room(path: Path, unlisted: bool) -> Path:
    _file(path)
    if unlisted:
        with Store.open(path) as store:
            (sabine,) = [
                p for w in store.workshops() for p in store.participants(w.id) if "Sabine Roux" in p.names
            ]
            store.update_participant(sabine.id, unlisted=True)
    return path


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return _plain("\n".join(texts))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_excused_helper_who_opted_out_is_not_said_to_have_offered_it_there(
    tmp_path: Path, lang: str
) -> None:
    path = _room(tmp_path / "reseau.atelier", unlisted=True)
    env = {"ATELIER_LANG": lang}
    done = run_cli("suivi", str(path), env=env)
    assert done.returncode == 0, done.stderr
    out = _plain(done.stdout)
    assert "Sabine" not in out, out  # not named in September: she opted out
    assert UNTRUE[lang] not in out, out
    assert WHERE[lang] in out, out
    book = tmp_path / f"septembre-{lang}.xlsx"
    done = run_cli("export", str(path), "--workshop", "septembre", "--xlsx", str(book), env=env)
    assert done.returncode == 0, done.stderr
    cells = [
        _plain(str(c)) for s in openpyxl.load_workbook(book) for r in s.iter_rows(values_only=True) for c in r
    ]
    assert not any(UNTRUE[lang] in c for c in cells), [c for c in cells if "16" in c]
    assert any(SAID[lang] in c for c in cells), [c for c in cells if "16" in c]
    from atelier.projection import build

    with Store.open(path, readonly=True) as store:
        september = store.find_workshop("2021-09-14")
        (card,) = build(store, september.id, lang=lang).cards
    shown = [_plain(r) for r in [card.because, *card.reasons, *card.brief]]
    assert not any(UNTRUE[lang] in r for r in shown), shown
    assert SAID[lang] in shown, shown


@pytest.mark.parametrize("unlisted", [False, True], ids=["named", "opted-out"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_json_minutes_and_pages_do_not_place_her_at_that_workshop(
    tmp_path: Path, lang: str, unlisted: bool
) -> None:
    path = _room(tmp_path / "reseau.atelier", unlisted=unlisted)
    env = {"ATELIER_LANG": lang}
    out = tmp_path / "reseau.json"
    done = run_cli("export", str(path), "--json", str(out), env=env)
    assert done.returncode == 0, done.stderr
    whole = json.loads(out.read_text(encoding="utf-8"))
    said = [_plain(r) for w in whole["workshops"] for m in w["matches"] for r in m["reasons"]]
    assert not any(UNTRUE[lang] in r for r in said), said
    assert SAID[lang] in said, said
    done = run_cli("suivi", str(path), "--json", env=env)
    assert done.returncode == 0, done.stderr
    said = [_plain(r) for e in json.loads(done.stdout) for r in e["reasons"]]
    assert not any(UNTRUE[lang] in r for r in said), said
    assert SAID[lang] in said, said
    minutes, pages = tmp_path / "cr.docx", tmp_path / "fiches.docx"
    for option, written in (("--docx", minutes), ("--fiches", pages)):
        done = run_cli("export", str(path), "--workshop", "septembre", option, str(written), env=env)
        assert done.returncode == 0, done.stderr
        text = _docx_text(written)
        assert WHERE[lang] in text, text
        assert UNTRUE[lang] not in text, text


def test_the_window_s_pane_says_she_was_excused(qtbot, tmp_path: Path, language: str) -> None:
    """« Qui peut aider ? » (Ctrl+M) on Lucie Leroy's row in September."""
    from tests.helpers.keyboard import active_window, first_row_helpers

    window = active_window(qtbot, _room(tmp_path / "reseau.atelier", unlisted=True), 1366, 768)
    try:
        shown = [_plain(t) for t in first_row_helpers(qtbot, window, "2021-09-14")]  # Lucie Leroy's
        (helper,) = [t for t in shown if "financement du permis" in t]
        assert "Sabine" not in helper, helper
        assert UNTRUE[language] not in helper, helper
        assert SAID[language] in helper, helper
        assert WHERE[language] in helper, helper
    finally:
        window.close()
