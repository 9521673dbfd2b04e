"""The whole file as plain JSON-ready data (`atelier export FILE --json OUT`)."""

from __future__ import annotations

from typing import Any

from atelier.domain import ItemKind
from atelier.reasons import say_all
from atelier.store import Store

_LISTS = {
    ItemKind.ACTION: "actions",
    ItemKind.CHALLENGE: "challenges",
    ItemKind.NEED: "needs",
    ItemKind.OFFER: "offers",
}


def file_as_dict(store: Store) -> dict[str, Any]:
    return {
        "format_version": store.format_version,
        "workshops": [workshop_as_dict(store, w.id) for w in store.workshops()],
    }


def workshop_as_dict(store: Store, workshop_id: str) -> dict[str, Any]:
    workshop = store.workshop(workshop_id)
    items = store.workshop_items(workshop_id)
    by_participant: dict[str, list[Any]] = {}
    item_index = {}
    for item in items:
        by_participant.setdefault(item.participant_id, []).append(item)
        item_index[item.id] = item
    participants = []
    display = {}
    for participant in store.participants(workshop_id):
        display[participant.id] = participant.display_name()
        entry: dict[str, Any] = {
            "id": participant.id,
            "names": participant.names,
            "organisation": participant.organisation,
            "territory": participant.territory,
            "role": participant.role,
            "contact": participant.contact,
            "source_text": participant.source_text,
            "display": participant.display_name(),
        }
        own = by_participant.get(participant.id, [])
        for kind, key in _LISTS.items():
            entry[key] = [i.text for i in own if i.kind == kind]
        entry["items"] = [
            {"id": i.id, "kind": str(i.kind), "text": i.text, "position": i.position} for i in own
        ]
        participants.append(entry)
    matches = []
    for match in store.matches(workshop_id):
        need = item_index.get(match.need_id)
        resource = item_index.get(match.resource_id)
        if resource is None:  # an offer of another workshop of the file (matching across workshops)
            resource = item_index[match.resource_id] = store.item(match.resource_id)
            helper = store.participant(resource.participant_id)
            display[helper.id] = helper.display_name()
        matches.append(
            {
                "id": match.id,
                "need": match.need_id,
                "offer": match.resource_id,
                "status": str(match.status),
                "score": round(match.score, 4),
                "reasons": say_all(match.reasons) if match.reasons else [],
                "why": [r.as_json() for r in match.reasons],
                "note": match.note,
                "follow_up": str(match.follow_up),
                "follow_up_changed": match.follow_up_changed,
                "need_text": need.text if need else "",
                "offer_text": resource.text if resource else "",
                "offer_source": str(resource.kind) if resource else "",
                "need_participant": display.get(need.participant_id, "") if need else "",
                "offer_participant": display.get(resource.participant_id, "") if resource else "",
            }
        )
    return {
        "id": workshop.id,
        "title": workshop.title,
        "date": workshop.date,
        "place": workshop.place,
        "organiser": workshop.organiser,
        "contact": workshop.contact,
        "description": workshop.description,
        "themes": workshop.themes,
        "participants": participants,
        "matches": matches,
        "synthesis": [
            {"id": s.id, "heading": s.heading, "body": s.body} for s in store.synthesis_sections(workshop_id)
        ],
    }
