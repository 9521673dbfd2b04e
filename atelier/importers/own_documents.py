"""Atelier's own Word documents given to the import: its minutes (`atelier export --docx`) and
its participant pages (`--fiches`) are no grid. The minutes hold tables of people, of matches
and the grid in an annex: read as a grid they made a workshop of a first participant named
« Lucie Leroy Contacts employeurs du BTP », reported as a success. Each is recognised by what
Atelier writes into it (its author and application in the properties, its table styles), or,
saved since by another program that dropped those, by its shape (the minutes' fixed table
headers and headings, in French or English; the pages' closing line), and refused in one
sentence. A document whose properties still say Atelier but that holds a grid and nothing of
the minutes (a copy of them emptied, then typed in) is a grid: read as one."""

from __future__ import annotations

import re
from typing import Any

MINUTES = "minutes"
PAGES = "pages"

# What atelier.exports.word writes (the importers may not import the exports): its table
# styles, the header rows of its tables and its headings, French then English.
_STYLES = frozenset(
    {"atelier grille", "atelier tableau", "atelier tableau en-tete", "atelier tableau en-tête"}
)
_TABLE_HEADERS = frozenset(
    {
        ("personnes", "structure", "territoire"),
        ("people", "organisation", "territory"),
        ("cherche", "pourrait aider", "pourquoi"),
        ("looking for", "could help", "why"),
        ("cherche", "peut aider", "pourquoi", "suivi"),
        ("looking for", "can help", "why", "follow-up"),
    }
)
_HEADINGS = frozenset(
    {
        "synthèse des échanges",
        "summary of the discussions",
        "annexe : la grille complète",
        "annex: the full grid",
        "les mises en relation",
        "the matches",
        "pistes de mise en relation",
        "leads for matches",
    }
)
# atelier.exports.fiches: the line closing each participant's page.
_PAGES_CLOSING = re.compile(r"^(?:fiche préparée avec atelier le|page prepared with atelier on) ")


def _said(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split()).casefold()


def marked(document: Any) -> bool:
    """Whether the document's properties or styles say Atelier wrote it."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        if (document.core_properties.author or "").strip() == "Atelier":
            return True
        for rel in document.part.package.rels.values():
            if (
                rel.reltype == RT.EXTENDED_PROPERTIES
                and not rel.is_external
                and re.search(rb"<(?:\w+:)?Application>\s*Atelier\s*<", rel.target_part.blob or b"")
            ):
                return True
        return any(_said(style.name or "") in _STYLES for style in document.styles)
    except Exception:  # a damaged part: the document is read as any other
        return False


def _signs(document: Any) -> tuple[int, int, bool]:
    """How many of the minutes' table headers and headings the document holds, and whether
    it closes a participant's page as Atelier's pages do."""
    headers = set()
    for table in document.tables:
        try:
            first = table.rows[0]
            cells = tuple(_said(cell.text) for cell in first.cells)
        except Exception:  # a table python-docx cannot walk (irregular rows): no sign
            continue
        if cells in _TABLE_HEADERS:
            headers.add(cells)
    texts = [_said(p.text) for p in document.paragraphs]
    headings = {t for t in texts if t in _HEADINGS}
    pages = any(_PAGES_CLOSING.match(t) for t in texts)
    return len(headers), len(headings), pages


def own_document(document: Any, *, grid_found: bool | None = None) -> str | None:
    """MINUTES or PAGES when Atelier wrote this document, else None. `grid_found`: whether a
    table of it reads like a grid (None: not known yet; a document marked as Atelier's is then
    judged by its shape only)."""
    tables, headings, pages = _signs(document)
    if pages and not document.tables:
        return PAGES
    if tables and headings and tables + headings >= 3:
        return MINUTES
    if marked(document):
        if tables or headings:
            return MINUTES
        if grid_found is False:
            return PAGES if pages or not document.tables else MINUTES
    return None
