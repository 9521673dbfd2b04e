"""Read a grid from Word, Excel, CSV, HTML or text into a RawTable. Heavy libraries load here only."""

from __future__ import annotations

import csv
import datetime
import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from atelier.domain import read_attendance
from atelier.french import find_date as french_find_date
from atelier.french import format_number
from atelier.importers.cells import clean
from atelier.importers.grid import (
    FORMULA_ERROR,
    MAX_ROWS,
    PARTICIPANT,
    UNCOMPUTED,
    UNSHOWN,
    RawRow,
    RawTable,
    cell_place,
    column_wise,
    combine_grids,
    detect_mapping,
    find_header,
    info_table,
    left_out_said,
    name_places,
    tables_not_grid,
    text_below_said,
    words_said,
)
from atelier.importers.invisible import COLOUR, FORMAT, STRUCK
from atelier.importers.safety import (
    OLE_MAGIC,
    ZIP_MAGIC,
    ImportRefused,
    check_office_zip,
    check_size,
    head,
    refuse_ole,
)
from atelier.importers.sessions import Session, find_sessions

SUPPORTED = (".docx", ".xlsx", ".xlsm", ".csv", ".html", ".htm", ".txt", ".tsv")


def read_table(path: Path) -> RawTable:
    """The grid's raw table, whatever the format; refuses unsafe or unreadable files. A list
    of one row per item (« Participant ; Rubrique ; Contenu ») is turned into its grid."""
    from atelier.importers.long_format import one_row_per_item

    table = _read_table(path)
    return one_row_per_item(table) or table


def _read_table(path: Path) -> RawTable:
    check_size(path)
    suffix = path.suffix.lower()
    if suffix in (".doc", ".xls") and head(path).startswith(OLE_MAGIC):
        refuse_ole(path, ".docx" if suffix == ".doc" else ".xlsx")
    _refuse_misnamed(path, suffix)
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".tsv"):
        return read_csv(path)
    if suffix in (".html", ".htm", ".txt"):
        return read_text_grid(path)
    if suffix in (".doc", ".xls"):
        raise ImportRefused("import.old_format", path=path, new=".docx" if suffix == ".doc" else ".xlsx")
    if suffix in _OPENDOCUMENT:  # LibreOffice's own formats: how to save them as Atelier reads them
        raise ImportRefused("import.opendocument", path=path, suffix=suffix, new=_OPENDOCUMENT[suffix])
    raise ImportRefused("import.unknown_type", path=path)


_OPENDOCUMENT = {".odt": ".docx", ".fodt": ".docx", ".ods": ".xlsx", ".fods": ".xlsx"}
PDF_MAGIC = b"%PDF-"
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF"}


def _refuse_misnamed(path: Path, suffix: str) -> None:
    """A file whose first bytes say it is not what its name says gets the real cause: a
    workshop file is opened, not imported; an Office or old Excel file renamed .csv or .txt
    is no text (it was read as « encodage inconnu »)."""
    from atelier.store.files import is_atelier_file

    if is_atelier_file(path):
        raise ImportRefused("import.is_workshop", path=path)
    first = head(path)
    # A PDF of the grid or a photo of it, whatever its name: an uncompressed PDF is all ASCII
    # and a .csv of it was imported as « 7 participants » named after its drawing commands.
    if first.startswith(PDF_MAGIC):
        raise ImportRefused("import.is_pdf", path=path)
    for magic, kind in IMAGE_MAGIC.items():
        if first.startswith(magic):
            raise ImportRefused("import.is_image", path=path, kind=kind)
    if suffix in (".csv", ".tsv", ".txt", ".html", ".htm"):
        if first.startswith(ZIP_MAGIC):
            raise ImportRefused("import.office_renamed", path=path)
        if first.startswith(OLE_MAGIC):
            refuse_ole(path, ".xlsx")


# ----------------------------------------------------------------------- Word


def read_docx(path: Path) -> RawTable:
    from atelier.importers.word import read_docx as read

    return read(path)


# ---------------------------------------------------------------------- Excel

EXCEL_ROWS = 1_048_576  # the last row of an Excel sheet
# Rows read at most, empty ones included: a grid laid on a template formatted far below its
# last participant (borders down to row 12,000, the CSV Excel saves from it: lines of « ;;;; »)
# is read, the limit on rows holding text being MAX_ROWS; a million empty rows is refused in
# a second rather than read for ten.
MAX_SCANNED_ROWS = 100_000


def read_xlsx(path: Path) -> RawTable:
    """The grid of the first visible sheet that has one. Hidden sheets and rows are skipped
    unless nothing else is there (said in a warning); a formula whose value was never
    computed (a workbook made by a program, never opened in Excel) is read as the text it
    shows when it writes it out (a link's text, `_formula_shows`), else is said, not read as
    an empty cell: left out and said, and a row whose participant it is with it (it would
    join the row to the previous participant)."""
    check_office_zip(path, ".xlsx")
    # Each sheet's rows counted first, straight from the package, stopping at the limit: a
    # sheet of 200,000 rows is refused after reading 10,000 of them, before openpyxl reads
    # the text of every cell (the shared strings) and before the rest of the sheet.
    details = _package_sheet_details(path)
    try:
        import openpyxl

        # With each cell's runs of text as typed (a word struck through, a line in white
        # inside a cell: `InvisibleCells.runs_left`).
        workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True, rich_text=True)
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused("import.not_office", path=path, kind=".xlsx") from None
    from atelier.importers.invisible import InvisibleCells

    try:
        invisible = InvisibleCells(workbook)
        sheets = []
        for sheet in workbook.worksheets:
            found = details.get(str(getattr(sheet, "_worksheet_path", "")).lstrip("/"))
            if found is None:  # a sheet not found where expected: read through openpyxl
                source = sheet._get_source()
                try:
                    found = _sheet_details(source, path)
                finally:
                    source.close()
            hidden_rows, hidden_columns, formulas, merged, spans, formats, last_filled = found or (
                set(),
                set(),
                {},
                {},
                {},
                _Formats(),
                None,  # read to the end
            )
            rows: list[RawRow] = []
            skipped: list[int] = []
            # Hidden by the sheet's filter: read, and said with who they are (_sheet_warnings).
            low, high = formats.filtered or (0, -1)
            filtered = {n for n in hidden_rows if low <= n <= high}
            uncomputed: list[str] = []
            errors: list[str] = []  # cells showing a formula's error (« #N/A »): no one's words
            unseen: dict[int, dict[int, str]] = {}  # row -> {column: why its text does not show}
            partial: dict[int, dict[int, list[tuple[str, str]]]] = {}  # row -> {column: [(why, words)]}
            # The rows the sheet holds, each as wide as its own last cell: not padded to the
            # extent its <dimension> claims, which one stray cell at XFD1048576 makes a million
            # rows of 16,384 empty cells (a quarter of a minute to read and refuse). A row
            # absent from the file comes as an empty tuple; the limit counts rows that are
            # there, and a sheet numbering its rows past Excel's last is no grid. Read down
            # to the last row that holds a value: the empty cells a template formats below it
            # (borders down to row 1,048,576) are not read a second time.
            sheet.reset_dimensions()
            present = 0
            for number, found_cells in enumerate(
                sheet.iter_rows(max_row=last_filled) if last_filled != 0 else (), start=1
            ):
                if number > EXCEL_ROWS:
                    raise ImportRefused("import.too_many_rows", path=path, limit=format_number(MAX_ROWS))
                if not found_cells:
                    continue
                present += any(cell.value not in (None, "") for cell in found_cells)
                if present > MAX_ROWS * 2:
                    raise ImportRefused("import.too_many_rows", path=path, limit=format_number(MAX_ROWS))
                cells = [_excel_text(c) for c in found_cells]
                failed = {c for c, cell in enumerate(found_cells) if getattr(cell, "data_type", "") == "e"}
                for column in failed:
                    cells[column] = ""  # « #NAME? » as the file stores it, « #NOM? » on screen
                for column in range(len(cells)):
                    if (number, column) in formulas and not cells[column]:
                        # Never computed, but its text on screen is written out in it: a link's.
                        cells[column] = _formula_shows(formulas[(number, column)]) or ""
                for column, cell in enumerate(found_cells):
                    if not getattr(cell, "_style_id", 0) and cells[column].strip():
                        cell = formats.styled(sheet, cell, number, column)
                    why = invisible.why(cell)
                    rich = cell.value if isinstance(cell.value, list) else formats.rich.get((number, column))
                    if why is None and rich and cells[column].strip():
                        # Part of the cell struck through or in its fill's colour: the rest read.
                        kept, taken = invisible.runs_left(cell, rich)
                        if taken and kept.strip():
                            cells[column] = kept
                            partial.setdefault(number, {})[column] = taken
                        elif taken:
                            why = STRUCK if any(w == STRUCK for w, _t in taken) else COLOUR
                    if why is not None and cells[column].strip():
                        unseen.setdefault(number, {})[column] = why
                unread: dict[int, str] = {}
                for column in sorted(failed):
                    unread[column] = FORMULA_ERROR
                    errors.append(f"{_column_letter(column)}{number}")
                for column in range(len(cells)):
                    if (number, column) in formulas and not cells[column] and column not in failed:
                        unread[column] = UNCOMPUTED  # left out: its text is no one's words
                        uncomputed.append(f"{_column_letter(column)}{number}")
                while cells and not cells[-1].strip():
                    cells.pop()
                if not cells:
                    continue
                if number in hidden_rows and number not in filtered:
                    skipped.append(number)
                rows.append(
                    RawRow(
                        number,
                        cells,
                        merged=frozenset(merged.get(number, ())),
                        first_span=spans.get(number, {}).get(0, 1),
                        spans=spans.get(number, {}),
                        unread=unread,
                    )
                )
            if rows:
                visible = [r for r in rows if r.line not in hidden_rows or r.line in filtered]
                sheets.append(
                    _Sheet(
                        sheet.title,
                        sheet.sheet_state != "visible",
                        rows,
                        visible,
                        skipped,
                        uncomputed,
                        hidden_columns,
                        unseen,
                        [
                            (cells, hiding)
                            for cells, rules in formats.conditional
                            if (hiding := [rule for rule in rules if invisible.may_hide(rule)])
                        ],
                        partial,
                        sorted(filtered & {r.line for r in rows}),
                        errors,
                    )
                )
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused("import.not_office", path=path, kind=".xlsx") from None
    finally:
        workbook.close()
    if not sheets:
        raise ImportRefused("import.no_table", path=path)
    # A grid on a visible sheet, else on a hidden one (said), else a visible grid written the
    # other way round, a participant per column (refused for what it is, not by citing the
    # « Lieu | Pau » sheet before it), else whatever is there.
    ordered = (
        [s for s in sheets if not s.hidden and s.has_grid()]
        + [s for s in sheets if s.hidden and s.has_grid()]
        + [s for s in sheets if not s.hidden and column_wise(s.rows_used()) is not None]
        + [s for s in sheets if not s.hidden]
        + sheets
    )
    chosen = ordered[0]
    # Atelier's own Excel (French or English), by its grid sheet's name, before any other
    # sheet: a small workshop's summary table (« Participants 2 », « Territoires 0 ») or its
    # « Besoins partagés » table reads like a grid, and was taken for one (refused as written
    # sideways, or imported as six participants named after its rows).
    from atelier.domain import GRID_SHEET, GRID_SHEET_EN

    for title in (GRID_SHEET, GRID_SHEET_EN):
        named = next((s for s in sheets if s.title == title and not s.hidden), None)
        own = _own_export(named, sheets) if named is not None else None
        if own is not None:
            return own
    # The visible sheets after it with a grid of the same columns (a sheet per table of the
    # room) are read with it; the others are said, not silently left out.
    read = [s for s in sheets if s is chosen or not s.hidden]
    tables = [(s.title, s.rows_used()) for s in read]
    rows, combined = combine_grids(tables, read.index(chosen), "sheet")
    wheres = {r.where for r in rows}
    used = [s for s in read if s is chosen or name_places("sheet", [s.title]) in wheres]
    sessions = _sessions(used, combined)
    if sessions:  # not « read as one grid »: each workshop is said by the plan
        combined = combined[1:]
    warnings = _sheet_warnings(chosen, sheets, used) + combined
    left = [s.title for s in sheets if not s.hidden and s is not chosen and not s.has_grid()]
    if left:
        from atelier.french import join
        from atelier.i18n import message

        names = join(message("import.place.quoted", name=t) for t in left)
        key = "import.warn.sheet_not_read" if len(left) == 1 else "import.warn.sheets_not_read"
        warnings.append(message(key, names=names))
    return RawTable(rows, [], "xlsx", warnings, hidden_columns=_columns_left(chosen), sessions=sessions)


def _sessions(used: list[_Sheet], combined: list[str]) -> list[Session]:
    """The workshops of a workbook of a sheet per session (`importers.sessions`), each dated by
    the lines above its grid's headers, else by its sheet's name; [] when it holds one."""
    if len(used) < 2 or not combined:
        return []
    parts = []
    for sheet in used:
        rows = sheet.rows_used()
        header = find_header(rows)
        above = [c for r in rows[: header or 0] for c in r.cells if c.strip()]
        parts.append((name_places("sheet", [sheet.title]), above, sheet.title))
    return find_sessions(parts)


def _columns_left(sheet: _Sheet) -> dict[int, str]:
    """The sheet's hidden columns left out, each with its header (« » if it has none), within
    the grid's width: the preview says them hidden, not « sans titre »."""
    if sheet.columns_read or not sheet.hidden_columns:
        return {}
    rows = sheet.rows_kept()
    header = find_header(rows)
    if header is None:
        return {}
    width = max(len(r.cells) for r in rows)
    headers = rows[header].cells
    return {
        column: clean(headers[column]) if column < len(headers) else ""
        for column in sorted(sheet.hidden_columns)
        if column < width
    }


def _own_export(chosen: _Sheet, sheets: list[_Sheet]) -> RawTable | None:
    """Atelier's own Excel (`atelier export --xlsx`), read back as it was written: the
    « Grille » sheet's rows, each participant's structure, territory and role from their
    columns (not guessed again from the name), and each item as its kind's sheet lists it
    (one row per item: re-splitting a cell's bullets could cut an item at « : » or
    « - »). The grid sheet stays the reference: a cell edited in Excel since the export, so
    that it no longer says what its kind's sheet lists, is read from its text."""
    from atelier.domain import (
        GRID_SHEET,
        GRID_SHEET_EN,
        ITEM_SHEET_COLUMNS,
        ITEM_SHEET_COLUMNS_EN,
        KIND_SHEETS,
        KIND_SHEETS_EN,
        KIND_TITLES,
        KIND_TITLES_EN,
        KIND_TITLES_EN_BEFORE,
    )
    from atelier.importers.participant import ParsedParticipant, parse_participant

    # Written in French or, from an English interface, in English: the same workbook.
    if chosen.title == GRID_SHEET:
        kind_titles, kind_sheets, item_columns = KIND_TITLES, KIND_SHEETS, ITEM_SHEET_COLUMNS
        words = ("Participant", "Structure", "Territoire", "Fonction")
    elif chosen.title == GRID_SHEET_EN:
        kind_titles, kind_sheets, item_columns = KIND_TITLES_EN, KIND_SHEETS_EN, ITEM_SHEET_COLUMNS_EN
        words = ("Participant", "Organisation", "Territory", "Role")
    else:
        return None
    if not chosen.rows or chosen.hidden:
        return None
    header = [c.strip() for c in chosen.rows[0].cells]
    if chosen.title == GRID_SHEET_EN and not set(kind_titles.values()) <= set(header):
        kind_titles = KIND_TITLES_EN_BEFORE  # written by an earlier Atelier
    person, structure, place, role_column = words
    needed = [person, structure, place, *kind_titles.values()]
    if not all(h in header for h in needed):
        return None
    column = {name: header.index(name) for name in [*needed, role_column, "Contact"] if name in header}
    anonymised = role_column not in column  # an anonymised export names no one, says no role
    by_title = {s.title: s for s in sheets}
    listed: dict[int, list[RawRow]] = {}
    for kind, title in kind_sheets.items():
        sheet = by_title.get(title)
        if sheet is not None and [c.strip() for c in sheet.rows[0].cells[: len(item_columns)]] == list(
            item_columns
        ):
            listed[column[kind_titles[kind]]] = sheet.rows[1:]
    at = dict.fromkeys(listed, 0)  # the next row of each kind's sheet

    def cell(row: RawRow, index: int) -> str:
        return row.cells[index].strip() if index < len(row.cells) else ""

    # What the sheet hides since the export (a row, a column, a cell that shows nothing) is
    # left out and said, as in any grid; each kind's sheet is still followed row by row.
    used = {r.line: r for r in chosen.rows_used()}

    def identity(row: RawRow) -> tuple[str, str, str]:
        return cell(row, column[person]), cell(row, column[structure]), cell(row, column[place])

    rows = []
    for original in chosen.rows[1:]:
        items: dict[int, list[str]] = {}
        found: dict[int, list[str]] = {}
        shown, organisation, territory = identity(original)
        for index, lines in listed.items():
            mine: list[str] = []
            while at[index] < len(lines):
                item = lines[at[index]]
                # The row of this participant (who, structure, territory: one without a name
                # is told apart by the other two; an anonymised export before issue 17 left
                # the structure out of these sheets) and its next number.
                same = (cell(item, 0), cell(item, 2)) == (shown, territory) and cell(item, 1) in (
                    organisation,
                    "",
                )
                if not same or cell(item, 5) != str(len(mine) + 1):
                    break
                mine.append(item.cells[6] if len(item.cells) > 6 else "")
                at[index] += 1
            found[index] = mine
        row = used.get(original.line)
        if row is None:  # a hidden row
            continue
        shown, organisation, territory = identity(row)
        role = "" if anonymised else cell(row, column[role_column])
        # « Paul Durand (excusé·e) »: the person without the mark (kept in the cell as typed).
        said = shown
        shown = read_attendance(shown).rest
        if anonymised or shown in ("", "—") or shown in (organisation, territory):
            names: list[str] = []
        elif organisation and shown.endswith(" / " + organisation):  # an export before issue 17
            names = _people(shown[: -len(" / " + organisation)])
        elif organisation and " / " not in shown:  # the person or people only
            names = _people(shown)
        elif organisation:
            names = parse_participant(shown).names
        else:
            names = _people(shown) if parse_participant(shown).names else []
        contact = "" if anonymised or "Contact" not in column else cell(row, column["Contact"])
        who = ParsedParticipant(names, organisation, territory, role, said, contact)
        for index, mine in found.items():
            if "\n".join(f"• {t}" for t in mine) == (row.cells[index] if index < len(row.cells) else ""):
                items[index] = mine
        rows.append(RawRow(row.line, row.cells, items, who, row.merged))
    title, date, details = _own_summary(sheets)
    header_row = used.get(chosen.rows[0].line, chosen.rows[0])
    warnings = _sheet_warnings(chosen, sheets, [chosen]) + _own_left(
        sheets, english=chosen.title == GRID_SHEET_EN
    )
    return RawTable([header_row, *rows], [title] if title else [], "xlsx", warnings, date, details=details)


def _people(shown: str) -> list[str]:
    """The people of an export's Participant column as Atelier writes them, « A, B et C »
    (« A et B et C » before; « A, B and C » in English): a comma parts names only before the
    last « et », so that one name written « Dupont, Jean » stays one."""
    *first, last = re.split(r" (?:et|and) ", shown)
    names = [name for piece in first for name in piece.split(", ")] + [last]
    return [name.strip() for name in names if name.strip()]


# The workshop's details on the summary sheet, by their label in French and in English.
_OWN_DETAILS = {"Lieu": "place", "Place": "place", "Organisateur": "organiser", "Organiser": "organiser"}


def _own_summary(sheets: list[_Sheet]) -> tuple[str, str | None, dict[str, str]]:
    """The workshop's title, date, place, organiser and contact on the summary sheet of
    Atelier's own Excel (each on its row, under the title, its label in column A)."""
    summary = next((s for s in sheets if s.title in ("Synthèse", "Summary")), None)
    if summary is None:
        return "", None, {}
    title = summary.rows[0].cells[0].strip() if summary.rows and summary.rows[0].line == 1 else ""
    date = None
    details: dict[str, str] = {}
    for row in summary.rows[:12]:
        label = row.cells[0].strip() if row.cells else ""
        detail = _OWN_DETAILS.get(label, "contact" if label == "Contact" else "")
        if detail and detail not in details and len(row.cells) >= 2 and row.cells[1].strip():
            details[detail] = row.cells[1].strip()
        if len(row.cells) >= 2 and row.cells[0].strip() == "Date":
            # Shown as the cell's format says (« 16 mars 2021 »), or typed as a day.
            found = row.cells[1].strip()
            day = french_find_date(found) if found else None
            date = found if re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else day.isoformat() if day else None
    return title, date, details


def _own_left(sheets: list[_Sheet], *, english: bool) -> list[str]:
    """What the import of Atelier's own Excel does not take back, said: the matches decided
    (confirmed, added by hand), with their follow-up, on the matches sheet; the suggestions are
    made anew by matching the grid. A decision is a row with no confidence word (the export
    gives one to suggestions only) whose status is not « écartée » (« rejected »): those the
    facilitator set aside are listed too, and are not decided, as `atelier info` counts."""
    from atelier.french import counted, join
    from atelier.i18n import message

    title, word = ("Matches", "Confidence") if english else ("Mises en relation", "Confiance")
    sheet = next((s for s in sheets if s.title == title), None)
    if sheet is None or not sheet.rows:
        return []
    header = [c.strip() for c in sheet.rows[0].cells]
    if word not in header:
        return []
    at = header.index(word)
    status_heading, set_aside = ("Status", "rejected") if english else ("Statut", "écartée")
    status = header.index(status_heading) if status_heading in header else None

    def cell(row: RawRow, column: int | None) -> str:
        return (row.cells[column : column + 1] or [""])[0].strip() if column is not None else ""

    rows = [r for r in sheet.rows[1:] if any(c.strip() for c in r.cells) and not cell(r, at)]
    decided = [r for r in rows if cell(r, status) != set_aside]
    rejected = len(rows) - len(decided)
    said = [counted(len(decided), "n.decided_match")] if decided else []
    if rejected:  # matching the grid again may suggest them again: said
        said.append(counted(rejected, "n.rejected_match"))
    if not said:
        return []
    again = counted(rejected, "import.own_rejected_again") if rejected else ""
    return [message("import.warn.own_matches", sheet=title, matches=join(said), again=again)]


class _Sheet:
    def __init__(
        self,
        title: str,
        hidden: bool,
        rows: list[RawRow],
        visible: list[RawRow],
        skipped: list[int],
        uncomputed: list[str],
        hidden_columns: set[int] | None = None,
        unseen: dict[int, dict[int, str]] | None = None,
        conditional: list[tuple[str, list[int]]] | None = None,
        partial: dict[int, dict[int, list[tuple[str, str]]]] | None = None,
        filtered: list[int] | None = None,
        errors: list[str] | None = None,
    ) -> None:
        self.title, self.hidden, self.rows, self.visible = title, hidden, rows, visible
        self.filtered = filtered or []  # rows hidden by the sheet's filter, read all the same
        self.skipped, self.uncomputed = skipped, uncomputed
        self.errors = errors or []  # cells showing a formula's error, left out
        self.hidden_columns = hidden_columns or set()
        self.unseen = unseen or {}
        # The conditional formats whose rules may hide or strike text: not evaluated, said.
        self.conditional = conditional or []
        # Runs of a cell's text left out (struck, in the fill's colour), the rest of it read:
        # row -> {column: [(why, words)]}; those of the rows and columns used, `left_partial`.
        self.partial = partial or {}
        self.left_partial: list[tuple[str, int, int, str]] = []
        self._used: list[RawRow] | None = None
        self.columns_read = False  # hidden columns read: the grid is only whole with them
        self.left_unseen: list[tuple[str, int, int]] = []  # (why, row, column) of cells left out
        self._kept: list[RawRow] | None = None
        self.left_rows: list[int] = []  # hidden rows left out
        self.read_rows: list[int] = []  # hidden rows read: the grid is nowhere else

    def rows_kept(self) -> list[RawRow]:
        """Hidden rows are left out. The hidden row the grid's header is on is read (a column's
        title is no secret, and without it there is no grid); every hidden row is read only
        when the grid is nowhere else (both said: `left_rows`, `read_rows`)."""
        if self._kept is not None:
            return self._kept
        kept = self.visible
        header_line = None
        if not self.visible or find_header(self.visible) is None:
            header = find_header(self.rows)
            if header is not None:
                header_line = self.rows[header].line
                with_header = [r for r in self.rows if r in self.visible or r.line == header_line]
                whole = find_header(with_header) is not None and with_header[-1].line != header_line
                kept = with_header if whole else self.rows
            elif not self.visible:
                kept = self.rows
        lines = {r.line for r in kept}
        self.left_rows = [n for n in self.skipped if n not in lines]
        self.read_rows = [n for n in self.skipped if n in lines and n != header_line]
        self._kept = kept
        return kept

    def rows_used(self) -> list[RawRow]:
        """The rows kept, without what the sheet does not show: the cells of hidden columns
        (unless one of them says whom each row is about: without it every row would be given
        to no one) and the cells whose text does not show (`importers.invisible`; the header
        row's excepted: a column's title is no secret, and without it the column is lost)."""
        if self._used is not None:
            return self._used
        rows = self.rows_kept()
        header = find_header(rows)
        at = rows[header].line if header is not None else None
        used = self._blanked(rows, self.hidden_columns, at)
        if self.hidden_columns and header is not None and _names_who(rows, header, self.hidden_columns):
            self.columns_read = True
            used = self._blanked(rows, set(), at)
        self.left_unseen = [
            (why, row.line, column)
            for row in rows
            if row.line != at
            for column, why in sorted(self.unseen.get(row.line, {}).items())
            if column not in self.hidden_columns or self.columns_read
        ]
        self.left_partial = [
            (why, row.line, column, words)
            for row in rows
            for column, runs in sorted(self.partial.get(row.line, {}).items())
            if column not in self.hidden_columns or self.columns_read
            for why, words in runs
        ]
        self._used = used
        return used

    def _blanked(self, rows: list[RawRow], columns: set[int], header: int | None) -> list[RawRow]:
        import dataclasses

        blanked = []
        for row in rows:
            unseen = set(self.unseen.get(row.line, {})) if row.line != header else set()
            hide = set(columns) | unseen
            if hide & set(range(len(row.cells))):
                cells = ["" if index in hide else text for index, text in enumerate(row.cells)]
                why = self.unseen.get(row.line, {})
                unread = {
                    **row.unread,
                    **{c: STRUCK if why.get(c) == STRUCK else UNSHOWN for c in unseen - set(columns)},
                }
                row = dataclasses.replace(row, cells=cells, unread=unread)
            blanked.append(row)
        return blanked

    def has_grid(self) -> bool:
        return find_header(self.rows_used()) is not None


def _filtered_said(sheet: _Sheet) -> str:
    """« 2 lignes masquées par un filtre, importées quand même (feuille « Sheet », lignes 3
    et 5) : Karim Haddad (Cap emploi), Paul Petit (Mission locale) »: a filter left on in Excel
    hides people from the sheet's view, not from the workshop; "" when it hides no one read."""
    from atelier.french import count, join, join_few, plural
    from atelier.i18n import current_language, message

    rows = sheet.rows_used()
    lines = [row.line for row in rows if row.line in set(sheet.filtered)]
    if not lines:
        return ""
    header = find_header(rows)
    names: list[str] = []
    if header is not None:
        mapping = detect_mapping([clean(c) for c in rows[header].cells])
        column = next((i for i, kind in mapping.items() if kind == PARTICIPANT), None)
        if column is not None:
            names = [
                " ".join(row.cells[column].split())
                for row in rows
                if row.line in lines and column < len(row.cells) and row.cells[column].strip()
            ]
    english = current_language() == "en"
    words = (
        ("row hidden by a filter, imported all the same", "rows hidden by a filter, imported all the same")
        if english
        else (
            "ligne masquée par un filtre, importée quand même",
            "lignes masquées par un filtre, importées quand même",
        )
    )
    row_word = plural(len(lines), *(("row", "rows") if english else ("ligne", "lignes")))
    return message(
        "import.warn.filtered_rows" if names else "import.warn.filtered_rows_unnamed",
        rows=count(len(lines), *words),
        sheet=name_places("sheet", [sheet.title]),
        lines=f"{row_word} {join_few(lines)}",
        names=join(names),
    )


def _sheet_warnings(chosen: _Sheet, sheets: list[_Sheet], used: list[_Sheet]) -> list[str]:
    """What a facilitator cannot see on the sheets read: hidden sheets, rows, columns and
    cells (each left out, or read when the grid is only whole with it, and said with its
    sheet), and formulas never computed."""
    from atelier.french import count, counted, join, join_few, plural
    from atelier.i18n import current_language, message

    english = current_language() == "en"
    warnings = []
    if chosen.hidden:
        warnings.append(message("import.warn.hidden_sheet_read", name=chosen.title))
    skipped_sheets = [s.title for s in sheets if s.hidden and s is not chosen]
    if skipped_sheets:
        names = join(message("import.place.quoted", name=t) for t in skipped_sheets)
        warnings.append(message("import.warn.hidden_sheets", names=names))
    for sheet in used:
        where = name_places("sheet", [sheet.title])
        sheet.rows_kept()
        for lines, key, words in (
            (
                sheet.left_rows,
                "import.warn.hidden_rows",
                ("hidden row skipped", "hidden rows skipped")
                if english
                else ("ligne masquée ignorée", "lignes masquées ignorées"),
            ),
            (
                sheet.read_rows,
                "import.warn.hidden_rows_read",
                ("hidden row read", "hidden rows read")
                if english
                else ("ligne masquée lue", "lignes masquées lues"),
            ),
        ):
            if lines:
                row_word = plural(len(lines), *(("row", "rows") if english else ("ligne", "lignes")))
                warnings.append(
                    message(
                        key,
                        rows=count(len(lines), *words),
                        sheet=where,
                        lines=f"{row_word} {join_few(lines)}",
                    )
                )
        filtered = _filtered_said(sheet)
        if filtered:
            warnings.append(filtered)
        columns = _hidden_columns_with_text(sheet)
        if columns:
            key = "import.warn.hidden_column" if len(columns) == 1 else "import.warn.hidden_columns"
            if not sheet.columns_read:
                key += "_left"
            warnings.append(message(key, sheet=where, columns=join_few(columns)))
        for why, counted_key in (
            (FORMAT, "n.cell_hidden_by_format"),
            (COLOUR, "n.cell_in_fill_colour"),
            (STRUCK, "n.cell_struck"),
        ):
            unseen = [(line, column) for said, line, column in sheet.left_unseen if said == why]
            if unseen:
                place = where if len(used) > 1 else ""
                places = [cell_place(line, _column_letter(column), place) for line, column in unseen]
                said = left_out_said(counted_key, len(unseen), places)
                if why == STRUCK:  # no secret: what they said, for a facilitator who disagrees
                    said = message("import.warn.struck_text", said=said, texts=_struck_texts(sheet, unseen))
                warnings.append(said)
        # Part of a cell's text left out, the rest read: said as Word's passages are.
        for why, counted_key in ((STRUCK, "n.struck_passage"), (COLOUR, "n.passage_in_fill_colour")):
            runs = [(line, column, words) for said, line, column, words in sheet.left_partial if said == why]
            if runs:
                place = where if len(used) > 1 else ""
                places = [cell_place(line, _column_letter(column), place) for line, column, _w in runs]
                if why == STRUCK:
                    warnings.append(words_said(counted_key, places, [words for _l, _c, words in runs]))
                else:
                    warnings.append(left_out_said(counted_key, len(runs), places))

    def located(title: str, cells: str) -> str:
        """The cells, after their sheet's name when the grid spans several sheets."""
        return f"{name_places('sheet', [title])}, {cells}" if len(used) > 1 else cells

    for sheet in used:
        if sheet.conditional:  # not evaluated (no formula is): said, the text read as it is
            number = sum(len(rules) for _cells, rules in sheet.conditional)
            ranges = [cells for cells, _rules in sheet.conditional]
            cells = ("; " if english else "\u202f; ").join(ranges[:8]) + (" …" if len(ranges) > 8 else "")
            warnings.append(
                message(
                    "import.warn.conditional" if number == 1 else "import.warn.conditionals",
                    rules=format_number(number),
                    cells=located(sheet.title, cells),
                )
            )
        if sheet.uncomputed:
            cells = join_few(sheet.uncomputed)
            warnings.append(
                message(
                    "import.warn.formula" if len(sheet.uncomputed) == 1 else "import.warn.formulas",
                    cells=counted(len(sheet.uncomputed), "n.uncomputed_cell"),
                    where=located(sheet.title, cells),
                )
            )
        if sheet.errors:
            cells = join_few(sheet.errors)
            warnings.append(
                message(
                    "import.warn.formula_errors",
                    cells=counted(len(sheet.errors), "n.error_cell"),
                    where=located(sheet.title, cells),
                )
            )
    return warnings


def _struck_texts(sheet: _Sheet, cells: list[tuple[int, int]]) -> str:
    """« « Financement FSE », « Ingénierie FSE » »: the first eight struck cells' texts."""
    from atelier.french import quoted, shorten
    from atelier.i18n import current_language

    language = current_language()
    by_line = {row.line: row.cells for row in sheet.rows}
    texts = [
        quoted(shorten(by_line[line][column], 60), language)
        for line, column in cells[:8]
        if line in by_line and column < len(by_line[line])
    ]
    return ", ".join(texts) + (", …" if len(cells) > 8 else "")


def _names_who(rows: list[RawRow], header: int, columns: set[int]) -> bool:
    """Whether one of these columns says whom each row is about (the participants, their first
    names): without it the rows would be given to no one, or to the wrong one."""
    from atelier.importers.grid import FIRST_NAME, PARTICIPANT, grid_mapping, number_columns

    mapping = grid_mapping([clean(c) for c in rows[header].cells], number_columns(rows, header)) or {}
    return any(mapping.get(column) in (PARTICIPANT, FIRST_NAME) for column in columns)


def _hidden_columns_with_text(sheet: _Sheet) -> list[str]:
    """The sheet's hidden columns that hold text in the rows kept, each as « D (« Besoins ») »:
    left out, like what the author hid elsewhere, and said; read, and said, when the grid is
    only whole with them."""
    from atelier.i18n import message

    rows = sheet.rows_kept()
    header = find_header(rows)
    headers = rows[header].cells if header is not None else []
    found = []
    for column in sorted(sheet.hidden_columns):
        if not any(column < len(r.cells) and clean(r.cells[column]) for r in rows):
            continue
        title = clean(headers[column]) if column < len(headers) else ""
        quoted = f" ({message('import.place.quoted', name=title[:50])})" if title else ""
        found.append(f"{_column_letter(column)}{quoted}")
    return found


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Formats:
    """A sheet's formats that openpyxl's fast reader does not give: the style of each row
    formatted as a whole (Format › Ligne: `<row s= customFormat=1>`) and of each column
    (`<col style=>`), which a cell with no style of its own shows (LibreOffice does, and Excel
    for each cell typed there since); its conditional formats, each range with its rules
    (the rule's format number, or -1 for a data bar or icons set to show no value)."""

    def __init__(self) -> None:
        self.rows: dict[int, int] = {}
        self.columns: list[tuple[int, int, int]] = []  # (first, last, style), from 0
        self.conditional: list[tuple[str, list[int]]] = []
        # The runs of each text written in its cell (`<is>`, as openpyxl writes a CellRichText;
        # a shared string's come with the cell): (row, column from 0) -> CellRichText.
        self.rich: dict[tuple[int, int], Any] = {}
        # The rows an autofilter with a criterion covers (first, last: below its header row).
        self.filtered: tuple[int, int] | None = None

    def style_of(self, row: int, column: int) -> int:
        """The row's style, else the column's, else none (0)."""
        if row in self.rows:
            return self.rows[row]
        return next((style for first, last, style in self.columns if first <= column <= last), 0)

    def styled(self, sheet: Any, cell: Any, row: int, column: int) -> Any:
        """The cell with its row's or column's style, when it has none of its own."""
        style = self.style_of(row, column)
        if not style:
            return cell
        from openpyxl.cell.read_only import ReadOnlyCell

        return ReadOnlyCell(sheet, row, column + 1, cell.value, cell.data_type, style)


_SheetDetails = tuple[
    set[int],
    set[int],
    dict[tuple[int, int], str],
    dict[int, set[int]],
    dict[int, dict[int, int]],
    _Formats,
    int,
]


def _package_sheet_details(path: Path) -> dict[str, _SheetDetails]:
    """`_sheet_details` of every worksheet of the package (by its name in the zip), each
    refused as soon as it is too long. A part is a worksheet by its root element, wherever
    it lies; any other part is left at its first element."""
    import xml.etree.ElementTree as ET
    import zipfile

    found: dict[str, _SheetDetails] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                if member.filename.endswith(".xml"):
                    with archive.open(member) as source:
                        details = _sheet_details(source, path)
                    if details is not None:
                        found[member.filename] = details
    except (zipfile.BadZipFile, ET.ParseError, OSError, RuntimeError, NotImplementedError):
        raise ImportRefused("import.not_office", path=path, kind=".xlsx") from None
    return found


def _sheet_details(source: IO[bytes], path: Path) -> _SheetDetails | None:
    """What openpyxl's fast reader does not say: the sheet's hidden rows and columns, its formula
    cells that hold no computed value ((row, column) -> « =formula »), the cells merged
    with the one above (row -> columns; the first columns of the first rows only, as many
    as a grid has), and the cells merged across columns (row -> {column: how many}).
    Read from the sheet's XML (the package was checked: no DTD, no bomb); None if it is
    not a worksheet; last, the number of its last row that holds a value (0: none). A sheet
    longer than a grid can be is refused at the row that says so: more rows holding a value
    than `read_xlsx` takes, or a row numbered past Excel's last. Rows of empty cells that
    only carry a format (a template bordered down to row 12,000) are not counted there, and
    nothing of them is kept; all rows are, up to MAX_SCANNED_ROWS."""
    import xml.etree.ElementTree as ET  # checked package, see safety.check_office_zip

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    hidden: set[int] = set()
    hidden_columns: set[int] = set()
    formulas: dict[tuple[int, int], str] = {}
    merged: dict[int, set[int]] = {}
    spans: dict[int, dict[int, int]] = {}
    formats = _Formats()
    row_number = 0
    present = 0  # rows holding a value
    last_filled = 0  # the last of them
    scanned = 0  # rows read, empty or not
    filled = False  # the row being read holds a value
    started = False
    for event, element in ET.iterparse(source, events=("start", "end")):
        if event == "start":
            if not started and element.tag != f"{main}worksheet":
                return None
            started = True
            continue
        if element.tag == f"{main}c":
            formula = element.find(f"{main}f")
            value = element.find(f"{main}v")
            inline = element.find(f"{main}is")
            # Never computed: no value, or an empty one that is not an empty text (a
            # number or a date is never empty; openpyxl writes <v></v> for no value).
            empty = value is None or (not (value.text or "") and element.get("t") not in ("str", "s"))
            if inline is not None and inline.find(f"{main}r") is not None and len(formats.rich) < 100_000:
                from openpyxl.cell.rich_text import CellRichText

                formats.rich[_cell_position(element.get("r") or "", row_number)] = CellRichText.from_tree(
                    inline
                )
            if formula is not None and inline is None and empty:
                reference = element.get("r") or ""
                row, column = _cell_position(reference, row_number)
                formulas[(row, column)] = "=" + (formula.text or "…")
            # A value, a text or a formula; not a cell that only carries a border or a fill.
            filled = (
                filled or formula is not None or inline is not None or bool(value is not None and value.text)
            )
            element.clear()
        elif element.tag == f"{main}row":
            row_number = _int_or(element.get("r"), row_number + 1)
            if row_number > EXCEL_ROWS:
                raise ImportRefused("import.too_many_rows", path=path, limit=format_number(MAX_ROWS))
            scanned += 1
            if scanned > MAX_SCANNED_ROWS:
                raise ImportRefused(
                    "import.too_many_empty_rows", path=path, limit=format_number(MAX_SCANNED_ROWS)
                )
            if filled:  # what a row that holds nothing hides or formats shows nothing
                present += 1
                last_filled = row_number
                if present > MAX_ROWS * 2:
                    raise ImportRefused("import.too_many_rows", path=path, limit=format_number(MAX_ROWS))
                if element.get("hidden") in ("1", "true"):
                    hidden.add(row_number)
                if element.get("customFormat") in ("1", "true") and _int_or(element.get("s"), 0) > 0:
                    formats.rows[row_number] = _int_or(element.get("s"), 0)
            filled = False
            element.clear()
        elif element.tag == f"{main}mergeCell":
            first, _, last = (element.get("ref") or "").partition(":")
            if last:
                top, left = _cell_position(first, 0)
                bottom, right = _cell_position(last, 0)
                if right > left and top <= MAX_ROWS * 2:
                    spans.setdefault(top, {})[left] = right - left + 1
                for row in range(top + 1, min(bottom, MAX_ROWS * 2) + 1):
                    merged.setdefault(row, set()).update(range(left, min(right, left + 64) + 1))
            element.clear()
        elif element.tag == f"{main}col":
            if element.get("hidden") in ("1", "true"):
                low = _int_or(element.get("min"), 1)
                high = min(_int_or(element.get("max"), low), low + 255, 16384)
                hidden_columns.update(range(low - 1, high))
            if _int_or(element.get("style"), 0) > 0 and len(formats.columns) < 1000:
                low = _int_or(element.get("min"), 1)
                high = _int_or(element.get("max"), low)
                formats.columns.append((low - 1, high - 1, _int_or(element.get("style"), 0)))
            element.clear()
        elif element.tag == f"{main}autoFilter":
            # A filter on (a column with a criterion): the rows it hides are a view the
            # facilitator left on, not text hidden on purpose (`read_xlsx` reads them, said).
            first, _, last = (element.get("ref") or "").partition(":")
            if last and element.find(f"{main}filterColumn") is not None:
                formats.filtered = (_cell_position(first, 0)[0] + 1, _cell_position(last, 0)[0])
            element.clear()
        elif element.tag == f"{main}conditionalFormatting":
            rules = []
            for rule in element.iter(f"{main}cfRule"):
                if any(
                    shown.get("showValue") in ("0", "false")
                    for shown in (*rule.iter(f"{main}dataBar"), *rule.iter(f"{main}iconSet"))
                ):
                    rules.append(-1)  # the cell shows a bar or an icon, not its text
                elif rule.get("dxfId") is not None:
                    rules.append(_int_or(rule.get("dxfId"), -2))
            if rules and len(formats.conditional) < 1000:
                formats.conditional.append((" ".join((element.get("sqref") or "").split()), rules))
            element.clear()
    return hidden, hidden_columns, formulas, merged, spans, formats, last_filled


def _int_or(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _cell_position(reference: str, row_number: int) -> tuple[int, int]:
    letters = "".join(c for c in reference if c.isalpha()).upper()
    digits = "".join(c for c in reference if c.isdigit())
    column = 0
    for letter in letters:
        column = column * 26 + (ord(letter) - ord("A") + 1)
    return (int(digits) if digits else row_number + 1, max(column - 1, 0))


# A text as a formula writes it, « "Grand ""Dax""" », and a link to a site with its text on
# screen: =HYPERLINK("https://…";"Grand Dax"), « LIEN_HYPERTEXTE » in a French Excel, its
# arguments parted by « , » as the file stores them or by « ; » as a French user types them.
_FORMULA_STRING = r'"(?:[^"]|"")*"'
_LINK_FORMULA = re.compile(
    rf"\s*=?\s*(?:HYPERLINK|LIEN_HYPERTEXTE)\s*\(\s*({_FORMULA_STRING})\s*[,;]\s*({_FORMULA_STRING})\s*\)\s*",
    re.IGNORECASE,
)
_STRING_FORMULA = re.compile(rf"\s*=?\s*({_FORMULA_STRING})\s*")


def _formula_shows(formula: str) -> str | None:
    """The text a formula Excel never computed shows once it is, when the formula writes it
    out: a text (« ="Grand Dax" ») or a link given as text with its text on screen
    (« =HYPERLINK("https://…";"Grand Dax") »); else None (« =CONCATENATE(…) », a link to a
    cell's address, a link with no text of its own, which shows its address): left out."""
    found = _LINK_FORMULA.fullmatch(formula) or _STRING_FORMULA.fullmatch(formula)
    if found is None:
        return None
    text = _formula_text(found.groups()[-1])
    return text if text.strip() else None


def _formula_text(written: str) -> str:
    """A text as a formula writes it, in quotes, each of its own doubled, as it shows:
    « Grand "Dax" »."""
    return written[1:-1].replace('""', '"')


def _excel_text(cell: Any) -> str:
    """The cell as the sheet shows it: its number format applied (« 25 % », « 16/03/2021 »,
    « VRAI »), as the participant wrote it and the room saw it (`excel_format`)."""
    value = cell.value
    if isinstance(value, list):  # a text of runs (openpyxl's CellRichText)
        return str(value)
    if value is None or isinstance(value, str):
        return value or ""
    from atelier.importers.excel_format import shown

    number_format = getattr(cell, "number_format", None)
    if isinstance(value, datetime.date) and _ISO_FORMAT.fullmatch((number_format or "").replace("\\", "")):
        # A date written by a tool (openpyxl, pandas: « yyyy-mm-dd h:mm:ss ») in a French grid:
        # the date as the participant said it, « 15/01/2023 », not « 2023-01-15 0:00:00 ».
        return _french_date(value)
    return shown(value, number_format)


# The ISO formats tools give a date they write (none a facilitator picks in Excel's French menus).
_ISO_FORMAT = re.compile(r"yyyy-mm-dd(?:[ tT]h{1,2}:mm(?::ss)?)?", re.IGNORECASE)


def _french_date(value: datetime.date) -> str:
    """« 15/01/2023 », with the time when there is one: « 15/01/2023 14:30 »."""
    day = value.strftime("%d/%m/%Y")
    if not isinstance(value, datetime.datetime) or value.time() == datetime.time(0, 0):
        return day
    return f"{day} {value.strftime('%H:%M:%S' if value.second else '%H:%M')}"


# ------------------------------------------------------------------------ CSV


def decode_text(path: Path, warnings: list[str] | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as French Excel saves.

    A UTF-8 file with a few bytes that are not UTF-8 (one cell pasted from an older file)
    stays UTF-8: each stray byte is read as Windows-1252 would, and said with its line, so
    the rest of the file is never garbled. Line endings made \\n, control characters removed;
    a vertical tab, a form feed or U+2028 stays, a line break inside a cell that
    atelier.domain.normalise_text makes \\n once the rows are split (atelier.domain.rows_text).
    """
    from atelier.domain import rows_text

    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return rows_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ImportRefused("import.encoding", path=path) from None
    start = data[:4096]
    if start.count(0) > max(2, len(start) // 16):  # UTF-16 without its mark, or binary
        raise ImportRefused("import.encoding", path=path)
    try:
        return rows_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    mixed = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    stray = [i for i, ch in enumerate(mixed) if "\udc80" <= ch <= "\udcff"]
    multibyte = sum(1 for ch in mixed if ord(ch) > 0x7F) - len(stray)
    # UTF-8 with a few stray bytes (repaired one by one), or a Windows-1252 file in which a
    # pair of letters happens to be valid UTF-8 (then nearly every accent is a stray byte).
    if multibyte and len(stray) <= max(10, multibyte):
        return rows_text(_repair_stray_bytes(mixed, stray, warnings))
    text = _windows_or_mac(data, path, warnings)
    # Control characters other than tab and newlines: binary, not a spreadsheet export.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\x0b\x0c")
    if controls > max(3, len(text) // 200):
        raise ImportRefused("import.encoding", path=path)
    return rows_text(text)


# Lowercase French letters: many in a French grid read in its own encoding, none in one read
# in the other (Mac Roman's « é » is Windows-1252's « Ž », Windows-1252's « é » Mac Roman's « È »).
_FRENCH_LOWER = frozenset("éèêëàâîïôûùüçœ")


def _windows_or_mac(data: bytes, path: Path, warnings: list[str] | None) -> str:
    """Windows-1252, as French Excel saves, or Mac Roman, as Excel for Mac saves « CSV »
    (« Élodie » read as Windows-1252 was « ƒlodie », and an « è » made the file unreadable):
    the one that reads more French letters, Mac Roman said in a warning, to be checked."""
    try:
        windows: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        windows = None
    mac = data.decode("mac_roman")  # every byte has a character

    def french(text: str) -> int:
        return sum(1 for ch in text if ch in _FRENCH_LOWER)

    if windows is not None and french(windows) >= french(mac):
        return windows
    if windows is None and not french(mac):
        raise ImportRefused("import.encoding", path=path)
    if warnings is not None:
        from atelier.i18n import message

        warnings.append(message("import.warn.mac_roman"))
    return mac


def _repair_stray_bytes(text: str, stray: list[int], warnings: list[str] | None) -> str:
    from atelier.i18n import message

    pieces = []
    last = 0
    for position in stray:
        byte = ord(text[position]) - 0xDC00
        try:
            repaired = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            repaired = "\ufffd"
        pieces.append(text[last:position])
        pieces.append(repaired)
        last = position + 1
        if warnings is not None and len(warnings) < 20:
            line = text.count("\n", 0, position) + 1
            said = message("import.warn.stray_byte", line=line, byte=f"0x{byte:02X}", char=repaired)
            if said not in warnings:  # « été » on one line: said once, not twice the same
                warnings.append(said)
    pieces.append(text[last:])
    if warnings is not None and len(stray) > 20:
        from atelier.french import counted

        warnings.append(counted(len(stray) - 20, "n.more_stray_bytes"))
    return "".join(pieces)


_EXCEL_SEP = re.compile(r"sep=(.)[ \t]*", re.IGNORECASE)


def _declared_delimiter(text: str) -> tuple[str | None, str]:
    """Excel's « sep=; » first line names the separator: that one, and the text with the line
    left blank (a grid, not the workshop's title; the lines keep their numbers)."""
    first, newline, rest = text.partition("\n")
    found = _EXCEL_SEP.fullmatch(first.strip("\ufeff"))
    if found is None or found.group(1) in '"\n':
        return None, text
    return found.group(1), newline + rest


# The separators a CSV grid is read by, the first preferred at equal reading: French Excel's
# « ; », a tab, « , », and the « | » some exports and databases write.
DELIMITERS = (";", "\t", ",", "|")


def _choose_delimiter(text: str) -> tuple[str, int]:
    """The separator under which the most lines of the file read as one table: rows of one
    width, its header among them, and that width.

    A title line with commas above a « ; » grid is not the grid; a « ; » grid whose long cells
    all hold the same commas makes rows of one width by « , » too, but its header is one cell
    by « , » and five by « ; »: « ; » reads one line more as the table. Lines, not cells,
    are counted: wider rows are no better rows. A quoted cell of several lines is one record
    of several lines: five lines of a cell with one « ; » each in a « , » grid of three
    people are five lines by « ; », the grid's header and rows six by « , ». At equal lines,
    the reading whose lines follow each other, then the one that honours quoted cells (fewer
    records for the same lines) comes first."""
    from collections import Counter

    sample = text[:200_000]
    best: tuple[int, int, int, int, int] = (-1, 0, 0, 0, 0)
    chosen, width = ";", 1
    for rank, delimiter in enumerate(DELIMITERS):
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
        records: list[tuple[int, int]] = []  # (cells, lines) of each record that is not blank
        try:
            before = 0
            for _, record in zip(range(300), reader, strict=False):
                if any(c.strip() for c in record):
                    records.append((len(record), reader.line_num - before))
                before = reader.line_num
        except csv.Error:
            continue
        wide = Counter(n for n, _ in records if n > 1)
        if not wide:
            continue
        columns, _count = max(wide.items(), key=lambda kv: (kv[1], kv[0]))
        table = [lines for n, lines in records if n == columns]
        # A table's lines follow each other: a title and a row of one width with the header
        # between them, cut otherwise, are not a table.
        at = [i for i, (n, _lines) in enumerate(records) if n == columns]
        gaps = at[-1] - at[0] + 1 - len(at)
        score = (sum(table), -gaps, -len(table), columns, -rank)
        if score > best:
            best, chosen, width = score, delimiter, columns
    return chosen, width


def read_csv(path: Path) -> RawTable:
    warnings: list[str] = []
    text = decode_text(path, warnings)
    declared, text = _declared_delimiter(text)
    if not text.strip(" \t\n;,"):  # blank lines, spaces and separators only
        raise ImportRefused("import.empty", path=path)
    # A long cell is a cell, from the choice of the separator on: under csv's default limit
    # (128 KiB a field) every separator but the fallback « ; » failed on it, and a « , » grid
    # was read as one column (tests/test_long_cells.py).
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    delimiter, width = _choose_delimiter(text)
    if declared is not None and declared != delimiter:
        delimiter, width = declared, _width(text, declared)
    elif declared is None and (other := _other_separator(text, delimiter, width)) is not None:
        raise ImportRefused("import.unknown_separator", path=path, separator=other)
    rows = _csv_rows(text, delimiter, width, warnings, path)
    return RawTable(rows, [], "csv", warnings, separator=delimiter)


def read_pasted(text: str) -> RawTable:
    """Rows copied from a spreadsheet or a Word table and pasted (cells separated by tabs,
    rows by line breaks; a cell of several lines in quotes, as Excel copies it), read as
    a tab-separated file is: the same rows for plan_grid, the same warnings."""
    from atelier.domain import rows_text

    warnings: list[str] = []
    text = rows_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    rows = _csv_rows(text, "\t", _width(text, "\t"), warnings, Path())
    return RawTable(rows, [], "paste", warnings, separator="\t")


# Characters of running text, never taken for a separator the file would use instead.
_IN_TEXT = frozenset("\"'’-./()«»…!?&@+=*%°")


def _other_separator(text: str, delimiter: str, width: int) -> str | None:
    """The character that separates the file's columns when none of DELIMITERS does (« # »,
    « : »), or None: one that more lines hold the same number of times (twice or more,
    three columns) than the lines the rows of one width stand on, read by the best known
    separator. A « ; » typed in two cells of a « # » grid is no separator, nor a « : »
    repeated on each line of a cell of several lines in a « ; » grid."""
    from collections import Counter

    lines = [line for line in text[:200_000].split("\n")[:300] if line.strip()]
    reader = csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=delimiter, strict=False)
    rows = 0  # the lines the rows of that width stand on (a quoted cell of three lines: three)
    try:
        before = 0
        for record in reader:
            if width > 1 and len(record) == width:
                rows += reader.line_num - before
            before = reader.line_num
    except csv.Error:
        rows = 0
    found, most = None, max(rows, 1)
    for character in sorted({c for c in "".join(lines[:5]) if not c.isalnum() and not c.isspace()}):
        if character in _IN_TEXT or character in DELIMITERS:
            continue
        count, lines_with = Counter(line.count(character) for line in lines).most_common(1)[0]
        if count >= 2 and lines_with > most:
            found, most = character, lines_with
    return found


def _width(text: str, delimiter: str) -> int:
    """The number of cells most rows have, read by this separator."""
    from collections import Counter

    reader = csv.reader(io.StringIO(text[:200_000], newline=""), delimiter=delimiter, strict=False)
    try:
        widths = Counter(
            len(r) for _, r in zip(range(300), reader, strict=False) if any(c.strip() for c in r)
        )
    except csv.Error:
        return 1
    return max(widths.items(), key=lambda kv: (kv[1], kv[0]))[0] if widths else 1


def _csv_rows(text: str, delimiter: str, width: int, warnings: list[str], path: Path) -> list[RawRow]:
    """The records, with a quote never closed read as a character: it would otherwise
    swallow every following row into one cell."""
    from atelier.importers.said import said

    lines = text.split("\n")
    rows: list[RawRow] = []
    filled = 0  # records holding text
    start = 0  # index of the first line not read yet
    while start < len(lines):
        reader = csv.reader(
            io.StringIO("\n".join(lines[start:]), newline=""), delimiter=delimiter, strict=False
        )
        read = 0  # lines consumed by good records
        broken: int | None = None
        try:
            for record in reader:
                first = start + read + 1  # line numbers, from 1
                last = start + reader.line_num
                # Lines of separators only (« ;;;; », as Excel saves the empty rows a template
                # formats) are no rows of a grid: MAX_ROWS counts the others.
                filled += bool("".join(record).strip())
                if filled > MAX_ROWS * 2:
                    raise ImportRefused("import.too_many_rows", path=path, limit=format_number(MAX_ROWS))
                if len(rows) >= MAX_SCANNED_ROWS:
                    raise ImportRefused(
                        "import.too_many_empty_rows", path=path, limit=format_number(MAX_SCANNED_ROWS)
                    )
                if last > first and _unclosed(lines[first - 1 : last], delimiter, width):
                    broken = first
                    break
                rows.append(RawRow(first, list(record)))
                read = reader.line_num
        except csv.Error:
            broken = start + read + 1
        if broken is None:
            break
        line = lines[broken - 1]
        (record,) = list(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE))
        rows.append(RawRow(broken, [_unquoted(c) for c in record]))
        warnings.append(said("import.warn.unclosed_quote", line=broken))  # a paste names its row
        start = broken
    for row in rows:
        _formulas_out(row)
    return rows


def _formulas_out(row: RawRow) -> RawRow:
    """« =SOMME(A2:A5) », « =A2+B2 »: a spreadsheet's formula copied as text is no one's words
    (a row of totals was a participant « SOMME(A2:A5) »): left out as an Excel formula never
    computed is, and so is a row whose participant it was, the formula kept for the import to
    say (`RawRow.left_out`). A formula that writes out the text it shows is that text, as a
    spreadsheet shows it: a link's (« =HYPERLINK("https://…";"Mission locale") » is « Mission
    locale », its address kept to say that it was left out), a text's (« ="Garde d""enfants" »).
    The row, changed in place."""
    for column, cell in enumerate(row.cells):
        formula = cell.strip()
        if not formula.startswith("="):
            continue
        shown = _formula_shows(formula)
        if shown is not None and not _FORMULA.fullmatch(shown.strip()):
            row.cells[column] = shown  # text, never a formula: exported, it is written as text
            if link := _LINK_FORMULA.fullmatch(formula):
                row.left_out[column] = _formula_text(link.group(1))
        elif _FORMULA.fullmatch(formula):
            row.cells[column] = ""
            row.unread[column] = UNCOMPUTED
            row.left_out[column] = formula
    return row


# A spreadsheet's formula as Excel or LibreOffice show it: a function in capitals and its
# arguments (« =SOMME(A2:A5) », « =NB.SI(B2:B9;"x") », « =LIEN_HYPERTEXTE(…) »), or cells and numbers computed
# (« =A2+B2 », « =$C$3*2 »). « =Marie Curie », « => réussir … », « = priorité … » are words.
_CELL = r"\$?[A-Z]{1,3}\$?\d+"
_FORMULA = re.compile(
    rf"=(?:[A-ZÀ-Ý][A-ZÀ-Ý0-9._]*\(.*\)|(?:{_CELL}|\d+(?:[.,]\d+)?)(?:[-+*/&^:](?:{_CELL}|\d+(?:[.,]\d+)?))+|{_CELL})",
    re.DOTALL,
)


def _unclosed(raw: list[str], delimiter: str, width: int) -> bool:
    """Whether a record spanning several lines is a quote left open rather than a cell
    with line breaks: its quotes do not pair up, or it spans three lines or more and each,
    read without quotes, is a whole row of the grid (as many cells as the grid has
    columns): a second stray quote closed the first and swallowed the rows between. A
    cell's own lines start or end inside that cell (« Élodie;"Forum », « un café";Clauses »),
    so whatever commas their text holds (« Partenaires : CAF, MSA, Région ») they are not
    all whole rows; a cell of two lines, the second with as many commas as a row, is still
    a cell: a valid file is read as written."""
    if sum(line.count('"') for line in raw) % 2:
        return True
    return (
        len(raw) >= 3
        and width >= 2
        and all(
            len(next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])) == width
            for line in raw
        )
    )


def _unquoted(cell: str) -> str:
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"')
    return cell


# --------------------------------------------------------------- HTML / text


_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
)
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.IGNORECASE)
_STRIKING = re.compile(r"text-decoration(?:-line)?\s*:[^;}]*line-through", re.IGNORECASE)
_STRUCK_TAGS = frozenset(("s", "strike", "del"))  # struck through; <del>: deleted, Word's tracked too
HIDDEN = "hidden"


def _style_sheets(page: str) -> list[str]:
    """The text of each `<style>` of the page, found in one pass (a page of unclosed tags
    costs no more than its length); one never closed runs to the end of the page."""
    lowered = page.lower()
    sheets, at = [], 0
    while (start := lowered.find("<style", at)) >= 0:
        opened = lowered.find(">", start)
        if opened < 0:
            break
        end = lowered.find("</style", opened)
        end = len(page) if end < 0 else end
        sheets.append(page[opened + 1 : end])
        at = end + 1
    return sheets


def _css_rules(sheet: str) -> list[tuple[str, str]]:
    """The style sheet's rules at its top level, (selectors, declarations), in one pass:
    comments and HTML comment marks out, an at-rule's block (`@media print { … }`) skipped
    whole, a rule never closed ending the sheet."""
    kept, at = [], 0
    while (start := sheet.find("/*", at)) >= 0:  # comments, one never closed to the end
        kept.append(sheet[at:start])
        end = sheet.find("*/", start + 2)
        at = len(sheet) if end < 0 else end + 2
    kept.append(sheet[at:])
    text = "".join(kept).replace("<!--", " ").replace("-->", " ")
    rules: list[tuple[str, str]] = []
    at = 0
    while (brace := text.find("{", at)) >= 0:
        selectors = text[at:brace].rsplit(";", 1)[-1]  # after an « @import …; » or stray text
        if selectors.strip().startswith("@"):
            depth, at = 1, brace + 1
            while depth and at < len(text):
                found = min((i for i in (text.find("{", at), text.find("}", at)) if i >= 0), default=-1)
                if found < 0:
                    return rules
                depth += 1 if text[found] == "{" else -1
                at = found + 1
            continue
        close = text.find("}", brace)
        if close < 0:
            break
        rules.append((selectors, text[brace + 1 : close]))
        at = close + 1
    return rules


class _StyleSheet:
    """The classes a page's style sheets (`<style>`) hide (`display:none`, `visibility:hidden`,
    Word's `mso-hide:all`) or strike through (`text-decoration: line-through`), from rules
    whose selector is a class, alone or on a tag (`.brouillon`, `span.caduc`, several
    separated by commas). Not told: other selectors (an id, a descendant, an attribute), rules
    inside `@media`, a linked style sheet, a later rule that shows again what one hides; the
    text they style is read."""

    def __init__(self, page: str = "") -> None:
        self.hiding: set[tuple[str, str]] = set()  # (tag or "", class)
        self.striking: set[tuple[str, str]] = set()
        for sheet in _style_sheets(page[:2_000_000]):
            for selectors, body in _css_rules(sheet):
                hides, strikes = bool(_HIDING.search(body)), bool(_STRIKING.search(body))
                for selector in selectors.split(","):
                    found = re.fullmatch(r"\s*([A-Za-z][\w-]*)?\.([\w-]+)\s*", selector)
                    if found is None:
                        continue
                    key = ((found.group(1) or "").lower(), found.group(2))
                    if hides:
                        self.hiding.add(key)
                    if strikes:
                        self.striking.add(key)

    def kind(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        """HIDDEN for an element its own attributes or a class hide (`hidden`, a style saying
        `display:none`, `visibility:hidden` or `mso-hide:all`) and for a `<template>`; STRUCK for
        one struck through (<s>, <strike>, <del>, `line-through`); None for one that shows."""
        if tag in _VOID:
            return None
        style = " ".join(value for name, value in attrs if name == "style" and value)
        classes = [c for name, value in attrs if name == "class" and value for c in value.split()]

        def by_class(rules: set[tuple[str, str]]) -> bool:
            return any(("", c) in rules or (tag, c) in rules for c in classes)

        if tag == "template":  # inert: a browser never shows what a <template> holds
            return HIDDEN
        if any(name == "hidden" for name, _value in attrs) or _HIDING.search(style) or by_class(self.hiding):
            return HIDDEN
        if tag in _STRUCK_TAGS or _STRIKING.search(style) or by_class(self.striking):
            return STRUCK
        return None


class _TableParser(HTMLParser):
    """The rows of the page's tables (those inside a cell stay in its text), each cell kept as
    its inner HTML, and the text above the first table.

    What the page does not show, or shows struck through, is left out: an element whose own
    style or class hides it (`_StyleSheet`), text struck through (<s>, <strike>, <del>,
    `line-through`), the style sheet, scripts. Each passage left out that holds text is kept
    with where it was and its words (`left`: its kind, then table number from 1, its row and
    column, or (0, 0, 0) above the first table).
    """

    def __init__(self, sheet: _StyleSheet | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.sheet = sheet or _StyleSheet()
        self.tables: list[list[list[str]]] = []
        # Each cell's `rowspan` and `colspan`, as `tables` (`_laid_out` places them).
        self.spans: list[list[list[tuple[int, int]]]] = []
        self._row_spans: list[tuple[int, int]] = []
        self.preamble: list[str] = []
        self.below: list[str] = []  # the paragraphs after the page's last table
        self.left: list[tuple[str, tuple[int, int, int], str]] = []
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._text: list[str] = []
        self._skipped = 0  # inside <style> or <script>
        self._hiding: list[str] = []  # the element left out's tag, then each same tag opened in it
        self._hiding_kind = HIDDEN
        self._hidden_words: list[str] = []  # what the element left out says
        self._muted: list[str] = []  # an element hidden inside it, as `_hiding`
        self._hidden_place: tuple[int, int, int] | None = None  # and where it opened
        self._cell_spans = (1, 1)

    @property
    def hidden(self) -> list[tuple[int, int, int]]:
        return [place for kind, place, _words in self.left if kind == HIDDEN]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skipped += 1
            return
        kind = None
        if self._hiding:
            if tag == self._hiding[0]:
                self._hiding.append(tag)
            self._mute(tag, attrs, self._hiding_kind)
        else:
            kind = self.sheet.kind(tag, attrs)
        self._open(tag, attrs)
        if kind is not None:
            self._hiding, self._hiding_kind = [tag], kind
            self._hidden_words, self._muted = [], []
            self._hidden_place = self._place()

    def _mute(self, tag: str, attrs: list[tuple[str, str | None]], kind: str) -> None:
        """Inside a passage struck through, an element hidden: its words are not said with
        the passage's (what its author hid stays out of sight)."""
        if self._muted:
            if tag == self._muted[0]:
                self._muted.append(tag)
        elif kind == STRUCK and self.sheet.kind(tag, attrs) == HIDDEN:
            self._muted = [tag]

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush_text()  # the text before it: above the first table, else between two
                self.below = []
                self.tables.append([])
                self.spans.append([])
                return
        if self._depth == 1 and tag == "tr":
            self._row = []
            self._row_spans = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._cell = []
            self._cell_spans = (_span(attrs, "rowspan", MAX_ROWS), _span(attrs, "colspan", MAX_SPAN))
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")
        elif self._depth == 0 and tag in ("p", "br", "h1", "h2", "h3", "div", "title"):
            self._flush_text()

    def _place(self) -> tuple[int, int, int] | None:
        """Where the parser is, as `left` says it: (0, 0, 0) above the first table; the
        table's number, its row and column (0: the whole table or row); None between tables
        (text that is not read)."""
        if not self.tables:
            return (0, 0, 0)
        if self._depth < 1:
            return None
        table = len(self.tables)
        if self._row is None:
            return (table, 0, 0)
        row = len(self.tables[-1]) + 1
        return (table, row, 0) if self._cell is None else (table, row, len(self._row) + 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skipped = max(0, self._skipped - 1)
            return
        if self._muted and tag == self._muted[0]:
            self._muted.pop()
        if self._hiding and tag == self._hiding[0]:
            self._hiding.pop()
            words = " ".join(html.unescape("".join(self._hidden_words)).split())
            if not self._hiding and words and self._hidden_place is not None:
                self.left.append((self._hiding_kind, self._hidden_place, words))
        if tag == "table":
            self._depth = max(0, self._depth - 1)
            return
        if self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            if self._row is not None:
                self._row.append("".join(self._cell))
                self._row_spans.append(self._cell_spans)
            self._cell = None
        elif self._depth == 1 and tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self.spans[-1].append(self._row_spans)
            self._row = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")
        elif self._depth == 0 and tag in ("p", "h1", "h2", "h3", "div", "title"):
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self._skipped:
            return
        if self._hiding:
            if not self._muted:
                self._hidden_words.append(data)
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._depth == 0:
            self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        # « R&D » typed as it is: « &D » is no entity, and the « ; » was never there.
        from html.entities import html5

        self.handle_data(f"&{name};" if f"{name};" in html5 else f"&{name}")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def _flush_text(self) -> None:
        text = clean("".join(self._text))
        self._text = []
        if text and not self.tables:
            self.preamble.append(text)
        elif text:
            self.below.append(text)

    def close(self) -> None:
        super().close()
        self._flush_text()  # the page's last words, in no paragraph closed


MAX_SPAN = 64  # columns a cell may span (an Excel range is read as far)


def _span(attrs: list[tuple[str, str | None]], name: str, limit: int) -> int:
    """A cell's `rowspan` or `colspan` as a browser reads it: its leading digits, 1 when
    there are none or they say 0 (`rowspan="0"`, to the table's end, is read as 1), at most
    `limit`."""
    value = next((v for k, v in attrs if k == name), None) or ""
    digits = re.match(r"\s*(\d{1,7})", value)
    return min(max(1, int(digits.group(1))), limit) if digits else 1


def _laid_out(
    rows: list[list[str]], spans: list[list[tuple[int, int]]]
) -> list[tuple[list[str], frozenset[int], int, dict[int, int], list[int]]]:
    """A table's rows placed as a browser shows them, as Word's reader gives its rows: each
    cell in the column it shows in, a cell spanning columns read once (the columns after it
    empty), a cell merged down (`rowspan`) empty in the rows below with its columns among
    those merged with the cell above. Each row with those columns, the number of columns its
    first cell spans, each cell spanning several columns (its column -> how many) and the
    column each of its own cells was placed in."""
    below: dict[int, int] = {}  # column -> how many more rows a cell above covers
    widths: dict[int, int] = {}  # column where a cell merged down starts -> the columns it spans
    found = []
    for cells, sizes in zip(rows, spans, strict=True):
        row = _LaidRow(below, widths)
        column = 0
        for text, (down, across) in zip(cells, sizes, strict=True):
            column = row.cover(column)
            row.pad(column)
            if column == 0:
                row.first_span = across
            if across > 1:
                row.spans[column] = across
            row.placed.append(column)
            row.texts.append(text)
            row.texts.extend([""] * (across - 1))
            if down > 1:
                widths[column] = across
                for c in range(column, column + across):
                    below[c] = down - 1
            column += across
        row.cover(column)
        # Cells merged down from above past the row's own last cell (a shorter row).
        for start in sorted(c for c, n in below.items() if n > 0 and c in widths and c >= len(row.texts)):
            row.cover(start)
        found.append((row.texts, frozenset(row.merged), max(row.first_span, 1), row.spans, row.placed))
    return found


class _LaidRow:
    """One row of an HTML table being placed (`_laid_out`)."""

    def __init__(self, below: dict[int, int], widths: dict[int, int]) -> None:
        self.below, self.widths = below, widths
        self.texts: list[str] = []
        self.merged: set[int] = set()
        self.spans: dict[int, int] = {}
        self.placed: list[int] = []
        self.first_span = 0

    def pad(self, column: int) -> None:
        self.texts.extend([""] * (column - len(self.texts)))

    def cover(self, column: int) -> int:
        """Fills the columns from `column` that cells above still cover (empty, merged with
        the cell above); the next column free."""
        while self.below.get(column, 0) > 0:
            width = self.widths.get(column, 1)
            self.pad(column)
            self.texts.extend([""] * width)
            self.merged.update(range(column, column + width))
            if column == 0:
                self.first_span = width
            for c in range(column, column + width):
                self.below[c] = max(0, self.below.get(c, 0) - 1)
            column += width
        return column


def read_text_grid(path: Path) -> RawTable:
    """An HTML table, or tab-separated rows whose cells are HTML fragments (a Word export)."""
    warnings: list[str] = []
    text = decode_text(path, warnings)
    sheet = _StyleSheet(text if "<style" in text.lower() else "")
    if "<table" in text.lower() or "<tr" in text.lower():
        parser = _TableParser(sheet)
        parser.feed(text)
        parser.close()
        found = _html_grid(parser)
        if found is not None:
            rows, more = found
            # Notes typed under the grid: no part of it, said rather than dropped unseen.
            more += text_below_said(parser.below, last_of_several=len(parser.tables) > 1)
            return RawTable(rows, parser.preamble, "html", warnings + more)
    if _spreadsheet_text(text):
        # Excel's « Texte Unicode » and « Texte (séparateur : tabulation) »: a cell of several
        # lines is quoted, as in a CSV file, and read as one (its second line was a row).
        rows = _csv_rows(text, "\t", _width(text, "\t"), warnings, path)
        return RawTable(rows, [], "txt", warnings, separator="\t")
    rows = []
    preamble = []
    left: dict[str, list[tuple[str, str]]] = {HIDDEN: [], STRUCK: []}  # (place, words) of each passage
    # Rows end at \\n only: str.splitlines() would also cut a row at a vertical tab or a
    # form feed, which are line breaks inside a cell (decode_text).
    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            cells = []
            unread = {}  # a row whose participant cell is hidden text is no one's
            for column, fragment in enumerate(line.split("\t"), start=1):
                shown, passages = _shown_html(fragment, sheet)
                for kind, words in passages:
                    left[kind].append((cell_place(number, column), words))
                    unread[column - 1] = UNSHOWN if kind == HIDDEN else STRUCK
                cells.append(shown)
            rows.append(_formulas_out(RawRow(number, cells, unread=unread)))
        elif line.strip() and not rows:
            shown, passages = _shown_html(line, sheet)
            for kind, words in passages:
                left[kind].append((_above_table(), words))
            preamble.append(shown)
    if not rows:
        raise ImportRefused("import.no_table", path=path)
    warnings.extend(_left_said(left))
    return RawTable(rows, preamble, "txt", warnings, separator="\t")


# A cell a spreadsheet quoted because it holds quotes of its own, each doubled.
_EXCEL_QUOTED = re.compile(r'"(?:[^"]|"")*""(?:[^"]|"")*"')


def _spreadsheet_text(text: str) -> bool:
    """Whether tab-separated text was saved by a spreadsheet: no HTML fragment in it (a Word
    export's cells are), and a quoted cell of several lines, its quotes paired (not a quote
    left open that would swallow whole rows: `_unclosed`), or a quoted cell whose own quotes
    are doubled, as Excel writes « Le "aller vers" »."""
    if re.search(r"<[A-Za-z/!]", text):
        return False
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))  # a long cell is a cell
    width = _width(text, "\t")
    if width < 2:
        return False
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text[:200_000], newline=""), delimiter="\t", strict=False)
    before = 0
    try:
        for _, record in zip(range(300), reader, strict=False):
            spans = lines[before : reader.line_num]
            if len(spans) > 1 and len(record) > 1 and not _unclosed(spans, "\t", width):
                return True
            if len(spans) == 1 and any(_EXCEL_QUOTED.fullmatch(cell) for cell in spans[0].split("\t")):
                return True
            before = reader.line_num
    except csv.Error:
        return False
    return False


def _left_said(left: dict[str, list[tuple[str, str]]]) -> list[str]:
    """What a page hid (said with its places: what its author hid is not shown on a screen)
    and struck through (with its words too, for a facilitator who disagrees)."""
    said = []
    if left.get(HIDDEN):
        said.append(left_out_said("n.hidden_passage", len(left[HIDDEN]), [p for p, _w in left[HIDDEN]]))
    if left.get(STRUCK):
        said.append(
            words_said("n.struck_passage", [p for p, _w in left[STRUCK]], [w for _p, w in left[STRUCK]])
        )
    return said


def _above_table() -> str:
    """« au-dessus du tableau »: where a hidden passage of the lines above the grid was."""
    from atelier.i18n import message

    return message("import.place.above_table")


class _Shown(HTMLParser):
    """Where, in an HTML fragment of one line, what it hides or strikes through is
    (`_TableParser`'s rule, and <style>, <script>): `cuts`, each (start, end) in the fragment;
    `passages`, the kind and words of each that held text. The rest of the fragment is kept
    exactly as typed (« R&D » stays « R&D »)."""

    def __init__(self, fragment: str, sheet: _StyleSheet) -> None:
        super().__init__(convert_charrefs=False)
        self.fragment = fragment
        self.sheet = sheet
        self.cuts: list[tuple[int, int]] = []
        self.passages: list[tuple[str, str]] = []
        self._hiding: list[str] = []
        self._kind = HIDDEN
        self._start = 0
        self._words: list[str] = []
        self._muted: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hiding:
            if tag == self._hiding[0]:
                self._hiding.append(tag)
            if self._muted:  # an element hidden inside a passage struck: its words not said
                if tag == self._muted[0]:
                    self._muted.append(tag)
            elif self._kind == STRUCK and self.sheet.kind(tag, attrs) == HIDDEN:
                self._muted = [tag]
            return
        kind = "code" if tag in ("style", "script") else self.sheet.kind(tag, attrs)
        if kind is not None:  # a style sheet is no passage of text
            self._hiding, self._kind, self._words, self._muted = [tag], kind, [], []
            self._start = self.getpos()[1]  # where the tag starts (the fragment is one line)

    def handle_endtag(self, tag: str) -> None:
        if self._muted and tag == self._muted[0]:
            self._muted.pop()
        if self._hiding and tag == self._hiding[0]:
            self._hiding.pop()
            if not self._hiding:
                at = self.getpos()[1]
                closing = self.fragment.find(">", at)
                self.cuts.append((self._start, len(self.fragment) if closing < 0 else closing + 1))
                self._said()

    def _said(self) -> None:
        words = " ".join(html.unescape("".join(self._words)).split())
        if words and self._kind != "code":
            self.passages.append((self._kind, words))

    def handle_data(self, data: str) -> None:
        if self._hiding and not self._muted:
            self._words.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def close(self) -> None:
        super().close()
        if self._hiding:  # an element left out never closed in the fragment: out to its end
            self.cuts.append((self._start, len(self.fragment)))
            self._said()
            self._hiding = []


def _shown_html(fragment: str, sheet: _StyleSheet | None = None) -> tuple[str, list[tuple[str, str]]]:
    """The fragment without what it hides or strikes through, and the kind and words of each
    passage taken out: unchanged (not parsed) when nothing in it can."""
    lowered = fragment.lower()
    sheet = sheet or _StyleSheet()
    if "<" not in fragment or not (
        "hidden" in lowered
        or "none" in lowered
        or "<s" in lowered
        or "<del" in lowered
        or "line-through" in lowered
        or ("class" in lowered and (sheet.hiding or sheet.striking))
    ):
        return fragment, []
    parser = _Shown(fragment, sheet)
    parser.feed(fragment)
    parser.close()
    if not parser.cuts:
        return fragment, []
    kept, at = [], 0
    for start, end in parser.cuts:
        kept.append(fragment[at:start])
        at = max(at, end)
    kept.append(fragment[at:])
    return "".join(kept), parser.passages


def _html_grid(parser: _TableParser) -> tuple[list[RawRow], list[str]] | None:
    """The page's grid as the Word importer reads a document's: the first table that reads
    like a grid (else the first one), with the later tables of the same columns (a table per
    participant, a grid per half-day); a later grid of other columns and a table that is no
    grid are said, not dropped unseen; passages hidden or struck through said with where and
    their words."""
    from atelier.i18n import message

    # Each table's rows placed as a browser shows them (`rowspan`, `colspan`), then read as
    # Word's merged cells are; the column each cell of the page was placed in.
    laid = [_laid_out(table, spans) for table, spans in zip(parser.tables, parser.spans, strict=True)]
    unread = {
        (t, line, laid[t - 1][line - 1][4][column - 1]): UNSHOWN if kind == HIDDEN else STRUCK
        for kind, (t, line, column), _words in reversed(parser.left)
        if column and line <= len(laid[t - 1]) and column <= len(laid[t - 1][line - 1][4])
    }
    candidates = [
        (
            number,
            [
                RawRow(
                    line,
                    cells,
                    merged=merged,
                    first_span=first_span,
                    spans=spans,
                    unread={
                        c: unread[(number, line, c)] for c in range(len(cells)) if (number, line, c) in unread
                    },
                )
                for line, (cells, merged, first_span, spans, _placed) in enumerate(laid[number - 1], start=1)
            ],
        )
        for number, table in enumerate(parser.tables, start=1)
        if any(clean(c) for row in table for c in row)
    ]
    if not candidates:
        return None
    chosen = next((i for i, (_, rows) in enumerate(candidates) if find_header(rows) is not None), 0)
    number, rows = candidates[chosen]
    tables = [(str(n), r) for n, r in candidates]
    rows, combined = combine_grids(tables, chosen, "table")
    wheres = {r.where for r in rows} - {""}
    used = (
        {number: ""}
        if not wheres
        else {
            n: name_places("table", [str(n)])
            for n, _r in candidates
            if name_places("table", [str(n)]) in wheres
        }
    )
    # A small table of the workshop's details above the grid (« Date | 3 décembre 2026 »,
    # « Lieu | Blaye »): read as the lines above it, not said as a table left out.
    details = {
        n: lines
        for n, other in candidates
        if n < number and (lines := info_table([RawRow(r.line, [clean(c) for c in r.cells]) for r in other]))
    }
    parser.preamble.extend(line for lines in details.values() for line in lines)
    warnings = tables_not_grid(
        [
            (n, [RawRow(r.line, [clean(c) for c in r.cells]) for r in other])
            for n, other in candidates
            if find_header(other) is None and n != number and n not in details
        ]
    )
    left: dict[str, list[tuple[str, str]]] = {HIDDEN: [], STRUCK: []}
    for kind, (table, line, column), words in parser.left:
        if table == 0:
            left[kind].append((message("import.place.above_table"), words))
        elif line == 0:  # a whole table left out: never a candidate, said by its number
            left[kind].append((name_places("table", [str(table)]), words))
        elif table in used:
            where = used[table]
            if column and line <= len(laid[table - 1]) and column <= len(laid[table - 1][line - 1][4]):
                column = laid[table - 1][line - 1][4][column - 1] + 1  # where the page shows it
            place = message("import.place.row", line=line) if column == 0 else cell_place(line, column)
            left[kind].append((f"{place} ({where})" if where else place, words))
    return rows, warnings + _left_said(left) + combined
