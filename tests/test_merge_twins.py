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
