"""What the command line gives as JSON, assembled here: the whole file (`atelier export FILE
--json OUT`), its workshops, the follow-up of its matches, the directory's hits."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from atelier.domain import FollowUp, ItemKind
from atelier.french import short_date
from atelier.i18n import message
from atelier.reasons import aimed, checked, helper_away, say_all
from atelier.store import Store

if TYPE_CHECKING:
    from atelier.domain import DirectoryHit, FollowUpEntry, Match, Participant, Workshop

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
            # False: asked not to be published in the directory (« ne pas publier »): a program
            # reading this file must not list them across workshops either.
            "in_directory": not participant.unlisted,
            # « excused », « absent » (their cell says so: not in the room), « represented »
            # (someone came instead: `represented_by`), else « present ».
            "attendance": participant.away()
            or ("represented" if participant.represented_by() else "present"),
            "represented_by": participant.represented_by(),
        }
        own = by_participant.get(participant.id, [])
        for kind, key in _LISTS.items():
            entry[key] = [i.text for i in own if i.kind == kind]
        entry["items"] = [
            {"id": i.id, "kind": str(i.kind), "text": i.text, "position": i.position} for i in own
        ]
        participants.append(entry)
    from atelier.matching.across import with_themself

    matches = []
    stored = store.matches(workshop_id)
    # The file as it is, a match older versions confirmed between two spellings of one person
    # (« A. Martin » ← « Mme Anne Martin ») too, said as such: no document tells it.
    themself = with_themself(store, stored)
    away: dict[str, str] = {}  # helper of another workshop -> EXCUSED, ABSENT or ""
    for match in stored:
        need = item_index.get(match.need_id)
        resource = item_index.get(match.resource_id)
        if resource is None:  # an offer of another workshop of the file (matching across workshops)
            resource = item_index[match.resource_id] = store.item(match.resource_id)
            # Someone who asked not to be published in the directory: not named in another
            # workshop's entries, as its pages, minutes and follow-up say them (seen_from).
            helper = store.participant(resource.participant_id).seen_from(workshop_id)
            display[helper.id] = helper.display_name()
            away[helper.id] = helper.away()
        # Their cell there says they were not at it (« (excusée) »): never « a proposé lors de
        # l'atelier du … » (reasons.helper_away), as the pages and the follow-up say it.
        told = helper_away(match.reasons, away.get(resource.participant_id, "") if resource else "")
        matches.append(
            {
                "id": match.id,
                "need": match.need_id,
                "offer": match.resource_id,
                "status": str(match.status),
                "score": round(match.score, 4),
                # An aim typed among actions (reasons.aimed): never « Action déjà menée ».
                "reasons": say_all(told, confirmed=checked(match), aim=aimed(resource.kind, resource.text))
                if told
                else [],
                "why": [r.as_json() for r in match.reasons],
                "note": match.note,
                "follow_up": str(match.follow_up),
                "follow_up_changed": match.follow_up_changed,
                "follow_up_steps": steps_as_json(match),
                "need_text": need.text if need else "",
                "offer_text": resource.text if resource else "",
                "offer_source": str(resource.kind) if resource else "",
                "need_participant": display.get(need.participant_id, "") if need else "",
                "offer_participant": display.get(resource.participant_id, "") if resource else "",
                "with_themself": match.id in themself,
                # a statement retyped since the decision (when, UTC; "" when not): to review
                "retyped": match.retyped,
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


def file_as_json(store: Store, workshop_id: str | None = None) -> str:
    """`atelier export FILE --json`: the whole file, or one workshop of it, as JSON text."""
    if workshop_id is None:
        data = file_as_dict(store)
    else:
        data = {"format_version": store.format_version, "workshops": [workshop_as_dict(store, workshop_id)]}
    from atelier.terminal import json_text

    return json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"  # no terminal control raw


def workshops_as_list(store: Store) -> list[dict[str, Any]]:
    """The workshops of a file with what each holds (`atelier workshops`)."""
    from atelier.matching.across import one_person

    listed = []
    away = store.away_counts()
    people = store.people_counts()
    for w in store.workshops():
        decided = store.follow_ups(w.id)
        # Counted as `suivi` and the window count them: a match older versions made of a person
        # with themself is no one's to follow up, counted apart.
        themself = sum(one_person(e.need_participant, e.resource_participant) for e in decided)
        listed.append(
            {
                "id": w.id,
                "title": w.title,
                "date": w.date,
                "place": w.place,
                "participants": len(store.participants(w.id)),  # rows of the grid
                # The people those rows name (two in « Anne Martin et Paul Durand »).
                "people": people.get(w.id, 0),
                # Of them, those their cell says were excused or absent (not in the room).
                "away": away.get(w.id, 0),
                "items": len(store.workshop_items(w.id)),
                "confirmed_matches": len(decided) - themself,
                # Of them, those followed up « sans suite »: no live match, said so.
                "dropped": sum(
                    e.match.follow_up == FollowUp.DROPPED
                    and not one_person(e.need_participant, e.resource_participant)
                    for e in decided
                ),
                "with_themself": themself,
            }
        )
    return listed


def steps_as_json(match: Match) -> list[dict[str, Any]]:
    """A match's follow-up steps: the state, its local day (None: not known), when recorded, and
    the copy a merge took it from (None: recorded in this file)."""
    return [
        {
            "state": step.state.value,
            "day": short_date(step.at, "en") or None,
            "recorded": step.recorded,
            "copy": step.copy or None,
        }
        for step in match.follow_up_steps
    ]


def state_label(state: FollowUp | str) -> str:
    return message(f"state.{FollowUp(state).value}")


def who(participant: Participant) -> str:
    """A participant as the follow-up says it: « names (structure) », or what is known."""
    return participant.display_name() or "—"


def entry_as_dict(entry: FollowUpEntry, workshop_id: str | None = None) -> dict[str, Any]:
    """A follow-up entry; listed for one workshop (`workshop_id`), with the side its people
    are on: "need" (said there) or "helper" (one of them helps a need of another workshop)."""
    from atelier.matching.across import one_person

    match = entry.match

    def workshop(w: Workshop) -> dict[str, Any]:
        return {"id": w.id, "title": w.title, "date": w.date}

    # A helper of another workshop whose cell there says they were not at it: never « a
    # proposé lors de l'atelier du … » (reasons.helper_away), as `atelier suivi` says it.
    elsewhere = entry.resource_workshop.id != entry.workshop.id
    told = helper_away(match.reasons, entry.resource_participant.away() if elsewhere else "")

    return {
        "id": match.id,
        "short_id": entry.short_id,
        "workshop": workshop(entry.workshop),
        "status": str(match.status),
        "state": str(match.follow_up),
        "state_label": state_label(match.follow_up),
        "state_changed": short_date(match.follow_up_changed, "en") or None,
        # Every step since the match was decided, oldest first: {"state", "day", "recorded", "copy"}.
        "steps": steps_as_json(match),
        "note": match.note,
        # when the need or the resource was retyped since the decision (UTC; "" when not): to review
        "retyped": match.retyped,
        "need": {
            "id": entry.need.id,
            "text": entry.need.text,
            "participant": who(entry.need_participant),
            "participant_id": entry.need_participant.id,
        },
        "resource": {
            "id": entry.resource.id,
            "text": entry.resource.text,
            "kind": str(entry.resource.kind),
            "participant": who(entry.resource_participant),
            "participant_id": entry.resource_participant.id,
            "workshop": workshop(entry.resource_workshop),
        },
        "reasons": say_all(
            told, confirmed=checked(match), aim=aimed(entry.resource.kind, entry.resource.text)
        )
        if told
        else [],
        "why": [r.as_json() for r in match.reasons],
        # Older versions confirmed « A. Martin » with what « Mme Anne Martin » offered: kept in
        # the file, nobody's to follow up, flagged as `export --json` flags it.
        "with_themself": one_person(entry.need_participant, entry.resource_participant),
        **({"side": "need" if entry.workshop.id == workshop_id else "helper"} if workshop_id else {}),
    }


def hit_as_dict(hit: DirectoryHit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "kind_label": message(f"hit.{hit.kind}"),
        "id": hit.ref,
        "text": hit.text,
        "fields": hit.fields,
        "why": hit.why,
        "participant": {
            "id": hit.participant.id,
            "display": hit.participant.display_name(),
            "names": hit.participant.names,
            "organisation": hit.participant.organisation,
            "territory": hit.participant.territory,
            # « excused », « absent » (their cell says so: not at that workshop), else « present ».
            "attendance": hit.participant.away() or "present",
        },
        "workshop": {"id": hit.workshop.id, "title": hit.workshop.title, "date": hit.workshop.date},
        # A person found at several workshops is one hit (`one_row_per_person`): each of them,
        # the latest first, with « excused » or « absent » when their cell there says so.
        "workshops": [
            {"id": w.id, "title": w.title, "date": w.date, "attendance": hit.away_at.get(w.id, "present")}
            for w in hit.workshops
        ]
        if hit.workshops
        else [
            {
                "id": hit.workshop.id,
                "title": hit.workshop.title,
                "date": hit.workshop.date,
                "attendance": hit.participant.away() or "present",
            }
        ],
    }
