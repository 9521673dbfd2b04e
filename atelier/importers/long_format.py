"""A list of one row per item, as survey and form tools export answers: « Participant ;
Rubrique ; Contenu », each participant on as many rows as they said things, the rubrique
naming what each row is (« Action », « Besoin », « Ressource », « Territoire »…). Read row by
row it is no grid (it was refused as a grid written sideways, with advice that made it worse):
it is turned here into the grid it stands for, one row per participant, a column per
rubrique, each content an item of its own, before the grid is read."""

from __future__ import annotations

import functools

from atelier.french import fold as french_fold
from atelier.importers.cells import clean
from atelier.importers.grid import (
    CONTACT,
    PARTICIPANT,
    ROLE,
    STRUCTURE,
    TERRITORY,
    RawRow,
    RawTable,
    detect_mapping,
    grid_mapping,
    header_part,
)

__all__ = ["one_row_per_item", "rubrique_column"]

# The header each rubrique becomes: one the grid's reading gives that kind.
_HEADERS = {
    "action": "Actions engagées",
    "challenge": "Défis",
    "need": "Besoins",
    "offer": "Peut être ressource sur",
    TERRITORY: "Territoire",
    STRUCTURE: "Structure",
    ROLE: "Fonction",
    CONTACT: "Contact",
}
_STATEMENTS = ("action", "challenge", "need", "offer")
# Headers of the column holding what was said, preferred when several columns could be it.
_CONTENT_WORDS = ("contenu", "reponse", "texte", "valeur", "detail", "description", "element", "libelle")


@functools.lru_cache(maxsize=512)
def _kind(value: str) -> str | None:
    """What a rubrique names: a kind of statement, or a part of the participant; None for a
    word no column of the grid is (« Commentaire »), or the participant themself."""
    text = clean(value)
    if not text or len(text) > 60:
        return None
    part = header_part(text)
    if part in (TERRITORY, STRUCTURE, ROLE, CONTACT):
        return part
    kinds = set(detect_mapping([text]).values())
    return next((k for k in _STATEMENTS if k in kinds), None)


# What form tools call the person who answered, besides the grid's own words for it.
_RESPONDENT = frozenset(
    {"repondant", "repondante", "repondants", "auteur", "autrice", "identite", "contributeur"}
)


def _people_header(header: str) -> bool:
    """Whether a column's header names the people: as a grid's header does, or as a form
    tool's export does (« Répondant »)."""
    return detect_mapping([header]).get(0) == PARTICIPANT or french_fold(clean(header)) in _RESPONDENT


def one_row_per_item(table: RawTable) -> RawTable | None:
    """The grid a one-row-per-item list stands for, or None when the table is no such list:
    a header row naming the participants' column, a column whose values are rubriques (at
    least two kinds of statement, three values in four known), a column of contents, and a
    participant on several rows."""
    if table.sessions:
        return None
    rows = [r for r in table.rows if any(clean(c) for c in r.cells)]
    for index, header in enumerate(rows[:10]):
        found = _read_as_list(table, rows, index, header)
        if found is not None:
            return found
    return None


def _read_as_list(table: RawTable, rows: list[RawRow], index: int, header: RawRow) -> RawTable | None:
    from atelier.french import count, counted, join_few, plural
    from atelier.i18n import current_language, message

    headers = [clean(c) for c in header.cells]
    below = rows[index + 1 :]
    if len(below) < 2:
        return None
    width = len(headers)

    def column(c: int) -> list[str]:
        return [clean(r.cells[c]) if c < len(r.cells) else "" for r in below]

    people = next((c for c in range(width) if _people_header(headers[c])), None)
    if people is None:
        return None
    rubrique = None
    for c in range(width):
        if c == people:
            continue
        values = [v for v in column(c) if v]
        if not any(_kind(v) for v in values[:5]):  # a column of anything else: not read whole
            continue
        known = [k for v in values if (k := _kind(v)) is not None]
        statements = {k for k in known if k in _STATEMENTS}
        if values and 4 * len(known) >= 3 * len(values) and len(statements) >= 2:
            rubrique = c
            break
    if rubrique is None:
        return None
    others = [c for c in range(width) if c not in (people, rubrique) and any(column(c))]
    named = [c for c in others if any(w in french_fold(headers[c]) for w in _CONTENT_WORDS)]
    candidates = named or others
    if not candidates:
        return None
    content = max(candidates, key=lambda c: sum(1 for v in column(c) if v))
    who = column(people)
    keys = [french_fold(" ".join(w.split())) for w in who]
    if max((keys.count(k) for k in set(keys) if k), default=0) < 2:
        return None  # everyone on one row: a grid with a column of words, not a list
    kinds = [_kind(v) for v in column(rubrique)]
    texts = column(content)
    order = [k for k in (*_STATEMENTS, TERRITORY, STRUCTURE, ROLE, CONTACT) if k in kinds]
    # Each column named by its rubrique as the list writes it (« Ressource »), unless the grid's
    # reading would take that word for another column: then by the grid's own word.
    spelled = {k: clean(v) for k, v in reversed(list(zip(kinds, column(rubrique), strict=True))) if k}
    grid_headers = [headers[people], *(spelled[k] for k in order)]
    if grid_mapping(grid_headers) != {0: PARTICIPANT, **{1 + i: k for i, k in enumerate(order)}}:
        grid_headers = [headers[people], *(_HEADERS[k] for k in order)]
    people_rows: dict[str, RawRow] = {}
    left: dict[str, list[str]] = {}  # a rubrique no column names -> the rows it is on
    for row, key, name, kind, text in zip(below, keys, who, kinds, texts, strict=True):
        if not key or not text:
            continue
        if kind is None:
            left.setdefault(clean(row.cells[rubrique]) if rubrique < len(row.cells) else "", []).append(
                str(row.line)
            )
            continue
        entry = people_rows.get(key)
        if entry is None:
            entry = people_rows[key] = RawRow(row.line, [name] + [""] * len(order))
        at = 1 + order.index(kind)
        if kind in _STATEMENTS:
            entry.items.setdefault(at, []).append(text)
            entry.cells[at] = "\n".join(entry.items[at])
        elif not entry.cells[at]:
            entry.cells[at] = text
    if not people_rows:
        return None
    quoted = [
        message("import.place.quoted", name=h) for h in (headers[people], headers[rubrique], headers[content])
    ]
    english = current_language() == "en"
    warnings = [
        message(
            "import.warn.one_row_per_item",
            columns=join_few(quoted),
            people=quoted[0],
            rows=count(len(below), *(("row", "rows") if english else ("ligne", "lignes"))),
            participants=counted(len(people_rows), "n.participant"),
        )
    ]
    for name, lines in left.items():
        words = ("row", "rows") if english else ("ligne", "lignes")
        warnings.append(
            message(
                "import.warn.rubrique_left_out",
                rubrique=message("import.place.quoted", name=name),
                lines=f"{plural(len(lines), *words)} {join_few(lines)}",
            )
        )
    preamble = [*table.preamble, *(c for r in rows[:index] for c in r.cells if clean(c))]
    return RawTable(
        [RawRow(header.line, grid_headers), *people_rows.values()],
        preamble,
        table.source,
        [*table.warnings, *warnings],
        table.date,
        table.separator,
        {},
        dict(table.details),
    )


def rubrique_column(rows: list[RawRow]) -> tuple[str, list[str]] | None:
    """A list of one row per item whose participants' column is not recognised: the header of
    the column naming each row's rubrique, and its words (« Action », « Besoin »…), when some
    column's values are rubriques (at least two kinds of statement, three in four known) and
    one of them comes back on several rows; None otherwise. A grid written sideways has each
    kind once, in its first column."""
    for index, header in enumerate(rows[:10]):
        below = rows[index + 1 :]
        for c, title in enumerate(header.cells):
            values = [clean(r.cells[c]) for r in below if c < len(r.cells) and clean(r.cells[c])]
            if not any(_kind(v) for v in values[:5]):
                continue
            known = [k for v in values if (k := _kind(v)) is not None]
            statements = [k for k in known if k in _STATEMENTS]
            repeated = len(statements) > len(set(statements))
            if 4 * len(known) >= 3 * len(values) and len(set(statements)) >= 2 and repeated:
                return clean(title) or str(c + 1), list(dict.fromkeys(values))
    return None
