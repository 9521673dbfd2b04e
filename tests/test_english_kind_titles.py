"""The English documents and window titled needs and offers « Needs resources on » and « Can be a
resource on », word for word from the French « Besoins de ressources », « Peut être ressource
sur »: no English reader says so. They read « Needs help with » and « Can help with »; a
workbook Atelier wrote in English before, with the old titles, still reads back item for item."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import run_cli

NEW = {"Needs help with": "Needs resources on", "Can help with": "Can be a resource on"}
# Typed as one item each: read again from the cells' text, « - » and « : » would cut them.
ITEMS = [
    (ItemKind.NEED, "former les élus - puis les agents : un plan sur deux ans"),
    (ItemKind.OFFER, "transport solidaire - navette du matin"),
    (ItemKind.ACTION, "forum emploi"),
    (ItemKind.CHALLENGE, "lever le frein de la mobilité"),
]


def _workshop(path: Path) -> None:
    with Store.create(path, title="Atelier emploi Landes", date="2024-05-02") as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(
            Participant(workshop_id, names=["Anne Roux"], organisation="PLIE Sud Landes", territory="Landes")
        )
        jean = store.add_participant(
            Participant(
                workshop_id, names=["Jean Dupont"], organisation="CC du Seignanx", territory="Seignanx"
            )
        )
        for kind, text in ITEMS:
            store.add_item(Item(anne.id, kind, text))
        store.add_item(Item(jean.id, ItemKind.OFFER, "clauses d'insertion"))


def _items(path: Path) -> list[tuple[str, str, str]]:
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        names = {p.id: p.names[0] for p in store.participants(workshop_id)}
        return sorted(
            (names[i.participant_id], str(i.kind), i.text) for i in store.workshop_items(workshop_id)
        )


def test_english_titles_of_needs_and_offers_and_old_workbooks_read_back(tmp_path: Path) -> None:
    source = tmp_path / "a.atelier"
    _workshop(source)
    english = {"ATELIER_LANG": "en"}
    minutes = tmp_path / "minutes.docx"
    assert run_cli("export", str(source), "--docx", str(minutes), env=english).returncode == 0
    annex = docx.Document(str(minutes)).tables[-1]
    assert [c.text for c in annex.rows[0].cells] == [
        "Participant",
        "Actions under way",
        "Challenges",
        "Needs help with",
        "Can help with",
    ]
    workbook = tmp_path / "tables.xlsx"
    assert run_cli("export", str(source), "--xlsx", str(workbook), env=english).returncode == 0
    grid = openpyxl.load_workbook(workbook)["Grid"]
    header = [c.value for c in grid[1]]
    assert set(NEW) <= set(header), header
    # The same workbook as an earlier Atelier wrote it: the old titles wherever they stood.
    old = tmp_path / "old.xlsx"
    book = openpyxl.load_workbook(workbook)
    replaced = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in NEW:
                    cell.value = NEW[cell.value]
                    replaced += 1
    assert replaced >= 2
    book.save(old)
    for given in (workbook, old):
        again = tmp_path / f"{given.stem}.atelier"
        done = run_cli("import", str(given), "-o", str(again), env=english)
        assert done.returncode == 0, done.stderr
        assert _items(again) == _items(source), given.name
