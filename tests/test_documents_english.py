"""The documents Atelier writes speak the interface's language: French by default, English when
the interface is English (ATELIER_LANG=en for the command line, the window's language for its
export dialog). Read back as a staff member would open them: no French fixed text left in the
English document (only what participants wrote, never translated), the French one unchanged."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.synthesis import figures_in

FORMULA = '=HYPERLINK("http://exemple.invalid","cliquez")'

# The months a French date names (« 16 mars 2021 »): never in an English document's own text.
FRENCH_MONTHS = [
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

# What Atelier itself writes in the workbook, in French: sheet names, headers, labels, states,
# sources, confidence words, follow-up words, reasons' sentences.
FRENCH_XLSX = [
    "Synthèse",
    "Grille",
    "Défis",
    "Besoins",
    "Ressources",
    "Mises en relation",
    "Structure",
    "Territoire",
    "Fonction",
    "Atelier",
    "N°",
    "Texte",
    "Actions engagées",
    "Besoins de ressources",
    "Peut être ressource sur",
    "Peut aider",
    "Statut",
    "Confiance",
    "Raisons",
    "Suivi",
    "Étapes du suivi",
    "Rubrique",
    "Éléments",
    "Territoires",
    "Besoin partagé",
    "Qui",
    "Lieu",
    "Organisateur",
    "non précisé",
    "Par territoire",
    "confirmée",
    "ajoutée à la main",
    "suggestion suivie",
    "ressource proposée",
    "action déjà menée",
    "défi partagé",
    "à contacter",
    "contactée",
    "décidée le",
    "très probable",
    "à vérifier",
    "cherchent des ressources",
    "cherche des ressources",
    "Le besoin",
    "l'offre",
    "même thème",
    "Ressource proposée",
    "En commun avec",
    "par l'animateur",
    "atelier du",
]


# What Atelier itself writes on the participants' pages, in French.
FRENCH_FICHES = [
    "Ce que vous",
    "Vous n'avez",
    "Personne",
    "Mise en relation confirmée",
    "mises en relation confirmées",
    "suivi",
    "Piste suggérée",
    "à vérifier",
    "Fiche préparée",
    "Contact de l'atelier",
    "Contact :",
    "propose",
    "proposent",
    "cherche",
    "cherchent",
    "l'a déjà fait",
    "a le même défi",
    "partage",
    "pourrait",
    "intéresse",
    "Cette proposition",
    "Cette action",
    "grille du compte rendu",
    "Défi",
    "et",
    "décidée le",
    "contactée le",
    "à contacter",
    "atelier du",
    "sur cette fiche",
    "Le besoin",
    "l'offre",
    "même thème",
]


# What Atelier itself writes in the minutes, in French: their headings, table headers, the
# sentences of the synthesis it drafts, of the matches, of the follow-up.
FRENCH_MINUTES = [
    *FRENCH_FICHES,
    "Compte rendu",
    "Lieu",
    "Organisé par",
    "Sommaire",
    "Synthèse des échanges",
    "Les mises en relation",
    "Pistes de mise en relation",
    "Annexe",
    "la grille complète",
    "Personnes",
    "Structure",
    "Territoire",
    "Pourquoi",
    "Peut aider",
    "Pourrait aider",
    "Le contexte",
    "Ce qui est déjà engagé",
    "Les défis à relever",
    "Les besoins de ressources",
    "Des observations à retenir",
    "Ce que la salle peut apporter",
    "venus de",
    "ont présenté",
    "Autour de la table",
    "intercommunalités",
    "opérateurs de l'emploi",
    "évoqué",
    "traversent",
    "revient chez",
    "L'expression",
    "se regroupent",
    "chez",
    "Viennent ensuite",
    "naissent",
    "Observations de",
    "notées telles quelles",
    "un défi pour",
    "un besoin pour",
    "veulent",
    "aussi",
    "dont",
    "autres participants",
    "ne se rattachent",
    "Sur ces",
    "lieu à une mise en relation",
    "ont une piste",
    "restent sans réponse",
    "pendant l'atelier",
    "depuis l'atelier",
    "d'être ressource",
    "voir l'annexe",
    "Où en est le suivi",
    "décidées",
    "voici les personnes",
    "n'hésitez pas",
    "Vous souhaitez en savoir plus",
    "Contactez",
    "fait",
    "sans suite",
]


def _docx_texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [t.replace("\u00a0", " ").replace("\u202f", " ") for t in texts if t.strip()]


def _example(path: Path) -> Path:
    """The example workshop, matched; two matches confirmed (one contacted since), one made by
    hand, a participant whose structure and need look like formulas."""
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        tricky = store.add_participant(
            Participant(workshop_id, names=["Zoé Formule"], organisation="=SOMME(A1:A9)", territory="Landes")
        )
        need = store.add_item(Item(tricky.id, ItemKind.NEED, FORMULA))
        store.add_item(Item(tricky.id, ItemKind.OFFER, "+33 6 12 34 56 78 pour les clauses"))
        report = match_workshop(store, workshop_id)
        save_suggestions(store, workshop_id, report.suggestions)
        best = sorted(store.matches(workshop_id), key=lambda m: -m.score)[:2]
        for match in best:
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
        store.set_follow_up(best[0].id, FollowUp.TO_CONTACT, day="2026-11-01")  # decided then
        store.set_follow_up(best[0].id, FollowUp.CONTACTED, day="2026-11-03")
        offer = next(i for i in store.workshop_items(workshop_id) if i.kind == ItemKind.OFFER)
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 0.0, []))
    return path


def _participants_words(path: Path) -> list[str]:
    """Everything participants and the facilitator typed: kept as written in any language."""
    with Store.open(path, readonly=True) as store:
        words: list[str] = []
        for workshop in store.workshops():
            words += [workshop.title, workshop.place, workshop.organiser, workshop.description]
            words += re.split(r"(?<=[.!?])\s+", workshop.description)  # the minutes keep some sentences
            words += workshop.contact.splitlines()
            for p in store.participants(workshop.id):
                words += [*p.names, p.organisation, p.territory, p.role, p.source_text]
            words += [i.text for i in store.workshop_items(workshop.id)]
    return sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)


def _atelier_text(text: str, typed: list[str]) -> str:
    """What Atelier wrote around the participants' words: their texts, quotes and the pieces
    of their texts the synthesis cites (three words or more in a row as they wrote them)
    taken out."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    for words in typed:
        text = text.replace(words, " · ")
    text = re.sub(r"“[^”]*”", " · ", text)  # quoted words of a need or an offer
    text = re.sub(r"«[^»]*»", " · ", text)
    corpus = " ".join(" ".join(t.split()) for t in typed).casefold()
    words = text.split()
    kept, at = [], 0
    while at < len(words):
        end = at
        while end < len(words) and " ".join(words[at : end + 1]).strip(".,;:…()").casefold() in corpus:
            end += 1
        if end - at >= 3:
            kept.append("·")  # a piece of theirs
            at = end
        else:
            kept.append(words[at])
            at += 1
    return " ".join(kept)


def _french_left(texts: list[str], typed: list[str], phrases: list[str]) -> list[tuple[str, str]]:
    found = []
    for text in texts:
        said = _atelier_text(text, typed)
        for phrase in phrases:
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", said):
                found.append((phrase, text))
        for month in FRENCH_MONTHS:
            if re.search(rf"\b\d{{1,2}}(er)? {month} \d{{4}}", said):
                found.append((month, text))
    return found


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    """The same workshop exported from the command line in French (the default) and in English."""
    folder = tmp_path_factory.mktemp("documents")
    source = _example(folder / "exemple.atelier")
    paths = {"source": source}
    for lang in ("fr", "en"):
        paths[f"xlsx-{lang}"] = folder / f"tableaux-{lang}.xlsx"
        paths[f"fiches-{lang}"] = folder / f"fiches-{lang}.docx"
        paths[f"docx-{lang}"] = folder / f"compte-rendu-{lang}.docx"
        for option in ("xlsx", "fiches", "docx"):  # the pages go alone (they are not anonymised)
            done = run_cli(
                "export",
                str(source),
                f"--{option}",
                str(paths[f"{option}-{lang}"]),
                env={"ATELIER_LANG": lang},
            )
            assert done.returncode == 0, done.stderr
    return paths


def _cells(path: Path) -> tuple[list[str], openpyxl.Workbook]:
    book = openpyxl.load_workbook(path)
    texts = [book.sheetnames[i] for i in range(len(book.sheetnames))]
    for sheet in book.worksheets:
        texts += [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    return texts, book


def test_the_english_workbook_has_no_french_of_atelier_s_own(exported: dict[str, Path]) -> None:
    texts, book = _cells(exported["xlsx-en"])
    assert book.sheetnames == ["Summary", "Grid", "Actions", "Challenges", "Needs", "Offers", "Matches"]
    assert _french_left(texts, _participants_words(exported["source"]), FRENCH_XLSX) == []
    matches = book["Matches"]
    header = [c.value for c in matches[1]]
    assert header[:10] == [
        "Participant",
        "Organisation",
        "Territory",
        "Workshop",
        "Date",
        "Need",
        "Can help: participant",
        "Can help: organisation",
        "Can help: territory",
        "Resource",
    ]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in matches.iter_rows(min_row=2)]
    assert {r["Status"] for r in rows} == {"confirmed", "added by hand", "suggestion"}
    contacted = [r for r in rows if r["Follow-up"] == "contacted"]
    assert len(contacted) == 1 and contacted[0]["Follow-up steps"].endswith("contacted on 3 November 2026")
    # People joined as an English sentence joins them; their names as typed.
    assert any(" and " in (r["Participant"] or "") for r in rows)
    assert all(" et " not in (r["Participant"] or "") for r in rows)
    # Days stay dates (sorted, filtered), shown with their month's name in English, whatever
    # language the reader's Excel speaks (tests/test_xlsx_summary_sheet.py).
    assert book["Summary"]["B3"].number_format == "[$-809]d mmmm yyyy"


def test_the_french_workbook_is_as_it_was(exported: dict[str, Path]) -> None:
    texts, book = _cells(exported["xlsx-fr"])
    assert book.sheetnames == [
        "Synthèse",
        "Grille",
        "Actions",
        "Défis",
        "Besoins",
        "Ressources",
        "Mises en relation",
    ]
    matches = book["Mises en relation"]
    header = [c.value for c in matches[1]]
    assert header == [
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
        "Source",
        "Statut",
        "Score",
        "Confiance",
        "Raisons",
        "Suivi",
        "Dernière étape le",
        "Étapes du suivi",
        "Note",
        "Atelier de la ressource",
    ]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in matches.iter_rows(min_row=2)]
    assert {r["Statut"] for r in rows} == {"confirmée", "ajoutée à la main", "suggestion"}
    assert {r["Source"] for r in rows} >= {"ressource proposée"}
    contacted = [r for r in rows if r["Suivi"] == "contactée"]
    assert len(contacted) == 1 and contacted[0]["Étapes du suivi"].endswith("contactée le 3 novembre 2026")
    summary = [c.value for c in book["Synthèse"]["A"] if c.value]
    for label in ("Lieu", "Organisateur", "Territoires", "Mises en relation décidées", "Par territoire"):
        assert label in summary
    assert any("participants cherchent des ressources sur" in str(t) for t in texts)


def test_text_written_to_the_english_workbook_never_becomes_a_formula(exported: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(exported["xlsx-en"])
    needs = book["Needs"]
    cells = [c for row in needs.iter_rows() for c in row if c.value in (FORMULA, "=SOMME(A1:A9)")]
    assert {c.value for c in cells} == {FORMULA, "=SOMME(A1:A9)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_the_english_workbook_imports_back_item_for_item(exported: dict[str, Path], tmp_path: Path) -> None:
    """An English workbook is Atelier's own Excel too: read back as it was written."""
    target = tmp_path / "relu.atelier"
    done = run_cli("import", str(exported["xlsx-en"]), "-o", str(target), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    with Store.open(exported["source"], readonly=True) as store, Store.open(target, readonly=True) as back:
        before = store.workshops()[0].id
        after = back.workshops()[0].id
        assert [(p.names, p.organisation, p.territory) for p in back.participants(after)] == [
            (p.names, p.organisation, p.territory) for p in store.participants(before)
        ]
        assert sorted((i.kind, i.text) for i in back.workshop_items(after)) == sorted(
            (i.kind, i.text) for i in store.workshop_items(before)
        )


def test_the_window_in_english_exports_an_english_workbook(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The export dialog of an English window writes its documents in English: Excel alone
    ticked with the keyboard (Word's box unticked), exported with the dialog's button."""
    from PySide6.QtCore import Qt

    import atelier.i18n

    from .conftest import example_window

    monkeypatch.setattr(atelier.i18n, "_chosen", ["en"])  # as the window started in English sets it
    window = example_window(qtbot, tmp_path)
    try:
        dialog = window.export_office(show=False)
        dialog.show()
        qtbot.waitExposed(dialog)
        out = tmp_path / "exports"
        out.mkdir()
        dialog.folder.setText(str(out))
        dialog.word.setFocus()
        qtbot.keyClick(dialog.word, Qt.Key.Key_Space)
        assert not dialog.word.isChecked() and dialog.excel.isChecked()
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        assert dialog.error is None
        (written,) = out.iterdir()
        book = openpyxl.load_workbook(written)
        assert book.sheetnames == ["Summary", "Grid", "Actions", "Challenges", "Needs", "Offers", "Matches"]
        assert [c.value for c in book["Grid"][1]][:4] == ["No.", "Participant", "Organisation", "Territory"]
        dialog.close()
    finally:
        window.close()


def test_the_english_pages_have_no_french_of_atelier_s_own(exported: dict[str, Path]) -> None:
    texts = _docx_texts(exported["fiches-en"])
    assert _french_left(texts, _participants_words(exported["source"]), FRENCH_FICHES) == []
    assert "What you are looking for" in texts and "What you can offer" in texts
    assert "Confirmed match — follow-up: decided on 1 November 2026 · contacted on 3 November 2026." in texts
    assert any(re.fullmatch(r"Page prepared with Atelier on \d{1,2} [A-Z][a-z]+ \d{4}\.", t) for t in texts)
    # What participants wrote is quoted as English quotes, never translated.
    assert "“+33 6 12 34 56 78 pour les clauses”" in texts
    document = docx.Document(str(exported["fiches-en"]))
    assert document.core_properties.language == "en-GB"
    properties = document.core_properties
    assert properties.title.startswith("Participant pages — ") and not properties.comments


def test_the_french_pages_are_as_they_were(exported: dict[str, Path]) -> None:
    texts = _docx_texts(exported["fiches-fr"])
    for heading in ("Ce que vous cherchez", "Ce que vous pouvez apporter"):
        assert heading in texts
    assert (
        "Mise en relation confirmée — suivi : décidée le 1er novembre 2026 · contactée le 3 novembre 2026."
        in texts
    )
    assert any(t.startswith("Fiche préparée avec Atelier le ") for t in texts)
    assert "« +33 6 12 34 56 78 pour les clauses »" in texts
    assert docx.Document(str(exported["fiches-fr"])).core_properties.language == "fr-FR"


def test_an_english_page_says_who_from_another_workshop_can_help_and_how_far_it_went(tmp_path: Path) -> None:
    """Lucie's need answered by Gérard, met at the 2021 workshop, decided at the 2022 one and
    contacted since; Cécile's offer a lead: each said in English, with its dates in English."""
    from .test_fiches import path as network

    source = network.__wrapped__(tmp_path)  # the participant pages' own network of two workshops
    target = tmp_path / "pages.docx"
    done = run_cli(
        "export", str(source), "--workshop", "2022-03-15", "--fiches", str(target), env={"ATELIER_LANG": "en"}
    )
    assert done.returncode == 0, done.stderr
    texts = _docx_texts(target)
    assert _french_left(texts, _participants_words(source), FRENCH_FICHES) == []
    assert (
        "Gérard Müller — Mission locale du Médoc (workshop of 16 March 2021) offers: "
        "“un annuaire des initiatives locales”" in texts
    )
    assert "Confirmed match — follow-up: decided on 15 March 2022 · contacted on 2 March 2026." in texts
    assert "Contact: g.muller@ml-medoc.fr" in texts
    assert "This offer could interest Lucie Leroy:" in texts
    assert "1 confirmed match on this page. Page prepared with Atelier on " in " ".join(texts)
    assert any(t.endswith("A lead suggested by Atelier, to check with the person.") for t in texts)


def test_the_english_minutes_have_no_french_of_atelier_s_own(exported: dict[str, Path]) -> None:
    """Headings, tables, the synthesis Atelier drafts, the matches and their follow-up: English;
    the participants' words quoted as they wrote them."""
    texts = _docx_texts(exported["docx-en"])
    assert _french_left(texts, _participants_words(exported["source"]), FRENCH_MINUTES) == []
    document = docx.Document(str(exported["docx-en"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Participants", "Summary of the discussions", "The context"]
    assert "The matches" in headings and "Annex: the full grid" in headings
    assert document.tables[0].rows[0].cells[0].text == "People"
    assert [c.text for c in document.tables[1].rows[0].cells] == [
        "Looking for",
        "Can help",
        "Why",
        "Follow-up",
    ]
    assert "decided on 1 November 2026\ncontacted on 3 November 2026" in [
        row.cells[3].text.replace("\u00a0", " ") for row in document.tables[1].rows
    ]
    assert any(
        re.match(r"\d+ participants(?: \(\d+ rows of the grid\))?, from \d+ territories, presented ", t)
        for t in texts
    )
    assert any(
        re.match(r"Where the follow-up stands on \d+ \w+ \d{4} — to contact: \d+; contacted: 1;", t)
        for t in texts
    )
    assert any(" and " in row.cells[0].text for row in document.tables[0].rows)  # « A and B »
    assert document.core_properties.language == "en-GB" and not document.core_properties.comments


def test_the_french_minutes_are_as_they_were(exported: dict[str, Path]) -> None:
    texts = _docx_texts(exported["docx-fr"])
    document = docx.Document(str(exported["docx-fr"]))
    headings = [
        p.text.replace("\u00a0", " ") for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:3] == ["Participants", "Synthèse des échanges", "Le contexte"]
    assert "Les mises en relation" in headings and "Annexe : la grille complète" in headings
    assert [c.text for c in document.tables[1].rows[0].cells] == [
        "Cherche",
        "Peut aider",
        "Pourquoi",
        "Suivi",
    ]
    assert any(
        re.match(
            r"\d+ participants(?: \(\d+ lignes de la grille\))?, venus de \d+ territoires, ont présenté ", t
        )
        for t in texts
    )
    assert any(t.startswith("Où en est le suivi au ") for t in texts)
    assert document.core_properties.language == "fr-FR"


def test_anonymised_english_minutes_number_shared_structures_in_english(tmp_path: Path) -> None:
    source = _example(tmp_path / "exemple.atelier")
    target = tmp_path / "anonyme.docx"
    done = run_cli("export", str(source), "--docx", str(target), "--anonymise", env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    texts = _docx_texts(target)
    assert (
        "Anonymised minutes: each participant is named by their organisation or their territory, and "
        "other people named (first name, surname or title) by “[name]”."
    ) in " ".join(texts)
    assert any("Région N-A no. 2" in t for t in texts) and not any("n° 2" in t for t in texts)


def test_the_english_window_drafts_its_synthesis_in_english_and_each_language_s_minutes_use_it(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The synthesis editor of an English window starts from Atelier's draft in English; saved
    and never edited, the French minutes draft it in French and the English ones in English
    (never one language's draft in the other's document)."""
    from PySide6.QtCore import Qt

    import atelier.i18n

    from .conftest import example_window

    monkeypatch.setattr(atelier.i18n, "_chosen", ["en"])
    window = example_window(qtbot, tmp_path)
    try:
        editor = figures_in(qtbot, window.edit_synthesis(show=False))
        editor.show()
        qtbot.waitExposed(editor)
        headings = [editor.list.item(i).text() for i in range(editor.list.count())]
        assert headings[0] == "The context" and "What the room can offer" in headings
        assert re.match(
            r"24 participants \(22 rows of the grid\), from \d+ territories, presented ",
            editor.body.toPlainText(),
        )
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    finally:
        window.close()
    source = tmp_path / "exemple.atelier"
    for lang, first in (("fr", "Le contexte"), ("en", "The context")):
        target = tmp_path / f"cr-{lang}.docx"
        done = run_cli("export", str(source), "--docx", str(target), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        document = docx.Document(str(target))
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert headings[0] == first, headings
