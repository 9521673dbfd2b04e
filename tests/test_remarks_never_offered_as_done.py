"""Jacques Le-priol (Région N-A) observed the session: his column of actions holds remarks
quoted as he said them (« La redistribution entre acteurs du fruit de la coopération doit être
réfléchi. »), which the minutes file under « Des observations à retenir … notées telles
quelles ». Matching offered them to the room as things he had done: `atelier match` said
« ← Jacques Le-priol (Région N-A) [a déjà fait, à vérifier] : « La redistribution… » » under
Lucie Leroy's need, and the window and the projector the same. A remark someone is quoted
saying is never offered as an action now; an action naming a programme between quotation
marks (« le programme « Un jeune, une solution » », « Animation « Les jeudis de l'emploi… » »)
still is.

Facilitators also typed what the territory is into that column: Céline Dallet's row of the
example holds « En effet, 80% des entreprises du territoire n'ont pas de salariés. », which
matching offered as « Céline Dallet a déjà fait : En effet, 80 % des entreprises… » (because
the need and the statement « disent tous deux « entreprises » »); Maxime Roby's
« problématiques : chômage structurel… » the same. A statement of fact (`french.states_a_fact`)
is never offered as something done either; the actions beside it still are."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from atelier.french import states_a_fact
from atelier.store import Store
from atelier.synthesis import observations

from .conftest import ROOT, run_cli


def _suggested(path: Path, top: int = 10) -> list[dict]:
    done = run_cli("match", str(path), "--json", "--top", str(top))
    assert done.returncode == 0, done.stderr
    return [s for need in json.loads(done.stdout)["needs"] for s in need["suggestions"]]


def test_the_example_s_quoted_remarks_are_never_offered_as_done(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        actions = [i for i in store.workshop_items(workshop_id) if i.kind == "action"]
    remarks = {statement.text for statement, _said in observations(actions)}
    assert len(remarks) == 4 and any("redistribution entre acteurs" in r for r in remarks), remarks
    suggested = _suggested(path)
    assert suggested, "the example has suggestions"
    offered = [s["text"] for s in suggested if s["text"] in remarks]
    assert offered == [], offered
    # His other actions, and everyone else's, are still offered.
    assert any(s["source"] == "action" for s in suggested)


def test_a_quoted_remark_is_not_offered_but_a_quoted_programme_is(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Actions;Défis;J'ai besoin de ressources sur;Je peux être ressource sur\n"
        "Anne Roux, PLIE des Graves;;;Mobiliser les jeunes des quartiers sur l'emploi;\n"
        "Paul Durand, Région;« Les jeunes des quartiers doivent être mobilisés sur l'emploi »;;;\n"
        "Lina Morel, Mission locale du Médoc;"
        "Le programme « Un jeune, une solution » pour mobiliser les jeunes des quartiers vers l'emploi;;;\n"
        "Karim Benali, PLIE du Libournais;"
        "Animation « Les jeudis de l'emploi des jeunes des quartiers »;;;\n",
        encoding="utf-8",
    )
    path = tmp_path / "grille.atelier"
    done = run_cli("import", str(grid), "-o", str(path))
    assert done.returncode == 0, done.stderr
    helpers = {s["participant"].split(" (")[0] for s in _suggested(path)}
    assert "Lina Morel" in helpers, helpers
    assert "Karim Benali" in helpers, helpers  # an event's title between quotation marks
    assert "Paul Durand" not in helpers, helpers


def test_the_example_s_statements_of_fact_are_never_offered_as_done(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    suggested = _suggested(path, top=20)  # deep: a suggestion decided moves the next ones up
    texts = {s["text"] for s in suggested}
    assert not any(t.startswith("En effet, 80") for t in texts), texts
    assert not any(t.startswith("problématiques :") for t in texts), texts
    # « Céline Dallet a déjà fait : Les financements sont multiples : FSE + Région + 5 EPCI »
    assert not any(t.startswith("Les financements sont multiples") for t in texts), texts
    assert [t for t in texts if states_a_fact(t)] == []
    # Céline Dallet's study, written beside the territory's figures, is still offered as done.
    hers = [s for s in suggested if s["participant"].startswith("Céline Dallet") and s["source"] == "action"]
    assert any(s["text"].startswith("Une étude est menée") for s in hers), hers


def test_no_action_a_reader_graded_helpful_is_taken_for_a_fact() -> None:
    """Every action the labelled workshops' readers graded as answering a need: each one lost
    to `states_a_fact` would be a real helper never offered."""
    helpful = set()
    for name in sorted((ROOT / "tests" / "data").glob("*workshop*.json")):
        data = json.loads(name.read_text("utf-8"))
        actions = {text for p in data["participants"] for text in p["actions"]}
        helpful |= {r["resource"] for label in data["labels"] for r in label["relevant"]} & actions
    assert len(helpful) > 50, len(helpful)
    assert [text for text in helpful if states_a_fact(text)] == []
