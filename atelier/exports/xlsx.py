"""The Excel summary: one workbook, formatted as a person would, in the interface's language
(French sheet names and headers by default, English ones when the interface is English)."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from atelier.confidence import confidence
from atelier.domain import (
    GRID_SHEET,
    GRID_SHEET_EN,
    ITEM_KINDS,
    ITEM_SHEET_COLUMNS,
    ITEM_SHEET_COLUMNS_EN,
    KIND_SHEETS,
    KIND_SHEETS_EN,
    KIND_TITLES,
    KIND_TITLES_EN,
    FollowUp,
    FollowUpEntry,
    ItemKind,
    MatchStatus,
    Participant,
    normalise_text,
    people_of,
)
from atelier.exports import (
    FOLLOW_UP,
    ExportData,
    MatchRow,
    Progress,
    follow_up_word,
    path_lines,
    source_word,
    status_word,
    writing_atomically,
)

# A text that a spreadsheet would read as a formula (or that hides one behind a tab or CR).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _lines(texts: list[str]) -> str:
    return "\n".join(f"• {t}" for t in texts)


def _day(stamp: str) -> dt.date | None:
    """The local day a follow-up state changed, as a date Excel sorts and filters."""
    from atelier.french import local_day

    text = local_day(stamp)
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


# A day in a cell stays a date (sorted, filtered) shown with its month's name: « 2 mars 2026 »
# in a French Excel, « 2 March 2026 » in an English one, never « 02/03/2026 », read as 3 February
# by a reader used to month/day. Its columns are wide enough for « 28 septembre 2026 ».
DATE_FORMAT = "d mmmm yyyy"
# The month named in the workbook's language whatever the reader's Excel speaks (LCID 040C:
# French, 0809: English (UK)): « 16 mars 2021 », never « 16 March 2021 » in French tables.
DATE_LOCALES = {"fr": "[$-40C]", "en": "[$-809]"}


def date_format(lang: str) -> str:
    return DATE_LOCALES.get(lang, DATE_LOCALES["fr"]) + DATE_FORMAT


DATE_WIDTH = 18

# The « Mises en relation » sheet: the columns of the other sheets for who needs, then the
# same three for who can help. The day beside « Suivi » is that of its last step, true of every
# state (« Suivi depuis le » read « faite » as still going on since that day).
MATCH_COLUMNS = [
    "Participant",
    "Structure",
    "Territoire",
    "Atelier",
    "Date",
    "Besoin",
    "Peut aider\xa0: participant",
    "Peut aider\xa0: structure",
    "Peut aider\xa0: territoire",
    "Ressource",
    "Source",
    "Statut",
    "Score",
    "Confiance",
    "Raisons",
    "Suivi",
    "Dernière étape le",
    "Étapes du suivi",
    "Note",
    "Atelier de la ressource",
]


# The workbook's fixed words in English: its columns (the frames below are built with the
# French names, which also key WIDTHS), its summary's labels and headings, its sheets.
ENGLISH: dict[str, str] = {
    **dict(zip(ITEM_SHEET_COLUMNS, ITEM_SHEET_COLUMNS_EN, strict=True)),
    **{KIND_TITLES[k]: KIND_TITLES_EN[k] for k in ITEM_KINDS},
    "Fonction": "Role",
    "excusé·e": "excused",
    "absent·e": "absent",
    "Besoin": "Need",
    "Peut aider\xa0: participant": "Can help: participant",
    "Peut aider\xa0: structure": "Can help: organisation",
    "Peut aider\xa0: territoire": "Can help: territory",
    "Ressource": "Resource",
    "Source": "Source",
    "Statut": "Status",
    "Score": "Score",
    "Confiance": "Confidence",
    "Raisons": "Reasons",
    "Suivi": "Follow-up",
    "Dernière étape le": "Last step on",
    "Étapes du suivi": "Follow-up steps",
    "Note": "Note",
    "Atelier de la ressource": "Resource's workshop",
    "Rubrique": "Column of the grid",
    "Éléments": "Items",
    "Participants": "Participants",
    "Territoires": "Territories",
    "Lignes de la grille": "Rows of the grid",
    "Lignes de la grille des présents": "Rows of the grid of those present",
    "Besoin partagé": "Shared need",
    "Qui": "Who",
    "Besoins": "Needs",
    "(non précisé)": "(not given)",
    "Synthèse": "Summary",
    "Lieu": "Place",
    "Organisateur": "Organiser",
    "Contact": "Contact",
    "Mises en relation décidées": "Matches decided",
    "Mises en relation écartées": "Matches rejected",
    "actions déjà engagées": "actions already under way",
    "observations": "observations",
    "constats": "findings",
    "objectifs annoncés": "stated aims",
    "Suggestions (2 au plus par besoin)": "Suggestions (at most 2 per need)",
    "Éléments par rubrique": "Items per column of the grid",
    "Écrits par des excusés ou absents": "Written by those excused or absent",
    "Excusés ou absents": "Excused or absent",
    "Par territoire": "By territory",
    "Besoins partagés par plusieurs participants": "Needs shared by several participants",
    "Aucun besoin n'est partagé par plusieurs participants.": "No need is shared by several participants.",
    "Mises en relation": "Matches",
    GRID_SHEET: GRID_SHEET_EN,
    **{KIND_SHEETS[k]: KIND_SHEETS_EN[k] for k in ITEM_KINDS},
}


# What the items of the actions' column are, in the minutes' words (their context's sentence).
ACTIONS_COLUMN = ("actions déjà engagées", "observations", "constats", "objectifs annoncés")


# A summary table with no row: what it means, said instead of its headings.
NONE_SHARED = {
    "Besoins partagés par plusieurs participants": "Aucun besoin n'est partagé par plusieurs participants."
}


def said(french: str, lang: str) -> str:
    """A fixed word of the workbook in its language."""
    return ENGLISH.get(french, french) if lang == "en" else french


def _person(data: ExportData, participant: Participant) -> str:
    """The Participant column: the person or people only (their structure and territory have
    their own columns); anonymised, the label that stands for them (« Région N-A n° 2 »)."""
    who = data.who.get(participant.id, "") if data.anonymised else participant.people(data.lang)
    away = participant.away()  # not in the room (« (excusé) »): in the grid, said so
    if away:
        mark = {"excused": "excusé·e", "absent": "absent·e"}[away]
        who = f"{who} ({said(mark, data.lang)})" if who else said(mark, data.lang)
    elif not data.anonymised and (represented := participant.representation(data.lang)):
        who = f"{who} ({represented})"  # someone came instead: « (absente, représentée par Marc Roux) »
    return who


# Confirmed or added by hand: the matches followed up.
DECIDED = (MatchStatus.CONFIRMED, MatchStatus.MANUAL)


# A decision followed up « sans suite »: its « Statut » says so, never « confirmée » alone
# (filtered on « confirmée », the sheet listed a match that came to nothing as a live one).
THEN_DROPPED = {"fr": "{status}, puis classée sans suite", "en": "{status}, then dropped"}


def _status(match: MatchRow, lang: str) -> str:
    """« confirmée », « suggestion »…; « confirmée, puis classée sans suite »."""
    word = status_word(match.status, lang, bool(match.retyped))
    if match.status not in DECIDED or match.follow_up != FollowUp.DROPPED:
        return word
    first, _, rest = word.partition("\n")  # the retyped warning stays on its own line
    said = THEN_DROPPED["en" if lang == "en" else "fr"].format(status=first)
    return f"{said}\n{rest}" if rest else said


def _frames(data: ExportData) -> dict[str, Any]:
    """The sheets as pandas DataFrames (pandas does the counting and grouping)."""
    import pandas as pd

    # Who was away too (ExportData.away), in the grid's order: what they wrote is in the grid.
    participants = sorted([*data.participants, *data.away], key=lambda p: p.position)
    lang = data.lang
    workshop = data.workshop.title
    day = dt.date.fromisoformat(data.workshop.date) if data.workshop.date else None
    grid = pd.DataFrame(
        [
            {
                "N°": i + 1,
                "Participant": _person(data, p),
                "Structure": p.organisation,
                "Territoire": p.territory,
                "Fonction": p.role,
                "Atelier": workshop,
                "Date": day,
                **{KIND_TITLES[k]: _lines(data.cells[p.id][k]) for k in ITEM_KINDS},
                "Contact": p.contact,
            }
            for i, p in enumerate(participants)
        ],
        columns=[
            "N°",
            "Participant",
            "Structure",
            "Territoire",
            "Fonction",
            "Atelier",
            "Date",
            *KIND_TITLES.values(),
            # How to reach each participant, last: read back by the import with the rest.
            "Contact",
        ],
    )
    if data.anonymised:
        grid = grid.drop(columns=["Fonction", "Contact"])

    structure = {p.id: p.organisation for p in participants}
    everyone = {p.id: p for p in [*participants, *data.helpers]}

    def side(owner: str) -> tuple[str, str, str]:
        """Who, their structure, their territory (a helper may come from another workshop)."""
        found = everyone.get(owner)
        if found is None:
            return "", "", ""
        return _person(data, found), found.organisation, found.territory

    def items_of(kind: ItemKind) -> Any:
        # One row per item, with who, where, which workshop and when on every row: sheets of
        # several workshops stack into one table to pivot.
        return pd.DataFrame(
            [
                {
                    "Participant": _person(data, p),
                    "Structure": structure[p.id],
                    "Territoire": p.territory,
                    "Atelier": workshop,
                    "Date": day,
                    "N°": n + 1,
                    "Texte": text,
                }
                for p in participants
                for n, text in enumerate(data.cells[p.id][kind])
            ],
            columns=list(ITEM_SHEET_COLUMNS),
        )

    matches = pd.DataFrame(
        [
            dict(
                zip(
                    MATCH_COLUMNS,
                    [
                        *side(m.need_owner),
                        workshop,
                        day,
                        m.need,
                        *side(m.resource_owner),
                        m.resource,
                        source_word(m.source, lang, m.on_subject, m.aim),
                        _status(m, lang),
                        round(m.score, 2),
                        # The window's words for a suggestion's score; a decision needs none.
                        confidence(m.score, lang, thin=m.thin) if m.status == MatchStatus.SUGGESTED else "",
                        "\n".join(m.reasons),
                        # Followed up: a decision only (not a suggestion, nor one set aside).
                        follow_up_word(m.follow_up, lang) if m.status in DECIDED else "",
                        _day(m.follow_up_changed) if m.status in DECIDED else None,
                        # « décidée le 15 mars 2022 · contactée le 2 mars 2026 »: the path, in words
                        " · ".join(path_lines(m.steps, lang)).replace("\xa0", " ")
                        if m.status in DECIDED
                        else "",
                        m.note,
                        m.elsewhere,
                    ],
                    strict=True,
                )
            )
            # Those set aside by the facilitator last, « écartée », as `atelier info` counts them.
            for m in [*data.matches, *data.rejected]
        ],
        columns=MATCH_COLUMNS,
    )

    # What was said in the room, as « Par territoire » counts it: the lines of those present;
    # those of someone excused or absent (« (excusé) », in the grid and the item sheets, said
    # so) in a column of their own, both adding up to each item sheet.
    def written(people: list[Participant], kind: ItemKind) -> int:
        return sum(len(data.cells.get(p.id, {}).get(kind, [])) for p in people)

    rows: list[dict[str, Any]] = [
        {
            "Rubrique": said(KIND_TITLES[k], lang),
            "Éléments": written(data.participants, k),
            **({"Écrits par des excusés ou absents": written(data.away, k)} if data.away else {}),
        }
        for k in ITEM_KINDS
    ]
    # The actions' column as the minutes count it (« 70 actions déjà engagées, … 4 observations,
    # 7 constats et 10 objectifs annoncés »): under its 91 items, what they are, each row
    # indented as the follow-up states are under the matches decided.
    from atelier.synthesis import actions_column

    engaged, *apart = actions_column(data)
    if any(apart):
        under = [
            {
                "Rubrique": said(word, lang),
                "Éléments": n,
                # The minutes count those present: nothing said of those away's lines here.
                **({"Écrits par des excusés ou absents": None} if data.away else {}),
            }
            for word, n in zip(ACTIONS_COLUMN, (engaged, *apart), strict=True)
            if n
        ]
        rows[1:1] = under  # after the actions' own row
    counts = pd.DataFrame(rows, dtype=object)  # counts stay whole numbers beside a None
    by_territory = (
        pd.DataFrame(
            [
                {
                    "Territoire": p.territory or said("(non précisé)", lang),
                    # The people the summary counts (ExportData.people_named): each person of
                    # the row once, « Lina Chevalier et Yanis Robert » two.
                    "Participants": people_of(p),
                    **{KIND_TITLES[k]: len(data.cells[p.id][k]) for k in ITEM_KINDS},
                }
                # Those in the room: one excused or absent (« (excusé) ») is no participant of
                # their territory (their lines are in the grid, said so).
                for p in data.participants
            ],
            columns=["Territoire", "Participants", *KIND_TITLES.values()],
        )
        .groupby("Territoire", as_index=False)
        .sum()
        .sort_values(["Participants", "Territoire"], ascending=[False, True])
    )
    shared = pd.DataFrame(
        [
            {
                "Besoin partagé": s.label,
                "Participants": s.people,
                "Qui": "\n".join(s.participants),
                "Besoins": _lines(s.needs),
            }
            for s in data.shared
        ],
        columns=["Besoin partagé", "Participants", "Qui", "Besoins"],
    )
    return {
        "grid": grid,
        "actions": items_of(ItemKind.ACTION),
        "challenges": items_of(ItemKind.CHALLENGE),
        "needs": items_of(ItemKind.NEED),
        "offers": items_of(ItemKind.OFFER),
        "matches": matches,
        "counts": counts,
        # The rows of `counts` under the actions' own (what its items are), indented.
        "counts_under": set(range(1, 1 + len(counts) - len(ITEM_KINDS))),
        "territories": by_territory,
        "shared": shared,
    }


SUMMARY_WIDTHS = (44, 22)  # the summary sheet: column A, then B to F
SUMMARY_COLUMNS = 6
WIDTHS = {
    "N°": 6,
    "Participant": 30,
    "Structure": 24,
    "Territoire": 20,
    "Fonction": 18,
    "Contact": 30,
    "Texte": 70,
    "Atelier": 24,
    "Date": DATE_WIDTH,
    "Peut aider\xa0: participant": 26,
    "Peut aider\xa0: structure": 24,
    "Peut aider\xa0: territoire": 20,
    "Besoin": 45,
    "Ressource": 45,
    "Source": 18,
    "Statut": 16,
    "Score": 8,
    "Confiance": 14,
    "Raisons": 45,
    "Suivi": 13,
    "Dernière étape le": DATE_WIDTH,
    "Étapes du suivi": 40,
    "Note": 30,
    "Atelier de la ressource": 22,
    "Rubrique": 26,
    "Éléments": 10,
    "Participants": 13,
    "Besoin partagé": 40,
    "Qui": 34,
    "Besoins": 60,
    # The grid's four columns of items: each row as tall as its longest cell at this width.
    **dict.fromkeys(KIND_TITLES.values(), 45),
}


# Excel holds at most 32,767 characters in a cell: a longer text is cut there, and said.
EXCEL_CELL_LIMIT = 32_767
_cut_cells: ContextVar[list[str] | None] = ContextVar("_cut_cells", default=None)


def _put(cell: Any, value: Any) -> None:
    """Write one value; text is always text, never a formula, and shows as typed.

    Text is normalised first (a file written by an earlier version may hold control
    characters, which Excel's XML cannot); text longer than Excel's limit is cut, and the
    cell noted for the export's summary."""
    if value is None or (isinstance(value, float) and value != value):
        return
    if hasattr(value, "item"):  # numpy scalar from pandas
        value = value.item()
    if isinstance(value, str):
        value = normalise_text(value)
        if len(value) > EXCEL_CELL_LIMIT:
            value = value[: EXCEL_CELL_LIMIT - 1] + "…"
            cut = _cut_cells.get()
            if cut is not None:
                cut.append(f"{cell.parent.title}!{cell.coordinate}")
        cell.value = value
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True  # Excel and LibreOffice show it as text, even when edited
    else:
        cell.value = value


def _lines_needed(value: str, width: float) -> int:
    """How many lines a wrapped text takes in a column this wide (Excel's width units): the
    row is given that height, as neither Excel nor LibreOffice grows a row when printing.
    Lines break between words, as the spreadsheet breaks them (a word longer than a line cut)."""
    import textwrap

    wide = max(1, int(width * 1.1))
    return sum(max(1, len(textwrap.wrap(part, wide))) for part in value.split("\n"))


def _table_sheet(
    workbook: Any, title: str, frame: Any, *, start_row: int = 1, lang: str = "fr", workshop: str = ""
) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(said(title, lang))
    header_font = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    wrap = Alignment(wrap_text=True, vertical="top")
    date_alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    number_alignment = Alignment(vertical="top", horizontal="center")
    columns = list(frame.columns)
    for c, name in enumerate(columns, start=1):
        cell = sheet.cell(row=start_row, column=c)
        _put(cell, said(str(name), lang))
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(c)].width = WIDTHS.get(str(name), 30)
    sheet.row_dimensions[start_row].height = 30
    date_columns = {c for c, name in enumerate(columns, start=1) if name in ("Date", "Dernière étape le")}
    numbered = {c for c, name in enumerate(columns, start=1) if name == "N°"}
    for r, row in enumerate(frame.itertuples(index=False), start=start_row + 1):
        tallest = 1
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            _put(cell, value)
            cell.alignment = wrap
            if c in date_columns and value is not None:
                cell.number_format = date_format(lang)
                # Under its heading, as the texts are: right-aligned (a date's default), « 16 mars
                # 2021 » ran into the next column's text (« 16 mars 2021avoir des exemples »).
                cell.alignment = date_alignment
            elif c in numbered:
                # Centred in its narrow column: right-aligned, « 6 » ran into the text beside
                # it, read as the item's own figure (« 650 personnes habitant les QPV »).
                cell.alignment = number_alignment
            if isinstance(value, str):
                tallest = max(tallest, _lines_needed(value, WIDTHS.get(str(columns[c - 1]), 30)))
        sheet.row_dimensions[r].height = min(409, 15 * tallest + 2)
    last = get_column_letter(max(1, len(columns)))
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    sheet.auto_filter.ref = f"A{start_row}:{last}{start_row + max(len(frame), 1)}"
    sheet.sheet_view.zoomScale = 110
    sheet.print_title_rows = f"{start_row}:{start_row}"
    _print_setup(sheet, "landscape", lang, title=workshop)
    # A table wider than a page prints on as many pages side by side as keep its text legible
    # (the 20 columns of the matches on one page: a font of 3 points), each page of a band of
    # rows after the other, the columns up to « Participant » repeated on each.
    widths = [WIDTHS.get(str(name), 30) for name in columns]
    pages = max(1, math.ceil(sum(widths) / PAGE_WIDTH))
    if pages > 1:
        sheet.page_setup.fitToWidth = pages
        sheet.page_setup.pageOrder = "overThenDown"
        if "Participant" in columns:
            sheet.print_title_cols = f"A:{get_column_letter(columns.index('Participant') + 1)}"
    return sheet


# The columns' width (Excel's units) one landscape A4 page prints at about two thirds of its
# size (some 7 points for 11): a wider table takes several pages side by side.
PAGE_WIDTH = 200


# Each printed page says which sheet and which workshop it is of, and its number: the item
# sheets print under the same headings (« Participant, Structure… Texte »), told apart only so.
PAGE_FOOTER = {"fr": "Page &P sur &N", "en": "Page &P of &N"}


def _print_setup(sheet: Any, orientation: str, lang: str, *, title: str = "") -> None:
    """A4, as wide as the page, each page headed by its sheet's name (and the workshop's
    title) and numbered at its foot."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # « & » starts a code in a header (« &A »: the sheet's name): a title's own is doubled.
    title = " ".join(normalise_text(title).split())[:150]  # a header holds 255 characters at most
    sheet.oddHeader.center.text = "&A" + (f" — {title.replace('&', '&&')}" if title else "")
    sheet.oddFooter.center.text = PAGE_FOOTER["en" if lang == "en" else "fr"]


def write_xlsx(
    data: ExportData,
    target: str | Path,
    *,
    progress: Progress | None = None,
    notes: list[str] | None = None,
    replace: bool = True,
) -> Path:
    """Write the workbook beside the target, then put it in place: whole or not at all.

    What the reader of the workbook must know (cells cut at Excel's limit) is written on
    its summary sheet and added to `notes`, in the user's language, for the caller to say."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    say = progress or (lambda _p, _t: None)
    target = Path(target)
    cut: list[str] = []
    token = _cut_cells.set(cut)
    try:
        _write_workbook(data, target, say, Workbook, Alignment, Font, replace=replace)
    finally:
        _cut_cells.reset(token)
    if cut and notes is not None:
        notes.append(_cut_sentence(cut, data.lang))
    say(100, "terminé")
    return target


def _cut_sentence(cut: list[str], lang: str | None) -> str:
    """« Attention : texte coupé à 32 767 caractères … dans 2 cellules (Grille!G3, …) … »."""
    from atelier.french import count, format_number
    from atelier.i18n import MESSAGES, current_language

    lang = lang or current_language()
    words = ("cell", "cells") if lang == "en" else ("cellule", "cellules")
    shown = ", ".join(cut[:6]) + (" …" if len(cut) > 6 else "")
    return MESSAGES["export.cells_cut"][lang].format(
        cells=count(len(cut), *words, lang=lang), where=shown, limit=format_number(EXCEL_CELL_LIMIT, lang)
    )


def _write_workbook(
    data: ExportData,
    target: Path,
    say: Progress,
    Workbook: Any,
    Alignment: Any,
    Font: Any,
    *,
    replace: bool = True,
) -> None:
    with writing_atomically(target, replace=replace) as temp:
        say(55, "tableaux")
        frames = _frames(data)
        workbook = Workbook()
        workbook.remove(workbook.active)

        lang = data.lang
        summary = workbook.create_sheet(said("Synthèse", lang))
        title = summary.cell(row=1, column=1)
        _put(title, data.workshop.title)
        title.font = Font(bold=True, size=16)
        decided = [m for m in data.matches if m.status != MatchStatus.SUGGESTED]
        # Each fact: its French label (said in `lang` when written), its value, and whether it is
        # a follow-up state under the matches decided (its label already in `lang`, indented).
        facts: list[tuple[str, Any, bool]] = [
            ("Date", dt.date.fromisoformat(data.workshop.date) if data.workshop.date else None, False),
            ("Lieu", data.workshop.place, False),
            ("Organisateur", data.workshop.organiser, False),
            ("Contact", data.workshop.contact, False),
            ("Participants", data.people_named(), False),
            *(
                # With someone away, the « Grille » sheet holds their rows too: these are not all.
                [
                    (
                        "Lignes de la grille des présents" if data.away else "Lignes de la grille",
                        len(data.participants),
                        False,
                    )
                ]
                if data.people_named() != len(data.participants)
                else []
            ),
            # Not in the room (« (excusé) »): in the grid, in no count of those present.
            *([("Excusés ou absents", sum(people_of(p) for p in data.away), False)] if data.away else []),
            ("Territoires", len(data.territories()), False),
            # Decided (confirmed or added by hand), as the minutes count them, and where their
            # follow-up stands (« Où en est le suivi »): one « sans suite » is no live match.
            ("Mises en relation décidées", len(decided), False),
            *(
                [
                    (follow_up_word(state, lang), sum(m.follow_up == state for m in decided), True)
                    for state in FOLLOW_UP
                ]
                if decided
                else []
            ),
            # The sheet shows a need's strongest suggestions only, not every one saved.
            ("Suggestions (2 au plus par besoin)", len(data.matches) - len(decided), False),
            # Set aside by the facilitator, listed last in the matches sheet: `atelier info`
            # says « 2 écartées », the workbook does not leave them out.
            ("Mises en relation écartées", len(data.rejected), False),
        ]
        for r, (label, value, follow_up_state) in enumerate(facts, start=3):
            if follow_up_state:  # already in `lang`, under the matches decided
                _put(summary.cell(row=r, column=1), label)
                summary.cell(row=r, column=1).alignment = Alignment(horizontal="left", indent=2)
            else:
                _put(summary.cell(row=r, column=1), said(label, lang))
                summary.cell(row=r, column=1).font = Font(bold=True)
            cell = summary.cell(row=r, column=2)
            _put(cell, value)
            if isinstance(value, dt.date):
                cell.number_format = date_format(lang)
                cell.alignment = Alignment(horizontal="left")
            elif isinstance(value, str) and value:
                # A place, an organiser, a contact: across the summary's width (B to F) and
                # wrapped there, each of its lines shown; a long one ran past the page's edge
                # (cut when printed, or the whole page shrunk to hold it).
                summary.merge_cells(start_row=r, start_column=2, end_row=r, end_column=SUMMARY_COLUMNS)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines = _lines_needed(value, SUMMARY_WIDTHS[1] * (SUMMARY_COLUMNS - 1))
                if lines > 1:
                    summary.cell(row=r, column=1).alignment = Alignment(
                        vertical="top"
                    )  # beside its first line
                    summary.row_dimensions[r].height = min(409, 15 * lines + 2)
        row = len(facts) + 4
        for heading, frame in (
            ("Éléments par rubrique", frames["counts"]),
            ("Par territoire", frames["territories"]),
            ("Besoins partagés par plusieurs participants", frames["shared"]),
        ):
            _put(summary.cell(row=row, column=1), said(heading, lang))
            summary.cell(row=row, column=1).font = Font(bold=True, size=13)
            row += 1
            if frame.empty and heading in NONE_SHARED:
                # Said, not a table's headings above nothing (read as a table left unfilled).
                _put(summary.cell(row=row, column=1), said(NONE_SHARED[heading], lang))
                summary.cell(row=row, column=1).font = Font(italic=True)
                row += 2
                continue
            for c, name in enumerate(frame.columns, start=1):
                cell = summary.cell(row=row, column=c)
                _put(cell, said(str(name), lang))
                cell.font = Font(bold=True)
                # A column of counts (right-aligned) has its heading above them, not at the
                # left where it reads as the next column's.
                counts = [v for v in frame[name] if v is not None]
                if counts and all(isinstance(v, numbers.Number) and not isinstance(v, bool) for v in counts):
                    cell.alignment = Alignment(horizontal="right", wrap_text=True)
            # The shared needs' last column (their needs, in full) spans to the summary's right
            # edge (F): in its one column 22 wide, each row was a column of words a page tall.
            spread = heading in NONE_SHARED and len(frame.columns) < SUMMARY_COLUMNS
            if spread:
                last = len(frame.columns)
                summary.merge_cells(start_row=row, start_column=last, end_row=row, end_column=SUMMARY_COLUMNS)
            under = frames["counts_under"] if heading == "Éléments par rubrique" else set()
            for position, values in enumerate(frame.itertuples(index=False)):
                row += 1
                tallest = 1
                for c, value in enumerate(values, start=1):
                    cell = summary.cell(row=row, column=c)
                    _put(cell, value)
                    # A name beside a count (right-aligned) stands apart from it: « 2 Lucie… ».
                    apart = c > 2 and isinstance(value, str)
                    cell.alignment = Alignment(
                        wrap_text=True,
                        vertical="top",
                        horizontal="left" if apart or (c == 1 and position in under) else None,
                        indent=1 if apart else 2 if c == 1 and position in under else 0,
                    )
                    if isinstance(value, str):
                        width = SUMMARY_WIDTHS[min(c, 2) - 1]
                        if spread and c == len(values):
                            width *= SUMMARY_COLUMNS - c + 1
                        tallest = max(tallest, _lines_needed(value, width - (1 if c > 2 else 0)))
                if spread:
                    summary.merge_cells(
                        start_row=row, start_column=len(values), end_row=row, end_column=SUMMARY_COLUMNS
                    )
                if tallest > 1:  # a shared need's label, its people and their needs
                    summary.row_dimensions[row].height = min(409, 15 * tallest + 2)
            row += 2
        summary.column_dimensions["A"].width = SUMMARY_WIDTHS[0]
        for letter in "BCDEF":
            summary.column_dimensions[letter].width = SUMMARY_WIDTHS[1]
        _print_setup(summary, "portrait", lang)  # printed like the other sheets; its title is on it

        say(70, "feuilles")
        title_of = data.workshop.title
        # The grid and a sheet per kind, read back item for item by the import (see
        # atelier.importers.readers: Atelier's own Excel).
        _table_sheet(workbook, GRID_SHEET, frames["grid"], lang=lang, workshop=title_of)
        _table_sheet(workbook, KIND_SHEETS[ItemKind.ACTION], frames["actions"], lang=lang, workshop=title_of)
        _table_sheet(
            workbook, KIND_SHEETS[ItemKind.CHALLENGE], frames["challenges"], lang=lang, workshop=title_of
        )
        _table_sheet(workbook, KIND_SHEETS[ItemKind.NEED], frames["needs"], lang=lang, workshop=title_of)
        _table_sheet(workbook, KIND_SHEETS[ItemKind.OFFER], frames["offers"], lang=lang, workshop=title_of)
        _table_sheet(workbook, "Mises en relation", frames["matches"], lang=lang, workshop=title_of)
        cut = _cut_cells.get()
        if cut:  # said at the top of the summary, where the reader starts
            note = summary.cell(row=2, column=1)
            note.value = _cut_sentence(cut, lang)
            note.font = Font(bold=True, color="C00000")
        workbook.properties.title = normalise_text(data.workshop.title)[:255]
        workbook.properties.creator = "Atelier"
        workbook.properties.language = "en-GB" if lang == "en" else "fr-FR"
        say(90, "écriture")
        workbook.save(temp)


# The follow-up of several workshops in one sheet (`atelier suivi FICHIER --xlsx`, the window's
# « Exporter le suivi de tous les ateliers »): each row names its workshop and its date.
FOLLOW_UP_COLUMNS = [
    "Atelier",
    "Date",
    "Participant",
    "Structure",
    "Besoin",
    "Peut aider\xa0: participant",
    "Peut aider\xa0: structure",
    "Ressource",
    "Atelier de la ressource",
    "Suivi",
    "Dernière étape le",
    "Étapes du suivi",
    "Note",
]


def write_follow_up_xlsx(
    entries: list[FollowUpEntry], target: str | Path, lang: str = "fr", *, replace: bool = True
) -> Path:
    """The follow-up `entries` (store.follow_ups: as their own workshop says them, someone who
    opted out of the directory unnamed in another's) as one sheet « Suivi », a row a match,
    whole or not at all. A match of a person with themself (older versions) is nobody's to
    follow up: not written, as no document writes it."""
    import pandas as pd
    from openpyxl import Workbook

    from atelier.exports import met_at
    from atelier.matching.across import one_person

    def side(participant: Participant) -> list[str]:
        if participant.unnamed:  # « une personne non nommée à sa demande »
            return [participant.organisation, ""]
        return [participant.people(lang), participant.organisation]

    rows = []
    for entry in entries:
        if one_person(entry.need_participant, entry.resource_participant):
            continue
        match = entry.match
        elsewhere = entry.resource_workshop.id != entry.workshop.id
        values = [
            entry.workshop.title,
            dt.date.fromisoformat(entry.workshop.date) if entry.workshop.date else None,
            *side(entry.need_participant),
            entry.need.text,
            *side(entry.resource_participant),
            entry.resource.text,
            # « excusé·e à l'atelier du … » when their cell there says they were not at it
            met_at(entry.resource_workshop, lang, entry.resource_participant.away()) if elsewhere else "",
            follow_up_word(match.follow_up, lang),
            _day(match.follow_up_changed),
            " · ".join(path_lines(match.follow_up_steps, lang)).replace("\xa0", " "),
            match.note,
        ]
        rows.append(dict(zip(FOLLOW_UP_COLUMNS, values, strict=True)))
    frame = pd.DataFrame(rows, columns=FOLLOW_UP_COLUMNS)
    target = Path(target)
    with writing_atomically(target, replace=replace) as temp:
        workbook = Workbook()
        workbook.remove(workbook.active)
        _table_sheet(workbook, "Suivi", frame, lang=lang)
        workbook.save(temp)
    return target
