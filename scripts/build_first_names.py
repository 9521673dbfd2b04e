"""Build atelier/resources/names/prenoms.txt, the French first names the participant-cell
splitter knows (« Anne / PLIE »: Anne is a person), from the Faker wheel on PyPI.

    pip download faker --no-deps -d /tmp/faker
    python scripts/build_first_names.py /tmp/faker/faker-*.whl

Faker (MIT licence, maintained) lists the first names of its French-speaking locales
(fr_FR, fr_CA, fr_CH, fr_BE, fr_DZ, fr_QC); fr_BE's are Statbel's 500 most common first names
of men and of women in Wallonia (2022), written `OrderedDict(((name, count), …))`, which the
first version of this script read as nothing (Karim, Grégory, Marion were missing). Read with
`ast` from the wheel, never imported:
Faker is not a dependency of Atelier, only of this script's input. Names that are also a
French region or a word that starts a structure's name are left out: a cell « Lorraine /
PLIE » is read as it was before.
"""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "atelier" / "resources" / "names" / "prenoms.txt"
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


def main(wheel: str) -> int:
    from atelier.importers.participant import STRUCTURE_WORDS

    names, version = first_names(Path(wheel))
    names = [n for n in names if n.lower() not in STRUCTURE_WORDS]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = [
        f"# French first names: {len(names)}, from Faker {version} (MIT licence, https://pypi.org/project/Faker/),",
        "# its French-speaking locales' person providers (fr_FR, fr_CA, fr_CH, fr_BE, fr_DZ, fr_QC);",
        "# fr_BE's: Statbel, the 500 most common first names of men and of women in Wallonia (2022).",
        "# Built by scripts/build_first_names.py; names that are also places or structure words left out.",
    ]
    TARGET.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(names)} names (Faker {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
