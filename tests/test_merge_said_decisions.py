"""What a merge says of the room's decisions, in the command line and the window.

A deletion made on one laptop KNOWING the match that stood on it (decided before the copies
parted: the window said which match went with it) is applied; the merge used to count it
among « 3 suppressions appliquées » without naming the confirmed match it removed. And merged
in the order B then A, the decision taken on A was said « gardé « confirmée » (A.atelier,
modifié le … à 00:11:25) plutôt que « suggérée » (B.atelier, … à 00:11:26) », as if B had
typed « suggérée » a second after: that was only the suggestion B's window computed again when
the file was opened, with no one's edit time."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.test_merge_deleted_decision import _deleted_in_b
from tests.test_merge_opened_copy import EXAMPLE, _confirm_first, _followed, _laptops, _merge, _open_and_close


def _decided_then_copied(qtbot, tmp_path: Path) -> tuple[Path, Path, dict]:
    """The room confirms Lucie Leroy ← Grégory TALVY; then the file is copied on two laptops."""
    start = tmp_path / "X.atelier"
    shutil.copy(EXAMPLE, start)
    _confirm_first(qtbot, start)
    (match,) = _followed(start)
    a, b = tmp_path / "A.atelier", tmp_path / "B.atelier"
    shutil.copy(start, a)
    shutil.copy(start, b)
    return a, b, match


def _decided_day(match: dict) -> str:
    day = match["steps"][0]["day"]
    return f"{day[8:10]}/{day[5:7]}/{day[:4]}"


def test_a_need_emptied_knowing_its_match_names_the_match_it_removes(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    a, b, match = _decided_then_copied(qtbot, tmp_path)
    _deleted_in_b(qtbot, b, "Lucie Leroy", whole=False)  # B's window said the match went with it
    said = _merge(a, b, tmp_path / "M_AB.atelier")
    assert _followed(tmp_path / "M_AB.atelier") == []  # B's deletion, made knowing, is applied
    assert "suppressions appliquées" in said, said
    need = match["need"]["text"][:20]
    line = next((s for s in said.splitlines() if "mise en relation" in s), "")
    assert (
        f"La mise en relation Lucie Leroy ← Grégory TALVY, décidée le {_decided_day(match)}, est retirée "
        f"avec l'élément «\u00a0{need}"
    ) in line, said
    assert "supprimé dans «\u00a0B.atelier\u00a0»" in line, said
    assert no_modal_boxes == []


def test_a_helper_deleted_knowing_the_match_names_it_in_the_command_line_and_the_window(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    from tests.helpers.keyboard import active_window

    a, b, match = _decided_then_copied(qtbot, tmp_path)
    _deleted_in_b(qtbot, b, "Grégory TALVY", whole=True)
    said = _merge(a, b, tmp_path / "M_AB.atelier")
    expected = (
        f"La mise en relation Lucie Leroy ← Grégory TALVY, décidée le {_decided_day(match)}, est retirée "
        "avec le participant «\u00a0Grégory TALVY\u00a0», supprimé dans «\u00a0B.atelier\u00a0»."
    )
    assert expected in said, said
    english = _merge_en(a, b, tmp_path / "M_en.atelier")
    assert "The match Lucie Leroy ← Grégory TALVY, decided on " in english, english
    assert "is removed with the participant “Grégory TALVY”, deleted in “B.atelier”." in english, english
    # The window (Fichier › Fusionner) says it in its status line and its box.
    window = active_window(qtbot, a)
    assert window.merge_file(b, report=False) is not None
    assert expected in window.saved_label.text(), window.saved_label.text()
    window.close()
    assert no_modal_boxes == []


def _merge_en(first: Path, second: Path, out: Path) -> str:
    from tests.conftest import run_cli

    done = run_cli("merge", str(first), str(second), "-o", str(out), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_merged_b_then_a_the_decision_is_not_timed_against_an_untouched_suggestion(
    qtbot, tmp_path: Path
) -> None:
    a, b, _match = _laptops(qtbot, tmp_path, contacted=False)
    window = _open_and_close(qtbot, b)  # B only opens its copy: the window matches again
    window.close()
    said = _merge(b, a, tmp_path / "M_BA.atelier")
    line = next(s for s in said.splitlines() if "décision\u00a0:" in s)
    assert "gardé «\u00a0confirmée\u00a0» (A.atelier, modifié le " in line, line
    # One time on the line: the decision's. B's suggestion is said as what it is.
    assert len(re.findall(r"\d\d:\d\d", line)) == 1, line
    assert line.endswith(
        "plutôt que «\u00a0suggérée\u00a0» (B.atelier, suggestion calculée par Atelier, jamais décidée)"
    ), line
    english = _merge_en(b, a, tmp_path / "M_BA_en.atelier")
    line = next(s for s in english.splitlines() if "decision:" in s)
    assert len(re.findall(r"\d\d:\d\d", line)) == 1, line
    assert line.endswith(
        "rather than “suggested” (B.atelier, a suggestion Atelier computed, never decided)"
    ), line
