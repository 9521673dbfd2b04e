"""What a page, the projector and the window say of a link must be what the grid and the
reasons show.

In the development workshop a, confirmed as the engine suggests them (words alone):
- Jean-Marc Lafon's action « Blanchisserie en horaires décalés » for Nathalie Rouby's need
  « Des solutions de garde d'enfants compatibles avec des horaires décalés » (two words in
  common), and Michel Arnal's « Formation des conseillers France Travail et Mission locale… »
  for Stéphane Mouly's « Garder mes anciens… et qu'ils forment les jeunes… » (a theme, « jeunes »
  ↔ « Mission locale »), were captioned « l'a déjà fait » (« has already done it »): that they
  did what the need asks. A laundry running early shifts is no childcare; no reason can tell
  that an action does what a need asks. Each is now said as what the grid says of it, what they
  did: « a déjà fait : « … » » (« has already done: “…” »), on the pages, on the projector's
  cards and spotlight, in the window's panel and « Suivi » (English too).
- Nathalie Rouby's challenge « Orientation très genrée… » for Claire Besse's « Quelle activité
  proposer aux bénéficiaires du RSA… », linked by nothing but « un mot pris dans un sigle ou une
  expression », made Nathalie's page say « Claire Besse partage ce défi avec vous » under « Vos
  défis, partagés par d'autres ». It now says « Mise en relation confirmée avec Claire Besse sur
  ce défi » under « Vos défis »; Karim Haddad's « Des DE en reconversion… », on the subject of
  Patrick Delmas's « Des lieux pour tester un métier en vrai… » (three words in common), is still
  shared: « Patrick Delmas partage ce défi avec vous ».
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store

from .helpers.confirm import confirm_suggested
from .helpers.dev_workshops import dev_workshop
from .helpers.keyboard import active_window, key
from .helpers.language import window_language
from .test_fiches import _pages
from .test_fiches_challenges import _sections

# (need's first words, resource's first words, kind of resource)
LAUNDRY = ("Des solutions de garde d'enfants", "Blanchisserie en horaires décalés", ItemKind.ACTION)
TRAINING = ("Garder mes anciens", "Formation des conseillers France Travail", ItemKind.ACTION)
GENDERED = (
    "Quelle activité proposer aux bénéficiaires du RSA",
    "Orientation très genrée",
    ItemKind.CHALLENGE,
)
RETRAINING = ("Des lieux pour tester un métier en vrai", "Des DE en reconversion", ItemKind.CHALLENGE)
DONE = {"fr": "a déjà fait", "en": "has already done"}
# What they were said to have done: the need itself.
CLAIMED = {"fr": ("l'a déjà fait", "l'ont déjà fait"), "en": ("done it",)}


def _claims(text: str, lang: str) -> bool:
    return any(claim in text for claim in CLAIMED[lang])


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Workshop a with the four pairs the engine suggests confirmed, its reasons kept."""
    path = dev_workshop(tmp_path_factory.mktemp("links") / "a.atelier", "a")
    pairs = (LAUNDRY, TRAINING, GENDERED, RETRAINING)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        kinds = {i.id: i.kind for i in store.workshop_items(workshop_id)}
        confirmed = confirm_suggested(store, workshop_id, [(need, resource) for need, resource, _ in pairs])
    assert [kinds[s.resource_id] for s in confirmed] == [kind for _, _, kind in pairs]
    return path


@pytest.fixture
def path(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "a.atelier"
    copy.write_bytes(made.read_bytes())
    return copy


def _page(pages: dict[str, list[tuple[str, str]]], name: str) -> list[tuple[str, str]]:
    (page,) = [p for title, p in pages.items() if name in title]
    return [(style, _flat(text)) for style, text in page]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pages_say_what_was_done_and_shared_only_what_is(path: Path, tmp_path: Path, lang: str) -> None:
    from atelier.exports.fiches import fiches_for, write_fiches

    with Store.open(path, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False, lang=lang)
    written = write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang)
    document = docx.Document(str(written))
    every = " ".join(_flat(p.text) for p in document.paragraphs)
    assert not _claims(every, lang), every
    pages = {page[0][1]: page for page in _pages(document)}
    nathalie = " ".join(text for _style, text in _page(pages, "Nathalie Rouby"))
    assert f"Jean-Marc Lafon — Entreprise adaptée Les Ateliers du Causse {DONE[lang]}" in nathalie, nathalie
    stephane = " ".join(text for _style, text in _page(pages, "Stéphane Mouly"))
    assert f"Michel Arnal — Délégué du Défenseur des droits en Corrèze {DONE[lang]}" in stephane, stephane
    # Nathalie's challenge, linked to Claire's need by a word inside an expression: not shared.
    sections = _sections(_page(pages, "Nathalie Rouby"))
    said = {
        "fr": ("Vos défis", "Mise en relation confirmée avec Claire Besse sur ce défi :", "partage"),
        "en": ("Your challenges", "Match confirmed with Claire Besse on this challenge:", "share"),
    }[lang]
    assert said[0] in sections, list(sections)
    assert said[1] in sections[said[0]], sections[said[0]]
    assert not any(
        said[2] in heading or said[2] in line for heading, lines in sections.items() for line in lines
    )
    # Karim's, on the subject of Patrick's need: shared.
    sections = _sections(_page(pages, "Karim Haddad"))
    shared = {
        "fr": ("Vos défis, partagés par d'autres", "Patrick Delmas partage ce défi avec vous :"),
        "en": ("Your challenges, shared by others", "Patrick Delmas shares this challenge with you:"),
    }[lang]
    assert shared[1] in sections[shared[0]], sections


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_excel_sheet_says_a_challenge_shared_only_when_it_is(
    path: Path, tmp_path: Path, lang: str
) -> None:
    """The sheet's « Source » agrees with the pages: the action « action déjà menée », Nathalie's
    challenge « défi », Karim's « défi partagé »."""
    from atelier.exports import gather
    from atelier.exports.xlsx import write_xlsx

    with Store.open(path, readonly=True) as store:
        data = gather(store, store.workshops()[0].id, match_first=False, lang=lang)
    write_xlsx(data, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Mises en relation" if lang == "fr" else "Matches"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    resource = "Ressource" if lang == "fr" else "Resource"

    def source(start: str) -> str:
        (found,) = [r["Source"] for r in rows if str(r[resource]).startswith(start)]
        return str(found)

    words = {
        "fr": ("action déjà menée", "défi", "défi partagé"),
        "en": ("action already run", "challenge", "shared challenge"),
    }
    assert source(LAUNDRY[1]) == words[lang][0], rows
    assert source(GENDERED[1]) == words[lang][1], rows
    assert source(RETRAINING[1]) == words[lang][2], rows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_projector_and_the_window_say_what_was_done(
    qtbot, path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    with window_language(monkeypatch, lang):
        _projector_and_window(qtbot, path, lang)


def _projector_and_window(qtbot, path: Path, lang: str) -> None:
    window = active_window(qtbot, path)
    done = DONE[lang]
    projector = window.open_projector()
    projector.render_image()
    cards = _flat(" ".join(projector.drawn))
    assert f"Jean-Marc Lafon (Entreprise adaptée Les Ateliers du Causse) {done}" in cards, cards
    assert f"Michel Arnal (Délégué du Défenseur des droits en Corrèze) {done}" in cards, cards
    assert not _claims(cards, lang), cards
    (nathalie,) = [
        p
        for p in window.store.participants(window.model.workshop_id)
        if "Nathalie Rouby" in " ".join(p.names)
    ]
    projector.participant_id, projector.view = nathalie.id, "spotlight"
    projector.render_image()
    spot = _flat(" ".join(projector.drawn))
    assert f", {done}" in spot and not _claims(spot, lang), spot
    projector.close()
    # « Suivi » (Alt+2): the action said as done, in the window's words.
    from atelier.ui.followup_view import COL_HELPS, COL_RESOURCE

    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    table = window.followup.table.model()
    helps = {
        str(table.index(row, COL_RESOURCE).data()): _flat(table.index(row, COL_HELPS).data())
        for row in range(table.rowCount())
    }
    beside = {"fr": "(a déjà fait)", "en": "(has already done)"}[lang]
    (laundry,) = [said for text, said in helps.items() if text.startswith(LAUNDRY[1])]
    assert beside in laundry, helps
    assert "done it" not in " ".join(helps.values()), helps
    window.close()
