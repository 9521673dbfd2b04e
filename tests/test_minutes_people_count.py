"""The example's grid has 22 rows of participants, two of which hold two people each
(« Cécile BECHON et Ghislaine Paparemborde »): the minutes and the Excel summary said
« 22 participants » while their participants table names 24 people. They now count people and
say the rows: « 24 participants (22 lignes de la grille) », Excel « Participants 24 » and
« Lignes de la grille 22 ». Read back from the files the CLI writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize(
    ("lang", "said", "rows"),
    [
        ("fr", "24 participants (22 lignes de la grille), venus de", "Lignes de la grille"),
        ("en", "24 participants (22 rows of the grid), from", "Rows of the grid"),
    ],
)
def test_people_counted_as_named(tmp_path: Path, lang: str, said: str, rows: str) -> None:
    source = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    env = {"ATELIER_LANG": lang}
    done = run_cli("export", str(source), "--docx", str(tmp_path / "cr.docx"), env=env)
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "cr.docx")).paragraphs)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert said in text, text[:3000]
    assert "22 participants" not in text, text[:3000]
    done = run_cli("export", str(source), "--xlsx", str(tmp_path / "t.xlsx"), env=env)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    summary = book["Synthèse" if lang == "fr" else "Summary"]
    facts = {r[0]: r[1] for r in summary.iter_rows(min_row=3, max_col=2, values_only=True) if r[0]}
    assert facts["Participants"] == 24, facts
    assert facts[rows] == 22, facts


# Four rows, five people: the Mission locale's row names two.
TWO_ON_A_ROW = (
    "Participant;Actions;Défis;Besoins;Ressources\n"
    "Anne Martin et Paul Durand / Mission locale Est;forum emploi au printemps;"
    "lever les freins de garde d'enfants;solutions de garde d'enfants;ateliers CV\n"
    "Claire Roy / PLIE Sud;forum emploi pour les saisonniers;garde d'enfants aux horaires décalés;"
    "places en crèche pour garde d'enfants;animation d'un club RH\n"
    "Luc Petit / CC Nord;forum emploi des métiers du bois;solutions de garde d'enfants;"
    "modes de garde d'enfants;diagnostic RH\n"
    "Marc Leroy / Cap emploi;adapter les postes;recruter des travailleurs handicapés;;conseil juridique\n"
)


def test_every_count_of_participants_counts_people(tmp_path: Path) -> None:
    """The opening said « 5 participants (4 lignes de la grille) », then « Forum emploi, chez
    3 participants », « Les 4 défis, exprimés par 4 participants », « 4 participants proposent
    d'être ressource »: rows, where the two of the Mission locale's row are two participants."""
    from tests.helpers.minutes import minutes_sections

    grid, workshop = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(TWO_ON_A_ROW, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop), "--title", "Atelier", "--date", "20/11/2026")
    assert done.returncode == 0, done.stderr
    sections = minutes_sections(workshop, tmp_path / "cr.docx", "fr")
    text = "\n".join(line for lines in sections.values() for line in lines)
    for said in (
        "5 participants (4 lignes de la grille)",
        "Forum emploi, chez 4 participants",
        "Les 4 défis, exprimés par 5 participants",
        "Garde d'enfants, un défi pour 4 participants",
        "Les 3 besoins, exprimés par 4 participants",
        "Garde d'enfants, un besoin pour 4 participants",
        "5 participants proposent d'être ressource",
    ):
        assert said in text, (said, text)
    english = minutes_sections(workshop, tmp_path / "en.docx", "en")
    text = "\n".join(line for lines in english.values() for line in lines)
    assert "The 4 challenges, expressed by 5 participants" in text, text
    assert "5 participants offer to be a resource" in text, text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "5 participants (4 lignes de la grille des présents)"),
        ("en", "5 participants (4 rows of the grid of those present)"),
    ],
)
def test_the_rows_counted_are_those_of_the_people_present(tmp_path: Path, lang: str, said: str) -> None:
    """With someone excused, the minutes said « 5 participants (4 lignes de la grille) » above an
    annex grid of 5 rows (the excused one's too, « (excusé·e) »): the rows counted are those of
    the people present, said so as the Excel summary does (« Lignes de la grille des présents »)."""
    grid, workshop = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        TWO_ON_A_ROW + "Jean Bon (excusé) / Pôle emploi Nord;;;;conseil en recrutement\n", encoding="utf-8"
    )
    done = run_cli("import", str(grid), "-o", str(workshop), "--title", "Atelier", "--date", "20/11/2026")
    assert done.returncode == 0, done.stderr
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(workshop), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(minutes))
    text = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ").replace("\u202f", " ")
    assert said in text, text[:3000]
    annex = document.tables[-1]  # the grid, every row as typed: the excused one's too
    names = [row.cells[0].text for row in annex.rows[1:]]
    assert len(names) == 5 and any("Jean Bon" in n for n in names), names


@pytest.mark.parametrize(
    ("lang", "line", "info", "asked"),
    [
        (
            "fr",
            "— 24 participants, 155 éléments,",
            "Participants : 24 (22 lignes de la grille)",
            "Supprimer l'atelier « Atelier du 16 mars 2021 » (24 participants, 155 éléments,",
        ),
        (
            "en",
            "— 24 participants, 155 items,",
            "Participants: 24 (22 rows of the grid)",
            "Delete the workshop “Atelier du 16 mars 2021” (24 participants, 155 items,",
        ),
    ],
)
def test_the_workshops_list_and_the_summary_count_people_as_the_minutes_do(
    tmp_path: Path, lang: str, line: str, info: str, asked: str
) -> None:
    """`atelier ateliers` and `atelier info` said « 22 participants » of the example whose
    minutes, from the same file, say « 24 participants (22 lignes de la grille) »: two rows
    name two people each (« Cécile BECHON et Ghislaine Paparemborde »)."""
    source = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    env = {"ATELIER_LANG": lang}

    def said(*args: str) -> str:
        done = run_cli(*args, env=env)
        return (done.stdout + done.stderr).replace("\u00a0", " ").replace("\u202f", " ")

    listed = said("workshops", str(source))
    assert line in listed and "22 participants" not in listed, listed
    # Another workshop in the file, so that the example's may be deleted (asked first).
    run_cli("workshops", str(source), "--add", "--title", "Atelier d'automne", "--date", "20/11/2026")
    summary = said("info", str(source))
    assert info in summary, summary
    question = said("workshops", str(source), "--delete", "2021-03-16")
    assert question.startswith(asked), question


def test_the_window_s_workshop_label_counts_people_as_the_minutes_do(qtbot, tmp_path: Path) -> None:
    """« Atelier du fichier : 16 mars 2021 — Atelier du 16 mars 2021 · 22 participants », above
    the grid all the while, where the minutes say 24; a row typed naming two people counts two."""
    from PySide6.QtCore import Qt

    from tests.helpers.keyboard import active_example_window, key, type_text

    window = active_example_window(qtbot, tmp_path)
    combo = window.switcher.combo
    assert combo.currentText().endswith("· 24 participants"), combo.currentText()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new row, ready to type
    type_text("Anne Martin et Paul Durand / PLIE Sud")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: combo.currentText().endswith("· 26 participants"), timeout=5000)
    window.close()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "24 participants (22 lignes de la grille)"), ("en", "24 participants (22 rows of the grid)")],
)
def test_anonymised_minutes_count_the_participants_as_their_synthesis_does(
    tmp_path: Path, lang: str, said: str
) -> None:
    """The anonymised minutes opened on « 22 participants. Compte rendu anonymisé… » and their
    synthesis, a page below, said « 24 participants (22 lignes de la grille) »: two figures for
    one room. Both say the people and the rows."""
    source = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(source), "--docx", str(minutes), "--anonymise", env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    texts = [
        p.text.replace("\u00a0", " ").replace("\u202f", " ") for p in docx.Document(str(minutes)).paragraphs
    ]
    anonymised = next(t for t in texts if "nonymis" in t)
    assert anonymised.startswith(f"{said}. "), anonymised
    assert any(t.startswith(said) for t in texts if t != anonymised), texts  # the synthesis, the same
    assert not any("22 participants" in t for t in texts), texts
