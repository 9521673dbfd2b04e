"""One label for a participant wherever Atelier writes one: its people, then its structure in
parentheses. `atelier match` printed the grid's cell as typed, « Corinne Corcuff et Sefallah
Mahamat Bindi Mont de Marsan Agglo » (a line break in the cell): where the names end and the
structure starts was for the reader to guess, while the minutes wrote « … / … » and the
projector « … (…) »."""

from __future__ import annotations

import json
from pathlib import Path

from atelier.store import Store

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
PAIR = "Corinne Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo)"
BARBARA = "Barbara BARGUES (Pôle formation de la Région N-A)"  # typed on two lines, no separator


def test_the_command_line_the_minutes_and_the_projector_name_a_participant_alike(tmp_path: Path) -> None:
    import docx

    from atelier.projection import build

    path = tmp_path / "atelier.atelier"
    path.write_bytes(EXAMPLE.read_bytes())
    listed = run_cli("match", str(path), "--lexical", env={"ATELIER_LANG": "fr"})
    assert listed.returncode == 0, listed.stderr
    text = listed.stdout
    assert f"{PAIR} cherchent\u00a0: Comment faire pour que les services" in text
    assert f"  ← {BARBARA} [" in text
    assert "Bindi Mont de Marsan" not in text and "BARGUES Pôle" not in text
    as_json = json.loads(run_cli("match", str(path), "--lexical", "--json").stdout)
    assert PAIR in {need["participant"] for need in as_json["needs"]}

    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    document = docx.Document(str(minutes))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    said = "\n".join([p.text for p in document.paragraphs] + cells)
    assert PAIR in said and BARBARA in said
    assert "Bindi / Mont" not in said

    with Store.open(path, readonly=True) as store:
        projection = build(store, store.workshops()[0].id, suggestions=True)
    assert PAIR in projection.labels.values() and BARBARA in projection.labels.values()
