"""The Word minutes: from a template whose named styles an organisation can restyle.

Over 500 lines: the minutes in the order a reader meets them (title block, contents,
synthesis, matches, annex), and the Writer that turns each into Word's XML with the
template's styles; both change together when the document does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from atelier.domain import ABSENT, EXCUSED, ITEM_KINDS, FollowUp, MatchStatus, kind_titles, normalise_text
from atelier.errors import AtelierError
from atelier.exports import RETYPED as RETYPED_SAID
from atelier.exports import (
    ExportData,
    Progress,
    follow_up_lines,
    follow_up_summary,
    source_word,
    status_word,
    writing_atomically,
)
from atelier.french import as_typed, aside, long_date

BULLETS = ("- ", "• ", "* ", "– ")

# Styles the template must have (the default one does; a copy restyled in Word keeps them).
CELL = "Atelier Tableau"
CELL_HEADER = "Atelier Tableau En-tête"
TABLE = "Atelier Grille"


def default_template() -> Path:
    from atelier.paths import resources_dir

    return resources_dir() / "templates" / "compte-rendu.docx"


def check_template(path: Path) -> None:
    """A template that is there, is a file (a pipe would block, a loop never resolve) and
    may be read (else « accès refusé », not « not a usable template »)."""
    from atelier.store.files import read_head

    try:
        read_head(path, 0)
    except AtelierError as exc:
        if exc.key == "file.missing":
            raise AtelierError("export.template_missing", path=path) from None
        raise


def open_template(template: Path | None) -> Any:
    """The template as a python-docx Document, its body emptied; refused clearly if unusable."""
    import docx
    from docx.oxml.ns import qn

    from atelier.importers.safety import ImportRefused, check_office_zip

    path = Path(template) if template is not None else default_template()
    check_template(path)
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


class Writer:
    """Paragraphs and tables appended to a document's body as XML, styles resolved once.

    python-docx looks a style up by name on every paragraph (a scan of all the styles):
    that was most of the time of a large export. Here each style's id is found once and
    elements are built directly; the result is the same WordprocessingML. Reusable by any
    module writing into the minutes' template (participant pages, follow-up)."""

    def __init__(self, document: Any, *, french: bool = True) -> None:
        from docx.oxml.ns import qn

        self.document = document
        self.body = document.element.body
        self.sect = self.body.find(qn("w:sectPr"))
        self.french = french
        from docx.styles import BabelFish

        self.ids: dict[str, str] = {}
        for style in document.styles.element.findall(qn("w:style")):
            name = style.find(qn("w:name"))
            if name is not None:
                internal = name.get(qn("w:val"))
                self.ids[BabelFish.internal2ui(internal)] = style.get(qn("w:styleId"))
                self.ids.setdefault(internal, style.get(qn("w:styleId")))
                # Word's own names are lower case (« toc 1 »), shown capitalised (« TOC 1 »).
                self.ids.setdefault(internal.casefold(), style.get(qn("w:styleId")))

    def has(self, name: str) -> bool:
        return name in self.ids or name.casefold() in self.ids

    def style_id(self, name: str, fallback: str = "Normal") -> str | None:
        return self.ids.get(name) or self.ids.get(name.casefold()) or self.ids.get(fallback)

    def text(self, text: str) -> str:
        """A run's text: Atelier's French set, the words marked `as_typed` as typed. A space
        someone typed before « : ; ! ? » or inside their « » (a quoted need, « … cloisonnée ? »,
        or any of their words in an English document) is kept, made non-breaking: Word would
        otherwise start a line with « ? » or « » »."""
        from atelier.french import keep_together, plain, typography

        text = normalise_text(text)  # a file from an earlier version may hold control characters
        return keep_together(typography(text, "fr") if self.french else plain(text))

    def paragraph(
        self,
        text: str = "",
        style: str | None = None,
        *,
        bold_prefix: str = "",
        parent: Any = None,
        keep_next: bool = False,
        space_before: int = 0,
    ) -> Any:
        """A paragraph of `style` (by name), appended to the body (or to `parent`);
        `keep_next` keeps it on the page of the paragraph after it (a lead-in, a caption)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        p = OxmlElement("w:p")
        style_id = self.style_id(style) if style is not None else None
        if style_id is not None or keep_next or space_before:
            ppr = OxmlElement("w:pPr")
            if style_id is not None:
                ps = OxmlElement("w:pStyle")
                ps.set(qn("w:val"), style_id)
                ppr.append(ps)
            if keep_next:
                ppr.append(OxmlElement("w:keepNext"))
            if space_before:  # points, as twentieths (the element order of CT_PPr kept)
                spacing = OxmlElement("w:spacing")
                spacing.set(qn("w:before"), str(space_before * 20))
                ppr.append(spacing)
            p.append(ppr)
        if bold_prefix:
            p.append(self._run(bold_prefix, bold=True))
        if text:
            p.append(self._run(text))
        self._append(p, parent)
        return p

    def _run(self, text: str, *, bold: bool = False) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        r = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            r.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = self.text(text)
        r.append(t)
        return r

    def _append(self, element: Any, parent: Any) -> None:
        if parent is not None:
            parent.append(element)
        elif self.sect is not None:
            self.sect.addprevious(element)
        else:
            self.body.append(element)

    def heading(self, text: str, level: int) -> Any:
        return self.paragraph(text, f"Heading {level}")

    def bullets(self, lines: list[str]) -> None:
        for line in lines:
            self.paragraph(line, "List Bullet")

    def body_text(self, text: str) -> None:
        """A section's text: « - » or « • » lines become bullets, other lines paragraphs; a
        line that ends with « : » and introduces bullets is their lead-in, in bold."""
        lines = [raw.strip() for raw in text.splitlines() if raw.strip()]
        for n, line in enumerate(lines):
            if line[:2] in BULLETS:
                self.paragraph(line[2:].strip(), "List Bullet")
                continue
            follows = lines[n + 1][:2] in BULLETS if n + 1 < len(lines) else False
            if follows and line.endswith(":") and len(line) < 160:
                self.paragraph("", "Normal", bold_prefix=line, keep_next=True, space_before=8)
            else:
                self.paragraph(line, "Normal")

    def table(
        self,
        headers: list[str],
        rows: list[list[Any]],
        widths_cm: list[float],
        *,
        page_height_cm: float = 25.0,
        whole_cm: float | None = None,
    ) -> Any:
        """A table in the template's style, header repeated on each page, column widths
        as given; a row that fits on one page is kept on one page, or with `whole_cm`, a row
        up to that height only: a taller one goes on from the foot of a page to the next,
        under the repeated header, instead of leaving the foot blank."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        if len(widths_cm) != len(headers):  # no rows to size the columns by (an empty workshop)
            widths_cm = [(sum(widths_cm) or 17.0) / len(headers)] * len(headers)
        cell_style = CELL if self.has(CELL) else "Normal"
        header_style = CELL_HEADER if self.has(CELL_HEADER) else cell_style
        table_style = self.style_id(TABLE, "Table Grid")
        tbl = OxmlElement("w:tbl")
        pr = OxmlElement("w:tblPr")
        if table_style:
            st = OxmlElement("w:tblStyle")
            st.set(qn("w:val"), table_style)
            pr.append(st)
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), str(sum(int(w * 567) for w in widths_cm)))
        width.set(qn("w:type"), "dxa")
        pr.append(width)
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        pr.append(layout)
        look = OxmlElement("w:tblLook")
        look.set(qn("w:val"), "04A0")
        look.set(qn("w:firstRow"), "1")
        look.set(qn("w:noHBand"), "1")
        look.set(qn("w:noVBand"), "1")
        pr.append(look)
        tbl.append(pr)
        grid = OxmlElement("w:tblGrid")
        twips = [int(w * 567) for w in widths_cm]
        for w in twips:
            col = OxmlElement("w:gridCol")
            col.set(qn("w:w"), str(w))
            grid.append(col)
        tbl.append(grid)
        tbl.append(self._row(headers, twips, header_style, header=True))
        tallest = page_height_cm if whole_cm is None else min(whole_cm, page_height_cm)  # kept whole
        for values in rows:
            fits = row_height_cm(values, widths_cm) < tallest
            tbl.append(self._row(values, twips, cell_style, keep=fits))
        self._append(tbl, None)
        return tbl

    def _row(
        self, values: list[Any], twips: list[int], style: str, *, header: bool = False, keep: bool = True
    ) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        if keep:
            trpr.append(OxmlElement("w:cantSplit"))
        if header:
            h = OxmlElement("w:tblHeader")
            h.set(qn("w:val"), "true")
            trpr.append(h)
        tr.append(trpr)
        for value, w in zip(values, twips, strict=True):
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            tcw = OxmlElement("w:tcW")
            tcw.set(qn("w:w"), str(w))
            tcw.set(qn("w:type"), "dxa")
            tcpr.append(tcw)
            tc.append(tcpr)
            texts = [value] if isinstance(value, str) else list(value)
            texts = [t for t in texts if t] or [""]
            for text in texts:
                if isinstance(text, tuple):  # (bold part, rest)
                    self.paragraph(text[1], style, bold_prefix=text[0], parent=tc)
                else:
                    self.paragraph(text, style, parent=tc)
            tr.append(tc)
        return tr


# A line of a table's 9 pt text: about 0.38 cm high (its paragraph's spacing included), about
# 5.4 characters a centimetre (measured on the example's annex printed by LibreOffice).
LINE_CM, CHARACTERS_PER_CM = 0.38, 5.4


def _printed_lines(text: str, width_cm: float) -> int:
    """The lines a table cell's paragraph takes."""
    per_line = max(8.0, width_cm * CHARACTERS_PER_CM)
    return max(1, int(-(-len(text) // per_line)))


def row_height_cm(values: list[Any], widths_cm: list[float]) -> float:
    """About how tall a table row is printed: its fullest cell's lines."""
    lines = 1
    for value, width_cm in zip(values, widths_cm, strict=True):
        texts = [value] if isinstance(value, str) else value
        lines = max(lines, sum(_printed_lines(t, width_cm) for t in texts if t))
    return lines * LINE_CM + 0.3


def annex_rows(row: list[Any], widths_cm: list[float], continued: str, most_cm: float) -> list[list[Any]]:
    """A participant's row of the annex as rows of at most about `most_cm`, each kept on one
    page: a taller row cut evenly between its points, the rows after the first named
    `continued` (« Maxime Roby (suite) »). Word and LibreOffice repeat a table's header on each
    page but never a cell of a row they carry on: a row cut by the page had its end under no
    name. Where the pages end is not known here (each program lays text out its own way): a
    row is cut by its height alone."""
    if row_height_cm(row, widths_cm) <= most_cm:
        return [row]
    per_row = max(1, int((most_cm - 0.3) / LINE_CM))
    points = [[value] if isinstance(value, str) else [t for t in value if t] for value in row[1:]]
    columns = list(zip(points, widths_cm[1:], strict=True))
    total = max(sum(_printed_lines(t, w) for t in texts) for texts, w in columns)
    pieces = -(-total // per_row)
    share = total / pieces  # cut evenly: never a last row of one line
    rows: list[list[Any]] = [[[continued] if n else row[0], *[[] for _ in points]] for n in range(pieces)]
    for column, (texts, width) in enumerate(columns, start=1):
        start = 0
        for text in texts:  # each point in the row where it starts
            rows[min(pieces - 1, int(start / share))][column].append(text)
            start += _printed_lines(text, width)
    return [r for n, r in enumerate(rows) if n == 0 or any(r[1:])]


# The tallest row of the annex (centimetres), half a page: a participant's taller row is cut
# into rows about as tall, each kept on one page. Taller rows kept whole left the foot of a
# page in two blank; shorter ones cut rows a page could hold.
ANNEX_ROW_CM = 8.0


def column_widths(rows: list[list[Any]], total_cm: float, minimum_cm: float = 2.2) -> list[float]:
    """Widths in proportion to what each column holds (its longest lines weigh most),
    never narrower than `minimum_cm`: short columns stay narrow, rows stay short."""

    def size(value: Any) -> float:
        texts = [value] if isinstance(value, str) else value
        flat = [t if isinstance(t, str) else " ".join(t) for t in texts if t]
        return float(sum(len(t) for t in flat))

    def word(value: Any) -> int:
        texts = [value] if isinstance(value, str) else value
        flat = [t if isinstance(t, str) else " ".join(t) for t in texts if t]
        return max((len(w) for t in flat for w in t.split()), default=0)

    columns = len(rows[0]) if rows else 0
    if not columns:
        return []
    totals = [0.0] * columns
    longest = [0.0] * columns
    words = [0] * columns
    for row in rows:
        for c, value in enumerate(row):
            n = size(value)
            totals[c] += n
            longest[c] = max(longest[c], min(n, 60.0))
            words[c] = max(words[c], word(value))
    # Weight: the amount of text (square root: long columns get more, not all) and the
    # longest short line, so that a column of names is wide enough for a name.
    weights = [max(t, 1.0) ** 0.5 + longest[c] * 0.15 for c, t in enumerate(totals)]
    # Each column wide enough for its longest word (« Accompagnement » printed « Accompagnemen »
    # over « t à la… » in a column of 3 cm), up to a width past which a word (an address) is cut.
    floors = [max(minimum_cm, min(WORD_CM_MOST, n * WORD_CM_PER_CHARACTER + 0.5)) for n in words]
    fixed: set[int] = set()
    while True:  # the others share what the columns held at their floor leave
        room = total_cm - sum(floors[c] for c in fixed)
        free = sum(w for c, w in enumerate(weights) if c not in fixed) or 1.0
        widths = [floors[c] if c in fixed else room * w / free for c, w in enumerate(weights)]
        under = {c for c, w in enumerate(widths) if c not in fixed and w < floors[c]}
        if not under or len(fixed | under) == columns:
            break
        fixed |= under
    widths = [max(w, floors[c]) for c, w in enumerate(widths)]
    scale = total_cm / sum(widths)
    return [round(w * scale, 2) for w in widths]


# A word of 9 pt text in a table cell: about 0.21 cm a character, the cell's margins 0.5 cm;
# a word wider than WORD_CM_MOST is left to break rather than squeeze the other columns.
WORD_CM_PER_CHARACTER, WORD_CM_MOST = 0.21, 4.5


def set_language(document: Any, lang: str = "fr-FR") -> None:
    """The document's language in its default run properties and in Normal: Word and
    LibreOffice check the spelling in French, hyphenate in French."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    targets = [rpr_default]
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            targets.append(style)
    for holder in targets:
        rpr = holder.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            holder.append(rpr)
        language = rpr.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            rpr.append(language)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            language.set(qn(attribute), lang if attribute != "w:bidi" else "ar-SA")
    document.core_properties.language = lang


def describe(document: Any, title: str, lang: str) -> None:
    """The document's properties (Fichier › Propriétés, a file manager's columns) say what it
    is, in its language, and nothing of its template: its title, Atelier as its author, the
    moment it was written. The template's own (its note to whoever restyles it, its author,
    its dates of 2013, « Microsoft Macintosh Word » and its counts of 0 words, a blank
    thumbnail) were left in every document; a user's template could also leave the name of
    whoever last saved it."""
    import datetime as dt

    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    core = document.core_properties
    element = core._element  # python-docx cannot remove a property once set: all are redone
    for child in list(element):
        element.remove(child)
    core.title = normalise_text(title)[:255]
    core.author = "Atelier"
    core.language = lang
    core.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)  # written as UTC (« Z »)
    core.created = core.modified = now
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the template's first page, not of this one
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            # Word's « Application », « Template » and counts: rewritten by whoever saves it next.
            rel.target_part._blob = APP_PROPERTIES


# Extended properties of a document Atelier wrote: the application, nothing counted.
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>Atelier</Application></Properties>"
)


def table_of_contents(writer: Writer, entries: list[tuple[int, str]]) -> None:
    """A TOC field (Word updates it on opening; « Mettre à jour » in LibreOffice), whose
    shown result already lists the headings, so the table reads well before any update."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field_char(kind: str) -> Any:
        r = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r.append(fc)
        return r

    paragraphs: list[Any] = []
    for level, text in entries:
        style = f"TOC {level}"
        styled = writer.has(style)
        p = writer.paragraph("", style if styled else "Normal")
        if not paragraphs:
            p.append(field_char("begin"))
            instr_run = OxmlElement("w:r")
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-2" \\h \\z \\u '
            instr_run.append(instr)
            p.append(instr_run)
            p.append(field_char("separate"))
        # Until the field is updated (page numbers), the entries as the styles show them;
        # a template without TOC styles gets the second level indented by hand.
        p.append(writer._run(("" if styled or level == 1 else "    ") + text))
        paragraphs.append(p)
    paragraphs[-1].append(field_char("end"))
    settings = writer.document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        settings.append(update)
    update.set(qn("w:val"), "true")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def closing(writer: Writer, organiser: str, contact: str, lang: str = "fr") -> None:
    """« Vous souhaitez en savoir plus ? Contactez… »: who to reach, as the header gives it."""
    lines = _lines(contact)
    if lang == "en":
        whom = f"Contact {organiser}:" if organiser else "Contact us:"
        lead = "Would you like to know more? "
    else:
        whom = f"Contactez {organiser} :" if organiser else "Contactez-nous :"
        lead = "Vous souhaitez en savoir plus ? "
    writer.paragraph(whom, "Normal", bold_prefix=lead, keep_next=True, space_before=18)
    for line in lines:
        writer.paragraph(line, "Normal")


def _no_table_talk(description: str) -> str:
    from atelier.synthesis import _sentences_without_table

    return _sentences_without_table(description)


def _without_facts(description: str, workshop: Any) -> str:
    """The text above the grid without its lines saying the workshop's date, place or organiser
    (« Date : 3 décembre 2026 », « Lieu : Langon »): the minutes say each once, under the title."""
    import re

    from atelier.french import find_date, fold

    said = {
        "lieu": fold(workshop.place),
        "organise par": fold(workshop.organiser),
        "organisateur": fold(workshop.organiser),
        "organisatrice": fold(workshop.organiser),
    }
    try:
        day = dt.date.fromisoformat(workshop.date) if workshop.date else None
    except ValueError:
        day = None
    kept = []
    for line in description.split("\n"):
        label, colon, value = line.partition(":")
        label, value = fold(label).strip(" \u00a0\u202f"), value.strip()
        if colon and value and said.get(re.sub(r" de l'atelier$| de la reunion$", "", label)) == fold(value):
            continue
        if (
            day is not None
            and find_date(line) == day
            and ((colon and label.startswith("date") and len(value.split()) <= 4) or len(line.split()) <= 5)
        ):
            continue  # « Date : 3 décembre 2026 », « Mardi 3 décembre 2026 »; not its hours
        kept.append(line)
    return "\n".join(kept)


def write_docx(
    data: ExportData,
    target: str | Path,
    *,
    template: Path | None = None,
    progress: Progress | None = None,
    replace: bool = True,
) -> Path:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    from atelier.french import count

    say = progress or (lambda _p, _t: None)
    target = Path(target)
    lang = data.lang
    english = lang == "en"
    document = open_template(template)
    set_language(document, "en-GB" if english else "fr-FR")
    with writing_atomically(target, replace=replace) as temp:
        say(55, "en-tête")
        w = Writer(document, french=not english)
        workshop = data.workshop
        w.paragraph(_t("Compte rendu", lang), "Subtitle" if w.has("Subtitle") else "Normal")
        w.paragraph(workshop.title, "Title")
        day = long_date(workshop.date, lang)
        facts = []
        if day and day not in workshop.title and long_date(workshop.date, "fr") not in workshop.title:
            facts.append((_t("Date : ", lang), day))
        if workshop.place:
            facts.append((_t("Lieu : ", lang), workshop.place))
        if workshop.organiser:
            facts.append((_t("Organisé par : ", lang), workshop.organiser))
        if workshop.contact:
            facts.append((_t("Contact : ", lang), " — ".join(_lines(workshop.contact))))
        for label, value in facts:
            w.paragraph(value, "Normal", bold_prefix=label)
        intro = _no_table_talk(_without_facts(workshop.description, workshop))
        if intro:
            w.paragraph(intro, "Normal")
        describe(document, f"{_t('Compte rendu', lang)} — {workshop.title}", "en-GB" if english else "fr-FR")

        say(60, "synthèse")
        from atelier.exports import minutes_sections

        sections = minutes_sections(data)
        made = [m for m in data.matches if m.status != MatchStatus.SUGGESTED]
        # A need whose every contact came to nothing (« sans suite ») keeps its leads, as the
        # synthesis counts it (synthesis.Drafter's `decided`).
        decided_needs = {(m.need_who, m.need) for m in made if m.follow_up != FollowUp.DROPPED}
        from atelier.confidence import very_likely
        from atelier.synthesis import first_leads

        leads: list[Any] = first_leads(data.matches, decided_needs)
        # Who was away and wrote something (sent before the workshop): in the grid, said away.
        written = [p for p in data.away if any(data.cells.get(p.id, {}).values())]
        # Minutes exported before anyone was typed in: no « Participants » over a table of
        # column titles only, no annex of an empty grid (the context says there is no one yet).
        listed = bool(data.participants or data.away)
        gridded = bool(data.participants or written)
        toc: list[tuple[int, str]] = [(1, "Participants")] if listed else []
        toc += [(1, _t("Synthèse des échanges", lang))]
        toc += [(2, h or "—") for h, _ in sections]
        toc += [(1, _t("Les mises en relation", lang))]
        if leads:
            toc.append((2, _t("Pistes de mise en relation", lang)))
        if gridded:
            toc.append((1, _t("Annexe : la grille complète", lang)))
        w.paragraph(_t("Sommaire", lang), "TOC Heading" if w.has("TOC Heading") else "Heading 2")
        table_of_contents(w, toc)

        if listed:
            w.heading("Participants", 1)
        if data.participants and data.anonymised:
            # As the synthesis counts them: people, and the rows when a row names two.
            room = count(data.people_named(), "participant", lang=lang)
            if data.people_named() != len(data.participants):
                of = _t("de la grille des présents" if data.away else "de la grille", lang)
                line, lines = ("row", "rows") if lang == "en" else ("ligne", "lignes")
                room += f" ({count(len(data.participants), f'{line} {of}', f'{lines} {of}', lang=lang)})"
            w.paragraph(
                f"{room}. "
                + _t(
                    "Compte rendu anonymisé : chaque participant est désigné par sa structure ou son "
                    "territoire, et les autres personnes nommées (prénom, nom ou civilité) par « [nom] ».",
                    lang,
                ),
                "Normal",
            )
            people: list[list[Any]] = [
                [as_typed(data.who[p.id]), as_typed(p.territory)] for p in data.participants
            ]
            w.table([_t("Structure", lang), _t("Territoire", lang)], people, column_widths(people, 17.0))
        elif data.participants:
            # Someone came instead of the person the row names: both said, what the row holds
            # hers (« Julie Bernard (absente, représentée par Marc Roux) »).
            people = [
                [
                    as_typed(x)
                    for x in (aside(p.people(lang), p.representation(lang)), p.organisation, p.territory)
                ]
                for p in data.participants
            ]
            headers = [_t("Personnes", lang), _t("Structure", lang), _t("Territoire", lang)]
            w.table(headers, people, column_widths(people, 17.0))
        _away_paragraphs(w, data, lang)

        w.heading(_t("Synthèse des échanges", lang), 1)
        for heading, body in sections:
            w.heading(heading or "—", 2)
            w.body_text(body)

        say(75, "mises en relation")
        w.heading(_t("Les mises en relation", lang), 1)
        if made:
            w.paragraph(
                decided_lead(made, workshop.date, lang)
                + _t(
                    " : qui cherche quoi, qui peut aider, pourquoi, et où en est la prise de contact.", lang
                ),
                "Normal",
                keep_next=True,
            )
            # Someone this workshop's grid says was not in the room (« (excusée) » typed after the
            # decision): said beside their name, as in the list of those away and the annex.
            away = {p.id: f"({_t(AWAY_WORDS[p.away()][0], lang)})" for p in data.away}
            rows: list[list[Any]] = [
                [
                    [
                        as_typed(m.need_who),
                        *([away[m.need_owner]] if m.need_owner in away else []),
                        as_typed(m.need),
                    ],
                    [
                        as_typed(m.resource_who),
                        *([away[m.resource_owner]] if m.resource_owner in away else []),
                        *([f"({m.elsewhere})"] if m.elsewhere else []),
                        *([f"({_t('même structure', lang)})"] if m.same_structure else []),
                        # What the helper brings, as the pistes below say it: a challenge of
                        # theirs is never printed as if it were an offer.
                        *_offer_lines(m.resource, source_word(m.source, lang, m.on_subject, m.aim)),
                    ],
                    m.reason or status_word(m.status, lang),
                    # one step a line; first, a text changed since the decision (⚠ in the window)
                    [
                        *([_t(RETYPED, lang)] if m.retyped else []),
                        *follow_up_lines(m.follow_up, m.follow_up_changed, m.steps, lang),
                    ],
                ]
                for m in made
            ]
            headers = [_t(h, lang) for h in ("Cherche", "Peut aider", "Pourquoi", "Suivi")]
            w.table(headers, rows, [4.4, 5.0, 4.2, 3.4])
            # Written again weeks later, the minutes say how far the follow-up has gone.
            # Apart from the table, as a paragraph after a table or list is (never its last row).
            w.paragraph(follow_up_summary(made, dt.date.today().isoformat(), lang), "Normal", space_before=8)
        else:
            w.paragraph(_t("Aucune mise en relation n'a été décidée pendant l'atelier.", lang), "Normal")
        if leads:
            w.heading(_t("Pistes de mise en relation", lang), 2)
            # On the page of the table it introduces, never left alone at the foot of the one before.
            w.paragraph(_leads_lead(leads, made, lang), "Normal", keep_next=True)
            rows = [
                [
                    [as_typed(m.need_who), as_typed(m.need)],
                    [
                        as_typed(m.resource_who),
                        *([f"({m.elsewhere})"] if m.elsewhere else []),
                        *([f"({_t('même structure', lang)})"] if m.same_structure else []),
                        *_offer_lines(m.resource, source_word(m.source, lang, m.on_subject, m.aim)),
                        # How sure, as the window says it and the synthesis counts it (« 5 ont une
                        # piste dans la salle (« très probable » …) et 9 n'ont qu'une piste possible »).
                        f"({_t(SURE if very_likely(m.score, m.thin) else MAYBE, lang)})",
                    ],
                    m.reason,
                ]
                for m in leads
            ]
            w.table([_t(h, lang) for h in ("Cherche", "Pourrait aider", "Pourquoi")], rows, [5.6, 6.2, 5.2])

        if workshop.contact:
            closing(w, workshop.organiser, workshop.contact, lang)

        say(85, "annexe")
        if gridded:
            annex = document.add_section(WD_SECTION.NEW_PAGE)
            annex.orientation = WD_ORIENT.LANDSCAPE
            width, height = annex.page_width, annex.page_height
            if height > width:
                annex.page_width, annex.page_height = height, width
            w.sect = w.body.find(docx_qn("w:sectPr"))
            w.heading(_t("Annexe : la grille complète", lang), 1)
            headers = ["Participant", *[kind_titles(lang)[k] for k in ITEM_KINDS]]
            grid_rows = []
            for participant in [*data.participants, *written]:
                who = [data.who[participant.id]]
                if not data.anonymised:
                    extra = ", ".join(x for x in (participant.territory, participant.role) if x)
                    if extra and extra not in who[0]:
                        who.append(extra)
                if participant.away():
                    who.append(f"({_t(AWAY_WORDS[participant.away()][0], lang)})")
                who = [as_typed(line) for line in who]  # the grid's cells as typed, as the grid shows them
                grid_rows.append(
                    [who, *[[f"• {as_typed(t)}" for t in data.cells[participant.id][k]] for k in ITEM_KINDS]]
                )
            # Every row kept on one page, a tall one cut into rows of half a page at most
            # (`annex_rows`), each named: a row Word carried on to the next page had no name there.
            widths = column_widths(grid_rows, 25.7, minimum_cm=3.0)
            printed = [
                piece
                for participant, row in zip([*data.participants, *written], grid_rows, strict=True)
                for piece in annex_rows(row, widths, _continued(data, participant, lang), ANNEX_ROW_CM)
            ]
            w.table(headers, printed, widths, page_height_cm=16.0)
        say(95, "écriture")
        document.save(str(temp))
    say(100, "terminé")
    return target


def _offer_lines(offer: str, kind: str) -> list[Any]:
    """A table's lines for what the helper brings: « Club d'entreprises (ressource proposée) »;
    an offer ending with its own aside gets its kind on the next line, never « … (facilitateurs
    en matière de dispositifs et d'aides) (ressource proposée) », two asides read as one. The
    full stop typed at the end of a sentence goes, as in « Ce que la salle peut apporter »:
    never « … pour définir une stratégie. (ressource proposée) »."""
    offer = offer.rstrip()
    if offer.endswith((")", "]")):
        return [as_typed(offer), f"({kind})"]
    if offer.endswith(".") and not offer.endswith(".."):
        offer = offer[:-1].rstrip()
    return [f"{as_typed(offer)} ({kind})"]


def _continued(data: ExportData, participant: Any, lang: str) -> str:
    """The name over the rest of a participant's row in the annex: « Maxime Roby (suite) »,
    the row's label when it names no one (anonymised: its structure), its own aside a comma."""
    from atelier.french import unnested

    name = participant.people(lang) if not data.anonymised else ""
    label = unnested(name or data.who[participant.id])
    return f"{as_typed(label)} ({_t('suite', lang)})"


def decided_lead(made: list[Any], workshop_day: str | None, lang: str = "fr") -> str:
    """« 3 mises en relation décidées pendant l'atelier », « … depuis l'atelier », « 5 mises en
    relation décidées, 3 pendant l'atelier et 2 depuis »; only « décidées » when a date is
    unknown: the minutes, written weeks later, never say a later decision was the room's."""
    from atelier.domain import decided_when
    from atelier.french import count

    during, since, unknown = decided_when([m.decided for m in made], workshop_day)
    if lang == "en":
        lead = count(len(made), "match decided", "matches decided", lang="en")
        if unknown:
            return lead
        if not since:
            return f"{lead} during the workshop"
        if not during:
            return f"{lead} since the workshop"
        return f"{lead}, {during} during the workshop and {since} since"
    lead = count(len(made), "mise en relation décidée", "mises en relation décidées", lang="fr")
    if unknown:
        return lead
    if not since:
        return f"{lead} pendant l'atelier"
    if not during:
        return f"{lead} depuis l'atelier"
    return f"{lead}, {during} pendant l'atelier et {since} depuis"


# A decided match whose need or offer was retyped since the decision (matches.retyped): what the
# people agreed on is no longer what the grid says.
RETYPED = RETYPED_SAID[0]

# The minutes' fixed words in English (the French is the key, as the French minutes write it).
ENGLISH: dict[str, str] = {
    RETYPED: RETYPED_SAID[1],
    "Compte rendu": "Minutes",
    "Date : ": "Date: ",
    "Lieu : ": "Place: ",
    "Organisé par : ": "Organised by: ",
    "Contact : ": "Contact: ",
    "Synthèse des échanges": "Summary of the discussions",
    "Les mises en relation": "The matches",
    "Pistes de mise en relation": "Leads for matches",
    "même structure": "same structure",
    "suite": "continued",
    "Annexe : la grille complète": "Annex: the full grid",
    "Sommaire": "Contents",
    "piste très probable": "very likely lead",
    "piste possible": "possible lead",
    "de la grille": "of the grid",
    "de la grille des présents": "of the grid of those present",
    "Compte rendu anonymisé : chaque participant est désigné par sa structure ou son territoire, et les "
    "autres personnes nommées (prénom, nom ou civilité) par « [nom] ».": (
        "Anonymised minutes: each participant is named by their organisation or their territory, and "
        "other people named (first name, surname or title) by “[name]”."
    ),
    "Structure": "Organisation",
    "Territoire": "Territory",
    "Personnes": "People",
    " : qui cherche quoi, qui peut aider, pourquoi, et où en est la prise de contact.": (
        ": who is looking for what, who can help, why, and how far the contact has gone."
    ),
    "Cherche": "Looking for",
    "Peut aider": "Can help",
    "Pourrait aider": "Could help",
    "Pourquoi": "Why",
    "Suivi": "Follow-up",
    "Aucune mise en relation n'a été décidée pendant l'atelier.": "No match was decided during the workshop.",
    "excusé·e": "excused",
    "absent·e": "absent",
    "Excusé·e : ": "Excused: ",
    "Excusé·es : ": "Excused: ",
    "Absent·e : ": "Absent: ",
    "Absent·es : ": "Absent: ",
}


# How the minutes say who was not in the room (Participant.away): one, several.
AWAY_WORDS = {EXCUSED: ("excusé·e", "Excusé·es : "), ABSENT: ("absent·e", "Absent·es : ")}


def _away_paragraphs(w: Any, data: ExportData, lang: str) -> None:
    """« Excusé·e : Paul Durand (Mission locale du Médoc). », « Absent·es : … » under the
    participants: named apart, in no count of those present (ExportData.away)."""
    from atelier.french import join

    first = True
    for state, (one, several) in AWAY_WORDS.items():
        named = [as_typed(data.who[p.id]) for p in data.away if p.away() == state]
        if named:
            label = several if len(named) > 1 else one[:1].upper() + one[1:] + " : "
            space = {"space_before": 6} if first else {}
            w.paragraph(join(named, lang) + ".", "Normal", bold_prefix=_t(label, lang), **space)
            first = False


def _t(french: str, lang: str) -> str:
    """A fixed word of the minutes in their language."""
    return ENGLISH[french] if lang == "en" else french


# How sure a lead of the minutes' table is, as the window says it (atelier.confidence.LEVELS).
SURE, MAYBE = "piste très probable", "piste possible"


def _leads_lead(leads: list[Any], made: list[Any], lang: str) -> str:
    """« Pour 3 besoins, voici les personnes de l'atelier qui pourraient vous aider : n'hésitez
    pas à prendre contact. » (English « For 3 needs, here are the people of the workshop who
    could help you: feel free to get in touch. »); « Pour un besoin », in words."""
    from atelier.french import plural

    english = lang == "en"

    def count(number: int, one: str, many: str, lang: str) -> str:  # « pour un besoin », never « 1 »
        from atelier.french import count as figures

        if number == 1:
            return f"{'one' if lang == 'en' else 'un'} {one}"
        return figures(number, one, many, lang=lang)

    above = {(m.need_who, m.need) for m in made}
    # A need whose every match came to nothing (« sans suite ») keeps its leads: counted apart,
    # as the synthesis counts it among those put in touch (« 5 ont donné lieu à une mise en
    # relation (dont 1 classée sans suite), 3 n'ont qu'une piste »), never as a fourth need.
    again = list(dict.fromkeys((m.need_who, m.need) for m in leads if (m.need_who, m.need) in above))
    fresh = len({(m.need_who, m.need) for m in leads}) - len(again)
    # « autres » when some needs were answered above.
    other = bool(made)
    # « dont les mises en relation … » of two needs, or of one put in touch twice
    several = len(again) > 1 or (bool(again) and sum((m.need_who, m.need) == again[0] for m in made) > 1)
    if english:
        parts = (
            [count(fresh, "other need" if other else "need", "other needs" if other else "needs", lang="en")]
            if fresh
            else []
        )
        if again:
            whose = "whose matches were dropped" if several else "whose match was dropped"
            parts.append(f"{count(len(again), 'need', 'needs', lang='en')} {whose}")
        needs = ", and for ".join(parts)
        room = "" if any(m.elsewhere for m in leads) else " of the workshop"
        people = plural(len(leads), "here is the person", "here are the people", lang="en")
        return f"For {needs}, {people}{room} who could help you: feel free to get in touch."
    parts = (
        [
            count(fresh, "autre besoin", "autres besoins", lang="fr")
            if other
            else count(fresh, "besoin", "besoins", lang="fr")
        ]
        if fresh
        else []
    )
    if again:
        whose = (
            "dont les mises en relation décidées ont été classées sans suite"
            if several
            else "dont la mise en relation décidée a été classée sans suite"
        )
        parts.append(f"{count(len(again), 'besoin', 'besoins', lang='fr')} {whose}")
    needs = ", et pour ".join(parts)
    # « de l'atelier » only when every one of them was in the room: someone met at an
    # earlier workshop of the file is said to be from there (« (atelier du …) »).
    room = "" if any(m.elsewhere for m in leads) else " de l'atelier"
    return (
        f"Pour {needs}, "
        f"{plural(len(leads), 'voici la personne', 'voici les personnes', lang='fr')}{room} "
        "qui pourrai" + ("ent" if len(leads) > 1 else "t") + " vous aider : n'hésitez pas à "
        "prendre contact."
    )


def docx_qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))
