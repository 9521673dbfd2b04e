"""A need retyped on one laptop after the match standing on it was confirmed on the other: the
merged match is marked « ⚠ texte modifié depuis la décision », as a re-import marks it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import run_cli
from tests.test_merge_opened_copy import EXAMPLE, _confirm_first, _followed, _merge, _open_and_close


def _retyped_in_b(qtbot, b: Path) -> None:
    """In B's window: Lucie's needs cell edited (F2, Ctrl+Début, « URGENT », Ctrl+Entrée)."""
    from atelier.domain import ItemKind
    from atelier.ui.columns import KIND_COLUMNS
    from tests.helpers.keyboard import key, type_text

    window = _open_and_close(qtbot, b)
    lucie = next(
        window.model.participant_at(r)
        for r in range(window.model.rowCount())
        if window.model.participant_at(r).names[:1] == ["Lucie Leroy"]
    )
    window._select(lucie.id, KIND_COLUMNS[ItemKind.NEED])
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    type_text("URGENT ")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(
            i.text.startswith("URGENT ") for i in window.store.workshop_items(window.model.workshop_id)
        )
    )
    window.close()


def test_a_need_retyped_on_the_other_laptop_flags_the_match_confirmed_on_its_old_text(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    a, b = tmp_path / "A.atelier", tmp_path / "B.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    _confirm_first(qtbot, a)
    (match,) = _followed(a)
    assert not match["retyped"]
    _retyped_in_b(qtbot, b)
    for first, second, out in ((a, b, "M_AB.atelier"), (b, a, "M_BA.atelier")):
        _merge(first, second, tmp_path / out)
        (merged,) = _followed(tmp_path / out)
        assert merged["need"]["text"] == "URGENT " + match["need"]["text"], merged["need"]
        assert merged["retyped"], (out, merged)
        assert merged["state"] == "to_contact" and merged["steps"] == match["steps"], (out, merged)
        listed = run_cli("suivi", str(tmp_path / out), "--historique")
        assert "texte modifié depuis la décision" in listed.stdout, listed.stdout
    assert no_modal_boxes == []
