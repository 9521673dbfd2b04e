"""Édition › participants: a new row below the current one, the current one deleted or
moved; each an undoable command (ui/commands.py), and the grid keeps its place."""

from __future__ import annotations

from typing import Any

from atelier.domain import Participant
from atelier.french import join
from atelier.ui import commands
from atelier.ui.translate import tr


def add_participant(window: Any) -> None:
    """A new row below the current one, its participant cell ready to type."""
    if window.model is None or window.store.readonly:
        return
    if window.search.text():
        window.search.clear()
    current = window._current_participant_id()
    position = window.model.row_of(current) + 1 if current else window.model.rowCount()
    command = commands.AddParticipant(window.model, position)
    if commands.push(window.model, command):
        window._select(command.participant.id)
        window.grid.setFocus()
        window.grid.edit(window.grid.currentIndex())


def delete_participant(window: Any) -> None:
    """Ctrl+Suppr: the row goes at once (asking would break the typing), and the status bar
    says who went and how to bring them back, as Suppr on a cell does."""
    participant_id = window._current_participant_id()
    if window.model is None or participant_id is None or window.store.readonly:
        return
    # What was being typed for the row (its card, a cell) is saved first: Ctrl+Z then brings
    # the row back as it was on the screen, not without it.
    window.commit_open_editors()
    row = window.model.row_of(participant_id)
    column = window.grid.currentIndex().column()
    who = _said(window.model.participant_at(row), row)
    deleted = commands.push(window.model, commands.DeleteParticipant(window.model, participant_id))
    if not deleted:
        return
    if window.model.rowCount():
        next_row = min(row, window.model.rowCount() - 1)
        window._select(window.model.participant_at(next_row).id, column)
    decided = commands.decisions_undone_with(window.model.undo_stack)
    if decided:  # their follow-up goes with them: said, not found missing later
        text = tr("Participant « {who} » supprimé, avec {decided} — Ctrl+Z pour annuler")
    else:
        text = tr("Participant « {who} » supprimé — Ctrl+Z pour annuler")
    window.say_undoable(text.format(who=who, decided=decided))


def _said(participant: Participant, row: int) -> str:
    """« Zoé Martin et Loïc Bérard », else the structure, else the line: who the row was."""
    return (
        join(participant.names)
        or participant.organisation
        or participant.source_text
        or tr("ligne {n}").format(n=row + 1)
    )


def move_participant(window: Any, step: int) -> None:
    participant_id = window._current_participant_id()
    if window.model is None or participant_id is None or window.store.readonly:
        return
    row = window.model.row_of(participant_id)
    target = row + step
    if not 0 <= target < window.model.rowCount():
        return
    column = window.grid.currentIndex().column()
    if commands.push(window.model, commands.MoveParticipant(window.model, participant_id, target)):
        window._select(participant_id, column)
