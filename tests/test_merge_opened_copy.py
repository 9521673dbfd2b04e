"""Two laptops with copies of one file: what the room decided and followed up on one of them
survives a merge with the other copy that was only opened (the window matches the workshop
again at each opening). Nobody typed anything on that copy: it changed nothing, and the merge
says nothing of it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_and_close(qtbot, path: Path):
    """The file opened in the window, its matching done, closed without a key typed."""
    from tests.helpers.keyboard import active_window

    window = active_window(qtbot, path)
    qtbot.waitUntil(lambda: not window.matching._busy and window.matching.engine is not None, timeout=30_000)
    return window


def _confirm_first(qtbot, path: Path, decision: Qt.Key = Qt.Key.Key_C) -> None:
    """In the window: Lucie's first suggestion confirmed (Ctrl+M, Ctrl+Maj+C), or rejected
    (Ctrl+Maj+X)."""
    from tests.helpers.keyboard import key

    window = _open_and_close(qtbot, path)
    lucie = next(
        window.model.participant_at(r)
        for r in range(window.model.rowCount())
        if window.model.participant_at(r).names[:1] == ["Lucie Leroy"]
    )
    window._select(lucie.id, 0)
    panel = window.panel.matches
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() > 0 and panel.tree_model.item(0).rowCount() > 0)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is panel.tree
    panel.tree.setCurrentIndex(panel.tree_model.item(0).child(0).index())
    key(qtbot, decision, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.close()


def _followed(path: Path) -> list[dict]:
    done = run_cli("suivi", str(path), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _laptops(
    qtbot, tmp_path: Path, *, contacted: bool = True, rejected: bool = False
) -> tuple[Path, Path, dict]:
    a, b = tmp_path / "A.atelier", tmp_path / "B.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    _confirm_first(qtbot, a)
    if rejected:  # laptop B sets the same suggestion aside, before A records the contact
        _confirm_first(qtbot, b, Qt.Key.Key_X)
        assert _followed(b) == []
    (match,) = _followed(a)
    if contacted:
        done = run_cli(
            "suivi", str(a), match["id"][:6], "--etat", "contactee", "--note", "appelé, RDV le 5/12"
        )
        assert done.returncode == 0, done.stderr
        (match,) = _followed(a)
    return a, b, match


def _merge(first: Path, second: Path, out: Path) -> str:
    done = run_cli("merge", str(first), str(second), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_copy_only_opened_never_wipes_the_other_copy_s_follow_up(qtbot, tmp_path: Path) -> None:
    a, b, match = _laptops(qtbot, tmp_path)
    assert match["state"] == "contacted" and [s["state"] for s in match["steps"]] == [
        "to_contact",
        "contacted",
    ]
    # Laptop B opens its copy later and closes it: nothing typed.
    window = _open_and_close(qtbot, b)
    window.close()
    opened = _digest(b)
    # Opened again: the same suggestions, the file is not written.
    window = _open_and_close(qtbot, b)
    window.close()
    assert _digest(b) == opened
    for first, second, out in ((a, b, "M_AB.atelier"), (b, a, "M_BA.atelier")):
        said = _merge(first, second, tmp_path / out)
        # Nothing of A's follow-up is said set aside for B's untouched suggestion (what came
        # from A into B may be listed as filled in).
        assert "suivi\u00a0: gardé «\u00a0à contacter" not in said, said
        assert "date du suivi\u00a0: gardé «\u00a0»" not in said, said
        assert "plutôt que «\u00a0contactée" not in said and "plutôt que «\u00a030/11" not in said, said
        (merged,) = _followed(tmp_path / out)
        assert merged["id"] == match["id"] or merged["need"] == match["need"]
        assert merged["state"] == "contacted", (out, merged)
        assert merged["steps"] == match["steps"], (out, merged)
        assert merged["note"] == "appelé, RDV le 5/12", (out, merged)


def test_a_decision_only_just_taken_keeps_its_date_against_a_copy_opened_after(qtbot, tmp_path: Path) -> None:
    a, b, match = _laptops(qtbot, tmp_path, contacted=False)
    window = _open_and_close(qtbot, b)
    window.close()
    for first, second, out in ((a, b, "M_AB.atelier"), (b, a, "M_BA.atelier")):
        said = _merge(first, second, tmp_path / out)
        assert "date du suivi\u00a0: gardé «\u00a0»" not in said and "plutôt que «\u00a030/11" not in said, (
            said
        )
        (merged,) = _followed(tmp_path / out)
        assert merged["state"] == "to_contact" and merged["steps"] == match["steps"], (out, merged)


def test_a_contact_recorded_after_the_other_copy_set_the_suggestion_aside_stays_followed_up(
    qtbot, tmp_path: Path
) -> None:
    a, b, match = _laptops(qtbot, tmp_path, rejected=True)
    for first, second, out in ((a, b, "M_AB.atelier"), (b, a, "M_BA.atelier")):
        said = _merge(first, second, tmp_path / out)
        (merged,) = _followed(tmp_path / out)
        assert merged["state"] == "contacted" and merged["steps"] == match["steps"], (out, merged)
        assert merged["note"] == "appelé, RDV le 5/12", (out, merged)
        # Said: the decision kept over the rejection, as a conflict.
        assert "[conflit]" in said and "gardé «\u00a0confirmée\u00a0»" in said, said
        assert "plutôt que «\u00a0écartée\u00a0» (B.atelier" in said, said
