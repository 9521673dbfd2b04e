"""Read a grid from Word, Excel, CSV, HTML or text into a RawTable. Heavy libraries load here only."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from atelier.importers.cells import clean
from atelier.importers.grid import MAX_ROWS, RawRow, RawTable, find_header
from atelier.importers.safety import (
    OLE_MAGIC,
    ImportRefused,
    check_office_zip,
    check_size,
    head,
    refuse_ole,
)

SUPPORTED = (".docx", ".xlsx", ".xlsm", ".csv", ".html", ".htm", ".txt", ".tsv")


def read_table(path: Path) -> RawTable:
    """The grid's raw table, whatever the format; refuses unsafe or unreadable files."""
    check_size(path)
    suffix = path.suffix.lower()
    if suffix in (".doc", ".xls") and head(path).startswith(OLE_MAGIC):
        refuse_ole(path, ".docx" if suffix == ".doc" else ".xlsx")
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
    raise ImportRefused("import.unknown_type", path=path)


# ----------------------------------------------------------------------- Word


def _paragraph_text(paragraph: Any) -> tuple[bool, str]:
    """A paragraph's text, and whether Word shows it as a list item."""
    from docx.oxml.ns import qn

    ppr = paragraph._p.pPr
    is_list = ppr is not None and ppr.find(qn("w:numPr")) is not None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    is_list = is_list or "list" in style.lower() or "liste" in style.lower()
    return is_list, paragraph.text


def _cell_text(cell: Any) -> str:
    lines = []
    for paragraph in cell.paragraphs:
        is_list, text = _paragraph_text(paragraph)
        for piece in text.split("\n"):
            if piece.strip():
                lines.append(f"• {piece.strip()}" if is_list else piece)
    return "\n".join(lines)


def read_docx(path: Path) -> RawTable:
    check_office_zip(path, ".docx")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except ImportRefused:
        raise
    except Exception:  # python-docx raises many kinds on a damaged package
        raise ImportRefused("import.not_office", path=path, kind=".docx") from None

    preamble: list[str] = []
    tables = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p" and not tables:
            text = Paragraph(block, document).text
            if text.strip():
                preamble.append(text)
        elif tag == "tbl":
            tables.append(Table(block, document))
    if not tables:
        raise ImportRefused("import.no_table", path=path)

    candidates = []
    for table in tables:
        rows = _docx_rows(table)
        if rows:
            candidates.append(rows)
    if not candidates:
        raise ImportRefused("import.no_table", path=path)
    # The first table that reads like a grid; else the first one (for --columns).
    chosen = next((rows for rows in candidates if find_header(rows) is not None), candidates[0])
    return RawTable(chosen, preamble, "docx")


def _docx_rows(table: Any) -> list[RawRow]:
    rows: list[RawRow] = []
    previous_cells: list[Any] = []
    for number, row in enumerate(table.rows, start=1):
        if number > MAX_ROWS:
            raise ImportRefused("import.too_many_rows", path="", limit=MAX_ROWS)
        texts: list[str] = []
        seen: list[Any] = []
        for column, cell in enumerate(row.cells):
            tc = cell._tc
            if tc in seen:
                texts.append("")  # a horizontally merged cell repeats itself: read it once
                continue
            seen.append(tc)
            above = previous_cells[column] if column < len(previous_cells) else None
            # A vertically merged cell shows the cell above again: the row continues it.
            texts.append("" if above is not None and above is tc else _cell_text(cell))
        previous_cells = [c._tc for c in row.cells]
        rows.append(RawRow(number, texts))
    return rows


# ---------------------------------------------------------------------- Excel


def read_xlsx(path: Path) -> RawTable:
    check_office_zip(path, ".xlsx")
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused("import.not_office", path=path, kind=".xlsx") from None
    try:
        sheets = []
        for sheet in workbook.worksheets:
            rows: list[RawRow] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS * 2:
                    raise ImportRefused("import.too_many_rows", path=path, limit=MAX_ROWS)
                cells = [_excel_text(v) for v in values]
                while cells and not cells[-1].strip():
                    cells.pop()
                if cells:
                    rows.append(RawRow(number, cells))
            if rows:
                sheets.append(rows)
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused("import.not_office", path=path, kind=".xlsx") from None
    finally:
        workbook.close()
    if not sheets:
        raise ImportRefused("import.no_table", path=path)
    chosen = next((rows for rows in sheets if find_header(rows) is not None), sheets[0])
    return RawTable(chosen, [], "xlsx")


def _excel_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ------------------------------------------------------------------------ CSV


def decode_text(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as French Excel saves."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefused("import.encoding", path=path) from None
    if b"\x00" in data[:4096]:
        raise ImportRefused("import.encoding", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportRefused("import.encoding", path=path) from None
    # Control characters other than tab and newlines: binary, not a spreadsheet export.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > max(3, len(text) // 200):
        raise ImportRefused("import.encoding", path=path)
    return text


def read_csv(path: Path) -> RawTable:
    text = decode_text(path)
    sample = text[:20000]
    first_line = sample.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for record in reader:
            if len(rows) > MAX_ROWS * 2:
                raise ImportRefused("import.too_many_rows", path=path, limit=MAX_ROWS)
            rows.append(RawRow(reader.line_num, list(record)))
    except csv.Error:
        raise ImportRefused("import.encoding", path=path) from None
    return RawTable(rows, [], "csv")


# --------------------------------------------------------------- HTML / text


class _TableParser(HTMLParser):
    """The rows of the first HTML tables, each cell kept as its inner HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tables: list[list[list[str]]] = []
        self.preamble: list[str] = []
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
                return
        if self._depth == 1 and tag == "tr":
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._cell = []
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")
        elif self._depth == 0 and tag in ("p", "br", "h1", "h2", "h3", "div"):
            self._flush_text()

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth = max(0, self._depth - 1)
            return
        if self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            if self._row is not None:
                self._row.append("".join(self._cell))
            self._cell = None
        elif self._depth == 1 and tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")
        elif self._depth == 0 and tag in ("p", "h1", "h2", "h3", "div"):
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._depth == 0 and not self.tables:
            self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def _flush_text(self) -> None:
        text = clean("".join(self._text))
        self._text = []
        if text and not self.tables:
            self.preamble.append(text)


def read_text_grid(path: Path) -> RawTable:
    """An HTML table, or tab-separated rows whose cells are HTML fragments (a Word export)."""
    text = decode_text(path)
    if "<table" in text.lower() or "<tr" in text.lower():
        parser = _TableParser()
        parser.feed(text)
        parser.close()
        for table in parser.tables:
            rows = [RawRow(n, cells) for n, cells in enumerate(table, start=1)]
            if find_header(rows) is not None:
                return RawTable(rows, parser.preamble, "html")
        if parser.tables and parser.tables[0]:
            rows = [RawRow(n, cells) for n, cells in enumerate(parser.tables[0], start=1)]
            return RawTable(rows, parser.preamble, "html")
    rows = []
    preamble = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            rows.append(RawRow(number, line.split("\t")))
        elif line.strip() and not rows:
            preamble.append(line)
    if not rows:
        raise ImportRefused("import.no_table", path=path)
    return RawTable(rows, preamble, "txt")
