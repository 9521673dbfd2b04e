"""What the projector shows, as plain data (no Qt): match cards, the participant in the
spotlight, and the network of who can help whom, with people or structures named."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Reason, Workshop
from atelier.french import aside

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from atelier.anonymise import NameMasker
    from atelier.store import Store

REASON_LIMIT = 2
# The most people the network names one by one: measured at 1920×1080, 40 names read well, at 70
# they touch and lines cross them, at 120 they sit on top of each other. Past it the room sees
# the territories (`by_group`).
NAMED_AT_MOST = 50
# Territories are longer to read than first names, and a crowd links most of them to most
# others: past 16 dots (the legend's length) the smallest are counted together.
GROUPS_AT_MOST = 16
OTHERS = "…"  # the group of the smallest groups, when there are too many: said « autres » on screen


def person_label(participant: Participant, *, private: bool, lang: str | None = None) -> str:
    """How the room sees a participant: names and structure, or (private) structure or territory."""
    if private:
        return participant.organisation or participant.territory or "Participant"
    return participant.display_name(lang)


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


# Where a structure's name says the area it covers: « Région N-A », « Pôle formation de la Région N-A ».
_AREA = re.compile(r"\b(?:Région|Region|Département|Departement|Métropole|Metropole)\b.*$", re.IGNORECASE)


def group_of(participant: Participant) -> str:
    """Colour group of the network: the territory, else the kind of structure. A territory
    that is only an abbreviation (« N-A ») is said as the structure says it (« Région N-A »),
    which is also the group of a participant whose structure only names it (« Pôle formation
    de la Région N-A »): nothing is invented, and the legend reads as the grid does."""
    return _group(participant)[0]


def _group(participant: Participant) -> tuple[str, bool]:
    """The colour group, and whether it is a place (a territory, or the area a structure's
    name gives) rather than a structure or a kind of structure (« PLIE »)."""
    from atelier.importers.participant import is_abbreviation

    territory = participant.territory.strip()
    if territory and not is_abbreviation(territory):
        return territory, True
    area = _AREA.search(participant.organisation.strip())
    if area is not None and (not territory or territory in area.group(0)):
        return area.group(0).strip(), True
    if territory:
        return territory, True
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
            return name, False
    return (participant.organisation, False) if participant.organisation else ("—", True)


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
    reasons: list[str] = field(default_factory=list)  # `because`, one reason each: never cut inside
    # The same reasons without the need's words (shown just above on the card), for a card too
    # small for the whole sentence: « En commun avec le besoin : « … » », « Même thème : … ».
    brief: list[str] = field(default_factory=list)
    # The resource says what the need is about (`reasons.on_its_subject`): only then is a
    # challenge « le même défi »; else it is theirs (« a pour défi »).
    on_subject: bool = True
    # A decided match whose need or offer was retyped since (Match.retyped): the people agreed
    # on words that are no longer the grid's, so the room sees it flagged « à revoir » until
    # the facilitator confirms it again, as the window, the minutes and `atelier suivi` say.
    retyped: bool = False
    # Who looks for it, by id: two people the room sees under one label (« Région N-A » with
    # names hidden) are two people still, when the spotlight counts whom a helper helps.
    seeker_id: str = ""
    # An aim typed among the helper's actions (`reasons.aimed`: « objectifs : créer… »): « a
    # pour objectif », never « a déjà fait ».
    aim: bool = False

    @property
    def flagged(self) -> bool:
        """Shown to the room with a flag: a suggestion, or a decision to review."""
        return self.suggested or self.retyped


@dataclass(slots=True)
class Spotlight:
    who: str
    place: str
    needs: list[tuple[str, list[Card]]]  # need, the cards of who can help (offer, action, challenge)
    offers: list[str]
    # The cards where they help someone (confirmed, and suggestions when shown), as the cards
    # view shows them: an action or a challenge put in touch with a need is help too.
    helps: list[Card] = field(default_factory=list)
    # How many people `who` names: « Anne Martin et Paul Durand » cherchent, peuvent apporter,
    # aident (the headings agree with them, as the cards' « cherchent : » does).
    people: int = 1
    # What their « Actions engagées » column holds: what they did (« a déjà fait »), which the
    # matching offers as help as it does an offer; and the aims typed there (`reasons.aimed`:
    # « a pour objectif »), never said done. Someone with no offer but these has something to
    # bring: never « Peut apporter : (rien de noté) ».
    actions: list[str] = field(default_factory=list)
    aims: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Node:
    id: str
    label: str
    group: str
    short: str = ""  # what fits beside a dot: the first person, or the structure
    people: int = 1  # how many participants the dot stands for (a territory's, in `by_group`)
    x: float = 0.0
    y: float = 0.0


@dataclass(slots=True)
class Edge:
    source: str  # the helper
    target: str  # the one who needs
    confirmed: bool
    weight: float
    # Decided, but on words retyped since (Card.retyped): drawn « à revoir » as its card is
    # flagged, never as a confirmed link; beside the confirmed one when the two are also linked
    # by a decision that stands (a review under it was seen by no one).
    review: bool = False


@dataclass(slots=True)
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    # Every group a place: the legend says « Territoires »; else some are structures (a
    # participant with no territory), and « Territoires » would call « PLIE » a territory.
    places: bool = True
    # Dots are groups, not people (`by_group`): how many linked participants they stand for.
    grouped: int = 0


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
    # Decided, then followed up « sans suite » (FollowUp.DROPPED): never shown to the room as a
    # match that stands (no card, no helper in a spotlight, no link); how many, said instead.
    dropped: int = 0


def _reasons(
    reasons: list[Reason],
    lang: str | None,
    *,
    names: bool = True,
    confirmed: bool = False,
    aim: bool = False,
) -> list[str]:
    """The card's reasons; `confirmed` (decided by the facilitator, not retyped since): never
    « à vérifier » (`reasons.say`); `aim`: the resource is an aim typed among actions
    (`reasons.aimed`), said as one."""
    from atelier.reasons import say_all

    return say_all(reasons, lang, kind=False, limit=REASON_LIMIT, names=names, confirmed=confirmed, aim=aim)


def _brief(
    reasons: list[Reason],
    lang: str | None,
    *,
    names: bool = True,
    confirmed: bool = False,
    aim: bool = False,
) -> list[str]:
    """The reasons without the need's words, but « same meaning », which needs its two words,
    and one acronym both write (« Le besoin et l'offre disent tous deux « FSE » (…) »). Beside
    such an acronym, a word both write is said with it in one sentence, as the full reasons
    say them (« … disent tous deux « Recrutement » et « BTP » (…) »), never in a clause of
    another wording (« En commun avec le besoin : « Recrutement » »)."""
    from dataclasses import replace

    from atelier.domain import ReasonKind
    from atelier.french import fold
    from atelier.reasons import KIND_REASONS

    def same_acronym(reason: Reason) -> bool:
        return reason.kind == ReasonKind.ACRONYM and fold(reason.need) == fold(reason.resource)

    both_say = any(same_acronym(r) for r in reasons)

    def kept(reason: Reason) -> bool:
        # EARLIER: its `need` says the helper was not at that workshop (reasons.helper_away).
        if reason.kind in (ReasonKind.MEANING, ReasonKind.TEXT, ReasonKind.EARLIER):
            return True
        if both_say and reason.kind in KIND_REASONS and reason.words:
            return fold(reason.need) == fold(" ".join(reason.words))  # the same words both sides
        return same_acronym(reason)

    shorter = [r if kept(r) else replace(r, need="") for r in reasons]
    return _reasons(shorter, lang, names=names, confirmed=confirmed, aim=aim)


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
    from atelier.reasons import aimed, on_its_subject, one_word_of_a_short_statement
    from atelier.reasons import checked as said_checked

    workshop = store.workshop(workshop_id)
    participants = store.participants(workshop_id)
    if private:
        # A cell the import could not split (« Karine et Luc Blanc / Centre social »): shown
        # without the names it holds, which are masked wherever they are written.
        from atelier.importers.participant import without_unread_names

        participants = [without_unread_names(p)[0] for p in participants]
    labels = {p.id: person_label(p, private=private, lang=lang) for p in participants}
    # Someone whose cell says they were not in the room (« (excusée) » typed after a decision
    # with them) has no page, but a decision may still name them: said so wherever it does
    # (« ← Lydie Drouard (CitiZchool, excusé·e) peut aider »), never as someone to meet here.
    from atelier.i18n import away_word

    away_here = {p.id: away_word(p.away(), lang) for p in participants if p.away()}
    for participant_id, said in away_here.items():
        labels[participant_id] = aside(labels[participant_id], said)
    items = {i.id: i for i in store.workshop_items(workshop_id)}
    statements = len(items)  # in a small grid, one word in common is « possible » at most
    # Never « A. Martin can help A. Martin »: a match older versions confirmed between two
    # spellings of one person stays in the file, flagged in the window, never shown to the room.
    from atelier.matching.across import with_themself

    matches = store.matches(workshop_id)
    themself = with_themself(store, matches)
    matches = [m for m in matches if m.id not in themself]
    # A need matched to what someone offered or did at another workshop of the file (matching
    # across workshops): that person and item are read too, so the room sees the match like
    # the others (the reasons say where it was said).
    elsewhere = _helpers_elsewhere(store, matches, items, workshop_id, lang)
    # One whose cell there says they were not at it (« (excusée) »): their reason says so, never
    # « a proposé lors de l'atelier du … » (`helper_away`).
    from atelier.reasons import helper_away

    away = {p.id: p.away() for p in elsewhere}
    if elsewhere and private:
        from atelier.importers.participant import without_unread_names

        elsewhere = [without_unread_names(p)[0] for p in elsewhere]
    if elsewhere:
        workshops = {w.id: w for w in store.workshops()}
        for helper in elsewhere:
            # Said on the label itself: the card's reasons may not fit, and the room must
            # not take someone of another workshop for someone in the room.
            label = person_label(helper, private=private, lang=lang)
            said = _at_workshop(workshops[helper.workshop_id], lang)
            labels[helper.id] = aside(label, said)
    if private:
        # Told apart among those the room may see: those in the room, anyone a decision names
        # (an excused helper's is shown, said so), and helpers of other workshops.
        decided_now = [m for m in matches if m.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)]
        seen = {p.id for p in participants if not p.away()} | {p.id for p in elsewhere}
        seen |= {
            items[i].participant_id for m in decided_now for i in (m.need_id, m.resource_id) if i in items
        }
        labels = _told_apart(labels, lang, seen)

    def ranked(match: Match) -> tuple[int, int, float]:  # the engine's order: offers first
        need, resource = items[match.need_id], items[match.resource_id]
        thin = one_word_of_a_short_statement(match.reasons, need.text, resource.text, statements)
        return shown_order(resource.kind, match.score, thin)

    clean = (
        _cleaner([*participants, *elsewhere], labels, lang) if private else (lambda text, owner=None: text)
    )
    decided: list[tuple[int, float, Match]] = []
    open_by_need: dict[str, list[Match]] = {}
    dropped = 0
    for match in matches:
        if match.need_id not in items or match.resource_id not in items:
            continue
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            if match.follow_up == FollowUp.DROPPED:  # « classée sans suite »: not one that stands
                dropped += 1
                continue
            decided.append((0, -match.score, match))
        elif (
            match.status == MatchStatus.SUGGESTED
            and match.score >= SHOWN_TO_ROOM
            # « possible » at most: one word links it to a statement of two words, or in a small grid
            and not one_word_of_a_short_statement(
                match.reasons, items[match.need_id].text, items[match.resource_id].text, statements
            )
        ):
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
    people = {p.id: 1 if private else max(1, len(p.names)) for p in [*participants, *elsewhere]}

    def card_of(match: Match) -> Card:
        need, resource = items[match.need_id], items[match.resource_id]
        told = helper_away(match.reasons, away.get(resource.participant_id, ""))
        decided = match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
        # Decided: the room is never told to check it (« Seul lien : un sens voisin »), unless
        # its words were retyped since (flagged « à revoir »): the rule every surface says.
        checked = said_checked(match)
        aim = aimed(resource.kind, resource.text)
        reasons = [clean(r) for r in _reasons(told, lang, names=not private, confirmed=checked, aim=aim)]
        return Card(
            labels.get(need.participant_id, "?"),
            clean(need.text, need.participant_id),
            labels.get(resource.participant_id, "?"),
            clean(resource.text, resource.participant_id),
            " · ".join(reasons),
            match.status == MatchStatus.SUGGESTED,
            resource.kind,
            match.score,
            people.get(need.participant_id, 1),
            people.get(resource.participant_id, 1),
            reasons,
            [clean(r) for r in _brief(told, lang, names=not private, confirmed=checked, aim=aim)],
            on_its_subject(match.reasons),
            bool(match.retyped) and decided,
            need.participant_id,
            aim,
        )

    for match in chosen:
        cards.append(card_of(match))
    helpers_of: dict[str, list[Card]] = {}
    for match in [m for _, _, m in sorted(decided, key=lambda t: t[:2])]:
        helpers_of.setdefault(match.need_id, []).append(card_of(match))
    helps_of: dict[str, list[Card]] = {}
    for match in [m for _, _, m in sorted(decided, key=lambda t: t[:2])]:
        helps_of.setdefault(items[match.resource_id].participant_id, []).append(card_of(match))
    if suggestions:
        for need_id, found in open_by_need.items():
            for match in sorted(found, key=ranked)[: max(0, 3 - len(helpers_of.get(need_id, [])))]:
                helpers_of.setdefault(need_id, []).append(card_of(match))
                helps_of.setdefault(items[match.resource_id].participant_id, []).append(card_of(match))
    del card_of

    own: dict[str, list[Item]] = {}
    for item in sorted(items.values(), key=lambda i: i.position):
        own.setdefault(item.participant_id, []).append(item)
    spotlights: dict[str, Spotlight] = {}
    # Someone not in the room (« (excusé) », Participant.away) has no card of their own: the
    # room is never shown them as if there (they are matched with no one either).
    present = [p for p in participants if not p.away()]
    for participant in present:
        needs = []
        for need in (i for i in own.get(participant.id, []) if i.kind == ItemKind.NEED):
            needs.append((clean(need.text, participant.id), helpers_of.get(need.id, [])))
        offers = [
            clean(i.text, participant.id) for i in own.get(participant.id, []) if i.kind == ItemKind.OFFER
        ]
        done = [i for i in own.get(participant.id, []) if i.kind == ItemKind.ACTION]
        place = "" if private else participant.territory
        spotlights[participant.id] = Spotlight(
            labels[participant.id],
            place,
            needs,
            offers,
            helps_of.get(participant.id, []),
            people.get(participant.id, 1),
            [clean(i.text, participant.id) for i in done if not aimed(i.kind, i.text)],
            [clean(i.text, participant.id) for i in done if aimed(i.kind, i.text)],
        )

    network = network_of([*participants, *elsewhere], labels, cards, chosen, items)
    for node in network.nodes:  # a dot's short name too: « Lydie Drouard (excusé·e) »
        if node.id in away_here and away_here[node.id] not in node.short:
            node.short = aside(node.short, away_here[node.id])
    names = sorted({n for p in [*participants, *elsewhere] for n in p.names if n.strip()})
    return Projection(workshop.title, cards, present, labels, network, spotlights, private, names, dropped)


def _told_apart(labels: dict[str, str], lang: str | None, seen: set[str]) -> dict[str, str]:
    """Names hidden, two people of one structure were one label (« Région N-A »): Grégory
    TALVY's spotlight, titled « Région N-A », listed Jacques Le-priol's action under his own
    need as « ← Région N-A, a déjà fait : … », as if he helped himself, and the network drew
    two dots « Région N-A ». Labels several participants share are told apart by their order
    in the grid: « Région N-A (n° 1) », « Région N-A (n° 2) » (English « (no. 1) »), short
    enough for a dot of the network. Only those the room may see (`seen`) are numbered: never
    a « n° 2 » whose « n° 1 » is someone excused, shown nowhere."""
    from atelier.i18n import current_language

    number = "no.\u00a0{n}" if (lang or current_language()) == "en" else "n°\u00a0{n}"
    by_label: dict[str, list[str]] = {}
    for participant_id, label in labels.items():
        if participant_id in seen:
            by_label.setdefault(label, []).append(participant_id)
    told = dict(labels)
    for label, ids in by_label.items():
        if len(ids) > 1:
            for n, participant_id in enumerate(ids, start=1):
                told[participant_id] = aside(label, number.format(n=n))
    return told


def _at_workshop(workshop: Workshop, lang: str | None) -> str:
    """« atelier du 16 mars 2021 » (« atelier « Titre » » undated), in `lang`."""
    from atelier.french import long_date, without_quotes
    from atelier.i18n import current_language

    title = without_quotes(workshop.title)  # « « Mobilité » » typed: quoted once
    if (lang or current_language()) == "en":
        return f"workshop of {long_date(workshop.date, 'en')}" if workshop.date else f"workshop “{title}”"
    return (
        f"atelier du {long_date(workshop.date, 'fr')}" if workshop.date else f"atelier «\u00a0{title}\u00a0»"
    )


def _helpers_elsewhere(
    store: Store, matches: list[Match], items: dict[str, Item], workshop_id: str, lang: str | None
) -> list[Participant]:
    """The people of other workshops whose offer or action a need of this one was matched
    to, as the room may see them (Participant.seen_from: not named, someone who asked not to
    be published in the directory); their items are added to `items`."""
    from atelier.errors import AtelierError

    found: dict[str, Participant] = {}
    for match in matches:
        if match.need_id not in items or match.resource_id in items:
            continue
        if match.status not in (MatchStatus.CONFIRMED, MatchStatus.MANUAL, MatchStatus.SUGGESTED):
            continue
        try:
            resource = store.item(match.resource_id)
            owner = found.get(resource.participant_id) or store.participant(resource.participant_id)
        except AtelierError:
            continue  # deleted since: nothing to show
        items[resource.id] = resource
        found[owner.id] = owner.seen_from(workshop_id, lang)
    return list(found.values())


def _cleaner(participants: list[Participant], labels: dict[str, str], lang: str | None) -> NameMasker:
    from atelier.anonymise import NameMasker, Person, neutral
    from atelier.i18n import current_language
    from atelier.importers.participant import first_names

    # People who are not in the room, named with a first name, are masked too (« [nom] »), and
    # e-mail addresses and phone numbers (« [courriel] », « [téléphone] »).
    language = "en" if (lang or current_language()) == "en" else "fr"
    return NameMasker(
        (Person(p.id, labels[p.id], tuple(p.names)) for p in participants),
        first_names(),
        neutral(language),
        lang=language,
    )


def network_of(
    participants: list[Participant],
    labels: dict[str, str],
    cards: list[Card],
    chosen: list[Match],
    items: dict[str, Item],
) -> Network:
    """Participants joined by a match; edges from helper to seeker, strongest kept once: a
    suggestion between two people put in touch is their confirmed link; a decision to review
    (its words retyped since) is an edge of its own, beside any other between the two."""
    edges: dict[tuple[str, str, bool], Edge] = {}
    for card, match in zip(cards, chosen, strict=True):
        helper = items[match.resource_id].participant_id
        seeker = items[match.need_id].participant_id
        confirmed = not card.flagged
        review = card.retyped and not card.suggested
        key = (helper, seeker, review)
        if key in edges:
            edges[key].confirmed = edges[key].confirmed or confirmed
            edges[key].weight = max(edges[key].weight, card.score)
        else:
            edges[key] = Edge(helper, seeker, confirmed, card.score, review)
    linked = {pid for edge in edges.values() for pid in (edge.source, edge.target)}
    nodes = [
        Node(p.id, labels[p.id], group_of(p), short_label(p, labels[p.id]))
        for p in participants
        if p.id in linked
    ]
    groups = sorted({n.group for n in nodes})
    places = all(_group(p)[1] for p in participants if p.id in linked)
    network = Network(nodes, list(edges.values()), groups, places)
    return by_group(network) if len(nodes) > NAMED_AT_MOST else network


def by_group(network: Network) -> Network:
    """The network of the territories (or, for people with none, of the kinds of structure):
    one dot per group named with how many people it holds, one arrow per pair of groups linked
    and way the help goes, as wide as the links it stands for (confirmed, to review and suggested
    apart: the projector draws them side by side).
    The smallest groups are counted together past GROUPS_AT_MOST dots. Links inside a group
    draw nothing."""
    count: dict[str, int] = {}
    for node in network.nodes:
        count[node.group] = count.get(node.group, 0) + 1
    kept = sorted(count, key=lambda g: (-count[g], g))
    if len(kept) > GROUPS_AT_MOST:
        rest = kept[GROUPS_AT_MOST - 1 :]
        kept = kept[: GROUPS_AT_MOST - 1]
        count[OTHERS] = sum(count.pop(g) for g in rest)
        kept.append(OTHERS)
    group_of_node = {n.id: (n.group if n.group in count else OTHERS) for n in network.nodes}
    edges: dict[tuple[str, str, bool, bool], Edge] = {}
    for edge in network.edges:
        # Which way the help goes is kept: from the helpers' group to the group of those who
        # need (an arrow each way when both help the other).
        helpers, needing = group_of_node[edge.source], group_of_node[edge.target]
        if helpers == needing:
            continue
        joined = edges.setdefault(
            (helpers, needing, edge.confirmed, edge.review),
            Edge(f"group:{helpers}", f"group:{needing}", edge.confirmed, 0, edge.review),
        )
        joined.weight += 1
    nodes = [Node(f"group:{g}", g, g, g, people=count[g]) for g in kept]
    groups = sorted(kept)
    return Network(nodes, list(edges.values()), groups, network.places, grouped=len(network.nodes))


def layout(network: Network, *, aspect: float = 1.6, seed: int = 7) -> Network:
    """Positions in [0, 1]² spread over the whole canvas (its width / height is `aspect`).

    Each group of linked participants (a connected part of the network) is laid out by
    networkx's spring layout; the parts are then packed in rows, each in a box as large as its
    number of people, and the whole is stretched to the canvas: nobody sits in a corner while
    the rest of the screen is empty, and linked people stay side by side."""
    import networkx as nx

    if not network.nodes:
        return network
    graph = nx.Graph()
    order = {node.id: index for index, node in enumerate(network.nodes)}
    graph.add_nodes_from(order)
    for edge in network.edges:
        # A pair linked twice (confirmed, and a decision to review): the stronger link counts.
        known = graph.get_edge_data(edge.source, edge.target, {}).get("weight", 0.0)
        graph.add_edge(edge.source, edge.target, weight=max(known, 2.0 if edge.confirmed else 1.0))
    parts = sorted(
        (sorted(part, key=order.__getitem__) for part in nx.connected_components(graph)),
        key=lambda part: (-len(part), order[part[0]]),
    )
    # Shelf packing: rows about as wide as the canvas's proportions ask.
    sides = [math.sqrt(len(part)) for part in parts]
    row_width = max(max(sides), math.sqrt(sum(s * s for s in sides) * aspect))
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, side in enumerate(sides):
        if rows[-1] and used + side > row_width * 1.05:
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += side
    placed: dict[str, tuple[float, float]] = {}
    top = 0.0
    for row in rows:
        height = max(sides[i] for i in row)
        weights = {i: len(parts[i]) ** 0.75 for i in row}
        left = 0.0
        for i in row:
            part = parts[i]
            # Each part wider the more people it has: twenty beside four had 69 % of the width
            # (by the square root of their number), their names packed over one another while
            # the four had a tall column; by their number itself, a pair had too little.
            box_w, box_h = row_width * weights[i] / sum(weights.values()), height
            positions = _part_positions(graph.subgraph(part), part, seed, upright=box_h > box_w)
            for node_id, (x, y) in positions.items():
                placed[node_id] = (left + (0.08 + 0.84 * x) * box_w, top + (0.08 + 0.84 * y) * box_h)
            left += box_w
        top += height
    # The packing's own extent, margins of its boxes included, is stretched to the canvas: the
    # people of a short row stay off the edges.
    for node in network.nodes:
        x, y = placed[node.id]
        node.x = x / row_width
        node.y = y / top
    return network


def _force_directed() -> dict[str, str]:
    """The spring layout's own method at every size. From 500 people networkx (3.5 and later)
    switches by itself to an « energy » method that needs scipy.optimize, which the bundle
    leaves out (packaging/atelier.spec): the network of a large grid stayed « Pas encore de
    mise en relation. » on the projector there. The force-directed method needs numpy (and
    scipy.sparse from 500 people) and is faster too: 12 s against 21 s for 500 people on one
    core. Older networkx has that method only, and no `method` argument."""
    import inspect

    import networkx as nx

    return {"method": "force"} if "method" in inspect.signature(nx.spring_layout).parameters else {}


# networkx's spring layout computes its forces with numpy matrices up to 500 people, and
# node by node in Python beyond (its « sparse » variant): the network of a grid of 520 people
# took 12 s on one core, 35 s on a loaded machine, to come on the projector. The same method
# with matrices (`_dense_spring`) takes well under a second there; its matrices grow as the
# square of the people (a 2,000-person part: about 250 MB), so networkx's own way takes over beyond.
DENSE_FROM = 500
DENSE_UP_TO = 2_000


def _dense_spring(
    graph: Any, part: list[str], start: dict[str, Any], k: float, *, iterations: int
) -> dict[str, Any]:
    """Fruchterman and Reingold's force-directed layout with numpy matrices, as networkx's
    spring layout computes it below 500 nodes (`_fruchterman_reingold`: attraction along the
    links by their weight, repulsion between everyone, a step that cools linearly), for a
    larger part: the positions, by node."""
    import networkx as nx
    import numpy as np

    adjacency = nx.to_numpy_array(graph, nodelist=part, weight="weight")
    x = np.array([float(start[n][0]) for n in part])
    y = np.array([float(start[n][1]) for n in part])
    step = max(np.ptp(x), np.ptp(y)) * 0.1
    cooling = step / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, np.newaxis] - x[np.newaxis, :]
        dy = y[:, np.newaxis] - y[np.newaxis, :]
        distance = np.sqrt(dx * dx + dy * dy)
        np.clip(distance, 0.01, None, out=distance)
        force = k * k / (distance * distance) - adjacency * distance / k
        move_x, move_y = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        length = np.clip(np.sqrt(move_x * move_x + move_y * move_y), 0.01, None)
        move_x *= step / length
        move_y *= step / length
        x += move_x
        y += move_y
        step -= cooling
        if math.sqrt(float(move_x @ move_x + move_y @ move_y)) / len(part) < 1e-4:
            break
    return {n: (x[i], y[i]) for i, n in enumerate(part)}


def _part_positions(
    graph: Any, part: list[str], seed: int, *, upright: bool = False
) -> dict[str, tuple[float, float]]:
    """One connected part in [0, 1]²: a pair side by side; three or more by the spring layout,
    turned lengthwise along its box (across, or `upright` in a box taller than wide), then
    spread evenly (each coordinate halfway to its rank), so that a dense knot of people opens
    up and leaves room for every name, keeping who is left, right, above and below."""
    import networkx as nx

    if len(part) == 1:
        return {part[0]: (0.5, 0.5)}
    if len(part) == 2:  # side by side even in a tall box: an upright link ran through their names
        return {part[0]: (0.0, 0.5), part[1]: (1.0, 0.5)}
    start = nx.circular_layout(part)
    k = 1.5 / math.sqrt(len(part))
    if DENSE_FROM <= len(part) <= DENSE_UP_TO:
        found = _dense_spring(graph, part, start, k, iterations=300)
    else:
        found = nx.spring_layout(
            graph, pos=start, k=k, iterations=300, seed=seed, weight="weight", **_force_directed()
        )
    found = _lengthwise(found, part)
    if upright:
        found = {n: (y, x) for n, (x, y) in found.items()}
    axes = []
    for axis in (0, 1):
        values = {n: float(found[n][axis]) for n in part}
        low, high = min(values.values()), max(values.values())
        ranked = sorted(part, key=lambda n: (values[n], part.index(n)))
        rank = {n: i / (len(part) - 1) for i, n in enumerate(ranked)}
        axes.append({n: 0.5 * ((values[n] - low) / ((high - low) or 1.0)) + 0.5 * rank[n] for n in part})
    return {n: (axes[0][n], axes[1][n]) for n in part}


def _lengthwise(found: dict[str, Any], part: list[str]) -> dict[str, tuple[float, float]]:
    """The spring layout turned so that its longest extent runs across the screen: a chain of
    people laid out corner to corner (a diagonal band) left two corners of the projector empty
    and the names crowded along the band; turned, the band is stretched over the whole height
    too. Who is beside whom is kept (a rotation, about the centre of the part)."""
    xs = [float(found[n][0]) for n in part]
    ys = [float(found[n][1]) for n in part]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)  # the main axis of the points
    cos, sin = math.cos(angle), math.sin(angle)
    return {
        n: ((x - mean_x) * cos + (y - mean_y) * sin, -(x - mean_x) * sin + (y - mean_y) * cos)
        for n, x, y in zip(part, xs, ys, strict=True)
    }


Box = tuple[float, float, float, float]  # left, top, width, height


def place_labels(
    dots: list[tuple[float, float]],
    sizes: list[tuple[float, float]],
    radius: float,
    bounds: Box,
    segments: Sequence[tuple[float, float, float, float]] = (),
) -> list[Box]:
    """A place for each dot's label (its width and height in `sizes`): beside its dot, never
    over a dot or another label, inside `bounds`, crossing as few links (`segments`) as it can.
    Tried in turn: above, below, right, left, then the corners, then further out. The most
    linked dots choose first. Returns each label's box, in the order of `dots`."""
    clear = radius * 1.35  # a dot and the white ring around it
    dot_boxes = [(x - clear, y - clear, 2 * clear, 2 * clear) for x, y in dots]
    degree = [0] * len(dots)
    for x1, y1, x2, y2 in segments:
        for index, (x, y) in enumerate(dots):
            if (x, y) in ((x1, y1), (x2, y2)):
                degree[index] += 1
    placed: dict[int, Box] = {}
    # The lines from a dot to its name pushed away (drawn past LEADER_FROM radii, as the
    # projector draws them): such a line through another name, or a name over such a line,
    # leaves the room unable to tell whose name is whose.
    leaders: dict[int, tuple[float, float, float, float]] = {}
    for index in sorted(range(len(dots)), key=lambda i: (-degree[i], dots[i][1], dots[i][0])):
        x, y = dots[index]
        width, height = sizes[index]
        best: tuple[float, Box] | None = None
        for ring in range(10):
            gap = clear + 2 + ring * height * 0.9
            diagonal = gap * 0.75
            side = clear * 0.6  # a name above or below may start or end near its dot
            candidates = [
                (x - width / 2, y - gap - height),  # above
                (x - width / 2, y + gap),  # below
                (x + gap, y - height / 2),  # right
                (x - gap - width, y - height / 2),  # left
                (x - side, y - gap - height),  # above, to the right
                (x + side - width, y - gap - height),  # above, to the left
                (x - side, y + gap),  # below, to the right
                (x + side - width, y + gap),  # below, to the left
                (x + diagonal, y - diagonal - height),  # above right
                (x - diagonal - width, y - diagonal - height),  # above left
                (x + diagonal, y + diagonal),  # below right
                (x - diagonal - width, y + diagonal),  # below left
            ]
            for rank, (left, top) in enumerate(candidates):
                box = (left, top, width, height)
                cost = ring * 4.0 + rank * 0.05
                cost += 1000.0 * _outside(box, bounds)
                cost += 1000.0 * sum(1 for other in dot_boxes if _overlap(box, other))
                cost += 1000.0 * sum(1 for other in placed.values() if _overlap(box, other))
                # The costlier checks only for a place that may still beat the best one (a
                # large network's names are placed on the UI thread, once per screen size).
                if best is not None and cost >= best[0]:
                    continue
                cost += 1000.0 * sum(1 for leader in leaders.values() if _crosses(leader, box))
                leader = _leader(x, y, box, radius)
                if leader is not None:
                    cost += 1000.0 * sum(1 for other in placed.values() if _crosses(leader, other))
                    cost += 1000.0 * sum(
                        1 for i, other in enumerate(dot_boxes) if i != index and _crosses(leader, other)
                    )
                if best is not None and cost >= best[0]:
                    continue
                cost += 1.5 * sum(1 for segment in segments if _crosses(segment, box))
                if best is None or cost < best[0]:
                    best = (cost, box)
            if best is not None and best[0] < (ring + 1) * 4.0:
                break
        assert best is not None
        placed[index] = best[1]
        leader = _leader(x, y, best[1], radius)
        if leader is not None:
            leaders[index] = leader
    return [placed[i] for i in range(len(dots))]


LEADER_FROM = 2.2  # a name further than this many radii from its dot is tied to it by a line


def _leader(x: float, y: float, box: Box, radius: float) -> tuple[float, float, float, float] | None:
    """The line the projector draws from a dot at (x, y) to its name's `box` when the name is
    pushed away from it, stopped just short of the box (it ends on it); None when beside it."""
    left, top, width, height = box
    end_x, end_y = min(max(x, left), left + width), min(max(y, top), top + height)
    length = math.hypot(end_x - x, end_y - y)
    if length <= radius * LEADER_FROM:
        return None
    shorter = (length - 1.0) / length
    return (x, y, x + (end_x - x) * shorter, y + (end_y - y) * shorter)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _outside(box: Box, bounds: Box) -> float:
    """How far a box sticks out of the bounds, in box widths/heights (0 when inside)."""
    left, top, width, height = box
    b_left, b_top, b_width, b_height = bounds
    out_x = max(0.0, b_left - left) + max(0.0, left + width - (b_left + b_width))
    out_y = max(0.0, b_top - top) + max(0.0, top + height - (b_top + b_height))
    return out_x / max(width, 1.0) + out_y / max(height, 1.0) + (1.0 if out_x or out_y else 0.0)


def _crosses(segment: tuple[float, float, float, float], box: Box) -> bool:
    """Whether a line segment passes through a box (Liang–Barsky clipping)."""
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    left, top, width, height = box
    for p, q in ((-dx, x1 - left), (dx, left + width - x1), (-dy, y1 - top), (dy, top + height - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True
