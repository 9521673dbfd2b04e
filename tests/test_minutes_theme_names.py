"""The minutes' themes: a theme of Atelier's glossary, or an acronym it spells out, is named in
the document's language, as Atelier's own words (no quotation marks); only words taken from the
grid are quoted, as written. The English minutes used to quote the glossary's French labels as
if a participant had said them: « “Les entreprises”, with 13 participants », « “Plan local pour
l'insertion et l'emploi (PLIE)” (5 participants) », « “Fonds social européen (FSE)”, a need for
3 participants »."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx

from atelier.french import fold

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
# A theme line: its title, then what the sentence says of it.
THEME = re.compile(r"^(.+?)(?:, with |, a challenge for |, a need for | \(\d+ participants?\))")


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _themes(paragraphs: list[str]) -> list[str]:
    """The titles of the English minutes' theme lines, and of « Then come: a (3 participants); … »
    (« b (PLIE, 4 participants) »: the title « b (PLIE) »)."""
    titles = []
    for text in paragraphs:
        if text.startswith("Then come: "):
            # in the course of the sentence, in lower case (« priority neighbourhoods »): as a title
            # each counted in brackets, its title's own if it has some (« … (PLIE, 4 participants) »)
            parts = [
                re.sub(r" \(\d+ participants?\)$|, \d+ participants?(?=\)$)", "", part)
                for part in text[len("Then come: ") :].rstrip(".").split("; ")
            ]
            titles += [part[:1].upper() + part[1:] for part in parts]
        elif THEME.match(text):
            titles.append(THEME.match(text).group(1))
    return titles


def _grid(path: Path) -> str:
    from atelier.store import Store

    with Store.open(path, readonly=True) as store:
        return fold(" ".join(i.text for i in store.workshop_items(store.workshops()[0].id)))


def _french_labels() -> set[str]:
    """The glossary's theme names and acronym expansions: Atelier's words, in French."""
    import tomllib

    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "glossaire.toml").read_text(encoding="utf-8"))
    return {fold(name) for name in data["familles"]} | {fold(text) for text in data["sigles"].values()}


def _check(titles: list[str], grid: str) -> None:
    from atelier.reasons import english_theme_names

    french = _french_labels()
    # An English name spelt like the French one but for its accents (« Cooperation »): English.
    english = {fold(name) for name in english_theme_names().values()}
    for title in titles:
        quoted = re.fullmatch(r"“(.+)”", title)
        if quoted:  # words of the grid, as written
            assert fold(quoted.group(1)) in grid, title
            continue
        # Atelier's words: never the glossary's French
        plain = fold(re.sub(r"\s*\([^()]*\)$", "", title))
        assert plain not in french or plain in english, title


def test_english_minutes_name_glossary_themes_in_english_and_quote_only_the_grid(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    minutes = tmp_path / "en.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    paragraphs = _paragraphs(minutes)
    titles = _themes(paragraphs)
    assert len(titles) >= 10, titles
    _check(titles, _grid(path))
    assert "Businesses" in titles, titles
    # Not all eight write « GPECT », not all four « QPV », one of three « emploi et formation »
    # (PLIE Grand Poitiers' words): the theme each of their statements holds.
    assert "Assessment" in titles, titles
    assert "Local plan for integration and employment (PLIE)" in titles, titles
    assert "Priority neighbourhoods" in titles, titles
    # The sixth action theme: the groups found again without the aims (« Objectifs annoncés »).
    assert "Young people" in titles and "“Emploi et formation”" not in titles, titles

    # The French minutes: the same themes, in French, unquoted
    french = tmp_path / "fr.docx"
    assert run_cli("export", str(path), "--docx", str(french)).returncode == 0
    text = "\n".join(_paragraphs(french))
    # Each theme counts the same people in both languages (people, not rows of the grid).
    english = "\n".join(paragraphs)
    for fr, en in (
        ("Entreprises", "Businesses"),
        # Among the first three (the PLIE's two aims, « Objectifs annoncés », are no actions).
        ("Diagnostic", "Assessment"),
    ):
        said = re.search(rf"^{re.escape(fr)}, chez (\d+) participants", text, re.M)
        told = re.search(rf"^{re.escape(en)}, with (\d+) participants", english, re.M)
        assert said and told and said.group(1) == told.group(1), (fr, said, told)


def test_an_acronym_a_few_need_and_a_theme_a_few_share_are_named_in_english(tmp_path: Path) -> None:
    grid = tmp_path / "g.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Roux / PLIE Sud Landes;Forum;Travailler avec les entreprises;Financement FSE;\n"
        "Jean Dupont / CC du Seignanx;Club d'entreprises;Mobiliser les entreprises;Mobiliser le FSE;"
        "Ingénierie financière FSE\n"
        "Marc Petit / CCAS de Mont-de-Marsan;;Entreprises du territoire;Dossier FSE à monter;\n",
        encoding="utf-8",
    )
    path = tmp_path / "g.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    minutes = tmp_path / "en.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    paragraphs = _paragraphs(minutes)
    titles = _themes(paragraphs)
    _check(titles, _grid(path))
    assert any(p.startswith("European Social Fund (FSE), a need for 3 participants") for p in paragraphs), (
        titles
    )
    french = tmp_path / "fr.docx"
    assert run_cli("export", str(path), "--docx", str(french)).returncode == 0
    assert any(
        p.startswith("Fonds social européen (FSE), un besoin pour 3 participants")
        for p in _paragraphs(french)
    )


def test_every_label_of_the_glossary_has_an_english_name() -> None:
    """Each theme ([familles]) has its [noms_en] name and each acronym ([sigles]) its [sigles_en]
    expansion: what English minutes and reasons say instead of the glossary's French."""
    import tomllib

    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "glossaire.toml").read_text(encoding="utf-8"))
    assert set(data["noms_en"]) == set(data["familles"])
    assert set(data["sigles_en"]) == set(data["sigles"])
    assert all(text.strip() and text != data["sigles"][key] for key, text in data["sigles_en"].items())
