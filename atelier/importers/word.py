"""Read a Word grid (.docx) as the person who typed it sees it, every word of it.

python-docx reads only what sits directly in a paragraph or a table: a table nested in a
cell, a text box, a content control (`w:sdt`, which may wrap a row, a cell or the whole
table), a tracked insertion (`w:ins`) would be dropped. The document's XML is walked here
instead: text boxes and nested tables are read where they stand, content controls are
looked through, tracked insertions are read and tracked deletions (`w:del`, `w:moveFrom`)
left out, as Word shows the document with its changes accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from atelier.french import format_number
from atelier.importers.cells import clean
from atelier.importers.grid import (
    DELETED,
    MAX_ROWS,
    STRUCK,
    UNSHOWN,
    RawRow,
    RawTable,
    cell_place,
    column_wise,
    combine_grids,
    fiches_grid,
    find_header,
    info_table,
    left_out_said,
    name_places,
    tables_not_grid,
    text_below_said,
    words_said,
)
from atelier.importers.invisible import COLOUR
from atelier.importers.safety import ImportRefused, check_office_zip
from atelier.importers.sessions import Session, find_sessions
from atelier.importers.word_colours import UNKNOWN, Background, WordColours, in_fill_colour

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Tables nested in a cell of a table in a cell …: a real grid has a few levels (a small
# table in a cell). Far beyond, the file is made to hurt; the XML parser itself stops at
# 256 levels of elements (about 80 tables), which is said the same way.
MAX_TABLE_NESTING = 50
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Elements that only wrap content: looked through.
_WRAPPERS = {
    f"{W}{t}"
    for t in (
        "sdt",
        "sdtContent",
        "customXml",
        "smartTag",
        "ins",
        "moveTo",
        "hyperlink",
        "fldSimple",
        "dir",
        "bdo",
    )
}
# Elements whose content is not part of the text as Word shows it.
_SKIPPED = {
    f"{W}{t}"
    for t in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "fldData",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
    )
} | {f"{MC}Fallback"}


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _placeholder(sdt: Any) -> bool:
    """A content control still showing its prompt (« Cliquez ici pour entrer du texte »):
    nobody typed that."""
    properties = sdt.find(f"{W}sdtPr")
    return properties is not None and properties.find(f"{W}showingPlcHdr") is not None


def _blocks(container: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body, a cell or a text box, through content controls."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt" and _placeholder(child):
            continue
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


class _Reader:
    def __init__(self, document: Any) -> None:
        self.list_styles: set[str] = set()
        for style in document.styles.element.findall(f"{W}style"):
            name = style.find(f"{W}name")
            label = (name.get(f"{W}val") if name is not None else "") or ""
            if "list" in label.lower() or "liste" in label.lower():
                self.list_styles.add(style.get(f"{W}styleId") or "")
        self.tracked = False
        self.depth = 0  # tables being read, one inside the other
        # Hidden text (Format › Police › Masqué, `w:vanish`), directly or through a style:
        # never read; each passage left out is counted with where it was (`place`: the
        # outermost table being read, its row and column; "above" for the text before it).
        self.styles = _Styles(document)
        self.place: tuple[object, int, int] | None = None
        self._paragraph_hidden = False  # the paragraph's style hides its text
        # Left out too, each passage with its place and its words, to be said: text struck
        # through (Police › Barré: a line its author marked as no longer holding), written in
        # the colour of what it stands on (white on the white page), deleted with the changes
        # tracked. A place's column -1: a deleted row, after the row numbered.
        self.passages: dict[str, list[tuple[tuple[object, int, int], list[str]]]] = {
            UNSHOWN: [],  # hidden text, said first
            STRUCK: [],
            COLOUR: [],
            DELETED: [],
        }
        self._paragraph_struck = False
        self._open: str | None = None  # the kind of the passage the last text met continues
        # What the text stands on, from the page to the paragraph being read (`word_colours`).
        self.colours = WordColours(document)
        self.backgrounds: list[Background] = [self.colours.page]
        self._paragraph_style = ""
        # The cells holding a table whose rows were each read as one item, their cells joined.
        self.joined: list[tuple[object, int, int]] = []

    # ----------------------------------------------------------- paragraphs

    def _is_list(self, paragraph: Any) -> bool:
        ppr = paragraph.find(f"{W}pPr")
        if ppr is None:
            return False
        if ppr.find(f"{W}numPr") is not None:
            return True
        style = ppr.find(f"{W}pStyle")
        return style is not None and style.get(f"{W}val") in self.list_styles

    def paragraph_lines(self, paragraph: Any) -> list[str]:
        """The paragraph's lines (a list item gets a bullet), then its text boxes' lines."""
        text: list[str] = []
        boxes: list[str] = []
        outer = self._paragraph_hidden, self._paragraph_struck, self._paragraph_style
        self._paragraph_hidden = self.styles.paragraph_hidden(paragraph)
        self._paragraph_struck = self.styles.paragraph_struck(paragraph)
        self._paragraph_style = self.styles.paragraph_style(paragraph)
        self._open = None
        self.backgrounds.append(self.colours.paragraph_behind(paragraph, self._paragraph_style))
        try:
            self._inline(paragraph, text, boxes)
        finally:
            self._paragraph_hidden, self._paragraph_struck, self._paragraph_style = outer
            self.backgrounds.pop()
        lines = [piece for piece in "".join(text).split("\n") if piece.strip()]
        if self._is_list(paragraph):
            lines = [f"• {line.strip()}" for line in lines]
        return lines + boxes

    def _inline(self, element: Any, text: list[str], boxes: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                if tag in (f"{W}del", f"{W}moveFrom"):
                    self.tracked = True
                if tag == f"{W}del":  # moved text (`moveFrom`) is read where it went
                    self._left(DELETED, "".join(t.text or "" for t in child.iter(f"{W}delText")))
                continue
            if tag in (f"{W}ins", f"{W}moveTo"):
                self.tracked = True
            if tag == f"{W}sdt" and _placeholder(child):
                continue
            if tag == f"{W}r" and self.styles.run_hidden(child, self._paragraph_hidden):
                self._left(UNSHOWN, "".join(t.text or "" for t in child.iter(f"{W}t")))
                continue
            if tag == f"{W}r" and self.styles.run_struck(child, self._paragraph_struck):
                self._left(STRUCK, "".join(t.text or "" for t in child.iter(f"{W}t")))
                continue
            if tag == f"{W}r" and in_fill_colour(
                self.colours.font(child, self._paragraph_style),
                [*self.backgrounds, self.colours.run_behind(child)],
            ):
                self._left(COLOUR, "".join(t.text or "" for t in child.iter(f"{W}t")))
                continue
            if tag == f"{W}t":
                text.append(child.text or "")
                if (child.text or "").strip():
                    self._open = None
            elif tag in (f"{W}tab", f"{W}ptab"):
                text.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                text.append("\n")
            elif tag == f"{W}noBreakHyphen":
                text.append("-")
            elif tag == f"{W}txbxContent":  # on a shape's fill, which is not told
                self.backgrounds.append(UNKNOWN)
                try:
                    boxes.extend(self.container_lines(child))
                finally:
                    self.backgrounds.pop()
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is not None:
                    self._inline(choice, text, boxes)
            elif tag == f"{W}p":  # a paragraph inside inline content (rare): its own line
                text.append("\n" + "\n".join(self.paragraph_lines(child)) + "\n")
            else:
                self._inline(child, text, boxes)

    def _left(self, kind: str, words: str) -> None:
        """A run left out (struck, in its background's colour, deleted), its words kept for the
        warning: one passage with the runs of its kind right before it (« Ingénierie » and
        « FSE » typed apart)."""
        passages = self.passages[kind]
        if not words.strip() or self.place is None:
            if self._open == kind and words and passages:
                passages[-1][1].append(words)
            return
        if self._open == kind and passages:
            passages[-1][1].append(words)
        else:
            passages.append((self.place, [words]))
        self._open = kind

    def container_lines(self, container: Any) -> list[str]:
        """A cell's or a text box's lines: paragraphs, nested tables cell by cell."""
        lines: list[str] = []
        for block in _blocks(container):
            if block.tag == f"{W}p":
                lines.extend(self.paragraph_lines(block))
            else:
                lines.extend(self._table_lines(block))
        return lines

    def _table_lines(self, table: Any) -> list[str]:
        """A table nested in a cell, a line per row: a row of one filled cell gives that
        cell's lines (a table used as a list); a row of several, one line of its cells
        joined (« Action A — 2022 »: a year is no action of its own), said (`joined`)."""
        lines: list[str] = []
        joined = False
        for row in self.rows(table):
            filled = [[line.strip() for line in cell.split("\n") if line.strip()] for cell in row]
            filled = [cell for cell in filled if cell]
            if len(filled) > 1:
                joined = True
                lines.append(" — ".join(", ".join(t.removeprefix("• ") for t in cell) for cell in filled))
            else:
                lines.extend(line for cell in filled for line in cell)
        if joined and self.place is not None:
            self.joined.append(self.place)
        return lines

    # --------------------------------------------------------------- tables

    def _row_elements(self, table: Any) -> Iterator[Any]:
        for child in table:
            if child.tag == f"{W}tr":
                yield child
            elif child.tag in _WRAPPERS:
                yield from self._row_elements(child)

    def _cell_elements(self, row: Any) -> Iterator[Any]:
        for child in row:
            if child.tag == f"{W}tc":
                yield child
            elif child.tag in _WRAPPERS:
                yield from self._cell_elements(child)

    def rows(self, table: Any) -> list[list[str]]:
        """The table's rows as the grid's columns: a cell spanning columns is read once, a
        cell merged with the one above continues it (empty)."""
        return [texts for texts, _merged, _span, _spans in self.rows_and_merges(table)]

    def rows_and_merges(self, table: Any) -> list[tuple[list[str], frozenset[int], int, dict[int, int]]]:
        """`rows`, each with the columns whose cell is merged with the one above, the
        number of columns its first cell spans, and each cell spanning several columns
        (its column -> how many)."""
        self.depth += 1
        self.backgrounds.append(self.colours.table_behind(table))
        try:
            if self.depth > MAX_TABLE_NESTING:
                raise ImportRefused("import.tables_too_nested", path="", limit=MAX_TABLE_NESTING)
            return self._rows_and_merges(table)
        finally:
            self.depth -= 1
            self.backgrounds.pop()

    def _rows_and_merges(self, table: Any) -> list[tuple[list[str], frozenset[int], int, dict[int, int]]]:
        found: list[tuple[list[str], frozenset[int], int, dict[int, int]]] = []
        for row in self._row_elements(table):
            properties = row.find(f"{W}trPr")
            if properties is not None and properties.find(f"{W}del") is not None:
                self.tracked = True  # a row deleted with changes tracked: its words said
                words = " | ".join(
                    text
                    for cell in self._cell_elements(row)
                    if (
                        text := " ".join(
                            "".join(t.text or "" for t in cell.iter(f"{W}delText", f"{W}t")).split()
                        )
                    )
                )
                if words and self.place is not None:
                    place = (table, len(found), -1) if self.depth == 1 else self.place
                    self.passages[DELETED].append((place, [words]))
                continue
            texts: list[str] = []
            merged: set[int] = set()
            spans: dict[int, int] = {}
            first_span = 0
            before = properties.find(f"{W}gridBefore") if properties is not None else None
            if before is not None:
                texts.extend([""] * _int(before.get(f"{W}val"), 0))
            for cell in self._cell_elements(row):
                tcpr = cell.find(f"{W}tcPr")
                span, continued = 1, False
                if tcpr is not None:
                    grid_span = tcpr.find(f"{W}gridSpan")
                    if grid_span is not None:
                        span = max(1, _int(grid_span.get(f"{W}val"), 1))
                    merge = tcpr.find(f"{W}vMerge")
                    continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
                if continued:
                    merged.update(range(len(texts), len(texts) + span))
                if not texts:
                    first_span = span
                if span > 1 and not continued:
                    spans[len(texts)] = span
                if self.depth == 1:  # where a hidden passage is, nested tables included
                    self.place = (table, len(found) + 1, len(texts) + 1)
                self.backgrounds.append(self.colours.cell_behind(cell))
                try:
                    texts.append("" if continued else "\n".join(self.container_lines(cell)))
                finally:
                    self.backgrounds.pop()
                texts.extend([""] * (span - 1))
            found.append((texts, frozenset(merged), first_span, spans))
            if len(found) > MAX_ROWS:
                raise ImportRefused("import.too_many_rows", path="", limit=format_number(MAX_ROWS))
        return found


_FALSE = ("0", "false", "off")


def _on(element: Any) -> bool | None:
    """A toggle property (`<w:vanish/>`, `<w:vanish w:val="0"/>`): on, off, or not said."""
    if element is None:
        return None
    return element.get(f"{W}val", "1").lower() not in _FALSE


class _Styles:
    """Which styles hide their text (`w:vanish` in their run properties, or in a style they
    are based on). `w:webHidden` hides text in Word's web layout only: on the page it shows,
    so it is read."""

    def __init__(self, document: Any) -> None:
        self.hides: dict[str, bool | None] = {}
        self.strikes: dict[str, bool | None] = {}  # Police › Barré (`w:strike`, `w:dstrike`)
        self.based_on: dict[str, str] = {}
        self.default_paragraph = ""
        for style in document.styles.element.findall(f"{W}style"):
            identifier = style.get(f"{W}styleId") or ""
            properties = style.find(f"{W}rPr")
            self.hides[identifier] = _on(properties.find(f"{W}vanish")) if properties is not None else None
            self.strikes[identifier] = _struck(properties) if properties is not None else None
            parent = style.find(f"{W}basedOn")
            if parent is not None:
                self.based_on[identifier] = parent.get(f"{W}val") or ""
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self.default_paragraph = identifier

    def style_hides(self, identifier: str, table: dict[str, bool | None] | None = None) -> bool | None:
        """Whether the style, or the nearest of the styles it is based on that says so, hides
        (or, `table` being `strikes`, strikes through)."""
        table = self.hides if table is None else table
        for _ in range(32):  # a loop of basedOn in a damaged file ends here
            if not identifier:
                return None
            said = table.get(identifier)
            if said is not None:
                return said
            identifier = self.based_on.get(identifier, "")
        return None

    def paragraph_style(self, paragraph: Any) -> str:
        properties = paragraph.find(f"{W}pPr")
        style = properties.find(f"{W}pStyle") if properties is not None else None
        return (style.get(f"{W}val") or "") if style is not None else self.default_paragraph

    def paragraph_hidden(self, paragraph: Any) -> bool:
        return bool(self.style_hides(self.paragraph_style(paragraph)))

    def paragraph_struck(self, paragraph: Any) -> bool:
        return bool(self.style_hides(self.paragraph_style(paragraph), self.strikes))

    def run_hidden(self, run: Any, paragraph_hidden: bool) -> bool:
        """The run's own « Masqué » first, then its character style's, then its paragraph's."""
        return self._run_says(run, paragraph_hidden, lambda p: _on(p.find(f"{W}vanish")), self.hides)

    def run_struck(self, run: Any, paragraph_struck: bool) -> bool:
        """The run's own « Barré » (or « Barré double ») first, then its character style's,
        then its paragraph's."""
        return self._run_says(run, paragraph_struck, _struck, self.strikes)

    def _run_says(
        self,
        run: Any,
        paragraph: bool,
        direct: Callable[[Any], bool | None],
        table: dict[str, bool | None],
    ) -> bool:
        properties = run.find(f"{W}rPr")
        if properties is not None:
            own = direct(properties)
            if own is not None:
                return own
            style = properties.find(f"{W}rStyle")
            if style is not None:
                said = self.style_hides(style.get(f"{W}val") or "", table)
                if said is not None:
                    return said
        return paragraph


def _struck(properties: Any) -> bool | None:
    """Struck through (`w:strike` or `w:dstrike` on), not (both said off), or not said."""
    said = [_on(properties.find(f"{W}{tag}")) for tag in ("strike", "dstrike")]
    if any(said):
        return True
    return False if any(x is False for x in said) else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _tables(body: Any) -> tuple[list[Any], list[Any]]:
    """The body's own tables, then the tables nested in cells or text boxes (a grid may sit
    inside a layout table), in document order. Fallback copies are not counted."""
    top = [b for b in _blocks(body) if b.tag == f"{W}tbl"]
    nested = [
        t
        for t in body.iter(f"{W}tbl")
        if t not in top and not any(a.tag == f"{MC}Fallback" for a in t.iterancestors())
    ]
    return top, nested


def _tables_nested_beyond(path: Path, limit: int) -> bool:
    """Whether the document holds tables nested more than `limit` deep, read with expat,
    which has no limit of depth (lxml stops at 256). Only asked once lxml gave up on the
    file's depth; the package has passed `check_office_zip` (no DTD, no bomb)."""
    from xml.parsers import expat

    class _Deep(Exception):
        pass

    depth = 0
    table = f"{W[1:-1]} tbl"

    def start(name: str, _attributes: object) -> None:
        nonlocal depth
        if name == table:
            depth += 1
            if depth > limit:
                raise _Deep

    def end(name: str) -> None:
        nonlocal depth
        if name == table:
            depth -= 1

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        import zipfile

        with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
            parser.ParseFile(part)
    except _Deep:
        return True
    except (KeyError, expat.ExpatError, zipfile.BadZipFile, OSError):
        return False
    return False


def read_docx(path: Path) -> RawTable:
    check_office_zip(path, ".docx")
    try:
        import docx

        document = docx.Document(str(path))
    except ImportRefused:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        if "Excessive depth" in str(exc):  # lxml's limit of 256 levels of elements
            if _tables_nested_beyond(path, MAX_TABLE_NESTING):
                raise ImportRefused("import.tables_too_nested", path=path, limit=MAX_TABLE_NESTING) from None
            raise ImportRefused("import.too_deep", path=path) from None
        raise ImportRefused("import.not_office", path=path, kind=".docx") from None

    # Atelier's own minutes or participant pages: no grid, said so (importers.own_documents).
    from atelier.importers.own_documents import MINUTES, own_document

    said = {MINUTES: "import.own_minutes"}
    own = own_document(document)
    if own is not None:
        raise ImportRefused(said.get(own, "import.own_pages"), path=path)
    try:
        table = _read(document)
    except ImportRefused as exc:
        own = own_document(document, grid_found=False)
        if own is not None:
            raise ImportRefused(said.get(own, "import.own_pages"), path=path) from None
        if exc.params.get("path") == "":  # refused deep in a table: the file's name said
            raise ImportRefused(exc.key, **{**exc.params, "path": path}) from None
        raise
    if find_header(table.rows) is None:
        own = own_document(document, grid_found=False)
        if own is not None:
            raise ImportRefused(said.get(own, "import.own_pages"), path=path)
    return table


def _read(document: Any) -> RawTable:
    """The grid's table; a refusal names no file (`read_docx` names it)."""
    reader = _Reader(document)
    body = document.element.body
    preamble: list[str] = []
    reader.place = (_ABOVE, 0, 0)
    # The paragraphs above each of the body's tables, since the table before it: a session's
    # dated title (« Atelier du 7 juin 2023 — Bazas »), when the document holds several.
    headings: dict[Any, list[str]] = {}
    lines: list[str] = []
    below: list[str] = []  # the paragraphs after the body's last table, each as one text
    for block in _blocks(body):
        if block.tag == f"{W}tbl":
            if not headings:
                preamble = lines
            headings[block] = lines
            lines, below = [], []
            reader.place = None  # what is hidden between tables is in no grid: not said
        else:
            written = reader.paragraph_lines(block)
            lines = lines + written
            below.append(" ".join(written))
    if not headings:
        preamble = lines
    top, nested = _tables(body)
    candidates = []  # (number among the body's tables, or None if nested; rows; the table)
    for number, table in [*enumerate(top, start=1), *((None, t) for t in nested)]:
        read = reader.rows_and_merges(table)
        # The cells holding hidden text (left out): a row whose participant cell is one is no one's.
        unshown = {
            (line, column - 1) for (where, line, column), _w in reader.passages[UNSHOWN] if where is table
        }
        # Left out with their words: a row whose participant cell is one of them is no one's either.
        why = {COLOUR: UNSHOWN, STRUCK: STRUCK, DELETED: DELETED}
        left: dict[tuple[int, int], str] = {}
        for kind in (DELETED, STRUCK, COLOUR):
            for (where, line, column), _words in reader.passages[kind]:
                if where is table and column > 0:
                    left[(line, column - 1)] = why[kind]
        left.update(dict.fromkeys(unshown, UNSHOWN))
        rows = [
            RawRow(
                line,
                cells,
                merged=merged,
                first_span=span,
                spans=spans,
                unread={c: left[(line, c)] for c in range(len(cells)) if (line, c) in left},
            )
            for line, (cells, merged, span, spans) in enumerate(read, start=1)
        ]
        if any(any(c.strip() for c in r.cells) for r in rows):
            candidates.append((number, rows, table))
    if not candidates:
        raise ImportRefused("import.no_table", path="")
    # The first table that reads like a grid, with the body's later tables of the same
    # columns (a table per participant, a grid per half-day); else the first one written the
    # other way round, a participant per column (refused for what it is, not by citing a
    # « Lieu | Pau » table above it); else the first one (for --columns).
    chosen = next((i for i, (_, rows, _t) in enumerate(candidates) if find_header(rows) is not None), None)
    if chosen is None:
        chosen = next((i for i, (_, rows, _t) in enumerate(candidates) if column_wise(rows) is not None), 0)
    number, rows, element = candidates[chosen]
    combined: list[str] = []
    used: dict[object, str] = {_ABOVE: "", element: ""}  # the tables read -> how a warning names them
    fiches = _fiche_tables(candidates) if find_header(rows) is None else []
    if fiches:  # a small table per participant, labels on the left: each one read (plan_grid)
        rows, number = fiches, None
        used = {_ABOVE: ""} | {t: name_places("table", [str(n)]) for n, _r, t in candidates if n is not None}
    # A table with no header row of its own, of the grid's columns, right after it under no
    # new dated title: the grid carried on (a paragraph or a page break typed in its middle).
    follows = _continuations(candidates, headings) if number is not None else {}
    if number is not None:
        tables = [
            (str(n), _with_continuations(n, r, candidates, follows))
            for n, r, _t in candidates
            if n is not None and n not in follows
        ]
        rows, combined = combine_grids(tables, [n for n, _ in tables].index(str(number)), "table")
        wheres = {r.where for r in rows} - {""}
        if wheres:
            used = {_ABOVE: ""} | {
                t: name_places("table", [str(n)])
                for n, _r, t in candidates
                if n is not None and name_places("table", [str(n)]) in wheres
            }
    # A small table of the workshop's details above the grid (« Date | 12 octobre 2026 »,
    # « Lieu | Langon »): read as the lines above it, not said as a table left out.
    details = {
        n: said
        for n, r, _t in candidates
        if n is not None and number is not None and n < number and (said := info_table(r)) is not None
    }
    preamble = preamble + [line for said in details.values() for line in said]
    sessions: list[Session] = []
    carried_on = {name_places("table", [str(n)]) for n in follows}
    if number is not None and combined and len({r.where for r in rows} - carried_on) > 1:
        sessions = find_sessions(
            [
                (name_places("table", [str(n)]), headings.get(t, []), "")
                for n, _r, t in candidates
                if t in used
            ]
        )
        if sessions:  # not « read as one grid »: each workshop is said by the plan
            combined = combined[1:]
    from atelier.i18n import message

    warnings = []
    if reader.tracked:
        warnings.append(message("import.warn.tracked_changes"))
    if number is not None:  # the body's other tables that are no grid: said, not dropped unseen
        warnings.extend(
            message(
                "import.warn.table_continued",
                place=name_places("table", [str(n)]),
                first=name_places("table", [str(before)]),
            )
            for n, before in follows.items()
            if name_places("table", [str(n)]) in {r.where for r in rows}
        )
        warnings.extend(
            tables_not_grid(
                [
                    (n, r)
                    for n, r, _t in candidates
                    if n is not None and find_header(r) is None and n not in follows and n not in details
                ]
            )
        )
    for kind, key in (
        (UNSHOWN, "n.hidden_passage"),
        (STRUCK, "n.struck_passage"),
        (COLOUR, "n.passage_in_fill_colour"),
        (DELETED, "n.deleted_passage"),
    ):
        found = [
            ((used[t], line, column), words)
            for (t, line, column), words in reader.passages[kind]
            if t in used
        ]
        if found:  # what the author hid, by its places only (no secret shown on a screen)
            warnings.append(_words_said(key, found, with_words=kind in (STRUCK, DELETED)))
    if headings:  # notes typed under the grid: no part of it, said rather than dropped unseen
        warnings.extend(text_below_said(below, last_of_several=len(top) > 1))
    joined = [(used[t], line, column) for t, line, column in reader.joined if t in used and line]
    if joined:
        header = find_header(rows)
        headers = [clean(c) for c in rows[header].cells] if header is not None else []
        warnings.append(_joined_said(joined, headers))
    return RawTable(rows, preamble, "docx", warnings + combined, sessions=sessions)


def _fiche_tables(candidates: list[tuple[int | None, list[RawRow], Any]]) -> list[RawRow]:
    """The rows of every table, each cited with its table, when they are all « fiches »: one
    two-column table per participant, labels on the left (grid.fiches_grid); [] otherwise."""
    import dataclasses

    rows: list[RawRow] = []
    for number, table_rows, _table in candidates:
        if number is None:
            if any(clean(c) for r in table_rows for c in r.cells):
                return []
            continue
        where = name_places("table", [str(number)])
        rows += [dataclasses.replace(r, where=where) for r in table_rows]
    return rows if fiches_grid(rows) else []


_ABOVE = "above"  # where the text before the first table is, for `_Reader.place`


def _continuations(
    candidates: list[tuple[int | None, list[RawRow], Any]], headings: dict[Any, list[str]]
) -> dict[int, int]:
    """The body's tables that carry on the grid of the table before them: no header row of
    their own, as many columns as that grid's header row, and no dated title between the two
    (a new date is another workshop's, `importers.sessions`). Each -> the table it follows."""
    from atelier.importers.sessions import session_when

    follows: dict[int, int] = {}
    width = 0  # the columns of the grid being carried on (0: none)
    previous: int | None = None
    for number, rows, table in candidates:
        if number is None:
            continue
        header = find_header(rows)
        if header is not None:
            width = len(rows[header].cells)
        elif (
            width
            and previous == number - 1
            and max(len(r.cells) for r in rows) == width
            and not any(session_when(line)[1] for line in headings.get(table, []))
        ):
            follows[number] = previous
        else:
            width = 0
        previous = number
    return follows


def _with_continuations(
    number: int,
    rows: list[RawRow],
    candidates: list[tuple[int | None, list[RawRow], Any]],
    follows: dict[int, int],
) -> list[RawRow]:
    """A grid's rows followed by those of the tables carrying it on, each row citing its own
    table (« ligne 2 (tableau 2) »); the rows as they are when nothing carries it on."""
    chain = [number]
    while (nxt := chain[-1] + 1) in follows:
        chain.append(nxt)
    if len(chain) == 1:
        return rows
    by_number = {n: r for n, r, _t in candidates if n is not None}
    return [
        RawRow(
            r.line,
            r.cells,
            r.items,
            r.who,
            r.merged,
            name_places("table", [str(n)]),
            r.first_span,
            r.spans,
            r.unread,
            r.left_out,
        )
        for n in chain
        for r in by_number[n]
    ]


def _words_said(key: str, passages: list[tuple[tuple[str, int, int], list[str]]], *, with_words: bool) -> str:
    """« 3 passages barrés non importés (ligne 2, colonne 4 ; ligne 3, colonne 5) :
    « Financement FSE (abandonné) », « Ingénierie FSE », « Club d'employeurs » »; without
    their words, « 2 passages en texte masqué non importés (au-dessus du tableau ; ligne 3,
    colonne 3) »."""
    from atelier.i18n import message

    places = []
    for (where, line, column), _words in passages:
        if line == 0 and column == 0:
            place = message("import.place.above_table")
        elif column < 0:
            place = message("import.place.deleted_row", line=line)
            place = f"{place} ({where})" if where else place
        else:
            place = cell_place(line, column, where)
        places.append(place)
    if not with_words:
        return left_out_said(key, len(passages), places)
    return words_said(key, places, ["".join(words) for _place, words in passages])


def _joined_said(joined: list[tuple[str, int, int]], headers: list[str]) -> str:
    """« tableau dans une cellule (ligne 2, « Actions engagées ») : chaque ligne lue comme un
    élément »: the facilitator checks that a row of it is one action, not two."""
    from atelier.french import shorten
    from atelier.i18n import message

    places = []
    for where, line, column in joined:
        header = shorten(headers[column - 1], 40) if column <= len(headers) else ""
        place = (
            message("import.place.cell_header", line=line, header=header)
            if header
            else message("import.place.cell", line=line, column=column)
        )
        places.append(f"{place} ({where})" if where else place)
    places = list(dict.fromkeys(places))
    return message("import.warn.table_in_cell", places=message("list.semicolon").join(places))
