"""A Word grid continued in a second table without its header row (a paragraph or a page break
typed in the middle of the grid splits it in two, same columns): the second half was left out
as « ce n'est pas une grille », half the room missing from a « 2 participants » import. It is
now read as the rest of the grid, and said (« tableau 2 lu comme la suite du tableau 1 »). A
table of other columns after the grid is still no grid, and said so."""

from __future__ import annotations

from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

HEADERS = [
    "Participant / territoire",
    "Actions engagées",
    "Défis",
    "J'ai besoin de ressources sur...",
    "Je peux être ressource sur...",
]
FIRST = [
    ["Anne Martin / PLIE Sud Gironde", "forum emploi", "recruter", "mobilité des jeunes", "clauses sociales"],
    ["Paul Durand / Mission locale du Médoc", "garantie jeunes", "", "clauses sociales", "accompagnement"],
]
SECOND = [
    ["Julie Petit / CC du Bazadais", "club d'entreprises", "attractivité", "financement", "diagnostic"],
    ["Karim Benali / Agglo Agen", "chantier", "logement", "saisonniers", "permis"],
]


def _split_grid(
    path: Path, between: str | None, second: list[list[str]], *, page_break: bool = False
) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("Atelier du 7 juin 2023")
    for number, rows in enumerate([[HEADERS, *FIRST], second]):
        if number:
            paragraph = document.add_paragraph(between or "")
            if page_break:
                paragraph.add_run().add_break(WD_BREAK.PAGE)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    document.save(str(path))
    return path


def _people(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        (workshop,) = store.workshops()
        return [n for p in store.participants(workshop.id) for n in p.names]


def test_a_grid_split_by_a_paragraph_is_read_whole_and_said(tmp_path: Path) -> None:
    grid = _split_grid(tmp_path / "grille.docx", "Suite du tableau (après la pause) :", SECOND)
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).replace("\u00a0", " ")
    assert "4 participants" in said, said
    assert "tableau 2 lu comme la suite du tableau 1" in said, said
    assert "ce n'est pas une grille" not in said
    assert _people(target) == ["Anne Martin", "Paul Durand", "Julie Petit", "Karim Benali"]


def test_a_grid_split_by_a_page_break_keeps_a_cut_row_with_its_participant(tmp_path: Path) -> None:
    # The page broke inside Karim's row: its first line has no participant, it is Paul's.
    rest = [["", "", "mobilité", "", ""], *SECOND]
    grid = _split_grid(tmp_path / "grille.docx", None, rest, page_break=True)
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert _people(target) == ["Anne Martin", "Paul Durand", "Julie Petit", "Karim Benali"]
    with Store.open(target, readonly=True) as store:
        (workshop,) = store.workshops()
        paul = next(p for p in store.participants(workshop.id) if p.names == ["Paul Durand"])
        assert "mobilité" in [i.text for i in store.items(paul.id)]


def test_a_table_of_other_columns_after_the_grid_is_still_no_grid(tmp_path: Path) -> None:
    contacts = [["Julie Petit", "06 11 22 33 44"], ["Karim Benali", "06 55 66 77 88"]]
    grid = _split_grid(tmp_path / "grille.docx", "Contacts :", contacts)
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "ce n'est pas une grille" in done.stdout.replace("\u00a0", " ")
    assert _people(target) == ["Anne Martin", "Paul Durand"]
