"""People of earlier workshops, as a facilitator sees them suggested across workshops: one
person met at two earlier workshops under two spellings (« Mme Anne Martin » in 2021,
« A. Martin » of the same PLIE, spelled out, in 2022) is one helper, not two. Real files
written by the command line from CSV grids, read as the command line prints them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

HEAD = "Participant;Actions engagées;Défis;Besoins;Ressources\n"
GRIDS = {
    ("Atelier 2021", "2021-03-16"): (
        "Mme Anne Martin / PLIE des Graves;;;;la mobilité des publics en zone rurale\n"
        "Paul Martin / PLIE des Graves;;;;la mobilité des publics en zone rurale\n"
        "Gérard Müller / Mission locale;;;;le financement FSE des projets\n"
    ),
    ("Atelier 2022", "2022-03-15"): (
        "A. Martin / Plan Local pour l'Insertion et l'Emploi des Graves;;;;"
        "la mobilité des publics en zone rurale et le permis\n"
        "Gérard Müller / Mission locale;;;;le financement FSE des projets européens\n"
    ),
    ("Atelier 2023", "2023-03-14"): (
        "Lucie Leroy / Grand Angoulême;;;la mobilité des publics en zone rurale;\n"
        "Nadia Ferrand / Mission locale;;;le financement FSE des projets;un atelier CV\n"
    ),
}


def _network(tmp_path: Path) -> Path:
    path = tmp_path / "reseau.atelier"
    for number, ((title, day), rows) in enumerate(GRIDS.items()):
        grid = tmp_path / f"grille-{day}.csv"
        grid.write_text(HEAD + rows, encoding="utf-8")
        where = ["-o", str(path)] if number == 0 else ["--into", str(path), "--new-workshop"]
        done = run_cli("import", str(grid), *where, "--title", title, "--date", day)
        assert done.returncode == 0, done.stderr
    return path


def test_a_person_met_at_two_earlier_workshops_under_two_spellings_is_suggested_once(
    tmp_path: Path,
) -> None:
    path = _network(tmp_path)
    done = run_cli("match", str(path), "--workshop", "2023-03-14", "--across", "--lexical")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # Anne Martin, absent in 2023, offered mobility in 2021 and (as « A. Martin ») in 2022:
    # one helper, with the words that answer best and the workshop they were said at.
    anne = [line for line in out.splitlines() if "← " in line and "Martin" in line and "Paul" not in line]
    assert len(anne) == 1, out
    assert "← Mme Anne Martin (PLIE des Graves)" in anne[0], out
    assert "A proposé lors de l'atelier du 16 mars 2021" in out
    assert "15 mars 2022" not in out
    # Gérard Müller, the same name both years, other words: one helper too.
    assert sum("← Gérard Müller" in line for line in out.splitlines()) == 1, out
    # Paul Martin, the same structure, another first name, is someone else: still suggested.
    assert sum("← Paul Martin" in line for line in out.splitlines()) == 1, out
    listed = json.loads(
        run_cli("match", str(path), "--workshop", "2023-03-14", "--across", "--lexical", "--json").stdout
    )
    assert listed  # the JSON says the same
    helpers = [
        s["participant"]
        for need in listed["needs"]
        for s in need["suggestions"]
        if "mobilité" in need["text"]
    ]
    assert sorted(helpers) == ["Mme Anne Martin (PLIE des Graves)", "Paul Martin (PLIE des Graves)"]
