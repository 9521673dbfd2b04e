"""A structure typed with its own parentheses is credited in one pair, not two: the synthesis
said « une ligne de bus le matin (Salaisons du Ségala (agroalimentaire, 230 salariés)) », which
a reader has to count brackets to read; it says « (Salaisons du Ségala, agroalimentaire, 230
salariés) », as « Breizh Plast, directeur des ressources humaines » is credited."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.helpers.minutes import minutes_sections

ROWS = (
    ("Claire Bouyssou", "Salaisons du Ségala (agroalimentaire, 230 salariés)", "Une ligne de bus le matin"),
    ("Yves Roques", "Habitat Jeunes du Rouergue (FJT)", "Des chambres pour les apprentis"),
    ("Nora Saïdi", "Logis Nord Habitat (bailleur social) – DSU", "Des ordinateurs pour les locataires"),
)


def _workshop(path: Path) -> Path:
    with Store.create(path, title="Atelier de Rieupeyroux", date="2026-11-30") as store:
        workshop_id = store.workshops()[0].id
        for name, structure, need in ROWS:
            person = store.add_participant(Participant(workshop_id, names=[name], organisation=structure))
            store.add_item(Item(person.id, ItemKind.NEED, need))
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_structure_s_parentheses_are_not_nested_in_the_credit(tmp_path: Path, lang: str) -> None:
    sections = minutes_sections(_workshop(tmp_path / "a.atelier"), tmp_path / "cr.docx", lang)
    text = "\n".join(p for heading, lines in sections.items() for p in lines if not heading.startswith("Ann"))
    assert "(Salaisons du Ségala, agroalimentaire, 230 salariés)" in text, text
    assert "(Habitat Jeunes du Rouergue, FJT)" in text, text
    assert "(Logis Nord Habitat, bailleur social – DSU)" in text, text
    assert ") – DSU)" not in text and "))" not in text, text


def test_nor_in_the_anonymised_minutes(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    path, minutes = _workshop(tmp_path / "a.atelier"), tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), "--anonymise", env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    import docx

    text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
    assert "(Logis Nord Habitat, bailleur social – DSU)" in text, text
    assert ") – DSU)" not in text and "))" not in text, text


def test_nor_in_the_tables(tmp_path: Path) -> None:
    import docx

    minutes = tmp_path / "cr.docx"
    minutes_sections(_workshop(tmp_path / "a.atelier"), minutes, "fr")
    annex = docx.Document(str(minutes)).tables[-1]
    who = [row.cells[0].paragraphs[0].text for row in annex.rows[1:]]
    assert who == [
        "Claire Bouyssou (Salaisons du Ségala, agroalimentaire, 230 salariés)",
        "Yves Roques (Habitat Jeunes du Rouergue, FJT)",
        "Nora Saïdi (Logis Nord Habitat, bailleur social – DSU)",
    ], who
