"""« Ne pas publier dans le répertoire » is the person's, across the workshops of the file.

Lucie Leroy (Grand Angoulême) ticked it at the March workshop. In her own workshop's window, a
suggestion from the September workshop (Paul Girard offers the « Répertoire des initiatives
locales… » she needs) was confirmed with Ctrl+Maj+C without a word, and September's pages then
said « Cette proposition intéresse Lucie Leroy … Lucie Leroy — Grand Angoulême (atelier du 16
mars 2021) cherche … ». Confirming now asks, saying why; and whatever was decided, no page, list
or document of another workshop names someone who opted out: they are « une personne non
nommée à sa demande », the facilitator makes the link. Grégory TALVY, confirmed as a helper of
a September need before he opted out, is not named in September's pages, minutes, Excel,
follow-up, projector or window either. Their own workshop's documents still name them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from atelier.domain import ItemKind, Match, MatchStatus
from atelier.store import Store
from tests.conftest import ROOT, run_cli

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
REPERTOIRE = "Répertoire des initiatives locales pour l'emploi"
UNNAMED = "une personne non nommée à sa demande"
# Who opted out, and what names them: never in another workshop's outputs.
WITHHELD = ("Leroy", "Grand Angoulême", "TALVY", "Grégory")


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def room(tmp_path: Path) -> dict:
    """The example (16 March 2021) and a September workshop imported into it. Grégory TALVY's
    offer was confirmed for Marc Dupuis's September need; then Lucie Leroy and Grégory TALVY
    asked not to be published in the directory (the card's box)."""
    path = tmp_path / "reseau.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "septembre.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Paul Girard / Réseau des PLIE d'Aquitaine;Annuaire régional;;Méthode pour animer un réseau;"
        f"{REPERTOIRE}\n"
        "Marc Dupuis / CC du Réolais;Forum emploi;;Connaître les dispositifs régionaux d'aide;\n",
        encoding="utf-8",
    )
    done = run_cli(
        "import", str(grid), "--into", str(path), "--new-workshop",
        "--title", "Atelier de septembre", "--date", "14/09/2021",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        march = store.find_workshop("2021-03-16")
        september = store.find_workshop("2021-09-14")
        people = {p.names[0]: p for w in (march, september) for p in store.participants(w.id) if p.names}
        offer = next(
            i
            for i in store.items(people["Grégory TALVY"].id)
            if i.kind == ItemKind.OFFER and i.text.startswith("présenter les différents dispositifs")
        )
        (need,) = [i for i in store.items(people["Marc Dupuis"].id) if i.kind == ItemKind.NEED]
        decided = store.add_match(
            Match(september.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, ["mise en relation"])
        )
        for name in ("Lucie Leroy", "Grégory TALVY"):
            store.update_participant(people[name].id, unlisted=True)
    return {
        "path": path,
        "march": march.id,
        "september": september.id,
        "lucie": people["Lucie Leroy"].id,
        "marc_need": need.id,
        "talvy_match": decided.id,
    }


def _confirm_paul_for_lucie(qtbot, room: dict, monkeypatch, choice: str) -> tuple[list[str], object]:
    """March's window: Lucie Leroy's need, Paul Girard's September offer chosen in « Qui peut
    aider ? », Ctrl+Maj+C; the box answered with the button `choice`."""
    from tests.helpers.keyboard import active_window, key

    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(_plain(box.text() + "\n" + box.informativeText()))
        labels = [b.text().replace("&", "") for b in box.buttons()]
        found = [b for b in box.buttons() if b.text().replace("&", "") == choice]
        assert len(found) == 1, labels
        found[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window = active_window(qtbot, room["path"])
    window.switch_workshop(room["march"])
    qtbot.waitUntil(lambda: not window.matching._busy and window.matching.engine is not None, timeout=30_000)
    window._select(room["lucie"], 0)
    panel = window.panel.matches
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)

    def paul() -> object | None:
        for row in range(panel.tree_model.rowCount()):
            need = panel.tree_model.item(row)
            for child in range(need.rowCount()):
                if "Paul Girard" in need.child(child).text():
                    return need.child(child)
        return None

    qtbot.waitUntil(lambda: paul() is not None, timeout=30_000)
    line = paul()
    panel.tree.setCurrentIndex(line.index())
    match_id = panel.current_match_id()
    key(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    status = window.store.match(match_id).status
    said = _plain(window.saved_label.text())
    window.close()
    return asked, (status, said)


def test_confirming_a_match_across_workshops_for_someone_who_opted_out_asks_first(
    qtbot, room: dict, monkeypatch, no_modal_boxes: list[str]
) -> None:
    asked, (status, said) = _confirm_paul_for_lucie(qtbot, room, monkeypatch, "Annuler")
    assert status == MatchStatus.SUGGESTED  # nothing decided without an answer
    (question,) = asked
    assert question.startswith(
        "Lucie Leroy a demandé à ne pas figurer dans le répertoire (⊘ hors répertoire), et Paul Girard "
        "est d'un autre atelier (atelier du 14 septembre 2021)."
    ), question
    assert f"« {UNNAMED} »" in question and "Ne pas publier dans le répertoire" in question, question
    asked, (status, said) = _confirm_paul_for_lucie(qtbot, room, monkeypatch, "Confirmer sans la nommer")
    assert status == MatchStatus.CONFIRMED
    assert "les documents de l'atelier du 14 septembre 2021 ne nomment pas Lucie Leroy" in said, said
    assert no_modal_boxes == []


def _pages(path: Path, day: str, target: Path) -> str:
    done = run_cli("export", str(path), "--workshop", day, "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    return _plain("\n".join(p.text for p in docx.Document(str(target)).paragraphs))


def test_no_output_of_another_workshop_names_someone_who_opted_out(
    qtbot, room: dict, monkeypatch, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    _confirm_paul_for_lucie(qtbot, room, monkeypatch, "Confirmer sans la nommer")
    path = room["path"]
    # September's pages: Paul's says who asked, unnamed; Marc's who can help, unnamed.
    pages = _pages(path, "2021-09-14", tmp_path / "sept.docx")
    assert not [w for w in WITHHELD if w in pages], pages
    assert f"Cette proposition intéresse {UNNAMED} :" in pages, pages
    assert "Une personne non nommée à sa demande (atelier du 16 mars 2021) cherche : « besoins de " in pages
    assert (
        "Une personne non nommée à sa demande (atelier du 16 mars 2021) propose : « présenter les " in pages
    )
    # Her own workshop's pages name her, and Paul who can help.
    march = _pages(path, "2021-03-16", tmp_path / "mars.docx")
    assert (
        "Lucie Leroy" in march
        and "Paul Girard — Réseau des PLIE d'Aquitaine (atelier du 14 septembre" in march
    )
    # September's minutes and Excel tables.
    minutes = tmp_path / "sept-cr.docx"
    assert run_cli("export", str(path), "--workshop", "2021-09-14", "--docx", str(minutes)).returncode == 0
    document = docx.Document(str(minutes))
    text = _plain(
        "\n".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for r in t.rows for c in r.cells]
        )
    )
    assert not [w for w in WITHHELD if w in text], text
    assert UNNAMED in text, text
    tables = tmp_path / "sept.xlsx"
    assert run_cli("export", str(path), "--workshop", "2021-09-14", "--xlsx", str(tables)).returncode == 0
    cells = " ".join(
        str(c.value)
        for s in openpyxl.load_workbook(tables).worksheets
        for r in s.iter_rows()
        for c in r
        if c.value
    )
    assert not [w for w in WITHHELD if w in cells], cells
    assert UNNAMED in cells
    # September's follow-up: both matches, nobody named who opted out, not found by their name.
    followed = run_cli("suivi", str(path), "--workshop", "2021-09-14")
    listed = _plain(followed.stdout)
    assert not [w for w in WITHHELD if w in listed], listed
    assert listed.lower().count(UNNAMED) == 2, listed
    as_json = run_cli("suivi", str(path), "--workshop", "2021-09-14", "--json")
    assert not [w for w in WITHHELD if w in as_json.stdout], as_json.stdout
    assert len(json.loads(as_json.stdout)) == 2
    searched = run_cli("suivi", str(path), "--workshop", "2021-09-14", "--participant", "leroy")
    assert "Leroy" not in searched.stdout and "Grand Angoulême" not in searched.stdout, searched.stdout
    # March's follow-up names her: her own workshop.
    assert "Lucie Leroy (Grand Angoulême) cherche" in _plain(
        run_cli("suivi", str(path), "--workshop", "2021-03-16").stdout
    )
    # The directory finds neither.
    for name in ("leroy", "talvy"):
        found = run_cli("chercher", str(path), name)
        assert "Leroy" not in found.stdout and "TALVY" not in found.stdout, found.stdout
    assert no_modal_boxes == []


def test_the_projector_and_the_window_of_another_workshop_name_nobody_who_opted_out(
    qtbot, room: dict, no_modal_boxes: list[str]
) -> None:
    from atelier.projection import build
    from tests.helpers.keyboard import active_window, key

    with Store.open(room["path"], readonly=True) as store:
        shown = build(store, room["september"])
    labels = " ".join(
        [c.helper for c in shown.cards] + [n.label for n in shown.network.nodes] + list(shown.labels.values())
    )
    assert "TALVY" not in labels and "Grégory" not in labels, labels
    assert UNNAMED in labels, labels
    window = active_window(qtbot, room["path"])
    assert window.model.workshop_id == room["september"]
    marc = next(p for p in window.model.participants() if p.names == ["Marc Dupuis"])
    window._select(marc.id, 0)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.panel.matches
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() > 0 and panel.tree_model.item(0).rowCount() > 0)
    line = _plain(panel.tree_model.item(0).child(0).text())
    assert line.startswith(f"✔ {UNNAMED} (atelier du 16 mars 2021) — présenter les différents"), line
    window.close()
    assert no_modal_boxes == []
