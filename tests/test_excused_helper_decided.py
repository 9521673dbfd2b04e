"""Lucie Leroy (September) was put in touch with what Mme Sabine Roux wrote in the March grid,
« financement du permis de conduire pour les allocataires », decided before her cell was
corrected to say she was excused (« Mme Sabine Roux (excusée) »), or by an older version. The
room, the Excel sheet and `atelier suivi` said she « a proposé lors de l'atelier du 16 mars
2021 », an atelier she did not attend (the Excel row itself said « Sabine Roux (excusé·e) »).
The decision stays; it now says « Excusé·e à l'atelier du 16 mars 2021 (ressource notée dans
sa grille) » (English « Excused from the workshop of 16 March 2021 (offer noted in its
grid) »). The CLI in a subprocess, the workbook read back, the projector's cards."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind, Workshop
from atelier.store import Store
from tests.conftest import run_cli

SAID = {
    "fr": "Excusé·e à l'atelier du 16 mars 2021 (ressource notée dans sa grille)",
    "en": "Excused from the workshop of 16 March 2021 (offer noted in its grid)",
}
UNTRUE = {"fr": "proposé lors de l'atelier du 16 mars 2021", "en": "ffered at the workshop of 16 March 2021"}


def _file(path: Path) -> Path:
    with Store.create(path, title="Atelier de mars", date="2021-03-16") as store:
        march = store.workshops()[0]
        sabine = store.add_participant(
            Participant(
                march.id,
                names=["Sabine Roux"],
                organisation="Département des Landes",
                source_text="Mme Sabine Roux (excusée) / Département des Landes",
            )
        )
        offer = store.add_item(
            Item(sabine.id, ItemKind.OFFER, "financement du permis de conduire pour les allocataires")
        )
        september = store.add_workshop(Workshop("Atelier de septembre", date="2021-09-14"))
        lucie = store.add_participant(
            Participant(
                september.id,
                names=["Lucie Leroy"],
                organisation="Grand Angoulême",
                source_text="Lucie Leroy / Grand Angoulême",
            )
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "aide au financement du permis de conduire"))
        earlier = [Reason(ReasonKind.EARLIER, term="Atelier de mars", resource="offer", detail="2021-03-16")]
        match = store.add_match(
            Match(september.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.8, reasons=earlier)
        )
        store.set_follow_up(match.id, "to_contact", day="2021-09-14")
    return path


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_decision_with_an_excused_helper_does_not_say_she_offered_it_there(
    tmp_path: Path, lang: str
) -> None:
    path = _file(tmp_path / "reseau.atelier")
    env = {"ATELIER_LANG": lang}
    done = run_cli("suivi", str(path), env=env)
    assert done.returncode == 0, done.stderr
    out = _plain(done.stdout)
    assert UNTRUE[lang] not in out, out
    assert f"Sabine Roux (Département des Landes), {SAID[lang][:1].lower()}{SAID[lang][1:]}: " in out.replace(
        " :", ":"
    ), out
    book = tmp_path / f"septembre-{lang}.xlsx"
    done = run_cli("export", str(path), "--workshop", "septembre", "--xlsx", str(book), env=env)
    assert done.returncode == 0, done.stderr
    cells = [
        _plain(str(c))
        for sheet in openpyxl.load_workbook(book)
        for r in sheet.iter_rows(values_only=True)
        for c in r
    ]
    assert not any(UNTRUE[lang] in c for c in cells), [c for c in cells if "16" in c]
    assert any(SAID[lang] in c for c in cells), [c for c in cells if "16" in c]
    # What the room sees of it: the card and its short reasons.
    from atelier.projection import build

    with Store.open(path, readonly=True) as store:
        september = next(w for w in store.workshops() if w.title == "Atelier de septembre")
        (card,) = build(store, september.id, lang=lang).cards
    shown = [_plain(r) for r in [card.because, *card.reasons, *card.brief]]
    assert not any(UNTRUE[lang] in r for r in shown), shown
    assert SAID[lang] in shown, shown


def test_the_window_s_pane_does_not_say_she_offered_it_there(qtbot, tmp_path: Path, language: str) -> None:
    """« Qui peut aider ? » (Ctrl+M) on Lucie Leroy's row in September: the decision, with why."""
    from tests.helpers.keyboard import active_window, first_row_helpers

    window = active_window(qtbot, _file(tmp_path / "reseau.atelier"), 1366, 768)
    try:
        shown = [_plain(t) for t in first_row_helpers(qtbot, window, "2021-09-14")]  # Lucie Leroy's
        (sabine,) = [t for t in shown if "Sabine Roux" in t]
        assert UNTRUE[language] not in sabine, sabine
        assert SAID[language] in sabine, sabine
    finally:
        window.close()
