"""What the projector shows, as plain data (no Qt): match cards, the participant in the
spotlight, and the network of who can help whom, with people or structures named."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason
from atelier.french import join

if TYPE_CHECKING:
    from atelier.store import Store

REASON_LIMIT = 2


def person_label(participant: Participant, *, private: bool, lang: str | None = None) -> str:
    """How the room sees a participant: names and structure, or (private) structure or territory."""
    if private:
        return participant.organisation or participant.territory or "Participant"
    names = join(participant.names, lang)
    if names and participant.organisation:
        return f"{names} ({participant.organisation})"
    return names or participant.organisation or participant.territory or participant.source_text.strip()


def short_label(participant: Participant, label: str) -> str:
    """A name for the network: the first person (« et al. » for a pair), unless names are hidden."""
    if participant.names and participant.names[0] in label:
        more = (
            " +1"
            if len(participant.names) == 2
            else (f" +{len(participant.names) - 1}" if participant.names[1:] else "")
        )
        return participant.names[0] + more
    return label


def group_of(participant: Participant) -> str:
    """Colour group of the network: the territory, else the kind of structure."""
    if participant.territory:
        return participant.territory
    organisation = f" {participant.organisation.upper()} "
    for marker, name in (
        ("PLIE", "PLIE"),
        ("PETR", "PETR"),
        ("MAISON DE L'EMPLOI", "Maison de l'emploi"),
        ("RÉGION", "Région"),
        ("REGION", "Région"),
        ("CDC", "CdC"),
        (" CC ", "CC"),
        (" CA ", "CA"),
        ("EPCI", "EPCI"),
    ):
        if marker in organisation:
            return name
    return participant.organisation or "—"


@dataclass(slots=True)
class Card:
    seeker: str
    need: str
    helper: str
    offer: str
    because: str
    suggested: bool
    source: ItemKind
    score: float
    seekers: int = 1  # how many people the seeker's label names: « Zoé et Loïc cherchent »
    helpers: int = 1


@dataclass(slots=True)
class Spotlight:
    who: str
    place: str
    needs: list[tuple[str, list[tuple[str, str, bool]]]]  # need, [(helper, offer, suggested)]
    offers: list[str]


@dataclass(slots=True)
class Node:
    id: str
    label: str
    group: str
    short: str = ""  # what fits beside a dot: the first person, or the structure
    x: float = 0.0
    y: float = 0.0


@dataclass(slots=True)
class Edge:
    source: str  # the helper
    target: str  # the one who needs
    confirmed: bool
    weight: float


@dataclass(slots=True)
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Projection:
    title: str
    cards: list[Card]
    participants: list[Participant]
    labels: dict[str, str]
    network: Network
    spotlights: dict[str, Spotlight]
    private: bool
    names: list[str]  # every person's name: what privacy must hide


def _because(reasons: list[Reason], lang: str | None) -> str:
    from atelier.reasons import say_all

    return " · ".join(say_all(reasons, lang, kind=False, limit=REASON_LIMIT))


def build(
    store: Store,
    workshop_id: str,
    *,
    private: bool = False,
    suggestions: bool = False,
    per_need: int = 1,
    lang: str | None = None,
) -> Projection:
    """What the room sees: confirmed and hand-made matches; with `suggestions`, also each
    open need's best suggestion when the engine is confident enough (`SHOWN_TO_ROOM`),
    flagged as a suggestion. Reasons are said in `lang`."""
    from atelier.domain import shown_order
    from atelier.matching.engine import SHOWN_TO_ROOM

    workshop = store.workshop(workshop_id)
    participants = store.participants(workshop_id)
    labels = {p.id: person_label(p, private=private, lang=lang) for p in participants}
    items = {i.id: i for i in store.workshop_items(workshop_id)}

    def ranked(match: Match) -> tuple[int, float]:  # the engine's order: offers first
        return shown_order(items[match.resource_id].kind, match.score)

    clean = _cleaner(participants, labels) if private else (lambda text, owner=None: text)
    decided: list[tuple[int, float, Match]] = []
    open_by_need: dict[str, list[Match]] = {}
    for match in store.matches(workshop_id):
        if match.need_id not in items or match.resource_id not in items:
            continue
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            decided.append((0, -match.score, match))
        elif match.status == MatchStatus.SUGGESTED and match.score >= SHOWN_TO_ROOM:
            open_by_need.setdefault(match.need_id, []).append(match)
    best_open = []
    decided_needs = {m.need_id for _, _, m in decided}
    for need_id, found in open_by_need.items():
        if need_id in decided_needs:
            continue
        best_open += sorted(found, key=ranked)[:per_need]
    cards: list[Card] = []
    chosen = [m for _, _, m in sorted(decided, key=lambda t: t[:2])]
    if suggestions:
        chosen += sorted(best_open, key=lambda m: -m.score)

    # A structure named in place of people is one subject; two people are two.
    people = {p.id: 1 if private else max(1, len(p.names)) for p in participants}

    def card_of(match: Match) -> Card:
        need, resource = items[match.need_id], items[match.resource_id]
        return Card(
            labels.get(need.participant_id, "?"),
            clean(need.text, need.participant_id),
            labels.get(resource.participant_id, "?"),
            clean(resource.text, resource.participant_id),
            clean(_because(match.reasons, lang)),
            match.status == MatchStatus.SUGGESTED,
            resource.kind,
            match.score,
            people.get(need.participant_id, 1),
            people.get(resource.participant_id, 1),
        )

    for match in chosen:
        cards.append(card_of(match))
    helpers_of: dict[str, list[Card]] = {}
    for match in [m for _, _, m in sorted(decided, key=lambda t: t[:2])]:
        helpers_of.setdefault(match.need_id, []).append(card_of(match))
    if suggestions:
        for need_id, found in open_by_need.items():
            for match in sorted(found, key=ranked)[: max(0, 3 - len(helpers_of.get(need_id, [])))]:
                helpers_of.setdefault(need_id, []).append(card_of(match))
    del card_of

    own: dict[str, list[Item]] = {}
    for item in sorted(items.values(), key=lambda i: i.position):
        own.setdefault(item.participant_id, []).append(item)
    spotlights: dict[str, Spotlight] = {}
    for participant in participants:
        needs = []
        for need in (i for i in own.get(participant.id, []) if i.kind == ItemKind.NEED):
            helpers = [(c.helper, c.offer, c.suggested) for c in helpers_of.get(need.id, [])]
            needs.append((clean(need.text, participant.id), helpers))
        offers = [
            clean(i.text, participant.id) for i in own.get(participant.id, []) if i.kind == ItemKind.OFFER
        ]
        place = "" if private else participant.territory
        spotlights[participant.id] = Spotlight(labels[participant.id], place, needs, offers)

    network = network_of(participants, labels, cards, chosen, items)
    names = sorted({n for p in participants for n in p.names if n.strip()})
    return Projection(workshop.title, cards, participants, labels, network, spotlights, private, names)


def _cleaner(participants: list[Participant], labels: dict[str, str]):
    from atelier.anonymise import NameMasker, Person

    return NameMasker(Person(p.id, labels[p.id], tuple(p.names)) for p in participants)


def network_of(participants, labels, cards, chosen, items) -> Network:
    """Participants joined by a match; edges from helper to seeker, strongest kept once."""
    edges: dict[tuple[str, str], Edge] = {}
    for card, match in zip(cards, chosen, strict=True):
        helper = items[match.resource_id].participant_id
        seeker = items[match.need_id].participant_id
        key = (helper, seeker)
        confirmed = not card.suggested
        if key in edges:
            edges[key].confirmed = edges[key].confirmed or confirmed
            edges[key].weight = max(edges[key].weight, card.score)
        else:
            edges[key] = Edge(helper, seeker, confirmed, card.score)
    linked = {pid for key in edges for pid in key}
    nodes = [
        Node(p.id, labels[p.id], group_of(p), short_label(p, labels[p.id]))
        for p in participants
        if p.id in linked
    ]
    groups = sorted({n.group for n in nodes})
    return Network(nodes, list(edges.values()), groups)


def layout(network: Network, *, seed: int = 7) -> Network:
    """Positions in [0, 1]²: participants of one group near each other, linked ones closer.
    networkx's spring layout, started from a circle of groups so the picture is stable."""
    import networkx as nx

    if not network.nodes:
        return network
    graph = nx.Graph()
    for node in network.nodes:
        graph.add_node(node.id)
    for edge in network.edges:
        graph.add_edge(edge.source, edge.target, weight=1.5 if edge.confirmed else 0.6)
    # Invisible links inside each group pull a territory together.
    by_group: dict[str, list[str]] = {}
    for node in network.nodes:
        by_group.setdefault(node.group, []).append(node.id)
    for members in by_group.values():
        for a, b in zip(members, members[1:], strict=False):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0.3)
    start = {}
    groups = sorted(by_group)
    for g, name in enumerate(groups):
        angle = 2 * math.pi * g / max(1, len(groups))
        for k, node_id in enumerate(by_group[name]):
            start[node_id] = (math.cos(angle) + 0.05 * k, math.sin(angle) + 0.03 * k)
    count = len(network.nodes)
    positions = nx.spring_layout(graph, pos=start, k=1.6 / math.sqrt(count), iterations=120, seed=seed)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    for node in network.nodes:
        x, y = positions[node.id]
        node.x = (x - min(xs)) / span_x
        node.y = (y - min(ys)) / span_y
    return network


def separate_labels(
    boxes: list[tuple[float, float, float, float]], *, bounds: tuple[float, float], rounds: int = 200
) -> list[tuple[float, float]]:
    """Move label boxes (centre x, centre y, width, height) apart until none overlap,
    staying inside bounds (width, height). Returns the new centres."""
    centres = [[x, y] for x, y, _, _ in boxes]
    width, height = bounds
    for _ in range(rounds):
        moved = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                wi, hi = boxes[i][2], boxes[i][3]
                wj, hj = boxes[j][2], boxes[j][3]
                dx = centres[j][0] - centres[i][0]
                dy = centres[j][1] - centres[i][1]
                overlap_x = (wi + wj) / 2 - abs(dx)
                overlap_y = (hi + hj) / 2 - abs(dy)
                if overlap_x > 0 and overlap_y > 0:
                    moved = True
                    if overlap_y < overlap_x:  # push apart along the cheaper axis
                        shift = overlap_y / 2 + 0.5
                        sign = 1 if dy >= 0 else -1
                        centres[i][1] -= sign * shift
                        centres[j][1] += sign * shift
                    else:
                        shift = overlap_x / 2 + 0.5
                        sign = 1 if dx >= 0 else -1
                        centres[i][0] -= sign * shift
                        centres[j][0] += sign * shift
        for k, (_, _, w, h) in enumerate(boxes):
            centres[k][0] = min(max(centres[k][0], w / 2), width - w / 2)
            centres[k][1] = min(max(centres[k][1], h / 2), height - h / 2)
        if not moved:
            break
    return [(x, y) for x, y in centres]
