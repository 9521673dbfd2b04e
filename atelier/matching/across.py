"""Matching across the workshops of a file: a need of this workshop can also be met by an
offer or an action said at another workshop of the file (« a proposé lors de l'atelier du
16 mars 2021 »).

A second engine indexes the other workshops' offers and actions once, with this workshop's
needs; its suggestions are weighed by ACROSS_FACTOR, so that for the same strength the
people of this workshop (who are in the room) come first. This workshop's own suggestions
are computed as before, untouched: matching across only adds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from atelier.domain import (
    ABSENT,
    EXCUSED,
    DirectoryHit,
    Item,
    ItemKind,
    Match,
    Participant,
    Reason,
    ReasonKind,
    Workshop,
)
from atelier.french import fold, long_date, without_quotes
from atelier.matching.engine import Engine, Statement, Suggestion

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors
    from atelier.matching.text import Glossary
    from atelier.store import Store

# An offer made at another workshop counts this much of the same offer made in the room.
ACROSS_FACTOR = 0.85
# Kinds of the other workshops' items that can meet a need (what they offered, what they do).
ACROSS_KINDS = (ItemKind.OFFER, ItemKind.ACTION)


@dataclass(slots=True)
class OtherWorkshops:
    """The other workshops' offers and actions, as plain data (safe to hand to a worker)."""

    # participant_id is the owner: the participant that stands for the person at every
    # workshop they came to (see `_Elsewhere`); a need is suggested one statement per owner.
    statements: list[Statement]
    workshop_of: dict[str, Workshop]  # statement id -> its workshop
    said: dict[str, str] = field(default_factory=dict)  # statement id -> « a proposé lors de … »

    def __len__(self) -> int:
        return len(self.statements)


def _names_key(names: Iterable[str]) -> set[str]:
    return {_name_key(n) for n in names if n.strip()}


# The few functions below are pure, of a name or a structure as written, and called for each
# pair of rows compared: kept once met (a file of 40 workshops compares thousands of rows).
_KEPT = 65536


@lru_cache(maxsize=_KEPT)
def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


# Said before a name, not part of it: « Mme Anne Martin » is « Anne Martin ».
CIVILITIES = frozenset(
    {"m", "mr", "mme", "mmes", "mlle", "melle", "mm", "madame", "monsieur", "mademoiselle", "messieurs"}
    | {"dr", "docteur", "pr", "professeur"}
)


@lru_cache(maxsize=_KEPT)
def _name_words(name: str) -> tuple[str, ...]:
    """A name's words, case, accents, hyphens, dots and civilities aside: « Mme Jean-Pierre
    BERNARD » → (jean, pierre, bernard); « A. Martin » → (a, martin)."""
    words = "".join(c if c.isalnum() else " " for c in fold(name)).split()
    while len(words) > 1 and words[0] in CIVILITIES:
        words = words[1:]
    return tuple(words)


def _first_names_agree(one: Sequence[str], other: Sequence[str]) -> tuple[bool, bool]:
    """(Do these first names name the same person, only through an initial?): « jean pierre »
    and « j p » agree through initials; « anne » and « paul » do not."""
    if not one or len(one) != len(other):
        return False, False
    initial = False
    for a, b in zip(one, other, strict=True):
        if a == b:
            continue
        short, long = sorted((a, b), key=len)
        if len(short) == 1 and long.startswith(short):
            initial = True
            continue
        return False, False
    return True, initial


def _splits(words: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(surname, first names) as a name may be written: « Anne Martin » or « MARTIN Anne »."""
    if len(words) < 2:
        return []
    return [(words[-1], words[:-1]), (words[0], words[1:])]


def same_person(one: str, one_organisation: str, other: str, other_organisation: str) -> bool:
    """Whether two spellings of a name, at two workshops, are one person: the same words
    (case, accents, hyphens and civilities aside, in either order), or the same surname with
    first names one of which is the other's initial (« A. Martin », « Anne Martin ») when the
    structures do not say otherwise. « Anne Martin » and « Paul Martin » are two people."""
    a, b = _name_words(one), _name_words(other)
    if len(a) < 2 or len(b) < 2:
        return False  # a surname alone (« M. Martin », « Mme Martin »): only as written
    if sorted(a) == sorted(b):
        # Julie Thomas of the PETR and Julie Thomas of the Mission locale de Brive are two.
        return not structures_differ(one_organisation, other_organisation)
    organisations = {_structure(o) for o in (one_organisation, other_organisation)} - {("", "")}
    for surname, first in _splits(a):
        for other_surname, other_first in _splits(b):
            if surname != other_surname:
                continue
            agree, initial = _first_names_agree(first, other_first)
            if agree and (not initial or len(organisations) < 2 or _same_structure(*organisations)):
                return True
    return False


# Little words an acronym leaves out: « Plan Local pour l'Insertion et l'Emploi » → PLIE.
_LINKS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur"}
)


@lru_cache(maxsize=_KEPT)
def _structure(organisation: str) -> tuple[str, str]:
    """An organisation as written (case, accents and spaces aside) and as its initials, an
    acronym kept whole: « PLIE des Graves » and « Plan Local pour l'Insertion et l'Emploi des
    Graves » both give « plieg »; « ML Technowest » and « Mission locale Technowest » « mlt »."""
    words = "".join(c if c.isalnum() else " " for c in organisation).split()
    initials = "".join(
        fold(w) if len(w) > 1 and w.isupper() else fold(w)[0] for w in words if fold(w) not in _LINKS
    )
    return "".join(fold(w) for w in words), initials


def _same_structure(one: tuple[str, str], other: tuple[str, str]) -> bool:
    return one[0] == other[0] or (len(one[1]) > 1 and one[1] == other[1])


# Words that say what kind of body a structure is, not which one: « Mission locale de Brive »
# and « Mission locale de Lyon » share none of the words that tell them apart.
_KINDS_OF_STRUCTURE = frozenset(
    {
        "agence", "agglo", "agglomeration", "association", "bassin", "ca", "cc", "cdc", "centre",
        "collectivite", "commune", "communes", "communaute", "conseil", "departement",
        "departemental", "emploi", "grand", "insertion", "local", "locale", "maison", "mde",
        "metropole", "mission", "ml", "mixte", "pays", "petr", "plie", "pole", "region",
        "regional", "reseau", "service", "services", "syndicat", "territoire", "ville",
    }
)  # fmt: skip


@lru_cache(maxsize=_KEPT)
def _telling_words(organisation: str) -> frozenset[str]:
    words = "".join(c if c.isalnum() else " " for c in fold(organisation)).split()
    return frozenset(w for w in words if len(w) > 2 and w not in _LINKS and w not in _KINDS_OF_STRUCTURE)


def same_structure(one: str, other: str) -> bool:
    """Whether two structures, as written, are surely one: the same name (case, accents and
    spaces aside) or the same initials, an acronym kept whole (« CC du Val », « Communauté de
    communes du Val »; « PLIE des Graves », « Plan Local pour l'Insertion et l'Emploi des
    Graves »)."""
    return _same_structure(_structure(one), _structure(other))


def structures_differ(one: str, other: str) -> bool:
    """Whether two structures, both written, are clearly two: not the same name or acronym
    (« PLIE des Graves », « Plan Local pour l'Insertion et l'Emploi des Graves »), nor a word
    that names a place or a body in common (« Grand Angoulême », « PLIE du Grand Angoulême »).
    « PETR Vallée de la Dordogne » and « Mission locale de Brive » are two: the same name in
    each is two people. A structure left blank, or that says only what kind of body it is,
    says nothing either way."""
    if _same_structure(_structure(one), _structure(other)):
        return False
    telling, other_telling = _telling_words(one), _telling_words(other)
    if not telling or not other_telling:
        return False  # blank, or only what kind of body (« Région N-A », « Mission locale »)
    return not (telling & other_telling)


class _People:
    """The people of this workshop, to find again a person of another workshop under another
    spelling of their name."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[tuple[str, str, str]]] = {}
        self._found: dict[tuple[tuple[str, ...], str], str | None] = {}

    def add(self, participant_id: str, names: Iterable[str], organisation: str) -> None:
        for name in names:
            for word in set(_name_words(name)):
                self._by_word.setdefault(word, []).append((participant_id, name, organisation))

    def find(self, names: Sequence[str], organisation: str) -> str | None:
        key = (tuple(names), organisation)
        if key not in self._found:
            self._found[key] = self._find(names, organisation)
        return self._found[key]

    def _find(self, names: Sequence[str], organisation: str) -> str | None:
        for name in names:
            words = _name_words(name)
            for word in {words[0], words[-1]} if words else ():
                for participant_id, known, known_organisation in self._by_word.get(word, ()):
                    if same_person(name, organisation, known, known_organisation):
                        return participant_id
        return None


class _Elsewhere:
    """The people of the other workshops, each found again under their other spellings: « Mme
    Anne Martin » of 2021 and « A. Martin » of the same PLIE in 2022 are one helper, suggested
    once. A row joins a person only when it names them under every spelling met so far (the
    same number of people, each the same person): « A. Martin » then « Anne Martin » then
    « Alain Martin » are two people, not one through the initial."""

    def __init__(self) -> None:
        self._spellings: list[list[tuple[tuple[str, ...], str]]] = []  # per person
        self._owner: list[str] = []  # per person: the participant id that stands for them
        self._by_word: dict[str, set[int]] = {}
        self._of_participant: dict[str, int] = {}
        self._by_spelling: dict[tuple[frozenset[str], str], int] = {}  # names and structure as met

    def owner(self, participant_id: str, names: Sequence[str], organisation: str) -> str:
        """The id that stands for this person at every workshop they came to."""
        known = self._of_participant.get(participant_id)
        if known is None:
            names = tuple(n for n in names if n.strip())
            # A row that names nobody (« Mission locale ») is a person of its own, as before:
            # two structures may share a name, and nothing says who came.
            key = (frozenset(_names_key(names)), organisation if names else participant_id)
            known = self._by_spelling.get(key)
            if known is None:
                words = {w for n in names for w in _name_words(n)[:1] + _name_words(n)[-1:]}
                near = sorted({p for w in words for p in self._by_word.get(w, ())})
                known = next(
                    (
                        p
                        for p in near
                        if all(_same_people(names, organisation, *s) for s in self._spellings[p])
                    ),
                    None,
                )
                if known is None:
                    known = len(self._owner)
                    self._owner.append(participant_id)
                    self._spellings.append([])
                self._spellings[known].append((names, organisation))
                self._by_spelling[key] = known
                for word in words:
                    self._by_word.setdefault(word, set()).add(known)
            self._of_participant[participant_id] = known
        return self._owner[known]


def _same_people(
    names: Sequence[str], organisation: str, other: Sequence[str], other_organisation: str
) -> bool:
    """Whether two rows name the same people: the same names, or as many names each the same
    person under another spelling (`same_person`)."""
    if _names_key(names) == _names_key(other):
        return bool(names) and not structures_differ(organisation, other_organisation)
    return len(names) == len(other) and all(
        any(same_person(a, organisation, b, other_organisation) for b in other) for a in names
    )


def one_person(asker: Participant, helper: Participant) -> bool:
    """Whether the person in need and the one who can help are one person: the same row, or a
    row of another workshop that names them as the room finds them again (the same names, or
    another spelling of a name: `same_person`). Matching never puts such a pair together; a
    match of older versions that did (« A. Martin » ← « Mme Anne Martin ») says nothing true
    to the room: « X can help X »."""
    if asker.id == helper.id:
        return True
    if asker.workshop_id == helper.workshop_id:
        return False  # two rows of one workshop: two people as far as the grid says
    if structures_differ(asker.organisation, helper.organisation):
        return False  # Julie Thomas of the PETR and of the Mission locale: two people of one name
    if _names_key(asker.names) & _names_key(helper.names):
        return True
    return any(
        same_person(a, asker.organisation, b, helper.organisation)
        for a in asker.names
        for b in helper.names
        if a.strip() and b.strip()
    )


def same_people_again(one: Participant, other: Participant) -> bool:
    """Whether two rows, of one workshop or two, name the same people (`_same_people`): « MÜLLER
    Gérard » of a grid imported again is the « Gérard Müller » of the file, of the same
    structure; of the Mission locale de Lyon, someone else."""
    return _same_people(one.names, one.organisation, other.names, other.organisation)


def same_person_elsewhere(store: Store, participant: Participant) -> list[Participant]:
    """The rows of the file's other workshops naming the same people as this one
    (`same_people_again`, as an import recognises them): one person's rows, whose consent to
    the directory is theirs, not one workshop's.

    Read in one query of names (`Store.names_elsewhere`), not every workshop's rows whole; a
    row is compared only when it could be the same people: the same names (`_names_key`), or
    a word of a name in common, without which no spelling of one is the other (`same_person`
    needs the same surname). Ticking « Ne pas publier » in a file of 40 workshops of 60 people
    took half a second of the window's thread (benchmarks/bench_ui_thread.py)."""
    key, words = _spelled(tuple(participant.names))
    found = []
    for other_id, names, organisation in store.names_elsewhere(participant.workshop_id):
        other_key, other_words = _spelled(names)
        if (other_key == key or other_words & words) and _same_people(
            participant.names, participant.organisation, names, organisation
        ):
            found.append(other_id)
    return [store.participant(other_id) for other_id in found]


@lru_cache(maxsize=65536)
def _spelled(names: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """These names as compared (`_names_key`) and their words (`_name_words`), kept once met:
    a file's names come back at each tick of « Ne pas publier »."""
    return frozenset(_names_key(names)), frozenset(w for name in names for w in _name_words(name))


def with_themself(store: Store, matches: Iterable[Match]) -> set[str]:
    """The ids of these matches that put a person in touch with themself (`one_person`): kept
    in the file (a decision is the facilitator's to undo), never projected nor exported."""
    from atelier.errors import AtelierError

    matches = list(matches)
    people: dict[str, Participant] = {}
    items: dict[str, Item] = {}
    for workshop_id in {m.workshop_id for m in matches}:  # in a few queries, not two a match
        items.update((i.id, i) for i in store.workshop_items(workshop_id))
        people.update((p.id, p) for p in store.participants(workshop_id))

    def owner(item_id: str) -> Participant:
        if item_id not in items:
            items[item_id] = store.item(item_id)
        participant_id = items[item_id].participant_id
        if participant_id not in people:
            people[participant_id] = store.participant(participant_id)
        return people[participant_id]

    found = set()
    for match in matches:
        try:
            if one_person(owner(match.need_id), owner(match.resource_id)):
                found.add(match.id)
        except AtelierError:
            continue  # its need or resource is gone: shown nowhere anyway
    return found


def one_per_person(store: Store, suggestions: Sequence[Match]) -> list[Match]:
    """These suggestions, a person of other workshops once, with their best: older versions
    saved « Mme Anne Martin » of 2021 and « A. Martin » of 2022 as two helpers for one need.
    The people of the need's own workshop are left as they are (matching across only adds)."""
    from atelier.errors import AtelierError

    elsewhere = _Elsewhere()
    seen: set[str] = set()
    kept: set[str] = set()
    for match in sorted(suggestions, key=lambda m: -m.score):
        person = match.resource_id
        try:
            helper = store.participant(store.item(match.resource_id).participant_id)
            if helper.workshop_id != match.workshop_id:
                person = elsewhere.owner(helper.id, helper.names, helper.organisation)
        except AtelierError:
            pass
        if person not in seen:
            seen.add(person)
            kept.add(match.id)
    return [m for m in suggestions if m.id in kept]


def earlier_said(kind: ItemKind | str, workshop: Workshop, lang: str | None = None) -> str:
    """« a proposé lors de l'atelier du 16 mars 2021 » (or « … de l'atelier « Titre » » undated)."""
    from atelier.i18n import current_language

    french = (lang or current_language()) == "fr"
    if french:
        verb = "a proposé" if kind == ItemKind.OFFER else "a présenté cette action"
        when = (
            f"du {long_date(workshop.date, 'fr')}"
            if workshop.date
            else f"« {without_quotes(workshop.title)} »"
        )
        return f"{verb} lors de l'atelier {when}"
    verb = "offered" if kind == ItemKind.OFFER else "presented this action"
    when = f"of {long_date(workshop.date, 'en')}" if workshop.date else f"“{without_quotes(workshop.title)}”"
    return f"{verb} at the workshop {when}"


# Up to this many offers and actions in the other workshops, every one is compared. Beyond
# (a region's decade: tens of thousands), the full-text index first picks, for each need,
# the PER_NEED items it ranks best (BM25) on the need's words and its acronyms spelled out
# (store/directory.py: candidates); only those are analysed and scored. Reading and
# analysing 70,000 statements takes seconds; the index answers thirty needs in well under one.
FULL_POOL = 5000
PER_NEED = 300


def other_workshops(
    store: Store,
    workshop_id: str,
    needs: Sequence[Statement] = (),
    glossary: Glossary | None = None,
) -> OtherWorkshops:
    """Offers and actions of every other workshop of the file, by people who are not at
    this one: a person found again here (the same names) is in the room, with what they
    offer today in the grid; their words of another year would only repeat or contradict it
    (and they are never suggested to themself). In a large file, only the candidates the
    full-text index finds for these `needs` (see FULL_POOL)."""
    here: dict[str, list[tuple[str, str]]] = {}  # a name -> who bears it here, and their structure
    people = _People()
    for participant in store.participants(workshop_id):
        for key in _names_key(participant.names):
            here.setdefault(key, []).append((participant.id, participant.organisation))
        people.add(participant.id, participant.names, participant.organisation)
    only = None
    if store.count_resources_elsewhere(workshop_id, ACROSS_KINDS) > FULL_POOL:
        words = [_need_words(n.text, glossary) for n in needs]
        only = store.directory_candidates(words, ACROSS_KINDS, per_query=PER_NEED)
    workshops = {w.id: w for w in store.workshops()}
    # Latest workshops first: a person who offered the same thing at several workshops is
    # suggested once, with the latest.
    found = sorted(
        store.resources_elsewhere(workshop_id, ACROSS_KINDS, only=only),
        key=lambda row: (workshops[row[2]].date or "", workshops[row[2]].created, row[0].participant_id),
        reverse=True,
    )
    present = {pid for bearers in here.values() for pid, _ in bearers}
    elsewhere = _Elsewhere()
    statements: list[Statement] = []
    workshop_of: dict[str, Workshop] = {}
    said: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for item, names, other_id, organisation in found:
        if not item.text.strip():
            continue
        keys = _names_key(names)
        # The same name of another structure is someone else (`structures_differ`).
        owner = next(
            (
                pid
                for k in sorted(keys)
                for pid, structure in here.get(k, ())
                if not structures_differ(structure, organisation)
            ),
            None,
        )
        if owner is None:
            # The same person under another spelling (« A. Martin », « Mme Anne Martin »):
            # in the room too, never suggested to themself.
            owner = people.find(names, organisation) or item.participant_id
        if owner in present:
            continue  # in the room: asked there, with what they say today
        # One person met at several workshops, under one spelling or several, is one helper:
        # their statements share an owner, and a need is suggested the best of them only.
        owner = elsewhere.owner(item.participant_id, names, organisation)
        text = " ".join(fold(item.text).split())
        if (owner, text) in seen:
            continue
        seen.add((owner, text))
        statements.append(Statement(item.id, owner, item.kind, item.text, tuple(n for n in names if n)))
        workshop_of[item.id] = workshops[other_id]
        said[item.id] = earlier_said(item.kind, workshops[other_id])
    return OtherWorkshops(statements, workshop_of, said)


def _need_words(text: str, glossary: Glossary | None) -> list[tuple[str, bool]]:
    """The words that find what may answer a need in the full-text index, (word, as a
    prefix?): each of its words as the start of a word (« format » finds formation,
    formateur), its acronyms, and the words they stand for. (Not the glossary's families:
    dozens of words per need would make the index slow; the engine still scores families
    among the candidates.)"""
    from atelier.matching.engine import Analyzer
    from atelier.matching.text import default_glossary, fold_word, tokens

    glossary = glossary or default_glossary()
    words: set[tuple[str, bool]] = set()

    def add(surface: str, stem: str) -> None:
        folded = fold_word(surface)
        common = 0
        for a, b in zip(folded, stem, strict=False):
            if a != b:
                break
            common += 1
        start = folded[:common] if common >= 3 else folded
        if len(start) >= 2 and start.isalnum():
            words.add((start, True))

    for token in tokens(text):
        add(token.surface, token.stem)
    for feature in Analyzer(glossary).analyze(text).weights:
        kind, value = feature.split(":", 1)
        if kind == "a":
            words.add((fold_word(value), False))
            for token in tokens(glossary.acronyms.get(value, "")):
                add(token.surface, token.stem)
    return sorted(words)


class _RememberedAnalyzer:
    """The engine's analyzer, remembering each text's analysis: matching again after an edit
    re-reads the thousands of statements of the other workshops from memory."""

    def __init__(self, analyzer: Any, memory: dict[tuple[str, tuple[str, ...], float], Any]) -> None:
        self._analyzer = analyzer
        self._memory = memory

    def analyze(self, text: str, own: Sequence[str] = (), tail: float = 1.0) -> Any:
        key = (text, tuple(own), tail)
        found = self._memory.get(key)
        if found is None:
            found = self._memory[key] = self._analyzer.analyze(text, own, tail)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._analyzer, name)


class AcrossMatcher:
    """One engine over this workshop's statements and the other workshops' offers and
    actions: every score comes from the same index, so « the same strength » means the
    same thing for a person in the room and for one of an earlier workshop."""

    def __init__(
        self, others: OtherWorkshops, glossary: Glossary, vectors: WordVectors | None = None
    ) -> None:
        self.others = others
        self.glossary = glossary
        self.vectors = vectors
        self.engine: Engine | None = None
        self._memory: dict[tuple[str, tuple[str, ...], float], Any] = {}

    def suggest_all(
        self, here: Sequence[Statement], *, top: int = 5, excluded: set[tuple[str, str]] | None = None
    ) -> dict[str, list[Suggestion]]:
        """The best resources for every need of this workshop, from here and from elsewhere."""
        engine = Engine(self.glossary, self.vectors)
        engine.analyzer = _RememberedAnalyzer(engine.analyzer, self._memory)  # type: ignore[assignment]
        engine.index([*here, *self.others.statements])
        self.engine = engine
        needs = [s.id for s in here if s.kind == ItemKind.NEED]
        return self._ranked(engine.suggest(needs, top=top * 2, excluded=excluded), top)

    def suggest(
        self, needs: Sequence[Statement], *, top: int = 5, excluded: set[tuple[str, str]] | None = None
    ) -> dict[str, list[Suggestion]]:
        """Edited needs matched again against the index of the last `suggest_all`."""
        assert self.engine is not None, "suggest_all first"
        self.engine.update(needs)
        return self._ranked(self.engine.suggest([n.id for n in needs], top=top * 2, excluded=excluded), top)

    def _ranked(self, found: dict[str, list[Suggestion]], top: int) -> dict[str, list[Suggestion]]:
        """Other workshops' suggestions weighed and flagged; for the same score, the room first."""
        ranked: dict[str, list[Suggestion]] = {}
        owner = {s.id: s.participant_id for s in self.others.statements}
        for need_id, suggestions in found.items():
            order = []
            # A person of other workshops once, with what answers best: their words of 2021
            # and of 2022 would be two helpers for one person.
            # The other workshops each of them said something of the same kind answering this
            # need at: « a proposé lors des ateliers du 16 mars 2021 et du 15 mars 2022 ».
            best: dict[str, Suggestion] = {}
            seen_at: dict[tuple[str, str], dict[str, Workshop]] = {}
            for suggestion in sorted(suggestions, key=lambda s: -s.score):
                person = owner.get(suggestion.resource_id, suggestion.resource_id)
                best.setdefault(person, suggestion)
                workshop = self.others.workshop_of.get(suggestion.resource_id)
                if workshop is not None:
                    seen_at.setdefault((person, str(suggestion.source)), {})[workshop.id] = workshop
            kept = {id(s) for s in best.values()}
            suggestions = [s for s in suggestions if id(s) in kept]
            for position, suggestion in enumerate(suggestions):
                said = self.others.said.get(suggestion.resource_id)
                if said is not None:
                    suggestion.score = round(suggestion.score * ACROSS_FACTOR, 4)
                    other = self.others.workshop_of[suggestion.resource_id]
                    kind = next((k for k in ACROSS_KINDS if k == suggestion.source), ItemKind.OFFER)
                    person = owner.get(suggestion.resource_id, suggestion.resource_id)
                    also = [
                        w.date or w.title
                        for w in seen_at.get((person, str(suggestion.source)), {}).values()
                        if w.id != other.id
                    ]
                    suggestion.reasons.insert(
                        0,
                        Reason(
                            ReasonKind.EARLIER,
                            term=other.title,
                            resource=str(kind),
                            detail=other.date or "",
                            words=tuple(sorted(also)),
                        ),
                    )
                order.append((-suggestion.score, said is not None, position, suggestion))
            # The engine's places again (see Engine._places): offers first, the last place to
            # the best remaining offer or action; for the same score, the room first.
            offers = [t[3] for t in sorted(order, key=lambda t: t[:3]) if t[3].source == "offer"]
            helpers = [t[3] for t in sorted(order, key=lambda t: t[:3]) if t[3].source != "offer"]
            reserved = offers[: top - 1] if helpers and top > 1 else offers[:top]
            rest = sorted(offers[len(reserved) :] + helpers, key=lambda s: -s.score)
            chosen = reserved + rest[: top - len(reserved)]
            ranked[need_id] = [s for s in chosen if s.source == "offer"] + [
                s for s in chosen if s.source != "offer"
            ]
        return ranked


def people_in_the_file(store: Store) -> int:
    """How many different people the rows of every workshop of the file name: each person once
    however many workshops they came to, found again as the directory finds them (`_Elsewhere`:
    the same names, or « A. Martin » of the same structure), a row naming two people two."""
    from atelier.domain import people_of

    found = _Elsewhere()
    people: dict[str, int] = {}
    for workshop in store.workshops():
        for participant in store.participants(workshop.id):
            person = found.owner(participant.id, participant.names, participant.organisation)
            people.setdefault(person, people_of(participant))
    return sum(people.values())


def _people_of_the_directory(store: Store) -> tuple[dict[str, str], dict[str, Participant]]:
    """Every participant of the file published in the directory, by id, and the id that stands
    for their person (the same person at several workshops, as matching across finds them
    again: `_Elsewhere`), the workshops read oldest first."""
    found = _Elsewhere()
    owner: dict[str, str] = {}
    rows: dict[str, Participant] = {}
    for workshop in store.workshops():
        for participant in store.participants(workshop.id):
            if participant.unlisted:
                continue
            rows[participant.id] = participant
            owner[participant.id] = found.owner(participant.id, participant.names, participant.organisation)
    return owner, rows


def _person_hit(
    hit: DirectoryHit | None, rows: list[Participant], workshops: dict[str, Workshop]
) -> DirectoryHit:
    """One row of the directory for one person: their row at their latest workshop, every
    workshop they came to named (latest first), what found them (`hit`) kept."""

    def latest(p: Participant) -> tuple[str, int]:
        workshop = workshops[p.workshop_id]
        return workshop.date or "", list(workshops).index(workshop.id)

    ordered = sorted(rows, key=latest, reverse=True)
    shown = ordered[0]
    came = list(dict.fromkeys(p.workshop_id for p in ordered))
    # Their cell there says they were excused or absent (« Mme Sabine Roux (excusée) »): the
    # workshop is theirs, their presence at it is not (a row of theirs there without it is).
    away: dict[str, str] = {}
    for workshop_id in came:
        there = {p.away() for p in ordered if p.workshop_id == workshop_id}
        if "" not in there:
            away[workshop_id] = EXCUSED if EXCUSED in there else ABSENT
    return DirectoryHit(
        "participant",
        shown.id,
        shown.display_name(),
        shown,
        workshops[shown.workshop_id],
        list(hit.fields) if hit is not None else [],
        hit.why if hit is not None else "",
        [workshops[w] for w in came],
        away,
    )


def everyone_in_the_directory(store: Store) -> list[DirectoryHit]:
    """The directory with nothing typed: every person published in it (not those who asked not
    to be), one row each however many workshops they came to, by name."""
    owner, rows = _people_of_the_directory(store)
    workshops = {w.id: w for w in store.workshops()}
    by_person: dict[str, list[Participant]] = {}
    for participant_id, person in owner.items():
        by_person.setdefault(person, []).append(rows[participant_id])
    hits = [_person_hit(None, people, workshops) for people in by_person.values()]
    return sorted(hits, key=lambda h: (fold(h.text), h.ref))


def one_row_per_person(store: Store, hits: list[DirectoryHit]) -> list[DirectoryHit]:
    """The directory's results with each person found once: the participant hits of one person
    at several workshops made one row, where the best of them stood, naming every workshop they
    came to; what else was found (their lines, each of its workshop) as it was."""
    if not any(h.kind == "participant" for h in hits):
        return hits
    owner, rows = _people_of_the_directory(store)
    workshops = {w.id: w for w in store.workshops()}
    by_person: dict[str, list[Participant]] = {}
    for participant_id, person in owner.items():
        by_person.setdefault(person, []).append(rows[participant_id])
    kept: list[DirectoryHit] = []
    seen: set[str] = set()
    for hit in hits:
        found = owner.get(hit.ref) if hit.kind == "participant" else None
        if found is None:
            kept.append(hit)
            continue
        if found in seen:
            continue
        seen.add(found)
        kept.append(_person_hit(hit, by_person[found], workshops))
    return kept
