"""The workshop's own vocabulary as plain, typed values: no Qt, no SQL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from atelier.french import join
from atelier.lazy import regex


class ItemKind(StrEnum):
    """The four columns of a workshop grid that hold lists of statements."""

    ACTION = "action"  # « Quelles actions déjà engagées ? »
    CHALLENGE = "challenge"  # « Mes défis »
    NEED = "need"  # « J'ai besoin de ressources sur… »
    OFFER = "offer"  # « Je peux être ressource sur… »


ITEM_KINDS: tuple[ItemKind, ...] = (
    ItemKind.ACTION,
    ItemKind.CHALLENGE,
    ItemKind.NEED,
    ItemKind.OFFER,
)

# How Atelier's documents title the four kinds (the columns of the Word and Excel grids),
# and the Excel workbook's sheet of each kind, one row per item under ITEM_SHEET_COLUMNS:
# the import knows Atelier's own Excel by them and reads it back item for item.
KIND_TITLES: dict[ItemKind, str] = {
    ItemKind.ACTION: "Actions engagées",
    ItemKind.CHALLENGE: "Défis",
    ItemKind.NEED: "Besoins de ressources",
    ItemKind.OFFER: "Peut être ressource sur",
}
GRID_SHEET = "Grille"
KIND_SHEETS: dict[ItemKind, str] = {
    ItemKind.ACTION: "Actions",
    ItemKind.CHALLENGE: "Défis",
    ItemKind.NEED: "Besoins",
    ItemKind.OFFER: "Ressources",
}
ITEM_SHEET_COLUMNS = ("Participant", "Structure", "Territoire", "Atelier", "Date", "N°", "Texte")

# The same in English, for documents written in English (the interface's language): the
# import knows Atelier's own Excel in either language.
KIND_TITLES_EN: dict[ItemKind, str] = {
    ItemKind.ACTION: "Actions under way",
    ItemKind.CHALLENGE: "Challenges",
    ItemKind.NEED: "Needs help with",
    ItemKind.OFFER: "Can help with",
}
# The titles English workbooks had before (word for word from the French: no English reader
# says « Needs resources on »): such a workbook is still Atelier's own, read back as written.
KIND_TITLES_EN_BEFORE: dict[ItemKind, str] = {
    **KIND_TITLES_EN,
    ItemKind.NEED: "Needs resources on",
    ItemKind.OFFER: "Can be a resource on",
}
GRID_SHEET_EN = "Grid"
KIND_SHEETS_EN: dict[ItemKind, str] = {
    ItemKind.ACTION: "Actions",
    ItemKind.CHALLENGE: "Challenges",
    ItemKind.NEED: "Needs",
    ItemKind.OFFER: "Offers",
}
ITEM_SHEET_COLUMNS_EN = ("Participant", "Organisation", "Territory", "Workshop", "Date", "No.", "Text")


def kind_titles(lang: str = "fr") -> dict[ItemKind, str]:
    """The four kinds as the documents title them, in `lang` ("fr" or "en")."""
    return KIND_TITLES_EN if lang == "en" else KIND_TITLES


# An offer takes its place before the actions and challenges (offers first) from this score;
# below, it is ranked with them by score, so that an offer linked by a word in passing does not
# push out an action that answers the need (grids hold many more actions than offers).
OFFER_FIRST = 0.08


# From this score a suggestion is « très probable » (`atelier.confidence`: the levels are read
# on the labelled workshops); here so that the order below needs nothing else.
VERY_LIKELY = 0.45


def shown_order(kind: str, score: float, thin: bool = False) -> tuple[int, int, float]:
    """Sort key of suggestions as the matching engine ranks them: offers from OFFER_FIRST,
    best first, then everything else, best first (an action may score higher than such an
    offer and still comes after it; it comes before a weaker offer). Within each, a suggestion
    shown « très probable » before the others: one linked by a single word to a short
    statement (`thin`, `reasons.one_word_of_a_short_statement`) is « possible » at most,
    whatever its score, and is never listed above a « très probable » one. Here rather than
    in the engine: the participant's card sorts with it without loading the engine."""
    group = 0 if kind == ItemKind.OFFER and score >= OFFER_FIRST else 1
    return (group, 0 if score >= VERY_LIKELY and not thin else 1, -score)


class MatchStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    MANUAL = "manual"


# The facilitator's decisions before the engine's suggestions: confirmed, then added by hand.
DECIDED_FIRST = {MatchStatus.CONFIRMED: 0, MatchStatus.MANUAL: 1, MatchStatus.SUGGESTED: 2}


def listed_order(status: str, kind: str, score: float, thin: bool = False) -> tuple[int, int, int, float]:
    """Sort key of a need's matches as they are listed (`atelier match`): what was decided
    first, confirmed then added by hand, then suggestions, each in `shown_order`."""
    return (DECIDED_FIRST.get(MatchStatus(status), 3), *shown_order(kind, score, thin))


class FollowUp(StrEnum):
    """Where a confirmed match stands in the weeks after the workshop."""

    TO_CONTACT = "to_contact"  # « à contacter »
    CONTACTED = "contacted"  # « contacté »
    DONE = "done"  # « fait »
    DROPPED = "dropped"  # « sans suite »


@dataclass(frozen=True, slots=True)
class FollowUpStep:
    """One step of a match's follow-up, as it was recorded: « contacté le 22/03/2026 »."""

    state: FollowUp
    # The day it happened (YYYY-MM-DD, typed), or the moment it was recorded (UTC timestamp)
    # when it was dated « now »; "" when not known (a file of a format before 5).
    at: str
    recorded: str = ""  # when this step (or its last dating) was recorded (UTC timestamp)
    # The copy of the file it was recorded in, when a merge took it from that copy into the
    # history of the other's (« a.atelier »); "" when recorded in this file.
    copy: str = ""

    def as_json(self) -> dict[str, str]:
        said = {"state": self.state.value, "at": self.at, "recorded": self.recorded}
        return {**said, "copy": self.copy} if self.copy else said

    @classmethod
    def from_json(cls, value: object) -> FollowUpStep | None:
        """The step a stored object holds; None for one that is not a step (never raises)."""
        if not isinstance(value, dict):
            return None
        try:
            state = FollowUp(str(value.get("state", "")))
        except ValueError:
            return None
        return cls(
            state, str(value.get("at") or ""), str(value.get("recorded") or ""), str(value.get("copy") or "")
        )


FOLLOW_UPS: tuple[FollowUp, ...] = (
    FollowUp.TO_CONTACT,
    FollowUp.CONTACTED,
    FollowUp.DONE,
    FollowUp.DROPPED,
)


# Characters that are not text: C0 and C1 controls (tab and line breaks aside; a NUL, which
# a tool wrote between two words, becomes a space), DEL, lone
# surrogates (bytes of a name that were not UTF-8), and the two non-characters XML forbids.
# Word and Excel files are XML: one such character would make every export of the
# workshop fail. Every text is normalised once, where it enters Atelier (an import, the
# window, the command line: the store's connection, see atelier.store.text).
# Bidirectional controls (embeddings, overrides U+202A–202E, isolates U+2066–2069) go too: a
# right-to-left override typed or pasted in a title showed « Atelier lang » while the file held
# « gnal » (the import leaves them out of grid cells for the same reason).
_NOT_TEXT = regex("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SURROGATE = regex("[\ud800-\udfff]")
# Line breaks other than \n, as spreadsheets and old files write them: Excel's Alt+Entrée
# is a vertical tab in many exports, a form feed a page break, U+2028/2029 Unicode's own.
_BREAKS = regex("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ROW_ENDS = regex("\r\n?")
_NOT_TEXT_NOR_BREAK = regex(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def normalise_text(text: str) -> str:
    """Text as Atelier keeps it: one kind of line break (\\n), no control characters."""
    if text.isprintable():
        return text
    text = _BREAKS.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", text).replace("\x00", " ")  # « défi\0nul »: two words
    return _NOT_TEXT.sub("", text)


def rows_text(text: str) -> str:
    """A text file as a reader splits it into rows: its line endings made \\n and nothing
    else. The other line breaks (a vertical tab from Excel's Alt+Entrée, a form feed,
    U+2028…) are breaks *inside* a cell, never a new row: they are kept for
    `normalise_text` to turn into \\n once the rows are split (str.splitlines would split
    on them). Control characters and lone surrogates go as in `normalise_text`."""
    if text.isprintable():
        return text
    text = _ROW_ENDS.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", text).replace("\x00", " ")
    return _NOT_TEXT_NOR_BREAK.sub("", text)


def new_id() -> str:
    """A random UUID: stable across files so that two captures can be merged."""
    import uuid  # not at import: it pulls in platform, and opening a file makes no id

    return str(uuid.uuid4())


def now_iso() -> str:
    """UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(slots=True)
class Workshop:
    title: str
    date: str | None = None  # ISO date YYYY-MM-DD
    place: str = ""
    organiser: str = ""
    description: str = ""
    themes: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    contact: str = ""  # how to reach the organiser: a name, a phone, an e-mail (free text)


EXCUSED, ABSENT = "excused", "absent"  # a participant not in the room (`Participant.away`)

# « (excusé) », « excusée », « absent·e », « Absente » in a participant's cell: not in the room.
# « absentéisme », « absent-e » in a word are no mark.
_AWAY = regex(r"(?<![\w-])(excus[ée]{1,2}|absente?)(?:\(e\)|·e|\.e)?s?(?![\w-])", re.IGNORECASE)
# « représentée par Marc Roux », « et représenté par M. Roux »: who came instead.
_STANDS_IN = regex(
    r"(?<![\w-])(?:et\s+)?repr[ée]sent[ée]{0,2}(?:\(e\)|·e|\.e)?s?\s+par\s+([^()/;,\n]+)", re.IGNORECASE
)
_EMPTY_BRACKETS = regex(r"\(\s*[,;:–—-]*\s*\)|\[\s*[,;:–—-]*\s*\]")
_LOOSE_ENDS = " \t,;:/|–—-"


def people_of(participant: Participant) -> int:
    """How many people a participant's row names, a row naming no one (a structure) one."""
    return max(1, len([n for n in participant.names if n.strip()]))


def away_from(source_text: str, names: Sequence[str]) -> str:
    """`Participant.away` of a participant's cell as typed and names: EXCUSED, ABSENT or ""."""
    found = read_attendance(source_text)
    # Of several people in one row, which one was away cannot be told: the row is there.
    return "" if found.stand_in or len(names) > 1 else found.away


@dataclass(frozen=True, slots=True)
class Attendance:
    """What a participant's cell says of their presence, and the cell without it."""

    away: str = ""  # EXCUSED, ABSENT, or "" (no word says so)
    stand_in: str = ""  # who came instead (« représentée par Marc Roux »): then they are there
    said: str = ""  # the words as written (« absente, représentée par Marc Roux »)
    rest: str = ""  # the cell without those words (« Julie Petit / CC du Bazadais »)


def read_attendance(text: str) -> Attendance:
    """Whether a participant's cell says its person was excused or absent (« Paul Durand
    (excusé) / Mission locale du Médoc », « Karim Benali - absent »), or stood in for
    (« … (absente, représentée par Marc Roux) »): the cell as typed keeps it, the fields do not."""
    if not text or not (_AWAY.search(text) or _STANDS_IN.search(text)):
        return Attendance(rest=text)
    return _read_attendance(text)


def _read_attendance(text: str) -> Attendance:
    away = stand_in = ""
    said: list[str] = []
    lines = []
    for line in text.split("\n"):
        found = _STANDS_IN.search(line)
        if found:
            stand_in = stand_in or found.group(1).strip(_LOOSE_ENDS + ".")
        marks = list(_AWAY.finditer(line))
        if marks:
            away = away or (EXCUSED if marks[0].group(1).lower().startswith("excus") else ABSENT)
        spans = sorted([(m.start(), m.end()) for m in marks] + ([found.span()] if found else []))
        if spans:
            said.append(line[spans[0][0] : spans[-1][1]].strip(_LOOSE_ENDS))
        for start, end in reversed(spans):
            line = line[:start] + " " + line[end:]
        line = _EMPTY_BRACKETS.sub(" ", line)
        line = re.sub(r"\s*([/|;,–—-])(?:\s*[/|;,–—-])+\s*", r" \1 ", line)  # « A / , B » → « A / B »
        line = " ".join(line.split()).strip(_LOOSE_ENDS)
        if line:
            lines.append(line)
    return Attendance(away, stand_in, "\n".join(said), "\n".join(lines))


@dataclass(slots=True)
class Participant:
    """One row of the grid: one or several people speaking for one organisation."""

    workshop_id: str
    names: list[str] = field(default_factory=list)
    organisation: str = ""
    territory: str = ""
    role: str = ""
    contact: str = ""
    # The participant cell exactly as it was typed or imported, kept so that
    # nothing is lost when splitting it into names/organisation/territory is wrong.
    source_text: str = ""
    # The other cells of the row as imported, by column kind ("action", "need"…).
    source_cells: dict[str, str] = field(default_factory=dict)
    position: int = 0
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    # Asked not to be published in the directory across workshops (« ne pas publier dans le
    # répertoire », their consent): left out of its search, its exports and of the matching of
    # other workshops; their own workshop's grid, minutes and fiches keep them.
    unlisted: bool = False
    # What the grid said of this row when it was last imported (format 15), for a re-import to
    # tell an edit made in the window since from a change in the grid: {"names": [...],
    # "organisation", "territory", "role", "contact", "source_text", "lines": {kind: {item id: text}}}.
    # A field or line left out is not known (typed in the window, or a file of an older format;
    # `EVERY_LINE` tells which of the two a line is).
    imported: dict[str, Any] = field(default_factory=dict)
    # Of another workshop and not named there (`seen_from`): what their cell, no longer shown,
    # said of their presence (EXCUSED, ABSENT), so that nothing tells them there. Not stored.
    seen_away: str = field(default="", compare=False, repr=False, metadata={"stored": False})

    def away(self) -> str:
        """EXCUSED or ABSENT when the participant's cell says they were not in the room (« Paul
        Durand (excusé) / … »), without anyone standing in for them; else "". Such a participant
        keeps what they wrote in the grid, but is not counted among those present, matched,
        nor shown to the room."""
        return self.seen_away or away_from(self.source_text, self.names)

    def represented_by(self) -> str:
        """Who came instead of the person the row names, as the cell says (« Julie Bernard,
        Pôle emploi Dax (absente, représentée par Marc Roux) »: « Marc Roux »): the person in
        the room to contact, while what the row holds stays the absent person's; else "". (A
        row that names only the stand-in, as imports before said it, has no one else.)"""
        if not self.names or self.seen_away:
            return ""
        found = read_attendance(self.source_text).stand_in
        return found if found and found.casefold() not in {n.casefold() for n in self.names} else ""

    def representation(self, lang: str | None = None) -> str:
        """« absente, représentée par Marc Roux », the cell's words (English « absent,
        represented by Marc Roux »), when someone came instead (`represented_by`); else ""."""
        stand_in = self.represented_by()
        if not stand_in:
            return ""
        from atelier.i18n import current_language

        found = read_attendance(self.source_text)
        if (lang or current_language()) == "en":
            state = {EXCUSED: "excused, ", ABSENT: "absent, "}.get(found.away, "")
            return f"{state}represented by {stand_in}"
        return " ".join(found.said.split())

    def seen_from(self, workshop_id: str, lang: str | None = None) -> Participant:
        """This participant as the pages, lists and documents of the workshop `workshop_id` say
        them: themself, or, of another workshop and having asked not to be published in the
        directory (`unlisted`, the person's « no » across workshops), « une personne non nommée
        à sa demande »: no name, structure, territory or contact; what they said stays theirs."""
        if not self.unlisted or self.workshop_id == workshop_id:
            return self
        from dataclasses import replace

        from atelier.i18n import MESSAGES, current_language

        entry = MESSAGES["participant.unnamed"]
        return replace(
            self,
            names=[],
            organisation=entry.get(lang or current_language()) or entry["fr"],
            territory="",
            role="",
            contact="",
            source_text="",
            source_cells={},
            seen_away=self.away(),
        )

    @property
    def unnamed(self) -> bool:
        """Said as « une personne non nommée à sa demande » (`seen_from`)."""
        return self.unlisted and not self.names and not self.source_text

    def people(self, lang: str | None = None) -> str:
        """Its people as a sentence names them, wherever Atelier writes them: « Zoé Martin »,
        « Zoé Martin et Loïc Bérard », « Zoé Martin, Loïc Bérard et Inès Roy » (English « …
        and … »); never « A et B et C »."""
        return join((n.strip() for n in self.names if n.strip()), lang)

    def display_name(self, lang: str | None = None) -> str:
        """Who the row is, wherever Atelier writes it (window, command line, projector,
        minutes, follow-up): its people, then its structure in parentheses, « Zoé Martin et
        Loïc Bérard (Mission locale) »; else what is known. The one place a label is joined:
        the grid's cell as typed ran the names into the structure (« … Bindi Mont de Marsan
        Agglo »)."""
        people = self.people(lang)
        if people and self.organisation:
            return f"{people} ({self.organisation})"
        return people or self.organisation or self.territory or self.source_text.strip()


@dataclass(slots=True)
class Item:
    """One statement in one cell of the grid: an action, a challenge, a need or an offer."""

    participant_id: str
    kind: ItemKind
    text: str
    position: int = 0
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)


class ReasonKind(StrEnum):
    """What a reason says; `atelier.reasons.say` turns it into a sentence in the reader's language."""

    OFFER = "offer"  # the resource is an explicit offer (« je peux être ressource sur… »)
    ACTION = "action"  # the helper already did it (« a déjà fait… »)
    CHALLENGE = "challenge"  # the helper has the same challenge
    WORDS = "words"  # words in common (when the kind of resource is said apart)
    TOPIC = "topic"  # a word of each, of one glossary family: financement ↔ aides
    ACRONYM = "acronym"  # an acronym in one, written out (or the same) in the other
    MEANING = "meaning"  # close in meaning (word vectors), with the two closest words
    NEIGHBOUR = "neighbour"  # a theme of each, related in the glossary: partage d'expériences ↔ coopération
    EARLIER = "earlier"  # offered (or done) at another workshop of the file
    TEXT = "text"  # a sentence stored as such (files written before reasons were data)
    CITED = "cited"  # the need names the resource's structure: « exemple de la Cité de l'emploi »


# Reason.detail of a MEANING reason whose two words are close in meaning, not the same.
NEAR_MEANING = "near"
# Reason.detail of a WORDS reason naming no word: what links the two is only a word one side
# says inside an expression of the glossary or an acronym's expansion (`Analysis.loose`).
IN_PIECES = "pieces"
# Reason.detail of a WORDS reason whose `need` and `resource` are two words Snowball gives one
# stem but that are not one word (« départ », « Département »: resources/faux_amis.toml), and
# nothing else links the two: said as such, never as a word in common. The engine no longer
# writes it (each such word has a stem of its own, text.stem); a file may hold it.
SPELLED_ALIKE = "alike"
# Reason.detail of a WORDS reason whose `need` and `resource` are two words of one family, not
# one word in two forms (« préparateurs » / « Préparation », « dons » / « Donner »): said as
# the pair, as each side writes it, never as a word both say.
RELATED_FORMS = "related"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a need and a resource were put together, as data stored in the file.

    OFFER / ACTION / CHALLENGE: `words` are what the resource says that the need asks for
    (as written in the resource), maybe none. WORDS: words in common. TOPIC: `term` is the family, `need` and
    `resource` the words of each. ACRONYM: `term` the acronym, `detail` its expansion,
    `need` and `resource` how each wrote it. MEANING: `need` ≈ `resource`, the closest two
    words (may be empty); `detail` NEAR_MEANING when they are close in meaning (« sens
    voisin »: a place filled by meaning alone), not near-synonyms (« même sens »).
    NEIGHBOUR: `term` the need's theme, `detail` the resource's related
    theme, `need` and `resource` the words of each. EARLIER: `resource` is the kind of item
    ("offer", "action"), `term` the other workshop's title, `detail` its date (ISO, may be
    empty). TEXT: `detail` is the old free-text reason. CITED: `term` the structure as the
    need names it, `resource` the structure as the grid writes it, `words` its people.
    """

    kind: ReasonKind
    words: tuple[str, ...] = ()
    term: str = ""
    need: str = ""
    resource: str = ""
    detail: str = ""

    def as_json(self) -> dict[str, object]:
        """The stored form: only the fields this reason uses."""
        if self.kind == ReasonKind.TEXT:
            return {"kind": str(self.kind), "detail": self.detail}
        data: dict[str, object] = {"kind": str(self.kind)}
        if self.words:
            data["words"] = list(self.words)
        for name in ("term", "need", "resource", "detail"):
            value = getattr(self, name)
            if value:
                data[name] = value
        return data

    @classmethod
    def from_json(cls, value: object) -> Reason:
        """A stored reason: an object (format 5 on), or a sentence (older files, kept as written)."""
        if isinstance(value, dict):
            try:
                kind = ReasonKind(str(value.get("kind", "")))
            except ValueError:
                return cls(ReasonKind.TEXT, detail=str(value.get("detail") or value))
            words = value.get("words") or ()
            return cls(
                kind,
                tuple(str(w) for w in words) if isinstance(words, list | tuple) else (),
                str(value.get("term", "")),
                str(value.get("need", "")),
                str(value.get("resource", "")),
                str(value.get("detail", "")),
            )
        return cls(ReasonKind.TEXT, detail=str(value))


@dataclass(slots=True)
class Match:
    """A need put in touch with an offer (or an action, challenge) of another participant."""

    workshop_id: str
    need_id: str
    resource_id: str
    status: MatchStatus = MatchStatus.SUGGESTED
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    note: str = ""
    follow_up: FollowUp = FollowUp.TO_CONTACT
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    # When the follow-up state last changed (UTC timestamp); "" when not known.
    follow_up_changed: str = ""
    # Every step of the follow-up since the match was decided, oldest first; the last one is
    # the current state (follow_up, follow_up_changed). Empty for a suggestion.
    follow_up_steps: list[FollowUpStep] = field(default_factory=list)
    # When the need or the resource of this decided match was retyped after the decision (UTC
    # timestamp): its reasons were worked out again for the new text, and the window marks it
    # « texte modifié depuis la décision » until the facilitator confirms it again or sets
    # it aside. "" when not (or reviewed since).
    retyped: str = ""


@dataclass(slots=True)
class FollowUpEntry:
    """A confirmed or hand-made match with everything the follow-up list shows of it."""

    match: Match
    workshop: Workshop  # where the need was said
    need: Item
    need_participant: Participant
    resource: Item
    resource_participant: Participant
    resource_workshop: Workshop  # the same workshop, or an earlier one (matching across workshops)
    short_id: str = ""  # the shortest prefix of the match id that names it alone in the file


@dataclass(slots=True)
class DirectoryHit:
    """One search result in the directory across the workshops of a file."""

    kind: str  # "participant" or an item kind ("need", "offer", "action", "challenge")
    ref: str  # the participant's or the item's id
    text: str  # the item's text; for a participant, how they are named
    participant: Participant
    workshop: Workshop
    fields: list[str] = field(default_factory=list)  # for a participant: "people", "structure"…
    # Why a place typed found it, when not by the words typed (atelier/territories.py): « Grand
    # Dax — dans les Landes (40) », « «\xa0N-A\xa0»\xa0: Nouvelle-Aquitaine »; "" otherwise.
    why: str = ""
    # For a participant: every workshop of the file the person came to, the latest first (one
    # row for the person, `matching.across.one_row_per_person`); empty: `workshop` alone.
    workshops: list[Workshop] = field(default_factory=list)
    # Of those, the ids of the workshops their cell says they were not at, with why: EXCUSED or
    # ABSENT (`Participant.away`); a workshop they came to is not in it.
    away_at: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class SynthesisSection:
    """A free-text section of the minutes, written by the facilitator.

    `drafted` (format 11) says what Atelier drafted of it, when it comes from Atelier's draft:
    {"key": "context", "heading": …, "text": …, "facts": […], "when": […]}, the draft's section
    (its key in atelier.synthesis.HEADINGS), the heading and text it drafted, the figures that
    text stated (atelier.synthesis.facts_of) and when it said things happened (« pendant
    l'atelier », « depuis l'atelier »: atelier.drafted.when_of; not kept before decisions could
    be dated back, then not compared). A section whose heading and text are still those is
    untouched: the minutes draft it again from the grid as it is. Edited, it keeps the
    facilitator's text, and `facts` tells whether the grid's figures have changed since.
    Empty for the facilitator's own sections; {"key": …} alone for a section of an older file
    (format 10 kept no draft: edited, its figures compared with those its text states)."""

    workshop_id: str
    heading: str
    body: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    drafted: dict[str, Any] = field(default_factory=dict)

    @property
    def draft_key(self) -> str | None:
        key = self.drafted.get("key")
        return key if isinstance(key, str) and key else None

    @property
    def untouched(self) -> bool:
        """Atelier's draft as it drafted it: never edited by hand (or edited back)."""
        return (
            self.draft_key is not None
            and isinstance(self.drafted.get("text"), str)
            and self.body == self.drafted["text"]
            and self.heading == self.drafted.get("heading")
        )


class GlossaryKind(StrEnum):
    ACRONYM = "acronym"  # GPECT = "gestion prévisionnelle des emplois et des compétences territoriale"
    FAMILY = "family"  # jeunesse = ["jeunes", "décrocheurs", "NEET"]


@dataclass(slots=True)
class GlossaryEntry:
    """A workshop's own addition to the shipped glossary: an acronym or a family of near-synonyms."""

    workshop_id: str
    kind: GlossaryKind
    term: str
    words: list[str] = field(default_factory=list)  # the expansion of an acronym, or the family's words
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)


@dataclass(slots=True)
class RetypedDecision:
    """A decided match one of whose statements was retyped: who with whom, the text before and now."""

    match_id: str
    need_who: str  # « Anne Martin »
    resource_who: str
    before: str  # the retyped statement's text when it was decided
    now: str


# A participant's fields a grid says and a re-import brings in line (participants.imported).
PARTICIPANT_FIELDS = ("names", "organisation", "territory", "role", "contact", "source_text")


# In `Participant.imported`: "lines" holds every line the grid gave (an import's or re-import's
# own record), so that a line of the row not among them was typed in the window. Not there: the
# lines were filled by migration 15 from a file of format 14 or before (the lines never retyped,
# whether typed in the window or not), and a line not among them is of an origin not known.
EVERY_LINE = "every_line"


def grid_said(participant: Participant, items: Iterable[Item]) -> dict[str, Any]:
    """What a grid row says, as `Participant.imported` keeps it: its fields, and each of its
    lines by the id of its item."""
    said: dict[str, Any] = {name: getattr(participant, name) for name in PARTICIPANT_FIELDS}
    said["names"] = list(participant.names)
    lines: dict[str, dict[str, str]] = {}
    for item in items:
        if item.text.strip():
            lines.setdefault(str(item.kind), {})[item.id] = item.text.strip()
    said["lines"] = lines
    said[EVERY_LINE] = True  # a line of the row not in "lines" was typed in the window since
    return said


@dataclass(slots=True)
class KeptEdit:
    """A participant's field or line edited in the window since the grid was last imported, that
    the grid imported again says otherwise: the window's value is kept, the grid's is said."""

    who: str  # the participant, as the re-import's report names them
    what: str  # the field ("territory", "role"…: PARTICIPANT_FIELDS) or the line's kind ("need"…)
    kept: str  # the window's value, kept
    grid: str  # what the grid says now, not taken
    deleted: bool = False  # a line deleted in the window (`kept` is then empty)
    dropped: bool = False  # a line the grid no longer has (`grid` is then empty)


@dataclass(slots=True)
class ReimportSummary:
    """What re-importing a grid into an existing workshop did."""

    added: int = 0  # participants new in the grid
    updated: int = 0  # participants found again (by their cell text or names)
    # of them, those whose fields or lines the re-import changed (the others: as they were), and the
    # people those rows name
    changed: int = 0
    changed_people: int = 0
    absent: int = 0  # participants of the file not in the grid: kept
    # The people those rows name (`people_of`: « Paul Durand et Léa Petit » are two), as the
    # file, the minutes and the window count them
    added_people: int = 0
    updated_people: int = 0
    absent_people: int = 0
    kept_items: int = 0  # items gone from the grid but kept for a confirmed or manual match
    # items of participants found again that the grid no longer has (lines taken off the grid,
    # or of a row whose lines the file did not all keep, format 14 or before): deleted, and said,
    # as (participant, text)
    removed: list[tuple[str, str]] = field(default_factory=list)
    # the workshop of each line of `removed`, as (title, ISO date or ""), when the re-import
    # brought a document into more than one workshop (the same name may be at two); else []
    removed_from: list[tuple[str, str]] = field(default_factory=list)
    # decided matches whose need or resource the grid retyped: explained anew, to review
    retyped: list[RetypedDecision] = field(default_factory=list)
    backup: str = ""  # the copy of the file made just before (the command line's), if any
    # rows new to the file that name someone who asked not to be published in the directory
    # (participants.unlisted): kept out of it too, as (name now, name in the file)
    kept_unlisted: list[tuple[str, str]] = field(default_factory=list)
    # rows recognised by their structure and lines though their cell reads otherwise (a name
    # corrected in the window since, or names sharing no word), the file's name kept: as
    # (grid's cell, the file's participant as it names them now)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    # rows added beside a participant of the file they may be (a name or the structure and
    # lines in common, but not only one): as (grid's cell, file's cell)
    unsure: list[tuple[str, str]] = field(default_factory=list)
    # names the grid spelled otherwise than at the last import, never edited in the window:
    # the grid's taken, as (the participant as named now, name before, name now)
    names_taken: list[tuple[str, str, str]] = field(default_factory=list)
    # rows recognised by the cell the grid gave them at the last import, whose name was corrected
    # in the window since, the file's name kept: as (grid's cell, file's cell)
    renamed_since: list[tuple[str, str]] = field(default_factory=list)
    # fields and lines edited in the window since the last import that the grid still says as
    # it did then: kept (the grid did not change them), counted
    kept_edits: int = 0
    # fields and lines edited in the window since the last import that the grid changed too, to
    # something else: the window's value kept, and said with the grid's
    kept_over_grid: list[KeptEdit] = field(default_factory=list)
    # lines typed in the window (never in a grid: the last import's lines are all known) that the
    # grid does not have: kept, counted
    kept_typed: int = 0
    # grid rows of participants deleted in the window (erased at their request?): not imported
    # again, as the grid names them (`Participant.display_name`)
    deleted_kept: list[str] = field(default_factory=list)
    # whether the re-import wrote anything into the file (False: the grid brought nothing the
    # file does not hold, and the file is as it was, byte for byte)
    written: bool = False
    # lines of the grid the file did not have, added to a participant whose lines at the last
    # import are not known (a file of format 14 or before: a line deleted in Atelier then left
    # no trace), as (participant, text): said, to be checked, since each may be one deleted
    added_unknown: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class FileSummary:
    """Counts shown by `atelier info` and the window's status bar."""

    workshops: list[tuple[str, str, str | None]]  # (id, title, date)
    participants: int
    items: dict[ItemKind, int]
    matches: dict[MatchStatus, int]
    # Kept for merges: deletion markers (format 8) and the merges of the file's history.
    deletions: int = 0
    merges: int = 0
    # The people `participants` (rows of the grids) name, as the minutes count them.
    people: int = 0


def decision_step(steps: Sequence[FollowUpStep]) -> FollowUpStep | None:
    """The step of a match's follow-up that is its decision: the first, « à contacter », said
    « décidée le 16/03/2021 ». Dated again after the fact (« atelier suivi ID --etat a-contacter
    --le 16/03/2021 », the Suivi window's D), it says when the match was decided. None when the
    path does not start with it: a file of format 8 or before kept only the current step
    (« contacté le … »), and a suggestion has none."""
    return steps[0] if steps and steps[0].state == FollowUp.TO_CONTACT else None


def decided_at(steps: Sequence[FollowUpStep], recorded: str) -> str:
    """When a decided match was decided (a stored UTC timestamp or a day YYYY-MM-DD; "" when not
    known): the day of its decision step (`decision_step`), as its follow-up says it and as
    the facilitator may have dated it again; failing that, `recorded`, when the file saw its
    status change (Store.decided_times). The one answer every count and list of decisions
    reads (the minutes' « décidées pendant l'atelier / depuis », the synthesis)."""
    step = decision_step(steps)
    return step.at if step is not None and step.at else recorded


def decided_when(stamps: Iterable[str], workshop_day: str | None) -> tuple[int, int, int]:
    """Of these decisions (`decided_at`: stored UTC timestamps or days), how many were taken
    on the workshop's day, how many since, and how many neither (no date for the workshop or
    the decision, or a decision taken before the workshop, while preparing it: not the room's)."""
    from atelier.french import local_day

    during = since = unknown = 0
    for stamp in stamps:
        day = local_day(stamp)
        if not workshop_day or len(day) != 10 or day < workshop_day:
            unknown += 1
        elif day == workshop_day:
            during += 1
        else:
            since += 1
    return during, since, unknown
