"""Exports for staff: Excel summary tables and Word minutes, written whole or not at all."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atelier.confidence import ordered
from atelier.domain import (
    ITEM_KINDS,
    FollowUpStep,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    Reason,
    ReasonKind,
    SynthesisSection,
    Workshop,
    people_of,
)
from atelier.errors import AtelierError, FileRefused
from atelier.reasons import aimed, checked, on_its_subject, one_word_of_a_short_statement, say_all
from atelier.synthesis import LEAD_MIN as LEAD_MIN

if TYPE_CHECKING:
    from atelier.anonymise import NameMasker
    from atelier.matching.engine import NeedGroup
    from atelier.matching.semantic import WordVectors
    from atelier.store import Store

__all__ = [
    "ExportData",
    "Progress",
    "drafted_sections",
    "gather",
    "minutes_sections",
    "minutes_synthesis",
    "gone_sentences",
    "stale_sections",
    "stale_sentences",
    "write_text",
    "writing_atomically",
]

Progress = Callable[[int, str], None]  # percent, what is being done


@dataclass(slots=True)
class SharedNeed:
    """A group of needs several participants share (`atelier.matching.need_groups`): the Excel
    summary lists it, the minutes' « Les besoins de ressources » say it in a sentence."""

    label: str
    quotes: list[tuple[str, str]]  # (who said it, the need), each need with its own author
    need_ids: list[str] = field(default_factory=list)
    group: NeedGroup | None = None  # what the group shares, and how each need writes it

    @property
    def participants(self) -> list[str]:
        return list(dict.fromkeys(who for who, _ in self.quotes))

    @property
    def needs(self) -> list[str]:
        return [text for _, text in self.quotes]

    @property
    def people(self) -> int:
        """How many people share it (a row naming two people: two), as its label says."""
        return self.group.headcount() if self.group is not None else len(self.participants)


@dataclass(slots=True)
class Entry:
    """One item as the export shows it (text anonymised if asked), with its author's id."""

    id: str
    participant_id: str
    kind: ItemKind
    text: str


@dataclass(slots=True)
class MatchRow:
    need_who: str
    need: str
    resource_who: str
    resource: str
    source: ItemKind
    status: MatchStatus
    score: float
    reasons: list[str]
    follow_up: str
    note: str
    follow_up_changed: str = ""  # when the follow-up state last changed (stored UTC timestamp or date)
    elsewhere: str = ""  # « atelier du 16 mars 2021 » when the resource was said at another workshop
    reason: str = ""  # the one reason a participant reads, as a sentence (see `reason_sentence`)
    need_owner: str = ""  # the participants' ids (the helper's may be of another workshop)
    resource_owner: str = ""
    decided: str = ""  # when it was decided (domain.decided_at); "" for a suggestion or unknown
    steps: list[FollowUpStep] = field(default_factory=list)  # its follow-up's path; [] for a suggestion
    # When its need or resource was retyped since the decision (Match.retyped; "" when not): the
    # people agreed on a text the grid no longer says, marked ⚠ in the window and the documents.
    retyped: str = ""
    # The resource says what the need is about (`reasons.on_its_subject`): a challenge is
    # « défi partagé » only then.
    on_subject: bool = True
    # One word links it to a statement of two words, or in a small grid
    # (`reasons.one_word_of_a_short_statement`): « possible » at most.
    thin: bool = False
    # The helper works in the same structure as the person in need (two agents of the Région):
    # a suggestion the window shows, not a lead the minutes introduce to the room.
    same_structure: bool = False
    # An aim typed among the helper's actions (`reasons.aimed`: « objectifs : créer… »): said
    # « objectif annoncé », never « action déjà menée ».
    aim: bool = False


@dataclass(slots=True)
class ExportData:
    """Everything an export shows, read once from the file, names already anonymised if asked."""

    workshop: Workshop
    participants: list[Participant]
    who: dict[str, str]  # participant id -> how the export names them
    cells: dict[str, dict[ItemKind, list[str]]]  # participant id -> kind -> item texts
    matches: list[MatchRow]
    shared: list[SharedNeed]
    sections: list[SynthesisSection]
    anonymised: bool = False
    people: list[str] = field(default_factory=list)  # every person's name (what anonymising removes)
    entries: list[Entry] = field(default_factory=list)  # every item, in grid order
    helpers: list[Participant] = field(default_factory=list)  # of other workshops, their offers matched
    # The sections are Atelier's draft as the editor saved it, never edited: the minutes
    # draft it again from the grid as it is now (see minutes_sections).
    sections_untouched: bool = False
    lang: str = "fr"  # the documents' language: the interface's ("fr" or "en")
    # Anonymised: the words left as written that may be a person's first name (« Pierre » at the
    # start of a sentence: the stone, or someone?), for the export to say.
    unsure: list[str] = field(default_factory=list)
    # Who was not in the room, as their cell says (Participant.away: « (excusé) »): named apart
    # by the minutes, in no count of those present; `who` names them, `cells` holds what they wrote.
    away: list[Participant] = field(default_factory=list)
    # Anonymised: each structure that read as holding a person's name (the cell as the import
    # left it, « Karine et Luc Blanc / Centre social ») and how the documents name it instead,
    # for the export to say.
    unread: list[tuple[str, str]] = field(default_factory=list)
    # The matches the facilitator set aside (« écartée »), as `atelier info` counts them: the
    # Excel workbook counts and lists them; never a lead of the minutes or the pages.
    rejected: list[MatchRow] = field(default_factory=list)
    # Anonymised: the structures of rows with a person read that read as a person's name too
    # (« Anne Martin / Paul Durand »: a second person, or a firm such as « Guy Hoquet »),
    # printed as written: for the export to say them.
    kept_named: list[str] = field(default_factory=list)
    # The sections edited or written by hand that still name a participant deleted since
    # (Store.names_gone): section id -> those names as the section (as printed) writes them.
    names_gone: dict[str, list[str]] = field(default_factory=dict)

    def territories(self) -> list[str]:
        return sorted({p.territory for p in self.participants if p.territory})

    def people_named(self) -> int:
        """How many people the participants' rows name (« Cécile BECHON et Ghislaine
        Paparemborde » are two), a row naming no one (a structure) counting one."""
        return sum(people_of(p) for p in self.participants)


def document_language(lang: str | None = None) -> str:
    """The language documents are written in: `lang` if given, else the interface's (the
    window's setting, ATELIER_LANG, the system's); French unless English is asked."""
    if not lang:
        from atelier.i18n import current_language

        lang = current_language()
    return "en" if lang.startswith("en") else "fr"


def _display(participant: Participant, lang: str = "fr") -> str:
    """How the minutes, the tables and the pages name a participant: « A, B et C
    (Structure) », in English « A, B and C (Structure) »."""
    from atelier.french import unnested

    # A structure typed with its own parentheses: one pair, « Claire Bouyssou (Salaisons du
    # Ségala, agroalimentaire) », never « (Salaisons du Ségala (agroalimentaire)) ».
    people = participant.people(lang)
    if people and participant.organisation:
        return f"{people} ({unnested(participant.organisation)})"
    return participant.display_name(lang) or "—"


def _anonymous_base(participant: Participant, number: int) -> str:
    return participant.organisation or participant.territory or f"Participant {number}"


def _anonymous(
    participant: Participant, number: int, taken: dict[str, int], shared: int = 1, lang: str = "fr"
) -> str:
    """The anonymised label: the structure (or territory); « Région N-A n° 2 » (English
    « Région N-A no. 2 ») when several participants have it, numbered without brackets (the
    minutes credit « (Région N-A n° 2) »)."""
    base = _anonymous_base(participant, number)
    taken[base] = taken.get(base, 0) + 1
    number_sign = "n°" if lang == "fr" else "no."
    return base if taken[base] == 1 and shared == 1 else f"{base} {number_sign}\u00a0{taken[base]}"


def gather(
    store: Store,
    workshop_id: str,
    *,
    anonymise: bool = False,
    best_suggestions: int = 2,
    progress: Progress | None = None,
    match_first: bool = True,
    vectors: WordVectors | None = None,
    lang: str = "fr",
) -> ExportData:
    """Read the workshop once; compute the needs several participants share (the Excel
    summary and the minutes say the same groups: `need_groups`); name people or their
    structures; say reasons and where a helper was met in `lang`."""
    from atelier.matching import need_groups

    lang = document_language(lang)
    say = progress or (lambda _p, _t: None)
    say(5, "lecture")
    workshop = store.workshop(workshop_id)
    participants = store.participants(workshop_id)
    unread: dict[str, str] = {}  # participant id -> the part of their cell that held a name
    kept_named: list[str] = []
    if anonymise:
        # A row with a person whose structure reads as a name too (« Anne Martin / Paul
        # Durand »): printed as written (a firm named after someone stays), and said.
        from atelier.importers.participant import person_in_structure

        kept_named = sorted(
            {flag for p in participants if p.names and (flag := person_in_structure(p))}, key=str.casefold
        )
        # A row whose cell the import could not split (« Karine et Luc Blanc / Centre social »):
        # its structure printed without the names it holds, which are masked everywhere.
        from atelier.importers.participant import without_unread_names

        read = [without_unread_names(p) for p in participants]
        participants = [p for p, _ in read]
        unread = {p.id: said for p, said in read if said}
    items: dict[str, Item] = {}
    cells: dict[str, dict[ItemKind, list[str]]] = {p.id: {k: [] for k in ITEM_KINDS} for p in participants}
    for item in store.workshop_items(workshop_id):
        items[item.id] = item
        if item.participant_id in cells:
            cells[item.participant_id][item.kind].append(item.text)
    statements = len(items)  # the grid's: in a small one, one word in common is « possible » at most

    people = sorted({n.strip() for p in participants for n in p.names if n.strip()}, key=len, reverse=True)
    taken: dict[str, int] = {}
    masker: NameMasker | None = None
    if anonymise:
        from atelier.anonymise import NameMasker, Person, neutral
        from atelier.importers.participant import first_names

        bases = Counter(_anonymous_base(p, i + 1) for i, p in enumerate(participants))
        who = {
            p.id: _anonymous(p, i + 1, taken, bases[_anonymous_base(p, i + 1)], lang)
            for i, p in enumerate(participants)
        }
        masker = NameMasker(
            (Person(p.id, who[p.id], tuple(p.names)) for p in participants),
            first_names(),
            neutral(lang),
            lang=lang,
        )
        clean: Callable[..., str] = masker
    else:
        who = {p.id: _display(p, lang) for p in participants}

        def clean(text: str, owner: str | None = None) -> str:
            return text

    entries = []
    for item in items.values():
        if item.participant_id in cells:
            text = clean(item.text, item.participant_id)
            entries.append(Entry(item.id, item.participant_id, item.kind, text))
    for cell in cells.values():
        for kind in ITEM_KINDS:
            cell[kind].clear()
    for entry in entries:
        cells[entry.participant_id][entry.kind].append(entry.text)
    texts = {e.id: e.text for e in entries}

    chosen: list[Match] = []
    by_need: dict[str, list[Match]] = {}
    every = store.matches(workshop_id)
    stored = matches_told(store, every)
    # Set aside by the facilitator: each one, as `atelier info` counts them (one of a person
    # with themself, set aside as the window asks, too).
    rejected = [m for m in every if m.status == MatchStatus.REJECTED]
    decided_at = store.decided_times(workshop_id)
    if match_first and not any(m.status == MatchStatus.SUGGESTED for m in stored):
        # Never matched: match now (in memory, the file is left as it is) so that the
        # minutes hold their leads without a separate step.
        say(10, "rapprochement")
        stored = stored + _matched_now(store, workshop_id, vectors)
    say(25, "mises en relation")
    # Offers and actions of other workshops of the file that a need was matched to (matching
    # across workshops): read too, their people named like this workshop's (or masked).
    elsewhere = _resources_elsewhere(store, workshop_id, [*stored, *rejected], items)
    # One whose cell there says they were not at it (« (excusée) »): the reasons say so, never
    # « a proposé lors de l'atelier du … » (reasons.helper_away).
    away_at = {resource: p.away() for resource, p in elsewhere.items()}
    if elsewhere and anonymise:
        from atelier.importers.participant import without_unread_names

        elsewhere = {resource: without_unread_names(p)[0] for resource, p in elsewhere.items()}
    if elsewhere:
        helpers = {p.id: p for p in elsewhere.values()}
        if anonymise:
            from atelier.anonymise import NameMasker, Person, neutral
            from atelier.importers.participant import first_names

            for number, helper in enumerate(helpers.values(), start=len(participants) + 1):
                who[helper.id] = _anonymous(helper, number, taken, lang=lang)
            everyone = [*participants, *helpers.values()]
            left = masker.unsure if masker is not None else {}
            masker = NameMasker(
                (Person(p.id, who[p.id], tuple(p.names)) for p in everyone),
                first_names(),
                neutral(lang),
                lang=lang,
            )
            masker.unsure.update(left)
            clean = masker
        else:
            who.update({p.id: _display(p, lang) for p in helpers.values()})
    for match in stored:
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            chosen.append(match)
        elif match.status == MatchStatus.SUGGESTED:
            by_need.setdefault(match.need_id, []).append(match)

    def kind_of(match: Match) -> ItemKind:
        resource = items.get(match.resource_id)
        if resource is None:
            try:
                resource = items[match.resource_id] = store.item(match.resource_id)
            except AtelierError:
                return ItemKind.OFFER
        return resource.kind

    def thin_of(match: Match) -> bool:  # « possible » at most, whatever its score
        need, resource = items.get(match.need_id), items.get(match.resource_id)
        if need is None or resource is None:
            return False
        return one_word_of_a_short_statement(match.reasons, need.text, resource.text, statements)

    # The window's order (atelier.confidence.ordered): decisions, then suggestions,
    # offers that answer first; the same order in the Excel sheet, the minutes' leads and pages.
    rank: dict[str, int] = {}
    for found in by_need.values():
        # A person of other workshops once (files older versions matched hold two spellings).
        best = ordered(one_per_person(store, found), kind_of, thin_of=thin_of)[:best_suggestions]
        rank.update((m.id, place) for place, m in enumerate(best))
        chosen += best
    chosen += rejected
    order = {
        MatchStatus.CONFIRMED: 0,
        MatchStatus.MANUAL: 0,
        MatchStatus.SUGGESTED: 1,
        MatchStatus.REJECTED: 2,
    }
    position = {p.id: i for i, p in enumerate(participants)}
    need_place = {item_id: place for place, item_id in enumerate(items)}
    rows = []
    workshops = {w.id: w for w in store.workshops()} if elsewhere else {}
    structure_of = {p.id: p.organisation for p in [*participants, *elsewhere.values()]}
    for match in chosen:
        if away_at.get(match.resource_id):
            from atelier.reasons import helper_away

            match = replace(match, reasons=helper_away(match.reasons, away_at[match.resource_id]))
        need, resource = items.get(match.need_id), items.get(match.resource_id)
        if resource is None and match.resource_id in elsewhere:
            resource = store.item(match.resource_id)
            texts[resource.id] = clean(resource.text, resource.participant_id)
        if need is None or resource is None:
            continue
        rows.append(
            (
                order[match.status],
                position.get(need.participant_id, 0),
                need_place.get(need.id, 0),
                -match.score if match.status != MatchStatus.SUGGESTED else rank.get(match.id, 0),
                MatchRow(
                    who[need.participant_id],
                    texts.get(need.id, need.text),
                    who[resource.participant_id],
                    texts.get(resource.id, resource.text),
                    resource.kind,
                    match.status,
                    match.score,
                    [
                        clean(r)
                        for r in say_all(
                            _earlier_last(match.reasons),
                            lang,
                            names=not anonymise,
                            confirmed=checked(match),
                            aim=aimed(resource.kind, resource.text),
                        )
                    ]
                    if match.reasons
                    else [],
                    str(match.follow_up),
                    clean(match.note),
                    match.follow_up_changed if _decided(match) else "",
                    _workshop_of(elsewhere.get(resource.id), workshops, lang),
                    clean(
                        reason_sentence(
                            match, lang, names=not anonymise, aim=aimed(resource.kind, resource.text)
                        )
                    ),
                    need.participant_id,
                    resource.participant_id,
                    decided_at.get(match.id, ""),
                    list(match.follow_up_steps) if _decided(match) else [],
                    match.retyped if _decided(match) else "",
                    on_its_subject(match.reasons),
                    one_word_of_a_short_statement(match.reasons, need.text, resource.text, statements),
                    _same_structure(structure_of, need.participant_id, resource.participant_id),
                    aimed(resource.kind, resource.text),
                ),
            )
        )
    rows.sort(key=lambda r: r[:4])

    say(45, "besoins partagés")
    shared = []
    for group in need_groups(store, workshop_id):
        quotes = [
            (who[items[nid].participant_id], texts[nid])
            for nid in group.need_ids
            if nid in texts and items[nid].participant_id in who
        ]
        label = clean(group.label if lang == "fr" else _english_label(group))
        shared.append(SharedNeed(label, quotes, list(group.need_ids), group))
    sections = [
        SynthesisSection(
            s.workshop_id, clean(s.heading), clean(s.body), s.position, s.id, drafted=_as_cleaned(s, clean)
        )
        for s in store.synthesis_sections(workshop_id)
    ]
    printed = {s.id: f"{s.heading}\n{s.body}" for s in sections}
    names_gone = {
        section_id: said
        for section_id, names in store.names_gone(workshop_id).items()
        if (said := [n for n in names if n in printed.get(section_id, "")])
    }
    if anonymise:
        # The organiser's contact stays as typed: it is how readers reach the organiser,
        # never a participant's name to hide.
        workshop = Workshop(
            clean(workshop.title),
            workshop.date,
            clean(workshop.place),
            clean(workshop.organiser),
            clean(workshop.description),
            [clean(t) for t in workshop.themes],
            workshop.id,
            contact=workshop.contact,
        )
    away = [p for p in participants if p.away()]
    gone = {p.id for p in away}
    return ExportData(
        workshop,
        [p for p in participants if p.id not in gone],
        who,
        cells,
        [r[-1] for r in rows if r[-1].status != MatchStatus.REJECTED],
        shared,
        sections,
        anonymise,
        people,
        [e for e in entries if e.participant_id not in gone],
        list({p.id: p for p in elsewhere.values()}.values()),
        store.synthesis_untouched(workshop_id),
        lang,
        masker.unsure_words if masker is not None else [],
        away,
        [(said, who[owner]) for owner, said in unread.items()],
        [r[-1] for r in rows if r[-1].status == MatchStatus.REJECTED],
        kept_named,
        names_gone,
    )


def _decided(match: Match) -> bool:
    """Confirmed or added by hand: followed up (a suggestion or one set aside is not)."""
    return match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)


def one_per_person(store: Store, suggestions: list[Match]) -> list[Match]:
    from atelier.matching.across import one_per_person as once

    return once(store, suggestions)


def matches_told(store: Store, matches: list[Match]) -> list[Match]:
    """The matches a document may tell: not one that puts a person in touch with themself
    (« A. Martin » ← « Mme Anne Martin », confirmed by older versions), which would read « X
    can help X ». It stays in the file; the window flags it, `atelier suivi` says it.

    Nor a suggestion of a need or a resource of someone whose cell says, since it was made,
    that they were not in the room (« Paul Durand (excusé) »): matching no longer suggests
    them (`Participant.away`), and the minutes would have said « personnes de l'atelier qui
    pourraient vous aider » of him, and counted his need among the room's. What the
    facilitator decided stays, and is told."""
    from atelier.matching.across import with_themself

    themself = with_themself(store, matches)
    suggested = [m for m in matches if m.status == MatchStatus.SUGGESTED]
    away = store.away_items() if suggested else set()
    stale = {m.id for m in suggested if m.need_id in away or m.resource_id in away}
    untold = themself | stale
    return [m for m in matches if m.id not in untold] if untold else matches


def _as_cleaned(section: SynthesisSection, clean: Callable[[str], str]) -> dict[str, Any]:
    """What Atelier drafted of a section, as the export cleans (anonymises) its text: an
    untouched section stays untouched, an edited one edited."""
    drafted = dict(section.drafted)
    if section.untouched:
        drafted.update(heading=clean(section.heading), text=clean(section.body))
    else:
        drafted.pop("text", None)
    return drafted


def _english_label(group: NeedGroup) -> str:
    """« 3 participants are looking for resources on: funding », the theme named as the
    glossary names it in English (a theme of the workshop's own words: as they wrote it)."""
    from atelier.french import counted
    from atelier.i18n import MESSAGES
    from atelier.reasons import english_theme_names

    topic = english_theme_names().get(group.topic, group.topic) or MESSAGES["match.same_topic"]["en"]
    return counted(group.headcount(), "n.seekers", "en", topic=topic)


def _earlier_last(reasons: list[Reason]) -> list[Reason]:
    """« A proposé lors de l'atelier du … » after the reasons that say why: the export says
    where the offer was made beside the person, and gives a real reason first."""
    return sorted(reasons, key=lambda r: r.kind == ReasonKind.EARLIER)


def _same_structure(structure_of: dict[str, str], one: str, other: str) -> bool:
    """Whether two participants name the same structure (case, accents and spaces aside);
    a participant with none shares it with no one."""
    from atelier.french import fold

    first, second = (" ".join(fold(structure_of.get(p, "")).split()) for p in (one, other))
    return bool(first) and first == second


def _resources_elsewhere(
    store: Store, workshop_id: str, matches: list[Match], items: dict[str, Item]
) -> dict[str, Participant]:
    """Resource item id -> its participant, for the matches' resources said at other workshops."""
    found: dict[str, Participant] = {}
    for match in matches:
        if match.resource_id in items or match.resource_id in found:
            continue
        if match.status not in (
            MatchStatus.CONFIRMED,
            MatchStatus.MANUAL,
            MatchStatus.SUGGESTED,
            MatchStatus.REJECTED,
        ):
            continue
        try:
            resource = store.item(match.resource_id)
            found[match.resource_id] = store.participant(resource.participant_id)
        except AtelierError:
            continue
    # Someone who asked not to be published in the directory: not named (Participant.seen_from).
    return {k: v.seen_from(workshop_id) for k, v in found.items() if v.workshop_id != workshop_id}


def _workshop_of(participant: Participant | None, workshops: dict[str, Workshop], lang: str = "fr") -> str:
    """« atelier du 16 mars 2021 » for a participant of another workshop of the file."""
    if participant is None or participant.workshop_id not in workshops:
        return ""
    # Their cell there says they were not at it: « excusé·e à l'atelier du … ».
    return met_at(workshops[participant.workshop_id], lang, participant.away())


def met_at(workshop: Workshop, lang: str = "fr", away: str = "") -> str:
    """Where someone of another workshop was met: « atelier du 16 mars 2021 », « atelier
    « Titre » » (English « workshop of 16 March 2021 », « workshop “Title” »). `away`
    (`Participant.away`): they were not met there, their cell says so: « excusé·e à l'atelier
    du 16 mars 2021 », « absent·e à … » (English « excused from the workshop of … »)."""
    from atelier.domain import EXCUSED
    from atelier.french import long_date, without_quotes

    title = without_quotes(workshop.title)  # « « Mobilité » » typed: quoted once
    if lang == "en":
        said = f"workshop of {long_date(workshop.date, 'en')}" if workshop.date else f"workshop “{title}”"
        return f"{'excused' if away == EXCUSED else 'absent'} from the {said}" if away else said
    said = f"atelier du {long_date(workshop.date, 'fr')}" if workshop.date else f"atelier « {title} »"
    return f"{'excusé·e' if away == EXCUSED else 'absent·e'} à l'{said}" if away else said


def _matched_now(store: Store, workshop_id: str, vectors: WordVectors | None) -> list[Match]:
    from atelier.matching import match_workshop

    report = match_workshop(store, workshop_id, vectors=vectors)
    return [
        Match(workshop_id, s.need_id, s.resource_id, MatchStatus.SUGGESTED, s.score, s.reasons)
        for found in report.suggestions.values()
        for s in found
    ]


@dataclass(slots=True)
class MinutesSynthesis:
    sections: list[tuple[str, str]]  # (heading, text) as the minutes print them
    # The headings of the sections the facilitator edited that state figures the grid no
    # longer gives: said at export (`stale_sentences`) and marked in the synthesis editor.
    stale: list[str] = field(default_factory=list)
    # The sections the facilitator edited or wrote that still name participants deleted since
    # (ExportData.names_gone): (heading, those names), said at export (`gone_sentences`).
    named: list[tuple[str, list[str]]] = field(default_factory=list)


def minutes_synthesis(data: ExportData) -> MinutesSynthesis:
    """The synthesis the minutes print, section by section: Atelier's draft when none was
    saved; each saved section the facilitator edited or wrote, as written; each one that is
    Atelier's draft never edited, drafted again from the grid as it is now (never « 22
    participants » once there are 23), left out when the draft says nothing of it any more.
    An edited section whose figures are no longer the draft's (`stale_sections`) is listed."""
    from atelier.synthesis import draft_heading_key

    drafted = drafted_sections(data)
    stored = data.sections
    if not stored:
        return MinutesSynthesis(drafted)
    if all(s.untouched for s in stored) and [s.draft_key for s in stored] == [
        draft_heading_key(h) for h, _ in drafted
    ]:
        return MinutesSynthesis(drafted)  # all Atelier's, in its order: the draft as it is now
    by_key = {draft_heading_key(h): (h, b) for h, b in drafted}
    printed = []
    for section in stored:
        if section.untouched:
            if section.draft_key in by_key:
                printed.append(by_key[section.draft_key])
            continue
        printed.append((section.heading, section.body))
    named = [
        (s.heading, data.names_gone[s.id]) for s in stored if not s.untouched and data.names_gone.get(s.id)
    ]
    return MinutesSynthesis(printed, stale_sections(stored, drafted), named)


def stale_sections(sections: list[SynthesisSection], drafted: list[tuple[str, str]]) -> list[str]:
    """The headings of the sections edited by hand whose figures have changed since: the
    figures Atelier drafted when the section was last drafted (or read again) are not those it
    drafts now, or no longer when it says they happened (« pendant l'atelier », « depuis »). A
    section of an older file, whose draft was not kept, is compared by the figures its text
    states: one of them the draft no longer gives."""
    from atelier.drafted import HEADINGS, when_of
    from atelier.synthesis import draft_heading_key, facts_of

    by_key = {draft_heading_key(h): b for h, b in drafted}
    drafted_as = {draft_heading_key(h): h for h, _b in drafted}
    stale = []
    for section in sections:
        key = section.draft_key
        if key is None or section.untouched:
            continue
        now = facts_of(by_key.get(key, ""))
        then = section.drafted.get("facts")
        said_when = section.drafted.get("when")  # kept since decisions are dated back (format 11)
        now_when = when_of(by_key.get(key, ""))
        # Drafted in French, the minutes now in English (or the other way): « 34 défis » is
        # « 34 challenges », « pendant l'atelier » « during the workshop »; the figures are compared.
        other_language = key in HEADINGS and {section.drafted.get("heading"), drafted_as.get(key)} == set(
            HEADINGS[key]
        )
        if other_language and isinstance(then, list):
            then, now = _figures_only([str(f) for f in then]), _figures_only(now)
        if other_language and isinstance(said_when, list):
            said_when, now_when = _when_only([str(w) for w in said_when]), _when_only(now_when)
        if isinstance(then, list):
            changed = [str(f) for f in then] != now
            if isinstance(said_when, list) and not changed:  # « depuis l'atelier » become « pendant »
                changed = [str(w) for w in said_when] != now_when
        else:  # format 10: the figures the text states, one of them no longer the grid's
            changed = bool(Counter(facts_of(section.body)) - Counter(now))
        if changed:
            stale.append(section.heading)
    return stale


def _figures_only(facts: list[str]) -> list[str]:
    """« 34 défis » and « 34 challenges » alike: the figures, without the words they count."""
    return sorted(f.split(" ", 1)[0] for f in facts)


def _when_only(said: list[str]) -> list[str]:
    """« pendant l'atelier » and « during the workshop » alike."""
    return sorted("during" if w.startswith(("pendant", "during")) else "since" for w in said)


def stale_sentences(headings: list[str], lang: str = "fr") -> list[str]:
    """« La section « Le contexte » a été modifiée à la main avant les derniers changements de
    la grille : relisez ses chiffres. », one per section, in the documents' language."""
    from atelier.i18n import MESSAGES

    return [MESSAGES["export.synthesis_stale"][lang].format(heading=h) for h in headings]


def gone_sentences(named: list[tuple[str, list[str]]], lang: str = "fr") -> list[str]:
    """« La section « Le contexte » nomme encore Myriam LOUIS, qui n'est plus dans la grille :
    relisez-la avant d'envoyer le compte rendu. », one per section, in the documents' language."""
    from atelier.french import counted, join

    return [
        counted(len(names), "n.synthesis_names_gone", lang, heading=heading, names=join(names, lang))
        for heading, names in named
    ]


def minutes_sections(data: ExportData) -> list[tuple[str, str]]:
    """The synthesis the minutes print (see minutes_synthesis)."""
    return minutes_synthesis(data).sections


def drafted_sections(data: ExportData) -> list[tuple[str, str]]:
    """The synthesis drafted from the whole grid (see atelier.synthesis)."""
    from atelier.synthesis import drafted_sections as draft

    return draft(data)


def made_by_hand(lang: str = "fr") -> str:
    """A match the facilitator added by hand, as the window and `atelier match` say it
    (`reasons.DECIDED`): « décidée », never « faite », the follow-up's word for done."""
    return "Match made by the facilitator." if lang == "en" else "Mise en relation décidée par l'animateur."


def reason_sentence(match: Match, lang: str = "fr", *, names: bool = True, aim: bool = False) -> str:
    """The one reason a participant reads in the minutes, Excel or their page, in the
    documents' language, through `atelier.reasons`: why, not where (« a proposé lors de
    l'atelier du… » only when nothing else says why), as a sentence. `names=False`: for
    anonymised documents (`say_all`). `aim`: the resource is an aim typed among actions
    (`reasons.aimed`), said as one."""
    if match.status == MatchStatus.MANUAL and not match.reasons:
        return made_by_hand(lang)
    reasons = _earlier_last(list(match.reasons))
    confirmed = checked(match)
    # Reasons other than where it was offered; none (only « a proposé lors de l'atelier… »)
    # is not a match without reasons, which say_all says « décidée par l'animateur ».
    why = [r for r in reasons if r.kind != ReasonKind.EARLIER]
    said = [
        r
        for r in (say_all(why, lang, kind=False, names=names, confirmed=confirmed, aim=aim) if why else [])
        if r
    ]
    text = (said or say_all(reasons, lang, names=names, confirmed=confirmed, aim=aim) or [""])[0].strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


# Where a match stands, said of « la mise en relation » (feminine): « contactée », « faite ».
FOLLOW_UP = {"to_contact": "à contacter", "contacted": "contactée", "done": "faite", "dropped": "sans suite"}
FOLLOW_UP_EN = {"to_contact": "to contact", "contacted": "contacted", "done": "done", "dropped": "dropped"}


# Each step of a follow-up, said of « la mise en relation »: « décidée le 16 mars 2026 ».
STEP = {"contacted": "contactée", "done": "faite", "dropped": "classée sans suite"}
STEP_EN = {"contacted": "contacted", "done": "done", "dropped": "dropped"}


def follow_up_word(state: str, lang: str = "fr") -> str:
    """« à contacter », « contacté », « fait », « sans suite » (English « to contact »…)."""
    words = FOLLOW_UP_EN if lang == "en" else FOLLOW_UP
    return words.get(state, state)


def _day_of(stamp: str, lang: str = "fr") -> str:
    """« 2 mars 2026 »; in the table's narrow « Suivi » column a day stays with its month
    (« contacté le / 29 novembre 2026 », never « contacté le 29 / novembre 2026 »)."""
    from atelier.french import long_date

    return long_date(stamp, lang).replace(" ", "\xa0", 1)


def path_lines(steps: Sequence[FollowUpStep], lang: str = "fr") -> list[str]:
    """A follow-up's path, one step a line, said of « la mise en relation »: « décidée le 15 mars
    2022 », « contactée le 2 mars 2026 », « faite le 3 avril 2026 » (a later « à contacter »:
    « remise à contacter le … »); a step whose day is not known, its word alone. English:
    « decided on 15 March 2022 », « contacted on 2 March 2026 », « back to contact on … »."""
    from atelier.domain import decision_step

    english = lang == "en"
    decision = decision_step(steps)  # « décidée le … »: the day the minutes count it by
    said = []
    for step in steps:
        if step.state == "to_contact":
            if english:
                word = "decided" if step is decision else "back to contact"
            else:
                word = "décidée" if step is decision else "remise à contacter"
        else:
            word = (STEP_EN if english else STEP).get(step.state, step.state)
        day = _day_of(step.at, lang)
        said.append((f"{word} on {day}" if english else f"{word} le {day}") if day else word)
    return said


def follow_up_lines(
    follow_up: str, changed: str, steps: Sequence[FollowUpStep] = (), lang: str = "fr"
) -> list[str]:
    """Where a decided match's follow-up stands, as the minutes and the pages write it: « contacté
    le 2 mars 2026 » for its one step, or its path (`path_lines`) once it has several. Days
    written as the rest of the minutes writes them (« Où en est le suivi au 29 novembre
    2026 »), never « 02/03/2026 », read as 3 February by a reader used to month/day."""
    if len(steps) >= 2:
        return path_lines(steps, lang)
    state = follow_up_word(follow_up, lang)
    day = _day_of(changed, lang)
    if not day:
        return [state]
    if lang == "en":
        return [f"{state} since {day}" if follow_up == "to_contact" else f"{state} on {day}"]
    return [f"{state} depuis le {day}" if follow_up == "to_contact" else f"{state} le {day}"]


def follow_up_text(match: MatchRow, lang: str = "fr") -> str:
    """« contacté le 2 mars 2026 », or « décidée le 15 mars 2022 · contactée le 2 mars 2026 »."""
    return " · ".join(follow_up_lines(match.follow_up, match.follow_up_changed, match.steps, lang))


def follow_up_summary(matches: list[MatchRow], today: str, lang: str = "fr") -> str:
    """« Suivi au 29 novembre 2026 : à contacter : 2 ; contacté : 1 ; fait : 1 ; sans suite : 0. »"""
    from atelier.french import long_date

    counts = {state: 0 for state in FOLLOW_UP}
    for match in matches:
        counts[match.follow_up] = counts.get(match.follow_up, 0) + 1
    if lang == "en":
        states = "; ".join(f"{FOLLOW_UP_EN[state]}: {counts[state]}" for state in FOLLOW_UP)
        return f"Where the follow-up stands on {long_date(today, 'en')} — {states}."
    states = " ; ".join(f"{FOLLOW_UP[state]} : {counts[state]}" for state in FOLLOW_UP)
    return f"Où en est le suivi au {long_date(today, 'fr')} — {states}."


STATUS = {
    MatchStatus.CONFIRMED: "confirmée",
    MatchStatus.MANUAL: "ajoutée à la main",
    MatchStatus.SUGGESTED: "suggestion",
    MatchStatus.REJECTED: "écartée",
}
STATUS_EN = {
    MatchStatus.CONFIRMED: "confirmed",
    MatchStatus.MANUAL: "added by hand",
    MatchStatus.SUGGESTED: "suggestion",
    MatchStatus.REJECTED: "rejected",
}
SOURCE = {
    ItemKind.OFFER: "ressource proposée",
    ItemKind.ACTION: "action déjà menée",
    ItemKind.CHALLENGE: "défi partagé",
    ItemKind.NEED: "besoin",
}
SOURCE_EN = {
    ItemKind.OFFER: "offer",
    ItemKind.ACTION: "action already run",
    ItemKind.CHALLENGE: "shared challenge",
    ItemKind.NEED: "need",
}
# An aim typed among actions (`reasons.aimed`): (French, English).
SOURCE_AIM = ("objectif annoncé", "stated aim")


def status_word(status: MatchStatus, lang: str = "fr", retyped: bool = False) -> str:
    """« confirmée », « ajoutée à la main »… (English « confirmed », « added by hand »…); a
    decision whose need or resource was retyped since (`retyped`) says it under, as the
    minutes do (`RETYPED`)."""
    word = (STATUS_EN if lang == "en" else STATUS)[status]
    return f"{word}\n{RETYPED[1 if lang == 'en' else 0]}" if retyped else word


# A decided match whose need or resource was retyped since the decision (Match.retyped): what
# the people agreed on is no longer what the grid says. (French, English), as the minutes'
# « Suivi » column and the Excel sheet's « Statut » say it (the window's ⚠ mark).
RETYPED = (
    "⚠ Texte modifié depuis la décision : à revoir ensemble",
    "⚠ Text changed since the decision: to review together",
)


def source_word(kind: ItemKind, lang: str = "fr", on_subject: bool = True, aim: bool = False) -> str:
    """What the resource is: « ressource proposée », « action déjà menée »… (English « offer
    made », « action already taken »…); a challenge not on the need's subject (`on_subject`
    false: linked by meaning alone) is « défi », never « défi partagé »; an aim typed among
    actions (`aim`: `reasons.aimed`) is « objectif annoncé », never « action déjà menée »."""
    if kind == ItemKind.ACTION and aim:
        return SOURCE_AIM[1 if lang == "en" else 0]
    if kind == ItemKind.CHALLENGE and not on_subject:
        return "challenge" if lang == "en" else "défi"
    return (SOURCE_EN if lang == "en" else SOURCE)[kind]


def _lock_file_of(target: Path) -> Path:
    """The lock LibreOffice and Word leave beside a document they have open."""
    return target.with_name(f".~lock.{target.name}#")


def check_target(
    target: Path,
    inputs: tuple[Path, ...] = (),
    *,
    template: Path | None = None,
    replace: bool = False,
    suffix: str | None = None,
) -> Path:
    """Refuse, before any work, a target that cannot or must not be written: a name the
    disk cannot take, a missing or read-only folder, a folder or a pipe in the way, one of
    the `inputs` or any Atelier file (an export never replaces a workshop, whatever its
    name), the Word `template` it reads (same file by inode: links included), an existing
    file unless `replace` (the command line's --force, the window's « Remplacer ? »), a
    document another program has open. `suffix`: the extension of the format written, the
    one a refusal of a workshop file's name tells to use."""
    from atelier.store.files import check_output_name, refuse_export_target, same_file

    target = Path(target)
    check_output_name(target)
    refuse_export_target(target, inputs, suffix)
    if template is not None and same_file(target, template):
        raise FileRefused("export.onto_template", path=target)
    if not replace and os.path.lexists(target):
        raise FileRefused("file.exists", path=target)
    word_lock = target.with_name(f"~${target.name[2:]}") if len(target.name) > 2 else None
    if _lock_file_of(target).exists() or (word_lock is not None and word_lock.exists()):
        raise AtelierError("export.in_use", path=target)
    return target


def check_suffix(target: Path, suffix: str) -> None:
    """Refuse a target whose extension names another format than the one written (`suffix`,
    e.g. ".docx"): what Atelier writes must be what its name says (store.files.DOCUMENT_SUFFIXES)."""
    from atelier.store.files import DOCUMENT_SUFFIXES

    found = Path(target).suffix.lower()
    if found != suffix and found in DOCUMENT_SUFFIXES:
        raise FileRefused("export.wrong_suffix", path=target, found=found, suffix=suffix)


@contextlib.contextmanager
def writing_atomically(target: Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one rename
    (atelier.store.files.replacing, the one writer). Refused before anything is written as
    check_target says; on any failure the target is untouched and the temporary removed.
    Unless `replace` (the command line's --force, the window's « Remplacer ? »), the file is
    put in place only under a name still free then: another command may have written one of
    that name since the caller checked it (« … existe déjà … --force … »)."""
    from atelier.store.files import replacing

    target = check_target(target, replace=replace)
    try:
        with replacing(target, export=True, replace=replace) as temp:
            yield temp
    except AtelierError as exc:
        from atelier.store.opening import writable

        if exc.key == "file.readonly" and target.is_file() and writable(target):
            raise AtelierError("export.in_use", path=target) from None  # Windows: open in Excel
        raise


def write_text(target: Path, text: str, *, replace: bool = True) -> None:
    """A text export (JSON): whole or untouched, with the same refusals as the Office exports
    (an existing file only if `replace`, checked again as it is put in place)."""
    check_suffix(Path(target), ".json")
    with writing_atomically(Path(target), replace=replace) as temp:
        temp.write_text(text, encoding="utf-8")
