"""Two halves of one room joined (`atelier workshops FILE --reunir A B`): a person typed « Nina
Vidal, CdC du Pays de Born » on one laptop and « Nina Vidal, Communauté de communes du Pays de
Born » on the other stayed two participants, the room counted twice. The usual French ways of
writing the kind of a structure (CdC, CC, Com. de com., CA, Communauté d'agglomération …) are
now the same structure when people are compared, and the join says which spellings it took as
one; a « Mairie de Mimizan » is still not the « CdC de Mimizan ». The real command, in a
subprocess, on a file built through the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant, Workshop
from atelier.store import Store
from tests.conftest import run_cli

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})

FIRST = [
    ("Nina Vidal", "CdC du Pays de Born", "Logement des jeunes"),
    ("Paul Lin", "CA du Grand Dax", "Locaux pour un forum"),
    ("Marc Roux", "Com. de com. Cœur Haute Lande", "Covoiturage"),
    ("Léa Martin", "Mairie de Mimizan", "Garde d'enfants"),
]
SECOND = [
    ("Nina Vidal", "Communauté de communes du Pays de Born", "Permis de conduire"),
    ("Paul Lin", "Communauté d'agglomération du Grand Dax", "Salle de réunion"),
    ("Marc Roux", "CC Cœur Haute Lande", "Mobilité"),
    ("Léa Martin", "CdC de Mimizan", "Formation des tuteurs"),
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "dax.atelier"
    with Store.create(path, title="Atelier de Dax", date="2026-11-12") as store:
        first = store.workshops()[0]
        second = store.add_workshop(Workshop(title="Atelier de Dax (salle 2)", date="2026-11-12"))
        for workshop, people in ((first, FIRST), (second, SECOND)):
            for name, structure, need in people:
                person = store.add_participant(Participant(workshop.id, names=[name], organisation=structure))
                store.add_item(Item(person.id, ItemKind.NEED, need))
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_structure_written_with_its_abbreviation_is_one_person_when_joining(
    tmp_path: Path, lang: str
) -> None:
    path = _file(tmp_path)
    done = run_cli(
        "workshops", str(path), "--reunir", "Atelier de Dax", "salle 2", env={"ATELIER_LANG": lang}
    )
    assert done.returncode == 0, done.stderr
    said = done.stdout.translate(SPACES)
    with Store.open(path, readonly=True) as store:
        [workshop] = store.workshops()
        people = sorted(
            (p.names[0], p.organisation, sorted(i.text for i in store.items(p.id)))
            for p in store.participants(workshop.id)
        )
    assert people == [
        ("Léa Martin", "CdC de Mimizan", ["Formation des tuteurs"]),  # the CdC is not the town hall
        ("Léa Martin", "Mairie de Mimizan", ["Garde d'enfants"]),
        ("Marc Roux", "Com. de com. Cœur Haute Lande", ["Covoiturage", "Mobilité"]),
        ("Nina Vidal", "CdC du Pays de Born", ["Logement des jeunes", "Permis de conduire"]),
        ("Paul Lin", "CA du Grand Dax", ["Locaux pour un forum", "Salle de réunion"]),
    ], said
    if lang == "fr":
        assert "4 + 4 participants, dont 3 saisis dans les deux ateliers" in said, said
        assert "a maintenant 5 participants" in said, said
        assert (
            "« Nina Vidal (CdC du Pays de Born) » : « CdC du Pays de Born » et « Communauté de communes "
            "du Pays de Born » (de l'autre saisie) sont la même structure (communauté de communes) ; "
            "le nom « CdC du Pays de Born » est gardé."
        ) in said, said
        assert (
            "« Paul Lin (CA du Grand Dax) » : « CA du Grand Dax » et « Communauté d'agglomération du Grand "
            "Dax » (de l'autre saisie) sont la même structure (communauté d'agglomération)"
        ) in said, said
        assert "« Com. de com. Cœur Haute Lande » et « CC Cœur Haute Lande »" in said, said
        assert "Mimizan » et" not in said, said
    else:
        assert "4 + 4 participants, 3 of them typed in both workshops" in said, said
        assert (
            "“Nina Vidal (CdC du Pays de Born)”: “CdC du Pays de Born” and “Communauté de communes du Pays "
            "de Born” (of the other capture) are the same structure (communauté de communes); the name "
            "“CdC du Pays de Born” is kept."
        ) in said, said
