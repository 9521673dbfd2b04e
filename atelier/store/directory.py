"""The directory across the workshops of a file: a full-text index (SQLite FTS5).

One index row per participant (people, structure, territory, role) and one per item
(action, challenge, need, offer), accent- and case-insensitive (``unicode61
remove_diacritics 2``: « Gérard » = « gerard »), searched by word prefix.

Kept in step by triggers, so every write that touches a participant or an item (the
store's, a merge's, a cascade when a workshop or participant is deleted) updates the
index in the same transaction. The index keeps its own copy of the text and finds its
rows again through an indexed key token made from the row's id (« k » + hex of the id),
rather than through SQLite's rowid: a rowid-keyed index (what sqlite-utils' enable_fts
sets up) goes wrong when a table without an INTEGER PRIMARY KEY is vacuumed (rowids may
change) or when a row is re-inserted with INSERT OR REPLACE (no delete trigger fires).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from atelier.french import fold

TABLE = "directory"

_CREATE = f"""
CREATE VIRTUAL TABLE {TABLE} USING fts5(
    people, structure, territory, role, text,
    kind UNINDEXED, ref UNINDEXED, key,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
)
"""

# The key of a row: one token, letters and digits only, whatever the id holds.
_KEY = "'k' || hex({row}.id)"
_FORGET = f"DELETE FROM {TABLE} WHERE {TABLE} MATCH ('key : ' || {_KEY});"
_PARTICIPANT = (
    f"INSERT INTO {TABLE} (people, structure, territory, role, kind, ref, key) "
    f"VALUES (new.names, new.organisation, new.territory, new.role, 'participant', new.id, {_KEY});"
)
_ITEM = f"INSERT INTO {TABLE} (text, kind, ref, key) VALUES (new.text, new.kind, new.id, {_KEY});"

_TRIGGERS = [
    # An insert first forgets the key: a row put back with INSERT OR REPLACE is not indexed twice.
    f"CREATE TRIGGER directory_participant_added AFTER INSERT ON participants BEGIN "
    f"{_FORGET.format(row='new')} {_PARTICIPANT.format(row='new')} END",
    f"CREATE TRIGGER directory_participant_changed "
    f"AFTER UPDATE OF names, organisation, territory, role ON participants BEGIN "
    f"{_FORGET.format(row='old')} {_PARTICIPANT.format(row='new')} END",
    f"CREATE TRIGGER directory_participant_removed AFTER DELETE ON participants BEGIN "
    f"{_FORGET.format(row='old')} END",
    f"CREATE TRIGGER directory_item_added AFTER INSERT ON items BEGIN "
    f"{_FORGET.format(row='new')} {_ITEM.format(row='new')} END",
    f"CREATE TRIGGER directory_item_changed AFTER UPDATE OF text, kind ON items BEGIN "
    f"{_FORGET.format(row='old')} {_ITEM.format(row='new')} END",
    f"CREATE TRIGGER directory_item_removed AFTER DELETE ON items BEGIN {_FORGET.format(row='old')} END",
]


# The index being rebuilt beside the live one, a few rows at a time (store/graves.py): the same
# index under another name, and triggers that keep it in step for the rows already copied into
# it (by id: meta says up to which id of each table); the others are copied later, as they are
# then. Once every row is in it, it takes the live index's place (`swap_next`).
NEXT = f"{TABLE}_next"
NEXT_COPIED = {"participants": "directory:next-participants", "items": "directory:next-items"}


def _next_triggers() -> list[str]:
    found = []
    for trigger in _TRIGGERS:
        table = "participants" if " ON participants " in trigger else "items"
        row = "new" if " AFTER INSERT " in trigger else "old"
        copied = f"{row}.id <= (SELECT value FROM meta WHERE key = '{NEXT_COPIED[table]}')"
        trigger = trigger.replace(f"CREATE TRIGGER {TABLE}_", f"CREATE TRIGGER {NEXT}_", 1)
        trigger = trigger.replace(f"{TABLE} ", f"{NEXT} ").replace(" BEGIN ", f" WHEN {copied} BEGIN ", 1)
        found.append(trigger)
    return found


def rebuilding(conn: sqlite3.Connection) -> bool:
    """Whether a rebuild of the index (`start_next`) is under way."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (NEXT,))
    return found.fetchone() is not None


def start_next(conn: sqlite3.Connection) -> None:
    """Begin a rebuild (in the caller's transaction): an empty index beside the live one."""
    conn.execute(_CREATE.replace(f"TABLE {TABLE} ", f"TABLE {NEXT} ", 1))
    for trigger in _next_triggers():
        conn.execute(trigger)
    conn.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '')", [(key,) for key in NEXT_COPIED.values()]
    )


def copy_next(conn: sqlite3.Connection, rows: int | None) -> bool:
    """Copy up to `rows` rows not yet in the index being rebuilt (all if None), participants
    first, in the order of their ids (in the caller's transaction); False if none was left."""
    copied = False
    for table, key in NEXT_COPIED.items():
        found = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        last = str(found[0]) if found is not None else ""
        ids = conn.execute(
            f"SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT ?", (last, -1 if rows is None else rows)
        ).fetchall()
        if not ids:
            continue
        up_to = ids[-1][0]
        if table == "participants":
            conn.execute(
                f"INSERT INTO {NEXT} (people, structure, territory, role, kind, ref, key) "
                "SELECT names, organisation, territory, role, 'participant', id, 'k' || hex(id) "
                "FROM participants WHERE id > ? AND id <= ?",
                (last, up_to),
            )
        else:
            conn.execute(
                f"INSERT INTO {NEXT} (text, kind, ref, key) SELECT text, kind, id, 'k' || hex(id) "
                "FROM items WHERE id > ? AND id <= ?",
                (last, up_to),
            )
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (up_to, key))
        copied = True
        if rows is not None:
            return True
    return copied


def swap_next(conn: sqlite3.Connection) -> None:
    """The rebuilt index takes the live one's place (in the caller's transaction), every row
    copied (`copy_next` found none left). The old index is dropped without SQLite wiping its
    pages (a tenth of a second on a region's decade, not a second): the caller makes sure it
    holds no deleted person's words (graves.py); what it held is in the file anyway."""
    triggers = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('participants', 'items') "
            "AND (name LIKE 'directory\\_%' ESCAPE '\\')"
        )
    ]
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    wiping = int(conn.execute("PRAGMA secure_delete").fetchone()[0])
    conn.execute("PRAGMA secure_delete = OFF")
    try:
        conn.execute(f"DROP TABLE {TABLE}")
    finally:
        conn.execute(f"PRAGMA secure_delete = {wiping}")
    conn.execute(f"ALTER TABLE {NEXT} RENAME TO {TABLE}")
    for trigger in _TRIGGERS:
        conn.execute(trigger)
    conn.executemany("DELETE FROM meta WHERE key = ?", [(key,) for key in NEXT_COPIED.values()])


def create_directory(conn: sqlite3.Connection) -> None:
    """Make the index, its triggers, and fill it from what the file holds (a migration step)."""
    conn.execute(_CREATE)
    for trigger in _TRIGGERS:
        conn.execute(trigger)
    conn.execute(
        f"INSERT INTO {TABLE} (people, structure, territory, role, kind, ref, key) "
        "SELECT names, organisation, territory, role, 'participant', id, 'k' || hex(id) FROM participants"
    )
    conn.execute(
        f"INSERT INTO {TABLE} (text, kind, ref, key) SELECT text, kind, id, 'k' || hex(id) FROM items"
    )


# Words that carry no meaning in a search (elided articles included: « d'insertion »).
_STOP = frozenset(
    [
        "a",
        "au",
        "aux",
        "c",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "j",
        "l",
        "la",
        "le",
        "les",
        "m",
        "n",
        "qu",
        "s",
        "sur",
        "t",
        "un",
        "une",
        "pour",
        "par",
    ]
)
_SEARCHED = "{people structure territory role text}"
# Who a participant is, as a filter of people (the follow-up's) reads it: names and structure.
_NAMED = "{people structure}"


def query_words(text: str) -> list[str]:
    """The word prefixes searched for what a person typed.

    Accents and case do not matter; a French plural « s » or « x » is dropped so that
    « clauses » finds « clause »; elided articles and small words are skipped when other
    words remain.
    """
    words = re.findall(r"\w+", fold(text))
    meaningful = [w for w in words if w not in _STOP] or words
    prefixes = []
    for word in dict.fromkeys(meaningful):
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        prefixes.append(word)
    return prefixes


def fts_query(text: str, columns: str = _SEARCHED) -> str | None:
    """The FTS5 query: every word, as a prefix, in any of `columns`; None when nothing
    searchable was typed.

    An acronym typed with its sign (« R&D », « O/D »: letters one or two at a time, joined
    without a space) is those letters in a row, not every word that starts with its first
    letter."""
    terms = _terms(text)
    if not terms:
        return None
    return f"{columns} : ({' AND '.join(terms)})"


def _terms(text: str) -> list[str]:
    """The FTS5 terms of what was typed (`fts_query`): each to be found, as a prefix."""
    terms: list[str] = []
    rest: list[str] = []
    for chunk in fold(text).split():
        parts = re.findall(r"\w+", chunk)
        if len(parts) > 1 and all(len(part) <= 2 for part in parts):
            terms.append('"' + " ".join(parts) + '"')
        else:
            rest.append(chunk)
    words = query_words(" ".join(rest))
    if terms and all(word in _STOP for word in words):
        words = []  # « la R&D »: the acronym, not every word starting « la »
    terms += _with_acronyms(words)
    return terms


def signed_acronyms(text: str) -> list[tuple[str, ...]]:
    """The acronyms typed with their sign (« N-A », « R&D »: `_terms`), as their letters."""
    found = []
    for chunk in fold(text).split():
        parts = re.findall(r"\w+", chunk)
        if len(parts) > 1 and all(len(part) <= 2 for part in parts):
            found.append(tuple(parts))
    return found


def says_signed(value: str, parts: tuple[str, ...]) -> bool:
    """Whether a text says these letters as an acronym (« N-A », « N.A », « R & D »), not as
    elided words: « il n'a pas » holds the words « n a » too, for the full-text index."""
    sign = r"(?:\s*[^\w\s'’]+\s*|\s+)"
    return re.search(r"(?<!\w)" + sign.join(map(re.escape, parts)) + r"(?!\w)", fold(value)) is not None


@functools.cache
def acronyms() -> dict[str, tuple[str, ...]]:
    """Each acronym of the glossary (folded, « cdc ») and the words of what it stands for
    (« communaute », « commune »): a structure is written one way at one workshop and the
    other way at the next."""
    import tomllib  # not at import: the window's first screen searches nothing

    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "glossaire.toml").read_text(encoding="utf-8"))
    return {fold(k): tuple(query_words(v)) for k, v in data.get("sigles", {}).items() if fold(k).isalnum()}


def _with_acronyms(words: list[str]) -> list[str]:
    """The terms for the words typed, a known acronym (« PLIE ») also found spelled out and
    its spelling out (« plan local pour l'insertion et l'emploi ») also found as the acronym."""
    terms: list[str] = []
    at = 0
    while at < len(words):
        here = tuple(words[at:])
        spelled = sorted(
            ((v, k) for k, v in acronyms().items() if len(v) > 1 and here[: len(v)] == v),
            key=lambda pair: len(pair[0]),
        )
        if spelled:
            size = len(spelled[-1][0])  # the longest spelling out that the words typed start with
            alike = [k for v, k in spelled if len(v) == size]
            full = " AND ".join(f'"{w}"*' for w in spelled[-1][0])
            terms.append("((" + full + ") OR " + " OR ".join(f'"{k}"' for k in alike) + ")")
            at += size
            continue
        word, at = words[at], at + 1
        expansion = acronyms().get(word, ())
        if len(expansion) > 1:
            terms.append(f'("{word}"* OR (' + " AND ".join(f'"{w}"*' for w in expansion) + "))")
        else:
            terms.append(f'"{word}"*')
    return terms


@dataclass(frozen=True, slots=True)
class IndexHit:
    """One row of the index that matched, best first."""

    kind: str  # "participant", or an item kind
    ref: str  # the participant's or the item's id
    rank: float


# The rows of the index that belong to a participant who asked not to be published in the
# directory (participants.unlisted, format 14), and to their lines: never a hit, never counted.
# The index keeps their words (the follow-up's filter of people finds them in their own
# workshop); only what the directory shows leaves them out.
_PUBLISHED = (
    "ref NOT IN (SELECT id FROM participants WHERE unlisted "
    "UNION ALL SELECT i.id FROM items i JOIN participants p ON p.id = i.participant_id WHERE p.unlisted)"
)


SQLITE_MAX_INTEGER = 2**63 - 1


def search_index(conn: sqlite3.Connection, text: str, *, limit: int = 50) -> tuple[list[IndexHit], int]:
    """The best `limit` rows for the query, and how many rows matched in all: none of a
    participant who is not to be published in the directory."""
    query = fts_query(text)
    if query is None:
        return [], 0
    # `atelier search --limit 99999999999999999999`: past SQLite's integers is « all » (it
    # raised OverflowError).
    limit = min(limit, SQLITE_MAX_INTEGER)
    rows = conn.execute(
        f"SELECT kind, ref, rank FROM {TABLE} WHERE {TABLE} MATCH ? AND {_PUBLISHED} ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    total = len(rows)
    if total == limit:
        total = conn.execute(
            f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH ? AND {_PUBLISHED}", (query,)
        ).fetchone()[0]
    return [IndexHit(kind, ref, rank) for kind, ref, rank in rows], int(total)


# How many rows a search for another spelling of a place reads at most (`spelled_rows`).
_SPELLED_MOST = 5000


def spelled_rows(
    conn: sqlite3.Connection, rest: str, spelling: str, *, people: bool = False
) -> list[tuple[str, str]]:
    """(kind, ref) of the rows that hold this spelling of a place as its words in a row (« N-A »,
    « Nlle Aquitaine »), with the other words typed (`rest`, as a search reads them): a
    participant's names or structure only with `people` (the follow-up's filter), else every
    field of a published row. The caller checks how the row writes it (`territories.written_in`):
    « n'a » is the words « n a » too."""
    words = re.findall(r"\w+", fold(spelling))
    if not words:
        return []
    terms = [*(_terms(rest) if rest.strip() else []), '"' + " ".join(words) + '"']
    query = f"{_NAMED if people else _SEARCHED} : ({' AND '.join(terms)})"
    where = "kind = 'participant'" if people else _PUBLISHED
    rows = conn.execute(
        f"SELECT kind, ref FROM {TABLE} WHERE {TABLE} MATCH ? AND {where} ORDER BY rank LIMIT ?",
        (query, _SPELLED_MOST),
    )
    return [(str(kind), str(ref)) for kind, ref in rows]


def named(conn: sqlite3.Connection, text: str) -> set[str]:
    """The ids of the participants (of every workshop of the file) whose names or structure
    hold what was typed, read as the directory reads a search: accents and case ignored,
    words as prefixes, a structure found by its acronym or spelled out (« PLIE des Graves »
    finds « Plan Local pour l'Insertion et l'Emploi des Graves »). Nothing searchable typed
    (« … ») names no one."""
    query = fts_query(text, _NAMED)
    if query is None:
        return set()
    rows = conn.execute(f"SELECT ref FROM {TABLE} WHERE {TABLE} MATCH ? AND kind = 'participant'", (query,))
    return {str(row[0]) for row in rows} | _named_otherwise(conn, text)


def _named_otherwise(conn: sqlite3.Connection, text: str) -> set[str]:
    """The participants whose structure writes the region typed another way (« Région
    Nouvelle-Aquitaine » typed, « Région N-A » written: `territories.region_spelled`)."""
    from atelier import territories

    spelled = territories.region_spelled(text)
    if spelled is None:
        return set()
    rest, _typed, place = spelled
    found: set[str] = set()
    for spelling in territories.spellings(place):
        refs = [ref for _kind, ref in spelled_rows(conn, rest, spelling, people=True)]
        for start in range(0, len(refs), 500):
            chunk = refs[start : start + 500]
            rows = conn.execute(
                f"SELECT id, organisation FROM participants WHERE id IN ({', '.join('?' for _ in chunk)})",
                chunk,
            )
            found |= {str(r[0]) for r in rows if territories.written_in(r[1] or "", spelling)}
    return found


FIELDS = ("people", "structure", "territory", "role")


def fields_found(conn: sqlite3.Connection, text: str, refs: set[str]) -> dict[str, list[str]]:
    """For these participants found by what was typed, the fields (people, structure,
    territory, role) that hold a word of it, as the index found it: « MDE » is found in
    « Maison de l'emploi de Bordeaux » through the acronym, « sophie » in « Anne-Sophie »."""
    found: dict[str, list[str]] = {ref: [] for ref in refs}
    if not refs:
        return found
    terms = _terms(text)
    if not terms:
        return found
    wanted = sorted(refs)
    for column in FIELDS:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = conn.execute(
                f"SELECT ref FROM {TABLE} WHERE {TABLE} MATCH ? AND kind = 'participant' "
                f"AND ref IN ({', '.join('?' for _ in chunk)})",
                (f"{{{column}}} : ({' OR '.join(terms)})", *chunk),
            )
            for row in rows:
                found[str(row[0])].append(column)
    return found


def rebuild(conn: sqlite3.Connection) -> None:
    """Empty the index and fill it again from the tables (in the caller's transaction)."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(
        f"INSERT INTO {TABLE} (people, structure, territory, role, kind, ref, key) "
        "SELECT names, organisation, territory, role, 'participant', id, 'k' || hex(id) FROM participants"
    )
    conn.execute(
        f"INSERT INTO {TABLE} (text, kind, ref, key) SELECT text, kind, id, 'k' || hex(id) FROM items"
    )


def candidates(
    conn: sqlite3.Connection,
    needs: list[list[tuple[str, bool]]],
    kinds: tuple[str, ...],
    *,
    per_query: int,
    common: float = 0.05,
) -> set[str]:
    """Ids of the items of these kinds that the index ranks best (BM25) for each need's words
    ((folded word, as a prefix?) pairs, from the caller's own analysis): a first pass that
    spares a matcher reading every item of a large file. Words found in more than `common`
    of the index's rows (emploi, entreprise, the « cre- » of créer) are left out: they weigh
    little in a ranking and make a query read most of the index."""
    frequency = _document_frequency(conn)
    total = max(1, conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])
    marks = ", ".join("?" for _ in kinds)
    found: set[str] = set()
    for words in needs:
        terms = [(word, prefix, frequency(word, prefix)) for word, prefix in words if word.isalnum()]
        rarest = sorted(terms, key=lambda t: t[2])
        kept = [t for t in terms if t[2] <= common * total] or rarest[:3]
        if not kept:
            continue
        query = "{text} : (" + " OR ".join(f'"{w}"' + ("*" if p else "") for w, p, _ in kept) + ")"
        rows = conn.execute(
            f"SELECT ref FROM {TABLE} WHERE {TABLE} MATCH ? AND kind IN ({marks}) ORDER BY rank LIMIT ?",
            (query, *kinds, per_query),
        )
        found.update(row[0] for row in rows)
    return found


def _document_frequency(conn: sqlite3.Connection) -> Any:
    """In how many rows of the index a word (or any word it starts) appears, read from the
    index's own vocabulary (an fts5vocab table in this connection's temporary schema, which
    writes nothing to the file). Zero for everything when it cannot be made."""
    try:
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{TABLE}_vocab USING fts5vocab(main, {TABLE}, row)"
        )
    except sqlite3.Error:
        return lambda _word, _prefix: 0

    def frequency(word: str, prefix: bool) -> int:
        if not prefix:
            row = conn.execute(f"SELECT doc FROM temp.{TABLE}_vocab WHERE term = ?", (word,)).fetchone()
            return int(row[0]) if row else 0
        end = word[:-1] + chr(ord(word[-1]) + 1)
        row = conn.execute(
            f"SELECT coalesce(sum(doc), 0) FROM temp.{TABLE}_vocab WHERE term >= ? AND term < ?", (word, end)
        ).fetchone()
        return int(row[0])

    return frequency
