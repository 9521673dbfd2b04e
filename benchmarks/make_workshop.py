"""Generate a large, realistic workshop file for benchmarks and manual checks.

    python benchmarks/make_workshop.py OUT.atelier --participants 500 [--seed 1]
    python benchmarks/make_workshop.py OUT.atelier --workshops 300 --participants 6000 --items 100000

The first makes one workshop. The second makes a region's decade: that many dated
workshops (about a fortnight apart), participants and items in all, people coming back from
one workshop to another. Texts are recombined from the example workshop's real items (the
start of one with the end of another, so that nearly all differ), in the example's
proportions of actions, challenges, needs and offers, so that lengths and vocabulary look
like a real grid's; names are French names, accents included.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(out: Path, participants: int, seed: int = 1, items_per_cell: int = 3) -> Path:
    from atelier.domain import ITEM_KINDS, Item, Participant
    from atelier.store import Store

    rng = random.Random(seed)
    with Store.open(ROOT / "examples" / "atelier-2021-03-16.atelier", readonly=True) as example:
        workshop_id = example.workshops()[0].id
        texts = {kind: [i.text for i in example.workshop_items(workshop_id, kind)] for kind in ITEM_KINDS}
        people = example.participants(workshop_id)
    if out.exists():
        out.unlink()
    with Store.create(
        out, title=f"Atelier généré ({participants} participants)", date="2024-05-14", place="Bordeaux"
    ) as store:
        workshop_id = store.workshops()[0].id
        rows = []
        for number in range(participants):
            model = rng.choice(people)
            participant = Participant(
                workshop_id,
                names=[f"Personne {number + 1}"],
                organisation=model.organisation,
                territory=model.territory,
                source_text=f"Personne {number + 1} / {model.organisation}",
            )
            items = [
                Item(participant.id, kind, rng.choice(texts[kind]))
                for kind in ITEM_KINDS
                for _ in range(rng.randint(0, items_per_cell))
            ]
            rows.append((participant, items))
        store.add_grid(rows)
    return out


def _words(text: str) -> list[str]:
    """Words apart (or « | »-separated phrases): long lists read better as one text."""
    return text.split("|") if "|" in text else text.split()


FIRST_NAMES = _words(
    "Gérard Hélène Cécile Loïc Zoé Agnès Frédéric Mélanie Jérôme Noémie Léa Théo Amélie Benoît "
    "Françoise Stéphane Clément Anaïs Rémi Éric Sébastien Maëlle Joël Inès Céline Hervé Aurélie "
    "Gaëlle Thierry Régis Sandrine Yannick Delphine Océane Grégory Lucie Julie Denis Marion Élise"
)
SURNAMES = _words(
    "Müller Lefèvre Dubois Moreau Gauthier Bézier Rousseau Giraud Mercier Lacroix Fabre Chevalier "
    "Bonnet Faure André Guérin Muller Boyer Garnier Lemaître Perrin Clément Fournier Renaud Aubert "
    "Barbier Arnaud Roussel Vidal Lévêque Brunet Hérault Noël Pelletier Deschamps Poirier Thébault"
)
TERRITORIES = _words(
    "Médoc|Sud Gironde|Grand Angoulême|Béarn|Pays Basque|Landes|Périgord Vert|Bazadais|Val de Gâtine|"
    "Haute-Corrèze|Creuse|Lot-et-Garonne|Grand Poitiers|Marmandais|Libournais|Haute-Saintonge|"
    "Pays de Brive|Vallée de la Dordogne|Grand Dax|Mont-de-Marsan|Haut-Limousin|Charente Limousine"
)
STRUCTURES = _words(
    "Mission locale du {t}|PLIE du {t}|Maison de l'emploi du {t}|Communauté de communes du {t}|"
    "PETR du {t}|Cité de l'emploi du {t}|Agglomération du {t}|Département, antenne du {t}|"
    "Chambre de commerce du {t}|Association d'insertion du {t}"
)


def _splice(rng: random.Random, pool: list[str]) -> str:
    """The start of one real item and the end of another: a new sentence of the same kind."""
    first, second = rng.choice(pool).split(), rng.choice(pool).split()
    cut_a = rng.randint(1, max(1, len(first)))
    cut_b = rng.randint(0, max(0, len(second) - 1))
    return " ".join(first[:cut_a] + second[cut_b:])


def build_region(out: Path, workshops: int, participants: int, items: int, seed: int = 1) -> Path:
    """A file of `workshops` dated workshops, `participants` participants and about `items` items."""
    import datetime as dt

    from atelier.domain import ITEM_KINDS, Item, Participant, Workshop
    from atelier.store import Store

    rng = random.Random(seed)
    with Store.open(ROOT / "examples" / "atelier-2021-03-16.atelier", readonly=True) as example:
        workshop_id = example.workshops()[0].id
        texts = {kind: [i.text for i in example.workshop_items(workshop_id, kind)] for kind in ITEM_KINDS}
    weights = [len(texts[kind]) for kind in ITEM_KINDS]  # the example's proportions
    # A pool of people who come back from one workshop to another.
    people = []
    for _ in range(max(1, participants // 3)):
        territory = rng.choice(TERRITORIES)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        people.append((name, rng.choice(STRUCTURES).format(t=territory), territory))
    if out.exists():
        out.unlink()
    start = dt.date(2015, 1, 13)
    per_item = items / participants
    with Store.create(
        out, title="Atelier territorial n° 1", date=start.isoformat(), place="Bordeaux"
    ) as store:
        first = store.workshops()[0]
        for number in range(workshops):
            day = start + dt.timedelta(days=12 * number)
            if number == 0:
                workshop = first
            else:
                workshop = Workshop(
                    f"Atelier territorial n° {number + 1}",
                    date=day.isoformat(),
                    place=rng.choice(TERRITORIES),
                )
            count = participants // workshops + (1 if number < participants % workshops else 0)
            rows = []
            for name, structure, territory in rng.sample(people, count):
                participant = Participant(
                    workshop.id,
                    names=[name],
                    organisation=structure,
                    territory=territory,
                    source_text=f"{name} / {structure}",
                )
                many = max(1, round(rng.gauss(per_item, per_item / 3)))
                kinds = rng.choices(ITEM_KINDS, weights=weights, k=many)
                rows.append(
                    (participant, [Item(participant.id, kind, _splice(rng, texts[kind])) for kind in kinds])
                )
            if number == 0:
                store.add_grid(rows)
            else:
                store.add_workshop_with_grid(workshop, rows)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--workshops", type=int, default=1, help="several dated workshops in the file")
    parser.add_argument("--items", type=int, default=100_000, help="items in all (with --workshops)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.workshops > 1:
        print(build_region(Path(args.out), args.workshops, args.participants, args.items, args.seed))
    else:
        print(build(Path(args.out), args.participants, args.seed))
