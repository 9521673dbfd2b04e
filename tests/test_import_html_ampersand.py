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


def _imported(tmp_path: Path, path: Path) -> dict[str, dict[str, list[str]]]:
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(path), "-o", str(target))
    assert done.returncode == 0, done.stderr
    with Store.open(target, readonly=True) as store:
        return {
            " / ".join([*p.names, p.organisation]): {
                kind.value: [i.text for i in store.items(p.id, kind)] for kind in ItemKind
            }
            for p in store.participants(store.workshops()[0].id)
        }


def test_words_typed_between_angle_brackets_are_kept_not_taken_for_markup(tmp_path: Path) -> None:
    """« <Mission locale> », « <a compléter> », « <nom du référent> » typed in a grid looked
    like HTML tags and were dropped on import without a word: « Contact : » was left of
    « Contact : <Mission locale> », a need « <a compléter> » vanished. A person's words are
    kept; only markup a Word or HTML export puts in a cell goes."""
    path = tmp_path / "grille.csv"
    path.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Martin (<Mission locale>);Forum <a compléter>;<de> la mobilité;"
        "Contact : <nom du référent>;<Pôle emploi> Bordeaux\n"
        "Karim Benali (PLIE);<à compléter>;Recruter;<b>Garde</b> d'enfants;<i>Ateliers</i> CV\n",
        encoding="utf-8",
    )
    anne, karim = _imported(tmp_path, path).values()
    assert anne["action"] == ["Forum <a compléter>"]
    assert anne["challenge"] == ["<de> la mobilité"]
    assert anne["need"] == ["Contact : <nom du référent>"]
    assert anne["offer"] == ["<Pôle emploi> Bordeaux"]
    assert karim["action"] == ["<à compléter>"]
    # Markup pasted from a page still goes.
    assert karim["need"] == ["Garde d'enfants"]
    assert karim["offer"] == ["Ateliers CV"]


def test_angle_brackets_in_a_word_html_grid_are_kept_and_its_markup_dropped(tmp_path: Path) -> None:
    """A grid saved from Word as a web page: the cells' own markup (« <p class=MsoNormal> »,
    « <span style=…> », « <o:p></o:p> ») goes; « &lt;Mission locale&gt; » typed in Word stays."""
    cells = [
        "Anne Martin (PLIE)",
        "<p class=MsoNormal><span style='font-size:10.0pt'>Forum &lt;a compléter&gt;</span><o:p></o:p></p>",
        "<p class=MsoNormal>Recruter<o:p></o:p></p>",
        "<p class=MsoNormal>Contact : &lt;Mission locale&gt;</p><p class=MsoNormal>Mobilité</p>",
        "<p class=MsoNormal><b>Clauses</b> sociales</p>",
    ]
    header = "".join(f"<td>{h}</td>" for h in ["Participant", "Actions", "Défis", "Besoins", "Ressources"])
    path = tmp_path / "grille.html"
    path.write_text(
        "<html><body><table><tr>"
        + header
        + "</tr><tr>"
        + "".join(f"<td>{c}</td>" for c in cells)
        + "</tr></table></body></html>",
        encoding="utf-8",
    )
    (anne,) = _imported(tmp_path, path).values()
    assert anne["action"] == ["Forum <a compléter>"]
    assert anne["challenge"] == ["Recruter"]
    assert anne["need"] == ["Contact : <Mission locale>", "Mobilité"]
    assert anne["offer"] == ["Clauses sociales"]
