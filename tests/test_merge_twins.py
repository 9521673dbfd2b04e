"""The same workshop captured on two laptops, the same newcomer typed on both (« Nina Vidal »
here, « Nina VIDAL » there): the merge made two participants and said only « 2 entrées
ajoutées », the minutes then counting one person twice. Both are still kept (two people may
share a name), and the merge says it by name, from the command line and in the window."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import run_cli


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "atelier.atelier"
    assert run_cli("new", str(base), "--title", "Atelier mobilité", "--date", "2021-06-10").returncode == 0
    first, second = tmp_path / "portable-a.atelier", tmp_path / "portable-b.atelier"
    shutil.copy(base, first)
    shutil.copy(base, second)
    for path, name in ((first, "Nina Vidal"), (second, "Nina VIDAL")):
        with Store.open(path) as store:
            workshop = store.workshops()[0].id
            nina = store.add_participant(Participant(workshop, names=[name], organisation="Mission locale"))
            store.add_item(Item(nina.id, ItemKind.NEED, "Logement des jeunes"))
    with Store.open(second) as store:  # someone else, on the second laptop only: nothing to say
        store.add_participant(Participant(store.workshops()[0].id, names=["Paul Lin"]))
    return first, second


def test_a_newcomer_typed_on_both_laptops_is_named_by_the_merge(tmp_path: Path) -> None:
    first, second = _copies(tmp_path)
    done = run_cli("merge", str(first), str(second), "-o", str(tmp_path / "fusion.atelier"))
    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert (
        "Le participant « Nina VIDAL », ajouté depuis « portable-b.atelier », porte le nom de "
        "« Nina Vidal », déjà dans l'atelier : les deux sont gardés ; supprimez l'un d'eux si c'est "
        "la même personne"
    ) in said, said
    assert "Paul Lin" not in said
    english = run_cli(
        "merge", str(first), str(second), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"}
    )
    assert "“Nina VIDAL”, added from “portable-b.atelier”, has the name of “Nina Vidal”" in english.stdout


def test_the_window_says_it_after_merging(qtbot, tmp_path: Path) -> None:
    from tests.helpers.keyboard import active_window

    first, second = _copies(tmp_path)
    window = active_window(qtbot, first)
    assert window.merge_file(second, report=False, confirm=False) is not None
    said = window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")
    assert "Le participant « Nina VIDAL », ajouté depuis « portable-b.atelier », porte le nom de" in said, (
        said
    )
    assert "Paul Lin" not in said
    window.close()


def test_a_line_typed_on_both_laptops_in_the_same_cell_is_said(qtbot, tmp_path: Path) -> None:
    """Both facilitators typed the same need for the same person: the merged cell held it twice
    (the minutes listing it twice) and the merge said only « 1 entrée ajoutée ». Both lines are
    kept (nothing is dropped without a word), and the merge says it, as of a participant typed twice."""
    from tests.conftest import ROOT
    from tests.helpers.keyboard import active_window

    first, second = tmp_path / "portable-a.atelier", tmp_path / "portable-b.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", first)
    shutil.copy(first, second)
    for path, text in ((first, "Trouver des bénévoles"), (second, "trouver des Bénévoles")):
        with Store.open(path) as store:
            person = store.participants(store.workshops()[0].id)[0]
            store.add_item(Item(person.id, ItemKind.NEED, text))
    with Store.open(second) as store:  # another line, on the second laptop only: nothing to say
        store.add_item(Item(person.id, ItemKind.NEED, "Un lieu pour se réunir"))
    name = ", ".join(person.names)
    done = run_cli("merge", str(first), str(second), "-o", str(tmp_path / "fusion.atelier"))
    assert done.returncode == 0, done.stderr
    said = done.stdout
    assert "2 entrées ajoutées" in said, said
    assert (
        f"La ligne «\u00a0trouver des Bénévoles\u00a0» de «\u00a0{name}\u00a0», ajoutée depuis "
        f"«\u00a0portable-b.atelier\u00a0», redit «\u00a0Trouver des bénévoles\u00a0», déjà dans sa "
        "cellule\u00a0: les deux sont gardées\u202f; supprimez l'une d'elles si c'est la même ligne "
        "saisie sur les deux ordinateurs."
    ) in said, said
    assert "Un lieu pour se réunir" not in said
    with Store.open(tmp_path / "fusion.atelier", readonly=True) as store:
        texts = [i.text for i in store.items(person.id, ItemKind.NEED)]
        assert "Trouver des bénévoles" in texts and "trouver des Bénévoles" in texts
    english = run_cli(
        "merge", str(first), str(second), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"}
    )
    assert (
        f"The line “trouver des Bénévoles” of “{name}”, added from “portable-b.atelier”, repeats "
        "“Trouver des bénévoles”, already in its cell: both are kept; delete one if it is the same "
        "line typed on both computers."
    ) in english.stdout, english.stdout
    window = active_window(qtbot, first)
    assert window.merge_file(second, report=False, confirm=False) is not None
    assert "La ligne «\u00a0trouver des Bénévoles\u00a0»" in window.saved_label.text()
    window.close()
