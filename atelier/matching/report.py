"""A matching run as the `atelier match` JSON and as a readable French listing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from atelier.confidence import confidence
from atelier.domain import ItemKind, MatchStatus, Participant, Reason, listed_order
from atelier.errors import AtelierError
from atelier.matching import MatchReport
from atelier.reasons import (
    aimed,
    checked,
    english_theme_names,
    on_its_subject,
    one_word_of_a_short_statement,
    say_all,
)
from atelier.store import Store

if TYPE_CHECKING:
    from atelier.matching.engine import NeedGroup


def report_as_dict(
    store: Store,
    report: MatchReport,
    lang: str | None = None,
) -> dict[str, Any]:
    """{"workshop", "needs": [{id, participant, text, suggestions: [...]}], "groups"}.

    Confirmed and hand-made matches are listed with the engine's suggestions, each with its
    "status"; a rejected pair never is. The decisions come first, confirmed then added by
    hand, then the suggestions (`domain.listed_order`); each group as the window ranks
    suggestions (`domain.shown_order`): offers that answer first, then by descending score.
    Each has its "confidence" (« très probable », « possible », « à vérifier ») and its
    "reasons" said in `lang` (the user's language by default), and its reasons as data ("why").
    Each row is named as it is now, by its people and structure (`Participant.display_name`),
    never by its cell as typed: that ran the names into the structure, and named a row
    corrected since by its old name.
    """
    workshop_id = report.workshop_id

    def name(participant: Participant) -> str:
        return participant.display_name(lang)

    participants = {p.id: p for p in store.participants(workshop_id)}
    items = {i.id: i for i in store.workshop_items(workshop_id)}
    # How many statements the grid holds: in a small one, one word in common is « possible »
    # at most (`one_word_of_a_short_statement`).
    statements = len(items)
    workshops = {w.id: w for w in store.workshops()}
    # Offers and actions of other workshops of the file (matching across workshops).
    elsewhere = {
        resource_id
        for found in report.suggestions.values()
        for resource_id in (s.resource_id for s in found)
        if resource_id not in items
    } | {m.resource_id for m in store.matches(workshop_id) if m.resource_id not in items}
    for resource_id in elsewhere:
        try:
            items[resource_id] = store.item(resource_id)
        except AtelierError:
            continue
        owner = items[resource_id].participant_id
        if owner not in participants:
            participants[owner] = store.participant(owner)
    decisions: dict[str, list[Any]] = {}
    for match in store.matches(workshop_id):
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            decisions.setdefault(match.need_id, []).append(match)
    decided = {(m.need_id, m.resource_id): str(m.status) for found in decisions.values() for m in found}
    # decided before their need or resource was retyped: said « texte modifié depuis la décision, à revoir »
    retyped = {(m.need_id, m.resource_id) for found in decisions.values() for m in found if m.retyped}
    needs = []
    away = {p.id for p in participants.values() if p.away()}  # not in the room: matched with no one
    for item in store.workshop_items(workshop_id, ItemKind.NEED):
        if item.participant_id in away and item.id not in decisions:
            continue
        entries: dict[str, dict[str, Any]] = {}
        thins: dict[str, bool] = {}  # resource id -> « possible » at most whatever its score
        for suggestion in report.suggestions.get(item.id, []):
            resource = items[suggestion.resource_id]
            helper = participants[resource.participant_id]
            aim = aimed(resource.kind, resource.text)
            thin = one_word_of_a_short_statement(suggestion.reasons, item.text, resource.text, statements)
            thins[resource.id] = thin
            entries[resource.id] = {
                "id": resource.id,
                # what the facilitator decided (« confirmed », « manual »), or « suggested »
                "status": decided.get((item.id, resource.id), str(MatchStatus.SUGGESTED)),
                "participant": name(helper),
                "text": resource.text,
                "source": suggestion.source,
                "score": suggestion.score,
                "confidence": confidence(suggestion.score, lang, thin=thin),
                # decided since, and not retyped: never « à vérifier » (reasons.checked)
                "reasons": say_all(
                    suggestion.reasons,
                    lang,
                    confirmed=(item.id, resource.id) in decided and (item.id, resource.id) not in retyped,
                    aim=aim,
                ),
                "why": [r.as_json() for r in suggestion.reasons],
            }
            if aim:  # an aim typed among their actions: « a pour objectif », never « a déjà fait »
                entries[resource.id]["aim"] = True
            if helper.workshop_id != workshop_id:
                entries[resource.id]["workshop"] = _workshop_dict(workshops[helper.workshop_id])
            if (item.id, resource.id) in retyped:  # only then, as « workshop »
                entries[resource.id]["retyped"] = True
        for match in decisions.get(item.id, []):
            if match.resource_id not in items or match.resource_id in entries:
                continue
            resource = items[match.resource_id]
            helper = participants[resource.participant_id]
            aim = aimed(resource.kind, resource.text)
            if helper.workshop_id != workshop_id:
                entries[resource.id] = {"workshop": _workshop_dict(workshops[helper.workshop_id])}
            entries.setdefault(resource.id, {}).update(
                {
                    "id": resource.id,
                    "status": str(match.status),
                    "participant": name(participants[resource.participant_id]),
                    "text": resource.text,
                    "source": str(resource.kind) if resource.kind != ItemKind.NEED else "offer",
                    "score": round(match.score, 4),
                    "confidence": confidence(
                        match.score,
                        lang,
                        thin=one_word_of_a_short_statement(
                            match.reasons, item.text, resource.text, statements
                        ),
                    ),
                    "reasons": say_all(match.reasons, lang, confirmed=checked(match), aim=aim),
                    "why": [r.as_json() for r in match.reasons],
                }
            )
            if aim:
                entries[resource.id]["aim"] = True
            if match.retyped:
                entries[resource.id]["retyped"] = True
        needs.append(
            {
                "id": item.id,
                "participant": name(participants[item.participant_id]),
                # How many people speak (« Corinne Corcuff et Sefallah Mahamat Bindi … cherchent »).
                "people": max(1, len([n for n in participants[item.participant_id].names if n.strip()])),
                "text": item.text,
                # Decisions first (their "status"), then suggestions: never one among the other;
                # a « possible » at most (`thin`) never above a « très probable » one.
                "suggestions": sorted(
                    entries.values(),
                    key=lambda e: listed_order(
                        e["status"], e["source"], e["score"], thins.get(e["id"], False)
                    ),
                ),
            }
        )
    return {
        "workshop": workshop_id,
        "needs": needs,
        "groups": [
            {
                "label": _group_label(g, lang),
                "needs": g.need_ids,
                "participants": g.headcount(),
                "topic": g.topic,
            }
            for g in report.groups
        ],
    }


def _group_label(group: NeedGroup, lang: str | None) -> str:
    """« 3 participants cherchent des ressources sur : financement » in `lang` (the user's
    language by default), as the listing and the Excel summary say it: in English « 3
    participants are looking for resources on: funding », the theme as the glossary names it
    in English (a theme of the workshop's own words: as they wrote it)."""
    from atelier.french import counted
    from atelier.i18n import MESSAGES, current_language

    language = "en" if (lang or current_language()).startswith("en") else "fr"
    if language == "fr":
        return group.label
    topic = english_theme_names().get(group.topic, group.topic) or MESSAGES["match.same_topic"]["en"]
    return counted(group.headcount(), "n.seekers", "en", topic=topic)


def _workshop_dict(workshop: Any) -> dict[str, Any]:
    return {"id": workshop.id, "title": workshop.title, "date": workshop.date}


def report_as_text(data: dict[str, Any]) -> str:
    """The listing of `atelier match`, in the user's language (the reasons already are)."""
    from atelier.french import counted
    from atelier.i18n import current_language, message

    lines = []
    if not data["needs"]:  # not an empty line: say why nothing follows
        lines.append(message("match.no_needs"))
    for need in data["needs"]:
        # The verb agrees with the people who speak (the same rule as `french.subject`).
        seeks = "match.seeks_many" if need.get("people", 1) >= 2 else "match.seeks"
        lines.append(message(seeks, who=need["participant"], text=need["text"]))
        if not need["suggestions"]:
            lines.append(message("match.none"))
        # What the facilitator decided under its heading, then what Atelier suggests under its
        # own: never a decision read as one more suggestion. No decision: no heading.
        decided = sum(
            s.get("status", MatchStatus.SUGGESTED) != MatchStatus.SUGGESTED for s in need["suggestions"]
        )
        for place, suggestion in enumerate(need["suggestions"]):
            if decided and place == 0:
                lines.append(counted(decided, "n.match.decided_heading"))
            if decided and place == decided:
                lines.append(counted(len(need["suggestions"]) - decided, "n.match.suggested_heading"))
            source = suggestion["source"]
            why = [Reason.from_json(r) for r in suggestion["why"]]
            if source == "challenge" and not on_its_subject(why):
                source = "challenge_theirs"  # « même défi » only for one on the need's subject
            if source == "action" and suggestion.get("aim"):
                source = "aim"  # an aim typed among their actions: « a pour objectif »
            kind = message(f"match.kind.{source}")
            if "workshop" in suggestion:
                kind += message("match.elsewhere")
            status = suggestion.get("status", str(MatchStatus.SUGGESTED))
            lines.append(
                message(
                    "match.helper",
                    who=suggestion["participant"],
                    kind=kind,
                    # decided by the facilitator: said so, not a guess of the engine's
                    # as the JSON says it (in the user's language, as the reasons are): the
                    # grid's size counts in it (`one_word_of_a_short_statement`)
                    score=suggestion["confidence"]
                    if status == MatchStatus.SUGGESTED
                    else message(f"match.status.{status}")
                    + (message("match.retyped") if suggestion.get("retyped") else ""),
                    text=suggestion["text"],
                )
            )
            for reason in suggestion["reasons"]:
                lines.append(f"      · {reason}")
        lines.append("")
    if data["groups"]:
        lines.append(message("match.groups"))
        for group in data["groups"]:
            people = group.get("participants")
            if people is None:
                lines.append(f"  - {group['label']}")
                continue
            topic = group.get("topic")
            if topic and current_language() == "en":
                topic = english_theme_names().get(topic, topic)  # a theme of the workshop's own: as named
            topic = topic or message("match.same_topic")
            lines.append("  - " + counted(people, "n.seekers", topic=topic))
    return "\n".join(lines) + "\n"
