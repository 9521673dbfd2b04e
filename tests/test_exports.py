"""Excel and Word exports, read back as a staff member would open them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, SynthesisSection, Workshop
from atelier.errors import AtelierError
from atelier.exports import gather
from atelier.exports.word import write_docx
from atelier.exports.xlsx import write_xlsx
from atelier.french import keep_together, typography
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.libreoffice import convert, soffice_or_skip

FORMULA = '=HYPERLINK("http://exemple.invalid","cliquez")'


@pytest.fixture(scope="module")
def _example_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example workshop, matched, two matches confirmed, a participant typing a formula
    (matched once for the module: each test gets its own copy, see `example`)."""
    path = tmp_path_factory.mktemp("example") / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        tricky = store.add_participant(
            Participant(workshop_id, names=["Zoé Formule"], organisation="=SOMME(A1:A9)", territory="Landes")
        )
        store.add_item(Item(tricky.id, ItemKind.NEED, FORMULA))
        store.add_item(Item(tricky.id, ItemKind.OFFER, "+33 6 12 34 56 78 pour les clauses"))
        store.add_item(Item(tricky.id, ItemKind.ACTION, "-20 % de chômage visé"))
        report = match_workshop(store, workshop_id)
        save_suggestions(store, workshop_id, report.suggestions)
        best = sorted(store.matches(workshop_id), key=lambda m: -m.score)[:2]
        for match in best:
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
        store.add_synthesis_section(
            SynthesisSection(
                workshop_id, "Une période de transition", "Après les élections :\n- des feuilles de route"
            )
        )
    return path


@pytest.fixture
def example(_example_once: Path, tmp_path: Path) -> Path:
    """This test's own copy of the example workshop of `_example_once`."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(_example_once, path)
    return path


@pytest.fixture(scope="module")
def exported(_example_once: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`exported(flag, lang)`: the example of `_example_once` exported by `atelier export
    FLAG` with ATELIER_LANG=lang, the command run once for the module and its file read back
    by each test that asks (tests only read it)."""
    folder = tmp_path_factory.mktemp("exported")
    made: dict[tuple[str, str], Path] = {}

    def export(flag: str, lang: str = "fr") -> Path:
        if (flag, lang) not in made:
            target = folder / f"exemple-{lang}.{'xlsx' if flag == '--xlsx' else 'docx'}"
            done = run_cli("export", str(_example_once), flag, str(target), env={"ATELIER_LANG": lang})
            assert done.returncode == 0, done.stderr
            made[flag, lang] = target
        return made[flag, lang]

    return export


def _everything(store: Store) -> tuple[list[Participant], list[Item]]:
    workshop_id = store.workshops()[0].id
    return store.participants(workshop_id), store.workshop_items(workshop_id)


def headings_2(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 2"]


def _sections_text(paragraphs: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    current = ""
    for style, text in paragraphs:
        if style == "Heading 2":
            current = text
            out[current] = ""
        elif current:
            out[current] += text + "\n"
    return out


def _bare(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_word_minutes_hold_every_participant_and_item_once_in_a_landscape_annex(
    example: Path, exported: Callable[..., Path]
) -> None:
    target = exported("--docx")
    document = docx.Document(str(target))
    with Store.open(example, readonly=True) as store:
        participants, items = _everything(store)
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells][1:] == [
        "Actions engagées",
        "Défis",
        "Besoins de ressources",
        "Peut être ressource sur",
    ]
    # one row each, and the rest of a tall one under « Name (suite) »
    named = [row for row in annex.rows[1:] if not row.cells[0].text.endswith(" (suite)")]
    assert len(named) == len(participants)
    annex_cells = [p.text for row in annex.rows[1:] for c in row.cells for p in c.paragraphs]
    for item in items:  # as typed: their spaces kept from breaking the line, none added
        assert annex_cells.count(keep_together(f"• {item.text}")) == 1, item.text
    # Header row repeated on every page, annex in landscape, body in portrait.
    assert annex.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    last, first = document.sections[-1], document.sections[0]
    assert last.page_width > last.page_height and first.page_width < first.page_height
    # Real heading styles, the template's table styles, no empty paragraph used for spacing.
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles
    assert {t.style.name for t in document.tables} == {"Atelier Grille"}
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Participants", "Synthèse des échanges"]
    assert "Les mises en relation" in headings and "Annexe\u00a0: la grille complète" in headings
    # A title block that says what the document is, a table of contents, French.
    first = [p.text for p in document.paragraphs[:3]]
    assert first[0] == "Compte rendu" and first[1] == "Atelier du 16 mars 2021"
    assert "Lieu\u00a0: " in "\n".join(p.text for p in document.paragraphs[:6])
    assert "16 mars 2021" not in first[0]  # the date is in the title: not said twice
    body_xml = document.element.xml
    assert 'TOC \\o "1-2"' in body_xml
    styles_xml = document.styles.element.xml
    assert 'w:lang w:val="fr-FR"' in styles_xml and "en-US" not in styles_xml
    assert "Ce tableau reprend" not in _docx_text(target)
    # Every annex row is kept on one page (a tall one cut into rows named « … (suite) »: see
    # test_no_page_of_the_annex_is_left_half_blank); the narrow columns are narrow.
    rows = annex._tbl.findall(docx.oxml.ns.qn("w:tr"))
    kept = [
        r.find(docx.oxml.ns.qn("w:trPr") + "/" + docx.oxml.ns.qn("w:cantSplit")) is not None for r in rows
    ]
    assert all(kept), kept
    widths = [
        int(c.get(docx.oxml.ns.qn("w:w"))) for c in annex._tbl.tblGrid.findall(docx.oxml.ns.qn("w:gridCol"))
    ]
    assert widths[1] > 1.5 * widths[3]  # actions are long, needs short
    empty = [
        p
        for p in document.paragraphs
        if not p.text.strip()
        and p._p.find(docx.oxml.ns.qn("w:pPr") + "/" + docx.oxml.ns.qn("w:sectPr")) is None
    ]
    assert empty == []
    text = _docx_text(target)
    assert "16 mars 2021" in text and "Une période de transition" in text
    assert FORMULA in text  # typed text, as typed
    # French spaces: no « : » or « » » can start a line.
    assert " :" not in text.replace("\u00a0:", "") and "« " not in text and " »" not in text
    matches_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Cherche")
    assert len(matches_table.rows) == 3  # the two confirmed matches
    assert (
        "2 mises en relation décidées depuis l'atelier\u00a0:" in text
    )  # confirmed today, years after the workshop
    assert "Pistes de mise en relation" in headings_2(document)
    assert "Pistes suggérées, à vérifier" not in text


def test_excel_summary_is_formatted_and_formula_like_text_stays_text(
    example: Path, exported: Callable[..., Path]
) -> None:
    target = exported("--xlsx")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "Synthèse",
        "Grille",
        "Actions",
        "Défis",
        "Besoins",
        "Ressources",
        "Mises en relation",
    ]
    with Store.open(example, readonly=True) as store:
        participants, items = _everything(store)
    grid = book["Grille"]
    assert grid.max_row == len(participants) + 1
    assert grid.freeze_panes == "A2" and grid.auto_filter.ref.startswith("A1:")
    assert grid["A1"].font.bold and grid["F2"].alignment.wrap_text
    # One row per item on every item sheet, with who, where, which workshop, when: stackable.
    import pandas as pd

    for sheet, kind in (
        ("Actions", ItemKind.ACTION),
        ("Défis", ItemKind.CHALLENGE),
        ("Besoins", ItemKind.NEED),
    ):
        frame = pd.read_excel(target, sheet_name=sheet)
        assert list(frame.columns[:5]) == ["Participant", "Structure", "Territoire", "Atelier", "Date"]
        assert sorted(frame["Texte"]) == sorted(i.text for i in items if i.kind == kind)
        assert set(frame["Atelier"]) == {"Atelier du 16 mars 2021"}
    assert int(book["Actions"].page_setup.paperSize) == 9  # A4
    assert book["Actions"].row_dimensions[2].height
    needs = [row[6] for row in book["Besoins"].iter_rows(min_row=2, values_only=True)]
    assert sorted(needs) == sorted(i.text for i in items if i.kind == ItemKind.NEED)
    offers = [row[6] for row in book["Ressources"].iter_rows(min_row=2, values_only=True)]
    assert sorted(offers) == sorted(i.text for i in items if i.kind == ItemKind.OFFER)
    # Every text that looks like a formula is stored as text and shown as typed.
    formula_cells = [
        c
        for sheet in book
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "=+-@"
    ]
    assert {c.value for c in formula_cells} >= {
        FORMULA,
        "=SOMME(A1:A9)",
        "+33 6 12 34 56 78 pour les clauses",
    }
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_cells)
    summary = book["Synthèse"]
    assert summary["B3"].is_date and summary["B3"].value.date().isoformat() == "2021-03-16"
    assert int(summary.page_setup.paperSize) == 9  # A4, as every sheet
    # Read back with pandas as a staff member would: the Participant column holds the
    # person(s), never « Nom / Structure » again (the structure has its column); the grid
    # keeps its workshop and date; the matches name both sides with the same columns.
    grid_frame = pd.read_excel(target, sheet_name="Grille")
    assert list(grid_frame.columns[:7]) == [
        "N°",
        "Participant",
        "Structure",
        "Territoire",
        "Fonction",
        "Atelier",
        "Date",
    ]
    assert set(grid_frame["Atelier"]) == {"Atelier du 16 mars 2021"}
    assert {str(d)[:10] for d in grid_frame["Date"]} == {"2021-03-16"}
    row = grid_frame[grid_frame["Structure"] == "Région N-A"].iloc[0]
    assert row["Participant"] == "Jacques Le-priol"
    assert not any(" / " in str(p) for p in grid_frame["Participant"])
    pair = grid_frame[grid_frame["Structure"] == "Mont de Marsan Agglo"].iloc[0]
    assert pair["Participant"] == "Corinne Corcuff et Sefallah Mahamat Bindi"
    matches = pd.read_excel(target, sheet_name="Mises en relation")
    assert list(matches.columns[:10]) == [
        "Participant",
        "Structure",
        "Territoire",
        "Atelier",
        "Date",
        "Besoin",
        "Peut aider\xa0: participant",
        "Peut aider\xa0: structure",
        "Peut aider\xa0: territoire",
        "Ressource",
    ]
    assert list(matches["Statut"]).count("confirmée") == 2 and "suggestion" in set(matches["Statut"])
    assert not any(" / " in str(p) for p in matches["Participant"])
    assert not any(" / " in str(p) for p in matches["Peut aider\xa0: participant"])


def test_anonymised_exports_name_no_participant(example: Path, tmp_path: Path) -> None:
    with Store.open(example, readonly=True) as store:
        participants, _ = _everything(store)
    names = [n for p in participants for n in p.names]
    assert len(names) > 20
    for flag, name in (("--docx", "cr.docx"), ("--xlsx", "cr.xlsx")):
        target = tmp_path / name
        assert run_cli("export", str(example), flag, str(target), "--anonymise").returncode == 0
        if flag == "--docx":
            text = _docx_text(target)
        else:
            book = openpyxl.load_workbook(target)
            text = "\n".join(str(c.value) for s in book for row in s.iter_rows() for c in row if c.value)
        folded = text.casefold()
        assert [n for n in names if n.casefold() in folded] == []
        assert "Grand Angoulême" in text  # the structure stands in for the person
        # Two people of one structure are numbered, never in brackets within brackets, and
        # a structure takes its article: « Observations de la Région N-A n° 1 ».
        assert "Région N-A n°\u00a02" in text and not re.search(r"\([^()]*\([^()]*\)\s*\)", text)


def test_export_errors_leave_nothing_half_written(example: Path, tmp_path: Path) -> None:
    with Store.open(example, readonly=True) as store:
        data = gather(store, store.workshops()[0].id)
    # A target already there and open in LibreOffice: untouched.
    target = tmp_path / "cr.docx"
    target.write_bytes(b"previous version")
    lock = tmp_path / ".~lock.cr.docx#"
    lock.write_text("someone,host")
    with pytest.raises(AtelierError) as error:
        write_docx(data, target)
    assert "ouvert dans un autre programme" in error.value.user_message()
    assert target.read_bytes() == b"previous version"
    lock.unlink()
    # Template missing, or not a Word file.
    with pytest.raises(AtelierError, match="introuvable"):
        write_docx(data, target, template=tmp_path / "absent.docx")
    fake = tmp_path / "modele.docx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(AtelierError, match="modèle Word utilisable"):
        write_docx(data, target, template=fake)
    assert target.read_bytes() == b"previous version"
    # A read-only folder: refused, nothing written there.
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        for writer, name in ((write_docx, "cr.docx"), (write_xlsx, "cr.xlsx")):
            with pytest.raises(AtelierError, match="lecture seule"):
                writer(data, folder / name)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
    # From the command line: one French line, exit 1, no traceback.
    result = run_cli("export", str(example), "--docx", str(target), "--template", str(fake), "--force")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "modèle Word" in result.stderr
    assert list(tmp_path.glob(".*.tmp*")) == []


def test_libreoffice_converts_the_minutes_to_pdf(exported: Callable[..., Path], tmp_path: Path) -> None:
    soffice_or_skip()
    target = tmp_path / "compte-rendu.docx"
    shutil.copy(exported("--docx"), target)
    pdf = convert(target, "pdf", tmp_path, tmp_path / "lo-profile")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000


def test_no_page_of_the_annex_is_left_half_blank(exported: Callable[..., Path], tmp_path: Path) -> None:
    """Printed, the annex's rows were each kept on one page: a row of half a page that did
    not fit went to the next one whole, leaving the foot of the page before blank (the
    example's annex: 9 pages, 4 of them half empty). A row taller than half a page is now cut
    into rows of half a page at most, each kept on one page under its name (a row that went on
    to the next page had no name there): no page of the annex but its last is left half blank
    (a row of up to half a page starts the next page whole when the foot has no room for it)."""
    from pypdf import PdfReader

    soffice_or_skip()
    target = tmp_path / "compte-rendu.docx"
    shutil.copy(exported("--docx"), target)
    reader = PdfReader(convert(target, "pdf", tmp_path, tmp_path / "lo-profile"))
    annex = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    assert len(annex) >= 3
    for number, page in enumerate(annex[:-1], start=1):
        lowest: list[float] = []

        def seen(text: str, _cm, tm, _font, _size, lowest=lowest) -> None:
            said = text.strip()
            if said and not said.startswith("Page") and not said.isdigit():  # not the page number
                lowest.append(float(tm[4] * _cm[1] + tm[5] * _cm[3] + _cm[5]))

        page.extract_text(visitor_text=seen)
        height = float(page.mediabox.height)
        assert min(lowest) < height / 2, (number, min(lowest), height)


def test_a_grid_exported_straight_after_import_has_a_drafted_synthesis_and_leads(tmp_path: Path) -> None:
    """`atelier import` then `atelier export`: no synthesis typed, never matched. The minutes
    still hold a synthesis of the whole grid (themes of actions, challenges and needs, with
    who said what) and the best leads for participants; the workshop file is left as it was."""
    source = tmp_path / "x.atelier"
    assert (
        run_cli(
            "import", str(ROOT / "examples" / "grille-atelier-2021-03-16.docx"), "-o", str(source)
        ).returncode
        == 0
    )
    before = source.read_bytes()
    target = tmp_path / "x.docx"
    result = run_cli("export", str(source), "--docx", str(target))
    assert result.returncode == 0, result.stderr
    assert source.read_bytes() == before
    document = docx.Document(str(target))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    start = paragraphs.index(("Heading 1", "Synthèse des échanges"))
    end = next(i for i, (style, _) in enumerate(paragraphs) if i > start and style == "Heading 1")
    synthesis = paragraphs[start + 1 : end]
    headings = [text for style, text in synthesis if style == "Heading 2"]
    assert headings == [
        "Le contexte",
        "Ce qui est déjà engagé",
        "Des observations à retenir",
        "Les défis à relever",
        "Les besoins de ressources",
        "Ce que la salle peut apporter",
    ]
    # Short, readable: the hand-written synthesis is 532 words; the draft at most twice that,
    # sentences that say what participants share, a few quotes, not a dump of items. Apart:
    # « Ce que la salle peut apporter », every offer with its author (what readers act on;
    # tests/test_minutes_points.py).
    offers = next(i for i, (style, text) in enumerate(synthesis) if text == "Ce que la salle peut apporter")
    prose = synthesis[:offers]
    words = sum(1 for _, text in prose for w in text.split() if any(c.isalnum() for c in w))
    # Apart too, the facts typed among the actions (« Constats notés parmi les actions : … »),
    # a line the hand-written minutes do not have: said in the context, no longer cited as
    # actions (tests/test_synthesis.py).
    # So are the aims typed there (« Objectifs annoncés : … »), counted apart from the actions
    # (tests/test_aims_never_said_done.py): each of these lines short.
    apart = {
        lead: sum(
            1
            for _, text in prose
            if text.startswith(lead)
            for w in text.split()
            if any(c.isalnum() for c in w)
        )
        for lead in ("Constats notés parmi les actions", "Objectifs annoncés")
    }
    assert all(0 < n < 40 for n in apart.values()), apart
    findings = sum(apart.values())
    assert 500 < words - findings <= 2 * 532, words
    body = "\n".join(text for _, text in synthesis)
    # (a piece ending with its own brackets is quoted, so that its credit is not read as one
    # more aside of it: tests/test_minutes_credit_after_aside.py)
    assert len(re.findall(r"«\u00a0", body)) <= 22
    # A challenge several share, said by what each of them writes (« Entreprises, un défi pour
    # 8 participants »; never « 8 participants veulent travailler avec les entreprises » when
    # one of the eight wrote it).
    assert re.search(r"\w+, un défi pour \d+ participants", body)
    assert not re.search(r"\d+ participants veulent travailler avec les entreprises", body)
    assert "se regroupent d'abord autour de" in body and "proposent d'être ressource" in body
    # What participants say of their territory: a period of change, in their own words.
    assert "période de changement" in body and "Changement de majorité à Poitiers" in body
    # Where the needs stand: with a lead in the room (one the projector would show), a
    # possible one, or not yet answered.
    assert re.search(r"Sur ces 14 besoins, \d+ (?:a|ont) une piste dans la salle", body)
    # Every challenge and every need of the grid is in the annex, with its author.
    with Store.open(source, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        items = [
            i.text for k in (ItemKind.CHALLENGE, ItemKind.NEED) for i in store.workshop_items(workshop_id, k)
        ]
    annex = _bare(" ".join(c.text for row in document.tables[-1].rows for c in row.cells))
    for item in items:
        assert _bare(item) in annex, item
    assert "Pistes de mise en relation" in headings_2(document)
    # Anonymised: the drafted synthesis credits structures, numbered when shared, with
    # their article in a sentence, never in brackets within brackets.
    anonymous = tmp_path / "anonyme.docx"
    assert run_cli("export", str(source), "--docx", str(anonymous), "--anonymise").returncode == 0
    hidden = _docx_text(anonymous)
    assert re.search(r"Observations de la Région N-A n°\u00a0\d, notées telles quelles", hidden)
    assert "(Grand Dax)" in hidden and not re.search(r"\([^()]*\([^()]*\)\s*\)", hidden)
    # Nothing was decided: the leads are for « N besoins », not « N autres besoins ».
    text = "\n".join(p.text for p in document.paragraphs)
    assert re.search(r"Pour \d+ besoins, voici les personnes", text) and "autres besoins, voici" not in text
    leads = next(t for t in document.tables if t.rows[0].cells[0].text == "Cherche")
    assert len(leads.rows) >= 3
    for row in leads.rows[1:]:
        reason = row.cells[2].text
        assert reason and reason.count(".") <= 2  # one reason, a sentence


def test_the_organiser_and_contact_typed_at_import_are_in_the_title_block_and_the_closing(
    tmp_path: Path,
) -> None:
    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    source, bare = tmp_path / "x.atelier", tmp_path / "bare.atelier"
    contact = "Christophe Rochard, 06 31 21 77 44, christophe.rochard@pqn-a.fr"
    done = run_cli("import", str(grid), "-o", str(source), "--organiser", "PQN-A", "--contact", contact)
    assert done.returncode == 0, done.stderr
    assert run_cli("import", str(grid), "-o", str(bare)).returncode == 0
    with Store.open(source, readonly=True) as store:
        workshop = store.workshops()[0]
        assert (workshop.organiser, workshop.contact) == ("PQN-A", contact)
    for path in (source, bare):
        assert run_cli("export", str(path), "--docx", str(path.with_suffix(".docx"))).returncode == 0
    paragraphs = [p.text for p in docx.Document(str(source.with_suffix(".docx"))).paragraphs]
    head = paragraphs[: paragraphs.index("Sommaire")]
    assert "Organisé par\u00a0: PQN-A" in head and f"Contact\u00a0: {contact}" in head
    closing = paragraphs.index(typography("Vous souhaitez en savoir plus ? Contactez PQN-A :", "fr"))
    assert paragraphs[closing + 1] == contact

    # After the matches, before the annex.
    def last(text: str) -> int:
        return len(paragraphs) - 1 - paragraphs[::-1].index(text)

    assert last("Les mises en relation") < closing < last("Annexe\u00a0: la grille complète")
    bare_text = _docx_text(bare.with_suffix(".docx"))
    assert "Contact\u00a0:" not in bare_text and "en savoir plus" not in bare_text
    assert run_cli("export", str(source), "--xlsx", str(tmp_path / "x.xlsx")).returncode == 0
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["Synthèse"]
    facts = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, max_col=2, values_only=True) if row[0]}
    assert facts["Organisateur"] == "PQN-A" and facts["Contact"] == contact


def test_the_table_of_contents_uses_the_templates_toc_styles(exported: Callable[..., Path]) -> None:
    """Word's own « toc 1 » / « toc 2 » styles, a dotted tab to the right margin: the table
    looks designed once Word or LibreOffice updates it (page numbers), and before."""
    document = docx.Document(str(exported("--docx")))
    qn = docx.oxml.ns.qn
    styles = {s.style_id: s for s in document.styles}
    for level in (1, 2):
        style = styles[f"TOC{level}"]
        assert style.name == f"toc {level}"
        tab = style.element.find(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")
        assert tab is not None and tab.get(qn("w:leader")) == "dot" and tab.get(qn("w:val")) == "right"
    assert styles["TOC2"].paragraph_format.left_indent > 0
    entries = [(p.style.style_id, p.text) for p in document.paragraphs if p.style.style_id.startswith("TOC")]
    assert entries[0] == ("TOCHeading", "Sommaire")
    assert ("TOC1", "Synthèse des échanges") in entries and ("TOC2", "Pistes de mise en relation") in entries
    assert all(not text.startswith(" ") for _, text in entries)


def test_reasons_in_the_minutes_and_excel_are_said_by_the_reasons_module_in_their_language(
    example: Path, exported: Callable[..., Path]
) -> None:
    """Each reason of a document is one of the sentences atelier.reasons says, in the
    document's language: the minutes and the Excel of an English interface in English, never
    a French sentence; of a French one (the default) in French, never an English one."""
    from atelier.reasons import say_all

    with Store.open(example, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        said = {
            "fr": {typography(s, "fr") for m in store.matches(workshop_id) for s in say_all(m.reasons, "fr")},
            "en": {s for m in store.matches(workshop_id) for s in say_all(m.reasons, "en")},
        }
    for lang, looking_for, sheet_name, column_name in (
        ("fr", "Cherche", "Mises en relation", "Raisons"),
        ("en", "Looking for", "Matches", "Reasons"),
    ):
        docx_path, xlsx_path = exported("--docx", lang), exported("--xlsx", lang)
        document = docx.Document(str(docx_path))
        tables = [t for t in document.tables if t.rows[0].cells[0].text == looking_for]
        reasons = [row.cells[2].text for t in tables for row in t.rows[1:]]
        assert len(reasons) >= 5
        for reason in reasons:
            sentence = reason.rstrip(".")
            assert any(sentence.casefold() == s.casefold().rstrip(".") for s in said[lang]), reason
        sheet = openpyxl.load_workbook(xlsx_path)[sheet_name]
        header = [c.value for c in sheet[1]]
        column = header.index(column_name)
        excel = [
            r
            for row in sheet.iter_rows(min_row=2, values_only=True)
            if row[column]
            for r in row[column].split("\n")
        ]
        assert len(excel) >= 5 and all(r in said[lang] for r in excel), [
            r for r in excel if r not in said[lang]
        ]


def test_minutes_pages_and_window_show_a_need_s_suggestions_in_one_order(tmp_path: Path) -> None:
    """An offer that answers (0.3) comes before an action that scores higher (0.5) in the
    window; the Excel sheet, the minutes' lead and the participant page name the same first
    helper (they picked the highest raw score before)."""
    from atelier.confidence import ordered
    from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
    from atelier.exports import gather
    from atelier.exports.fiches import fiches_for
    from atelier.exports.word import write_docx

    path = tmp_path / "ordre.atelier"
    with Store.create(path, title="Atelier") as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop_id, names=["Anne Martin"], organisation="PLIE"))
        bruno = store.add_participant(Participant(workshop_id, names=["Bruno Petit"], organisation="Région"))
        chloe = store.add_participant(Participant(workshop_id, names=["Chloé Durand"], organisation="CCAS"))
        need = store.add_item(Item(anne.id, ItemKind.NEED, "financer des emplois agricoles"))
        offer = store.add_item(Item(bruno.id, ItemKind.OFFER, "aides de la Région pour l'emploi"))
        action = store.add_item(Item(chloe.id, ItemKind.ACTION, "financement de trois emplois agricoles"))
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.SUGGESTED, 0.3, []))
        store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.SUGGESTED, 0.5, []))
        kinds = {offer.id: ItemKind.OFFER, action.id: ItemKind.ACTION}
        window = ordered(store.matches_for_need(need.id), lambda m: kinds[m.resource_id])
        assert [m.resource_id for m in window] == [offer.id, action.id]

        data = gather(store, workshop_id, match_first=False)
        leads = [m for m in data.matches if m.status == MatchStatus.SUGGESTED]
        assert [m.resource for m in leads] == [offer.text, action.text]
        _workshop, pages = fiches_for(store, workshop_id, match_first=False)
        (asked,) = next(p for p in pages if p.participant.id == anne.id).asked
        assert [h.text for h in asked.helpers] == [offer.text, action.text]
        minutes = tmp_path / "cr.docx"
        write_docx(data, minutes)
    document = docx.Document(str(minutes))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    lead = next(r for r in rows if "financer des emplois agricoles" in " ".join(r) and len(r) > 2)
    assert "Bruno" in " ".join(lead) and "Chloé" not in " ".join(lead), lead


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_the_facilitator_confirmed_is_never_said_to_be_checked(tmp_path: Path, lang: str) -> None:
    """Meaning alone linked Anne's need to Bruno's offer; the facilitator confirmed it, and the
    minutes' « Pourquoi » and Excel's « Raisons » still said « Seul lien : un sens voisin, à
    vérifier ». Decided, it is said « Seul lien : un sens voisin »; a lead linked the same way
    still says « à vérifier »."""
    from atelier.domain import NEAR_MEANING, Reason, ReasonKind

    check = "à vérifier" if lang == "fr" else "to be checked"
    alone = "Seul lien : un sens voisin" if lang == "fr" else "Only link: close in meaning"
    path = tmp_path / "sens.atelier"
    with Store.create(path, title="Atelier") as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop_id, names=["Anne Martin"], organisation="PLIE"))
        bruno = store.add_participant(Participant(workshop_id, names=["Bruno Petit"], organisation="Région"))
        need = store.add_item(Item(anne.id, ItemKind.NEED, "rencontrer des employeurs du territoire"))
        other = store.add_item(Item(bruno.id, ItemKind.NEED, "connaître les métiers qui recrutent"))
        offer = store.add_item(Item(bruno.id, ItemKind.OFFER, "un forum annuel avec les entreprises"))
        action = store.add_item(Item(anne.id, ItemKind.ACTION, "une enquête auprès des recruteurs"))
        alike = Reason(ReasonKind.MEANING, need="métiers", resource="recruteurs", detail=NEAR_MEANING)
        store.add_match(
            Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.3, [Reason(ReasonKind.MEANING)])
        )
        store.add_match(Match(workshop_id, other.id, action.id, MatchStatus.SUGGESTED, 0.3, [alike]))
        data = gather(store, workshop_id, match_first=False, lang=lang)
    write_docx(data, tmp_path / "cr.docx")
    write_xlsx(data, tmp_path / "cr.xlsx")
    rows = [
        [c.text for c in row.cells] for t in docx.Document(str(tmp_path / "cr.docx")).tables for row in t.rows
    ]
    decided = next(r for r in rows if need.text in " ".join(r) and len(r) > 2)
    lead = next(r for r in rows if other.text in " ".join(r) and len(r) > 2)
    assert alone in _plain(decided[2]) and check not in decided[2], decided
    assert check in lead[2], lead
    sheet = openpyxl.load_workbook(tmp_path / "cr.xlsx").worksheets[-1]
    cells = [" | ".join(str(v) for v in row if v) for row in sheet.iter_rows(min_row=2, values_only=True)]
    decided_line = next(line for line in cells if need.text in line)
    assert alone in _plain(decided_line) and check not in decided_line, decided_line
    assert check in next(line for line in cells if other.text in line)


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_json_export_suivi_and_match_never_say_a_confirmed_match_is_to_be_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Meaning alone linked Anne's need to Bruno's forum, and the facilitator confirmed it: the
    minutes no longer said « à vérifier », but `export --json`, `atelier suivi --json` and
    `atelier match` still did (« Seul lien : un sens voisin, à vérifier »). Each now says
    « Seul lien : un sens voisin »; Chloé's decision on the same forum, her need retyped since
    (« à revoir »), still says « à vérifier »."""
    import json

    from atelier.domain import Reason, ReasonKind
    from atelier.jsonexport import file_as_dict
    from atelier.matching.report import report_as_dict

    check = "à vérifier" if lang == "fr" else "to be checked"
    alone = "Seul lien : un sens voisin" if lang == "fr" else "Only link: close in meaning"
    path = tmp_path / "sens.atelier"
    with Store.create(path, title="Atelier") as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop_id, names=["Anne Martin"], organisation="PLIE"))
        bruno = store.add_participant(Participant(workshop_id, names=["Bruno Petit"], organisation="Région"))
        chloe = store.add_participant(Participant(workshop_id, names=["Chloé Roux"], organisation="CCAS"))
        need = store.add_item(Item(anne.id, ItemKind.NEED, "rencontrer des employeurs du territoire"))
        other = store.add_item(Item(chloe.id, ItemKind.NEED, "connaître les métiers qui recrutent"))
        offer = store.add_item(Item(bruno.id, ItemKind.OFFER, "un forum annuel avec les entreprises"))
        meaning = [Reason(ReasonKind.MEANING)]
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.3, meaning))
        retyped = Match(workshop_id, other.id, offer.id, MatchStatus.CONFIRMED, 0.3, meaning)
        retyped.retyped = "2026-11-20T10:00:00Z"
        store.add_match(retyped)
    env = {"ATELIER_LANG": lang}
    monkeypatch.setenv("ATELIER_LANG", lang)
    with Store.open(path, readonly=True) as store:
        (workshop,) = file_as_dict(store)["workshops"]
        listing = report_as_dict(store, match_workshop(store, workshop_id), lang)
    done = run_cli("suivi", str(path), "--json", env=env)
    assert done.returncode == 0, done.stderr
    followed = json.loads(done.stdout)
    said = {
        "export --json": {m["need_text"]: m["reasons"] for m in workshop["matches"]},
        "suivi --json": {e["need"]["text"]: e["reasons"] for e in followed},
        "match": {n["text"]: s["reasons"] for n in listing["needs"] for s in n["suggestions"]},
    }
    for where, reasons in said.items():
        assert [_plain(r) for r in reasons[need.text]] == [alone], (where, reasons)
        assert any(check in r for r in reasons[other.text]), (where, reasons)


def test_leads_from_an_earlier_workshop_are_not_said_to_be_from_this_one(tmp_path: Path) -> None:
    """« voici les personnes de l'atelier qui pourraient vous aider » headed a table whose
    helper was met at the 2021 workshop, not at this one."""
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        earlier = store.workshops()[0]
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        denis = store.add_participant(Participant(earlier.id, names=["Denis Paineau"], organisation="CdC"))
        club = store.add_item(Item(denis.id, ItemKind.OFFER, "club d'entreprises"))
        paul = store.add_participant(Participant(later.id, names=["Paul Durand"], organisation="CC Médoc"))
        need = store.add_item(Item(paul.id, ItemKind.NEED, "trouver des clubs d'entreprises"))
        store.add_match(Match(later.id, need.id, club.id, MatchStatus.SUGGESTED, 0.6, []))
    out = tmp_path / "cr.docx"
    written = run_cli("export", str(path), "--workshop", "2022-03-15", "--docx", str(out))
    assert written.returncode == 0, written.stderr
    text = _docx_text(out)
    assert "(atelier du 16 mars 2021)" in text
    assert "voici la personne qui pourrait vous aider" in text
    assert "de l'atelier qui pourrai" not in text
    # The synthesis does not place him in the room either.
    assert "Il n'a qu'une piste possible (voir" in text.replace("\u00a0", " ")  # no reason: « possible »
    assert "piste dans la salle" not in text


def test_shared_needs_rows_are_as_tall_as_their_text(tmp_path: Path) -> None:
    """The summary sheet's shared needs hold several people and needs in a cell: printed or
    turned into a PDF, a row of one line's height laid them over the next row's."""
    work = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", work)
    assert run_cli("export", str(work), "--xlsx", str(tmp_path / "t.xlsx")).returncode == 0
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Synthèse"]
    rows = [r for r in range(1, sheet.max_row + 1) if "cherchent" in str(sheet.cell(r, 1).value or "")]
    assert rows, "the example has needs shared by several participants"
    for r in rows:
        lines = max(str(sheet.cell(r, c).value or "").count("\n") + 1 for c in range(1, 5))
        height = sheet.row_dimensions[r].height
        assert height is not None and height >= 15 * lines, (r, height, lines)


def test_the_workbook_s_own_words_are_typed_in_french_typography(exported: Callable[..., Path]) -> None:
    """Every sheet's header row, as a staff member opens the workbook: a « : » or « ; » of the
    workbook's own words stands after a non-breaking space (« Peut aider : participant » had
    a plain one, the only such header of the exports)."""
    book = openpyxl.load_workbook(exported("--xlsx"), read_only=True)
    headers = [
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(max_row=1, values_only=True)
        for c in row
        if c
    ]
    assert "Peut aider\xa0: participant" in headers
    assert [h for h in headers if re.search(r" [:;!?]", h)] == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_printed_page_of_the_workbook_says_its_sheet_and_its_number(
    exported: Callable[..., Path], tmp_path: Path, lang: str
) -> None:
    """Printed or saved as PDF, the workbook's pages had no header nor number: the pages of
    « Actions », « Défis », « Besoins » and « Ressources » all start with the same headings
    (« Participant, Structure… Texte »), and a reader could not tell a need from an action.
    Each page now names its sheet (and the workshop) at its top, and its number at its foot."""
    from pypdf import PdfReader

    soffice_or_skip()
    target = tmp_path / f"tableaux-{lang}.xlsx"
    shutil.copy(exported("--xlsx", lang), target)
    sheets = openpyxl.load_workbook(target, read_only=True).sheetnames
    pages = [
        page.extract_text().splitlines()
        for page in PdfReader(convert(target, "pdf", tmp_path, tmp_path / "lo")).pages
    ]
    heads = [lines[0].split(" — ")[0] for lines in pages]
    assert list(dict.fromkeys(heads)) == sheets, heads
    assert all(
        lines[0] == f"{sheet} — Atelier du 16 mars 2021"
        for lines, sheet in zip(pages, heads, strict=True)
        if sheet != sheets[0]
    ), [lines[0] for lines in pages]
    of = "sur" if lang == "fr" else "of"
    for number, lines in enumerate(pages, start=1):
        assert f"Page {number} {of} {len(pages)}" in lines, lines[-3:]


def test_each_table_row_is_as_tall_as_its_longest_text_at_its_column_s_width(
    exported: Callable[..., Path],
) -> None:
    """The grid's rows were made tall enough for their items in a column 30 wide, shown 45
    wide: a third of each printed grid row was blank (four pages for three). Each row of
    each table is now as tall as its longest text needs, wrapped between words at the width
    its column is shown (a row neither cuts its text nor leaves lines of blank paper)."""
    import textwrap

    book = openpyxl.load_workbook(exported("--xlsx"))

    def lines(text: str, chars: int) -> int:
        return sum(max(1, len(textwrap.wrap(part, chars))) for part in text.split("\n"))

    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=2):
            texts = [
                (c.value, sheet.column_dimensions[c.column_letter].width)
                for c in row
                if isinstance(c.value, str)
            ]
            at_least = max(lines(text, int(width * 1.2)) for text, width in texts)
            at_most = max(lines(text, int(width * 0.9)) for text, width in texts)
            height = sheet.row_dimensions[row[0].row].height
            assert 15 * at_least <= height <= 15 * at_most + 2, (sheet.title, row[0].row, height)


def test_each_table_prints_legibly_on_pages_side_by_side(exported: Callable[..., Path]) -> None:
    """The matches' 20 columns (some 500 of Excel's width units) were fitted to one landscape
    A4 page, some 130 units at full size: printed at a quarter of its size, 3-point text no one
    could read, and the grid at a third. Each table now prints on as many pages side by side
    as keep it at two thirds of its size or more, the columns up to « Participant » repeated on
    each so that a row is told on every page, a band of rows' pages one after the other."""
    from openpyxl.utils import column_index_from_string

    book = openpyxl.load_workbook(exported("--xlsx"))
    page = 132  # a landscape A4 page between Excel's default margins, at full size
    for sheet in book.worksheets[1:]:
        setup = sheet.page_setup
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0, sheet.title
        widths = [sheet.column_dimensions[c[0].column_letter].width for c in sheet.iter_cols(max_row=1)]
        pages = setup.fitToWidth or 1
        repeated = 0
        if pages > 1:
            assert setup.pageOrder == "overThenDown", sheet.title
            first, last = sheet.print_title_cols.replace("$", "").split(":")
            assert sheet.cell(1, column_index_from_string(last)).value == "Participant", sheet.title
            repeated = sum(widths[column_index_from_string(first) - 1 : column_index_from_string(last)])
        scale = page * pages / (sum(widths) + repeated * (pages - 1))
        assert scale >= 0.6, (sheet.title, round(scale, 2), pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_day_in_a_table_stands_under_its_heading_apart_from_the_next_column(
    exported: Callable[..., Path], lang: str
) -> None:
    """A day in a table was right-aligned (a date's default) under a heading at the left, and
    ran into the next column's text when printed: « 16 mars 2021avoir des exemples… »,
    « 3 décembre 2026décidée le… ». Each day is now at the left of its column, as its heading."""
    book = openpyxl.load_workbook(exported("--xlsx", lang))
    days = [
        c for sheet in book.worksheets[1:] for row in sheet.iter_rows(min_row=2) for c in row if c.is_date
    ]
    sheets = {c.parent.title for c in days}
    assert len(sheets) == 6, sheets  # the grid, the four item sheets, the matches
    assert [c.coordinate for c in days if c.alignment.horizontal != "left"] == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_shared_needs_are_listed_across_the_summary_s_width(
    exported: Callable[..., Path], lang: str
) -> None:
    """The needs several participants share were listed in one column 22 wide, beside two
    empty ones: each row was a column of words a third of a page tall (« besoins de / connais-
    sances (de ce qu'il / se fait… »). The needs now span to the summary's right edge, each
    row as tall as they need there, and the names stand apart from the count before them."""
    import textwrap

    book = openpyxl.load_workbook(exported("--xlsx", lang))
    sheet = book.worksheets[0]
    rows = [r for r in range(1, sheet.max_row + 1) if str(sheet.cell(r, 4).value or "").startswith("• ")]
    assert len(rows) >= 2, rows  # the example's shared needs
    merged = {str(m) for m in sheet.merged_cells.ranges}
    for r in rows:
        assert f"D{r}:F{r}" in merged, (r, merged)
        width = sum(sheet.column_dimensions[letter].width for letter in "DEF")
        needs = sum(len(textwrap.wrap(line, int(width * 0.9))) for line in sheet.cell(r, 4).value.split("\n"))
        who = sum(
            len(textwrap.wrap(line, int(sheet.column_dimensions["C"].width * 0.9)))
            for line in sheet.cell(r, 3).value.split("\n")
        )
        assert sheet.row_dimensions[r].height <= 15 * max(needs, who, 2) + 2, (
            r,
            sheet.row_dimensions[r].height,
        )
        assert sheet.cell(r, 3).alignment.indent >= 1  # « 5  Lucie Leroy », never « 5Lucie Leroy »


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_item_s_number_stands_apart_from_its_text(exported: Callable[..., Path], lang: str) -> None:
    """The « N° » of each item (and of each row of the grid) was right-aligned in its narrow
    column, against the text beside it: « 6 50 personnes habitant les QPV » read « 650
    personnes », « 4 aide à la restauration » as four of them. Each number is now centred."""
    book = openpyxl.load_workbook(exported("--xlsx", lang))
    numbers = [
        c
        for sheet in book.worksheets[1:]
        for column in sheet.iter_cols(min_row=1)
        if column[0].value in ("N°", "No.")
        for c in column[1:]
        if c.value is not None
    ]
    assert len({c.parent.title for c in numbers}) == 5  # the grid and the four item sheets
    assert [c.coordinate for c in numbers if c.alignment.horizontal != "center"] == []


def test_a_table_s_lead_in_is_printed_on_the_page_of_the_table(tmp_path: Path) -> None:
    # The example's minutes in LibreOffice: « Pistes de mise en relation » and « Pour 14 besoins,
    # voici les personnes de l'atelier qui pourraient vous aider… » were the last lines of page
    # 4, the table they introduce began page 5: a heading and a sentence left alone under the text.
    from pypdf import PdfReader

    soffice_or_skip()
    workshop = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", workshop)
    for lang, lead, first_row in (
        ("fr", "besoins, voici les personnes", "Cherche"),
        ("en", "needs, here are the people", "Looking for"),
    ):
        target = tmp_path / f"cr-{lang}.docx"
        done = run_cli("export", str(workshop), "--docx", str(target), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        pdf = convert(target, "pdf", tmp_path, tmp_path / "lo")
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
        at = [n for n, text in enumerate(pages) if lead in text]
        assert len(at) == 1, pages
        after = pages[at[0]].split(lead, 1)[1]
        assert first_row in after, f"page {at[0] + 1} ends on the lead-in: {after}"
