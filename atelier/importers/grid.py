"""From a raw table (rows of cell texts) to participant entries, the way a facilitator means them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from atelier.domain import ItemKind, normalise_text
from atelier.errors import AtelierError, BadOptionValue
from atelier.french import counted, format_number, join_few, shorten
from atelier.french import find_date as french_find_date
from atelier.french import fold as french_fold
from atelier.french import join as french_join
from atelier.i18n import message
from atelier.importers.cells import clean, continues_sentence, is_separator, open_lead, split_cell
from atelier.importers.labels import both_kinds, by_label
from atelier.importers.participant import (
    ParsedParticipant,
    _is_structure,
    function_said,
    lone_name_to_check,
    parse_participant,
    person_in_structure,
    place_to_check,
)
from atelier.importers.said import said as noted
from atelier.importers.sessions import Session, title_place
from atelier.importers.stopping import checkpoint

PARTICIPANT = "participant"
IGNORE = "ignore"
# A participant's parts, when the grid gives them columns of their own (« Nom | Structure |
# Territoire | Fonction | Besoins… »): the participant column then holds the people.
FIRST_NAME = "first_name"
STRUCTURE = "structure"
TERRITORY = "territory"
ROLE = "role"
CONTACT = "contact"
PART_KINDS = (FIRST_NAME, STRUCTURE, TERRITORY, ROLE, CONTACT)
# Not statements: a column of the participant or left out.
NOT_STATEMENTS = (PARTICIPANT, IGNORE, *PART_KINDS)
STATEMENT_KINDS = ("action", "challenge", "need", "offer")

# Header words, accents and case folded. Longer phrases weigh more: "je peux être
# ressource" is an offer although it says "ressource", like the need column does.
HEADER_WORDS: dict[str, list[tuple[str, int]]] = {
    PARTICIPANT: [
        ("participant", 5),
        ("nom", 3),
        ("prenom", 3),
        ("structure", 3),
        ("organisme", 3),
        ("qui", 2),
        ("territoire", 2),
        ("personne", 3),
        ("name", 3),
        ("organisation", 3),
        ("organization", 3),
        ("who", 2),
        ("collectivite", 2),
        ("acteur", 2),
        ("contact", 1),
    ],
    "action": [
        ("action", 5),
        ("demarche", 4),
        ("deja engage", 4),
        ("ou en est", 4),
        ("en cours", 3),
        ("realisation", 3),
        ("initiative", 3),
        ("projet", 2),
        ("project", 2),
        ("dispositif", 2),
        ("pratique", 2),
        ("what we do", 3),
        ("already", 3),
        ("ongoing", 3),
        ("etat des lieux", 3),
        # Everyday words, « on », « nous » or « je » (« Ce qu'on fait déjà », « Ce que nous
        # faisons », « Ce que je fais »), as « On propose » is an offer.
        (" on fait", 6),
        ("qu'on fait", 6),
        ("nous faisons", 6),
        (" je fais", 6),
        ("avons fait", 5),
        ("deja fait", 5),
        ("deja en place", 5),
        ("mis en place", 4),
        ("existe deja", 4),
    ],
    "challenge": [
        ("defi", 6),
        ("enjeu", 5),
        ("objectif", 4),
        ("difficult", 4),  # « Difficultés », « Difficulties »
        ("probleme", 4),
        ("problematique", 4),
        ("challenge", 6),
        ("frein", 3),
        ("obstacle", 4),
        ("blocage", 4),
        ("barrier", 3),
        ("goal", 3),
        ("priorite", 3),
        ("bloque", 4),  # « Ce qui nous bloque », « Ce qui bloque »
        ("coince", 4),
    ],
    "need": [
        ("besoin", 8),
        ("j'ai besoin", 10),
        ("je cherche", 8),
        ("recherche", 4),
        ("need", 8),
        ("demande", 4),
        ("looking for", 8),
        ("manque", 4),
        ("souhaite", 3),
        ("ressources sur", 2),
        # « Attentes », « Ce que j'attends » : what they came for, as « Besoins » says it.
        ("attente", 5),
        ("j'attends", 6),
        ("expectation", 5),
        # « On cherche », « Ce qu'on cherche », « Nous cherchons », « Ce qu'il nous faut ».
        (" on cherche", 8),
        ("qu'on cherche", 8),
        ("nous cherchons", 8),
        ("il nous faut", 6),
        ("il me faut", 6),
    ],
    "offer": [
        ("je peux", 10),
        ("peux etre ressource", 12),
        ("peut etre ressource", 12),
        ("ressource", 4),
        ("apporter", 8),
        ("offre", 8),
        ("je propose", 10),
        ("propose", 5),
        ("competence", 4),
        ("can offer", 10),
        ("can be a resource", 12),  # Atelier's own English documents
        ("offer", 8),
        ("i can", 10),
        ("expertise", 5),
        ("savoir-faire", 5),
        ("a partager", 5),
        ("partager", 3),
        ("peut aider", 10),  # « Peut aider sur », « Je peux aider sur »
        ("peux aider", 10),
        ("aider sur", 8),
        (" apport", 8),  # « Apports », « Peut apporter » (a word's start: not « Rapporteur »)
        ("can help", 10),
        ("contribution", 5),
        # « Nous proposons », « Ce qu'on peut offrir », « Nous pouvons apporter ».
        ("nous proposons", 10),
        ("offrir", 8),
        ("nous pouvons", 10),
        (" on peut", 8),
        ("qu'on peut", 8),
    ],
}

# What a user may type in --columns for each kind, in French or English.
COLUMN_ALIASES = {
    "participant": PARTICIPANT,
    "participants": PARTICIPANT,
    "nom": PARTICIPANT,
    "action": "action",
    "actions": "action",
    "defi": "challenge",
    "defis": "challenge",
    "défi": "challenge",
    "défis": "challenge",
    "challenge": "challenge",
    "challenges": "challenge",
    "enjeux": "challenge",
    "besoin": "need",
    "besoins": "need",
    "need": "need",
    "needs": "need",
    "offre": "offer",
    "offres": "offer",
    "ressource": "offer",
    "ressources": "offer",
    "offer": "offer",
    "offers": "offer",
    "ignorer": IGNORE,
    "ignore": IGNORE,
    "-": IGNORE,
    "prenom": FIRST_NAME,
    "first_name": FIRST_NAME,
    "structure": STRUCTURE,
    "organisme": STRUCTURE,
    "organisation": STRUCTURE,
    "territoire": TERRITORY,
    "territory": TERRITORY,
    "fonction": ROLE,
    "role": ROLE,
    "contact": CONTACT,
}

# Header words naming one part of a participant (folded, whole words).
_PART_WORDS: dict[str, frozenset[str]] = {
    PARTICIPANT: frozenset(
        {
            "nom",
            "noms",
            "prenom",
            "prenoms",
            "personne",
            "personnes",
            "name",
            "names",
            "participant",
            "participants",
            "participante",
            "interlocuteur",
            "interlocutrice",
            "intervenant",
            "intervenants",
            "qui",
            "who",
        }
    ),
    STRUCTURE: frozenset(
        {
            "structure",
            "structures",
            "organisme",
            "organismes",
            "organisation",
            "organisations",
            "organization",
            "collectivite",
            "collectivites",
            "employeur",
            "etablissement",
            "institution",
            "organism",
        }
    ),
    TERRITORY: frozenset(
        {
            "territoire",
            "territoires",
            "commune",
            "communes",
            "ville",
            "villes",
            "secteur",
            "departement",
            "lieu",
            "zone",
            "bassin",
            "intercommunalite",
            "epci",
            "quartier",
            "territory",
            "area",
        }
    ),
    ROLE: frozenset({"fonction", "fonctions", "role", "poste", "qualite", "metier", "job", "position"}),
    CONTACT: frozenset(
        {
            "contact",
            "contacts",
            "mail",
            "email",
            "courriel",
            "telephone",
            "tel",
            "coordonnees",
            "phone",
            "portable",
        }
    ),
}
# Header words of a column of people and nothing else (« Nom », « Prénom et nom »): a cell
# there is a person even when it looks like no name (« Karim », « Personne 12 »).
_NAME_WORDS = frozenset({"nom", "noms", "prenom", "prenoms", "name", "names", "personne", "personnes"})

# The words a participant column's header is made of, repeated on the next page: the parts'
# own (« Participant », « Structure », « Territoire ») and the small words between them.
_HEADER_WORDS = frozenset().union(
    *_PART_WORDS.values(), {"suite", "et", "ou", "de", "du", "des", "la", "le", "les", "l", "d", "a", "en"}
)

MAX_ROWS = 5_000
# Characters in one cell: about 150 pages, more than any grid holds (a pasted report is a
# few dozen pages); beyond, a broken or hostile file, refused before matching takes gigabytes.
MAX_CELL = 1_000_000


def fold(text: str) -> str:
    """A header or a preamble line as compared: french.fold, the typographic apostrophe plain.
    Asked of every header cell, the headers sought row after row: where reading a grid stops
    once abandoned (`checkpoint`; a sheet of 20 000 columns took minutes)."""
    checkpoint()
    return french_fold(clean(text)).replace("’", "'")


# Each cell's header scores, while one table is read (`_scores_remembered`): finding the
# header row, the columns, a first row of titles or of a person and what an error cites each
# score the same cells again, and a first row of 100 000 headers (an export of something else)
# took 45 s to be refused. Per reading, so that nothing read stays in memory after it.
_SCORES: ContextVar[dict[str, dict[str, int]] | None] = ContextVar("header_scores", default=None)


@contextmanager
def _scores_remembered() -> Iterator[None]:
    token = _SCORES.set({})
    try:
        yield
    finally:
        _SCORES.reset(token)


# A resource a header says is sought (folded): « Ressources attendues », « souhaitées »,
# « manquantes », « nécessaires », « recherchées », « Recherche de ressources ».
# Two searches, each in one pass: a cell of 200 000 characters is scored as a header too.
_RESOURCE_NOUN = re.compile(r"\b(?:ressources?|competences?|expertises?|savoir-faire|appuis?)\b")
_SOUGHT = re.compile(r"\b(?:attendu|souhaite|manquant|necessaire|recherch|a trouver)")
# What makes a header of resources one of offers whatever follows (« Ressources que je peux
# apporter à qui en a besoin », « Ressources proposées »).
_OFFERED = re.compile(r"\b(?:je peux|peut|pouvons|propos|apport|offr|offert|partag|disponible)")


def header_scores(header: str) -> dict[str, int]:
    """How much `header` names each kind of column (0: not at all). Shared while a table is
    read: never change it."""
    remembered = _SCORES.get()
    if remembered is not None:
        checkpoint()
        if (known := remembered.get(header)) is not None:
            return known
    folded = f" {fold(header)} "  # a space each side: « apport » found at a word's start only
    scores = {}
    for kind, words in HEADER_WORDS.items():
        scores[kind] = sum(weight for word, weight in words if word in folded)
    if _RESOURCE_NOUN.search(folded) and _SOUGHT.search(folded) and not _OFFERED.search(folded):
        # « Ressources attendues », « Expertises recherchées », « Recherche de ressources »:
        # resources sought are needs, however much « ressource » names offers.
        scores["need"] = max(scores["need"], scores["offer"] + 2)
    if remembered is not None:
        remembered[header] = scores
    return scores


def _cited(cells: Sequence[str], limit: int = 12) -> str:
    """The non-empty cells as an error cites them: the first `limit` in the reader's quotes,
    then how many more (join_few counts them; only those shown are quoted)."""
    texts = [text for text in (clean(c) for c in cells) if text]
    quoted = [message("import.place.quoted", name=text[:40]) for text in texts[:limit]]
    return join_few([*quoted, *texts[limit:]], limit)


def header_part(header: str) -> str | None:
    """The one part of a participant a column's header names (PARTICIPANT for the people, « Nom
    de la structure » STRUCTURE, « Prénom » alone FIRST_NAME), or None: a header of statements,
    of several parts at once (« Participant (nom, structure, territoire) »), or of none."""
    if any(score for kind, score in header_scores(header).items() if kind != PARTICIPANT):
        return None
    words = set(re.findall(r"[a-z]+", fold(header)))
    found = {part for part, named in _PART_WORDS.items() if words & named}
    if len(found) == 2 and PARTICIPANT in found:
        found.discard(PARTICIPANT)  # « Nom de la structure », « Nom du territoire »
    if len(found) != 1:
        return None
    part = found.pop()
    if part == PARTICIPANT and words & {"prenom", "prenoms"} and not words & {"nom", "noms", "name"}:
        return FIRST_NAME
    return part


def _names_only(header: str) -> bool:
    """Whether a header names people and nothing else (« Nom », « Nom et prénom »)."""
    return header_part(header) == PARTICIPANT and bool(set(re.findall(r"[a-z]+", fold(header))) & _NAME_WORDS)


UNSHOWN, UNCOMPUTED = "unshown", "uncomputed"  # why a reader left a cell's text out
FORMULA_ERROR = "error"  # a formula Excel computed to an error (« #N/A », « #NOM? »)
STRUCK = "struck"  # struck through by its author (Police › Barré): no longer holds
DELETED = "deleted"  # deleted with the changes tracked (Word's Révision › Suivi des modifications)


@dataclass(slots=True)
class RawRow:
    line: int  # where the facilitator would find it: file line, sheet row, table row
    cells: list[str]
    # What the source says exactly, when it does (Atelier's own Excel: a sheet per kind,
    # one row per item; the participant's structure, territory and role in columns):
    items: dict[int, list[str]] = field(default_factory=dict)  # column -> its items, as they were
    who: ParsedParticipant | None = None  # the participant's parts, as they were
    # Columns whose cell is merged with the one above: a row the author made on purpose for
    # the same participant, not a row carried onto the next page that cuts a sentence.
    merged: frozenset[int] = frozenset()
    # The table or sheet the row is in, when the grid spans several (« tableau 2 »,
    # « feuille « Table 2 » »): its line is counted within it.
    where: str = ""
    # How many columns the row's first cell spans (a Word cell's gridSpan, an Excel range
    # merged from column A): a cell across the whole table is a note or a title, no one.
    first_span: int = 1
    # Every cell spanning several columns: its column -> how many it spans (a Word cell's
    # gridSpan, an Excel range merged across columns, wherever it starts).
    spans: dict[int, int] = field(default_factory=dict)
    # Columns whose text the reader left out, and why (UNSHOWN: it does not show, in Excel or
    # Word; UNCOMPUTED: a formula Excel never computed; FORMULA_ERROR: one it computed to an
    # error): a row whose participant cell is one
    # of them is no one's, not the participant's above.
    unread: dict[int, str] = field(default_factory=dict)
    # What a text grid's cell (CSV, text, paste) held and was not imported, by column: a
    # spreadsheet's formula as written (« =SOMME(A2:A5) », its cell left empty, its column
    # UNCOMPUTED in `unread`), or the address of a link whose text was kept (« https://… » of
    # « =HYPERLINK("https://…";"Mission locale") », read « Mission locale »).
    left_out: dict[int, str] = field(default_factory=dict)

    def place(self) -> str:
        """The row's number as a warning cites it: « 3 », or « 3 (tableau 2) »."""
        return f"{self.line} ({self.where})" if self.where else str(self.line)


@dataclass(slots=True)
class RawTable:
    """What a reader found: the table's rows and the text written before it."""

    rows: list[RawRow]
    preamble: list[str] = field(default_factory=list)
    source: str = ""  # "docx", "xlsx", …
    warnings: list[str] = field(default_factory=list)  # what the reader repaired or skipped
    date: str | None = None  # the workshop's date, when the source says it in a cell of its own
    separator: str = ""  # the character between cells of a CSV or text grid ("" for Office files)
    # The columns the file hides and the import leaves out (an Excel sheet's hidden columns):
    # their index -> their header, for the preview to say so.
    hidden_columns: dict[int, str] = field(default_factory=dict)
    # The workshop's place, organiser and contact, when the source says them in cells of their
    # own (the « Synthèse » sheet of Atelier's Excel): "place", "organiser", "contact".
    details: dict[str, str] = field(default_factory=dict)
    # The workshops of a document that holds several (a table or a sheet per dated session,
    # `importers.sessions`); [] when it holds one.
    sessions: list[Session] = field(default_factory=list)


@dataclass(slots=True)
class ImportedEntry:
    line: int
    parsed: ParsedParticipant
    cells: dict[str, str] = field(default_factory=dict)  # original text by kind
    items: dict[str, list[str]] = field(default_factory=dict)
    where: str = ""  # the table or sheet of its row, when the grid spans several

    def place(self) -> str:
        return f"{self.line} ({self.where})" if self.where else str(self.line)


@dataclass(slots=True)
class GridPlan:
    """A grid understood: which column is what, the entries, and what was noticed on the way."""

    headers: list[str]
    mapping: dict[int, str]  # column index -> kind (PARTICIPANT, an ItemKind value, IGNORE)
    header_line: int | None
    entries: list[ImportedEntry]
    warnings: list[str]
    # Where the header was read, when it takes two rows (« 2 », « 3 »): said by the import.
    header_rows: list[str] = field(default_factory=list)
    title: str = ""
    date: str | None = None
    description: str = ""  # the text written above the table, minus the title
    # The workshop's place, organiser and contact as the source gives them (Atelier's Excel).
    place: str = ""
    organiser: str = ""
    contact: str = ""
    # The workshops of a document that holds several, each with the entries of its tables or
    # sheets (`parts`); [] when it holds one.
    sessions: list[Session] = field(default_factory=list)

    def parts(self) -> list[GridPlan]:
        """The plan of each workshop the document holds, with its entries, title, date and
        place (itself alone when it holds one)."""
        if not self.sessions:
            return [self]
        return [
            GridPlan(
                self.headers,
                self.mapping,
                self.header_line,
                [e for e in self.entries if e.where in session.wheres],
                [],
                title=session.title,
                date=session.date,
                description=session.description,
                place=session.place,
            )
            for session in self.sessions
        ]

    def people(self) -> int:
        """The people the entries name, as the file counts them once imported (`people_of`:
        « Paul Durand et Léa Petit » are two, a row naming no one is one)."""
        return sum(max(1, len([n for n in e.parsed.names if n.strip()])) for e in self.entries)

    def counts(self) -> dict[str, int]:
        totals = {kind.value: 0 for kind in ItemKind}
        for entry in self.entries:
            for kind, items in entry.items.items():
                totals[kind] = totals.get(kind, 0) + len(items)
        return totals


def detect_mapping(headers: list[str], numbers: frozenset[int] = frozenset()) -> dict[int, str]:
    """Give each column the kind its header names best: each kind to the column naming it
    best, then other columns of a kind of statement naming it clearly. A column of numbers
    (`numbers`: « Nb actions » beside « Actions ») gets a kind only if no column of text
    names it."""
    # Each header scored once (a row of 100 000 cells is read several times over).
    named = {index: scores for index, h in enumerate(headers) if any((scores := header_scores(h)).values())}
    scored = [
        (index not in numbers, score, -index, index, kind)
        for index, scores in named.items()
        for kind, score in scores.items()
        if score
    ]
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for _text, _score, _neg, index, kind in sorted(scored, reverse=True):
        if index in mapping or kind in taken:
            continue
        mapping[index] = kind
        taken.add(kind)
    # A second column of a kind of statement (« Difficultés » and « Freins », « Projets en
    # cours » and « Initiatives », « Peut apporter » and « Ressources proposées »): read as
    # that kind too, when its header names that kind clearly and best and it holds text. It
    # was left out (said, but its cells in no workshop). The columns of a kind are read left
    # to right.
    again = {}
    for index, scores in named.items():
        if index in mapping or index in numbers:
            continue
        best = max(scores, key=lambda kind: scores[kind])
        others = [score for kind, score in scores.items() if kind != best]
        if best in STATEMENT_KINDS and scores[best] >= 3 and scores[best] > max(others, default=0):
            again[index] = best
    return dict(sorted({**mapping, **again}.items())) if again else mapping


def breadth(mapping: dict[int, str]) -> int:
    """How much a row of headers names: its columns, a kind of statement named by several
    (« Difficultés » and « Freins ») counted once. Which row is the grid's header, and whether
    it is written sideways, is judged by this: a row of long sentences whose words name one
    kind over and over is no header for naming it often."""
    statements = [kind for kind in mapping.values() if kind in STATEMENT_KINDS]
    return len(mapping) - len(statements) + len(set(statements))


def number_columns(rows: list[RawRow], index: int) -> frozenset[int]:
    """The columns holding mostly numbers in the rows under row `index`."""
    # Only the cells that hold something are looked at: a row of an Excel sheet reaching a
    # stray cell at column XFD is 16,384 cells wide, nearly all empty.
    by_column: dict[int, list[str]] = {}
    for row in rows[index + 1 : index + 201]:
        checkpoint()
        for column, cell in enumerate(row.cells):
            if cell and (value := clean(cell)) and not is_separator(value):
                by_column.setdefault(column, []).append(value)
    return frozenset(
        column
        for column, values in by_column.items()
        if 2 * sum(1 for v in values if _NUMBER.fullmatch(v)) >= len(values)
    )


def parse_columns_option(value: str, headers: list[str]) -> dict[int, str]:
    """ "participant=1,besoins=4" or "Nom=participant" (a header's text) → mapping."""
    mapping: dict[int, str] = {}
    folded_headers = [fold(h) for h in headers]
    for part in value.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise BadOptionValue("import.bad_columns", value=value)
        left, right = (p.strip() for p in part.split("=", 1))
        kind_left, kind_right = COLUMN_ALIASES.get(fold(left)), COLUMN_ALIASES.get(fold(right))
        kind, column = (kind_left, right) if kind_left else (kind_right, left)
        if kind is None:
            raise BadOptionValue("import.bad_columns", value=value)
        if column.isdigit() and 1 <= int(column) <= max(len(headers), 1) + 50:
            index = int(column) - 1
        elif re.fullmatch(r"[A-Za-z]", column):
            index = ord(column.upper()) - ord("A")
        elif fold(column) in folded_headers:
            index = folded_headers.index(fold(column))
        else:
            raise BadOptionValue("import.bad_columns", value=value)
        mapping[index] = kind
    if PARTICIPANT not in mapping.values():
        raise BadOptionValue("import.bad_columns", value=value)
    return mapping


def grid_mapping(headers: list[str], numbers: frozenset[int] = frozenset()) -> dict[int, str] | None:
    """The columns of a grid named by these headers, or None if they do not name a grid: it
    needs the people (a column named so, or the first one left unlabelled) and at least one
    column of statements."""
    mapping = detect_mapping(headers, numbers)
    if PARTICIPANT not in mapping.values():
        # Grids often leave the first column unlabelled: it holds the people.
        if 0 in mapping or breadth(mapping) < 2:
            return None
        mapping[0] = PARTICIPANT
    if not any(kind not in NOT_STATEMENTS for kind in mapping.values()):
        return None
    return _with_parts(mapping, headers)


def _with_parts(mapping: dict[int, str], headers: list[str]) -> dict[int, str]:
    """The columns a grid gives to a participant's parts, each once: « Nom | Structure |
    Territoire » is the people, their structure and their territory, not one participant
    column and two left out. The people's column is the one of names when there is one."""
    parts = {i: header_part(h) for i, h in enumerate(headers) if mapping.get(i, PARTICIPANT) == PARTICIPANT}
    people = next(i for i, kind in mapping.items() if kind == PARTICIPANT)
    if parts.get(people) in PART_KINDS:
        names = [i for i, part in parts.items() if part == PARTICIPANT and i not in mapping]
        if names:  # « Structure | Nom | … »: the people are in « Nom »
            del mapping[people]
            people = names[0]
            mapping[people] = PARTICIPANT
    taken = {kind for kind in mapping.values() if kind in PART_KINDS}
    if parts.get(people) == PARTICIPANT:
        taken.discard(FIRST_NAME)
    else:
        taken.add(FIRST_NAME)  # a first name goes with a column of names only
    for index, part in sorted(parts.items()):
        if index not in mapping and part in PART_KINDS and part not in taken:
            mapping[index] = part
            if part != CONTACT:  # « Mail » and « Téléphone »: both are the contact
                taken.add(part)
    return mapping


def find_header(rows: list[RawRow]) -> int | None:
    """The index of the row that reads like a grid's headers, among the first rows: its
    headers name a grid (grid_mapping), and the rows below it read like a grid's. A table of
    counts naming the same columns (« Territoire | Participants | Actions | Défis… » over
    numbers, as on the summary sheet of Atelier's own Excel) is not a grid. A header on two
    rows is found at its second row (`header_at` says its titles)."""
    best, best_index = 0, None
    for index in range(min(len(rows), 25)):
        numbers = number_columns(rows, index)
        mapping = grid_mapping(header_at(rows, index, numbers)[0], numbers)
        if mapping is None or breadth(mapping) <= best or _names_someone(rows[index], mapping):
            continue
        if _grid_below(rows, index, mapping):
            best, best_index = breadth(mapping), index
    return best_index


def header_at(
    rows: list[RawRow], index: int, numbers: frozenset[int] | None = None
) -> tuple[list[str], bool]:
    """The column titles of the header row `index`, and whether the row above is part of the
    header: a header on two rows (« Participant » and « Territoire » merged down both rows,
    « Ressources » over « J'ai besoin de | Je peux apporter ») gives its merged columns the
    title written above them, which the row alone leaves « sans titre »; the titles of the
    second row stay the columns' own (the group labels above them name no column)."""
    plain = [clean(c) for c in rows[index].cells]
    both = _two_rows(rows, index)
    if both is None:
        return plain, False
    if numbers is None:
        numbers = number_columns(rows, index)
    with_above = grid_mapping(both, numbers)
    if with_above is None:
        return plain, False
    alone = grid_mapping(plain, numbers)
    if alone is None or breadth(with_above) > breadth(alone):
        return both, True
    # As many columns either way (the row alone reads its first, untitled, column as the
    # people): the title above is the column's when it names what the column is read as.
    taken = [c for c, text in enumerate(both) if text and (c >= len(plain) or not plain[c])]
    if breadth(with_above) == breadth(alone) and all(
        with_above.get(c) == alone.get(c) and _names_kind(both[c], with_above.get(c)) for c in taken
    ):
        return both, True
    return plain, False


def _names_kind(title: str, kind: str | None) -> bool:
    """Whether a header's title names this kind of column."""
    return kind is not None and (header_part(title) == kind or header_scores(title).get(kind, 0) > 0)


def _titles_a_column(text: str) -> bool:
    """Whether a header cell names a kind of column or a part of a participant."""
    return header_part(text) is not None or any(header_scores(text).values())


def _two_rows(rows: list[RawRow], index: int) -> list[str] | None:
    """Row `index`'s titles, each empty one under a cell of the row above merged down over it
    taking that cell's title (Word's vMerge, an Excel range); in a CSV, which says no merge,
    under a title of a column when the row itself is all titles. None if nothing is taken."""
    if index == 0:
        return None
    row, above = rows[index], rows[index - 1]
    up = [clean(c) for c in above.cells]
    if above.where != row.where or sum(1 for c in up if c) < 2:
        return None
    cells = [clean(c) for c in row.cells]
    own = [c for c in cells if c]
    loose = not row.merged and len(own) >= 2 and all(_titles_a_column(c) for c in own)
    titles = cells + [""] * (len(up) - len(cells))
    taken = False
    for column, text in enumerate(up):
        if text and not titles[column] and (column in row.merged or (loose and _titles_a_column(text))):
            titles[column] = text
            taken = True
    return titles if taken else None


def _first_row_data(row: RawRow, mapping: dict[int, str]) -> bool:
    """Whether a first row, its columns given by hand, is a participant's, not titles: its
    participant cell names someone, not a kind of column (« Nom », « Participant »)."""
    column = next(i for i, kind in mapping.items() if kind == PARTICIPANT)
    who = clean(row.cells[column]) if column < len(row.cells) else ""
    return bool(who) and not _titles_a_column(who) and bool(parse_participant(who).names)


def _first_row_person(rows: list[RawRow]) -> str:
    """The participant cell of a first row that reads as a grid's titles but names someone
    (`_names_someone`), or ""."""
    mapping = grid_mapping([clean(c) for c in rows[0].cells], number_columns(rows, 0))
    if mapping is None or not _names_someone(rows[0], mapping):
        return ""
    column = next(i for i, kind in mapping.items() if kind == "participant")
    return clean(rows[0].cells[column])


def _people_across(rows: list[RawRow]) -> list[str]:
    """The labels heading a grid's rows when its first row is a people column's title
    (« Nom », « Participant ») followed by two people or more, each named as a participant is
    (« Anne Martin / PLIE de Pau »): participants in columns. Otherwise []."""
    if len(rows) < 2 or len(rows[0].cells) < 3:
        return []
    first, *beside = (clean(c) for c in rows[0].cells)
    if not header_scores(first).get(PARTICIPANT):
        return []
    people = [c for c in beside if c and not any(header_scores(c).values()) and parse_participant(c).names]
    if len(people) < 2 or len(people) < len([c for c in beside if c]) - 1:
        return []
    return [label for r in rows if r.cells and (label := clean(r.cells[0]))]


def _names_someone(row: RawRow, mapping: dict[int, str]) -> bool:
    """Whether a row read as headers is a participant's: its participant cell names a person
    (« Anne Martin / PLIE Sud Landes ») and no header word for that column. Its other cells
    may well say « actions collectives… », « besoins en mobilité… », « offres d'emploi… »:
    such a first row was taken for the titles and dropped, the person and their points gone."""
    column = next((i for i, kind in mapping.items() if kind == "participant"), None)
    if column is None or column >= len(row.cells):
        return False
    cell = clean(row.cells[column])
    return bool(cell) and not header_scores(cell).get("participant") and bool(parse_participant(cell).names)


def _statement_kinds(rows: list[RawRow]) -> tuple[int, list[str]]:
    """How many kinds of statement the grid's header row names (0 if no grid is found), and
    those headers."""
    index = find_header(rows)
    if index is None:
        return 0, []
    headers = header_at(rows, index)[0]
    mapping = grid_mapping(headers, number_columns(rows, index)) or {}
    named = [i for i, kind in sorted(mapping.items()) if kind not in NOT_STATEMENTS]
    return len({mapping[i] for i in named}), [headers[i] for i in named]


def fiches_grid(rows: list[RawRow]) -> list[RawRow]:
    """A grid written as one « fiche » per participant: two columns, a label on the left
    (« Participant », « Actions engagées », « Besoins »…) and what was said on the right, the
    participant's row starting each fiche (a small Word table each, or blocks on a sheet).
    Given as the grid it stands for: a header row of the labels, then a row per fiche (at the
    line of its « Participant » row); [] when the rows are not all such fiches, or when the
    grid so read is not one (the refusal of a grid in columns stands)."""

    def label(row: RawRow) -> str:
        return clean(row.cells[0]) if row.cells else ""

    def names_people(text: str) -> bool:
        return header_part(text) == PARTICIPANT

    if not rows or any(any(clean(c) for c in r.cells[2:]) for r in rows) or not names_people(label(rows[0])):
        return []
    fiches: list[list[RawRow]] = []
    for row in rows:
        if not label(row):
            return []  # a value with no label: no one can say what it is
        if names_people(label(row)):
            fiches.append([])
        elif any(label(other) == label(row) for other in fiches[-1]):
            return []  # the same label twice in one fiche: not read as one
        fiches[-1].append(row)
    labels: list[str] = []
    for fiche in fiches:
        labels += [label(r) for r in fiche if label(r) not in labels]
    if not any(kind not in NOT_STATEMENTS for kind in detect_mapping(labels).values()):
        return []
    header = RawRow(rows[0].line, labels, where=rows[0].where)
    grid = [header]
    for fiche in fiches:
        said = {label(r): (r.cells[1] if len(r.cells) > 1 else "") for r in fiche}
        grid.append(RawRow(fiche[0].line, [said.get(name, "") for name in labels], where=fiche[0].where))
    if find_header(grid) != 0 or column_wise(grid) is not None:
        return []
    return grid


def _fiches_said(fiches: list[RawRow]) -> list[str]:
    """« 2 fiches lues comme une ligne de la grille chacune (…) », when there were some."""
    return [noted("import.warn.fiches_read", fiches=counted(len(fiches), "n.fiche"))] if fiches else []


def column_wise(rows: list[RawRow]) -> list[str] | None:
    """The labels of a grid written the other way round, one participant per column (« |
    Karim / PLIE | Julie / Mission locale » over « Actions engagées | … », « Défis | … »), or
    None. Read row by row, such a grid gives people named « Mobiliser les entreprises »: it is
    refused instead. It is one whose columns, read as rows, name more kinds of statement
    (actions, challenges, needs, offers) than its rows do."""
    top = rows[:25]
    width = min(max((len(r.cells) for r in top), default=0), 200)
    turned = [RawRow(c + 1, [r.cells[c] if c < len(r.cells) else "" for r in top]) for c in range(width)]
    turned = [r for r in turned if any(clean(c) for c in r.cells)]
    across, labels = _statement_kinds(turned)
    if across >= 2 and across > _statement_kinds(rows)[0]:
        return labels
    return None


def header_like(rows: list[RawRow]) -> int | None:
    """The row that names the most kinds of column, grid or not: what an error message cites."""
    best, best_index = 0, None
    for index, row in enumerate(rows[:25]):
        kinds = {kind for cell in row.cells for kind, s in header_scores(cell).items() if s}
        filled = sum(1 for c in row.cells if clean(c))
        if len(kinds) >= 2 and filled >= 2 and len(kinds) > best:
            best, best_index = len(kinds), index
    return best_index


_NUMBER = re.compile(r"[\d\s.,:%+/()-]+")


def _grid_below(rows: list[RawRow], index: int, mapping: dict[int, str]) -> bool:
    """Whether the rows under a header row read like a grid's: people in the participant
    column and statements in the others. Numbers where the people should be, or in every
    column of statements, are counts, not a grid; a column of dates, percentages or phone
    numbers beside columns of text is still a grid's (it was refused with a sentence saying
    that none of the very headers it named was recognised)."""
    below = rows[index + 1 : index + 201]

    def mostly_numbers(columns: list[int]) -> bool:
        values = [clean(r.cells[c]) for r in below for c in columns if c < len(r.cells)]
        values = [v for v in values if v and not is_separator(v)]
        return bool(values) and 2 * sum(1 for v in values if _NUMBER.fullmatch(v)) >= len(values)

    people = [c for c, kind in mapping.items() if kind == PARTICIPANT]
    statements = [c for c, kind in mapping.items() if kind not in NOT_STATEMENTS]
    filled = [c for c in statements if any(c < len(r.cells) and clean(r.cells[c]) for r in below)]
    return not (mostly_numbers(people) or (filled and all(mostly_numbers([c]) for c in filled)))


def find_date(texts: list[str]) -> str | None:
    """The workshop's date in the lines above the grid: « Atelier du 16 mars 2021 » → 2021-03-16."""
    for text in texts:
        found = french_find_date(clean(text))
        if found is not None:
            return found.isoformat()
    return None


# « Lieu : Langon » above the grid (folded): the place after the label.
_PLACE_LINE = re.compile(r"lieu(?: de l'atelier| de la reunion| de la rencontre)?\s*:\s*(.{1,80})")


def find_place(texts: list[str]) -> str:
    """The workshop's place a line above the grid gives (« Lieu : Langon » → « Langon »), or ""."""
    for text in texts:
        line = clean(text)
        if _PLACE_LINE.fullmatch(fold(line)):
            return line.split(":", 1)[1].strip()
    return ""


def find_title(preamble: list[str]) -> str:
    """The workshop's title: the first line above the grid that is neither a detail (« Lieu :
    Blaye »), nor the heading of a group or a time of day (« Matin », « Groupe 1 : mobilité »,
    above the morning's rows), nor a note (« Notes », « NB : … », « Légende : … »);
    « Atelier 2 : mobilité » is a title."""
    for text in preamble:
        line = clean(text)
        if not line or len(line) > 120 or _INFO_LINE.match(fold(line)):
            continue
        if not _group_heading(line) and not _note_line(line):
            return line
    return ""


def _note_line(line: str) -> bool:
    """Whether a line begins as a note does (`_NOTE_START`: « NB : … », « Légende : … »,
    « Prochaine réunion… ») or is a word that heads notes (« Notes », « Remarques »), not a
    title (« Compte rendu : atelier du 5 avril » is one)."""
    said = fold(line).strip()
    if said.strip(" :.") in ("note", "notes", "remarques", "commentaires", "observations", "a noter"):
        return True
    return bool(_NOTE_START.match(said))


def _group_heading(line: str) -> bool:
    """Whether a line is a heading of part of the room (`_SECTION`) that no workshop is titled:
    a group, a table, a room, a time of day; not « Atelier 2 », « Séance 3 », « Journée… »."""
    said = fold(line).strip(" :.-")
    if len(said) > 80 or not _SECTION.fullmatch(said):
        return False
    return not said.startswith(("atelier", "session", "seance", "journee", "sequence", "partie", "temps"))


# The workshop's details a small table above the grid gives, a label and its value on each
# row (« Date | 3 décembre 2026 », « Lieu | Blaye »): the labels, folded.
_INFO_LABEL = (
    r"(?:date|lieu|horaires?|heures?|salle|adresse|animat(?:eur|rice)s?|organisat(?:eur|rice)s?"
    r"|organise par|contacts?|theme|titre|intitule|objet)"
    r"(?: de l'atelier| de la reunion| de la rencontre)?"
)
_INFO_LINE = re.compile(_INFO_LABEL + r"\s*:")


def label_line(cells: list[str]) -> str | None:
    """A row of a label and its value (« Date | 3 décembre 2026 ») as the line above a grid
    would say it (« Date : 3 décembre 2026 »), read as such (`find_date`, `find_place`); None
    for any other row."""
    said = [clean(c) for c in cells if clean(c)]
    if len(said) != 2 or len(said[0]) > 40:
        return None
    label = said[0].rstrip(" :\xa0\u202f")
    if not re.fullmatch(_INFO_LABEL, fold(label)):
        return None
    return f"{label}\u202f: {said[1]}"


def info_table(rows: list[RawRow]) -> list[str] | None:
    """A small table of the workshop's details (each row a label and its value: date, place,
    facilitator…), as lines above the grid; None when it is anything else."""
    said = [r for r in rows if any(clean(c) for c in r.cells)]
    lines = [label_line(r.cells) for r in said]
    if not said or len(said) > 12 or any(line is None for line in lines):
        return None
    return [line for line in lines if line is not None]


# The likely cause of text beyond the header's columns, by the file's separator.
_SEPARATOR_HINTS = {
    ";": "import.hint.semicolon",
    ",": "import.hint.comma",
    "\t": "import.hint.tab",
    "|": "import.hint.pipe",
}


def _shifted_rows(rows: list[RawRow], again: list[list[str]], separator: str) -> list[RawRow]:
    """The rows of a CSV or text grid with more cells than its header, when they are a few of
    its rows: a separator typed in a cell without quotes (« forum; salon; job dating ») moved
    the rest of the row over, so that its cells are under the wrong headers. Every row wider
    is a column the header does not title (« note A »), read as before."""
    width = len(again[0])  # the titles; then the header's own rows, when it takes two
    if separator not in _SEPARATOR_HINTS or not width:
        return []
    data = [r for r in rows if not _row_is_header_again(r, again)]
    wider = [r for r in data if any(clean(c) and not is_separator(clean(c)) for c in r.cells[width:])]
    return wider if len(wider) * 2 <= len(data) else []


def _shifted_said(row: RawRow, width: int, separator: str) -> str:
    """What is said of a row `_shifted_rows` leaves out: its line, its cells as the file has them."""
    from atelier.french import counted

    cells = list(row.cells)
    while cells and not clean(cells[-1]):
        cells.pop()
    joined = (" ⇥ " if separator == "\t" else separator).join(c.replace("\n", " ") for c in cells)
    return noted(
        "import.warn.shifted_row",
        line=row.place(),
        cells=counted(len(cells), "n.row_cell"),
        columns=counted(width, "n.column"),
        separator=message(_SEPARATOR_HINTS[separator]),
        row=shorten(joined, 160),
    )


def _unread_cells(
    rows: list[RawRow], mapping: dict[int, str], again: list[list[str]], separator: str = ""
) -> list[str]:
    """Text the import would otherwise drop without a word: cells beyond the header's
    columns (a « ; » typed in a CSV cell pushes the rest of its row over), and columns no
    kind was given to (a second « Besoins » column, « Notes internes »). A column given
    « ignorer » on purpose (--columns) is not mentioned, nor those of Atelier's own Excel
    (its rows carry the participant's parts, read from their columns)."""
    from atelier.french import counted

    warnings: list[str] = []
    headers = again[0]  # the titles; then the header's own rows, when it takes two
    width = len(headers)
    filled: dict[int, int] = {}
    pushed: list[str] = []  # the rows with text beyond the columns
    for row in rows:
        if _row_is_header_again(row, again, mapping):
            continue
        texts = [clean(c) for c in row.cells]
        beyond = [t for t in texts[width:] if t and not is_separator(t)] if width else []
        if beyond:
            pushed.append(row.place())
            # Every cell pushed over is named (« e », « f »), not only the first: all are left out.
            said = [text if len(text) <= 60 else text[:59] + "…" for text in beyond[:5]]
            quoted = "\xa0», «\xa0".join(said) + ("\xa0», …" if len(beyond) > 5 else "")
            hint = _SEPARATOR_HINTS.get(separator)
            if hint is None:  # an Office grid, or a separator of the file's own (« sep=| »)
                warnings.append(noted("import.warn.beyond_columns", line=row.place(), text=quoted))
            else:
                warnings.append(
                    noted(
                        "import.warn.beyond_headers", line=row.place(), text=quoted, separator=message(hint)
                    )
                )
        for index, text in enumerate(texts[:width]):
            if row.who is None and index not in mapping and text and not is_separator(text):
                filled[index] = filled.get(index, 0) + 1
    if len(pushed) > SAID_ONE_BY_ONE + 1:  # 5 000 rows pushed over: the first few, then counted
        rest = pushed[SAID_ONE_BY_ONE:]
        del warnings[SAID_ONE_BY_ONE:]  # so far, one warning per row pushed over
        warnings.append(
            noted(
                "import.warn.beyond_more",
                count=format_number(len(rest)),
                lines=join_few(rest, SAID_ONE_BY_ONE),
            )
        )
    if len(filled) > SAID_ONE_BY_ONE:  # a sheet of 20 000 columns: one line, the first few
        first = sorted(filled)[:SAID_ONE_BY_ONE]
        listed = [
            f"{i + 1} {message('import.place.quoted', name=shorten(headers[i], 40))}"
            if headers[i]
            else str(i + 1)
            for i in first
        ]
        warnings.append(
            noted(
                "import.warn.unread_columns",
                count=format_number(len(filled)),
                cells=counted(sum(filled.values()), "n.filled_cell"),
                columns=", ".join(listed),
                first=len(first),
            )
        )
        return warnings
    for index, cells in sorted(filled.items()):
        header = shorten(headers[index], 40)
        key = "import.warn.unread_column" if header else "import.warn.unread_column_untitled"
        warnings.append(message(key, column=index + 1, header=header, cells=counted(cells, "n.filled_cell")))
    return warnings


# Past this many of one kind (columns, tables left out), a warning says how many and the first
# ones, in one line: a sheet of 20 000 columns is not 20 000 lines.
SAID_ONE_BY_ONE = 5


_PEOPLE_APART = re.compile(r"\s+et\s+|\s*\n\s*|\s*;\s*|\s+/\s+|\s*&\s*")


def _who_from_columns(people: str, parts: dict[str, str], people_column: bool) -> ParsedParticipant:
    """A participant whose parts have columns of their own: the people's cell read as
    before, each part's column then says that part. In a column of people (headed « Nom »,
    or beside a column of structures) a cell read as no one's name is still people
    (« Karim », « Personne 12 »), unless it names a structure (« Mission locale des Landes »)
    and the row gives no other."""
    people = clean(people)
    parsed = parse_participant(people) if people else ParsedParticipant()
    if people and not parsed.names and people_column and not function_said(people):
        structure = any(_is_structure(word) for word in people.split())
        if not structure or parts.get(STRUCTURE):
            parsed = ParsedParticipant([n for n in _PEOPLE_APART.split(people) if n], source_text=people)
    if FIRST_NAME in parts:
        first = parts[FIRST_NAME]
        parsed.names = [f"{first} {parsed.names[0]}"] if len(parsed.names) == 1 else parsed.names or [first]
    if STRUCTURE in parts:
        parsed.organisation = parts[STRUCTURE]
    if TERRITORY in parts:
        parsed.territory = parts[TERRITORY]
    if ROLE in parts:
        parsed.role = parts[ROLE]
    column = parts.get(CONTACT, "")
    parsed.contact = ", ".join(dict.fromkeys(c for c in (column, parsed.contact) if c))
    said = [parts.get(FIRST_NAME, ""), people, *(parts.get(k, "") for k in (STRUCTURE, TERRITORY, ROLE))]
    parsed.source_text = " / ".join(t for t in said if t)
    return parsed


def _row_is_header_again(
    row: RawRow, headers: list[list[str]], mapping: dict[int, str] | None = None
) -> bool:
    """Whether a row repeats the header (either of its rows when it takes two); with the
    grid's `mapping`, also in other words (`_names_the_columns`)."""
    if mapping is not None and _names_the_columns(row, mapping):
        return True
    cells = [c for c in row.cells if clean(c)]
    for header in headers:
        wanted = [fold(h) for h in header if clean(h)]
        # Compared cell by cell, stopping at the first that differs: a long cell is not folded
        # for nothing at every row.
        if (
            cells
            and len(cells) == len(wanted)
            and all(fold(c) == h for c, h in zip(cells, wanted, strict=True))
        ):
            return True
    return False


def _names_the_columns(row: RawRow, mapping: dict[int, str]) -> bool:
    """Whether a row is the header said again in other words on the next page (« Participants
    (suite) | Actions engagées | … », « Participant | Actions | Défis | Besoins | Ressources »):
    its participant cell names people as a header does (« Participant », « Nom », « Qui »),
    and each of at least two statement cells, short, names its own column's kind."""
    column = next((i for i, kind in mapping.items() if kind == PARTICIPANT), None)
    if column is None or column >= len(row.cells) or row.who is not None:
        return False
    who = clean(row.cells[column])
    if not who or len(who) > 60 or re.search(r"\d", who):
        return False
    # Header words only (« Participants / Territoire (suite) »): a cell naming someone beside
    # them (« Personne Nom / Structure A », « Nom : Anne Martin ») is a participant's.
    words = set(re.findall(r"[a-z]+", fold(who)))
    if not words & _PART_WORDS[PARTICIPANT] or words - _HEADER_WORDS:
        return False
    named = 0
    for index, kind in mapping.items():
        text = clean(row.cells[index]) if index < len(row.cells) else ""
        if index == column or kind not in STATEMENT_KINDS or not text or is_separator(text):
            continue
        if len(text) > 60 or not header_scores(text).get(kind):
            return False
        named += 1
    return named >= 2


def _normalised(table: RawTable) -> RawTable:
    """Every text of the grid as Atelier keeps text (no control characters; a vertical tab,
    Excel's line break in a cell, is a line break): normalised once, at the door."""
    return RawTable(
        [
            RawRow(
                r.line,
                [normalise_text(c) for c in r.cells],
                {c: [normalise_text(t) for t in texts] for c, texts in r.items.items()},
                _normalised_who(r.who),
                r.merged,
                r.where,
                r.first_span,
                dict(r.spans),
                dict(r.unread),
                {c: normalise_text(t) for c, t in r.left_out.items()},
            )
            for r in table.rows
        ],
        [normalise_text(t) for t in table.preamble],
        table.source,
        list(table.warnings),
        table.date,
        table.separator,
        dict(table.hidden_columns),
        {k: normalise_text(v) for k, v in table.details.items()},
        list(table.sessions),
    )


def _normalised_who(who: ParsedParticipant | None) -> ParsedParticipant | None:
    if who is None:
        return None
    return ParsedParticipant(
        [normalise_text(n) for n in who.names],
        normalise_text(who.organisation),
        normalise_text(who.territory),
        normalise_text(who.role),
        normalise_text(who.source_text),
        normalise_text(who.contact),
    )


def plan_grid(table: RawTable, *, columns: str | None = None, path: str = "") -> GridPlan:
    """Understand a raw table: columns, entries, continued rows, separators, warnings."""
    with _scores_remembered():
        return _plan_grid(table, columns=columns, path=path)


def _plan_grid(table: RawTable, *, columns: str | None, path: str) -> GridPlan:
    table = _normalised(table)
    # A row of formulas never computed (« =SOMME(A2:A5) » copied as text) is said, not dropped.
    rows = [r for r in table.rows if any(clean(c) for c in r.cells) or UNCOMPUTED in r.unread.values()]
    if len(rows) > MAX_ROWS:
        raise AtelierError("import.too_many_rows", path=path, limit=format_number(MAX_ROWS))
    for row in rows:
        for column, cell in enumerate(row.cells, start=1):
            if len(cell) > MAX_CELL:
                raise AtelierError(
                    "import.cell_too_long",
                    path=path,
                    place=cell_place(row.line, column, row.where),
                    length=format_number(len(cell)),
                    limit=format_number(MAX_CELL),
                )
    fiches_read: list[RawRow] = []
    row_labels = column_wise(rows) if columns is None else None
    if (
        columns is None
        and (row_labels is not None or find_header(rows) is None)
        and (fiches := fiches_grid(rows))
    ):
        # One small table per participant, labels on the left: a row of the grid each.
        rows, fiches_read, row_labels = fiches, fiches[1:], None
    if row_labels is not None:
        from atelier.french import join
        from atelier.importers.long_format import rubrique_column

        if (rubriques := rubrique_column(rows)) is not None:  # one row per item: not sideways
            rubrique, values = rubriques
            raise AtelierError(
                "import.item_list_no_people",
                path=path,
                column=message("import.place.quoted", name=rubrique[:40]),
                labels=join([message("import.place.quoted", name=v[:40]) for v in values[:4]]),
            )
        raise AtelierError(
            "import.participants_in_columns",
            path=path,
            labels=join([message("import.place.quoted", name=label[:40]) for label in row_labels[:4]]),
        )
    header_index = find_header(rows)
    if columns is None and header_index is not None and (beside := _grids_beside(rows, header_index)):
        # Two grids side by side on one sheet (« Groupe A » in A–C, « Groupe B » in E–G): each
        # group read as a grid of its own, one after the other, not the second's people left out
        # and its cells given to the first's.
        from dataclasses import replace

        return plan_grid(replace(table, rows=beside[0], warnings=[*table.warnings, *beside[1]]), path=path)
    headers, two_rows = header_at(rows, header_index) if header_index is not None else ([], False)
    # The header's rows as they are, each skipped where the grid repeats it (a page break).
    header_rows = (
        [rows[header_index - 1], rows[header_index]] if header_index is not None and two_rows else []
    )
    preamble = list(table.preamble)
    if header_index is not None:
        # « Date | 3 décembre 2026 » above the headers: one line, its label with its value.
        for r in rows[: header_index - two_rows]:
            line = label_line(r.cells)
            preamble += [line] if line else [c for c in r.cells if clean(c)]
    if columns:
        assumed = header_index is None and bool(rows)
        if assumed:
            header_index = 0  # with a manual mapping, the first row is the header row
            headers = [clean(c) for c in rows[0].cells]
        mapping = parse_columns_option(columns, headers)
        if assumed and _first_row_data(rows[0], mapping):
            # « Anne Martin, PLIE Pau | Forum | … » first: rows without titles, the first one a
            # participant's (it was taken as the titles, and she was left out without a word).
            header_index, headers = None, [""] * len(headers)
        if all(kind in NOT_STATEMENTS for kind in mapping.values()):
            # The people alone: a workshop of empty rows is no import of a grid.
            raise _people_list(rows, path) or AtelierError("import.no_statement_column", path=path)
        column = next(i for i, k in mapping.items() if k == PARTICIPANT)
        below = rows[header_index + 1 :] if header_index is not None else rows
        if below and not any(column < len(r.cells) and clean(r.cells[column]) for r in below):
            # A column past the grid's last one, or an empty one: no one to credit anything to.
            raise AtelierError("import.empty_participant_column", path=path, column=column + 1)
    elif header_index is None and (people := _people_list(rows, path)) is not None:
        raise people
    elif header_index is None and rows and (someone := _first_row_person(rows)):
        # Rows without their titles: the first is a participant's, never titles to guess from.
        raise AtelierError("import.no_header_row", path=path, who=someone)
    elif header_index is None:
        # Not a grid: say which headers were found, and what they lack.
        near = header_like(rows)
        cited = rows[near].cells if near is not None else (rows[0].cells if rows else [])
        # The first ones and how many more (a sheet of 100 000 columns is not cited whole),
        # in the reader's quotes.
        found_headers = _cited(cited) or "—"
        named = detect_mapping([clean(c) for c in cited])
        if near is not None and PARTICIPANT not in named.values() and len(named) >= 1:
            raise AtelierError("import.no_participant_column", headers=found_headers)
        if labels := _people_across(rows):
            # « Nom | Anne Martin / PLIE | Paul Durand / CCAS » over rows whose labels name no
            # column: people across the first row, a grid in columns; the --columns advice
            # (« participant=1… ») would have made « Forum », « Autre » participants.
            from atelier.french import join

            raise AtelierError(
                "import.participants_in_columns",
                path=path,
                labels=join([message("import.place.quoted", name=label[:40]) for label in labels[:4]]),
            )
        raise AtelierError("import.no_columns", headers=found_headers)
    else:
        guessed = grid_mapping(headers, number_columns(rows, header_index))
        assert guessed is not None  # find_header found a grid's headers
        mapping = guessed
    data_rows = rows[(header_index + 1) if header_index is not None else 0 :]
    plan = GridPlan(
        headers=headers,
        mapping=mapping,
        header_line=rows[header_index].line if header_index is not None else None,
        header_rows=[r.place() for r in header_rows],
        entries=[],
        warnings=list(table.warnings) + _fiches_said(fiches_read),
        title=find_title(preamble),
        date=table.date or find_date(preamble),
        # « Atelier du 3 mars 2023 — Langon »: the place after the date, when the title says it.
        place=table.details.get("place", "") or title_place(find_title(preamble)) or find_place(preamble),
        organiser=table.details.get("organiser", ""),
        contact=table.details.get("contact", ""),
        sessions=list(table.sessions),
    )
    # Which workshop of the document each table or sheet is (none when it holds one): a row
    # is never continued into, nor said twice with, another workshop's.
    session_of = {where: n for n, session in enumerate(table.sessions) for where in session.wheres}
    plan.description = "\n".join(clean(t) for t in preamble if clean(t) and clean(t) != plan.title)
    participant_column = next(i for i, k in mapping.items() if k == PARTICIPANT)
    parts = [k for k in mapping.values() if k in PART_KINDS]
    people_only = participant_column < len(headers) and _names_only(headers[participant_column])
    # Rows a separator typed in a cell pushed over: said in their own words, nothing of them read
    # (nor of the rows continuing them, which would go to the participant above).
    again = [headers, *([clean(c) for c in r.cells] for r in header_rows)]
    shifted = {id(r) for r in _shifted_rows(data_rows, again, table.separator)}
    after_shifted = ""
    plan.warnings.extend(
        _unread_cells([r for r in data_rows if id(r) not in shifted], mapping, again, table.separator)
    )
    # Columns of both needs and offers (« Besoins / Ressources »): their items counted by kind.
    both: dict[int, dict[str, int]] = {
        i: {}
        for i, k in mapping.items()
        if k in (ItemKind.NEED.value, ItemKind.OFFER.value) and i < len(headers) and both_kinds(headers[i])
    }
    # What a line without a label is read as there (and said): the kind the header names first.
    first_named = {i: both_kinds(headers[i]) or mapping[i] for i in both}
    placeholders: list[str] = []  # « Néant », « RAS », « / » read as empty cells
    # Each column's last text, looked up by a cell merged with the one above (Word's vMerge,
    # Excel's merged range), within one table.
    above: dict[int, str] = {}
    above_where = ""
    no_one: list[str] = []  # the rows left out: whose they are cannot be read
    # A spreadsheet's formula typed or copied as text in a CSV, a text grid or a paste (the
    # reader left it out: no one's words), where no participant cell is: said with where, as an
    # Excel reader says its own formulas never computed and the participant column says its.
    formulas: list[tuple[str, str]] = []  # (where, the formula as written)
    formulas_said = table.source in ("csv", "txt", "paste")
    # A link written as a formula in such a grid, read as its text: (where, its address), said.
    links: list[tuple[str, str]] = []
    last_line, last_where = -1, ""  # the row before, to know an empty row was between
    noting = False  # the row before was a note under the grid: the notes go on
    for row in data_rows:
        after_blank = row.where == last_where and (noting or row.line > last_line + 1 >= 1)
        last_line, last_where, noting = row.line, row.where, False
        cells = row.cells
        if row.merged and max(row.merged) >= len(cells):
            # An Excel row ends at its last filled cell: a cell merged with the one above past
            # it is still in the row (« Besoins » merged over two people, the offer cell empty).
            cells = [*cells, *[""] * (max(row.merged) + 1 - len(cells))]
        if row.where != above_where:
            above, above_where = {}, row.where
        if _row_is_header_again(row, again, mapping):
            plan.warnings.append(noted("import.warn.header_repeated", line=row.place()))
            continue
        row_formulas = [
            (cell_place(row.line, column + 1, row.where), row.left_out.get(column, ""))
            for column, why in sorted(row.unread.items())
            if formulas_said and why == UNCOMPUTED and column != participant_column
        ]
        texts = [clean(c) for c in cells]
        if all(is_separator(t) for t in texts) and not row.unread:  # a row of formulas is none
            plan.warnings.append(noted("import.warn.separator", line=row.place()))
            continue
        who_text = cells[participant_column] if participant_column < len(cells) else ""
        if id(row) in shifted:
            plan.warnings.append(_shifted_said(row, len(headers), table.separator))
            after_shifted = row.place()
            continue
        if after_shifted and not clean(who_text):
            said = noted("import.warn.after_shifted", line=row.place(), shifted=after_shifted)
            plan.warnings.append(said)
            continue
        after_shifted = ""
        across = _across_grid(row, mapping)
        if across is not None:
            plan.warnings.append(noted("import.warn.whole_row", line=row.place(), text=texts[across][:60]))
            continue
        # A participant's cell merged over the next columns (« Actions »): its first line is
        # the participant, the rest may be the other column's words, put in no field.
        who_text, said_span = _participant_spanning(row, participant_column, mapping, headers, who_text)
        # Said once the row is known to be read: a heading merged over two cells is only left out.
        spanning = said_span or _spanning_cells(row, mapping, headers)
        if _totals(
            who_text,
            [texts[i] for i, k in mapping.items() if k not in NOT_STATEMENTS and i < len(texts)],
        ):
            plan.warnings.append(noted("import.warn.numbers_row", line=row.place()))
            continue
        statements = [texts[i] for i, k in mapping.items() if k not in NOT_STATEMENTS and i < len(texts)]
        if row.who is None and _count_row(who_text, statements):
            # « TOTAL », « Total participants : 12 », « 12 participants » over empty cells: a
            # count of the room, no one's row.
            plan.warnings.append(
                noted("import.warn.count_row", line=row.place(), text=shorten(clean(who_text), 60))
            )
            continue
        if _summary_row(who_text, statements):
            # « Synthèse / points communs », « Bilan », « Participants (suite) »: no one's row.
            plan.warnings.append(
                noted("import.warn.summary_row", line=row.place(), text=clean(who_text)[:60])
            )
            continue
        if row.who is None and (heading := _section_row(who_text, row, mapping, participant_column)):
            # « Matin », « Groupe 2 », « Table 3 : mobilité » typed between participants to
            # group them, nothing beside it: a heading of the rows below, no one's row.
            said = noted("import.warn.section_row", line=row.place(), text=shorten(heading, 60))
            plan.warnings.append(said)
            continue
        if row.who is None and _note_row(who_text, row, mapping, participant_column):
            # « Prochaine réunion le 15 janvier 2027 », « Légende : … », « À relancer : la
            # Région » typed under the grid, nothing beside it: a note, no one's row.
            plan.warnings.append(
                noted("import.warn.note_row", line=row.place(), text=shorten(clean(who_text), 80))
            )
            continue
        if row.who is None and after_blank and (note := _note_in_items(who_text, texts, mapping)):
            # « NB : penser à relancer la Région » typed under « Actions » after an empty row:
            # a note under the grid, not the last participant's action.
            plan.warnings.append(
                noted("import.warn.note_under_grid", line=row.place(), text=shorten(note, 80))
            )
            noting = True
            continue
        plan.warnings.extend(spanning)
        who_cells: dict[str, str] = {}
        merged_parts: dict[str, str] = {}  # a structure cell merged over two people's rows
        for i, kind in sorted(mapping.items()):
            said = clean(cells[i]) if i < len(cells) else ""
            if kind in PART_KINDS and said and not is_separator(said):
                who_cells[kind] = f"{who_cells[kind]} · {said}" if kind in who_cells else said
            elif kind in PART_KINDS and not said and i in row.merged and clean(above.get(i, "")):
                merged_parts.setdefault(kind, clean(above[i]))
        continued = False
        why = row.unread.get(participant_column)
        if why is not None and not clean(who_text) and not who_cells:
            # Whose row it is cannot be read, nor is it in another column (a first name, a
            # structure): its items are given to no one (they would go to the participant
            # above), the row is left out and said.
            if formulas_said and why == UNCOMPUTED:
                # In a CSV, a text grid or a paste, no spreadsheet computes it: said so, with it.
                from atelier.french import quoted as quoted_text

                formula = quoted_text(shorten(row.left_out.get(participant_column, "="), 60))
                told = noted("import.warn.row_no_one.formula_text", line=row.place(), formula=formula)
                plan.warnings.append(told)
            else:
                plan.warnings.append(noted(f"import.warn.row_no_one.{why}", line=row.place()))
            no_one.append(row.place())
            continue
        if (not clean(who_text) or is_separator(clean(who_text))) and not who_cells:
            statements = [texts[i] for i, k in mapping.items() if k not in NOT_STATEMENTS and i < len(texts)]
            if plan.entries and not any(t and not is_separator(t) for t in statements):
                # Nothing in the grid's columns (a stray cell beyond them, said apart): nothing
                # is joined to the row above, and no « joined » is said.
                formulas += row_formulas
                continue
            if plan.entries and session_of.get(plan.entries[-1].where) == session_of.get(row.where):
                continued = True
                entry = plan.entries[-1]
                who = entry.parsed.names[0] if entry.parsed.names else entry.parsed.source_text
                plan.warnings.append(noted("import.warn.continued", line=row.place(), who=who[:40]))
            else:
                entry = ImportedEntry(row.line, ParsedParticipant(), where=row.where)
                plan.entries.append(entry)
                plan.warnings.append(noted("import.warn.no_participant", line=row.place()))
        else:
            for kind, said in merged_parts.items():
                who_cells.setdefault(kind, said)  # the merged cell is this person's too
            if row.who is not None:
                parsed = row.who
            elif parts or people_only:
                parsed = _who_from_columns(who_text, who_cells, people_only or STRUCTURE in parts)
            else:
                parsed = parse_participant(who_text)
                if said_span:  # the cell as typed, the rest of it too
                    parsed.source_text = clean(cells[participant_column])
            entry = ImportedEntry(row.line, parsed, where=row.where)
            plan.entries.append(entry)
            if len(entry.parsed.names) > 1:
                plan.warnings.append(
                    noted("import.warn.merged_people", line=row.place(), who=french_join(entry.parsed.names))
                )
            if lone := lone_name_to_check(entry.parsed):
                # « Colas / PLIE », « Chanel », « Colas » alone in a « Prénom » column: a person,
                # or the firm, the brand? Said, as the window marks it.
                plan.warnings.append(noted("import.warn.lone_name", line=row.place(), name=lone[:40]))
            if inside := person_in_structure(entry.parsed):
                # A person's name read into the structure or the role: said, not guessed silently.
                plan.warnings.append(
                    noted("import.warn.person_in_structure", line=row.place(), part=inside[:80])
                )
            elif unsure := place_to_check(entry.parsed):
                # « M. Jean Martin (Ferme du Moulin) »: a place or a structure? Said, not guessed.
                plan.warnings.append(noted("import.warn.unsure_place", line=row.place(), part=unsure[:80]))
        formulas += row_formulas  # a row read (a participant's, or joined to one): its formulas said
        links += [
            (cell_place(row.line, column + 1, row.where), address)
            for column, address in sorted(row.left_out.items())
            if column not in row.unread and column in mapping
        ]
        for index, kind in mapping.items():
            if kind in NOT_STATEMENTS or index >= len(cells):
                continue
            raw = cells[index]
            if index in row.merged and not continued and not clean(raw) and clean(above.get(index, "")):
                # One cell across two participants' rows: said by both.
                raw = above[index]
                who = entry.parsed.names[0] if entry.parsed.names else entry.parsed.source_text
                plan.warnings.append(
                    noted("import.warn.merged_cell", line=row.place(), column=index + 1, who=who[:40])
                )
            if not clean(raw) or is_separator(clean(raw)):
                continue
            previous = entry.cells.get(kind)
            entry.cells[kind] = f"{previous}\n{raw}" if previous else raw
            exact = row.items.get(index)
            routes = [(kind, raw)]
            if exact is None and index in both:
                # « Besoins / Ressources »: each line under the kind its label says.
                unsure = first_named[index]
                labelled = by_label(raw, unsure)
                routes = [(k, "\n".join(lines)) for k, lines in labelled.texts.items()]
                for text in labelled.unlabelled:
                    plan.warnings.append(
                        noted(
                            "import.warn.no_label",
                            line=row.place(),
                            text=shorten(text, 60),
                            header=shorten(headers[index], 40),
                            kind=message(f"import.kind_one.{unsure}"),
                        )
                    )
            for kind_said, text in routes:
                # « Freins : » in a row, « - a », « - Un local » in the rows under it (a blank
                # one between): the lead-in is said with each item of its list, as in one cell.
                # (A row the author made for the same participant, the cell merged, is a row of
                # its own: its bullets start anew, as they did.)
                lead = (
                    open_lead(previous)
                    if continued
                    and participant_column not in row.merged
                    and previous
                    and exact is None
                    and index not in both
                    else ""
                )
                found = exact if exact is not None else split_cell(text, lead=lead)
                items = entry.items.setdefault(kind_said, [])
                led = bool(lead) and found != split_cell(text)
                if led and items and items[-1] == lead:
                    items.pop()  # the lead-in alone, waiting for its list: said with each item now
                cut = continued and participant_column not in row.merged and exact is None and not led
                if cut and items and found and continues_sentence(previous or "", text):
                    # A row that finishes the sentence the row above cut (« … métiers de » /
                    # « l'industrie »): one item; any other line is an item of its own.
                    items[-1] = f"{items[-1]} {found[0]}"
                    found = found[1:]
                for item in found:
                    said = french_fold(item).strip(" .!")
                    if said in PLACEHOLDERS:  # « Néant », « RAS », « / »: nothing to say, not an item
                        placeholders.append(item)
                        continue
                    if re.match(r"(?:idem|id\.|ditto)\b", said):
                        plan.warnings.append(noted("import.warn.ditto", line=row.place(), text=item[:60]))
                    items.append(item)
                    if index in both:
                        both[index][kind_said] = both[index].get(kind_said, 0) + 1
        if not continued and entry.parsed.attendance_said:
            plan.warnings.append(_attendance_said(entry, row.place()))
        for index, text in enumerate(cells):
            if index not in row.merged:
                above[index] = text
    if not plan.entries and no_one:  # not « no participant row »: there are, unread
        from atelier.french import plural
        from atelier.i18n import current_language

        words = ("row", "rows") if current_language() == "en" else ("ligne", "lignes")
        lines = f"{plural(len(no_one), *words)} {join_few(no_one)}"
        raise AtelierError("import.no_rows_read", path=path, lines=lines)
    if not plan.entries:
        raise AtelierError("import.no_rows", path=path)
    if formulas:
        # « 2 cellules commençant par « = » (…) non importées (ligne 2, colonne 4 ; …) :
        # « =SOMME(A2:A5) », … »
        plan.warnings.append(
            words_said("n.formula_as_text", [p for p, _ in formulas], [t for _, t in formulas])
        )
    if links:
        plan.warnings.append(words_said("n.link_text_kept", [p for p, _ in links], [a for _, a in links]))
    if placeholders:
        listed = join_few([f"«\xa0{w}\xa0»" for w in dict.fromkeys(placeholders)])
        plan.warnings.append(
            noted("import.warn.placeholder", words=listed)
            if len(placeholders) == 1
            else noted("import.warn.placeholders", count=len(placeholders), words=listed)
        )
    for index, counts in both.items():
        plan.warnings.append(
            noted(
                "import.warn.both_kinds",
                column=index + 1,
                header=shorten(headers[index], 40),
                needs=counted(counts.get(ItemKind.NEED.value, 0), "n.need"),
                offers=counted(counts.get(ItemKind.OFFER.value, 0), "n.offer"),
            )
        )
    for number in range(max(len(table.sessions), 1)):
        plan.warnings.extend(_named_twice([e for e in plan.entries if session_of.get(e.where, 0) == number]))
    return plan


def _grids_beside(rows: list[RawRow], header_index: int) -> tuple[list[RawRow], list[str]] | None:
    """The rows of grids written side by side in one table (the first grid's people's header
    again, heading columns that name a grid, right of the first grid's), each grid's rows after
    the first's, cited with their grid (« ligne 3 (« Groupe B ») »: the text above its headers,
    when each grid has one, else its columns), and what is said; None for one grid. A grid whose
    columns are not the first's is left out and said with its people."""
    headers = header_at(rows, header_index)[0]
    first = grid_mapping(headers)
    if first is None:
        return None
    people = next(i for i, kind in first.items() if kind == PARTICIPANT)
    starts = [0]
    again = fold(headers[people])
    # Grids of a few columns each, a few of them: the first 200 columns looked at (a row of
    # 100 000 headers is not folded again), the grid's headers found once each.
    for index in range(people + 1, min(len(headers), 200)):
        # The first grid's people's header again (« Participant », « Participant »): a column
        # naming people otherwise (« Interlocuteur ») is one of this grid's.
        if fold(headers[index]) != again or len(starts) > 10:
            continue
        own = detect_mapping(headers[index:200])
        if own.get(0) == PARTICIPANT:
            mapping = grid_mapping(headers[index:200])
            if mapping is not None and index - starts[-1] > people:
                starts.append(index)
    if len(starts) < 2:
        return None
    ends = [*starts[1:], max(len(r.cells) for r in rows)]

    def blank(column: int) -> bool:
        return not any(column < len(r.cells) and clean(r.cells[column]) for r in rows)

    # The empty columns between two grids (a spacer) are neither's: « colonnes 1 à 3 », not « 1 à 4 ».
    for number, start in enumerate(starts):
        while ends[number] - 1 > start and blank(ends[number] - 1):
            ends[number] -= 1
    bounds = list(zip(starts, ends, strict=True))

    def part(row: RawRow, start: int, end: int) -> RawRow:
        return RawRow(
            row.line,
            row.cells[start:end],
            merged=frozenset(c - start for c in row.merged if start <= c < end),
            where=row.where,
            first_span=row.spans.get(start, 1),
            spans={c - start: n for c, n in row.spans.items() if start <= c < end},
            unread={c - start: why for c, why in row.unread.items() if start <= c < end},
            left_out={c - start: text for c, text in row.left_out.items() if start <= c < end},
        )

    parts = [[part(r, start, end) for r in rows] for start, end in bounds]
    above = [[clean(c) for r in rows_[:header_index] for c in r.cells if clean(c)] for rows_ in parts]
    if all(len(texts) == 1 for texts in above):  # « Groupe A », « Groupe B »: each grid's name
        labels = [message("import.place.quoted", name=texts[0][:40]) for texts in above]
        parts = [rows_[header_index:] for rows_ in parts]
        header_index = 0
    else:  # a title above the first grid stays the workshop's
        labels = [message("import.place.columns", first=start + 1, last=end) for start, end in bounds]
    kinds = set(_nth(grid_mapping(headers[: starts[1]]) or first).values())
    said: list[str] = []
    read: list[tuple[str, list[RawRow]]] = [(labels[0], parts[0])]
    for label, rows_ in zip(labels[1:], parts[1:], strict=True):
        own_headers = header_at(rows_, header_index)[0]
        found = grid_mapping(own_headers)
        if found is None or set(_nth(found).values()) != kinds:
            column = next(i for i, kind in (found or {0: PARTICIPANT}).items() if kind == PARTICIPANT)
            who = [clean(r.cells[column]) for r in rows_[header_index + 1 :] if column < len(r.cells)]
            who = [w for w in who if w]
            said.append(
                noted(
                    "import.warn.grid_beside_not_read",
                    place=label,
                    count=counted(len(who), "n.participant_left_out"),
                    who=join_few([shorten(w, 40) for w in who], 6),
                )
            )
            continue
        read.append((label, rows_[header_index + 1 :]))
    if len(read) == 1:
        return read[0][1], said
    # Each row cited with its grid, the first's too; a cell merged down never reaches into
    # the next grid (`plan_grid` looks above within one).
    combined = [
        r
        if i <= header_index
        else RawRow(
            r.line,
            r.cells,
            r.items,
            r.who,
            r.merged,
            r.where or labels[0],
            r.first_span,
            r.spans,
            r.unread,
            r.left_out,
        )
        for i, r in enumerate(read[0][1])
    ]
    for label, rows_ in read[1:]:
        combined.extend(
            RawRow(
                r.line, r.cells, r.items, r.who, r.merged, label, r.first_span, r.spans, r.unread, r.left_out
            )
            for r in rows_
        )
    said.insert(0, noted("import.warn.grids_beside", places=french_join([label for label, _r in read])))
    return combined, said


def _attendance_said(entry: ImportedEntry, line: str) -> str:
    """What the report says of a participant's cell saying they were excused, absent or stood
    in for (ParsedParticipant.away, .stood_in_for)."""
    parsed = entry.parsed
    people = french_join(parsed.names)
    who = f"{people} ({parsed.organisation})" if people and parsed.organisation else people
    who = shorten(who or parsed.organisation or parsed.territory, 80)
    structure = parsed.organisation or parsed.territory
    if parsed.stood_in_for and parsed.stand_in:  # what the row holds stays theirs
        return noted(
            "import.warn.represented",
            line=line,
            away=shorten(french_join(parsed.stood_in_for), 60),
            said=shorten(parsed.attendance_said, 60),
            who=shorten(parsed.stand_in, 60),
            structure=message("import.for_structure", structure=shorten(structure, 60)) if structure else "",
        )
    if parsed.stand_in or (not parsed.away and len(parsed.names) == 1):  # who came instead
        return noted(
            "import.warn.stood_in",
            line=line,
            away=shorten(french_join(parsed.stood_in_for) or parsed.organisation, 60),
            said=shorten(parsed.attendance_said, 60),
            who=shorten(people, 60),
            structure=message("import.for_structure", structure=shorten(structure, 60)) if structure else "",
        )
    if not parsed.away:  # « excusé » in a row of several people: which one?
        return noted("import.warn.away_among", line=line, said=shorten(parsed.attendance_said, 40), who=who)
    written = sum(len(items) for items in entry.items.values())
    kept = message("import.away_kept", items=counted(written, "n.item")) if written else ""
    state = message(f"import.state.{parsed.away}")
    return noted("import.warn.away", line=line, who=who, state=state, kept=kept)


# What a grid's cell says when there is nothing to say (folded): read as an empty cell, said.
PLACEHOLDERS = frozenset(
    [
        "neant",
        "ras",
        "r.a.s",
        "nc",
        "n.c",
        "n/c",
        "nr",
        "na",
        "n/a",
        "non",
        "aucun",
        "aucune",
        "rien",
        "sans objet",
        "/",
        "//",
        "x",
        "xx",
        "?",
        "??",
        "-",
        "--",
        "…",
        "...",
        "0",
        "pas de reponse",
    ]
)


def _people_list(rows: list[RawRow], path: str) -> AtelierError | None:
    """Why a table is no workshop grid when all it holds is people (a sign-in sheet: « Nom,
    Prénom » over names; « Nom | Prénom | Structure »), or None: a single column, or columns
    whose headers each name a part of a participant and nothing else. Said the same by
    `atelier import` and by the import dialog, whatever columns are given by hand."""
    top = rows[:200]
    if not top:
        return None
    # The headers: the first of the first rows that fills the most columns (a title in A1
    # above « Nom | Prénom » is not them). The columns: those filled under them (a sheet's
    # « Signature » column, empty once exported, is no column of the grid).
    head = max(top[:25], key=lambda r: sum(1 for c in r.cells if clean(c)))
    used = sorted({i for r in top if r is not head for i, c in enumerate(r.cells) if clean(c)})
    if not used:
        return None
    headers = [clean(head.cells[i]) if i < len(head.cells) else "" for i in used]
    if len(used) == 1 and any(headers):
        first = next(h for h in headers if h)
        return AtelierError(
            "import.one_column", path=path, header=message("import.place.quoted", name=first[:40])
        )
    if all(header_part(h) in (PARTICIPANT, *PART_KINDS) for h in headers):
        return AtelierError("import.people_only", path=path, headers=_cited(headers))
    return None


def _across_grid(row: RawRow, mapping: dict[int, str]) -> int | None:
    """The column of a cell spanning every column the grid reads (a note or a title across
    the table, wherever the grid starts: column A or B of a sheet), or None."""
    first, last = min(mapping), max(mapping)
    if row.first_span >= max(2, last + 1):
        return 0
    for start, width in sorted(row.spans.items()):
        if width >= 2 and start <= first and start + width - 1 >= last and start < len(row.cells):
            return start
    return None


def _participant_spanning(
    row: RawRow, column: int, mapping: dict[int, str], headers: list[str], who_text: str
) -> tuple[str, list[str]]:
    """The participant's text to read, and what is said, when its cell is merged over other
    columns the grid reads and holds several lines (Word joins merged cells' paragraphs):
    its first line, the rest left out of every field (« Julie Roux / CC Bazas » then
    « navette », the action, made no structure « CC Bazas navette »)."""
    from atelier.french import join

    width = row.spans.get(column, 1)
    covered = [i for i in range(column, column + width) if mapping.get(i, IGNORE) != IGNORE]
    lines = [clean(line) for line in who_text.split("\n") if clean(line)]
    if len(covered) < 2 or len(lines) < 2:
        return who_text, []
    names = [_column_name(i, headers) for i in covered]
    said = noted(
        "import.warn.spanning_participant",
        line=row.place(),
        columns=join(names),
        first=lines[0][:60],
        rest=" ".join(lines[1:])[:60],
    )
    return lines[0], [said]


def _spanning_cells(row: RawRow, mapping: dict[int, str], headers: list[str]) -> list[str]:
    """A cell merged across two columns the grid reads (« Défis » and « Besoins », or the
    participant and their actions): it is read in its first column only, which may not be
    what its author meant, so it is said."""
    from atelier.french import join

    warnings = []
    for start, width in sorted(row.spans.items()):
        covered = [i for i in range(start, start + width) if mapping.get(i, IGNORE) != IGNORE]
        if len(covered) < 2 or start not in covered or start >= len(row.cells) or not clean(row.cells[start]):
            continue
        names = [_column_name(i, headers) for i in covered]
        warnings.append(
            noted("import.warn.spanning_cell", line=row.place(), columns=join(names), first=names[0])
        )
    return warnings


def _column_name(index: int, headers: list[str]) -> str:
    """« « Besoins » » as a warning cites a column, or « colonne 4 » when it has no header."""
    header = clean(headers[index]) if index < len(headers) else ""
    if header:
        return message("import.place.quoted", name=header[:50])
    return message("import.place.column", column=index + 1)


_TOTAL_WORDS = ("total", "totaux", "sous-total", "sous-totaux", "somme", "nombre", "nb", "effectif")


def _totals(who: str, statements: list[str]) -> bool:
    """Whether a row holds counts where the items go (« Total | 2 | 2 | 3 »): numbers in
    every filled cell, two at least or under a label such as « Total »."""
    filled = [t for t in statements if t and not is_separator(t)]
    if not filled or not all(_NUMBER.fullmatch(t) and any(c.isdigit() for c in t) for t in filled):
        return False
    label = fold(who).strip(" :.")
    return len(filled) >= 2 or not label or label.split()[0] in _TOTAL_WORDS


# What a count of the room says besides its number and its total's word (folded): « Total
# participants : 12 », « Nombre de structures présentes », « 12 participants ».
_COUNTED_WORDS = frozenset(
    {"participants", "participant", "structures", "structure", "personnes", "personne", "presents"}
    | {"present", "presentes", "presente", "inscrits", "inscrit", "inscrites", "organismes", "general"}
    | {"generale", "de", "des", "d", "l", "la", "le", "les", "ligne", "lignes", "au", "total"}
)


def _count_row(who: str, statements: list[str]) -> bool:
    """Whether a row is a count of the room typed in the participant's column (« TOTAL »,
    « Sous-total », « Total participants : 12 », « Nombre de participants : 12 », « 12
    participants »), its other cells empty or numbers: its words are a total's word or a
    number, then only what is counted; « Total Énergies / Anne Roux », « Karim (12 ans
    d'expérience) » are someone."""
    if any(t and not is_separator(t) and not _NUMBER.fullmatch(t) for t in statements):
        return False
    words = re.findall(r"[a-z]+(?:-[a-z]+)?|\d+", fold(clean(who)))
    if not words:
        return False
    if words[0] in _TOTAL_WORDS or words[0] == "totaux":
        rest = words[1:]
    elif words[0].isdigit() and len(words) > 1:
        rest = words[1:]  # « 12 participants »: what is counted must follow
    else:
        return False
    counted = [w for w in rest if not w.isdigit()]
    return all(w in _COUNTED_WORDS for w in counted) and (words[0] in _TOTAL_WORDS or bool(counted))


# A row the grid's author wrote about the room, not for a participant (folded).
_SUMMARY = re.compile(
    r"(?:synthese|points? communs?|bilan|conclusions?|en resume|recapitulatif|"
    r"commentaires? generaux|remarques? generales?)\b"
)
_LABEL_ROW = re.compile(r"participants?\s*(?:\(\s*(?:suite|fin)\s*\)|suite)?\s*:?")


def _summary_row(who: str, statements: list[str]) -> bool:
    """Whether a row is the author's summary of the room (« Synthèse / points communs »,
    « Bilan de l'atelier ») or a label (« Participants (suite) » over empty cells): a first
    cell that says so and names no one."""
    said = fold(clean(who)).strip(" :.-")
    if not said:
        return False
    if _LABEL_ROW.fullmatch(said):
        return not any(t and not is_separator(t) for t in statements)
    return bool(_SUMMARY.match(said)) and not parse_participant(clean(who)).names


# How a note typed in a grid's first column begins (folded): « Légende », « NB », « À noter »,
# « Prochaine réunion », « Ordre du jour »…, whatever follows.
_NOTE_START = re.compile(
    r"(?:legende|n\.?\s?b\b|a (?:noter|relancer|suivre|prevoir|retenir|recontacter|contacter|inviter)\b|"
    r"prochaine?s? (?:reunions?|rencontres?|seances?|ateliers?|etapes?|dates?|rendez-vous|rdv|comites?)\b|"
    r"ordres? du jour\b|pour (?:info|information|memoire)\b|p\.?\s?s\b\.?\s*:|"
    r"(?:rendez-vous|rdv|reunion|rencontre|seance|atelier) (?:suivante?|prevue?)\b)"
)
# A label a note begins with, followed by « : » (« Lieu : », « Contact : », « Date : »).
_NOTE_LABEL = re.compile(
    r"(?:lieu|dates?|horaires?|contacts?|notes?|remarques?|rappels?|observations?|commentaires?|"
    r"infos?|informations?|important|attention|suites?(?: a donner)?|decisions?|questions?|"
    r"redige par|redaction|compte[- ]rendu|animation|anime par|animat(?:eur|rice)s?|sources?|"
    r"documents?|diffusion|calendrier|agenda|rendez-vous|rdv|relances?|points? de vigilance|"
    r"(?:prochaines? )?etapes?|a faire|actions? a mener)\s*:"
)
# A day written in a sentence, its year or not: « le 15 janvier », « 15/01 », « 1er mars 2027 ».
_NOTE_DAY = re.compile(
    r"\b\d{1,2}(?:er)?\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
    r"novembre|decembre)\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
)


def _note_row(who: str, row: RawRow, mapping: dict[int, str], participant_column: int) -> bool:
    """Whether a row is a note typed in the participant's column, not a participant: nothing
    in the grid's other columns, and its text begins as a note does (« Légende », « NB »,
    « À relancer : », « Lieu : », « Prochaine réunion… ») or is a sentence giving a day
    (« Prochaine réunion le 15 janvier 2027 à Blaye »). A structure before « : » (« Mairie
    de Blaye : Mme Dupont ») is someone."""
    said = fold(who).strip()
    if not said:
        return False
    for index in mapping:
        if index != participant_column and index < len(row.cells):
            text = clean(row.cells[index])
            if text and not is_separator(text):
                return False
    if _NOTE_START.match(said) or _NOTE_LABEL.match(said):
        return True
    return bool(_NOTE_DAY.search(said)) and len(said.split()) >= 4


def _note_in_items(who: str, texts: list[str], mapping: dict[int, str]) -> str:
    """The note a row with no participant holds in one of the grid's other columns, nothing
    else in it, when it begins as a note does (« NB : … », « Prochaine réunion… », « À relancer :
    … », « Contact : … »); "" for anything else (« Atelier CV »: a line of the participant's)."""
    if clean(who):
        return ""
    filled = [texts[i] for i in mapping if i < len(texts) and texts[i] and not is_separator(texts[i])]
    if len(filled) != 1:
        return ""
    said = fold(filled[0]).strip()
    return filled[0] if _NOTE_START.match(said) or _NOTE_LABEL.match(said) else ""


# A heading typed between a grid's participants to group them (folded): a group, a table or a
# round with its number or letter, whatever theme follows (« Groupe 2 », « Table B : mobilité »,
# « Atelier n°1 »), or a time of the day (« Matin », « Après-midi », « Groupe du matin »).
_SECTION = re.compile(
    r"(?:(?:sous-)?groupes?|tables?|ateliers?|sessions?|seances?|salles?|tours?|temps|sequences?|"
    r"parties?|sous-ateliers?)\s+(?:n\s?[°o]\s*)?(?:\d{1,2}|[a-h]|[ivx]{1,4})"
    r"(?:\s*[:\-–—.)]\s*[^/()@]*)?"
    r"|(?:(?:(?:sous-)?groupes?|tables?|ateliers?|sessions?|seances?|temps)\s+(?:du|de l'|de la)\s*)?"
    r"(?:matin(?:ee)?|apres-midi|soir(?:ee)?|journee)(?:\s*[:\-–—.]\s*[^/()@]*)?"
)


def _section_row(who: str, row: RawRow, mapping: dict[int, str], participant_column: int) -> str:
    """The heading a row is, grouping the participants below it (« Matin », « Groupe 2 »,
    « Table 3 : mobilité »), or "": that text alone in the row, in the participant's column or,
    that one empty, in another of the grid's (« Groupe 2 » typed under « Défis » is no one's
    challenge; there « Atelier 3 : CV » is an action, `_group_heading`). A structure whose name
    begins alike (« Groupement d’employeurs ») is someone."""
    filled = [clean(who)] if clean(who) else []
    for index in mapping:
        if index != participant_column and index < len(row.cells):
            text = clean(row.cells[index])
            if text and not is_separator(text):
                filled.append(text)
    if len(filled) != 1 or (not clean(who) and not _group_heading(filled[0])):
        return ""
    said = fold(filled[0]).strip(" :.-")
    if not said or len(said) > 80 or not _SECTION.fullmatch(said):  # a heading is short
        return ""
    return filled[0]


def _named_twice(entries: list[ImportedEntry]) -> list[str]:
    """A person on two rows (a row pasted twice, someone who came back lower in the table):
    two entries are made, and said, with both lines."""
    first: dict[tuple[str, ...], str] = {}
    warnings = []
    for entry in entries:
        names = tuple(sorted(fold(n) for n in entry.parsed.names if n.strip()))
        if not names:
            continue
        key = (*names, fold(entry.parsed.organisation))
        if key in first:
            warnings.append(
                noted(
                    "import.warn.named_twice",
                    line=entry.place(),
                    who=french_join(entry.parsed.names)[:60],
                    first=first[key],
                )
            )
        else:
            first[key] = entry.place()
    return warnings


def name_places(kind: str, names: list[str]) -> str:
    """Where in a grid file something was found, as a warning says it, in the user's language:
    `kind` is "table" (a Word or HTML table, `names` its numbers) or "sheet" (an Excel sheet,
    `names` its titles, quoted here). « tableau 2 », « tableaux 1, 2 et 3 », « feuille
    « Matin » », « feuilles « Matin » et « Soir » » (English: « tables 1, 2 and 3 »…). The
    importers also compare what it returns with a row's `where`, which it made."""
    from atelier.french import join

    if kind == "sheet":
        names = [message("import.place.quoted", name=n) for n in names]
    return message(f"import.place.{kind}{'s' if len(names) > 1 else ''}", names=join(names))


def cell_place(line: int, column: int | str, where: str = "") -> str:
    """A cell as a warning cites it: « ligne 3, colonne 3 », « ligne 4, colonne D (feuille
    « Soir ») » (English « row 3, column 3 »)."""
    place = message("import.place.cell", line=line, column=column)
    return f"{place} ({where})" if where else place


def left_out_said(key: str, number: int, places: list[str]) -> str:
    """What an import left out because its author hid it, once, whatever its number, with where:
    « 3 passages en texte masqué non importés (au-dessus du tableau ; ligne 3, colonne 3 ;
    ligne 4, colonne 4 (tableau 2)) ». `number` is counted with the COUNTED phrase `key`;
    the places, each once, the first eight and how many more."""
    from atelier.french import count, counted
    from atelier.i18n import current_language

    places = list(dict.fromkeys(places))
    english = current_language() == "en"
    if len(places) > 8:
        rest = len(places) - 8
        places = [*places[:8], f"{format_number(rest)} more" if english else count(rest, "autre", "autres")]
    return noted(
        "import.warn.hidden_text",
        passages=counted(number, key),
        places=("; " if english else "\u202f; ").join(places),
    )


def words_said(key: str, places: list[str], texts: list[str]) -> str:
    """What an import left out that its author marked as no longer holding, or kept out of
    sight, with where and what it said, for a facilitator who disagrees to see it:
    « 3 passages barrés non importés (ligne 2, colonne 4 ; ligne 3, colonne 5) :
    « Financement FSE (abandonné) », « Ingénierie FSE », « Club d'employeurs » » (the first
    eight, each cut at 60 characters)."""
    from atelier.french import quoted, shorten
    from atelier.i18n import current_language

    language = current_language()
    shown = [quoted(shorten(" ".join(t.split()), 60), language) for t in texts[:8] if t.strip()]
    if len(texts) > 8:
        shown.append("…")
    said = left_out_said(key, len(texts), places)
    return noted("import.warn.struck_text", said=said, texts=", ".join(shown))


def text_below_said(texts: list[str], *, last_of_several: bool = False) -> list[str]:
    """Paragraphs typed under a Word document's or a web page's table, which no reader takes
    (notes, « Prochain atelier le 14 mai », a signature): said as left out, with what they say,
    as a spreadsheet's note rows are (« 2 paragraphes sous le tableau non importés : « NB : … »,
    « Prochain atelier … » », the first eight, each cut at 60 characters); [] when none is."""
    from atelier.french import quoted
    from atelier.i18n import current_language

    texts = [" ".join(t.split()) for t in texts if t.strip()]
    if not texts:
        return []
    language = current_language()
    shown = [quoted(shorten(t, 60), language) for t in texts[:8]]
    if len(texts) > 8:
        shown.append("…")
    table = message("import.place.the_last_table" if last_of_several else "import.place.the_table")
    said = counted(len(texts), "n.paragraph_below", table=table)
    return [noted("import.warn.struck_text", said=said, texts=", ".join(shown))]


def tables_not_grid(tables: list[tuple[int, list[RawRow]]]) -> list[str]:
    """The tables of a document that are no grid, each said (`table_not_grid`); past
    SAID_ONE_BY_ONE, in one line with their number and the first ones (« 1 500 tableaux non
    importés : ce ne sont pas des grilles (tableaux 2, 3, 4, 5, 6 et 1 495 autres) »)."""
    if len(tables) <= SAID_ONE_BY_ONE:
        return [table_not_grid(number, rows) for number, rows in tables]
    return [
        noted(
            "import.warn.tables_not_grid",
            count=format_number(len(tables)),
            tables=join_few([number for number, _rows in tables], SAID_ONE_BY_ONE),
        )
    ]


def table_not_grid(number: int, rows: list[RawRow]) -> str:
    """« tableau 2 (2 colonnes : « Prénom » et « Nom ») non importé : ce n'est pas une grille »:
    a sign-in list, a table of contacts beside the grid, named by its first row (its cells'
    text: an HTML table's are cleaned of their markup first)."""
    from atelier.french import counted

    if (labels := column_wise(rows)) is not None:
        # A grid of people written a participant per column (an afternoon's, beside the
        # morning's): said so, with what to do, not merely « no grid ».
        return noted(
            "import.warn.table_in_columns",
            place=name_places("table", [str(number)]),
            labels=french_join([message("import.place.quoted", name=label[:40]) for label in labels[:4]]),
        )
    first = next(r for r in rows if any(c.strip() for c in r.cells))
    headers = [" ".join(c.split())[:40] for c in first.cells if c.strip()]
    return noted(
        "import.warn.table_not_grid",
        place=name_places("table", [str(number)]),
        columns=counted(max(len(r.cells) for r in rows), "n.column"),
        headers=join_few([message("import.place.quoted", name=h) for h in headers], 6),
    )


def _nth(mapping: dict[int, str]) -> dict[int, tuple[str, int]]:
    """Each column's kind and which of that kind it is, left to right: two contact columns
    (« Mail », « Téléphone ») are told apart."""
    seen: dict[str, int] = {}
    keyed = {}
    for index, kind in sorted(mapping.items()):
        keyed[index] = (kind, seen.get(kind, 0))
        seen[kind] = seen.get(kind, 0) + 1
    return keyed


def combine_grids(
    tables: list[tuple[str, list[RawRow]]], chosen: int, kind: str = "table"
) -> tuple[list[RawRow], list[str]]:
    """The chosen grid, followed by every later table whose headers name the same kinds of
    column: a table per participant, a morning and an afternoon grid, a sheet per table of
    the room. Each one's columns are put in the chosen grid's order (read by their headers,
    not their place), its header row left out, its rows cited with their table (« ligne 2
    (tableau 3) »). A later grid of other columns is said, not imported. `tables` are
    (name, rows) in the document's order, rows numbered within their table; `kind` is
    "table" (a Word table, named by its number) or "sheet" (an Excel sheet, by its title)."""
    label, rows = tables[chosen]
    first = find_header(rows)
    if first is None:
        return rows, []
    titles = header_at(rows, first)[0]
    found = grid_mapping(titles, number_columns(rows, first))
    assert found is not None
    mapping = _nth(found)
    columns = {kind: index for index, kind in mapping.items()}
    read: list[tuple[str, list[RawRow]]] = [(label, rows)]
    warnings: list[str] = []
    for index, (other_label, other_rows) in enumerate(tables):
        if index <= chosen:
            continue
        header = find_header(other_rows)
        if header is None:
            continue
        other = _nth(grid_mapping(header_at(other_rows, header)[0], number_columns(other_rows, header)) or {})
        if set(other.values()) != set(columns):
            # The people of a grid not read are named: each is missing from the workshop.
            who_column = next((i for i, (what, _n) in other.items() if what == PARTICIPANT), None)
            left = [
                r.cells[who_column]
                for r in other_rows[header + 1 :]
                if who_column is not None and who_column < len(r.cells) and clean(r.cells[who_column])
            ]
            place = name_places(kind, [other_label])
            warnings.append(
                noted(f"import.warn.grid_not_read_who.{kind}", place=place, who=_cited(left, 3))
                if left
                else noted(f"import.warn.grid_not_read.{kind}", place=place)
            )
            continue
        # Column t of the combined grid comes from column order[t] of this table.
        # A column without a kind stays where it is, if it has none in this table either.
        source = {what: index for index, what in other.items()}
        width = max(len(r.cells) for r in other_rows)
        order: list[int | None] = [
            source[mapping[t]] if t in mapping else (None if t in other else t) for t in range(len(titles))
        ]
        extra = [s for s in range(width) if s not in order and s not in other]
        moved = []
        for row in other_rows[header + 1 :]:
            cells = [row.cells[s] if s is not None and s < len(row.cells) else "" for s in order]
            cells += [row.cells[s] for s in extra if s < len(row.cells)]
            merged = frozenset(t for t, s in enumerate(order) if s in row.merged)
            spans = {t: row.spans[s] for t, s in enumerate(order) if s in row.spans}
            unread = {t: row.unread[s] for t, s in enumerate(order) if s in row.unread}
            left_out = {t: row.left_out[s] for t, s in enumerate(order) if s in row.left_out}
            moved.append(
                RawRow(
                    row.line,
                    cells,
                    merged=merged,
                    first_span=row.first_span,
                    spans=spans,
                    unread=unread,
                    left_out=left_out,
                )
            )
        read.append((other_label, moved))
    if len(read) == 1:
        return rows, warnings
    combined: list[RawRow] = []
    for where, part in read:
        label = name_places(kind, [where])
        combined.extend(
            # A row already citing its table (one carrying on the grid before it) keeps it.
            RawRow(
                r.line,
                r.cells,
                r.items,
                r.who,
                r.merged,
                r.where or label,
                r.first_span,
                r.spans,
                r.unread,
                r.left_out,
            )
            for r in part
        )
    warnings.insert(
        0, noted(f"import.warn.grids_combined.{kind}", places=name_places(kind, [w for w, _ in read]))
    )
    return combined, warnings
