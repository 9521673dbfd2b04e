"""Build atelier/resources/names/prenoms.txt, the French first names the participant-cell
splitter knows (« Anne / PLIE »: Anne is a person), from the Faker wheel on PyPI.

    pip download faker --no-deps -d /tmp/faker
    python scripts/build_first_names.py /tmp/faker/faker-*.whl

Faker (MIT licence, maintained) lists the first names of its French-speaking locales
(fr_FR, fr_CA, fr_CH, fr_BE, fr_DZ, fr_QC). Read with `ast` from the wheel, never imported:
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
# Also places (a region, a city, a country) that a grid may name alone, or structure words.
LEFT_OUT = {"Lorraine", "Alexandrie", "Alexandria", "France", "Florence", "Nancy", "Orange", "Valence"}


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
                values = (
                    node.value.keys if isinstance(node.value, ast.Dict) else getattr(node.value, "elts", [])
                )
                for value in values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        names.add(value.value.strip())
    kept = sorted(n for n in names if n and n not in LEFT_OUT and re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", n))
    return kept, version


def main(wheel: str) -> int:
    from atelier.importers.participant import STRUCTURE_WORDS

    names, version = first_names(Path(wheel))
    names = [n for n in names if n.lower() not in STRUCTURE_WORDS]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = [
        f"# French first names: {len(names)}, from Faker {version} (MIT licence, https://pypi.org/project/Faker/),",
        "# its French-speaking locales' person providers (fr_FR, fr_CA, fr_CH, fr_BE, fr_DZ, fr_QC).",
        "# Built by scripts/build_first_names.py; names that are also places or structure words left out.",
    ]
    TARGET.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(names)} names (Faker {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
