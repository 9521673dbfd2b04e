"""A page for each participant (« fiches »), to take home or to receive by mail.

One page per participant, in the minutes' template: what they asked for and who can help
(name, structure, territory, what they offer, why, in plain words), then what they
offered and who asked for it. Decided matches come first, with where their follow-up
stands; the best suggestions after them, said to be leads to check. Nothing else: a page
says only what was said in the room (or at another workshop of the file, with its date).
Written in the interface's language (French by default, English when it is English); what
participants wrote is quoted as they wrote it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atelier.confidence import ordered
from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.exports import (
    Progress,
    follow_up_lines,
    made_by_hand,
    matches_told,
    met_at,
    one_per_person,
    reason_sentence,
    writing_atomically,
)
from atelier.french import (
    MONTHS_FR,
    as_typed,
    count,
    fold,
    join,
    long_date,
    plural,
    quoted,
    says_when,
    says_where,
    subject,
    without_quotes,
)
from atelier.reasons import aimed, helper_away, on_its_subject, one_word_of_a_short_statement
from atelier.synthesis import LEAD_MIN

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors
    from atelier.store import Store

__all__ = ["Fiche", "fiches_for", "write_fiches"]

DECIDED = (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
LEADS_PER_NEED = 2  # suggestions shown per need when nothing was decided for it
PRESENTED_MOST = 6  # items a page with nothing matched lists (the page stays one page)


@dataclass(slots=True)
class Person:
    """Someone a page names: who they are and where they come from."""

    name: str  # people, or the structure when no one is named
    structure: str
    territory: str
    contact: str = ""
    elsewhere: str = ""  # « atelier du 16 mars 2021 » when met at another workshop of the file
    names: list[str] = field(default_factory=list)  # each person: verbs agree with them
    # « une personne non nommée à sa demande » (Participant.seen_from): starts a line capitalised.
    unnamed: bool = False
    # A name someone else of the page's workshop also bears (another Julie Thomas, of another
    # structure): said with who this one is, « Julie Thomas (Mission locale de Tulle, atelier
    # du 15 mars 2022) », wherever a sentence names them.
    said_as: dict[str, str] = field(default_factory=dict)

    def said(self, name: str) -> str:
        """`name` as a sentence of the page says it."""
        return self.said_as.get(name, name)

    @property
    def people(self) -> int:
        return max(1, len(self.names))

    def line(self) -> str:
        """« Grégory TALVY — Région N-A, Nouvelle-Aquitaine »."""
        if self.unnamed:
            return self.name[:1].upper() + self.name[1:]
        place = [p for p in (self.structure, self.territory) if p and p not in self.name]
        place = [p for i, p in enumerate(place) if p not in place[:i] and not any(p in q for q in place[:i])]
        return " — ".join([self.name, ", ".join(place)]) if place else self.name


@dataclass(slots=True)
class Link:
    """One match as a page tells it: the other person, their words, why, and how far it went."""

    person: Person
    text: str  # what they offer (on the page of the one who needs) or what they need
    kind: ItemKind  # of the resource: offer, action or challenge
    decided: bool
    reason: str
    follow_up: str = ""  # « contacté le 02/03/2026 », for a decided match
    # Made by the facilitator: nothing says the helper shares a challenge; it is said as it is
    # in the grid.
    manual: bool = False
    # A decided match whose need or offer was retyped since (Match.retyped): said under it.
    retyped: bool = False
    # The resource says what the need is about (`reasons.on_its_subject`): only then is a
    # challenge « le même défi », shared with the one who needs (« X partage ce défi avec
    # vous »); one meaning alone links is said as theirs (« a pour défi »), the match as made.
    on_subject: bool = True
    # The resource is an aim typed among actions (`reasons.aimed`): « a pour objectif », never
    # « a déjà fait ».
    aim: bool = False
    # A decided match followed up « sans suite »: it did interest them, never said to now.
    dropped: bool = False


@dataclass(slots=True)
class Asked:
    text: str
    helpers: list[Link] = field(default_factory=list)
    # « atelier du 16 mars 2021 »: a need they noted at another workshop of the file, that
    # someone of this one can meet (said only with those helpers).
    when: str = ""


@dataclass(slots=True)
class Offered:
    text: str
    kind: ItemKind
    askers: list[Link] = field(default_factory=list)
    # An aim typed among their actions (`reasons.aimed`): under « Vos objectifs… », never
    # « Ce que vous faites déjà ».
    aim: bool = False


@dataclass(slots=True)
class Fiche:
    participant: Participant
    person: Person
    asked: list[Asked]
    offered: list[Offered]
    role: str = ""
    # Their actions and challenges that answer someone's need (« ce que vous faites déjà »).
    doing: list[Offered] = field(default_factory=list)
    # What they said, by kind: the page of someone nothing was matched with still says it.
    presented: list[tuple[ItemKind, str]] = field(default_factory=list)


def _person(participant: Participant, elsewhere: str = "", lang: str = "fr") -> Person:
    names = [n for n in participant.names if n]
    people = participant.people(lang)
    name = (
        people or participant.organisation or participant.territory or participant.source_text.strip() or "—"
    )
    structure = participant.organisation if people else ""
    return Person(
        name, structure, participant.territory, participant.contact, elsewhere, names, participant.unnamed
    )


def _reason(match: Match, lang: str = "fr", aim: bool = False) -> str:
    """The one reason a participant reads: why, not where (the page says where apart)."""
    return reason_sentence(match, lang, aim=aim)


def _follow_up(match: Match, lang: str = "fr") -> str:
    """As the minutes say it, « contacté le 2 mars 2026 », or its path: « décidée le 15 mars
    2022 · contactée le 2 mars 2026 »."""
    if match.status not in DECIDED:
        return ""
    return " · ".join(
        follow_up_lines(str(match.follow_up), match.follow_up_changed, match.follow_up_steps, lang)
    )


def fiches_for(
    store: Store,
    workshop_id: str,
    *,
    match_first: bool = True,
    vectors: WordVectors | None = None,
    progress: Progress | None = None,
    lang: str = "fr",
) -> tuple[Workshop, list[Fiche]]:
    """Each participant's page, in the grid's order, read once from the file; what Atelier
    says on it (reasons, follow-up, where someone was met) in `lang`."""
    say = progress or (lambda _p, _t: None)
    say(5, "lecture")
    workshop = store.workshop(workshop_id)
    participants = store.participants(workshop_id)
    people = {p.id: p for p in participants}
    items = {i.id: i for i in store.workshop_items(workshop_id)}
    statements = len(items)  # the grid's: in a small one, one word in common is « possible » at most
    matches = [m for m in store.matches(workshop_id) if m.status != MatchStatus.REJECTED]
    if match_first and not any(m.status == MatchStatus.SUGGESTED for m in matches):
        say(15, "rapprochement")
        matches += _matched_now(store, workshop_id, vectors, {(m.need_id, m.resource_id) for m in matches})
    # A need of another workshop that what one of these participants said here was matched to
    # (decided, or a suggestion the need's page shows): their page says who asked for it
    # there, as the need's page says who can help, and where the follow-up stands. The need
    # comes with all its matches, so that it is ranked here as on its own page.
    known = {m.id for m in matches}
    matches += [m for m in store.matches_answered_from(workshop_id) if m.id not in known]
    if match_first:
        # Another workshop never matched: its pages match in memory; so do these, for its
        # needs that what was said here answers.
        say(25, "rapprochement")
        matches += _answered_now(store, workshop_id, vectors, {m.id for m in matches})
    matches = matches_told(store, matches)  # never « A. Martin can help A. Martin »
    say(40, "mises en relation")
    workshops = {w.id: w for w in store.workshops()}
    elsewhere: dict[str, str] = {}  # participant id -> « atelier du … » for other workshops' people
    # Someone of this workshop whose cell says they were not in the room (« (excusée) » typed
    # after a decision with them): « excusé·e » beside their name, as the minutes say it.
    from atelier.i18n import away_word

    for person in participants:
        if person.away():
            elsewhere[person.id] = away_word(person.away(), lang)
    for match in matches:
        for item_id in (match.resource_id, match.need_id):
            if item_id in items:
                continue
            try:
                said = store.item(item_id)
                who = store.participant(said.participant_id)
            except Exception:  # a match whose need or resource went away is simply not shown
                continue
            items[said.id] = said
            people[who.id] = who
            other = workshops.get(who.workshop_id)
            if other is not None:
                # Their cell there says they were not at it: « excusé·e à l'atelier du … ».
                elsewhere[who.id] = met_at(other, lang, who.away())
    # Per need: decided matches, then the best suggestions (never for a need already answered).
    by_need: dict[str, list[Match]] = {}
    for match in matches:
        if match.need_id in items and match.resource_id in items:
            by_need.setdefault(match.need_id, []).append(match)
    shown: list[Match] = []
    for found in by_need.values():
        # As the window orders them (atelier.confidence.ordered), from « possible ».
        ranked = ordered(
            found,
            lambda m: items[m.resource_id].kind,
            least=LEAD_MIN,
            thin_of=lambda m: one_word_of_a_short_statement(
                m.reasons, items[m.need_id].text, items[m.resource_id].text, statements
            ),
        )
        decided = [m for m in ranked if m.status in DECIDED]
        leads = one_per_person(store, [m for m in ranked if m.status == MatchStatus.SUGGESTED])
        shown += decided + ([] if decided else leads[:LEADS_PER_NEED])

    def link(other_id: str, text: str, kind: ItemKind, match: Match) -> Link:
        # Someone of another workshop who asked not to be published: « une personne non
        # nommée à sa demande » (Participant.seen_from); the facilitator makes the link.
        person = _person(people[other_id].seen_from(workshop_id, lang), elsewhere.get(other_id, ""), lang)
        person.said_as = _told_apart(people[other_id], person, participants, workshop_id)
        resource = items[match.resource_id]
        aim = aimed(resource.kind, resource.text)
        # Their cell says they were not at the workshop where they wrote it (« (excusée) »):
        # never « A proposé lors de l'atelier du … » (reasons.helper_away), as the minutes say it.
        helper = people.get(resource.participant_id)
        away = helper.away() if helper is not None else ""
        told = replace(match, reasons=helper_away(match.reasons, away)) if away else match
        return Link(
            person,
            text,
            kind,
            match.status in DECIDED,
            _reason(told, lang, aim),
            _follow_up(match, lang),
            match.status == MatchStatus.MANUAL,
            match.status in DECIDED and bool(match.retyped),
            on_its_subject(match.reasons),
            aim,
            match.status in DECIDED and match.follow_up == FollowUp.DROPPED,
        )

    asked_links: dict[str, list[Link]] = {}
    offered_links: dict[str, list[Link]] = {}
    here = {p.id for p in participants}
    # A need of another workshop and its helpers of this one: on the page of the one who
    # needed it, if they came to this workshop too (one person over time: `one_person`).
    answered_here: dict[str, list[Link]] = {}
    for match in shown:
        need, resource = items[match.need_id], items[match.resource_id]
        asked_links.setdefault(need.id, []).append(
            link(resource.participant_id, resource.text, resource.kind, match)
        )
        if need.participant_id not in here and resource.participant_id in here:
            answered_here.setdefault(need.id, []).append(
                link(resource.participant_id, resource.text, resource.kind, match)
            )
        offered_links.setdefault(resource.id, []).append(
            link(need.participant_id, need.text, resource.kind, match)
        )
    # What a participant already does that answers a need: the leads shown to the one who
    # needs it, and beyond those (a third helper for a need), the other strong suggestions
    # whose resource is their action or challenge, two per item at most.
    shown_pairs = {(m.need_id, m.resource_id) for m in shown}
    # A need settled by a decided match gets no more leads, on anyone's page: the one who
    # needs it is shown none (above), and no one else is told it might interest them.
    answered = {m.need_id for m in shown if m.status in DECIDED}
    doing_links: dict[str, list[Link]] = {
        rid: list(found) for rid, found in offered_links.items() if items[rid].kind != ItemKind.OFFER
    }
    for match in sorted(matches, key=lambda m: -m.score):
        if match.need_id not in items or match.resource_id not in items:
            continue
        if (match.need_id, match.resource_id) in shown_pairs:
            continue
        need, resource = items[match.need_id], items[match.resource_id]
        if match.need_id in answered:
            continue
        if match.status != MatchStatus.SUGGESTED or match.score < LEAD_MIN:
            continue
        if resource.kind == ItemKind.OFFER or len(doing_links.get(resource.id, [])) >= LEADS_PER_NEED:
            continue
        doing_links.setdefault(resource.id, []).append(
            link(need.participant_id, need.text, resource.kind, match)
        )
    # Such a need comes with every helper its own page shows (Marc Roux, confirmed at that
    # workshop, beside Corinne of this one): the page never tells half of where it stands.
    whole = {need_id: asked_links.get(need_id, found) for need_id, found in answered_here.items()}
    earlier = _asked_earlier(participants, people, items, whole, workshops, lang)
    fiches = []
    for participant in participants:
        own = sorted(
            (i for i in items.values() if i.participant_id == participant.id), key=lambda i: i.position
        )
        asked = [
            Asked(i.text, sorted(asked_links.get(i.id, []), key=lambda x: not x.decided))
            for i in own
            if i.kind == ItemKind.NEED
        ] + earlier.get(participant.id, [])
        offered = [
            Offered(i.text, i.kind, sorted(offered_links.get(i.id, []), key=lambda x: not x.decided))
            for i in own
            if i.kind == ItemKind.OFFER
        ]
        doing = [
            Offered(
                i.text, i.kind, sorted(doing_links[i.id], key=lambda x: not x.decided), aimed(i.kind, i.text)
            )
            for i in own
            if i.kind in (ItemKind.ACTION, ItemKind.CHALLENGE) and doing_links.get(i.id)
        ]
        presented: list[tuple[ItemKind, str]] = [
            (i.kind, i.text) for i in own if i.kind in (ItemKind.ACTION, ItemKind.CHALLENGE)
        ]
        fiches.append(
            Fiche(
                participant,
                _person(participant, lang=lang),
                asked,
                offered,
                participant.role,
                doing,
                presented,
            )
        )
    say(50, "fiches")
    return workshop, fiches


def _told_apart(
    other: Participant, person: Person, participants: list[Participant], workshop_id: str
) -> dict[str, str]:
    """Name -> the name with who it is, for each name of `other` that someone else of the
    page's workshop bears too (the same words, or a spelling of them: matching.across
    `same_person`, structures aside) without being that person: « Julie Thomas (Mission
    locale de Tulle, atelier du 15 mars 2022) » on a March page whose room had the Julie
    Thomas of the PETR."""
    from atelier.matching.across import same_person

    said: dict[str, str] = {}
    for name in person.names:
        homonym = any(
            same_person(name, "", theirs, "")
            and not same_person(name, other.organisation, theirs, p.organisation)
            for p in participants
            if p.id != other.id
            for theirs in p.names
            if theirs.strip()
        )
        if not homonym:
            continue
        who = [person.structure] if person.structure else []
        if other.workshop_id != workshop_id and person.elsewhere:
            who.append(person.elsewhere)
        if not who and person.territory:
            who.append(person.territory)
        if who:
            said[name] = f"{name} ({', '.join(who)})"
    return said


def _answered_now(store: Store, workshop_id: str, vectors: WordVectors | None, told: set[str]) -> list[Match]:
    """The needs of the file's other workshops with no suggestion saved (never matched, or
    matched by the window of a read-only file) that their pages, matched in memory, answer
    with something said at this workshop: each with its matches as its own page reads them
    (`fiches_for` there), so that it is ranked here as there. Not those of a participant who
    asked not to be published in the directory, as for saved ones (matches_answered_from)."""
    here = {i.id for i in store.workshop_items(workshop_id)}
    found: list[Match] = []
    for other in store.workshops():
        if other.id == workshop_id:
            continue
        stored = [m for m in store.matches(other.id) if m.status != MatchStatus.REJECTED]
        if any(m.status == MatchStatus.SUGGESTED for m in stored):
            continue  # its pages read the saved ones: so do these (matches_answered_from)
        withdrawn = {p.id for p in store.participants(other.id) if p.unlisted}
        needs = {i.id for i in store.workshop_items(other.id) if i.kind == ItemKind.NEED}
        needs -= {i.id for i in store.workshop_items(other.id) if i.participant_id in withdrawn}
        if not needs:
            continue
        fresh = _matched_now(store, other.id, vectors, {(m.need_id, m.resource_id) for m in stored})
        answered = {m.need_id for m in fresh if m.resource_id in here and m.need_id in needs}
        found += [m for m in [*stored, *fresh] if m.need_id in answered and m.id not in told]
    return found


def _asked_earlier(
    participants: list[Participant],
    people: dict[str, Participant],
    items: dict[str, Item],
    answered_here: dict[str, list[Link]],
    workshops: dict[str, Workshop],
    lang: str,
) -> dict[str, list[Asked]]:
    """Participant id -> the needs they noted at another workshop that someone of this one can
    meet, with their helpers (of this workshop, and of others, as the need's own page shows
    them): « Lucie Leroy » of March, back in September, is told that Paul, in the room in
    September, offers what she looked for in March. Only when one participant
    of this workshop is that person (the same names, or another spelling of them:
    matching.across `one_person`); two of them who could be (homonyms) leave it unsaid."""
    from atelier.matching.across import one_person

    found: dict[str, list[tuple[tuple[str, int], Asked]]] = {}
    for need_id, helpers in answered_here.items():
        need = items[need_id]
        asker = people.get(need.participant_id)
        workshop = workshops.get(asker.workshop_id) if asker is not None else None
        if asker is None or workshop is None:
            continue
        same = [p for p in participants if one_person(p, asker)]
        if len(same) != 1:
            continue
        ranked = sorted(helpers, key=lambda x: not x.decided)
        found.setdefault(same[0].id, []).append(
            (
                (workshop.date or workshop.created, need.position),
                Asked(need.text, ranked, met_at(workshop, lang)),
            )
        )
    return {pid: [a for _, a in sorted(asked, key=lambda t: t[0])] for pid, asked in found.items()}


def _matched_now(
    store: Store, workshop_id: str, vectors: WordVectors | None, known: set[tuple[str, str]]
) -> list[Match]:
    """Never matched: match now, in memory (the file is left as it is), across the file's
    workshops when it has several."""
    from atelier.matching import match_workshop

    across = len(store.workshops()) > 1
    report = match_workshop(store, workshop_id, vectors=vectors, across=across)
    return [
        Match(workshop_id, s.need_id, s.resource_id, MatchStatus.SUGGESTED, s.score, s.reasons)
        for found in report.suggestions.values()
        for s in found
        if (s.need_id, s.resource_id) not in known
    ]


# ------------------------------------------------------------------ writing


def _page_break_before(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    properties.append(OxmlElement("w:pageBreakBefore"))


# Each fixed sentence of a page: (French, English).
PAGE: dict[str, tuple[str, str]] = {
    "confirmed": (
        "Mise en relation confirmée — suivi : {follow_up}.",
        "Confirmed match — follow-up: {follow_up}.",
    ),
    # A match the facilitator added by hand: not « confirmée » (no suggestion was), and its
    # reason and its follow-up on one line (« faite par l'animateur » then « à contacter » read
    # as done, then not).
    "by_hand_follow_up": (
        "Mise en relation décidée par l'animateur — suivi : {follow_up}.",
        "Match made by the facilitator — follow-up: {follow_up}.",
    ),
    "retyped": (
        "⚠ Texte modifié depuis la décision : à vérifier avec la personne.",
        "⚠ Text changed since the decision: to check with the person.",
    ),
    "contact": ("Contact : ", "Contact: "),
    "lead": (
        "Piste suggérée par Atelier, à vérifier avec la personne.",
        "A lead suggested by Atelier, to check with the person.",
    ),
    "nothing": (
        "Vous n'avez noté ni besoin de ressources ni ressource à proposer pendant l'atelier.",
        "You noted neither a need for resources nor a resource to offer during the workshop.",
    ),
    "doing_settled": (
        "Ce que vous faites déjà et qui en intéresse d'autres",
        "What you already do that interests others",
    ),
    "doing_maybe": (
        "Ce que vous faites déjà et qui pourrait en intéresser d'autres",
        "What you already do that could interest others",
    ),
    # Aims and plans typed among their actions (`reasons.aimed`): not done yet.
    "aims_settled": ("Vos objectifs, qui en intéressent d'autres", "Your aims, which interest others"),
    "aims_maybe": (
        "Vos objectifs, qui pourraient en intéresser d'autres",
        "Your aims, which could interest others",
    ),
    # A challenge is not something one does: the ones someone shares (or could) have their own.
    # Shared only when a decided match says the need is on its subject (`Link.on_subject`).
    "challenges_settled": ("Vos défis, partagés par d'autres", "Your challenges, shared by others"),
    "challenges_maybe": (
        "Vos défis, que d'autres pourraient partager",
        "Your challenges, which others could share",
    ),
    # Only matches the facilitator made, or ones nothing but meaning links: nothing says shared.
    "challenges": ("Vos défis", "Your challenges"),
    "presented": ("Ce que vous avez présenté", "What you presented"),
    "more": ("… et {others} dans la grille du compte rendu.", "… and {others} in the grid of the minutes."),
    "no_one_yet": (
        "Atelier n'a repéré personne pour l'instant qui cherche ce que vous faites : le compte "
        "rendu de l'atelier reprend les besoins et les ressources de tous les participants.",
        "Atelier has found no one yet who is looking for what you do: the workshop's minutes list "
        "the needs and the resources of every participant.",
    ),
    "on_page": ("{decided} sur cette fiche. ", "{decided} on this page. "),
    "on_page_dropped": (
        "{decided} sur cette fiche, dont {dropped} sans suite. ",
        "{decided} on this page, {dropped} of them dropped. ",
    ),
    "made": ("Fiche préparée avec Atelier le {day}.", "Page prepared with Atelier on {day}."),
    "workshop_contact": ("Contact de l'atelier : ", "Workshop contact: "),
    "title": ("Fiches des participants — {title}", "Participant pages — {title}"),
    "asked": ("Ce que vous cherchez", "What you are looking for"),
    "asked_none": (
        "Vous n'avez pas noté de besoin de ressources pendant l'atelier.",
        "You noted no need for resources during the workshop.",
    ),
    "away_excused": (
        "Excusé·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne.",
        "Excused from this workshop: what you had sent was matched with no one there.",
    ),
    "away_absent": (
        "Absent·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne.",
        "Absent from this workshop: what you had sent was matched with no one there.",
    ),
    # Their page holds what the facilitator decided with them all the same (after the
    # workshop, or before their cell said they were away): not « … de personne. » above it.
    "away_excused_decided": (
        "Excusé·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne, "
        "hormis ce qu'a décidé l'animateur (ci-dessous).",
        "Excused from this workshop: what you had sent was matched with no one there, apart "
        "from what the facilitator decided (below).",
    ),
    "away_absent_decided": (
        "Absent·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne, "
        "hormis ce qu'a décidé l'animateur (ci-dessous).",
        "Absent from this workshop: what you had sent was matched with no one there, apart "
        "from what the facilitator decided (below).",
    ),
    "no_helper": (
        "Personne n'a encore été repéré pour ce besoin.",
        "No one has been found for this need yet.",
    ),
    "offered": ("Ce que vous pouvez apporter", "What you can offer"),
    "offered_none": (
        "Vous n'avez pas noté de ressource à proposer pendant l'atelier.",
        "You noted no resource to offer during the workshop.",
    ),
    "unasked_one": (
        "Personne ne l'a encore demandé pendant l'atelier.",
        "No one has asked for it during the workshop yet.",
    ),
    "unasked_all": (
        "Personne ne les a encore demandées pendant l'atelier :",
        "No one has asked for these during the workshop yet:",
    ),
    "unasked_some": ("Pas encore demandées pendant l'atelier :", "Not asked for during the workshop yet:"),
    # Theirs, when their cell says they were not in the room (« (excusé) »): matched with no
    # one because of that, never « personne ne l'a demandé », which may be untrue. {state}:
    # « excusé·e », « absent·e » (English « excused from », « absent from »).
    "away_one": (
        "Sans mise en relation : vous étiez {state} à cet atelier.",
        "Not matched: you were {state} this workshop.",
    ),
    "away_all": (
        "Sans mise en relation, car vous étiez {state} à cet atelier :",
        "Not matched, as you were {state} this workshop:",
    ),
    "away_some": (
        "Les autres, sans mise en relation car vous étiez {state} à cet atelier :",
        "The others, not matched as you were {state} this workshop:",
    ),
    "action_lead": ("Cette action que vous menez", "This action of yours"),
    "aim_lead": ("Cet objectif que vous avez noté", "This aim of yours"),
    "offer_lead": ("Cette proposition", "This offer"),
    "by_hand": (
        "mise en relation décidée par l'animateur avec {names} sur ce défi",
        "match made by the facilitator with {names} on this challenge",
    ),
    # A decided match whose need is not on the challenge's subject (a closeness of meaning, a
    # word inside an expression): made, not shared.
    "confirmed_with": (
        "mise en relation confirmée avec {names} sur ce défi",
        "match confirmed with {names} on this challenge",
    ),
    # A suggestion of the same kind: Atelier's reading, not theirs.
    "linked": (
        "Atelier rapproche ce défi d'un besoin noté par {names}",
        "Atelier links this challenge to a need noted by {names}",
    ),
}

# What someone of a row does, agreeing with their number: (singular, plural) in each language.
VERBS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "offer": ("propose", "proposent"),
        # What they did, as the grid's column says it (« a déjà fait… »): never « l'a déjà
        # fait », which says they did what the need asks, more than any reason can tell.
        "action": ("a déjà fait", "ont déjà fait"),
        # An aim typed among their actions (`reasons.aimed`): what they aim to do.
        "aim": ("a pour objectif", "ont pour objectif"),
        "challenge": ("a le même défi", "ont le même défi"),
        "their_challenge": ("a pour défi", "ont pour défi"),
        "seeks": ("cherche", "cherchent"),
        "shares": ("partage", "partagent"),
        "could_also_share": ("pourrait aussi le partager", "pourraient aussi le partager"),
        "could_share": ("pourrait partager ce défi avec vous", "pourraient partager ce défi avec vous"),
    },
    "en": {
        "offer": ("offers", "offer"),
        "action": ("has already done", "have already done"),
        "aim": ("has the aim", "have the aim"),
        "challenge": ("has the same challenge", "have the same challenge"),
        "their_challenge": ("has the challenge", "have the challenge"),
        "seeks": ("is looking for", "are looking for"),
        "shares": ("shares", "share"),
        "could_also_share": ("could share it too", "could share it too"),
        "could_share": ("could share this challenge with you", "could share this challenge with you"),
    },
}


def _said(key: str, lang: str) -> str:
    return PAGE[key][1 if lang == "en" else 0]


def _verb(key: str, people: int, lang: str) -> str:
    singular, plural_form = VERBS["en" if lang == "en" else "fr"][key]
    return plural(people, singular, plural_form, lang=lang)


def _colon(lang: str) -> str:
    """Before what someone said: « : » in French (the writer makes its space non-breaking),
    a colon right after the word in English."""
    return " :" if lang == "fr" else ":"


def _by_hand(link: Link, lang: str) -> bool:
    """A match the facilitator added by hand with no reason but that: said with its follow-up."""
    return link.decided and link.manual and link.reason == made_by_hand(lang)


def _decided_line(link: Link, lang: str) -> str:
    """« Mise en relation confirmée — suivi : … », « … décidée par l'animateur — suivi : … »."""
    return _said("by_hand_follow_up" if _by_hand(link, lang) else "confirmed", lang).format(
        follow_up=link.follow_up
    )


def _helper_lines(link: Link, lang: str = "fr") -> tuple[str, str, list[str]]:
    """(bold lead, rest of the bullet, lines under it) for someone who can help."""
    person = link.person
    where = f" ({person.elsewhere})" if person.elsewhere else ""
    # agreeing with the people of the row: « Corinne et Sefallah proposent »; an action is
    # what they did (« a déjà fait »); a challenge « le même » only on the need's subject and
    # not made by hand, else theirs (« a pour défi »).
    key = {ItemKind.ACTION: "aim" if link.aim else "action", ItemKind.CHALLENGE: "challenge"}.get(
        link.kind, "offer"
    )
    if link.kind == ItemKind.CHALLENGE and (link.manual or not link.on_subject):
        key = "their_challenge"
    verb = _verb(key, person.people, lang)
    rest = f"{where} {verb}{_colon(lang)} {quoted(link.text, lang)}"
    under = []
    if link.reason and not _by_hand(link, lang):
        under.append(link.reason)
    if link.decided:
        under.append(_decided_line(link, lang))
        if link.retyped:
            under.append(_said("retyped", lang))
        if person.contact:
            under.append(f"{_said('contact', lang)}{person.contact}")
    else:  # with its reason, on one line: the page keeps to one page
        under = [" ".join([*under, _said("lead", lang)])]
    return as_typed(person.line()), rest, under


def _asker_lines(link: Link, lang: str = "fr") -> tuple[str, str, list[str]]:
    """(bold lead, rest of the bullet, lines under it) for someone who asked for this."""
    person = link.person
    where = f" ({person.elsewhere})" if person.elsewhere else ""
    rest = f"{where} {_verb('seeks', person.people, lang)}{_colon(lang)} {quoted(link.text, lang)}"
    # Why, as the page of the one who asked says it: a match reads the same from both ends.
    under = [link.reason] if link.reason and not _by_hand(link, lang) else []
    if link.decided:
        under.append(_decided_line(link, lang))
        if link.retyped:
            under.append(_said("retyped", lang))
        if person.contact:
            under.append(f"{_said('contact', lang)}{person.contact}")
    else:
        under = [" ".join([*under, _said("lead", lang)])]
    return as_typed(person.line()), rest, under


def write_fiches(
    workshop: Workshop,
    fiches: list[Fiche],
    target: str | Path,
    *,
    template: Path | None = None,
    progress: Progress | None = None,
    today: str | None = None,
    lang: str = "fr",
    replace: bool = True,
) -> Path:
    """One page per participant, in the minutes' template (its styles), whole or not at all,
    in `lang` ("fr" or "en": the Fiche's reasons and follow-up were said in it)."""
    from atelier.exports.word import Writer, describe, open_template, set_language

    say = progress or (lambda _p, _t: None)
    target = Path(target)
    document = open_template(template)
    set_language(document, "en-GB" if lang == "en" else "fr-FR")
    when = long_date(workshop.date, lang) if workshop.date else ""
    made = long_date(today or dt.date.today().isoformat(), lang)
    continued = "List Continue" if "List Continue" in {s.name for s in document.styles} else "Normal"
    with writing_atomically(target, replace=replace) as temp:
        w = Writer(document, french=lang == "fr")
        for number, fiche in enumerate(fiches):
            say(50 + int(45 * number / max(1, len(fiches))), "fiches")
            title = w.paragraph(as_typed(fiche.person.name), "Title")  # names as typed
            if number:
                _page_break_before(title)
            who = [p for p in (fiche.person.structure, fiche.person.territory, fiche.role) if p]
            who = [p for i, p in enumerate(who) if p not in who[:i] and p not in fiche.person.name]
            if who:
                w.paragraph(
                    " · ".join(as_typed(p) for p in who), "Subtitle" if w.has("Subtitle") else "Normal"
                )
            w.paragraph(_about(workshop, when, lang) + ".", "Normal")
            decided = sum(link.decided for asked in fiche.asked for link in asked.helpers)
            decided += sum(
                link.decided for offered in [*fiche.offered, *fiche.doing] for link in offered.askers
            )
            # Of them, those followed up « sans suite »: said, as the minutes say them.
            dropped = sum(link.dropped for asked in fiche.asked for link in asked.helpers)
            dropped += sum(
                link.dropped for offered in [*fiche.offered, *fiche.doing] for link in offered.askers
            )
            # When the page was made, what it settles and whom to write to, under its title: at
            # its foot, LibreOffice printed them alone at the top of a sheet whenever the page
            # ended at the bottom of the one before (it drops keep-with-next chains in long
            # documents), a sheet of two lines cut from what they close.
            made_on = _said("made", lang).format(day=made)
            # « confirmées » when the facilitator confirmed each; « décidées » (as `atelier info`
            # and the minutes count them) when one was added by hand: none was « confirmée ».
            links = [link for asked in fiche.asked for link in asked.helpers]
            links += [link for offered in [*fiche.offered, *fiche.doing] for link in offered.askers]
            if any(link.decided and link.manual for link in links):
                one, many = ("mise en relation décidée", "mises en relation décidées")
                one_en, many_en = ("decided match", "decided matches")
            else:
                one, many = ("mise en relation confirmée", "mises en relation confirmées")
                one_en, many_en = ("confirmed match", "confirmed matches")
            if decided:
                confirmed = (
                    count(decided, one, many, lang="fr")
                    if lang == "fr"
                    else count(decided, one_en, many_en, lang="en")
                )
                if dropped:
                    closed = count(dropped, "classée", "classées", lang="fr") if lang == "fr" else dropped
                    made_on = (
                        _said("on_page_dropped", lang).format(decided=confirmed, dropped=closed) + made_on
                    )
                else:
                    made_on = _said("on_page", lang).format(decided=confirmed) + made_on
            w.paragraph(made_on, "Normal")
            if workshop.contact:
                contact = " — ".join(line.strip() for line in workshop.contact.splitlines() if line.strip())
                organiser = f"{workshop.organiser}{_colon(lang)} " if workshop.organiser else ""
                w.paragraph(f"{organiser}{contact}", "Normal", bold_prefix=_said("workshop_contact", lang))
            away = fiche.participant.away()
            if away:  # « (excusé) » in their cell: matched with no one, and the page says why
                w.paragraph(_said(f"away_{away}{'_decided' if decided else ''}", lang), "Normal")
            elif represented := fiche.participant.representation(lang):
                # Someone came instead: the person the room met, to contact, said on her page.
                w.paragraph(represented[:1].upper() + represented[1:] + ".", "Normal")

            if fiche.asked or fiche.offered:
                _asked(w, fiche, continued, lang)
                _offered(w, fiche, continued, lang)
            else:
                w.paragraph(_said("nothing", lang), "Normal")
            actions = [d for d in fiche.doing if d.kind != ItemKind.CHALLENGE and not d.aim]
            aims = [d for d in fiche.doing if d.aim]
            challenges = [d for d in fiche.doing if d.kind == ItemKind.CHALLENGE]
            # Aims typed among their actions are not « ce que vous faites déjà »: said apart.
            for heading, said in (("doing", actions), ("aims", aims)):
                if said:
                    settled = any(
                        link.decided and not link.dropped for doing in said for link in doing.askers
                    )
                    w.heading(_said(f"{heading}_{'settled' if settled else 'maybe'}", lang), 1)
                    for doing in said:
                        _wanted_by(w, doing, continued, lang)
            if challenges:
                links = [link for doing in challenges for link in doing.askers]
                if any(link.decided and not link.manual and link.on_subject for link in links):
                    heading = "challenges_settled"
                elif any(not link.decided and link.on_subject for link in links):
                    heading = "challenges_maybe"
                else:  # made by hand, or linked by meaning alone: nothing says anyone shares them
                    heading = "challenges"
                w.heading(_said(heading, lang), 1)
                for doing in challenges:
                    _wanted_by(w, doing, continued, lang)
            if not (fiche.asked or fiche.offered or fiche.doing) and fiche.presented:
                # Nothing matched: what they presented, and how to go on.
                w.heading(_said("presented", lang), 1)
                shown = sorted(fiche.presented, key=lambda kt: kt[0] != ItemKind.ACTION)[:PRESENTED_MOST]
                for kind, text in shown:
                    prefix = _PRESENTED_AIM[lang] if aimed(kind, text) else _PRESENTED[lang][kind]
                    prefix, text = _label_once(prefix, text)
                    w.paragraph(text, "List Bullet", bold_prefix=prefix)
                more = len(fiche.presented) - len(shown)
                if more:
                    others = count(more, "autre", "autres", lang="fr") if lang == "fr" else f"{more} more"
                    w.paragraph(_said("more", lang).format(others=others), "Normal")
                w.paragraph(_said("no_one_yet", lang), "Normal", space_before=8)
        describe(
            document, _said("title", lang).format(title=workshop.title), "en-GB" if lang == "en" else "fr-FR"
        )
        say(95, "écriture")
        document.save(str(temp))
    say(100, "terminé")
    return target


_PRESENTED = {
    "fr": {ItemKind.ACTION: "Action : ", ItemKind.CHALLENGE: "Défi : "},
    "en": {ItemKind.ACTION: "Action: ", ItemKind.CHALLENGE: "Challenge: "},
}
# An aim typed among actions (`reasons.aimed`), as it is: not « Action : ».
_PRESENTED_AIM = {"fr": "Objectif : ", "en": "Aim: "}
# The same labels' words in both languages: a grid in French, its pages in English.
_LABEL_WORDS = [{"action"}, {"defi", "challenge"}, {"objectif", "aim"}]


def _label_once(prefix: str, text: str) -> tuple[str, str]:
    """The label and the text a page prints of what was presented: a text that begins with
    that label already (« objectifs : créer … et proposer … ») gives the label once, in the
    number it was typed in (« Objectifs : créer … »), never « Objectif : objectifs : créer … »;
    a text that begins with another label (« Public : jeunes ») keeps it."""
    typed = re.match(r"\s*([^\W\d_]+)\s*:\s*(\S.*)", text, re.DOTALL)
    if typed is None:
        return prefix, text
    word = prefix.split(":")[0].strip()
    said = fold(typed.group(1))
    singular = said[:-1] if said.endswith("s") else said
    if fold(word) in ("objectif", "aim") and said in ("enjeu", "enjeux"):
        # « enjeu : la création d'une culture commune… », an aim as its author labels it: their
        # label (« Enjeu : la création… »), never « Objectif : enjeu : la création… ».
        label = typed.group(1)[:1].upper() + typed.group(1)[1:]
        return (f"{label} : " if fold(word) == "objectif" else prefix), typed.group(2)
    if not any(fold(word) in same and singular in same for same in _LABEL_WORDS):
        return prefix, text
    if said != singular:  # « Défis : loger …, transporter … » for « défis : … »
        prefix = prefix.replace(word, word + "s", 1)
    return prefix, typed.group(2)


def _about(workshop: Workshop, when: str, lang: str = "fr") -> str:
    """« Atelier du 16 mars 2021, Bordeaux »; « Atelier « Lever les freins » du 14 mai 2024 »;
    a title that says when (« Atelier d'octobre 2023 ») is not followed by the date again.
    English: « Workshop “Lever les freins”, 14 May 2024, Bordeaux »."""
    title = workshop.title.strip()
    bare = without_quotes(title)  # « « Lever les freins » » typed: quoted once
    if lang == "en":
        about = title if fold(bare).startswith(("atelier", "workshop")) else f"Workshop {quoted(bare, 'en')}"
        if when and not says_when(title, workshop.date):
            about += f", {when}"
    else:
        about = title if fold(bare).startswith("atelier") else f"Atelier « {bare} »"
        if when and not says_when(title, workshop.date):
            # « Atelier de septembre, 14 septembre 2021 », not « Atelier de septembre du 14… »
            words = set(fold(title).replace("'", " ").replace("’", " ").split())
            named = words & {fold(m) for m in MONTHS_FR}
            about += f", {when}" if named else f" du {when}"
    if workshop.place and not says_where(title, workshop.place):  # « — Langon » in the title
        about += f", {workshop.place}"
    return about


def _asked(w: Any, fiche: Fiche, continued: str, lang: str = "fr") -> None:
    w.heading(_said("asked", lang), 1)
    if not any(not asked.when for asked in fiche.asked):
        w.paragraph(_said("asked_none", lang), "Normal")
    for asked in fiche.asked:
        when = f" ({asked.when})" if asked.when else ""
        w.paragraph(quoted(asked.text, lang) + when, "Heading 2")
        if not asked.helpers:
            away = _away(fiche, lang) if not asked.when else ""
            w.paragraph(
                _said("away_one", lang).format(state=away) if away else _said("no_helper", lang), "Normal"
            )
        for link in asked.helpers:
            lead, rest, under = _helper_lines(link, lang)
            w.paragraph(rest, "List Bullet", bold_prefix=lead)
            for line in under:
                w.paragraph(line, continued)


def _away(fiche: Fiche, lang: str) -> str:
    """« excusé·e », « absent·e » (English « excused from », « absent from ») when their cell
    says they were not in the room: why nothing of theirs was matched; else ""."""
    from atelier.domain import EXCUSED

    away = fiche.participant.away()
    if not away:
        return ""
    if lang == "en":
        return "excused from" if away == EXCUSED else "absent from"
    return "excusé·e" if away == EXCUSED else "absent·e"


def _offered(w: Any, fiche: Fiche, continued: str, lang: str = "fr") -> None:
    w.heading(_said("offered", lang), 1)
    if not fiche.offered:
        w.paragraph(_said("offered_none", lang), "Normal")
    for offered in fiche.offered:
        if offered.askers:
            _wanted_by(w, offered, continued, lang)
    # What no one asked for yet, together: the page keeps to one page.
    unasked = [quoted(offered.text, lang) for offered in fiche.offered if not offered.askers]
    away = _away(fiche, lang)
    said = "away" if away else "unasked"
    if len(unasked) == 1:
        w.paragraph(unasked[0], "Heading 2")
        w.paragraph(_said(f"{said}_one", lang).format(state=away), "Normal")
    elif unasked:
        w.paragraph(
            _said(f"{said}_{'all' if len(unasked) == len(fiche.offered) else 'some'}", lang).format(
                state=away
            ),
            "Normal",
        )
        for text in unasked:
            w.paragraph(text, "List Bullet")


def _named_once(found: list[tuple[str, str]], besides: list[tuple[str, str]]) -> list[str]:
    """The names of these (name, structure), each person once and none of `besides`: someone
    who asked twice, or at two workshops under two spellings (« LEROY Lucie », « Lucie LEROY »
    of the PLIE: matching.across `same_person`), is named once, as first written."""
    from atelier.matching.across import same_person

    kept: list[tuple[str, str]] = []
    for name, structure in found:
        if not any(n == name or same_person(name, structure, n, s) for n, s in [*besides, *kept]):
            kept.append((name, structure))
    return [name for name, _ in kept]


def _wanted_by(w: Any, offered: Offered, continued: str, lang: str = "fr") -> None:
    """An offer, action or challenge of theirs, and who needs it (verbs agreeing with them).

    Interest is said only where it was decided (a confirmed or hand-made match); a
    suggestion is what could interest someone, still to check with them."""
    w.paragraph(quoted(offered.text, lang), "Heading 2")
    english = lang == "en"

    def names(decided: bool, besides: list[str] | None = None, *, dropped: bool = False) -> list[str]:
        found = [
            (link.person.said(n), link.person.structure)
            for link in offered.askers
            if link.decided == decided and link.dropped == dropped
            for n in (link.person.names or [link.person.name])
        ]
        return _named_once(found, [(n, structures[n]) for n in besides or []])

    # Each name as said (with who it is when someone else of the workshop bears it too).
    structures = {
        link.person.said(n): link.person.structure
        for link in offered.askers
        for n in (link.person.names or [link.person.name])
    }
    sure = names(True)
    # Put in touch, then followed up « sans suite »: it interested them, it is not said to now.
    gone = names(True, sure, dropped=True)
    closed = sum(1 for link in offered.askers if link.decided and link.dropped)  # matches, not people
    maybe = names(False, [*sure, *gone])
    if offered.kind == ItemKind.CHALLENGE:
        parts = []

        def who(links: list[Link], besides: list[str]) -> list[str]:
            found = [
                (link.person.said(n), link.person.structure)
                for link in links
                for n in (link.person.names or [link.person.name])
            ]
            return _named_once(found, [(n, structures.get(n, "")) for n in besides])

        # A match the facilitator made does not say they share it: only that it was made; nor
        # one whose need only meaning (or a word inside an expression) links to the challenge.
        by_hand = who([link for link in offered.askers if link.manual], [])
        shared = who(
            [link for link in offered.askers if link.decided and not link.manual and link.on_subject], by_hand
        )
        made = who([link for link in offered.askers if link.decided and not link.manual], [*by_hand, *shared])
        could = who([link for link in offered.askers if not link.decided and link.on_subject], [*sure, *gone])
        linked = who([link for link in offered.askers if not link.decided], [*sure, *could])
        if shared:
            with_you = "this challenge with you" if english else "ce défi avec vous"
            parts.append(f"{subject(shared, *VERBS[lang]['shares'], lang=lang)} {with_you}")
        if made:
            parts.append(_said("confirmed_with", lang).format(names=join(made, lang=lang)))
        if by_hand:
            parts.append(_said("by_hand", lang).format(names=join(by_hand, lang=lang)))
        if could:
            could_say = VERBS[lang]["could_also_share" if shared else "could_share"]
            parts.append(subject(could, *could_say, lang=lang))
        if linked:
            parts.append(_said("linked", lang).format(names=join(linked, lang=lang)))
        said = ("; " if english else " ; ").join(parts)
        w.paragraph(said[:1].upper() + said[1:] + _colon(lang), "Normal")
    else:
        lead = _said(
            "aim_lead" if offered.aim else "action_lead" if offered.kind == ItemKind.ACTION else "offer_lead",
            lang,
        )
        verbs = []
        if english:
            if sure:
                verbs.append(f"interests {join(sure, lang='en')}")
            if gone:
                verbs.append(
                    f"interested {join(gone, lang='en')} ({'matches' if closed > 1 else 'match'} dropped)"
                )
            if maybe:
                also = "could also interest" if sure or gone else "could interest"
                verbs.append(f"{also} {join(maybe, lang='en')}")
            w.paragraph(f"{lead} {'; it '.join(verbs)}:", "Normal")
        else:
            if sure:
                verbs.append(f"intéresse {join(sure, lang='fr')}")
            if gone:
                which = "mises en relation classées" if closed > 1 else "mise en relation classée"
                verbs.append(f"a intéressé {join(gone, lang='fr')} ({which} sans suite)")
            if maybe:
                also = "pourrait aussi intéresser" if sure or gone else "pourrait intéresser"
                verbs.append(f"{also} {join(maybe, lang='fr')}")
            # The pronoun agrees with the lead: « Cette proposition … ; elle », « Cet objectif … ; il ».
            pronoun = " ; il " if offered.aim else " ; elle "
            w.paragraph(f"{lead} {pronoun.join(verbs)} :", "Normal")
    for link in offered.askers:
        lead_text, rest, under = _asker_lines(link, lang)
        w.paragraph(rest, "List Bullet", bold_prefix=lead_text)
        for line in under:
            w.paragraph(line, continued)
