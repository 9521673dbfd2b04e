"""The baseline bench_exports.py compares against: the same workshop written plainly, in a
fresh process, with the same libraries and no Atelier code.

    python benchmarks/baseline_exports.py WORKSHOP.json OUT.docx|OUT.xlsx

.docx: python-docx's default document, a heading per participant and a paragraph per item,
then one table of every item (participant, kind, text). .xlsx: pandas' to_excel of one row
per item (openpyxl). What Atelier adds on top (styles, synthesis, matches, widths, fr-FR,
typography) is what the comparison prices.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def rows(path: Path) -> list[tuple[str, str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for workshop in data["workshops"]:
        for participant in workshop["participants"]:
            for item in participant["items"]:
                found.append((participant["display"], item["kind"], item["text"]))
    return found


def main(source: str, target: str) -> None:
    items = rows(Path(source))
    if target.endswith(".docx"):
        import docx

        document = docx.Document()
        current = None
        for who, _kind, text in items:
            if who != current:
                document.add_heading(who, level=2)
                current = who
            document.add_paragraph(text)
        table = document.add_table(rows=1, cols=3)
        for cell, title in zip(table.rows[0].cells, ("Participant", "Type", "Texte"), strict=True):
            cell.text = title
        for row in items:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
        document.save(target)
    else:
        import pandas as pd

        frame = pd.DataFrame(items, columns=["Participant", "Type", "Texte"])
        frame.to_excel(target, index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
