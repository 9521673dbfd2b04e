"""A need and an offer that both write one acronym (« FSE ») are told as sharing that word,
with what it stands for: « Le besoin et l'offre disent tous deux « FSE » (fonds social
européen) ». The reason used to be the gloss alone (« FSE = fonds social européen »), which,
read aloud, says what the acronym means, not why the two were put together."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from .conftest import run_cli

NEED = "Financement FSE"
OFFER = "Ingénierie financière FSE"
FR = "Le besoin et l'offre disent tous deux «\u00a0FSE\u00a0» (fonds social européen)"
EN = "The need and the offer both say “FSE” (European Social Fund)"  # the glossary's [sigles_en]
GLOSS = "FSE = fonds social"


def _workshop(tmp_path: Path) -> Path:
    grid = tmp_path / "f.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        f"Anne Roux / PLIE Sud Landes;Forum;;{NEED};\n"
        f"Jean Dupont / CC du Seignanx;;;;{OFFER}\n",
        encoding="utf-8",
    )
    path = tmp_path / "f.atelier"
    done = run_cli("import", str(grid), "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def _xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
    )


def test_a_shared_acronym_is_said_as_a_word_both_write_in_every_place(tmp_path: Path) -> None:
    path = _workshop(tmp_path)
    listing = run_cli("match", str(path))
    assert listing.returncode == 0, listing.stderr
    assert FR in listing.stdout and GLOSS not in listing.stdout, listing.stdout
    english = run_cli("match", str(path), env={"ATELIER_LANG": "en"})
    assert EN in english.stdout and "FSE stands for" not in english.stdout, english.stdout
    assert run_cli("match", str(path), "--save").returncode == 0

    pages, minutes, table = tmp_path / "fiches.docx", tmp_path / "cr.docx", tmp_path / "t.xlsx"
    for option, target in (("--fiches", pages), ("--docx", minutes), ("--xlsx", table)):
        done = run_cli("export", str(path), option, str(target))
        assert done.returncode == 0, done.stderr
    for text in (_docx_text(pages), _docx_text(minutes), _xlsx_text(table)):
        assert FR in text and GLOSS not in text, text
    english_pages = tmp_path / "pages.docx"
    done = run_cli("export", str(path), "--fiches", str(english_pages), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert EN in _docx_text(english_pages)

    # The projector, its short form too (the need's words left out for a small card).
    from atelier.domain import MatchStatus
    from atelier.projection import build
    from atelier.store import Store

    with Store.open(path) as store:
        (match,) = store.matches(store.workshops()[0].id)
        store.update_match(match.id, status=MatchStatus.CONFIRMED)  # as the facilitator does
        shown = build(store, store.workshops()[0].id, lang="fr")
    (card,) = shown.cards
    assert card.reasons == [FR] and card.brief == [FR], card


def test_an_older_files_same_acronym_sentence_is_said_the_same_way() -> None:
    from atelier.reasons import say_all

    old = [
        "ressource proposée (« je peux être ressource sur… »)",
        "même sigle « FSE » (fonds social européen)",
    ]
    assert say_all(old, "fr", kind=False) == [FR]
    assert say_all(old, "en", kind=False) == [EN]


def test_two_words_both_say_are_said_in_one_sentence_in_every_place(tmp_path: Path) -> None:
    """« Le besoin et l'offre disent tous deux « Recrutement » · Le besoin et l'offre disent
    tous deux « BTP » (…) » said the same opening twice: it is said once, the words joined."""
    grid = tmp_path / "g.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Roux / PLIE Sud Landes;Forum;;Recrutement BTP;\n"
        "Jean Dupont / CC du Seignanx;;;;Recrutement dans le BTP\n",
        encoding="utf-8",
    )
    path = tmp_path / "g.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    fr = (
        "Le besoin et l'offre disent tous deux «\u00a0Recrutement\u00a0» et «\u00a0BTP\u00a0» "
        "(bâtiment et travaux publics)"
    )
    listing = run_cli("match", str(path))
    assert fr in listing.stdout and listing.stdout.count("disent tous deux") == 1, listing.stdout
    english = run_cli("match", str(path), env={"ATELIER_LANG": "en"})
    assert english.stdout.count("both say") == 1, english.stdout
    assert "both say “Recrutement” and “BTP”" in english.stdout, english.stdout
    assert run_cli("match", str(path), "--save").returncode == 0
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    text = _docx_text(minutes)
    assert fr in text and text.count("disent tous deux") == 1, text

    from atelier.domain import MatchStatus
    from atelier.projection import build
    from atelier.store import Store

    with Store.open(path) as store:
        (match,) = store.matches(store.workshops()[0].id)
        store.update_match(match.id, status=MatchStatus.CONFIRMED)
        shown = build(store, store.workshops()[0].id, lang="fr")
        english_shown = build(store, store.workshops()[0].id, lang="en")
    (card,) = shown.cards
    assert card.reasons == [fr], card
    # The projector's short form (a card with little room) said the two words in two
    # differently worded clauses (« En commun avec le besoin : « Recrutement » · Le besoin et
    # l'offre disent tous deux « BTP » (…) »): one sentence naming both, as the full reasons.
    assert card.brief == [fr], card
    (card,) = english_shown.cards
    en = "The need and the offer both say “Recrutement” and “BTP” (building and public works)"
    assert card.reasons == [en], card
    assert card.brief == [en], card
