"""Build the default Word template of the minutes: atelier/resources/templates/compte-rendu.docx.

    python scripts/make_template.py

The export only uses named styles, so an organisation restyles its minutes by editing
these styles in Word (Accueil › Styles) and passing its copy with --template:
Title, Subtitle, Heading 1, Heading 2, Normal, List Bullet, TOC Heading, TOC 1 and TOC 2
(the table of contents), « Atelier Tableau » (table text), « Atelier Tableau En-tête »
(table header text), table style « Atelier Grille ».
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
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    styles = document.styles

    def font(style, size: float, *, bold: bool = False, color: str = INK, name: str = "Calibri") -> None:
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

    # The table of contents: « Sommaire » in the headings' colour, then its entries with a
    # dotted leader to the page number at the right margin (A4 less the margins, 17 cm),
    # level 2 indented. Word's built-in names (toc 1, toc 2): Word and LibreOffice use them
    # when the table is updated.
    toc_heading = styles["TOC Heading"]
    font(toc_heading, 15, bold=True, color=ACCENT)
    toc_heading.paragraph_format.space_before = Pt(6)
    toc_heading.paragraph_format.space_after = Pt(8)
    for level, indent, size, bold, before in ((1, 0.0, 10.5, True, 6), (2, 0.6, 10, False, 1)):
        entry = _builtin_paragraph_style(document, f"toc {level}", f"TOC{level}")
        entry.base_style = normal
        entry.next_paragraph_style = normal
        font(entry, size, bold=bold)
        entry.paragraph_format.left_indent = Cm(indent)
        entry.paragraph_format.space_before = Pt(before)
        entry.paragraph_format.space_after = Pt(1)
        entry.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

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


def _builtin_paragraph_style(document, name: str, style_id: str):
    """A paragraph style with one of Word's own names and ids (« toc 1 » / TOC1), so that
    Word and LibreOffice know it for what it is (python-docx would name it as given)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:style")
    element.set(qn("w:type"), "paragraph")
    element.set(qn("w:styleId"), style_id)
    name_element = OxmlElement("w:name")
    name_element.set(qn("w:val"), name)
    element.append(name_element)
    for tag, value in (("w:uiPriority", "39"), ("w:unhideWhenUsed", None)):
        child = OxmlElement(tag)
        if value is not None:
            child.set(qn("w:val"), value)
        element.append(child)
    document.styles.element.append(element)
    return next(s for s in document.styles if s.style_id == style_id)


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
