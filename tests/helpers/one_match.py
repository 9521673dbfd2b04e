"""A workshop file of two people: Lucie's need put in touch with Cécile's offer, confirmed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store


def lucie_and_cecile(
    target: Path,
    held: date,
    *,
    title: str,
    need: str = "clauses d'insertion",
    offer: str = "clauses sociales",
    organisations: tuple[str, str] = ("", ""),
    reasons: list[Any] | None = None,  # Reason, or the plain sentences of older files
) -> str:
    """Write `target`: a workshop held on `held`, Lucie Leroy's need and Cécile Dallet's offer,
    their match confirmed (« à contacter » since it was made). Returns the match's id."""
    with Store.create(target, title=title, date=held.isoformat()) as store:
        workshop = store.workshops()[0]
        lucie = store.add_participant(
            Participant(workshop.id, names=["Lucie Leroy"], organisation=organisations[0])
        )
        cecile = store.add_participant(
            Participant(workshop.id, names=["Cécile Dallet"], organisation=organisations[1])
        )
        asked = store.add_item(Item(lucie.id, ItemKind.NEED, need))
        given = store.add_item(Item(cecile.id, ItemKind.OFFER, offer))
        match = Match(workshop.id, asked.id, given.id, MatchStatus.CONFIRMED, 0.4, list(reasons or []))
        return store.add_match(match).id
