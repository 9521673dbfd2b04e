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
        said == "Anne (PLIE: Graves!) cherche\u00a0: permis ok? urgent\u202f!"
    )  # their space kept, unbreakable: the one Atelier's own French puts before « ! »
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


def test_the_example_s_quoted_words_take_the_spaces_atelier_s_own_french_takes(tmp_path: Path) -> None:
    """The example's minutes and pages, read back: no ordinary space before « : ; ! ? » or
    inside « » anywhere, the synthesis's quotes included (« Objet de l'étude : identifier …
    entreprises ? »). The space a participant typed before « ? » was made U+00A0 while
    Atelier's own « ? » takes U+202F, two widths before the same mark in one sentence: their
    spaces are now the ones french.typography puts (U+00A0 before « : » and inside « »,
    U+202F before ; ! ?), in the annex too; their words otherwise as typed, no space added."""
    import re
    import shutil

    from .conftest import ROOT

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    minutes, pages = tmp_path / "cr.docx", tmp_path / "fiches.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    assert run_cli("export", str(path), "--fiches", str(pages)).returncode == 0
    said = {name: _texts(document) for name, document in (("cr", minutes), ("fiches", pages))}
    for name, texts in said.items():
        breakable = [t for t in texts if re.search(r" [:;!?»]", t)]
        assert breakable == [], (name, breakable[:3])
    minutes_text, pages_text = "\n".join(said["cr"]), "\n".join(said["fiches"])
    objet = (
        "Objet de l'étude\u00a0: identifier ce qui fait l'attractivité du territoire pour les "
        "entreprises\u202f?"
    )
    assert f"«\u00a0{objet}\u00a0»" in minutes_text  # the synthesis
    assert f"• {objet}" in minutes_text  # the annex's grid, the same
    assert "qu'agglomération?\u00a0»" in minutes_text  # no space where they typed none
    cloisonnee = (
        "«\u00a0Comment faire pour que les services travaillent moins de façon cloisonnée\u202f?\u00a0»"
    )
    assert cloisonnee in minutes_text and cloisonnee in pages_text
    with Store.open(path, readonly=True) as store:
        typed = {i.text for i in store.workshop_items(store.workshops()[0].id)}
    assert objet.replace("\u00a0", " ").replace("\u202f", " ") in typed  # their words, unchanged
