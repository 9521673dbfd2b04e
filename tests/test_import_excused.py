"""« Paul Durand (excusé) / Mission locale du Médoc », « Karim Benali / Agglo Agen - absent »,
« Julie Petit / CC du Bazadais (absente, représentée par Marc Roux) » were imported as people in
the room: counted in the minutes (« 4 participants, venus de 4 territoires », one of them
« absente, représentée par Marc Roux »), the structure « (excusé) / Mission locale du Médoc »,
their needs matched, while Marc Roux, who was there, was nobody.

Now an excused or absent person is imported as such: the structure and the name read without
the mark, what they wrote kept in the grid, but not counted among those present, not matched,
not on the projector; the minutes list them apart (« Excusé·e : … »); the report says each.
« Julie Petit (absente, représentée par Marc Roux) »: what the row holds stays Julie's (minutes,
pages, search), and the minutes and her page say Marc Roux was there for her."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from .conftest import run_cli
from .helpers.keyboard import active_example_window, key, type_text
from .test_fiches import _pages

GRID = (
    "Participant / territoire;Actions engagées;Défis;Besoins;Ressources\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;mobilité des jeunes;clauses sociales\n"
    "Paul Durand (excusé) / Mission locale du Médoc;;;permis de conduire;mobilité des jeunes\n"
    "Julie Petit / CC du Bazadais (absente, représentée par Marc Roux);atelier CV;mobilité;"
    "garde d'enfants;permis de conduire\n"
    "Karim Benali / Agglo Agen - absent;;;;\n"
)


def _imported(tmp_path: Path) -> tuple[Path, str]:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(target), "--title", "Atelier", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    return target, done.stdout.replace("\u00a0", " ").replace("\u202f", " ")


def test_excused_and_absent_people_are_said_and_not_in_the_room(tmp_path: Path) -> None:
    target, out = _imported(tmp_path)
    assert "Import : 4 participants (dont 2 excusés ou absents)" in out, out
    assert "ligne 3 : Paul Durand (Mission locale du Médoc), excusé·e" in out, out
    assert "ni compté·e parmi les présents, ni rapproché·e" in out, out
    assert "ligne 5 : Karim Benali (Agglo Agen), absent·e" in out, out
    assert (
        "ligne 4 : Julie Petit, absente, représentée par Marc Roux : ses lignes restent à son nom, "
        "Marc Roux est la personne présente pour CC du Bazadais" in out
    ), out
    assert "à vérifier" not in out, out  # « absente, représentée par Marc Roux » is no person's name
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    people = {p["names"][0]: p for p in exported["workshops"][0]["participants"]}
    assert set(people) == {"Anne Martin", "Paul Durand", "Julie Petit", "Karim Benali"}
    assert people["Paul Durand"]["organisation"] == "Mission locale du Médoc"
    assert people["Paul Durand"]["attendance"] == "excused"
    assert people["Paul Durand"]["needs"] == ["permis de conduire"]  # what he sent stays
    assert people["Karim Benali"]["organisation"] == "Agglo Agen"
    assert people["Karim Benali"]["attendance"] == "absent"
    assert people["Julie Petit"]["organisation"] == "CC du Bazadais"
    assert people["Julie Petit"]["attendance"] == "represented"
    assert people["Julie Petit"]["represented_by"] == "Marc Roux"
    assert people["Julie Petit"]["needs"] == ["garde d'enfants"]  # hers, not Marc's
    assert "absente" not in people["Julie Petit"]["territory"]
    matched = run_cli("match", str(target)).stdout.replace("\u00a0", " ")
    assert "Paul Durand" not in matched and "Karim" not in matched, matched
    assert "Julie Petit (CC du Bazadais)" in matched and "Marc Roux" not in matched, matched


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    tables = "\n".join(" | ".join(c.text for c in r.cells) for t in document.tables for r in t.rows)
    return (paragraphs + "\n" + tables).replace("\u00a0", " ").replace("\u202f", " ")


def test_the_minutes_list_them_apart(tmp_path: Path) -> None:
    target, _out = _imported(tmp_path)
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(target), "--docx", str(minutes)).returncode == 0
    text = _text(minutes)
    assert "Excusé·e : Paul Durand (Mission locale du Médoc)" in text, text
    assert "Absent·e : Karim Benali (Agglo Agen)" in text, text
    participants_table = docx.Document(str(minutes)).tables[0]
    listed = [r.cells[0].text for r in participants_table.rows[1:]]
    assert listed == ["Anne Martin", "Julie Petit (absente, représentée par Marc Roux)"], listed
    assert "4 participants" not in text, text
    assert "(excusé)" not in text
    anonymised = tmp_path / "anon.docx"
    assert run_cli("export", str(target), "--docx", str(anonymised), "--anonymise").returncode == 0
    text = _text(anonymised)
    assert "Paul Durand" not in text and "Excusé·e : Mission locale du Médoc" in text, text


def _typed_as_a_new_row(qtbot, tmp_path: Path, cell: str):
    """The example's window, a new row (Ctrl+N) typed `cell` then Tab: the window and the row's
    names and structure as the file holds them (read by another connection)."""
    window = active_example_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(cell)
    key(qtbot, Qt.Key.Key_Tab)
    connection = sqlite3.connect(f"file:{window.store.path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT names, organisation FROM participants WHERE source_text = ?", (cell,)
        ).fetchone()
    finally:
        connection.close()
    return window, row


@pytest.mark.usefixtures("no_modal_boxes")
def test_typed_in_the_window(qtbot, tmp_path: Path) -> None:
    cell = "Paul Durand (excusé) / Mission locale du Médoc"
    window, row = _typed_as_a_new_row(qtbot, tmp_path, cell)
    assert row == ('["Paul Durand"]', "Mission locale du Médoc"), row
    shown = [
        window.grid.model().index(r, 0).data()
        for r in range(window.grid.model().rowCount())
        if "Paul Durand" in str(window.grid.model().index(r, 0).data())
    ]
    assert shown and "excusé·e" in shown[0], shown


def test_the_excel_grid_keeps_them_said_and_reads_back(tmp_path: Path) -> None:
    """The Excel export's grid has every row, the excused one said so; imported again, it is
    the same excused person with what they wrote."""
    from openpyxl import load_workbook

    target, _out = _imported(tmp_path)
    book = tmp_path / "g.xlsx"
    assert run_cli("export", str(target), "--xlsx", str(book)).returncode == 0
    sheet = load_workbook(book)["Grille"]
    header = [c.value for c in sheet[1]]
    people = [row[header.index("Participant")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert people == [
        "Anne Martin",
        "Paul Durand (excusé·e)",
        "Julie Petit (absente, représentée par Marc Roux)",
        "Karim Benali (absent·e)",
    ], people
    again = tmp_path / "again.atelier"
    done = run_cli("import", str(book), "-o", str(again))
    assert done.returncode == 0, done.stderr
    exported = json.loads(run_cli("export", str(again), "--json", "-").stdout)
    back = {p["names"][0]: p for p in exported["workshops"][0]["participants"]}
    assert back["Paul Durand"]["attendance"] == "excused"
    assert back["Paul Durand"]["needs"] == ["permis de conduire"]
    assert back["Karim Benali"]["attendance"] == "absent"
    assert back["Julie Petit"]["represented_by"] == "Marc Roux"
    assert back["Julie Petit"]["needs"] == ["garde d'enfants"]


def test_their_page_says_why_nothing_was_matched(tmp_path: Path) -> None:
    target, _out = _imported(tmp_path)
    pages = tmp_path / "fiches.docx"
    assert run_cli("export", str(target), "--fiches", str(pages)).returncode == 0
    by_name = {
        page[0][1]: "\n".join(text for _style, text in page) for page in _pages(docx.Document(str(pages)))
    }
    paul = next(text for name, text in by_name.items() if name.startswith("Paul Durand"))
    said = "Excusé·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne."
    assert said in paul, paul
    anne = next(text for name, text in by_name.items() if name.startswith("Anne Martin"))
    assert "Excusé·e" not in anne and "Absent·e" not in anne, anne


def test_their_page_never_says_no_one_asked_for_what_was_not_matched_because_they_were_away(
    tmp_path: Path,
) -> None:
    """Anne Martin needs « mobilité des jeunes », what Paul Durand (excusé) offers: not matched
    because he was excused, which his page says, never « Personne ne l'a encore demandé »."""
    target, _out = _imported(tmp_path)
    for lang, said, untrue in (
        (
            "fr",
            "Sans mise en relation : vous étiez excusé·e à cet atelier.",
            "Personne ne l'a encore demandé",
        ),
        ("en", "Not matched: you were excused from this workshop.", "No one has asked for it"),
    ):
        pages = tmp_path / f"fiches-{lang}.docx"
        done = run_cli("export", str(target), "--fiches", str(pages), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        by_name = {page[0][1]: [text for _style, text in page] for page in _pages(docx.Document(str(pages)))}
        paul = next(text for name, text in by_name.items() if name.startswith("Paul Durand"))
        offer = paul.index("« mobilité des jeunes »" if lang == "fr" else "“mobilité des jeunes”")
        assert paul[offer + 1] == said, paul
        need = paul.index("« permis de conduire »" if lang == "fr" else "“permis de conduire”")
        assert paul[need + 1] == said, paul
        assert not any(untrue in line for line in paul), paul
        assert not any(
            "No one has been found" in line or "Personne n'a encore été repéré" in line for line in paul
        )


def test_the_person_represented_stays_the_author_and_is_found(tmp_path: Path) -> None:
    """« Julie Bernard, Pôle emploi Dax (absente, représentée par Marc Roux) »: what she wrote
    is hers in the minutes (the lead, the annex), her page says Marc Roux came for her, and
    `chercher Julie` finds her."""
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        "Atelier mobilité du 12 mai 2022 à Dax\n"
        "Participants;Actions;Défis;Besoins;Ressources\n"
        "Anne Martin, PLIE Sud Landes;forum emploi;mobilité des jeunes;solutions de mobilité pour les jeunes;"
        "garde d'enfants\n"
        "Julie Bernard, Pôle emploi Dax (absente, représentée par Marc Roux);job dating;recrutement;"
        "recrutement saisonnier;solutions de mobilité et covoiturage\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(target), "--docx", str(minutes)).returncode == 0
    text = _text(minutes)
    assert "Julie Bernard (absente, représentée par Marc Roux) | Pôle emploi Dax" in text, text
    assert "Julie Bernard (Pôle emploi Dax)" in text, text  # her lines, her name (annex, leads)
    assert "Marc Roux (Pôle emploi Dax)" not in text, text
    english = tmp_path / "en.docx"
    assert run_cli("export", str(target), "--docx", str(english), env={"ATELIER_LANG": "en"}).returncode == 0
    assert "Julie Bernard (absent, represented by Marc Roux) | Pôle emploi Dax" in _text(english)

    pages = tmp_path / "fiches.docx"
    assert run_cli("export", str(target), "--fiches", str(pages)).returncode == 0
    by_name = {page[0][1]: [text for _style, text in page] for page in _pages(docx.Document(str(pages)))}
    assert "Marc Roux" not in by_name, list(by_name)
    assert "Absente, représentée par Marc Roux." in by_name["Julie Bernard"], by_name["Julie Bernard"]

    found = run_cli("chercher", str(target), "Julie").stdout.replace("\u00a0", " ")
    assert "Julie Bernard (Pôle emploi Dax)" in found, found


@pytest.mark.usefixtures("no_modal_boxes")
def test_represented_typed_in_the_window_stays_hers_and_says_who_came(qtbot, tmp_path: Path) -> None:
    cell = "Julie Petit (absente, représentée par Marc Roux) / CC du Bazadais"
    window, row = _typed_as_a_new_row(qtbot, tmp_path, cell)
    assert row == ('["Julie Petit"]', "CC du Bazadais"), row
    shown = [
        str(window.grid.model().index(r, 0).data())
        for r in range(window.grid.model().rowCount())
        if "Julie Petit" in str(window.grid.model().index(r, 0).data())
    ]
    assert shown and shown[0].splitlines()[-1] == "absente, représentée par Marc Roux", shown
