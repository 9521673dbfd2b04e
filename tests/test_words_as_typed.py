"""What participants wrote is shown as they wrote it: Atelier sets its own French (« cherche : »)
and never adds a space inside their words. A need typed « permis ok? » was projected and
written in the minutes' tables as « permis ok ? », an organisation « PLIE: Graves! » as
« PLIE : Graves ! »."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import QSize

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.french import as_typed, plain, typography
from atelier.store import Store

from .conftest import example_window, run_cli

NEED = "mobilité des jeunes: permis ok? urgent!"
OFFER = "aide au permis; prêt de voitures!"
ORGANISATION = "PLIE: Graves!"


def _workshop(path: Path) -> Path:
    with Store.create(path, title="Atelier du 16 mars 2026", date="2026-03-16") as store:
        workshop = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop, names=["Anne Vidal"], organisation=ORGANISATION))
        need = store.add_item(Item(anne.id, ItemKind.NEED, NEED))
        paul = store.add_participant(Participant(workshop, names=["Paul Roy"], organisation="Mission locale"))
        offer = store.add_item(Item(paul.id, ItemKind.OFFER, OFFER))
        store.add_match(Match(workshop, need.id, offer.id, MatchStatus.CONFIRMED, 0.8))
    return path


def test_typography_sets_the_sentence_and_leaves_the_marked_words_as_typed() -> None:
    said = typography(f"{as_typed('Anne (PLIE: Graves!)')} cherche : {as_typed('permis ok? urgent !')}", "fr")
    assert (
        said == "Anne (PLIE: Graves!) cherche\u00a0: permis ok? urgent\u00a0!"
    )  # their space kept, unbreakable
    assert typography(f"{as_typed('ok?')}: yes", "en") == "ok?: yes"
    assert plain(f"« {as_typed('x:y')} »") == "« x:y »"
    assert typography("Anne cherche: ok?", "fr") == "Anne cherche\u00a0: ok\u202f?"  # Atelier's own: set


def _texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def test_the_minutes_tables_and_the_pages_keep_the_words_as_typed(tmp_path: Path) -> None:
    path = _workshop(tmp_path / "atelier.atelier")
    minutes, pages = tmp_path / "cr.docx", tmp_path / "fiches.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    assert run_cli("export", str(path), "--fiches", str(pages)).returncode == 0
    cells = "\n".join(c.text for t in docx.Document(str(minutes)).tables for r in t.rows for c in r.cells)
    assert f"Anne Vidal ({ORGANISATION})\n{NEED}" in cells, cells  # « Cherche »
    assert OFFER in cells and f"• {NEED}" in cells  # « Peut aider », the annex's grid
    assert "ok\u202f?" not in cells and "PLIE\u00a0:" not in cells
    said = "\n".join(_texts(pages))
    assert f"Anne Vidal — {ORGANISATION} cherche\u00a0: «" in said, said  # the sentence set, the words not
    assert "PLIE\u00a0:" not in said
    assert not any("\U00100000" <= c <= "\U0010ffff" for c in said + cells)  # no mark left in the file


def test_the_projector_shows_a_need_and_a_name_as_typed(qtbot, tmp_path: Path) -> None:
    _workshop(tmp_path / "exemple.atelier")
    window = example_window(qtbot, tmp_path)
    projector = window.open_projector()
    projector.render_image(QSize(1920, 1080))
    said = " ".join(projector.drawn)
    assert NEED in said and OFFER in said, said
    assert f"Anne Vidal ({ORGANISATION}) cherche\u00a0:" in said, said
    assert not any("\U00100000" <= c <= "\U0010ffff" for c in said)
    projector.close()
    window.close()


SPACED_NEED = "Comment faire pour que les services travaillent moins de façon cloisonnée ?"
SPACED_ACTION = "Observation : « L'approche collective est quasi systématique. »"


def test_a_space_typed_before_a_mark_never_starts_a_line_of_a_document(tmp_path: Path) -> None:
    """A participant's own space before « ? » or « : », or inside their « », was left an
    ordinary space where Atelier quotes their words (the pages, « … cloisonnée ? ») and in the
    English documents: Word broke the line there, and a line began with « ? » or « » »
    (the example's English pages: « …travaillent moins de façon cloisonnée » then « ?” »).
    Their spaces are kept, made non-breaking, as the French minutes' tables already did."""
    path = tmp_path / "atelier.atelier"
    with Store.create(path, title="Atelier du 16 mars 2026", date="2026-03-16") as store:
        workshop = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop, names=["Anne Vidal"], organisation="PLIE"))
        need = store.add_item(Item(anne.id, ItemKind.NEED, SPACED_NEED))
        store.add_item(Item(anne.id, ItemKind.ACTION, SPACED_ACTION))
        paul = store.add_participant(Participant(workshop, names=["Paul Roy"], organisation="Mission locale"))
        offer = store.add_item(Item(paul.id, ItemKind.OFFER, "faire du lien entre les services"))
        store.add_match(Match(workshop, need.id, offer.id, MatchStatus.CONFIRMED, 0.8))
    for lang in ("fr", "en"):
        for kind in ("--docx", "--fiches"):
            out = tmp_path / f"{lang}{kind}.docx"
            done = run_cli("export", str(path), kind, str(out), env={"ATELIER_LANG": lang})
            assert done.returncode == 0, done.stderr
            said = "\n".join(_texts(out))
            breaks = [line for line in said.splitlines() if " ?" in line or " »" in line or "« " in line]
            assert not breaks, (lang, kind, breaks)
            words = said.replace("\u00a0", " ").replace("\u202f", " ")
            assert SPACED_NEED in words, (lang, kind, said)  # the words as typed, no space added
