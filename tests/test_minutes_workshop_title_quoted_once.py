"""A workshop's title typed between guillemets (« « Mobilité » », as a facilitator often names
it) was quoted again by the documents: « (atelier « « Mobilité » ») », « A proposé lors de
l'atelier « « Mobilité » » », a page's « Atelier « « Lever les freins » », Bordeaux. », English
« workshop “« Mobilité »” ». One pair of quotation marks, the document's own."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind, Workshop
from atelier.store import Store

from .conftest import run_cli


def _texts(path: Path) -> list[str]:
    """Every paragraph of the document, those of its tables too."""
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [t.replace("\u00a0", " ").replace("\u202f", " ") for t in texts]


def _quotes_inside_quotes(text: str) -> bool:
    """« « … » » or “« … »”: a quotation opened inside another one, at once."""
    return bool(re.search(r"«\s*«|»\s*»|“\s*«|»\s*”|“\s*“|”\s*”", text))


def test_a_title_typed_between_guillemets_is_quoted_once(tmp_path: Path) -> None:
    path = tmp_path / "titres.atelier"
    with Store.create(path, title="« Mobilité »", date="") as store:
        earlier = store.workshops()[0]
        gerard = store.add_participant(
            Participant(earlier.id, names=["Gérard Müller"], organisation="Mission locale du Médoc")
        )
        directory = store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales"))
        later = store.add_workshop(Workshop("« Lever les freins »", date="", place="Bordeaux"))
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
                MatchStatus.CONFIRMED,
                0.5,
                [
                    Reason(ReasonKind.OFFER, ("initiatives locales",)),
                    Reason(ReasonKind.EARLIER, term=earlier.title, resource="offer"),
                ],
            )
        )
    said: dict[str, list[str]] = {}
    for lang in ("fr", "en"):
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
            said[f"{kind}-{lang}"] = _texts(target)
    for name, texts in said.items():
        assert not [t for t in texts if _quotes_inside_quotes(t)], name
    minutes, pages = "\n".join(said["docx-fr"]), "\n".join(said["fiches-fr"])
    assert "(atelier « Mobilité »)" in minutes, minutes
    assert "(atelier « Mobilité »)" in pages, pages
    assert "Atelier « Lever les freins », Bordeaux." in pages, pages
    assert "(workshop “Mobilité”)" in "\n".join(said["docx-en"])
    assert "Workshop “Lever les freins”, Bordeaux" in "\n".join(said["fiches-en"])
