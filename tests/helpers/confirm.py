"""Confirm the engine's own suggestions in a file, as the facilitator's « Confirmer » does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from atelier.domain import Match, MatchStatus
from atelier.store import Store


def confirm_suggested(
    store: Store, workshop_id: str, pairs: Iterable[tuple[str, str]], *, vectors: Any = None
) -> list[Any]:
    """For each (need's first words, resource's first words): the one suggestion the engine makes
    for them (the ten best of each need) confirmed, with its score and reasons. Returns those
    suggestions, in order; fails if a pair is not suggested exactly once."""
    from atelier.matching import match_workshop

    items = {i.id: i.text for i in store.workshop_items(workshop_id)}
    found = [
        s
        for each in match_workshop(store, workshop_id, top=10, vectors=vectors).suggestions.values()
        for s in each
    ]
    confirmed = []
    for need, resource in pairs:
        (suggestion,) = [
            s
            for s in found
            if items[s.need_id].startswith(need) and items[s.resource_id].startswith(resource)
        ]
        store.add_match(
            Match(
                workshop_id,
                suggestion.need_id,
                suggestion.resource_id,
                MatchStatus.CONFIRMED,
                suggestion.score,
                suggestion.reasons,
            )
        )
        confirmed.append(suggestion)
    return confirmed
