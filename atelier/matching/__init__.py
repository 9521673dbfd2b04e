"""Match needs to offers across participants: French, offline, each suggestion with its reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from atelier.domain import (
    ITEM_KINDS,
    GlossaryKind,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    Reason,
    people_of,
)
from atelier.matching.engine import (
    Engine,
    NeedGroup,
    Statement,
    Suggestion,
)
from atelier.matching.text import Glossary, default_glossary

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors
    from atelier.store import Store
    from atelier.store.matches import Explain

__all__ = [
    "Engine",
    "Glossary",
    "MatchReport",
    "NeedGroup",
    "Statement",
    "Suggestion",
    "default_glossary",
    "engine_for",
    "explainer",
    "own_names",
    "participant_statements",
    "match_workshop",
    "reasons_now",
    "need_groups",
    "save_suggestions",
    "statements",
    "workshop_glossary",
]


@dataclass
class MatchReport:
    workshop_id: str
    suggestions: dict[str, list[Suggestion]]
    groups: list[NeedGroup] = field(default_factory=list)


def statements(store: Store, workshop_id: str) -> list[Statement]:
    """The workshop's statements, each with its speaker's structure and names (`Statement.own`).
    Not those of a participant who was not in the room (`Participant.away`: « (excusé) »): no
    one is matched as if there."""
    everyone = store.participants(workshop_id)
    away = {p.id for p in everyone if p.away()}
    participants = {p.id: p for p in everyone}
    return [
        Statement(
            item.id,
            item.participant_id,
            item.kind,
            item.text,
            own_names(participants[item.participant_id]) if item.participant_id in participants else (),
            participants[item.participant_id].organisation if item.participant_id in participants else "",
        )
        for item in store.workshop_items(workshop_id)
        if item.kind in ITEM_KINDS and item.participant_id not in away
    ]


def participant_statements(store: Store, participant_id: str, kind: ItemKind) -> list[Statement]:
    """One participant's statements of one kind (a need edited in the window), as `statements`."""
    participant = store.participant(participant_id)
    if participant.away():  # not in the room: matched with no one (`statements`)
        return []
    own = own_names(participant)
    return [
        Statement(i.id, i.participant_id, i.kind, i.text, own, participant.organisation)
        for i in store.items(participant_id, kind)
    ]


def own_names(participant: Participant) -> tuple[str, ...]:
    """What names the speaker: their structure and each person's name."""
    return tuple(n for n in (participant.organisation, *participant.names) if n and n.strip())


def workshop_glossary(store: Store, workshop_id: str, base: Glossary | None = None) -> Glossary:
    """The shipped glossary with the workshop's own acronyms and families added."""
    acronyms: dict[str, str] = {}
    families: dict[str, list[str]] = {}
    for entry in store.glossary(workshop_id):
        if entry.kind == GlossaryKind.ACRONYM:
            acronyms[entry.term] = " ".join(entry.words)
        else:
            families[entry.term] = list(entry.words)
    return (base or default_glossary()).merged(acronyms, families)


def engine_for(
    store: Store, workshop_id: str, glossary: Glossary | None = None, vectors: WordVectors | None = None
) -> Engine:
    engine = Engine(workshop_glossary(store, workshop_id, glossary), vectors)
    engine.index(statements(store, workshop_id))
    return engine


def match_workshop(
    store: Store,
    workshop_id: str,
    *,
    top: int = 5,
    glossary: Glossary | None = None,
    engine: Engine | None = None,
    vectors: WordVectors | None = None,
    across: bool = False,
) -> MatchReport:
    """Suggestions for every need, never pairs the facilitator rejected or already decided.

    With `vectors` (see `atelier.matching.semantic`), meaning counts beyond shared words.
    With `across`, offers and actions of the file's other workshops too (see `across.py`)."""
    engine = engine or engine_for(store, workshop_id, glossary, vectors)
    decided = {
        (m.need_id, m.resource_id) for m in store.matches(workshop_id) if m.status != MatchStatus.SUGGESTED
    }
    suggestions: dict[str, list[Suggestion]] | None = None
    if across:
        from atelier.matching.across import AcrossMatcher, other_workshops

        needs = [engine.statements[n] for n in engine.need_ids()]
        others = other_workshops(store, workshop_id, needs, engine.glossary)
        if others:
            matcher = AcrossMatcher(others, engine.glossary, vectors)
            suggestions = matcher.suggest_all(list(engine.statements.values()), top=top, excluded=decided)
    if suggestions is None:
        suggestions = engine.suggest(top=top, excluded=decided)
    return MatchReport(workshop_id, suggestions, need_groups(store, workshop_id, engine))


def need_groups(store: Store, workshop_id: str, engine: Engine | None = None) -> list[NeedGroup]:
    """The needs several participants share (`Engine.groups`), as every place that shows them
    gets them: `atelier match`, the Excel summary, the minutes' « Les besoins de ressources »
    and the window's draft of them. One computation, so that they all show the same groups of
    the same file: the workshop's glossary and the app's word vectors (how rare each word is
    in French, which words are everyday French: what makes two needs alike and what a group
    may be named by), whatever the matching used. The Excel sheet read the file without them
    while `atelier match` had them, and the example's « Besoins partagés » differed (3 needs on
    « partage d'expériences » in one, 5 on « coopération » in the other). `engine`: one
    already indexed on the workshop, used if it reads the same vectors."""
    from atelier.matching.semantic import shared_vectors

    vectors = shared_vectors()
    if engine is None or engine.vectors is not vectors:
        engine = engine_for(store, workshop_id, vectors=vectors)
    # Counted in people, as the minutes count participants (« 25 participants (23 lignes de la
    # grille) »): a row naming two people is two of those who share the need.
    return engine.groups(heads={p.id: people_of(p) for p in store.participants(workshop_id)})


def save_suggestions(store: Store, workshop_id: str, suggestions: dict[str, list[Suggestion]]) -> int:
    """Replace the stored suggestions of these needs; decisions are never touched. The needs
    of someone whose cell now says they were not in the room (« Paul Durand (excusé) ») are
    matched with no one (`statements`): the suggestions stored for them before their cell
    said so go too, never left for the projector, `atelier info` or a document to tell."""
    matches = [
        Match(workshop_id, s.need_id, s.resource_id, MatchStatus.SUGGESTED, s.score, s.reasons)
        for found in suggestions.values()
        for s in found
    ]
    away = sorted(store.away_needs_suggested(workshop_id) - suggestions.keys())
    return store.replace_suggestions(workshop_id, [*suggestions, *away], matches)


def suggestions_unchanged(store: Store, workshop_id: str, suggestions: dict[str, list[Suggestion]]) -> bool:
    """Whether the file already holds exactly these suggestions for these needs (then saving
    them would change nothing, and an older file is not upgraded for nothing)."""
    decided = store.decided_pairs(workshop_id)
    if store.away_needs_suggested(workshop_id) - suggestions.keys():
        return False  # theirs go when saved (`save_suggestions`)
    stored = {
        (m.need_id, m.resource_id, round(m.score, 6))
        for m in store.matches(workshop_id)
        if m.status == MatchStatus.SUGGESTED and m.need_id in suggestions
    }
    fresh = {
        (s.need_id, s.resource_id, round(s.score, 6))
        for found in suggestions.values()
        for s in found
        if (s.need_id, s.resource_id) not in decided
    }
    return stored == fresh


def reasons_now(store: Store, matches: Sequence[Match]) -> dict[str, list[Reason]]:
    """Why each of these matches, for the texts of its need and resource as they are now (a
    decided match whose statement was retyped): the engine's reasons for the pair, by match
    id, from the words, acronyms and themes they share (not the language model: nothing is
    loaded for it). A pair the new texts no longer link gets no reason, which every reader
    says « Mise en relation décidée par l'animateur »: true, where the old reasons were not."""
    from atelier.reasons import KIND_REASONS

    found: dict[str, list[Reason]] = {}
    by_workshop: dict[str, list[Match]] = {}
    for match in matches:
        by_workshop.setdefault(match.workshop_id, []).append(match)
    for workshop_id, theirs in by_workshop.items():
        engine = Engine(workshop_glossary(store, workshop_id))
        known = statements(store, workshop_id)
        here = {s.id for s in known}
        for match in theirs:  # a resource of another workshop (matching across workshops)
            if match.resource_id not in here:
                item = store.item(match.resource_id)
                own = own_names(store.participant(item.participant_id))
                known.append(Statement(item.id, item.participant_id, item.kind, item.text, own))
                here.add(item.id)
        engine.index(known)
        for match in theirs:
            if match.need_id not in engine.analyses or match.resource_id not in engine.analyses:
                found[match.id] = []
                continue
            reasons = engine.reasons(match.need_id, match.resource_id)
            linking = [r for r in reasons if not (r.kind in KIND_REASONS and not r.words)]
            found[match.id] = reasons if linking else []
    return found


def explainer(store: Store) -> Explain:
    """What the store is given to explain anew the decided matches whose statement an edit or
    a re-import retyped: `reasons_now` on the same store (inside its transaction, so on the
    texts just written)."""

    def explain(matches: Sequence[Match]) -> dict[str, list[Reason]]:
        return reasons_now(store, matches)

    return explain
