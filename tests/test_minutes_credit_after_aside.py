"""A piece of the synthesis that ends with its own brackets is never followed by its credit in
a second pair: the minutes said « CIAP-Champs du Partage fait partie du Réseau National des
Espaces-Test Agricoles (RENETA) (CIAP-Champs du Partage) », where (RENETA) and the one who
said it read alike. Such a piece is quoted, « … (RENETA) » (CIAP-Champs du Partage): who said
it stays in brackets after it, as for every other piece."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import ROOT
from tests.helpers.minutes import minutes_sections

# « (RENETA) (CIAP-Champs du Partage) »: a closing bracket, then at once another pair.
TWO_PAIRS = re.compile(r"\)\s*\([^()]*\)")


def _synthesis(sections: dict[str, list[str]]) -> str:
    return "\n".join(p for heading, lines in sections.items() for p in lines if not heading.startswith("Ann"))


def test_the_example_credits_the_reneta_piece_after_guillemets(tmp_path: Path) -> None:
    example = tmp_path / "example.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", example)
    text = _synthesis(minutes_sections(example, tmp_path / "cr.docx", "fr"))
    assert "(RENETA) (" not in text, text
    assert "(ITE) (" not in text, text
    # Still said, and still credited to the one who said it.
    assert re.search(
        r"des Espaces-Test Agricoles \(RENETA\)( \[…\])?\s*»\s*\(CIAP-Champs du Partage\)", text
    ), text
    assert not TWO_PAIRS.search(text), TWO_PAIRS.search(text)


ROWS = (
    ("Paul Martin", "Mission locale des Graves", "Accompagnement des jeunes vers l'emploi (CEJ)"),
    ("Anne Durand", "PLIE des Graves", "Accompagnement des jeunes en insertion (PLIE)"),
    ("Marc Petit", "Cap Emploi", "Accompagnement des jeunes en situation de handicap (RQTH)"),
)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_action_ending_with_an_acronym_is_credited_apart(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "a.atelier"
    with Store.create(path, title="Atelier de Langon", date="2026-11-30") as store:
        workshop_id = store.workshops()[0].id
        for name, structure, action in ROWS:
            person = store.add_participant(Participant(workshop_id, names=[name], organisation=structure))
            store.add_item(Item(person.id, ItemKind.ACTION, action))
    text = _synthesis(minutes_sections(path, tmp_path / "cr.docx", lang))
    assert "(CEJ)" in text or "(PLIE)" in text or "(RQTH)" in text, text  # a piece with its aside is cited
    assert not TWO_PAIRS.search(text), TWO_PAIRS.search(text)
    for _name, structure, action in ROWS:
        if action in text or action[0].lower() + action[1:] in text:
            assert re.search(re.escape(action[1:]) + r"\s*[»”]\s*\(" + re.escape(structure) + r"\)", text), (
                text
            )


def _cells(minutes: Path) -> list[list[str]]:
    import docx

    return [
        [p.text.replace("\u00a0", " ") for p in cell.paragraphs]
        for table in docx.Document(str(minutes)).tables[:-1]  # the annex prints the grid as typed
        for row in table.rows
        for cell in row.cells
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_offer_ending_with_an_aside_has_its_kind_apart_in_the_tables(tmp_path: Path, lang: str) -> None:
    """The leads' table said « présenter les différents dispositifs régionaux (facilitateurs en
    matière de dispositifs et d'aides) (ressource proposée) »; the decided matches' too."""
    from atelier.domain import Match, MatchStatus

    example = tmp_path / "example.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", example)
    with Store.open(example) as store:
        workshop = store.workshops()[0].id
        items = {i.text: i for i in store.workshop_items(workshop)}
        need = next(i for t, i in items.items() if t.startswith("Difficultés de financement"))
        offer = next(i for t, i in items.items() if t.startswith("présenter les différents dispositifs"))
        store.add_match(Match(workshop, need.id, offer.id, MatchStatus.CONFIRMED, 0.5))
        other = next(i for t, i in items.items() if t.startswith("avoir des exemples de projets"))
        store.add_match(Match(workshop, other.id, offer.id, MatchStatus.SUGGESTED, 0.9))
    minutes = tmp_path / "cr.docx"
    minutes_sections(example, minutes, lang)
    kind = "(ressource proposée)" if lang == "fr" else "(offer)"
    cells = [c for c in _cells(minutes) if any(p.startswith("présenter les différents") for p in c)]
    assert len(cells) >= 2, cells  # the decided match, and leads
    for cell in cells:
        at = next(n for n, p in enumerate(cell) if p.startswith("présenter les différents"))
        assert cell[at].endswith("(facilitateurs en matière de dispositifs et d'aides)"), cell
        assert cell[at + 1] == kind, cell
    assert not any(TWO_PAIRS.search(p) for c in _cells(minutes) for p in c), _cells(minutes)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_offer_s_full_stop_does_not_stand_before_its_kind(tmp_path: Path, lang: str) -> None:
    """« Études et diagnostic économique territorial pour définir une stratégie. (ressource
    proposée) »: the sentence's full stop, then its kind; the full stop goes, as it does in
    « Ce que la salle peut apporter »."""
    from atelier.domain import Match, MatchStatus

    example = tmp_path / "example.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", example)
    with Store.open(example) as store:
        workshop = store.workshops()[0]
        items = {i.text: i for i in store.workshop_items(workshop.id)}
        need = next(i for t, i in items.items() if t.startswith("avoir connaissance des initiatives"))
        offer = next(i for t, i in items.items() if t.startswith("Études et diagnostic économique"))
        assert offer.text.endswith("stratégie.")
        store.add_match(Match(workshop.id, need.id, offer.id, MatchStatus.SUGGESTED, 0.9))
    minutes = tmp_path / "cr.docx"
    minutes_sections(example, minutes, lang)
    kind = "(ressource proposée)" if lang == "fr" else "(offer)"
    lines = [p for c in _cells(minutes) for p in c if p.startswith("Études et diagnostic économique")]
    assert lines == [f"Études et diagnostic économique territorial pour définir une stratégie {kind}"], lines
