"""Build the default Word template of the minutes: atelier/resources/templates/compte-rendu.docx.

    python scripts/make_template.py

The export only uses named styles, so an organisation restyles its minutes by editing
these styles in Word (Accueil › Styles) and passing its copy with --template:
Title, Subtitle, Heading 1, Heading 2, Normal, List Bullet, « Atelier Tableau » (table
text), « Atelier Tableau En-tête » (table header text), table style « Atelier Grille ».
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "atelier" / "resources" / "templates" / "compte-rendu.docx"

INK = "1F2A36"
ACCENT = "1F4E79"


def build(target: Path = TARGET) -> Path:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    styles = document.styles

    def font(style, size: float, *, bold: bool = False, color: str = INK, name: str = "Calibri") -> None:  # noqa: ANN001
        style.font.name = name
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.color.rgb = RGBColor.from_string(color)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), name)

    normal = styles["Normal"]
    font(normal, 10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    title = styles["Title"]
    font(title, 24, bold=True, color=ACCENT)
    title.paragraph_format.space_after = Pt(4)
    # The built-in Title has a bottom border in some Word versions: keep it sober.
    subtitle = styles["Subtitle"]
    font(subtitle, 12, color="4A5968")
    subtitle.font.italic = False
    subtitle.paragraph_format.space_after = Pt(14)

    for level, size, before in ((1, 15, 18), (2, 12.5, 12), (3, 11, 10)):
        heading = styles[f"Heading {level}"]
        font(heading, size, bold=True, color=ACCENT)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)

    cell_text = styles.add_style("Atelier Tableau", WD_STYLE_TYPE.PARAGRAPH)
    cell_text.base_style = normal
    font(cell_text, 9)
    cell_text.paragraph_format.space_after = Pt(2)
    cell_text.paragraph_format.line_spacing = 1.0
    header_text = styles.add_style("Atelier Tableau En-tête", WD_STYLE_TYPE.PARAGRAPH)
    header_text.base_style = cell_text
    font(header_text, 9, bold=True, color="FFFFFF")

    table_style = styles.add_style("Atelier Grille", WD_STYLE_TYPE.TABLE)
    table_style.base_style = styles["Table Grid"]
    # Header row shaded in the accent colour, light borders: set in the style so Word can restyle it.
    properties = table_style.element
    tbl_pr = properties.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        properties.append(tbl_pr)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:color"), "A6B4C2")
        borders.append(line)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("left", "80"), ("right", "80")):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), width)
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)
    first_row = OxmlElement("w:tblStylePr")
    first_row.set(qn("w:type"), "firstRow")
    tc_pr = OxmlElement("w:tcPr")
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), ACCENT)
    tc_pr.append(shading)
    first_row.append(tc_pr)
    properties.append(first_row)

    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.style = styles["Footer"]
    font(styles["Footer"], 8.5, color="6B7A89")
    footer.add_run("Page ")
    for code in ("PAGE",):
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), code)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        footer._p.append(field)

    core = document.core_properties
    core.author = "Atelier"
    core.title = "Compte rendu d'atelier"
    core.comments = "Modèle du compte rendu d'Atelier : modifiez les styles, pas le texte."
    # The body stays empty: the export writes everything; styles, page and footer come from here.
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
