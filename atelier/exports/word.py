"""The Word minutes: from a template whose named styles an organisation can restyle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from atelier.domain import ITEM_KINDS, ItemKind, MatchStatus
from atelier.errors import AtelierError
from atelier.exports import FOLLOW_UP, SOURCE, STATUS, ExportData, Progress, writing_atomically

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

KIND_TITLES = {
    ItemKind.ACTION: "Actions engagées",
    ItemKind.CHALLENGE: "Défis",
    ItemKind.NEED: "Besoins de ressources",
    ItemKind.OFFER: "Peut être ressource sur",
}

# Styles the template must have (the default one does; a copy restyled in Word keeps them).
CELL = "Atelier Tableau"
CELL_HEADER = "Atelier Tableau En-tête"
TABLE = "Atelier Grille"


def default_template() -> Path:
    from atelier.paths import resources_dir

    return resources_dir() / "templates" / "compte-rendu.docx"


def french_date(iso: str | None) -> str:
    if not iso:
        return ""
    day = dt.date.fromisoformat(iso)
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def open_template(template: Path | None) -> Any:
    """The template as a python-docx Document, its body emptied; refused clearly if unusable."""
    import docx
    from docx.oxml.ns import qn

    from atelier.importers.safety import ImportRefused, check_office_zip

    path = Path(template) if template is not None else default_template()
    if not path.is_file():
        raise AtelierError("export.template_missing", path=path)
    try:
        check_office_zip(path, ".docx")
        document = docx.Document(str(path))
    except ImportRefused:
        raise AtelierError("export.template_invalid", path=path) from None
    except Exception:  # python-docx raises many kinds on a file that is not a Word document
        raise AtelierError("export.template_invalid", path=path) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    names = {s.name for s in document.styles}
    for wanted in ("Title", "Heading 1", "Heading 2", "List Bullet"):
        if wanted not in names:
            raise AtelierError("export.template_styles", path=path, style=wanted)
    return document


def _style(document: Any, name: str, fallback: str) -> str:
    return name if name in {s.name for s in document.styles} else fallback


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _set_cell(cell: Any, lines: list[str] | str, style: str) -> None:
    """Fill a cell: one paragraph per line (bullets for lists), never an empty paragraph left."""
    texts = [lines] if isinstance(lines, str) else lines
    texts = [t for t in texts if t] or [""]
    first = cell.paragraphs[0]
    first.style = style
    first.text = texts[0]
    for text in texts[1:]:
        cell.add_paragraph(text, style=style)


def _table(document: Any, headers: list[str], rows: list[list[Any]], widths_cm: list[float]) -> Any:
    from docx.shared import Cm

    cell_style = _style(document, CELL, "Normal")
    header_style = _style(document, CELL_HEADER, cell_style)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = _style(document, TABLE, "Table Grid")
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads; cells carry it for Word
    for cell, text, width in zip(table.rows[0].cells, headers, widths_cm, strict=True):
        _set_cell(cell, text, header_style)
        cell.width = Cm(width)
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths_cm, strict=True):
            _set_cell(cell, value, cell_style)
            cell.width = Cm(width)
    return table


def _body(document: Any, text: str) -> None:
    """A section's text: « - » or « • » lines become bullets, other lines paragraphs."""
    bullet = _style(document, "List Bullet", "Normal")
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[:2] in ("- ", "• ", "* ", "– "):
            document.add_paragraph(line[2:].strip(), style=bullet)
        else:
            document.add_paragraph(line)


def write_docx(
    data: ExportData,
    target: str | Path,
    *,
    template: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    say = progress or (lambda _p, _t: None)
    target = Path(target)
    document = open_template(template)
    with writing_atomically(target) as temp:
        say(55, "en-tête")
        workshop = data.workshop
        document.add_paragraph(workshop.title, style="Title")
        facts = [french_date(workshop.date), workshop.place]
        if workshop.organiser:
            facts.append(f"organisé par {workshop.organiser}")
        facts = [f for f in facts if f]
        if facts:
            document.add_paragraph(" · ".join(facts), style=_style(document, "Subtitle", "Normal"))
        if workshop.description:
            document.add_paragraph(workshop.description)
        core = document.core_properties
        core.title = workshop.title
        core.author = workshop.organiser or "Atelier"

        document.add_heading("Participants", level=1)
        if data.anonymised:
            document.add_paragraph(
                f"{len(data.participants)} participants. Compte rendu anonymisé : chaque personne est "
                "désignée par sa structure ou son territoire."
            )
        rows = [[data.who[p.id], p.organisation, p.territory] for p in data.participants]
        if data.anonymised:
            rows = [[data.who[p.id], p.territory] for p in data.participants]
            _table(document, ["Structure", "Territoire"], rows, [10.5, 6.5])
        else:
            rows = [[" et ".join(p.names), p.organisation, p.territory] for p in data.participants]
            _table(document, ["Personnes", "Structure", "Territoire"], rows, [5.5, 6.5, 5.0])

        say(65, "synthèse")
        if data.sections:
            document.add_heading("Synthèse des échanges", level=1)
            for section in data.sections:
                document.add_heading(section.heading or "—", level=2)
                _body(document, section.body)

        if data.shared:
            document.add_heading("Les besoins partagés", level=1)
            document.add_paragraph("Des besoins exprimés par plusieurs participants, à travailler ensemble :")
            for shared in data.shared:
                document.add_heading(shared.label, level=2)
                for who, need in shared.quotes:
                    document.add_paragraph(f"{who} — {need}", style="List Bullet")

        offers = [(p, data.cells[p.id][ItemKind.OFFER]) for p in data.participants]
        offers = [(p, texts) for p, texts in offers if texts]
        if offers:
            document.add_heading("Les ressources dans la salle", level=1)
            document.add_paragraph("Ce sur quoi les participants ont proposé d'être ressource :")
            for participant, texts in offers:
                paragraph = document.add_paragraph(style="List Bullet")
                paragraph.add_run(data.who[participant.id]).bold = True
                paragraph.add_run(" : " + " ; ".join(texts))

        say(75, "mises en relation")
        made = [m for m in data.matches if m.status != MatchStatus.SUGGESTED]
        # The minutes keep the best open lead of each need that nothing was decided for.
        decided_needs = {(m.need_who, m.need) for m in made}
        suggested, seen = [], set()
        for m in data.matches:
            key = (m.need_who, m.need)
            if m.status == MatchStatus.SUGGESTED and key not in decided_needs and key not in seen:
                seen.add(key)
                suggested.append(m)
        document.add_heading("Les mises en relation", level=1)
        if made:
            document.add_paragraph(
                f"{len(made)} mises en relation décidées pendant l'atelier : qui cherche quoi, "
                "qui peut aider, pourquoi, et où en est la prise de contact."
            )
            _table(
                document,
                ["Cherche", "Peut aider", "Pourquoi", "Suivi"],
                [
                    [
                        [m.need_who, m.need],
                        [m.resource_who, m.resource],
                        m.reasons or [STATUS[m.status]],
                        FOLLOW_UP.get(m.follow_up, m.follow_up),
                    ]
                    for m in made
                ],
                [5.0, 5.0, 5.0, 2.0],
            )
        else:
            document.add_paragraph("Aucune mise en relation n'a encore été confirmée.")
        if suggested:
            document.add_heading("Pistes suggérées, à vérifier", level=2)
            document.add_paragraph(
                "Rapprochements proposés par Atelier et non encore confirmés : à vérifier avec les "
                "personnes concernées."
            )
            _table(
                document,
                ["Cherche", "Pourrait aider", "Pourquoi"],
                [
                    [[m.need_who, m.need], [m.resource_who, f"{m.resource} ({SOURCE[m.source]})"], m.reasons]
                    for m in suggested
                ],
                [5.8, 5.8, 5.4],
            )

        say(85, "annexe")
        annex = document.add_section(WD_SECTION.NEW_PAGE)
        annex.orientation = WD_ORIENT.LANDSCAPE
        width, height = annex.page_width, annex.page_height
        if height > width:
            annex.page_width, annex.page_height = height, width
        document.add_heading("Annexe : la grille complète", level=1)
        headers = ["Participant", *[KIND_TITLES[k] for k in ITEM_KINDS]]
        grid_rows = []
        for participant in data.participants:
            who = [data.who[participant.id]]
            if not data.anonymised:
                extra = ", ".join(x for x in (participant.territory, participant.role) if x)
                if extra and extra not in who[0]:
                    who.append(extra)
            grid_rows.append([who, *[[f"• {t}" for t in data.cells[participant.id][k]] for k in ITEM_KINDS]])
        _table(document, headers, grid_rows, [4.9, 5.2, 5.2, 5.2, 5.2])
        say(95, "écriture")
        document.save(str(temp))
    say(100, "terminé")
    return target
