"""One column for both what a participant needs and what they can offer (« Besoins /
Ressources », « Besoins et ressources »), each line labelled « B : », « R : », « Besoin : »,
« Ressource : », « Offre : », « Je peux apporter … »: every line was read as a need, even
« Ressource : accompagnement des jeunes »; what Paul offers was printed and matched as something
he looks for, and nothing said so. Each line is now read by its own label (the label left out
of the item), the report says the column holds both, and a line with no label is said, quoted,
rather than guessed without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

GRID = (
    "Participant / territoire;Actions engagées;Défis;{header}\n"
    'Anne Martin / PLIE Sud Gironde;forum;recruter;"B : mobilité des jeunes\nR : clauses sociales"\n'
    'Paul Durand / Mission locale du Médoc;garantie jeunes;mobilité;"Besoin : GPECT\n'
    'Ressource : accompagnement des jeunes"\n'
    'Julie Petit / CC du Bazadais;atelier CV;recruter;"Offre : job dating\n'
    "Je peux apporter un appui aux clauses sociales\n"
    "J'ai besoin d'un relais mobilité\"\n"
    "Karim Benali / Agglo Agen;salon;emploi;\"Besoins :\n- garde d'enfants\n- permis de conduire\n"
    'Ressources :\n- transport solidaire"\n'
)


def _people(target: Path) -> dict[str, dict]:
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    return {p["names"][0]: p for p in exported["workshops"][0]["participants"]}


@pytest.mark.parametrize("header", ["Besoins / Ressources", "Besoins et ressources", "Besoins/Offres"])
def test_each_line_is_read_by_its_label(tmp_path: Path, header: str) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID.format(header=header), encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    people = _people(target)
    assert people["Anne Martin"]["needs"] == ["mobilité des jeunes"]
    assert people["Anne Martin"]["offers"] == ["clauses sociales"]
    assert people["Paul Durand"]["needs"] == ["GPECT"]
    assert people["Paul Durand"]["offers"] == ["accompagnement des jeunes"]
    assert people["Julie Petit"]["offers"] == ["job dating", "un appui aux clauses sociales"]
    assert people["Julie Petit"]["needs"] == ["un relais mobilité"]
    assert people["Karim Benali"]["needs"] == ["garde d'enfants", "permis de conduire"]
    assert people["Karim Benali"]["offers"] == ["transport solidaire"]
    assert "5 besoins, 5 ressources" in out, out
    assert "besoins et ressources dans une même colonne" in out, out
    assert f"4 « {header} » → besoins et offres, selon l'intitulé de chaque ligne" in out, out
    assert "à vérifier" not in out, out  # every line said which it was
    matched = run_cli("match", str(target)).stdout.replace("\u00a0", " ")
    assert "cherche : accompagnement des jeunes" not in matched, matched
    assert "cherche : clauses sociales" not in matched, matched


def test_a_line_without_a_label_is_said(tmp_path: Path) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins / Ressources\n"
        'Anne Martin / PLIE Sud Gironde;forum;recruter;"B : mobilité des jeunes\nR : clauses sociales\n'
        'accompagnement des jeunes"\n',
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "ligne 2 : « accompagnement des jeunes »" in out, out
    assert "ni besoin ni ressource" in out and "à vérifier" in out, out
    anne = _people(target)["Anne Martin"]
    assert anne["offers"] == ["clauses sociales"]
    assert "accompagnement des jeunes" in anne["needs"]  # kept, as the column's first word says, and said


def test_a_need_column_saying_resources_is_not_split(tmp_path: Path) -> None:
    """« J'ai besoin de ressources sur… » is the usual need column: one kind, no label read."""
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;J'ai besoin de ressources sur...;Je peux être ressource sur...\n"
        "Anne Martin / PLIE Sud Gironde;forum;recruter;Ressources humaines : GPECT;clauses sociales\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    anne = _people(target)["Anne Martin"]
    assert anne["needs"] == ["Ressources humaines : GPECT"] and anne["offers"] == ["clauses sociales"]
    assert "même colonne" not in done.stdout


def test_english_report(tmp_path: Path) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID.format(header="Besoins / Ressources"), encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": "en"})
    assert "needs and offers in one column" in done.stdout, done.stdout


def test_the_window_s_preview_says_it(qtbot, store, tmp_path: Path) -> None:
    from atelier.ui.main_window import MainWindow

    grid = tmp_path / "grille.csv"
    grid.write_text(GRID.format(header="Besoins / Ressources"), encoding="utf-8")
    seen: dict[str, str] = {}

    def check(dialog) -> bool:
        seen["warnings"] = dialog.warnings.text().replace("\u00a0", " ").replace("\u202f", " ")
        return False

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.import_grid(grid, tmp_path / "grille.atelier", dialog_hook=check)
    said = "colonne 4 « Besoins / Ressources » : besoins et ressources dans une même colonne"
    assert said in seen["warnings"], seen
