"""An HTML grid (saved from Word, LibreOffice or a web page) whose cells are merged with
`rowspan`/`colspan` is read as a browser shows it: the cells after a merged one stay in their
column, a participant's cell merged down over two rows is one participant, a need merged over
two participants' rows is given to both and said, and a cell across the whole table is a note,
no one. Before, the cells after a merged one shifted left (an offer read as a need) and a
continuation row became a participant « Parrainage », without a word."""

from __future__ import annotations

from pathlib import Path

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli

HEADER = "<tr><th>Participant</th><th>Actions</th><th>Défis</th><th>Besoins</th><th>Ressources</th></tr>"


def _page(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "grille.html"
    path.write_text(
        f"<html><body><h1>Atelier Médoc</h1><table border=1>{HEADER}{rows}</table></body></html>",
        encoding="utf-8",
    )
    return path


def _people(target: Path) -> dict[str, dict[str, list[str]]]:
    with Store.open(target, readonly=True) as store:
        workshop = store.workshops()[0]
        return {
            p.source_text: {kind.value: [i.text for i in store.items(p.id, kind)] for kind in ItemKind}
            for p in store.participants(workshop.id)
        }


def test_a_need_merged_down_over_two_participants_is_given_to_both_and_said(tmp_path: Path) -> None:
    path = _page(
        tmp_path,
        "<tr><td>Paul Girard (CdC Médoc)</td><td>Zone d'activité</td><td>Attractivité</td>"
        '<td rowspan="2">Données emploi locales</td><td>Foncier</td></tr>'
        "<tr><td>Nadia Benali (Pôle emploi Lesparre)</td><td>Job dating</td><td>Saisonniers</td>"
        "<td>Offres d'emploi saisonnières</td></tr>",
    )
    before = path.read_bytes()
    target = tmp_path / "grille.atelier"

    done = run_cli("import", str(path), "-o", str(target))

    assert done.returncode == 0, done.stderr
    people = _people(target)
    nadia = next(v for k, v in people.items() if k.startswith("Nadia Benali"))
    assert nadia["need"] == ["Données emploi locales"]
    assert nadia["offer"] == ["Offres d'emploi saisonnières"]
    paul = next(v for k, v in people.items() if k.startswith("Paul Girard"))
    assert paul["need"] == ["Données emploi locales"]
    said = " ".join(done.stdout.split())
    assert "fusionnée avec celle du dessus est reprise pour Nadia Benali" in said, said
    assert path.read_bytes() == before


def test_a_participant_merged_down_over_two_rows_is_one_participant(tmp_path: Path) -> None:
    path = _page(
        tmp_path,
        '<tr><td rowspan="2">Luc Moreau (Mission locale Médoc)</td><td>Garantie jeunes</td>'
        "<td>Mobilité</td><td>Permis</td><td>Accompagnement des jeunes</td></tr>"
        "<tr><td>Parrainage</td><td></td><td>Auto-école sociale</td><td>Ateliers code</td></tr>",
    )
    target = tmp_path / "grille.atelier"

    done = run_cli("import", str(path), "-o", str(target))

    assert done.returncode == 0, done.stderr
    people = _people(target)
    assert len(people) == 1, people
    (luc,) = people.values()
    assert luc["action"] == ["Garantie jeunes", "Parrainage"]
    assert luc["challenge"] == ["Mobilité"]
    assert luc["need"] == ["Permis", "Auto-école sociale"]
    assert luc["offer"] == ["Accompagnement des jeunes", "Ateliers code"]


def test_a_cell_across_the_whole_table_is_a_note_not_a_participant(tmp_path: Path) -> None:
    path = _page(
        tmp_path,
        "<tr><td>Anne Roux (PLIE des Graves)</td><td>Forum</td><td>Mobilité</td><td>Minibus</td>"
        "<td>Ateliers CV</td></tr>"
        '<tr><td colspan="5">Pause déjeuner — reprise à 14 h</td></tr>'
        "<tr><td>Karim Haddad (Cap emploi)</td><td>Job dating</td><td>Recrutement</td>"
        "<td>Employeurs</td><td>Formations</td></tr>",
    )
    target = tmp_path / "grille.atelier"

    done = run_cli("import", str(path), "-o", str(target), env={"ATELIER_LANG": "en"})

    assert done.returncode == 0, done.stderr
    people = _people(target)
    assert sorted(k.split(" (")[0] for k in people) == ["Anne Roux", "Karim Haddad"], people
    assert "Pause déjeuner" in done.stdout, done.stdout


def test_a_cell_spanning_two_columns_keeps_the_next_cells_in_their_columns(tmp_path: Path) -> None:
    path = _page(
        tmp_path,
        '<tr><td>Anne Roux (PLIE des Graves)</td><td colspan="2">Forum emploi</td><td>Minibus</td>'
        "<td>Ateliers CV</td></tr>",
    )
    target = tmp_path / "grille.atelier"

    done = run_cli("import", str(path), "-o", str(target))

    assert done.returncode == 0, done.stderr
    (anne,) = _people(target).values()
    assert anne["need"] == ["Minibus"]
    assert anne["offer"] == ["Ateliers CV"]
