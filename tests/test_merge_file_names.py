"""Two captures of one workshop often bear one name, « ex.atelier », each in its own folder
(two facilitators, two USB keys). The merge said « gardé « Pau » (ex.atelier …) plutôt que
« Lescar » (ex.atelier …) »: nobody could tell which copy had which. Each is now named with
its folder, in the command line, the window and the merge history."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _two_copies_named_alike(tmp_path: Path) -> tuple[Path, Path]:
    """salle 1/ex.atelier and salle 2/ex.atelier: the first participant's territory changed
    in both, the first copy's edit the newer one."""
    first, second = tmp_path / "salle 1" / "ex.atelier", tmp_path / "salle 2" / "ex.atelier"
    first.parent.mkdir()
    second.parent.mkdir()
    shutil.copy(EXAMPLE, first)
    shutil.copy(first, second)
    with Store.open(second) as store:
        workshop_id = store.workshops()[0].id
        participant = store.participants(workshop_id)[0]
        store.update_participant(participant.id, territory="Pau")
    with Store.open(first) as store:
        store.update_participant(participant.id, territory="Lescar")
    return first, second


def test_the_command_line_names_two_files_of_one_name_by_their_folders(tmp_path: Path) -> None:
    first, second = _two_copies_named_alike(tmp_path)
    done = run_cli("merge", str(first), str(second), "-o", str(tmp_path / "fusion.atelier"))
    assert done.returncode == 0, done.stderr
    summary, conflict = done.stdout.splitlines()[:2]
    assert "depuis «\xa0salle 2/ex.atelier\xa0»" in summary
    assert "gardé «\xa0Lescar\xa0» (salle 1/ex.atelier, modifié le " in conflict
    assert "plutôt que «\xa0Pau\xa0» (salle 2/ex.atelier, " in conflict
    # Merged again: the same copy brings nothing new, and says which is which.
    merged = tmp_path / "fusion.atelier"
    again = run_cli("merge", str(merged), str(second), "-o", str(tmp_path / "f2.atelier"))
    assert again.returncode == 0, again.stderr
    assert "rien de nouveau dans «\xa0ex.atelier\xa0», «\xa0fusion.atelier\xa0» avait" in again.stdout
    english = run_cli(
        "merge", str(first), str(second), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"}
    )
    assert "from “salle 2/ex.atelier”" in english.stdout
    assert "kept “Lescar” (salle 1/ex.atelier, changed " in english.stdout
    # Two names that differ are said as they are, without their folders.
    other = tmp_path / "salle 2" / "autre.atelier"
    shutil.copy(second, other)
    plain = run_cli("merge", str(first), str(other), "-o", str(tmp_path / "f3.atelier"))
    assert "(ex.atelier, modifié le " in plain.stdout and "(autre.atelier, " in plain.stdout


def test_the_window_names_the_copy_merged_in_by_its_folder(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    from tests.helpers.keyboard import active_window

    first, second = _two_copies_named_alike(tmp_path)
    window = active_window(qtbot, first)
    assert window.merge_file(second, report=False) is not None
    status = window.saved_label.text()
    undo = window.undo_action.text()
    history = window.show_merge_history(show=False).text.toPlainText()  # Qt gives « » as spaces
    window.close()
    assert "depuis «\xa0salle 2/ex.atelier\xa0»" in status
    assert undo == "&Annuler\xa0: fusionner «\xa0salle 2/ex.atelier\xa0»"  # no capital after « : »
    assert "« salle 1/ex.atelier » et « salle 2/ex.atelier »" in history
    assert "gardé « Lescar » (salle 1/ex.atelier, modifié le " in history
    assert no_modal_boxes == []
