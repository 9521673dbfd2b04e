"""An ampersand typed as it is in an HTML page's table (« R&D », « AT&T », as a page written
by hand or by a program has it) is imported as written: it became « R&D; »."""

from __future__ import annotations

from pathlib import Path

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli


def test_an_unescaped_ampersand_in_an_html_cell_is_kept_as_written(tmp_path: Path) -> None:
    rows = [
        ["Participants", "Actions", "Défis", "Besoins", "Je peux être ressource sur"],
        ["Anne Martin, PLIE", "R&D sociale", "AT&T et Orange", "Café &amp; croissants", "Ateliers&nbsp;CV"],
        ["Karim Benali, ML", "Forum", "Mobilité", "Garde d'enfants", "Covoiturage &copy; 2021"],
    ]
    html = (
        "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    )
    path = tmp_path / "grille.html"
    path.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    target = tmp_path / "grille.atelier"

    done = run_cli("import", str(path), "-o", str(target))

    assert done.returncode == 0, done.stderr
    with Store.open(target, readonly=True) as store:
        anne, karim = store.participants(store.workshops()[0].id)
        assert [i.text for i in store.items(anne.id, ItemKind.ACTION)] == ["R&D sociale"]
        assert [i.text for i in store.items(anne.id, ItemKind.CHALLENGE)] == ["AT&T et Orange"]
        assert [i.text for i in store.items(anne.id, ItemKind.NEED)] == ["Café & croissants"]
        assert [i.text.replace("\u00a0", " ") for i in store.items(anne.id, ItemKind.OFFER)] == [
            "Ateliers CV"
        ]
        assert [i.text for i in store.items(karim.id, ItemKind.OFFER)] == ["Covoiturage © 2021"]
