"""An .xlsx written as Excel writes it (its text in the shared strings, each cell an index),
with as many rows as asked: openpyxl writes its text in the cells, and slowly."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HEADERS = [
    "Participant / territoire",
    "Actions engagées",
    "Défis",
    "Besoins de ressources",
    "Peut être ressource sur",
]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def tall_xlsx(
    path: Path, rows: int, *, sheet_tail: str | None = None, strings_tail: str | None = None
) -> Path:
    """`rows` participants under the headers, each with their own name. `sheet_tail` and
    `strings_tail` replace the end of the sheet's and the shared strings' XML after their
    last row or string (a file cut short, for instance)."""
    strings: list[str] = []
    index: dict[str, int] = {}

    def number(text: str) -> int:
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    lines = []
    for row in range(1, rows + 2):
        values = (
            HEADERS
            if row == 1
            else [f"Personne{row} Nom / Structure {row}", "Forum", "Mobilité", "Un lieu", ""]
        )
        cells = "".join(
            f'<c r="{column}{row}" t="s"><v>{number(value)}</v></c>'
            for column, value in zip("ABCDE", values, strict=True)
            if value
        )
        lines.append(f'<row r="{row}">{cells}</row>')
    sheet = (
        f'{HEAD}<worksheet xmlns="{MAIN}"><dimension ref="A1:E{rows + 1}"/><sheetData>'
        + "".join(lines)
        + ("</sheetData></worksheet>" if sheet_tail is None else sheet_tail)
    )
    shared = (
        f'{HEAD}<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
        + ("</sst>" if strings_tail is None else strings_tail)
    )
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{sheet_type}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet_type}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sheet_type}.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'{HEAD}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}">'
            '<sheets><sheet name="Grille" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{HEAD}<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": shared,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path
