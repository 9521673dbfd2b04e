"""Two laptops with copies of one file: A confirms a match in the room; B, whose copy is from
before, later empties the need's cell (or deletes the helper). The merge keeps what the room
decided (B never knew of it) and says why, in both orders; never « rien de nouveau »."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.test_merge_opened_copy import EXAMPLE, _confirm_first, _followed, _merge, _open_and_close


def _deleted_in_b(qtbot, b: Path, person: str, *, whole: bool) -> None:
    """In B's window: the person's needs cell emptied (Suppr), or the person deleted (Ctrl+Suppr)."""
    from atelier.domain import ItemKind
    from atelier.ui.columns import KIND_COLUMNS
    from tests.helpers.keyboard import key

    window = _open_and_close(qtbot, b)
    found = next(
        window.model.participant_at(r)
        for r in range(window.model.rowCount())
        if window.model.participant_at(r).names[:1] == [person]
    )
    window._select(found.id, 0 if whole else KIND_COLUMNS[ItemKind.NEED])
    if whole:
        key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    else:
        key(qtbot, Qt.Key.Key_Delete)
    workshop_id = window.model.workshop_id

    def gone() -> bool:
        items = window.store.workshop_items(workshop_id)
        return not any(i.participant_id == found.id and (whole or i.kind == ItemKind.NEED) for i in items)

    qtbot.waitUntil(gone)
    window.close()


def _laptops(qtbot, tmp_path: Path, person: str, *, whole: bool) -> tuple[Path, Path, dict]:
    a, b = tmp_path / "A.atelier", tmp_path / "B.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    _confirm_first(qtbot, a)  # Lucie Leroy ← Grégory TALVY
    (match,) = _followed(a)
    _deleted_in_b(qtbot, b, person, whole=whole)
    return a, b, match


def _kept(tmp_path: Path, a: Path, b: Path, match: dict, what: str) -> None:
    day = match["steps"][0]["day"]  # « décidée le 30/11/2026 »
    for first, second, out in ((a, b, "M_AB.atelier"), (b, a, "M_BA.atelier")):
        said = _merge(first, second, tmp_path / out)
        assert "rien de nouveau" not in said, said
        (merged,) = _followed(tmp_path / out)
        assert merged["state"] == "to_contact" and merged["steps"] == match["steps"], (out, merged)
        assert merged["need"] == match["need"] and merged["resource"] == match["resource"], (out, merged)
        assert what in said, said
        assert (
            "la mise en relation Lucie Leroy ← Grégory TALVY, décidée le "
            f"{day[8:10]}/{day[5:7]}/{day[:4]} "
            "dans «\u00a0A.atelier\u00a0», en dépend." in said
        ), said


def test_a_need_emptied_on_the_other_laptop_keeps_the_match_the_room_confirmed_since(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    a, b, match = _laptops(qtbot, tmp_path, "Lucie Leroy", whole=False)
    _kept(tmp_path, a, b, match, f"L'élément «\u00a0{match['need']['text'][:20]}")
    assert no_modal_boxes == []


def test_a_helper_deleted_on_the_other_laptop_is_kept_with_the_match_confirmed_since(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    a, b, match = _laptops(qtbot, tmp_path, "Grégory TALVY", whole=True)
    _kept(
        tmp_path,
        a,
        b,
        match,
        "Le participant «\u00a0Grégory TALVY\u00a0», supprimé dans «\u00a0B.atelier\u00a0»",
    )
    assert no_modal_boxes == []
