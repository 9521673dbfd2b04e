"""A region's name from before 2016 found nobody: `atelier chercher FICHIER Aquitaine` (or
« Midi-Pyrénées », « Limousin », « Nord-Pas-de-Calais »…) listed no one, though « Grand Dax »
is in the Landes and « Cité de l'emploi à Tarbes » in the Hautes-Pyrénées: the territory
table knows only today's regions. A former region now finds the territories of its
départements (atelier/territories.py, FORMER_REGIONS, from the law of 16 January 2015 and
INSEE's Code officiel géographique 2015) and says how: « Grand Dax — dans l'ancienne région
Aquitaine (Landes) ». French and English, through the command line on a copy of the example;
the Répertoire view, driven by the keyboard, says the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

DAX = "Sandrine Lassourelle (Grand Dax)"
BAZADAIS = "Denis Paineau (CdC du Bazadais)"


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("former") / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", target)
    return target


def _search(path: Path, typed: str, lang: str = "fr") -> str:
    done = run_cli("chercher", str(path), typed, "--limit", "100", env={"ATELIER_LANG": lang})
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("typed", ["Aquitaine", "aquitaine", "Région Aquitaine"])
def test_a_former_region_finds_the_territories_of_its_departements(path: Path, typed: str) -> None:
    found = _search(path, typed)
    assert "Grand Dax — dans l'ancienne région Aquitaine (Landes)" in found, found
    assert "CdC du Bazadais — dans l'ancienne région Aquitaine (Gironde)" in found, found
    assert BAZADAIS in found and DAX in found
    assert "Tarbes" not in found  # Hautes-Pyrénées: Midi-Pyrénées, not Aquitaine


@pytest.mark.parametrize("typed", ["Midi-Pyrénées", "midi pyrenees", "Midi Pyrénées"])
def test_each_former_region_is_its_own(path: Path, typed: str) -> None:
    found = _search(path, typed)
    assert "Cité de l'emploi à Tarbes — dans l'ancienne région Midi-Pyrénées (Hautes-Pyrénées)" in found, (
        found
    )
    assert "Grand Dax" not in found


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Limousin", ["Syndicat Est Creuse — dans l'ancienne région Limousin (Creuse)"]),
        (
            "Poitou-Charentes",
            [
                "PLIE Grand Poitiers — dans l'ancienne région Poitou-Charentes (Vienne)",
                "CC Val de Gâtine — dans l'ancienne région Poitou-Charentes (Deux-Sèvres)",
                "Grand Angoulême — dans l'ancienne région Poitou-Charentes (Charente)",
            ],
        ),
        ("Nord-Pas-de-Calais", []),
        ("Languedoc-Roussillon", []),
    ],
)
def test_each_former_region_finds_its_own_departements(path: Path, typed: str, expected: list[str]) -> None:
    found = _search(path, typed)
    assert [line.strip() for line in found.splitlines() if "ancienne région" in line] == expected, found
    assert "Grand Dax" not in found and "Tarbes" not in found


def test_in_english(path: Path) -> None:
    found = _search(path, "Aquitaine", "en")
    assert "Grand Dax — in the former Aquitaine region (Landes)" in found, found


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_directory_view_says_the_former_region(qtbot, path: Path) -> None:
    from PySide6.QtCore import Qt

    from atelier.ui.directory_view import COL_TEXT

    from .helpers.keyboard import active_window, key, type_text

    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # « Répertoire »
        type_text("Aquitaine")
        window.directory.search_now()
        model = window.directory.model
        texts = [str(model.index(row, COL_TEXT).data()) for row in range(model.rowCount())]
        assert f"{DAX}\nGrand Dax\nGrand Dax — dans l'ancienne région Aquitaine (Landes)" in texts, texts
    finally:
        window.close()
