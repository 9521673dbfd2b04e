"""Paul Durand's cell was corrected to say he was excused after the workshop had been matched.
Matching again suggested nothing of his, but left the suggestions stored for his need before:
`atelier match --save` said « … contient déjà ces suggestions : il n'a pas été modifié. » and
`atelier info` still counted them, and the window, opened on the file, kept them for the
projector to show the room with its suggestions on (« Paul Durand … cherche … »). Saving
suggestions now drops those of someone away; what the facilitator decided stays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import MatchStatus
from atelier.store import Store
from tests.conftest import run_cli
from tests.test_excused_after_matching import _matched_then_excused

from .helpers.keyboard import active_window, key


def _pauls(path: Path) -> tuple[list, list]:
    """(Suggested, decided) matches of the file where Paul Durand's need or offer is one side."""
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        paul = next(p for p in store.participants(workshop_id) if p.names[0] == "Paul Durand")
        his = {i.id for i in store.workshop_items(workshop_id) if i.participant_id == paul.id}
        theirs = [m for m in store.matches(workshop_id) if m.need_id in his or m.resource_id in his]
    return (
        [m for m in theirs if m.status == MatchStatus.SUGGESTED],
        [m for m in theirs if m.status != MatchStatus.SUGGESTED],
    )


def test_matching_again_drops_the_suggestions_of_someone_now_excused(tmp_path: Path) -> None:
    path = _matched_then_excused(tmp_path, confirm=True)
    suggested, decided = _pauls(path)
    assert suggested and len(decided) == 1  # stored while he was there; one confirmed
    done = run_cli("match", str(path), "--save", "--lexical")
    assert done.returncode == 0, done.stderr
    assert "n'a pas été modifié" not in done.stdout + done.stderr, done.stdout
    suggested, still = _pauls(path)
    assert suggested == [], [(m.need_id, m.resource_id) for m in suggested]
    assert [m.id for m in still] == [m.id for m in decided]  # the decision stays
    # Saved again: nothing more to change, and it says so.
    done = run_cli("match", str(path), "--save", "--lexical")
    assert "n'a pas été modifié" in done.stdout + done.stderr, done.stdout


def test_the_window_drops_them_and_the_room_never_sees_him(qtbot, tmp_path: Path) -> None:
    path = _matched_then_excused(tmp_path)
    assert _pauls(path)[0]
    window = active_window(qtbot, path)
    try:
        qtbot.waitUntil(lambda: not window.matching._busy, timeout=30_000)
        qtbot.waitUntil(lambda: not _pauls(path)[0], timeout=10_000)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        projector = window.projector
        assert projector.suggestions  # « Montrer les suggestions », as the facilitator turns it on
        window.projector_view("cards")
        projector.render_image()
        painted = " ".join(projector.drawn)
        assert "Karim Benali" in painted or "Anne Martin" in painted, painted  # suggestions shown
        assert "Paul Durand" not in painted, painted
        projector.close()
    finally:
        window.close()
