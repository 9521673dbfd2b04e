"""A match whose one reason is that the helper offered it at an earlier workshop was said
« Mise en relation décidée par l'animateur. » in the minutes and on the pages, even a lead
Atelier suggested and no one decided: the sentence for a match added by hand. It says where
the offer was made (« A proposé lors de l'atelier « Mobilité ». »), as the Excel did."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind, Workshop
from atelier.store import Store

from .conftest import run_cli


def _texts(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(texts).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("status", [MatchStatus.SUGGESTED, MatchStatus.CONFIRMED])
def test_a_match_met_at_an_earlier_workshop_is_never_said_made_by_hand(tmp_path: Path, status) -> None:
    path = tmp_path / "avant.atelier"
    with Store.create(path, title="Mobilité", date="") as store:
        earlier = store.workshops()[0]
        gerard = store.add_participant(
            Participant(earlier.id, names=["Gérard Müller"], organisation="Mission locale")
        )
        directory = store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales"))
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        cecile = store.add_participant(Participant(later.id, names=["Cécile Dallet"], organisation="PLIE"))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
        store.add_item(Item(cecile.id, ItemKind.OFFER, "des clauses d'insertion"))
        store.add_match(
            Match(
                later.id,
                need.id,
                directory.id,
                status,
                0.5,
                [Reason(ReasonKind.EARLIER, term=earlier.title, resource="offer")],
            )
        )
    for lang, said, wrong in (
        ("fr", "A proposé lors de l'atelier « Mobilité ».", "décidée par l'animateur"),
        ("en", "Offered at the workshop “Mobilité”.", "made by the facilitator"),
    ):
        for kind in ("docx", "fiches"):
            target = tmp_path / f"{kind}-{lang}.docx"
            done = run_cli(
                "export",
                str(path),
                "--workshop",
                later.id,
                f"--{kind}",
                str(target),
                env={"ATELIER_LANG": lang},
            )
            assert done.returncode == 0, done.stderr
            text = _texts(target)
            assert wrong not in text, (kind, lang, text)
            assert said in text, (kind, lang, text)
