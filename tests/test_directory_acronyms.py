"""The directory finds a structure whether it was written with its acronym or spelled out:
« PLIE des Graves » found Anne Martin (PLIE des Graves) but not Anne MARTIN (Plan Local
pour l'Insertion et l'Emploi des Graves), the same PLIE met at the next workshop; « CC du Val »
missed « Communauté de communes du Val ». Through the command line, as a staff member
searches the file of a year of workshops."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

GRID = (
    "Participant;Actions engagées;Défis;Besoins;Ressources\n"
    "Mme Anne Martin / PLIE des Graves;Forum;;;Clauses sociales\n"
    # Another person of the same PLIE, spelled out (Anne MARTIN herself, on a second row, is
    # the same person: the directory shows her once, as the window does).
    "Louise MOREL - Plan Local pour l'Insertion et l'Emploi des Graves;Job dating;;;\n"
    "Paul DURAND / Communauté de communes du Val;Atelier CV;;;\n"
    "Pauline Durand / CC du Val;Atelier numérique;;;\n"
    "Nina Vidal / CCI du Val;Club;;;\n"
)


def _found(path: Path, text: str) -> str:
    done = run_cli("search", str(path), text)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_structure_is_found_with_or_without_its_acronym(tmp_path: Path) -> None:
    grid, path = tmp_path / "grille.csv", tmp_path / "reseau.atelier"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    plie = _found(path, "PLIE des Graves")
    assert "Anne Martin (PLIE des Graves)" in plie
    assert "Louise MOREL (Plan Local pour l'Insertion et l'Emploi des Graves)" in plie, plie
    spelled = _found(path, "plan local pour l'insertion et l'emploi")
    assert "Anne Martin (PLIE des Graves)" in spelled and "Louise MOREL" in spelled, spelled
    for typed in ("CC du Val", "communauté de communes du Val"):
        found = _found(path, typed)
        assert "Paul DURAND" in found and "Pauline Durand" in found, (typed, found)
    # A CCI is no communauté de communes (« CC » typed is still the start of a word too).
    assert "Nina Vidal" not in _found(path, "communauté de communes du Val")
    assert "Nina Vidal" in _found(path, "CCI du Val")


def test_a_structure_spelled_out_gives_its_territory_as_its_acronym_does(tmp_path: Path) -> None:
    """« PLIE des Graves » was filed under the territory « Graves », « Plan Local pour
    l'Insertion et l'Emploi des Graves » under none: the directory showed the place beside
    one spelling only, and a workshop imported again lost it when the grid spelled it out."""
    grid, path = tmp_path / "grille.csv", tmp_path / "reseau.atelier"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins;Ressources\n"
        "Mme Anne Martin / PLIE des Graves;Forum;;;Clauses sociales\n"
        "Paul Roux / Maison de l'emploi;Atelier CV;;;\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    assert "Anne Martin (PLIE des Graves)\n      Graves · atelier" in _found(path, "Martin")
    # The same grid again, the structure spelled out: re-imported, the place stays.
    grid.write_text(
        grid.read_text(encoding="utf-8").replace(
            "PLIE des Graves", "Plan Local pour l'Insertion et l'Emploi des Graves"
        ),
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "--into", str(path))
    assert done.returncode == 0, done.stderr
    found = _found(path, "Graves")
    assert (
        "Anne Martin (Plan Local pour l'Insertion et l'Emploi des Graves)\n      Graves · atelier" in found
    ), found
    # A structure whose name says no area gives none (as before).
    assert "Paul Roux (Maison de l'emploi)\n      atelier" in _found(path, "Roux")


def test_the_minutes_count_a_structure_spelled_out_as_its_acronym(tmp_path: Path) -> None:
    """« Autour de la table » counted « PLIE des Graves » as an employment and inclusion
    operator and the same PLIE spelled out as « 1 autre participant »; the CC written two ways
    is one intercommunality (« intercommunalité ou pays (2) »)."""
    import docx

    grid, path = tmp_path / "grille.csv", tmp_path / "reseau.atelier"
    grid.write_text(GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    for lang, start, expected in (
        (
            "fr",
            "Autour de la table",
            "opérateur de l'emploi et de l'insertion (2 participants), intercommunalité ou pays (2) et "
            "autre structure (1).",
        ),
        (
            "en",
            "Around the table",
            "employment and inclusion operator (2 participants), inter-municipal body or local "
            "development area (2) and other structure (1).",
        ),
    ):
        minutes = tmp_path / f"cr-{lang}.docx"
        done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        (said,) = [p.text for p in docx.Document(str(minutes)).paragraphs if p.text.startswith(start)]
        assert said.endswith(expected), said
