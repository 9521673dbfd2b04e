"""The documents Atelier writes speak the interface's language: French by default, English when
the interface is English (ATELIER_LANG=en for the command line, the window's language for its
export dialog). Read back as a staff member would open them: no French fixed text left in the
English document (only what participants wrote, never translated), the French one unchanged."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store

from .conftest import ROOT, run_cli

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
    "contacté",
    "décidée le",
    "très probable",
    "à vérifier",
    "cherchent des ressources",
    "cherche des ressources",
    "Le besoin",
    "l'offre",
    "même thème",
    "Le propose comme ressource",
    "faite par l'animateur",
    "atelier du",
]


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
        store.update_match(
            best[0].id, follow_up=FollowUp.CONTACTED, follow_up_changed="2026-11-03T10:00:00.000Z"
        )
        offer = next(i for i in store.workshop_items(workshop_id) if i.kind == ItemKind.OFFER)
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.MANUAL, 0.0, []))
    return path


def _participants_words(path: Path) -> list[str]:
    """Everything participants and the facilitator typed: kept as written in any language."""
    with Store.open(path, readonly=True) as store:
        words: list[str] = []
        for workshop in store.workshops():
            words += [workshop.title, workshop.place, workshop.organiser, workshop.description]
            words += workshop.contact.splitlines()
            for p in store.participants(workshop.id):
                words += [*p.names, p.organisation, p.territory, p.role, p.source_text]
            words += [i.text for i in store.workshop_items(workshop.id)]
    return sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)


def _atelier_text(text: str, typed: list[str]) -> str:
    """What Atelier wrote around the participants' words: their texts and quotes taken out."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    for words in typed:
        text = text.replace(words, " ")
    text = re.sub(r"“[^”]*”", " ", text)  # quoted words of a need or an offer
    return re.sub(r"«[^»]*»", " ", text)


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
        done = run_cli(
            "export", str(source), "--xlsx", str(paths[f"xlsx-{lang}"]), env={"ATELIER_LANG": lang}
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
    # Days stay dates (sorted, filtered), shown with their month's name, as in French.
    assert book["Summary"]["B3"].number_format == "d mmmm yyyy"


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
        "Peut aider : participant",
        "Peut aider : structure",
        "Peut aider : territoire",
        "Ressource",
        "Source",
        "Statut",
        "Score",
        "Confiance",
        "Raisons",
        "Suivi",
        "Suivi depuis le",
        "Étapes du suivi",
        "Note",
        "Atelier de la ressource",
    ]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in matches.iter_rows(min_row=2)]
    assert {r["Statut"] for r in rows} == {"confirmée", "ajoutée à la main", "suggestion"}
    assert {r["Source"] for r in rows} >= {"ressource proposée"}
    contacted = [r for r in rows if r["Suivi"] == "contacté"]
    assert len(contacted) == 1 and contacted[0]["Étapes du suivi"].endswith("contactée le 3 novembre 2026")
    summary = [c.value for c in book["Synthèse"]["A"] if c.value]
    for label in ("Lieu", "Organisateur", "Territoires", "Mises en relation confirmées", "Par territoire"):
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
