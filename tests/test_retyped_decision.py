"""A confirmed match is the facilitator's decision about two statements. When one of them is
retyped (in the grid, or by a grid imported again), the match stays confirmed and on the same
line, but what Atelier says of it must be about the text as it is now: its reasons are worked
out again from the new texts (« Mise en relation décidée par l'animateur » when nothing links
them any more), the facilitator is told once, and the match is marked « texte modifié depuis
la confirmation » in the card until confirmed again or set aside; Ctrl+Z puts everything back.
Before, the card, the projector, the minutes' « Pourquoi » and `atelier match` kept saying
« FSE = fonds social européen » under an offer that had become « financement Région »."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind, MatchStatus
from atelier.french import fold
from atelier.reasons import say_all
from atelier.store import Store

from .conftest import run_cli
from .helpers.keyboard import active_example_window, key, retype_offer

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _quoted(lines: list[str]) -> list[str]:
    """The words the reasons quote from the grid (« … »)."""
    return [q.strip() for line in lines for q in re.findall(r"«\s*([^»]+?)\s*»", _plain(line))]


def _card_row(window, match_id: str) -> str:
    from atelier.ui.match_panel import MatchRole

    tree = window.panel.matches.tree_model
    for row in range(tree.rowCount()):
        need = tree.item(row)
        for child in range(need.rowCount()):
            item = need.child(child)
            if item.data(MatchRole) == match_id:
                return _plain(str(item.text()))
    return ""


@pytest.mark.usefixtures("no_modal_boxes")
def test_an_offer_retyped_under_a_confirmed_match_is_explained_anew_flagged_and_undone(
    qtbot, tmp_path: Path
) -> None:
    from atelier.matching import match_workshop, save_suggestions

    window = active_example_window(qtbot, tmp_path)
    store, model = window.store, window.model
    save_suggestions(store, model.workshop_id, match_workshop(store, model.workshop_id).suggestions)
    model.matches_changed.emit()
    best = max(
        (m for m in store.matches(model.workshop_id) if store.item(m.resource_id).kind == ItemKind.OFFER),
        key=lambda m: m.score,
    )
    window._select(store.item(best.need_id).participant_id, 3)
    key(qtbot, Qt.Key.Key_M, CTRL)
    assert window.panel.matches.select_match(best.id)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # Confirmer
    confirmed = store.match(best.id)
    assert confirmed.status == MatchStatus.CONFIRMED
    old_offer = store.item(confirmed.resource_id)
    old_lines = say_all(confirmed.reasons, "fr")
    assert _quoted(old_lines), old_lines  # the reasons quoted words of the old offer

    # The helper's offer is retyped in the grid, the other lines kept as they were.
    retype_offer(qtbot, window, old_offer, "accueil de stagiaires en cuisine")

    after = store.match(best.id)
    assert store.item(after.resource_id).text == "accueil de stagiaires en cuisine"
    assert after.status == MatchStatus.CONFIRMED  # the decision is not taken away behind their back
    assert after.retyped, "the match must carry the mark « texte modifié depuis la décision »"
    lines = say_all(after.reasons, "fr")
    need_text = fold(store.item(after.need_id).text)
    for words in _quoted(lines):  # every word a reason quotes is in the texts as they are now
        assert fold(words) in need_text or fold(words) in fold("accueil de stagiaires en cuisine"), lines
    assert lines != old_lines
    # nor does any suggestion left on the retyped offer (the matching suggests it again anew)
    for other in store.matches(model.workshop_id):
        if other.resource_id == old_offer.id:
            need_now = fold(store.item(other.need_id).text)
            for words in _quoted(say_all(other.reasons, "fr")):
                assert fold(words) in need_now or fold(words) in fold("accueil de stagiaires en cuisine")
    # Told once, in the status bar
    status = _plain(window.saved_label.text())
    assert "Texte modifié après la décision" in status, status
    # The card: flagged, the new text, the reasons of now, and how to review it
    window._select(store.item(after.need_id).participant_id, 3)
    row = _card_row(window, best.id)
    assert row.startswith("⚠"), row
    assert "accueil de stagiaires en cuisine" in row, row
    assert "Texte modifié depuis la décision" in row and "Ctrl+Maj+C" in row, row
    for line in old_lines:
        assert _plain(line) not in row, row

    # Ctrl+Z: the old text, the old reasons, no mark
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    undone = store.match(best.id)
    assert store.item(undone.resource_id).text == old_offer.text
    assert undone.reasons == confirmed.reasons and not undone.retyped
    assert _card_row(window, best.id).startswith("✔")

    # Ctrl+Y, then confirmed again from the card: the mark goes, the decision stays
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert store.match(best.id).retyped
    key(qtbot, Qt.Key.Key_M, CTRL)
    assert window.panel.matches.select_match(best.id)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    reviewed = store.match(best.id)
    assert reviewed.status == MatchStatus.CONFIRMED and not reviewed.retyped
    assert reviewed.reasons == after.reasons
    assert _card_row(window, best.id).startswith("✔")


HEADER = (
    "Participants / Territoire;Actions engagées;Défis;J'ai besoin de ressources sur…;"
    "Je peux être ressource sur…\n"
)


def _grid(path: Path, karim_offers: str) -> Path:
    path.write_text(
        HEADER
        + "Anne Martin / PLIE Landes;forum emploi;mobilité;financement FSE;ateliers CV\n"
        + f"Karim Benali / Mission locale Pau;garage solidaire;recrutement;ateliers CV;{karim_offers}\n"
        + "Julie Roux / CC Bazas;navette;jeunes;mobilité rurale;navette\n",
        encoding="utf-8",
    )
    return path


def _confirmed(tmp_path: Path) -> tuple[Path, str, str]:
    """A file made from the grid by the command line, Anne's « financement FSE » put in touch
    with Karim's « financement FSE » as the engine suggested it (its reasons as the engine's)."""
    from atelier.matching import match_workshop, save_suggestions

    target = tmp_path / "atelier.atelier"
    made = run_cli("import", str(_grid(tmp_path / "v1.csv", "financement FSE")), "-o", str(target))
    assert made.returncode == 0, made.stderr
    with Store.open(target) as store:
        workshop = store.workshops()[0].id
        save_suggestions(store, workshop, match_workshop(store, workshop).suggestions)
        need = next(i for i in store.workshop_items(workshop, ItemKind.NEED) if i.text == "financement FSE")
        (match,) = [
            m for m in store.matches_for_need(need.id) if store.item(m.resource_id).kind == ItemKind.OFFER
        ]
        store.update_match(match.id, status=MatchStatus.CONFIRMED)
    return target, workshop, match.id


def test_a_grid_imported_again_with_a_confirmed_offer_retyped_says_so_and_explains_anew(
    tmp_path: Path,
) -> None:

    target, workshop, match_id = _confirmed(tmp_path)
    with Store.open(target, readonly=True) as store:
        before = say_all(store.match(match_id).reasons, "fr")
    assert any("fonds social européen" in line for line in before), before

    again = run_cli(
        "import",
        str(_grid(tmp_path / "v2.csv", "financement Région")),
        "--into",
        str(target),
        "--workshop",
        workshop,
    )
    assert again.returncode == 0, again.stderr
    said = _plain(again.stdout)
    assert "1 mise en relation confirmée porte sur un texte modifié" in said, said
    assert "« financement FSE » devenu « financement Région »" in said, said

    with Store.open(target, readonly=True) as store:
        now = store.match(match_id)
        assert now.status == MatchStatus.CONFIRMED and now.retyped
        assert store.item(now.resource_id).text == "financement Région"
        lines = say_all(now.reasons, "fr")
    # « FSE = fonds social européen » said the offer said FSE: it no longer does
    assert lines and not any("fonds social" in line for line in lines), lines
    assert any("financement" in line for line in lines), lines
    for words in _quoted(lines):
        assert fold(words) in fold("financement FSE") or fold(words) in fold("financement Région"), lines

    # `atelier match` and the minutes say the reasons of now
    shown = _plain(run_cli("match", str(target), "--lexical").stdout)
    assert "fonds social européen" not in shown, shown
    assert (
        "[ressource, mise en relation confirmée, texte modifié depuis la décision, à revoir] : "
        "financement Région" in shown
    )
    minutes = tmp_path / "cr.docx"
    exported = run_cli("export", str(target), "--docx", str(minutes))
    assert exported.returncode == 0, exported.stderr
    from docx import Document

    document = Document(str(minutes))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "financement Région" in text, text
    assert "fonds social européen" not in text, text
    # the JSON export says which decision stands on a text changed since
    import json

    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    (decided,) = [m for w in exported["workshops"] for m in w["matches"] if m["id"] == match_id]
    assert decided["retyped"] and decided["offer_text"] == "financement Région"
    assert not any("fonds social" in line for line in decided["reasons"]), decided


def test_a_grid_imported_again_with_every_decided_text_unchanged_says_nothing_of_it(tmp_path: Path) -> None:
    target, _workshop, match_id = _confirmed(tmp_path)
    with Store.open(target, readonly=True) as store:
        before = store.match(match_id)
    again = run_cli("import", str(_grid(tmp_path / "v2.csv", "financement FSE")), "--into", str(target))
    assert again.returncode == 0, again.stderr
    assert "texte modifié" not in again.stdout, again.stdout
    with Store.open(target, readonly=True) as store:
        now = store.match(match_id)
    assert now.reasons == before.reasons and not now.retyped


def test_a_decided_statement_only_corrected_in_case_or_accents_is_not_to_review(tmp_path: Path) -> None:
    """« financement fse » → « Financement FSE. » says what was decided: no ⚠, nothing told;
    its reasons quote it as written now."""
    target, _workshop, match_id = _confirmed(tmp_path)
    with Store.open(target) as store:
        match = store.match(match_id)
        offer = store.item(match.resource_id)
        snapshot, _ids = store.set_cell(offer.participant_id, ItemKind.OFFER, ["Financement  FSE."])
        now = store.match(match_id)
        assert not now.retyped and not snapshot.retyped_told
        assert now.status == MatchStatus.CONFIRMED
        store.restore_cell(snapshot)
        assert store.match(match_id).reasons == match.reasons


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_reimporting_a_grid_that_retyped_a_confirmed_offer_says_so_and_marks_it(
    qtbot, tmp_path: Path
) -> None:
    from .helpers.keyboard import active_window

    target, _workshop, match_id = _confirmed(tmp_path)
    window = active_window(qtbot, target)
    before = window.store.match(match_id)
    assert window.reimport_grid(_grid(tmp_path / "v2.csv", "financement Région"), dialog_hook=lambda _d: True)
    status = _plain(window.saved_label.text())
    assert "1 mise en relation décidée porte sur un texte modifié" in status, status
    assert "« financement FSE » devenu « financement Région »" in status, status
    now = window.store.match(match_id)
    assert now.retyped and not any("fonds social" in line for line in say_all(now.reasons, "fr"))
    window._select(window.store.item(now.need_id).participant_id, 3)
    row = _card_row(window, match_id)
    assert row.startswith("⚠") and "financement Région" in row and "fonds social" not in row, row
    window.undo_action.trigger()  # the re-import undone: the offer, its reasons, no mark
    undone = window.store.match(match_id)
    assert window.store.item(undone.resource_id).text == "financement FSE"
    assert undone.reasons == before.reasons and not undone.retyped
