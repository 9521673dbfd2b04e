"""A page per participant, and follow-up states and dates in the Excel and Word exports."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import openpyxl
import pytest

from atelier.domain import (
    FollowUp,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    Reason,
    ReasonKind,
    Workshop,
)
from atelier.exports import gather
from atelier.exports.fiches import fiches_for, write_fiches
from atelier.exports.word import write_docx
from atelier.exports.xlsx import write_xlsx
from atelier.store import Store

from .conftest import run_cli
from .helpers.libreoffice import convert

NBSP = "\u00a0"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """2021: Gérard offered a directory. 2022: Lucie needs one (Gérard, from 2021, confirmed
    and contacted) and a training plan (Cécile suggested; Paul rejected); Cécile offers clauses."""
    target = tmp_path / "reseau.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        earlier = store.workshops()[0]
        gerard = store.add_participant(
            Participant(
                earlier.id,
                names=["Gérard Müller"],
                organisation="Mission locale du Médoc",
                territory="Médoc",
                contact="g.muller@ml-medoc.fr",
            )
        )
        directory = store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales"))
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15", place="Bordeaux"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        cecile = store.add_participant(
            Participant(
                later.id, names=["Cécile Dallet"], organisation="PLIE des Graves", territory="Gironde"
            )
        )
        paul = store.add_participant(Participant(later.id, names=["Paul Vidal"], organisation="Pôle emploi"))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
        training = store.add_item(Item(lucie.id, ItemKind.NEED, "former les élus à la GPECT"))
        plan = store.add_item(Item(cecile.id, ItemKind.OFFER, "un plan de formation GPECT pour les élus"))
        weak = store.add_item(Item(cecile.id, ItemKind.ACTION, "forum de l'emploi"))
        other = store.add_item(Item(paul.id, ItemKind.OFFER, "formation des conseillers"))
        confirmed = store.add_match(
            Match(
                later.id,
                need.id,
                directory.id,
                MatchStatus.CONFIRMED,
                0.5,
                [
                    Reason(ReasonKind.EARLIER, term=earlier.title, resource="offer", detail="2021-03-16"),
                    Reason(ReasonKind.OFFER, ("initiatives locales",)),
                ],
            )
        )
        store.set_follow_up(confirmed.id, FollowUp.TO_CONTACT, day="2022-03-15")  # decided at the workshop
        store.set_follow_up(confirmed.id, FollowUp.CONTACTED, note="RDV le 12 avril", day="2026-03-02")
        store.add_match(
            Match(
                later.id,
                training.id,
                plan.id,
                MatchStatus.SUGGESTED,
                0.6,
                [Reason(ReasonKind.OFFER, ("GPECT",))],
            )
        )
        store.add_match(Match(later.id, training.id, weak.id, MatchStatus.SUGGESTED, 0.05, []))
        store.add_match(Match(later.id, training.id, other.id, MatchStatus.REJECTED, 0.4, []))
    return target


def _pages(document: docx.document.Document) -> list[list[tuple[str, str]]]:
    """The document's paragraphs (style, text), cut at each page break."""
    pages: list[list[tuple[str, str]]] = []
    for paragraph in document.paragraphs:
        breaks = (
            paragraph._p.pPr is not None
            and paragraph._p.pPr.find(docx.oxml.ns.qn("w:pageBreakBefore")) is not None
        )
        if not pages or breaks:
            pages.append([])
        pages[-1].append((paragraph.style.name, paragraph.text.replace(NBSP, " ").replace("\u202f", " ")))
    return pages


def test_one_page_per_participant_with_who_can_help_why_and_how_far_it_went(
    path: Path, tmp_path: Path
) -> None:
    with Store.open(path, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.find_workshop("2022-03-15").id, match_first=False)
    target = write_fiches(workshop, fiches, tmp_path / "fiches.docx", today="2026-04-01")
    pages = _pages(docx.Document(str(target)))
    assert [page[0] for page in pages] == [
        ("Title", "Lucie Leroy"),
        ("Title", "Cécile Dallet"),
        ("Title", "Paul Vidal"),
    ]
    lucie = pages[0]
    assert ("Subtitle", "Grand Angoulême") in lucie
    assert ("Normal", "Atelier du 15 mars 2022, Bordeaux.") in lucie  # not « Atelier « Atelier du… » »
    texts = [text for _, text in lucie]
    start = texts.index("Ce que vous cherchez")
    assert lucie[start + 1] == ("Heading 2", "« un répertoire d'initiatives locales »")
    # Gérard, met at the 2021 workshop: his structure (which names his territory), what he offers,
    # why, the follow-up.
    assert lucie[start + 2] == (
        "List Bullet",
        "Gérard Müller — Mission locale du Médoc (atelier du 16 mars 2021) propose : "
        "« un annuaire des initiatives locales »",
    )
    assert texts[start + 3] == "En commun avec le besoin : « initiatives locales »."
    assert (
        texts[start + 4]
        == "Mise en relation confirmée — suivi : décidée le 15 mars 2022 · contactée le 2 mars 2026."
    )
    assert texts[start + 5] == "Contact : g.muller@ml-medoc.fr"
    # The second need: Cécile's plan as a lead to check; the weak suggestion and the rejected one absent.
    second = texts.index("« former les élus à la GPECT »")
    assert texts[second + 1].startswith(
        "Cécile Dallet — PLIE des Graves, Gironde propose : « un plan de formation GPECT"
    )
    assert texts[second + 2].endswith("Piste suggérée par Atelier, à vérifier avec la personne.")
    assert not any("forum de l'emploi" in t or "formation des conseillers" in t for t in texts)
    # Under the title: when the page was made and what it settles.
    assert (
        texts[texts.index("Atelier du 15 mars 2022, Bordeaux.") + 1]
        == "1 mise en relation confirmée sur cette fiche. Fiche préparée avec Atelier le 1er avril 2026."
    )
    # Cécile's page: what she offered and who asked for it.
    cecile = [text for _, text in pages[1]]
    offered = cecile.index("« un plan de formation GPECT pour les élus »")
    # A suggestion: what could interest Lucie, not what does.
    assert cecile[offered + 1] == "Cette proposition pourrait intéresser Lucie Leroy :"
    assert cecile[offered + 2] == "Lucie Leroy — Grand Angoulême cherche : « former les élus à la GPECT »"
    assert "Vous n'avez pas noté de besoin de ressources pendant l'atelier." in cecile
    # French typography: a non-breaking space before the colon, inside the guillemets.
    body = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert f"suivi{NBSP}: décidée le 15{NBSP}mars 2022 · contactée" in body and f"«{NBSP}un annuaire" in body


def test_cli_writes_the_pages_refuses_anonymising_them_and_libreoffice_opens_them(
    path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "fiches.docx"
    done = run_cli("export", str(path), "--workshop", "2022-03-15", "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    assert len(_pages(docx.Document(str(target)))) == 3
    refused = run_cli(
        "export", str(path), "--workshop", "2022-03-15", "--fiches", str(tmp_path / "x.docx"), "--anonymise"
    )
    assert refused.returncode == 2 and "nominative" in refused.stderr and not (tmp_path / "x.docx").exists()
    convert(target, "pdf", tmp_path, tmp_path / "lo")
    pdf = (tmp_path / "fiches.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 3  # one page per participant, no more


def test_excel_and_word_say_each_follow_up_state_and_its_date(path: Path, tmp_path: Path) -> None:
    with Store.open(path, readonly=True) as store:
        data = gather(store, store.find_workshop("2022-03-15").id, match_first=False)
    write_xlsx(data, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Mises en relation"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    (decided,) = [r for r in rows if r["Statut"] == "confirmée"]
    assert (decided["Suivi"], decided["Dernière étape le"].date().isoformat(), decided["Note"]) == (
        "contactée",
        "2026-03-02",
        "RDV le 12 avril",
    )
    assert (decided["Participant"], decided["Structure"]) == ("Lucie Leroy", "Grand Angoulême")
    # The helper met at the 2021 workshop: named, with their structure and territory.
    assert (
        decided["Peut aider\xa0: participant"],
        decided["Peut aider\xa0: structure"],
        decided["Peut aider\xa0: territoire"],
    ) == ("Gérard Müller", "Mission locale du Médoc", "Médoc")
    assert decided["Atelier de la ressource"] == "atelier du 16 mars 2021"
    assert decided["Étapes du suivi"] == "décidée le 15 mars 2022 · contactée le 2 mars 2026"
    assert all(r["Suivi"] in ("", None) for r in rows if r["Statut"] == "suggestion")

    write_docx(data, tmp_path / "cr.docx")
    document = docx.Document(str(tmp_path / "cr.docx"))
    cells = [c.text.replace(NBSP, " ") for t in document.tables for row in t.rows for c in row.cells]
    # The path, one step a line: the day it was decided is not lost once contacted.
    assert "décidée le 15 mars 2022\ncontactée le 2 mars 2026" in cells
    assert any("(atelier du 16 mars 2021)" in c for c in cells)
    text = "\n".join(p.text.replace(NBSP, " ").replace("\u202f", " ") for p in document.paragraphs)
    assert "Où en est le suivi au " in text
    assert "à contacter : 0 ; contactée : 1 ; faite : 0 ; sans suite : 0." in text


def test_excel_shows_each_day_with_its_month_named_never_02_03_2026(path: Path, tmp_path: Path) -> None:
    """« 02/03/2026 » in the follow-up column is 3 February to a reader used to month/day: the
    workbook, as a spreadsheet shows it (LibreOffice, in its own language), names the month."""
    import html

    with Store.open(path, readonly=True) as store:
        data = gather(store, store.find_workshop("2022-03-15").id, match_first=False)
    write_xlsx(data, tmp_path / "t.xlsx")
    page = convert(tmp_path / "t.xlsx", "html", tmp_path / "shown", tmp_path / "lo")
    shown = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")))
    shown = " ".join(shown.split())
    assert re.search(r"\b2 (mars|March) 2026\b", shown), "the follow-up's day, its month named"
    assert re.search(r"\b15 (mars|March) 2022\b", shown), "the workshop's day, its month named"
    assert not re.search(r"\d\d/\d\d/\d{4}", shown), re.findall(r"\d\d/\d\d/\d{4}", shown)


def test_verbs_agree_with_two_people_and_no_page_is_left_empty(tmp_path: Path) -> None:
    """QA: « Corinne Corcuff et Sefallah Mahamat Bindi — … propose : » (two people); a
    participant with no need and no offer got an almost empty page though their action
    answers someone's need."""
    target = tmp_path / "pages.atelier"
    with Store.create(
        target,
        title="Atelier du 16 mars 2021",
        date="2021-03-16",
        contact="Christophe Rochard, 06 31 21 77 44",
    ) as store:
        workshop_id = store.workshops()[0].id

        def person(names: list[str], structure: str) -> Participant:
            return store.add_participant(Participant(workshop_id, names=names, organisation=structure))

        pair = person(["Corinne Corcuff", "Sefallah Mahamat Bindi"], "Mont de Marsan Agglo")
        sandrine = person(["Sandrine Ledieu"], "Syndicat Est Creuse")
        lucie = person(["Lucie Leroy"], "Grand Angoulême")
        maxime = person(["Maxime Roby"], "PETR Monts et barrages")
        eve = person(["Ève Nord"], "Ville de Nérac")
        include = store.add_item(Item(pair.id, ItemKind.NEED, "inclure les entreprises dans la plateforme"))
        clauses = store.add_item(Item(pair.id, ItemKind.OFFER, "facilitatrice des clauses d'insertion"))
        platform = store.add_item(Item(pair.id, ItemKind.ACTION, "plateforme collaborative de l'insertion"))
        together = store.add_item(
            Item(sandrine.id, ItemKind.ACTION, "travail collaboratif avec les entreprises")
        )
        club = store.add_item(Item(lucie.id, ItemKind.OFFER, "club d'entreprises"))
        lucie_needs = [
            store.add_item(Item(lucie.id, ItemKind.NEED, "des clauses d'insertion")),
            store.add_item(Item(lucie.id, ItemKind.NEED, "une plateforme pour l'insertion")),
        ]
        wood = store.add_item(
            Item(maxime.id, ItemKind.ACTION, "GPECT avec les entreprises de la filière bois")
        )
        store.add_item(Item(eve.id, ItemKind.ACTION, "forum de l'emploi chaque printemps"))
        store.add_item(Item(eve.id, ItemKind.CHALLENGE, "garder les jeunes au pays"))
        for need, resource, score in (
            (include, together, 0.5),
            (include, club, 0.4),
            (include, wood, 0.3),  # a third helper: not on the pair's page, but on Maxime's
            (lucie_needs[0], clauses, 0.6),
            (lucie_needs[1], platform, 0.6),
        ):
            store.add_match(Match(workshop_id, need.id, resource.id, MatchStatus.SUGGESTED, score, []))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False)
    pages = {
        page[0][1]: [text for _, text in page]
        for page in _pages(docx.Document(str(write_fiches(workshop, fiches, tmp_path / "p.docx"))))
    }
    pair_page = pages["Corinne Corcuff et Sefallah Mahamat Bindi"]
    assert (
        "Sandrine Ledieu — Syndicat Est Creuse a déjà fait : « travail collaboratif avec les entreprises »"
        in pair_page
    )
    assert not any("filière bois" in line for line in pair_page)
    # On the page of the one who needs: the two people's verbs agree with them.
    lucie_page = pages["Lucie Leroy"]
    assert (
        "Corinne Corcuff et Sefallah Mahamat Bindi — Mont de Marsan Agglo proposent : "
        "« facilitatrice des clauses d'insertion »"
    ) in lucie_page
    assert (
        "Corinne Corcuff et Sefallah Mahamat Bindi — Mont de Marsan Agglo ont déjà fait : "
        "« plateforme collaborative de l'insertion »"
    ) in lucie_page
    # Sandrine noted no need and no offer: what she already does, and who it interests.
    sandrine_page = pages["Sandrine Ledieu"]
    assert (
        "Vous n'avez noté ni besoin de ressources ni ressource à proposer pendant l'atelier." in sandrine_page
    )
    start = sandrine_page.index("Ce que vous faites déjà et qui pourrait en intéresser d'autres")
    assert sandrine_page[start + 1 : start + 4] == [
        "« travail collaboratif avec les entreprises »",
        "Cette action que vous menez pourrait intéresser Corinne Corcuff et Sefallah Mahamat Bindi :",
        "Corinne Corcuff et Sefallah Mahamat Bindi — Mont de Marsan Agglo cherchent : "
        "« inclure les entreprises dans la plateforme »",
    ]
    # Maxime's action is the need's third lead: on his page, said to be a lead to check.
    maxime_page = pages["Maxime Roby"]
    assert "« GPECT avec les entreprises de la filière bois »" in maxime_page
    # (with its reason, as on the page of the one who needs it)
    assert any(
        line.endswith(". Piste suggérée par Atelier, à vérifier avec la personne.") for line in maxime_page
    )
    # Ève: nothing matched. Her page says what she presented and how to reach the organiser.
    eve_page = pages["Ève Nord"]
    assert "Ce que vous avez présenté" in eve_page
    assert "Action : forum de l'emploi chaque printemps" in eve_page
    assert "Défi : garder les jeunes au pays" in eve_page
    assert "Contact de l'atelier : Christophe Rochard, 06 31 21 77 44" in eve_page
    assert all(len(page) >= 5 for page in pages.values())


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Atelier du 16 mars 2021", "Atelier du 16 mars 2021, Angoulême."),
        ("Atelier d'octobre 2023", "Atelier d'octobre 2023, Angoulême."),
        ("Rencontres de l'emploi 2023", "Atelier « Rencontres de l'emploi 2023 », Angoulême."),
        ("Rencontre emploi Médoc", "Atelier « Rencontre emploi Médoc » du 12 octobre 2023, Angoulême."),
        # Not « Atelier d'octobre du 12 octobre 2023 »: the title's month, then the day.
        ("Atelier d'octobre", "Atelier d'octobre, 12 octobre 2023, Angoulême."),
        ("Rencontre d'Octobre", "Atelier « Rencontre d'Octobre », 12 octobre 2023, Angoulême."),
    ],
)
def test_the_heading_says_the_date_once(tmp_path: Path, title: str, heading: str) -> None:
    """« Atelier d'octobre 2023 du 12 octobre 2023. » was printed: a title that says when is
    not followed by the date again."""
    path, target = tmp_path / "a.atelier", tmp_path / "fiches.docx"
    with Store.create(path, title=title, date="2023-10-12", place="Angoulême") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"]))
        store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
    done = run_cli("export", str(path), "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    paragraphs = [p.text.replace("\u00a0", " ") for p in docx.Document(str(target)).paragraphs]
    assert heading in paragraphs, paragraphs[:4]


def test_a_page_never_says_someone_is_interested_on_the_strength_of_a_suggestion(tmp_path: Path) -> None:
    """QA: Paul's page said « Cette action que vous menez intéresse Grégory TALVY » for a
    suggestion nobody had checked, and for a need Grégory had already settled with three
    confirmed helpers (his own page, rightly, shows no more leads for it). A suggestion is
    what someone could find interesting; an answered need brings no more leads to anyone."""
    target = tmp_path / "leads.atelier"
    with Store.create(target, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id

        def person(name: str, structure: str) -> Participant:
            return store.add_participant(Participant(workshop_id, names=[name], organisation=structure))

        gregory = person("Grégory Talvy", "Région N-A")
        paul = person("Paul Durand", "CC Médoc")
        denis = person("Denis Paineau", "CdC du Bazadais")
        zoe = person("Zoé Martin", "Mission locale Bazas")
        clubs = store.add_item(Item(gregory.id, ItemKind.NEED, "trouver des clubs d'entreprises"))
        seasonal = store.add_item(Item(zoe.id, ItemKind.NEED, "recruter des saisonniers"))
        club = store.add_item(Item(denis.id, ItemKind.OFFER, "club d'entreprises"))
        medoc = store.add_item(Item(paul.id, ItemKind.ACTION, "club d'entreprises Médoc"))
        jobs = store.add_item(Item(paul.id, ItemKind.CHALLENGE, "recruter des saisonniers l'été"))
        store.add_match(Match(workshop_id, clubs.id, club.id, MatchStatus.CONFIRMED, 0.8, []))
        store.add_match(Match(workshop_id, clubs.id, medoc.id, MatchStatus.SUGGESTED, 0.6, []))
        store.add_match(Match(workshop_id, seasonal.id, medoc.id, MatchStatus.SUGGESTED, 0.5, []))
        # On the need's subject, as the engine says it: a challenge Zoé could share.
        said = [Reason(ReasonKind.CHALLENGE, ("recruter des saisonniers",), need="recruter des saisonniers")]
        store.add_match(Match(workshop_id, seasonal.id, jobs.id, MatchStatus.SUGGESTED, 0.5, said))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False)
    pages = {
        page[0][1]: [text for _, text in page]
        for page in _pages(docx.Document(str(write_fiches(workshop, fiches, tmp_path / "p.docx"))))
    }
    paul_page = pages["Paul Durand"]
    # Grégory's need is answered (Denis, confirmed): not a lead on Paul's page, as on Grégory's.
    assert not any("Grégory" in line or "clubs d'entreprises" in line for line in paul_page), paul_page
    assert not any("Paul" in line for line in pages["Grégory Talvy"])
    # Zoé's need is open: Paul's action and challenge could interest her, said as such.
    assert "Ce que vous faites déjà et qui pourrait en intéresser d'autres" in paul_page
    assert "Cette action que vous menez pourrait intéresser Zoé Martin :" in paul_page
    assert "Zoé Martin pourrait partager ce défi avec vous :" in paul_page
    assert not any(" intéresse " in line for line in paul_page)
    assert not any("partage ce défi" in line for line in paul_page)
    # Denis's offer answered Grégory, confirmed: it does interest him.
    assert "Cette proposition intéresse Grégory Talvy :" in pages["Denis Paineau"]


def test_someone_who_asked_twice_is_named_once(tmp_path: Path) -> None:
    """« Cette proposition intéresse Eric Bedin, Lucie Leroy et Lucie Leroy » was printed when
    Lucie's two needs both led to the offer."""
    target = tmp_path / "twice.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        eric = store.add_participant(Participant(workshop_id, names=["Eric Bedin"], organisation="CIAP"))
        gregory = store.add_participant(
            Participant(workshop_id, names=["Grégory Talvy"], organisation="Région")
        )
        offer = store.add_item(Item(gregory.id, ItemKind.OFFER, "présenter les dispositifs régionaux"))
        for who, text, status in (
            (eric, "financer les emplois agricoles", MatchStatus.CONFIRMED),
            (lucie, "un répertoire des dispositifs", MatchStatus.SUGGESTED),
            (lucie, "s'appuyer sur les outils existants", MatchStatus.SUGGESTED),
        ):
            need = store.add_item(Item(who.id, ItemKind.NEED, text))
            store.add_match(Match(workshop_id, need.id, offer.id, status, 0.5, []))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False)
    pages = {
        page[0][1]: [text for _, text in page]
        for page in _pages(docx.Document(str(write_fiches(workshop, fiches, tmp_path / "p.docx"))))
    }
    assert (
        "Cette proposition intéresse Eric Bedin ; elle pourrait aussi intéresser Lucie Leroy :"
        in pages["Grégory Talvy"]
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_classed_sans_suite_is_never_said_to_interest(tmp_path: Path, lang: str) -> None:
    """Cécile's page said « Cette proposition intéresse Lucie Leroy » above Lucie's match,
    followed up « classée sans suite » (« pas pertinent »): the page told her someone was
    interested whom the facilitator had recorded was not. An aim's « il » agrees with « Cet
    objectif » (it said « elle »)."""
    target = tmp_path / "dropped.atelier"
    with Store.create(target, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id

        def person(name: str, structure: str) -> Participant:
            return store.add_participant(Participant(workshop_id, names=[name], organisation=structure))

        cecile = person("Cécile Dallet", "PLIE des Graves")
        lucie = store.add_participant(  # two people, one match: « mise en relation », one
            Participant(workshop_id, names=["Lucie Leroy", "Anne Roux"], organisation="Grand Angoulême")
        )
        eric = person("Eric Bedin", "CIAP")
        paul = person("Paul Durand", "CC Médoc")
        offer = store.add_item(Item(cecile.id, ItemKind.OFFER, "présentation des clauses sociales"))
        aim = store.add_item(Item(cecile.id, ItemKind.ACTION, "objectif : créer un club des clauses"))
        for who, text, status, follow_up in (
            (lucie, "comprendre les clauses sociales", MatchStatus.CONFIRMED, FollowUp.DROPPED),
            (eric, "des clauses dans nos marchés", MatchStatus.CONFIRMED, FollowUp.CONTACTED),
            (paul, "clauses d'insertion", MatchStatus.SUGGESTED, None),
        ):
            need = store.add_item(Item(who.id, ItemKind.NEED, text))
            for resource in (offer, aim):
                match = store.add_match(Match(workshop_id, need.id, resource.id, status, 0.5, []))
                if follow_up is not None:
                    store.set_follow_up(match.id, follow_up, note="pas pertinent")
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, lang=lang, match_first=False)
    pages = {
        page[0][1]: [text for _, text in page]
        for page in _pages(docx.Document(str(write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang))))
    }
    page = pages["Cécile Dallet"]
    assert not any("intéresse Lucie" in line or "interests Lucie" in line for line in page), page
    # The count under the title says so too, as the minutes do (« dont 1 classée sans suite »).
    counted = next(line for line in page if "sur cette fiche" in line or "on this page" in line)
    assert counted.startswith(
        "4 mises en relation confirmées sur cette fiche, dont 2 classées sans suite. "
        if lang == "fr"
        else "4 confirmed matches on this page, 2 of them dropped. "
    ), counted
    if lang == "fr":
        assert (
            "Cette proposition intéresse Eric Bedin ; elle a intéressé Lucie Leroy et Anne Roux (mise "
            "en relation classée sans suite) ; elle pourrait aussi intéresser Paul Durand :" in page
        ), page
        assert (
            "Cet objectif que vous avez noté intéresse Eric Bedin ; il a intéressé Lucie Leroy et Anne "
            "Roux (mise en relation classée sans suite) ; il pourrait aussi intéresser Paul Durand :" in page
        ), page
    else:
        assert (
            "This offer interests Eric Bedin; it interested Lucie Leroy and Anne Roux (match dropped); "
            "it could also interest Paul Durand:" in page
        ), page


def test_a_match_made_by_hand_does_not_say_the_helper_shares_the_challenge(tmp_path: Path) -> None:
    """The facilitator put Grégory's need in touch with Maxime's challenge on the wood industry.
    Maxime's page said « Grégory TALVY partage ce défi avec vous », Grégory's « Maxime Roby a le
    même défi » — neither had said so; the facilitator had only made the match."""
    target = tmp_path / "hand.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        gregory = store.add_participant(
            Participant(workshop_id, names=["Grégory TALVY"], organisation="Région N-A")
        )
        maxime = store.add_participant(
            Participant(workshop_id, names=["Maxime Roby"], organisation="PETR Monts et barrages")
        )
        need = store.add_item(Item(gregory.id, ItemKind.NEED, "connaître les initiatives territoriales"))
        wood = store.add_item(Item(maxime.id, ItemKind.CHALLENGE, "renouveler l'image de la filière bois"))
        store.add_match(Match(workshop_id, need.id, wood.id, MatchStatus.MANUAL))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False)
    pages = {
        page[0][1]: [text for _, text in page]
        for page in _pages(docx.Document(str(write_fiches(workshop, fiches, tmp_path / "p.docx"))))
    }
    maxime_page, gregory_page = pages["Maxime Roby"], pages["Grégory TALVY"]
    assert "Mise en relation décidée par l'animateur avec Grégory TALVY sur ce défi :" in maxime_page
    assert not any("partage" in line for line in maxime_page), maxime_page
    assert (
        "Maxime Roby — PETR Monts et barrages a pour défi : « renouveler l'image de la filière bois »"
        in gregory_page
    )
    assert not any("même défi" in line for line in gregory_page), gregory_page


def test_the_page_of_a_helper_of_an_earlier_workshop_says_who_was_put_in_touch_with_them_later(
    path: Path, tmp_path: Path
) -> None:
    """Gérard offered a directory in 2021; in 2022 Lucie was put in touch with him (confirmed,
    contacted). His 2021 page said « Personne ne l'a encore demandé » : untrue, and he is the
    one who will receive her call."""
    with Store.open(path, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.find_workshop("2021-03-16").id, match_first=False)
    (gerard,) = _pages(
        docx.Document(str(write_fiches(workshop, fiches, tmp_path / "f.docx", today="2026-04-01")))
    )
    texts = [text for _, text in gerard]
    assert "Personne ne l'a encore demandé pendant l'atelier." not in texts
    offered = texts.index("« un annuaire des initiatives locales »")
    assert texts[offered + 1 : offered + 5] == [
        "Cette proposition intéresse Lucie Leroy :",
        "Lucie Leroy — Grand Angoulême (atelier du 15 mars 2022) cherche : "
        "« un répertoire d'initiatives locales »",
        # why, as her page says it
        "En commun avec le besoin : « initiatives locales ».",
        "Mise en relation confirmée — suivi : décidée le 15 mars 2022 · contactée le 2 mars 2026.",
    ]
    assert (
        "1 mise en relation confirmée sur cette fiche. Fiche préparée avec Atelier le 1er avril 2026."
        in texts[:5]
    )


def test_pages_of_a_workshop_with_no_participant_are_refused_and_its_minutes_print_no_warning(
    tmp_path: Path,
) -> None:
    """A workshop just added (no one yet): --fiches wrote a Word file of no page and said
    « Exporté », and the minutes printed numpy's « Mean of empty slice » warnings."""
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        store.add_workshop(Workshop("Atelier vide", date="2022-01-10"))
    before = path.read_bytes()
    target = tmp_path / "fiches.docx"
    refused = run_cli("export", str(path), "--workshop", "Atelier vide", "--fiches", str(target))
    assert refused.returncode == 1 and not target.exists()
    assert refused.stderr.strip() == (
        "L'atelier «\u00a0Atelier vide\u00a0» n'a encore aucun participant\u00a0: "
        "pas de fiche à écrire\u202f; rien n'a été écrit."
    )
    english = run_cli(
        "export", str(path), "--workshop", "Atelier vide", "--fiches", str(target), env={"ATELIER_LANG": "en"}
    )
    assert (
        english.stderr.strip()
        == "The workshop “Atelier vide” has no participant yet: no page to write; nothing was written."
    )
    minutes = run_cli("export", str(path), "--workshop", "Atelier vide", "--docx", str(tmp_path / "cr.docx"))
    assert minutes.returncode == 0 and minutes.stderr == "", minutes.stderr
    assert path.read_bytes() == before
    matched = run_cli("match", str(path), "--workshop", "Atelier vide", "--lexical")
    assert matched.returncode == 0
    assert (
        matched.stdout.strip() == "Aucun besoin de ressources noté dans cet atelier\u00a0: rien à rapprocher."
    )


def test_a_page_never_begins_with_its_closing_lines_cut_from_what_they_close(tmp_path: Path) -> None:
    """The example's 22 pages in LibreOffice: « Fiche préparée avec Atelier le … » and the
    workshop's contact closed each page, and were printed alone at the top of a sheet three
    times, cut from the page they close. They are now under the page's title."""
    import shutil

    from pypdf import PdfReader

    example = tmp_path / "atelier.atelier"
    shutil.copy(Path(__file__).resolve().parent.parent / "examples" / "atelier-2021-03-16.atelier", example)
    target = tmp_path / "fiches.docx"
    done = run_cli("export", str(example), "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    pdf = convert(target, "pdf", tmp_path, tmp_path / "lo")
    tops = [page.extract_text().strip().splitlines()[0].strip() for page in PdfReader(pdf).pages]
    alone = [top for top in tops if top.startswith(("Fiche préparée", "Contact de l'atelier"))]
    assert alone == [], tops
    names = [fiche[0][1] for fiche in _pages(docx.Document(str(target)))]
    assert len(names) == 22
    # Each page starts a sheet of its own (a long name wraps: its first line is the sheet's top).
    assert [n for n in names if not any(n.startswith(top) for top in tops)] == [], tops


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_added_by_hand_is_said_decided_with_its_follow_up_on_one_line(
    tmp_path: Path, lang: str
) -> None:
    """Lucie's page said of the match the facilitator added by hand « Mise en relation faite par
    l'animateur. » then « Mise en relation confirmée — suivi : à contacter… » (done, then to
    contact; confirmed, though no suggestion was), and « 2 mises en relation confirmées sur
    cette fiche »; the window and `atelier match` say « décidée par l'animateur »."""
    target = tmp_path / "main.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        denis = store.add_participant(
            Participant(workshop_id, names=["Denis Paineau"], organisation="CdC du Bazadais")
        )
        gregory = store.add_participant(
            Participant(workshop_id, names=["Grégory TALVY"], organisation="Région N-A")
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
        other = store.add_item(Item(lucie.id, ItemKind.NEED, "des financements régionaux"))
        club = store.add_item(Item(denis.id, ItemKind.OFFER, "Club d'entreprises"))
        region = store.add_item(Item(gregory.id, ItemKind.OFFER, "les aides régionales"))
        store.add_match(Match(workshop_id, need.id, club.id, MatchStatus.MANUAL))
        store.add_match(Match(workshop_id, other.id, region.id, MatchStatus.CONFIRMED, 0.6, ["région"]))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False, lang=lang)
    pages = {
        page[0][1]: " \n".join(text for _, text in page)
        for page in _pages(docx.Document(str(write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang))))
    }
    for name in ("Lucie Leroy", "Denis Paineau"):
        page = pages[name].replace("\u00a0", " ")
        if lang == "fr":
            assert "Mise en relation décidée par l'animateur — suivi : à contacter depuis le " in page, page
            assert "faite par l'animateur" not in page, page
        else:
            assert "Match made by the facilitator — follow-up: to contact since " in page, page
            assert "Match made by the facilitator.\n" not in page + "\n", page
    lucie_page = pages["Lucie Leroy"].replace("\u00a0", " ")
    said = (
        "2 mises en relation décidées sur cette fiche" if lang == "fr" else "2 decided matches on this page"
    )
    assert said in lucie_page, lucie_page
    assert (
        "Mise en relation confirmée — suivi" if lang == "fr" else "Confirmed match — follow-up"
    ) in lucie_page
