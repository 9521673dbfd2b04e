"""The directory and the follow-up find a place however it is written: a probe typed
`atelier chercher FICHIER Nouvelle-Aquitaine` and `suivi --participant "Région
Nouvelle-Aquitaine"` and found nobody, though three participants of the example are « Région
N-A »; `chercher … Landes` found nobody, though « Grand Dax » and « Mont de Marsan Agglo » are
in the Landes. Each such hit says why it was found (« Grand Dax — dans les Landes (40) »,
« «\xa0N-A\xa0»\xa0: Nouvelle-Aquitaine »), and never a place the app cannot know:
« Vallée de la Dordogne Corrézienne » is found by its word « Dordogne », never as « en
Dordogne »; « il n'a pas de local » is no « N-A ». Through the command line on a copy of the
example, through the « Répertoire » and « Suivi » views driven by the keyboard."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Match, MatchStatus
from atelier.store import Store
from atelier.ui.directory_view import COL_KIND, COL_TEXT

from .conftest import ROOT, run_cli
from .helpers.keyboard import active_window, key, type_text

pytestmark = pytest.mark.usefixtures("no_modal_boxes")

N_A = "«\xa0N-A\xa0»\xa0: Nouvelle-Aquitaine"
REGION_N_A = {"Jacques Le-priol (Région N-A)", "Barbara BARGUES (Pôle formation de la Région N-A)"}
TALVY = "Grégory TALVY (Région N-A)"
DAX = "Sandrine Lassourelle (Grand Dax)"
MARSAN = "Corinne Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo)"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The example, with one confirmed match where Grégory TALVY (Région N-A) asks, and a
    need of Maxime Roby that says « n'a »."""
    target = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", target)
    with Store.open(target) as store:
        workshop_id = store.workshops()[0].id
        people = {p.display_name(): p for p in store.participants(workshop_id)}
        talvy, dax = people[TALVY], people[DAX]
        need = store.add_item(Item(talvy.id, ItemKind.NEED, "Un annuaire des acteurs de l'emploi"))
        offer = store.add_item(Item(dax.id, ItemKind.OFFER, "Annuaire des acteurs du Grand Dax"))
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, []))
        roby = people["Maxime Roby (PETR Monts et barrages)"]
        store.add_item(Item(roby.id, ItemKind.NEED, "Le territoire n'a pas de local"))
    return target


def _search(path: Path, *typed: str) -> str:
    done = run_cli("chercher", str(path), *typed)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def _block(listing: str, who: str) -> str:
    """The lines the listing gives one hit: its own and the ones under it."""
    lines = listing.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(who))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  [")), len(lines))
    return "\n".join(lines[start:end])


@pytest.mark.parametrize("typed", ["Nouvelle-Aquitaine", "Nlle-Aquitaine", "nouvelle aquitaine", "NA", "N-A"])
def test_a_region_is_found_however_it_is_written(path: Path, typed: str) -> None:
    found = _search(path, typed)
    for who in (TALVY, *REGION_N_A):
        assert who in found, (typed, found)
        if typed != "N-A":  # found by another spelling: said
            assert N_A in _block(found, who), (typed, _block(found, who))
    assert "n'a pas de local" not in found


def test_a_departement_finds_the_territories_in_it_and_says_why(path: Path) -> None:
    for typed in ("Landes", "landes", "40", "département des Landes"):
        found = _search(path, typed)
        assert "Grand Dax — dans les Landes (40)" in _block(found, DAX), (typed, found)
        assert "Mont de Marsan Agglo — dans les Landes (40)" in _block(found, MARSAN), (typed, found)
        assert "Région N-A" not in found
    # « Sud Gironde », « CdC du Bazadais », « Maison de l'emploi de Bordeaux » are in the Gironde.
    gironde = _search(path, "Gironde")
    assert "CdC du Bazadais — en Gironde (33)" in _block(gironde, "Denis Paineau (CdC du Bazadais)")
    assert "Bordeaux — en Gironde (33)" in gironde
    # The word « Dordogne » is said by a PETR of Corrèze: found as a word, never « en Dordogne ».
    dordogne = _search(path, "Dordogne")
    assert "Julie Thomas (PETR Vallée de la Dordogne Corrézienne)" in dordogne
    assert "en Dordogne (24)" not in dordogne and "— en " not in dordogne, dordogne


def test_a_region_finds_the_territories_in_it_after_those_that_name_it(path: Path) -> None:
    found = _search(path, "Nouvelle-Aquitaine", "--limit", "100")
    assert "Grand Dax — en Nouvelle-Aquitaine (Landes)" in _block(found, DAX), found
    # The participants who name the region come first.
    assert found.index("Région N-A") < found.index("Grand Dax")
    # Occitanie holds the Hautes-Pyrénées: « Cité de l'emploi à Tarbes ».
    occitanie = _search(path, "Occitanie")
    assert "Cité de l'emploi à Tarbes — en Occitanie (Hautes-Pyrénées)" in occitanie, occitanie
    assert "Grand Dax" not in occitanie


def test_search_json_says_why(path: Path) -> None:
    done = run_cli("chercher", str(path), "Landes", "--json")
    assert done.returncode == 0, done.stderr
    hits = {h["text"]: h for h in json.loads(done.stdout)["hits"]}
    assert hits[DAX]["why"] == "Grand Dax — dans les Landes (40)"
    assert hits[DAX]["fields"] == ["structure", "territory"]


def test_suivi_finds_a_structure_written_with_its_regions_short_form(path: Path) -> None:
    for typed in (
        "Région Nouvelle-Aquitaine",
        "Région N-A",
        "region nouvelle aquitaine",
        "Nouvelle-Aquitaine",
    ):
        done = run_cli("suivi", str(path), "--participant", typed)
        assert done.returncode == 0, done.stderr
        assert "Grégory TALVY" in done.stdout, (typed, done.stdout)
    # A filter of people, not of places: « Landes » names no one who is there.
    done = run_cli("suivi", str(path), "--participant", "Landes")
    assert "Grégory TALVY" not in done.stdout


def test_the_directory_view_finds_and_says_the_place(qtbot, path: Path) -> None:
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # « Répertoire »
        type_text("Landes")
        window.directory.search_now()
        model = window.directory.model
        rows = {
            model.index(row, COL_TEXT).data(): model.index(row, COL_KIND).data()
            for row in range(model.rowCount())
        }
        assert rows.get(f"{DAX}\nGrand Dax\nGrand Dax — dans les Landes (40)") == (
            "Participant (structure, territoire)"
        ), rows
        window.directory.field.selectAll()
        type_text("Nouvelle-Aquitaine")
        window.directory.search_now()
        texts = [model.index(row, COL_TEXT).data() for row in range(model.rowCount())]
        assert f"{TALVY}\nRégion N-A\n{N_A}" in texts, texts
        # « Suivi », the same people as the command.
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        type_text("Région Nouvelle-Aquitaine")
        table = window.followup.table
        asking = [table.model().index(row, 1).data() for row in range(table.model().rowCount())]
        assert len(asking) == 1 and "Grégory TALVY" in asking[0], asking
    finally:
        window.close()


def test_the_shipped_table_agrees_with_how_names_are_compared() -> None:
    """Each name's key is worked out when the table is built (scripts/build_territories.py):
    a change to `territories.key` needs the table built again."""
    from atelier import territories
    from atelier.paths import resources_dir

    lines = (resources_dir() / "territoires" / "territoires.tsv").read_text(encoding="utf-8").splitlines()
    stale = [
        line
        for line in lines
        if line[0] in "EC" and line.split("\t")[3] != territories.key(line.split("\t")[1])
    ]
    assert stale == []
    assert sum(1 for line in lines if line[0] == "D") == 101


def test_a_place_the_table_cannot_tell_is_never_said(tmp_path: Path) -> None:
    """A region is not a département of the same words (« Pays de la Loire » is not in the
    Loire), a commune of several départements is in none of them, a river names no département,
    and « Pays Basque » is the Pyrénées-Atlantiques' agglomeration."""
    grid, path = tmp_path / "grille.csv", tmp_path / "reseau.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins;Ressources\n"
        "Anne Roux / Région Pays de la Loire;Forum;;;\n"
        "Paul Girard / Mairie de Saint-Martin;Forum;;;\n"
        "Nina Vidal / PETR Vallée de la Dordogne Corrézienne;Forum;;;\n"
        "Karim Haddad / CA Pays Basque;Forum;;;\n"
        "Marc Blanc / Mission locale de Marseille;Forum;;;\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    loire = _search(path, "Loire")
    assert "Anne Roux" in loire and "dans la Loire" not in loire and " — " not in loire, loire
    assert "Paul Girard" not in _search(path, "Gironde") + _search(path, "Pyrénées-Atlantiques")
    assert "Nina Vidal" not in _search(path, "24")
    basque = _search(path, "64")
    assert "CA Pays Basque — dans les Pyrénées-Atlantiques (64)" in _block(
        basque, "Karim Haddad (CA Pays Basque)"
    )
    # The region typed finds the Pays de la Loire participant by its name, as typed.
    assert "Anne Roux (Région Pays de la Loire)" in _search(path, "PDL")
    # « Région Sud » is PACA; « Sud » alone is no region.
    marseille = "Marc Blanc (Mission locale de Marseille)"
    paca = _search(path, "Région Sud")
    assert "Mission locale de Marseille — en Provence-Alpes-Côte d'Azur (Bouches-du-Rhône)" in _block(
        paca, marseille
    ), paca
    assert marseille not in _search(path, "Sud")
