"""A participant cell the import could not split (« Karine et Luc Blanc / Centre social »,
« Maison de l'emploi Anne Martin ») must never put the people's names in an anonymised
document or on the projector with names hidden: two people sharing a surname and a short
surname (« Aïcha Ben ») are read as people; a structure the import said may hold a name, of a
row with no person read, is printed without the name-like words it holds, and the export says
so. Through the command line (files read back with python-docx and openpyxl) and the real
window's projector (Ctrl+Maj+M)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atelier.importers.participant import parse_participant

from .conftest import run_cli

GRID = (
    "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
    "Karine et Luc Blanc / Centre social;accueil des familles;;garde d'enfants;ateliers parents\n"
    "Aïcha Ben / Mission locale du Libournais;;;garde d'enfants;permanences emploi\n"
    "Maison de l'emploi Anne Martin;forum des métiers;;garde d'enfants;mobilité des jeunes\n"
    "Nadia Benkhelifa / PLIE des Graves;;;garde d'enfants;chantier d'insertion\n"
)
# Every word of the people's names in GRID: none may be printed anonymised.
PEOPLE_WORDS = ("Karine", "Luc", "Blanc", "Aïcha", "Ben", "Anne", "Martin", "Nadia", "Benkhelifa")
# What is no person's and must stay.
KEPT = (
    "Centre social",
    "Mission locale du Libournais",
    "Maison de l'emploi",
    "PLIE des Graves",
    "garde d'enfants",
    "ateliers parents",
    "permanences emploi",
    "mobilité des jeunes",
)


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        ("Karine et Luc Blanc / Centre social", ["Karine Blanc", "Luc Blanc"], "Centre social"),
        ("Karine et Luc BLANC - Centre social", ["Karine BLANC", "Luc BLANC"], "Centre social"),
        ("Aïcha Ben / Mission locale", ["Aïcha Ben"], "Mission locale"),
        ("Aïcha Ben / Mission locale du Libournais", ["Aïcha Ben"], "Mission locale du Libournais"),
        # Unchanged: first names alone, a surname with a particle, a particle then a surname.
        ("Anne et Julien / PLIE", ["Anne", "Julien"], "PLIE"),
        ("Inès Ben Salah / Maison de l'emploi", ["Inès Ben Salah"], "Maison de l'emploi"),
        ("Kévin Da Silva / Mission locale des Landes", ["Kévin Da Silva"], "Mission locale des Landes"),
    ],
)
def test_a_shared_surname_and_a_short_surname_are_read_as_people(
    cell: str, names: list[str], organisation: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation)


def _exported(tmp_path: Path, grid_text: str = GRID) -> tuple[str, str, str]:
    import docx
    import openpyxl

    grid, workshop = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text(grid_text, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop), "--title", "Atelier", "--date", "12/11/2026")
    assert done.returncode == 0, done.stderr
    said = []
    for option, name in (("--xlsx", "anonyme.xlsx"), ("--docx", "anonyme.docx")):
        done = run_cli("export", str(workshop), option, str(tmp_path / name), "--anonymise")
        assert done.returncode == 0, done.stderr
        said.append(done.stderr + done.stdout)
    book = openpyxl.load_workbook(tmp_path / "anonyme.xlsx", read_only=True)
    excel = "\n".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
    )
    document = docx.Document(str(tmp_path / "anonyme.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    parts = [p.text for p in document.paragraphs] + cells
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    word = "\n".join(parts)
    return excel.replace("\u00a0", " "), word.replace("\u00a0", " "), "\n".join(said).replace("\u00a0", " ")


def _names_left(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){w}(?![\w-])", text)]


def test_an_unsplit_cell_prints_no_name_in_the_anonymised_minutes_and_tables(tmp_path: Path) -> None:
    excel, word, said = _exported(tmp_path)
    for where, text in (("Excel", excel), ("Word", word)):
        assert _names_left(text, PEOPLE_WORDS) == [], where
        for kept in KEPT:
            assert kept in text, (where, kept)
    # The export says which structure it printed without what read as a name.
    assert "« Maison de l'emploi Anne Martin » → « Maison de l'emploi »" in said, said


def test_a_name_typed_after_a_formula_sign_is_still_a_name_and_printed_nowhere(tmp_path: Path) -> None:
    """« +Paul Durand Mairie de Niort », « =Marie Curie », « @Jean Dupont, CC Gâtine » (a sign
    pasted from a spreadsheet, or a hostile grid): the sign is no part of the person, whose name
    is read as without it, and no anonymised table or minutes print it."""
    grid = (
        "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
        "+Paul Durand Mairie de Niort;forum emploi;;aide sur la mobilité;logement des jeunes\n"
        "=Marie Curie;atelier CV;;logement des jeunes;mobilité solidaire\n"
        "@Jean Dupont, CC Gâtine;atelier CV;;logement des jeunes;mobilité solidaire\n"
    )
    assert parse_participant("+Paul Durand Mairie de Niort").names == ["Paul Durand"]
    assert parse_participant("=Marie Curie").names == ["Marie Curie"]
    assert parse_participant("@Jean Dupont, CC Gâtine").names == ["Jean Dupont"]
    assert parse_participant("+Paul Durand Mairie de Niort").source_text == "+Paul Durand Mairie de Niort"
    excel, word, _said = _exported(tmp_path, grid)
    for where, text in (("Excel", excel), ("Word", word)):
        assert _names_left(text, ("Paul", "Durand", "Marie", "Curie", "Jean", "Dupont")) == [], where
        for kept in ("Mairie de Niort", "CC Gâtine", "logement des jeunes"):
            assert kept in text, (where, kept)


def test_a_file_imported_before_keeps_its_unsplit_structure_yet_prints_no_name(tmp_path: Path) -> None:
    """A file written by an older version holds « Karine et Luc Blanc / Centre social » as a
    structure with no person: the anonymised documents still print no name of it."""
    from atelier.store import Store

    grid, workshop = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    with Store.open(workshop) as store:
        (first,) = [
            p for p in store.participants(store.workshops()[0].id) if "Centre social" in p.organisation
        ]
        store.update_participant(first.id, names=[], organisation="Karine et Luc Blanc / Centre social")
    target = tmp_path / "anonyme.docx"
    done = run_cli("export", str(workshop), "--docx", str(target), "--anonymise")
    assert done.returncode == 0, done.stderr
    import docx

    document = docx.Document(str(target))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert _names_left(text, ("Karine", "Luc", "Blanc")) == []
    assert "Centre social" in text
    assert "« Karine et Luc Blanc / Centre social » → « Centre social »" in done.stderr.replace("\u00a0", " ")


def test_the_projector_with_names_hidden_shows_no_name_of_an_unsplit_cell(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from atelier.domain import MatchStatus
    from atelier.matching import match_workshop, save_suggestions
    from atelier.store import Store

    from .helpers.keyboard import active_window, key

    grid, path = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
        "Maison de l'emploi Anne Martin;forum des métiers;;prêt de véhicules;garde d'enfants\n"
        "Nadia Benkhelifa / PLIE des Graves;;;garde d'enfants le soir;prêt de véhicules\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        for match in store.matches(workshop_id):
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
        assert store.matches(workshop_id)
    window = active_window(qtbot, path)
    try:
        projector = window.open_projector()
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert projector.private
        seen = []
        for row in range(window.model.rowCount()):
            window._select(window.model.participant_at(row).id, 0)
            for view in ("cards", "spotlight", "network"):
                window.projector_view(view)
                if view == "network":
                    qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
                projector.render_image()
                text = "\n".join(projector.drawn).replace("\u00a0", " ")
                seen.append(text)
                assert _names_left(text, ("Anne", "Martin", "Nadia", "Benkhelifa")) == [], (view, text)
        everything = "\n".join(seen)
        assert "Maison de l'emploi" in everything and "PLIE des Graves" in everything
    finally:
        if window.projector is not None:
            window.projector.close()
        window.close()
