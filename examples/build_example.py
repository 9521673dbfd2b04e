"""Rebuild the example workshop of 16 March 2021.

    python examples/build_example.py            # .docx  -> .atelier (what the app opens)
    python examples/build_example.py --word     # shared grid (.txt) -> .docx, then -> .atelier

The Word file is the grid as a facilitator has it: a title, a paragraph, then a
table whose cells hold bullet lists, dash lists and paragraphs, with the mess of
the real grid kept (a row continued on the next one, a separator row, two people
in one row, empty cells). The .atelier file is what `atelier import` makes of it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A copy of ../shared/data/grille-atelier-2021-03-16.txt: the grid as exported to text.
SHARED_GRID = HERE / "grille-atelier-2021-03-16.txt"
WORD = HERE / "grille-atelier-2021-03-16.docx"
ATELIER = HERE / "atelier-2021-03-16.atelier"


def build_word(source: Path = SHARED_GRID, target: Path = WORD) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    from atelier.importers.cells import cell_lines, clean, split_cell

    lines = source.read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    document.styles["Normal"].font.size = Pt(9)
    rows = [line.split("\t") for line in lines if "\t" in line]
    before = [clean(line) for line in lines[: lines.index(next(ln for ln in lines if "\t" in ln))]]
    before = [b for b in before if b]
    document.add_heading(before[0], level=1)
    for text in before[1:]:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=5)
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for cell, raw in zip(cells, row, strict=False):
            paragraph = cell.paragraphs[0]
            if raw.lstrip().startswith("<ul"):
                # A Word bullet list: one list paragraph per item.
                for index, item in enumerate(split_cell(raw)):
                    target_paragraph = paragraph if index == 0 else cell.add_paragraph()
                    target_paragraph.style = document.styles["List Bullet"]
                    target_paragraph.text = item
            else:
                # Paragraphs as typed, dashes and all.
                texts = [clean(t) for _, t in cell_lines(raw)]
                texts = [re.sub(r"\s+", " ", t) for t in texts if t]
                for index, text in enumerate(texts):
                    (paragraph if index == 0 else cell.add_paragraph()).text = text
    document.save(target)
    return target


def build_atelier(source: Path = WORD, target: Path = ATELIER) -> Path:
    from atelier.importers import import_grid

    # Organiser and contact as the hand-written minutes of that day give them.
    result = import_grid(
        source,
        target,
        place="Visioconférence",
        organiser="Pays et Quartiers de Nouvelle-Aquitaine (PQN-A)",
        contact="Christophe Rochard, chargé de mission Dynamiques territoriales pour l'emploi, "
        "christophe.rochard@pqn-a.fr",
        force=True,
    )
    return result.path


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    if "--word" in sys.argv:
        print("Word :", build_word())
    print("Atelier :", build_atelier())
