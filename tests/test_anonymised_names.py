"""Anonymised minutes replace a participant's name, never a word that only looks like it:
a surname alone or a first name is a name of theirs unless it is part of somebody else's
name: a person who is not in the room (« Thomas Pesquet », « Martin Luther King ») is
« [nom] », never half replaced; a firm's or a street's name (« Leroy Merlin », « rue Anne
Frank ») stays as written. Through the command line, on the Excel and Word files a staff
member sends."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

GRID = (
    "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
    "Julie Thomas / CC des Deux Rives;Thomas Pesquet est venu au forum de Thomas;"
    "travailler avec Pierre Martin sur la mobilité;un lieu pour le forum;"
    "Mme Thomas connaît les employeurs\n"
    "Pierre Martin / Mission locale du Val;Martin Luther King inspire le projet;"
    "Pierre a lancé un club;des bénévoles;Martin en parle aussi\n"
    "Anne Leroy / PLIE Sud;Leroy Merlin est partenaire;Anne anime le réseau;"
    "un local rue Anne Frank;rencontre avec Julie Thomas\n"
    "Céline Dallet / CC Val de Gâtine;Cécile Dallet a travaillé dans l'ESS;;;\n"
)


def _texts(tmp_path: Path) -> tuple[str, str]:
    import docx
    import pandas as pd

    grid, workshop = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    for option, name in (("--xlsx", "anonyme.xlsx"), ("--docx", "anonyme.docx")):
        done = run_cli("export", str(workshop), option, str(tmp_path / name), "--anonymise")
        assert done.returncode == 0, done.stderr
    sheets = pd.read_excel(tmp_path / "anonyme.xlsx", sheet_name=None)
    excel = "\n".join(df.to_csv(index=False) for df in sheets.values())
    document = docx.Document(str(tmp_path / "anonyme.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    word = "\n".join([p.text for p in document.paragraphs] + cells)
    return excel, word


def test_names_of_others_are_masked_whole_places_left_and_own_names_replaced(tmp_path: Path) -> None:
    excel, word = _texts(tmp_path)
    for where, text in (("Excel", excel), ("Word", word)):
        # A firm's and a street's names: as written, not half replaced.
        for kept in ("Leroy Merlin", "rue Anne Frank"):
            assert kept in text, (where, kept)
        # People who are not participants: masked whole, not by a participant's structure.
        assert "[nom] est venu au forum de CC des Deux Rives" in text, where
        assert "[nom] inspire le projet" in text, where
        for name in ("Pesquet", "Luther"):
            assert name not in text, (where, name)
        for garbled in ("Rives Pesquet", "Val Luther", "Sud Merlin", "Sud Frank"):
            assert garbled not in text, (where, garbled)
        # The participants' own names: replaced by their own structure.
        assert "forum de CC des Deux Rives" in text, where
        assert "travailler avec Mission locale du Val" in text, where
        assert "rencontre avec CC des Deux Rives" in text, where
        assert "CC Val de Gâtine a travaillé dans l'ESS" in text, where
        assert "PLIE Sud anime le réseau" in text.replace("\u00a0", " "), where
        for name in ("Julie", "Pierre Martin", "Dallet", "Céline", "Cécile"):
            assert name not in text, (where, name)
