"""The same person comes back to the next workshops with their name written another way:
« LEROY Lucie » (the surname first, as attendance lists write it), « Lucie LEROY (PLIE) ».
« LEROY Lucie / Grand Angoulême » was imported as a structure of that name with nobody in it
(so the directory said « Participant (structure) », her page was headed with the whole cell
and matching across workshops offered her own resource of another workshop to her); « Lucie
LEROY (PLIE) » was on a territory « PLIE »; « Lucie LEROY (PLIE) / PLIE du Grand Angoulême »
worked at « (PLIE) / PLIE du Grand Angoulême »."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from atelier.importers.participant import parse_participant


@pytest.mark.parametrize(
    ("cell", "names", "organisation", "territory"),
    [
        # The surname in capitals, then a first name: a person.
        ("LEROY Lucie / Grand Angoulême", ["LEROY Lucie"], "Grand Angoulême", "Grand Angoulême"),
        ("PALLET Agnès, MDE du Grand Bordeaux", ["PALLET Agnès"], "MDE du Grand Bordeaux", "Grand Bordeaux"),
        (
            "Mission locale du Médoc / LE PRIOL Jacques",
            ["LE PRIOL Jacques"],
            "Mission locale du Médoc",
            "Médoc",
        ),
        ("LEROY Lucie", ["LEROY Lucie"], "", ""),
        ("LEROY Lucie (Charente)", ["LEROY Lucie"], "", "Charente"),
        ("Mme LEROY Lucie / PLIE", ["LEROY Lucie"], "PLIE", ""),  # the civility is no name
        ("LEROY Lucie et PALLET Agnès / MDE", ["LEROY Lucie", "PALLET Agnès"], "MDE", ""),
        # A structure in parentheses is the structure, not a place.
        ("Lucie LEROY (PLIE)", ["Lucie LEROY"], "PLIE", ""),
        ("Agnès Pallet (MDE)", ["Agnès Pallet"], "MDE", ""),
        ("Lucie Leroy (PLIE Grand Angoulême)", ["Lucie Leroy"], "PLIE Grand Angoulême", "Grand Angoulême"),
        ("Denis Paineau (CdC du Bazadais)", ["Denis Paineau"], "CdC du Bazadais", "Bazadais"),
        (
            "Agnès Pallet (Maison de l'emploi de Bordeaux)",
            ["Agnès Pallet"],
            "Maison de l'emploi de Bordeaux",
            "Bordeaux",
        ),
        # … said again after it: once.
        (
            "Lucie LEROY (PLIE) / PLIE du Grand Angoulême",
            ["Lucie LEROY"],
            "PLIE du Grand Angoulême",
            "Grand Angoulême",
        ),
        # Read as before: places in parentheses, structures in capitals, acronyms before a place.
        (
            "Martine Colin Rabouan / Cité de l'emploi à Tarbes (Hautes Pyrénées)",
            ["Martine Colin Rabouan"],
            "Cité de l'emploi à Tarbes",
            "Hautes Pyrénées",
        ),
        ("Lucie Leroy (Grand Angoulême)", ["Lucie Leroy"], "", "Grand Angoulême"),
        ("Anne (Landes)", ["Anne"], "", "Landes"),
        ("Anne Martin (Hauts-de-France)", ["Anne Martin"], "", "Hauts-de-France"),
        ("Anne Martin (Centre-Val de Loire)", ["Anne Martin"], "", "Centre-Val de Loire"),
        ("Anne Martin (Île-de-France)", ["Anne Martin"], "", "Île-de-France"),
        ("Anne Martin (France)", ["Anne Martin"], "", "France"),
        ("Anne Martin (Mission locale)", ["Anne Martin"], "Mission locale", ""),
        ("Anne Martin (France Travail)", ["Anne Martin"], "France Travail", ""),
        ("PLIE / Anne", ["Anne"], "PLIE", ""),
        ("CCAS Pau", [], "CCAS Pau", ""),
        ("PLIE Lucie", [], "PLIE Lucie", "Lucie"),  # as before: a PLIE named after a place
        ("ADSI - PLIE technowest", [], "ADSI - PLIE technowest", ""),
    ],
)
def test_a_name_written_another_way_is_still_a_person(
    cell: str, names: list[str], organisation: str, territory: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation, parsed.territory) == (names, organisation, territory)


def _atelier(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "atelier", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**__import__("os").environ, "ATELIER_LANG": "fr"},
        check=False,
    )


def test_three_workshops_find_lucie_as_a_person_each_time(tmp_path: Path) -> None:
    """A year of workshops typed by hand (CSV), Lucie written three ways: the directory finds
    her as a person three times, never as a structure, and matching across workshops never
    offers her own resource of the spring to her need of the autumn."""
    grids = {
        "2021-03-16": "Lucie Leroy / Grand Angoulême;Forum emploi;Clauses;Un local;Des contacts",
        "2021-09-21": (
            "LEROY Lucie / Grand Angoulême;Forum;Clauses;"
            "Retours d'expérience sur les clauses sociales;Organisation d'un forum emploi"
        ),
        "2022-03-15": (
            "Lucie LEROY (PLIE) / PLIE du Grand Angoulême;Clauses;Communes;"
            "Formation des acheteurs;Retours d'expérience sur les clauses sociales"
        ),
    }
    target = tmp_path / "annee.atelier"
    for number, (day, row) in enumerate(grids.items()):
        grid = tmp_path / f"{day}.csv"
        grid.write_text("Participant;Actions;Défis;Besoins;Ressources\n" + row + "\n", encoding="utf-8")
        where = ["-o", str(target)] if number == 0 else ["--into", str(target), "--new-workshop"]
        done = _atelier("import", str(grid), *where, "--title", f"Atelier {day}", "--date", day, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    found = _atelier("search", str(target), "Lucie", "Leroy", "--json", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    people = [h for h in json.loads(found.stdout)["hits"] if h["kind"] == "participant"]
    # One person, found by her name (never as a structure), at each of the three workshops:
    # one result naming them, as the window's directory shows her (since 4c0a9b1).
    assert [h["fields"][0] for h in people] == ["people"], people
    assert sorted(w["date"] for w in people[0]["workshops"]) == sorted(grids), people
    assert people[0]["participant"]["organisation"] == "PLIE du Grand Angoulême", people
    matched = _atelier(
        "match", str(target), "--workshop", "2021-09-21", "--across", "--lexical", cwd=tmp_path
    )
    assert matched.returncode == 0, matched.stderr
    assert "← Lucie LEROY" not in matched.stdout, matched.stdout  # not her own offer of 2022
