"""A participant whose cell says they were excused (« Mme Sabine Roux (excusée) ») is matched
with no one at their workshop; the file's other workshops suggested her offer all the same,
saying she « a proposé lors de l'atelier du 16 mars 2021 », and the directory listed her and
her offer under that workshop as if she had been there. What she wrote stays hers and is found
in the directory, which now says she was excused from it; no suggestion says she offered it at
a workshop she did not attend (she is suggested to no one, as in her own workshop).

Real files through the command line (text and JSON), the September minutes read back with
python-docx, and « Répertoire » in the window at the keyboard, in French and in English."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.conftest import run_cli

HEADER = "Participant;Actions;Défis;Besoins;Ressources\n"
MARCH = HEADER + (
    "Anne Martin / PLIE Sud Landes;forum des métiers;recruter des aides à domicile;"
    "solutions de garde d'enfants;mise en relation avec les SIAE du territoire\n"
    "Mme Sabine Roux (excusée) / Département des Landes;accompagnement des allocataires du RSA;"
    "coordonner les acteurs;données sur l'insertion;financement du permis de conduire pour les allocataires\n"
    "Paul Girard / Mission locale des Landes;garantie jeunes;repérer les jeunes;hébergement des jeunes;"
    "accompagnement des jeunes\n"
)
SEPTEMBER = HEADER + (
    "Lucie Leroy / Grand Angoulême;plan de mobilité;lever les freins à la mobilité;"
    "aide au financement du permis de conduire;animation de réseau\n"
    "Hugo Lefèvre / CCI des Landes;club d'entreprises;faire connaître l'apprentissage;"
    "contacts avec les SIAE;réseau de chefs d'entreprise\n"
)


def _file(tmp_path: Path) -> Path:
    march, september, path = tmp_path / "mars.csv", tmp_path / "sept.csv", tmp_path / "reseau.atelier"
    march.write_text(MARCH, encoding="utf-8")
    september.write_text(SEPTEMBER, encoding="utf-8")
    done = run_cli(
        "import", str(march), "-o", str(path), "--title", "Atelier de mars", "--date", "16/03/2021"
    )
    assert done.returncode == 0, done.stderr
    done = run_cli(
        "import", str(september), "--into", str(path), "--new-workshop", "--title", "Atelier de septembre",
        "--date", "14/09/2021",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return path


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_excused_participant_s_offer_is_suggested_to_no_other_workshop(tmp_path: Path, lang: str) -> None:
    path = _file(tmp_path)
    env = {"ATELIER_LANG": lang}
    done = run_cli("match", str(path), "--workshop", "septembre", "--across", env=env)
    assert done.returncode == 0, done.stderr
    assert "Sabine Roux" not in done.stdout, done.stdout
    # Those who were there are suggested as before (Anne Martin's SIAE, at the March workshop).
    assert "Anne Martin" in done.stdout, done.stdout
    done = run_cli("match", str(path), "--workshop", "septembre", "--across", "--json", env=env)
    needs = {n["text"]: n["suggestions"] for n in json.loads(done.stdout)["needs"]}
    assert all("Roux" not in s["participant"] for s in needs["aide au financement du permis de conduire"])
    # Nor the September minutes.
    minutes = tmp_path / f"septembre-{lang}.docx"
    done = run_cli("export", str(path), "--workshop", "septembre", "--docx", str(minutes), env=env)
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(minutes))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    assert "Sabine Roux" not in text and "Département des Landes" not in text, text


def test_the_directory_finds_what_she_wrote_and_says_she_was_excused(tmp_path: Path) -> None:
    path = _file(tmp_path)
    done = run_cli("search", str(path), "permis", env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    lines = _plain(done.stdout).splitlines()
    at = lines.index("  [ressource] financement du permis de conduire pour les allocataires")
    assert lines[at + 1] == (
        "      Sabine Roux (Département des Landes) · excusé·e à l'atelier du 16/03/2021 « Atelier de mars »"
    ), lines
    # Lucie Leroy was there: as before.
    assert "      Lucie Leroy (Grand Angoulême) · atelier du 14/09/2021 « Atelier de septembre »" in lines
    done = run_cli("search", str(path), "roux", env={"ATELIER_LANG": "en"})
    lines = _plain(done.stdout).splitlines()
    assert "      Landes · excused from the workshop of 16 March 2021 “Atelier de mars”" in lines, lines
    done = run_cli("search", str(path), "permis", "--json")
    hits = {h["text"]: h for h in json.loads(done.stdout)["hits"]}
    assert (
        hits["financement du permis de conduire pour les allocataires"]["participant"]["attendance"]
        == "excused"
    )
    assert hits["aide au financement du permis de conduire"]["participant"]["attendance"] == "present"


@pytest.mark.parametrize(
    ("lang", "said"), [("fr", "excusé·e à cet atelier"), ("en", "excused from this workshop")]
)
def test_the_window_s_directory_says_she_was_excused(
    qtbot, tmp_path: Path, no_modal_boxes, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from atelier.ui.directory_view import COL_WORKSHOP

    from .helpers.keyboard import active_window, key, type_text
    from .helpers.language import window_language

    path = _file(tmp_path)
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path, 1400, 850)  # shown, active: the keys go to it
        try:
            key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # « Répertoire »
            assert QApplication.focusWidget() is window.directory.field
            type_text("permis")
            window.directory.search_now()
            model = window.directory.model
            shown = {
                model.hits[row].text: model.index(row, COL_WORKSHOP).data() for row in range(model.rowCount())
            }
            assert shown["financement du permis de conduire pour les allocataires"].endswith(f"\n{said}"), (
                shown
            )
            assert said not in shown["aide au financement du permis de conduire"], shown
        finally:
            window.close()


@pytest.mark.parametrize(
    ("lang", "came", "excused"),
    [
        ("fr", "2 ateliers", "16 mars 2021 — Atelier de mars (excusé·e)"),
        ("en", "2 workshops", "16 March 2021 — Atelier de mars (excused)"),
    ],
)
def test_the_directory_s_row_of_a_person_does_not_say_she_came_to_the_workshop_she_was_excused_from(
    qtbot, tmp_path: Path, no_modal_boxes, monkeypatch: pytest.MonkeyPatch, lang: str, came: str, excused: str
) -> None:
    """One row per person (« 2 ateliers : … »): Sabine Roux, excused in March, there in
    September, has both workshops on her row, the March one said as one she was excused from."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from atelier.domain import Participant
    from atelier.store import Store
    from atelier.ui.directory_view import COL_TEXT, COL_WORKSHOP

    from .helpers.keyboard import active_window, key
    from .helpers.language import window_language

    path = _file(tmp_path)
    with Store.open(path) as store:
        september = next(w for w in store.workshops() if w.title == "Atelier de septembre")
        store.add_participant(
            Participant(
                september.id,
                names=["Sabine Roux"],
                organisation="Département des Landes",
                source_text="Sabine Roux / Département des Landes",
            )
        )
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path, 1400, 850)  # shown, active: the keys go to it
        try:
            key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # « Répertoire », nothing typed
            assert QApplication.focusWidget() is window.directory.field
            model = window.directory.model
            rows = {
                str(model.index(row, COL_TEXT).data()).split("\n")[0]: str(
                    model.index(row, COL_WORKSHOP).data()
                )
                for row in range(model.rowCount())
            }
            sabine = rows["Sabine Roux (Département des Landes)"].replace("\u00a0", " ").split("\n")
            assert sabine[0].startswith(came), sabine
            assert excused in sabine, sabine
            assert not any("septembre" in line and "(" in line for line in sabine), sabine  # there
            # Anne Martin came to March: said as before, no word of absence.
            assert "excus" not in rows["Anne Martin (PLIE Sud Landes)"], rows
        finally:
            window.close()
