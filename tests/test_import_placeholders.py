"""« Néant », « RAS », « / », « NC », « Non », « x », « ? » in a grid's cell say there is nothing
to say: they became needs and offers, counted in the minutes (« 4 besoins »), printed on the
pages (« Ce que vous cherchez : « Néant » ») and matched (« Julie cherche : Non ← … : / »).
They are now read as empty cells, said once; « Idem » is kept and said to be checked."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli

GRID = (
    "Participant;Actions engagées;Défis;Besoins;Ressources\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;Néant;RAS\n"
    "Paul Durand / Mission locale du Médoc;garantie jeunes;Idem;mobilité des jeunes;/\n"
    "Julie Petit / CC du Bazadais;atelier CV;?;Non;N.C.\n"
    "Karim Benali / Agglo Agen;job dating;x;garde d'enfants;transport solidaire\n"
)


def test_cells_saying_nothing_are_empty_and_said(tmp_path: Path) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID, encoding="utf-8")
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ")
    assert "2 besoins, 1 ressource" in out and "2 défis" in out, out
    assert "7 cellules ne disant rien" in out and "« Néant »" in out and "lues comme vides" in out, out
    assert "« Idem » renvoie à une autre cellule" in out, out
    assert grid.read_bytes() == before
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    texts = [i["text"] for w in exported["workshops"] for p in w["participants"] for i in p["items"]]
    for nothing in ("Néant", "RAS", "/", "?", "Non", "N.C.", "x"):
        assert nothing not in texts, texts
    assert "Idem" in texts
    matched = run_cli("match", str(target)).stdout
    assert "cherche : Non" not in matched.replace("\u00a0", " ")


def test_english_report(tmp_path: Path) -> None:
    grid, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": "en"})
    assert "7 cells saying nothing" in done.stdout and "are read as empty" in done.stdout, done.stdout
