"""An e-mail or a phone number written in the participant's cell (on a line of its own, or
after « / », « , », « - ») was glued to the structure and the territory: « Anne MARTIN (PLIE Sud
Gironde anne.martin@plie-sudgironde.fr 06 12 34 56 78) cherche : » in large type on the
projector, in the minutes, and 8 times in the anonymised minutes, with the contact empty. It is
now the participant's contact, as a « Mail » column gives it, and printed by none of them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from .conftest import run_cli
from .helpers.keyboard import active_example_window, key, type_text

HEADER = "Participant;Actions;Défis;Besoins;Ressources\n"
ROWS = (
    '"Anne MARTIN\nPLIE Sud Gironde\nanne.martin@plie-sudgironde.fr\n06 12 34 56 78";'
    "forum emploi;;mobilité des jeunes;\n"
    "Paul Durand, Mission locale du Médoc, 05.56.00.00.00;;;;mobilité des jeunes\n"
    "Julie Petit (CC du Bazadais) - julie.petit@bazadais.fr;atelier CV;;;\n"
    "Karim Haddad / Mission locale de Dax / tél. : +33 (0)5 58 00 00 00 / karim@ml-dax.fr;;;;\n"
)
EXPECTED = {
    "Anne MARTIN": ("PLIE Sud Gironde", "Sud Gironde", "anne.martin@plie-sudgironde.fr, 06 12 34 56 78"),
    "Paul Durand": ("Mission locale du Médoc", "Médoc", "05.56.00.00.00"),
    "Julie Petit": ("CC du Bazadais", "Bazadais", "julie.petit@bazadais.fr"),
    "Karim Haddad": ("Mission locale de Dax", "Dax", "+33 (0)5 58 00 00 00, karim@ml-dax.fr"),
}
LEAKS = ("@", "06 12", "05.56", "58 00 00", "tél")


def test_contacts_in_the_cell_are_the_contact_and_never_printed(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(HEADER + ROWS, encoding="utf-8")
    target = tmp_path / "a.atelier"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    done = run_cli("export", str(target), "--json", "-")
    assert done.returncode == 0, done.stderr
    people = {p["names"][0]: p for w in json.loads(done.stdout)["workshops"] for p in w["participants"]}
    for name, (structure, territory, contact) in EXPECTED.items():
        got = people[name]
        assert (got["organisation"], got["territory"], got["contact"]) == (structure, territory, contact), got
    # The room, the minutes and the anonymised minutes say the structures, never a contact.
    matched = run_cli("match", str(target))
    assert "Anne MARTIN (PLIE Sud Gironde)" in matched.stdout, matched.stdout
    for args, name in ((["--docx"], "cr.docx"), (["--docx", "--anonymise"], "anon.docx")):
        out = tmp_path / name
        assert run_cli("export", str(target), *args[:1], str(out), *args[1:]).returncode == 0
        document = docx.Document(str(out))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            c.text for t in document.tables for r in t.rows for c in r.cells
        )
        assert "PLIE Sud Gironde" in text
        for leak in LEAKS:
            assert leak not in text, (name, leak)


@pytest.mark.usefixtures("no_modal_boxes")
def test_a_contact_typed_in_the_cell_goes_to_the_card(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    cell = "Anne Martin / PLIE Sud Gironde / anne.martin@plie.fr / 06 12 34 56 78"
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(cell)
    key(qtbot, Qt.Key.Key_Tab)
    connection = sqlite3.connect(f"file:{window.store.path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT organisation, territory, contact FROM participants WHERE source_text = ?", (cell,)
        ).fetchone()
    finally:
        connection.close()
    assert row == ("PLIE Sud Gironde", "Sud Gironde", "anne.martin@plie.fr, 06 12 34 56 78")
