"""A match across workshops, seen from the helper's workshop in the window.

Lucie Leroy's March need « … un répertoire d'initiatives locales » was confirmed with Paul
Girard's September offer, in March's window. In September's window, where the facilitator
works with Paul, « Qui peut aider ? » listed only Paul's own needs: the match was on the pages
and in Suivi, never where the facilitator works. Paul's pane now shows that need too, flagged
with its workshop's title and date, and the confirmed match under it; it is decided and
followed up in its own workshop, so the decision keys leave it as it is here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import MatchStatus
from atelier.store import Store
from tests.test_fiches_across_ends import REPERTOIRE, _two_workshops

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_helper_s_pane_shows_the_need_of_another_workshop_they_were_confirmed_for(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    from tests.helpers.keyboard import active_window, key

    path = _two_workshops(tmp_path, lucie_in_september="Marc Dupuis / CC du Réolais")
    window = active_window(qtbot, path)
    qtbot.waitUntil(lambda: not window.matching._busy and window.matching.engine is not None, timeout=30_000)
    march = window.store.find_workshop("2021-03-16")
    window.switch_workshop(march.id)
    qtbot.waitUntil(lambda: not window.matching._busy and window.matching.engine is not None, timeout=30_000)
    lucie = next(p for p in window.model.participants() if p.names == ["Lucie Leroy"])
    window._select(lucie.id, 0)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.panel.matches

    def line_of(words: str):
        for row in range(panel.tree_model.rowCount()):
            need = panel.tree_model.item(row)
            for child in range(need.rowCount()):
                if words in need.child(child).text():
                    return need, need.child(child)
        return None

    qtbot.waitUntil(lambda: line_of("Paul Girard") is not None, timeout=30_000)
    panel.tree.setCurrentIndex(line_of("Paul Girard")[1].index())
    match_id = panel.current_match_id()
    key(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    assert window.store.match(match_id).status == MatchStatus.CONFIRMED
    need_text = window.store.item(window.store.match(match_id).need_id).text

    # September: Paul's pane.
    september = window.store.find_workshop("2021-09-14")
    window.switch_workshop(september.id)
    paul = next(p for p in window.model.participants() if p.names == ["Paul Girard"])
    window._select(paul.id, 0)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: line_of(REPERTOIRE) is not None, timeout=30_000)
    need, line = line_of(REPERTOIRE)
    assert _plain(need.text()) == _plain(
        f"{need_text} — Lucie Leroy (Grand Angoulême, atelier « Atelier du 16 mars 2021 », 16 mars 2021)"
    ), need.text()
    assert _plain(line.text()).startswith(f"✔ Paul Girard (Réseau des PLIE d'Aquitaine) — {REPERTOIRE}\n"), (
        line.text()
    )
    assert "Confirmée à l'atelier du 16 mars 2021 : elle y est décidée et suivie" in _plain(line.text())
    # Paul's own need is listed first, as before.
    assert panel.tree_model.item(0).text() == "Méthode pour animer un réseau d'acteurs"
    # Decided in its own workshop: the decision keys leave it as it is here.
    panel.tree.setCurrentIndex(line.index())
    key(qtbot, Qt.Key.Key_X, CTRL_SHIFT)
    assert window.store.match(match_id).status == MatchStatus.CONFIRMED
    window.close()
    with Store.open(path, readonly=True) as store:
        assert store.match(match_id).status == MatchStatus.CONFIRMED
    assert no_modal_boxes == []
