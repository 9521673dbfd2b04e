"""A re-import names the participant the file keeps as the file now names them.

Paul Durand's name was corrected to « Paul Durant » on his card after the grid was imported.
Imported again, the grid's row is recognised as his and the file's name is kept, and the summary
said « « Paul Durand / Mission locale » de la grille reconnu comme « Paul Durand / Mission
locale » du fichier (nom corrigé dans Atelier…) : le nom du fichier est gardé »: the grid's cell
twice (the file's cell as first imported), so the facilitator could not see which name was kept.
It now names « Paul Durant (Mission locale) », the name the file holds.
"""

from __future__ import annotations

from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

GRID = (
    "Atelier du 3 mars 2027\n"
    "Participant;Actions;Besoins;Ressources\n"
    "Paul Durand / Mission locale;Forum des métiers;Un minibus;Ateliers CV\n"
    "Léa Petit / PLIE des Graves;Job dating;Garde d'enfants;Clauses sociales\n"
)


def test_the_name_kept_is_the_one_the_file_holds(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    target = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    with Store.open(target) as store:  # the card's name field, as the window writes it
        workshop_id = store.workshops()[0].id
        paul = next(p for p in store.participants(workshop_id) if p.names == ["Paul Durand"])
        store.update_participant(paul.id, names=["Paul Durant"])

    done = run_cli("import", str(grid), "--into", str(target))

    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\u202f", " ").replace("\xa0", " ")
    line = next(line for line in said.splitlines() if "reconnu comme" in line)
    assert "« Paul Durand / Mission locale » de la grille" in line, line
    assert "reconnu comme « Paul Durant (Mission locale) » du fichier" in line, line
    with Store.open(target, readonly=True) as store:
        names = [p.names for p in store.participants(workshop_id)]
    assert names == [["Paul Durant"], ["Léa Petit"]], names
