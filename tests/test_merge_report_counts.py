"""What `atelier merge` counts, it lists: « 2 champs mis à jour » is two lines, a contact
empty in this file and filled in the copy among them (it was counted and never named); and
the suggestions Atelier computed in the copy are said as such, not as « entrées ajoutées »
as if someone had typed them."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _copies(tmp_path: Path) -> tuple[Path, Path, list]:
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, a)
    shutil.copy(EXAMPLE, b)
    with Store.open(a, readonly=True) as store:
        people = store.participants(store.workshops()[0].id)
    return a, b, people


def _merge(a: Path, b: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> str:
    done = run_cli("merge", str(a), str(b), "-o", str(out), *extra, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_field_counted_as_updated_is_listed_a_contact_filled_in_too(tmp_path: Path) -> None:
    a, b, people = _copies(tmp_path)
    empty = next(p for p in people if not p.contact)
    time.sleep(0.01)
    with Store.open(b) as store:
        store.update_participant(empty.id, contact="g.talvy@region.fr")
        store.update_participant(next(p for p in people if p.role).id, role="Chargée de mission emploi")
    said = _merge(a, b, tmp_path / "c.atelier")
    assert "0 conflit, 2 champs mis à jour." in said, said
    listed = [line for line in said.splitlines() if line.startswith("  - ")]
    assert len(listed) == 2, said
    (filled,) = [line for line in listed if "g.talvy@region.fr" in line]
    assert "[complété]" in filled and "contact\u00a0:" in filled and "b.atelier" in filled, filled
    (updated,) = [line for line in listed if line is not filled]
    assert "[mis à jour]" in updated and "Chargée de mission emploi" in updated, updated
    english = _merge(a, b, tmp_path / "d.atelier", env={"ATELIER_LANG": "en"})
    assert "2 fields updated." in english
    (line,) = [line for line in english.splitlines() if "g.talvy@region.fr" in line]
    assert "[filled in]" in line and "contact:" in line, line
    data = json.loads(_merge(a, b, tmp_path / "e.atelier", "--json"))
    assert data["updated"] == 2 and len(data["filled_in"]) == 1


def test_suggestions_atelier_computed_in_the_copy_are_not_said_as_entries_added(tmp_path: Path) -> None:
    a, b, _people = _copies(tmp_path)
    done = run_cli("match", str(b), "--save", "--lexical", "--top", "3")
    assert done.returncode == 0, done.stderr
    with Store.open(b, readonly=True) as store:
        suggested = sum(
            1 for w in store.workshops() for m in store.matches(w.id) if m.status.value == "suggested"
        )
    assert suggested > 1
    said = _merge(a, b, tmp_path / "c.atelier")
    first = said.splitlines()[0]
    assert (
        f"0 entrée ajoutée et {suggested} suggestions calculées par Atelier depuis «\u00a0b.atelier\u00a0»"
        in first
    ), first
    english = _merge(a, b, tmp_path / "d.atelier", env={"ATELIER_LANG": "en"}).splitlines()[0]
    assert f"and {suggested} suggestions computed by Atelier from “b.atelier”" in english, english


def test_the_windows_report_lists_the_field_filled_in(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers.keyboard import active_window

    a, b, people = _copies(tmp_path)
    empty = next(p for p in people if not p.contact)
    with Store.open(b) as store:
        store.update_participant(empty.id, contact="g.talvy@region.fr")
    boxes: list[tuple[str, str]] = []

    def shown(box: QMessageBox) -> int:
        boxes.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    window = active_window(qtbot, a)
    assert window.merge_file(b) is not None
    ((text, details),) = boxes
    assert text.endswith("0 conflit, 1 champ mis à jour."), text
    assert "[complété] Participant" in details and "g.talvy@region.fr" in details, details
    assert no_modal_boxes == []
