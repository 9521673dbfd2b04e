"""A matching run as the `atelier match` JSON and as a readable French listing."""

from __future__ import annotations

from typing import Any

from atelier.domain import ItemKind, MatchStatus, Participant
from atelier.matching import MatchReport
from atelier.store import Store


def participant_text(participant: Participant) -> str:
    """The participant as the grid's cell said it (names and organisation)."""
    return participant.source_text or participant.display_name()


def report_as_dict(store: Store, report: MatchReport) -> dict[str, Any]:
    """{"workshop", "needs": [{id, participant, text, suggestions: [...]}], "groups"}.

    Confirmed and hand-made matches are listed with the engine's suggestions; a
    rejected pair never is. Suggestions are sorted by descending score.
    """
    workshop_id = report.workshop_id
    participants = {p.id: p for p in store.participants(workshop_id)}
    items = {i.id: i for i in store.workshop_items(workshop_id)}
    decisions: dict[str, list[Any]] = {}
    for match in store.matches(workshop_id):
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            decisions.setdefault(match.need_id, []).append(match)
    needs = []
    for item in store.workshop_items(workshop_id, ItemKind.NEED):
        entries: dict[str, dict[str, Any]] = {}
        for suggestion in report.suggestions.get(item.id, []):
            resource = items[suggestion.resource_id]
            entries[resource.id] = {
                "id": resource.id,
                "participant": participant_text(participants[resource.participant_id]),
                "text": resource.text,
                "source": suggestion.source,
                "score": suggestion.score,
                "reasons": suggestion.reasons,
            }
        for match in decisions.get(item.id, []):
            resource = items.get(match.resource_id)
            if resource is None or resource.id in entries:
                continue
            entries[resource.id] = {
                "id": resource.id,
                "participant": participant_text(participants[resource.participant_id]),
                "text": resource.text,
                "source": str(resource.kind) if resource.kind != ItemKind.NEED else "offer",
                "score": round(match.score, 4),
                "reasons": match.reasons or ["mise en relation décidée par l'animateur"],
            }
        needs.append(
            {
                "id": item.id,
                "participant": participant_text(participants[item.participant_id]),
                "text": item.text,
                "suggestions": sorted(entries.values(), key=lambda e: -e["score"]),
            }
        )
    return {
        "workshop": workshop_id,
        "needs": needs,
        "groups": [{"label": g.label, "needs": g.need_ids} for g in report.groups],
    }


SOURCE_FR = {"offer": "ressource", "action": "a déjà fait", "challenge": "même défi"}


def report_as_text(data: dict[str, Any]) -> str:
    lines = []
    for need in data["needs"]:
        lines.append(f"{need['participant']} cherche : {need['text']}")
        if not need["suggestions"]:
            lines.append("    (aucune ressource proche dans la grille)")
        for suggestion in need["suggestions"]:
            lines.append(
                f"  ← {suggestion['participant']} [{SOURCE_FR[suggestion['source']]}, "
                f"{suggestion['score']:.2f}] : {suggestion['text']}"
            )
            for reason in suggestion["reasons"]:
                lines.append(f"      · {reason}")
        lines.append("")
    if data["groups"]:
        lines.append("Besoins partagés :")
        lines += [f"  - {group['label']}" for group in data["groups"]]
    return "\n".join(lines) + "\n"
