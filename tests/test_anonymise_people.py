"""« Compte rendu anonymisé » must be true: no participant's first name, surname, civility or
initials is left in the Word minutes or the Excel tables, whoever's text names them; a person
who is not in the room, named with a first name, is « [nom] »; « d'Anne » reads « de PLIE Sud
Landes »; a first name that is also a word (« rose », « claire », « France ») is left where it is
the word, and the export says which words it could not be sure of. Through the command line, on
the files a staff member sends, read back with python-docx and openpyxl."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_cli

GRID = (
    "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
    "Jean Dupont / CC du Seignanx;suivi du dossier d'Anne avec Martine Lefèvre du Département;"
    "JEAN DUPONT anime le réseau;travailler avec Anne sur la mobilité;"
    "aide de Mme Roux et de Roux pour les jeunes\n"
    "Anne Roux / PLIE Sud Landes;travailler avec Jean sur la mobilité;"
    "aide de M. Dupont pour le forum, voir avec Martine du Département;un local avec Jean-Pierre;"
    "J. Dupont et Dupont connaissent les employeurs\n"
    "Claire Rose / Mission locale de Dax;Pierre a lancé un club à la rose des vents;"
    "une idée claire pour la France et France Travail;Claire cherche des bénévoles;"
    "mise en relation avec Mme Rose et avec Rose\n"
)


def _exported(tmp_path: Path) -> tuple[str, str, str]:
    import docx
    import openpyxl

    grid, workshop = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    said = []
    for option, name in (("--xlsx", "anonyme.xlsx"), ("--docx", "anonyme.docx")):
        done = run_cli("export", str(workshop), option, str(tmp_path / name), "--anonymise")
        assert done.returncode == 0, done.stderr
        said.append(done.stderr)
    book = openpyxl.load_workbook(tmp_path / "anonyme.xlsx", read_only=True)
    excel = "\n".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
    )
    document = docx.Document(str(tmp_path / "anonyme.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    word = "\n".join([p.text for p in document.paragraphs] + cells)
    return excel.replace("\u00a0", " "), word.replace("\u00a0", " "), "\n".join(said)


def test_no_participant_or_other_person_is_left_in_anonymised_minutes_and_tables(tmp_path: Path) -> None:
    excel, word, said = _exported(tmp_path)
    for where, text in (("Excel", excel), ("Word", word)):
        for name in ("Jean", "Anne", "Dupont", "Roux", "Martine", "Lefèvre", "Jean-Pierre", "JEAN", "DUPONT"):
            assert not re.search(rf"(?<![\w-]){name}(?![\w-])", text), (where, name)
        # No civility or initial left before a structure, no first name glued to one.
        for garbled in ("M. CC", "Mme PLIE", "J. CC", "Mme Mission", "Anne PLIE", "d'PLIE", "d'CC"):
            assert garbled not in text, (where, garbled)
        # Each mention of a participant, in anyone's text, is their structure, in correct French.
        for sentence in (
            "travailler avec CC du Seignanx sur la mobilité",
            "travailler avec PLIE Sud Landes sur la mobilité",
            "suivi du dossier de PLIE Sud Landes avec [nom] du Département",
            "aide de CC du Seignanx pour le forum, voir avec [nom] du Département",
            "aide de PLIE Sud Landes et de PLIE Sud Landes pour les jeunes",
            "CC du Seignanx et CC du Seignanx connaissent les employeurs",
            "CC du Seignanx anime le réseau",
            "un local avec [nom]",
            "Mission locale de Dax cherche des bénévoles",
            "mise en relation avec Mission locale de Dax et avec Mission locale de Dax",
        ):
            assert sentence in text, (where, sentence)
        # First names that are words, where they are the words: left as written.
        assert "la rose des vents" in text, where
        assert "une idée claire pour la France et France Travail" in text, where
        assert "Pierre a lancé un club" in text, where  # not a participant, at a sentence's start
    # The minutes say what anonymising covers; the export says what it could not be sure of.
    assert "chaque participant est désigné par sa structure ou son territoire" in word
    assert "les autres personnes nommées (prénom, nom ou civilité) par « [nom] »" in word
    assert "1 mot laissé tel quel pourrait être un prénom (« Pierre »)" in said.replace("\u00a0", " ")


def test_a_participants_first_name_that_is_a_word_is_theirs_only_where_it_names_them(tmp_path: Path) -> None:
    """« Pierre » is a participant: inside a sentence, with a capital, it is him; at a
    sentence's start in someone else's text it may be the stone: left, and said."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
        "Pierre Lafitte / Maison de l'emploi du Marsan;Pierre anime le club;;un mur en pierre;\n"
        "Marine Dubois / CCAS de Tarnos;voir avec Pierre et Marine;Pierre de taille à restaurer;"
        "la marine marchande recrute;association Léo Lagrange\n",
        encoding="utf-8",
    )
    workshop, target = tmp_path / "atelier.atelier", tmp_path / "anonyme.xlsx"
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--xlsx", str(target), "--anonymise")
    assert done.returncode == 0, done.stderr
    import openpyxl

    book = openpyxl.load_workbook(target, read_only=True)
    texts = {str(v) for row in book["Grille"].iter_rows(values_only=True) for v in row if v}
    assert "• Maison de l'emploi du Marsan anime le club" in texts  # his own text: him
    assert "• un mur en pierre" in texts  # lower case: the word
    assert "• voir avec Maison de l'emploi du Marsan et CCAS de Tarnos" in texts  # inside a sentence: them
    assert "• Pierre de taille à restaurer" in texts  # a sentence's start, someone else's text
    assert "• la marine marchande recrute" in texts
    assert "• association Léo Lagrange" in texts  # named after a person, not one
    assert "(« Pierre »)" in done.stderr.replace("\u00a0", " ")


def test_in_english_other_people_read_name_in_brackets_and_the_note_is_english(tmp_path: Path) -> None:
    import docx

    grid, workshop, target = tmp_path / "grille.csv", tmp_path / "atelier.atelier", tmp_path / "anon.docx"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(target), "--anonymise", env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "Anonymising: 1 word left as written may be a first name (“Pierre”)" in done.stderr
    document = docx.Document(str(target))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "suivi du dossier de PLIE Sud Landes avec [name] du Département" in cells
    assert "Martine" not in cells and "[nom]" not in cells


def test_the_windows_export_dialog_anonymises_and_says_what_it_left(qtbot, tmp_path: Path) -> None:
    """The same grid exported from the window, « Anonymiser » ticked with the keyboard."""
    import docx
    from PySide6.QtCore import Qt

    from tests.conftest import example_window

    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(tmp_path / "exemple.atelier")).returncode == 0
    window = example_window(qtbot, tmp_path)
    dialog = window.export_office(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "exports"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.excel.setChecked(False)
    dialog.anonymise.setFocus()
    qtbot.keyClick(dialog.anonymise, Qt.Key.Key_Space)
    assert dialog.anonymise.isChecked()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.error is None
    (written,) = out.glob("*.docx")
    document = docx.Document(str(written))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "travailler avec CC du Seignanx sur la mobilité" in text
    assert not re.search(r"\b(Jean|Anne|Dupont|Roux|Martine)\b", text)
    assert "(«\u00a0Pierre\u00a0»)" in dialog.message.text()
    dialog.close()
    window.close()
