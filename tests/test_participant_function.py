"""A job title written after the structure (« Éric Lefèvre / CC du Val, développeur
économique ») is the participant's function: it was glued onto the structure and the
territory (Structure « CC du Val - développeur économique », Territoire « Val - développeur
économique », Fonction empty), on the card, in the minutes' territory count, in the
directory; and « Département de l'Aude, PLIE » made the Département an employment operator."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.importers.participant import parse_participant
from tests.conftest import run_cli

from .helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.mark.parametrize(
    ("cell", "structure", "territory", "function"),
    [
        ("Éric Lefèvre / CC du Val, développeur économique", "CC du Val", "Val", "développeur économique"),
        ("Anne Martin / PLIE des Graves, développeuse", "PLIE des Graves", "Graves", "développeuse"),
        (
            "Anne Martin / PLIE des Graves - Développeuse emploi",
            "PLIE des Graves",
            "Graves",
            "Développeuse emploi",
        ),
        ("Éric Lefèvre, développeur économique / CC du Val", "CC du Val", "Val", "développeur économique"),
        (
            "Anne Martin / CC du Val, chargée de mission, développement économique",
            "CC du Val",
            "Val",
            "chargée de mission, développement économique",
        ),
        # Ambiguous: the PLIE she works on, or a second structure? The structure stays the
        # Département, the acronym is kept beside it as her function, never in the territory.
        ("Hélène Çelik / Département de l'Aude, PLIE", "Département de l'Aude", "Aude", "PLIE"),
        # A second structure stays beside the first, out of the territory.
        ("Anne Martin / CC du Val, mission emploi", "CC du Val - mission emploi", "Val", ""),
        ("Zoé Martin / Grand Dax - Mission locale", "Grand Dax - Mission locale", "Grand Dax", ""),
        # A place after the structure is its département, beside its area, out of its name
        # (tests/test_structure_names.py).
        (
            "Maxime Roby / PETR Monts et barrages, Landes",
            "PETR Monts et barrages",
            "Monts et barrages (Landes)",
            "",
        ),
        # What already parsed right stays so.
        ("Éric Lefèvre / CC du Val, chargé de mission", "CC du Val", "Val", "chargé de mission"),
        ("Éric Lefèvre / CC du Val, directeur", "CC du Val", "Val", "directeur"),
        ("Marion GIORDANI ADSI - PLIE technowest", "ADSI - PLIE technowest", "", ""),
        ("Élodie Févre, CC du Pays // Mission locale", "CC du Pays // Mission locale", "", ""),
    ],
)
def test_a_function_after_the_structure_is_the_function(
    cell: str, structure: str, territory: str, function: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.organisation, parsed.territory, parsed.role) == (structure, territory, function)


def test_typing_a_job_title_after_the_structure_fills_the_card_s_function(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    grid = window.grid
    grid.setCurrentIndex(grid.model().index(0, 0))
    window.panel_dock.show()
    grid.setFocus()
    key(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is not grid  # the cell's editor
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text("Éric Lefèvre / CC du Val, développeur économique")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    panel = window.panel
    assert (panel.organisation.text(), panel.territory.text(), panel.role.text()) == (
        "CC du Val",
        "Val",
        "développeur économique",
    )


HEADER = "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"


def _minutes(tmp_path: Path, rows: str) -> str:
    import docx

    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    grid.write_text(HEADER + rows, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_minutes_count_the_territory_once_and_the_departement_as_such(tmp_path: Path) -> None:
    text = _minutes(
        tmp_path,
        "Éric Lefèvre / CC du Val, développeur économique;un forum de l'emploi;;;\n"
        "Paul Lin / CC du Val;un club d'entreprises;;;\n"
        "Hélène Çelik / Département de l'Aude, PLIE;un chantier d'insertion;;;\n",
    )
    assert "3 participants, venus de 2 territoires," in text, text
    assert "département (1)" in text, text  # « Autour de la table » counts people (d3bb4ad)
    assert "opérateur" not in text, text
