"""`atelier ateliers F --rename W --date 17/03/2021` on « Atelier du 16 mars 2021 » changed the
date and left the title: the minutes printed « Atelier du 16 mars 2021 » over « Date : 17 mars
2021 ». A title that says the workshop's day now loses it when another date is given without a
title, as an import's title does when --date replaces the heading's, and the command says the
title changed; a title given, or one that says another day, is left as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from atelier.store import Store

from .conftest import ROOT, run_cli


def _example(tmp_path: Path) -> Path:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    return path


def _workshop(path: Path) -> tuple[str, str | None]:
    with Store.open(path, readonly=True) as store:
        (workshop,) = store.workshops()
        return workshop.title, workshop.date


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "fr",
            "«\xa0Atelier\xa0»\xa0: nouveau titre (c'était «\xa0Atelier du 16 mars 2021\xa0») "
            "et daté du 17/03/2021",
        ),
        ("en", "“Atelier”: new title (was “Atelier du 16 mars 2021”) and dated 17 March 2021"),
    ],
)
def test_another_date_takes_the_old_day_out_of_the_title(tmp_path: Path, lang: str, said: str) -> None:
    path = _example(tmp_path)
    done = run_cli(
        "ateliers", str(path), "--rename", "2021-03-16", "--date", "17/03/2021", env={"ATELIER_LANG": lang}
    )
    assert done.returncode == 0, done.stderr
    assert said in done.stdout, done.stdout
    assert _workshop(path) == ("Atelier", "2021-03-17")
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": "fr"}).returncode == 0
    head = [p.text.replace("\xa0", " ") for p in docx.Document(str(minutes)).paragraphs[:3]]
    assert head[1:] == ["Atelier", "Date : 17 mars 2021"], head


def test_a_title_given_is_the_title(tmp_path: Path) -> None:
    path = _example(tmp_path)
    done = run_cli(
        "ateliers",
        str(path),
        "--rename",
        "2021-03-16",
        "--date",
        "17/03/2021",
        "--title",
        "Atelier du 16 mars 2021",
    )
    assert done.returncode == 0, done.stderr
    assert _workshop(path) == ("Atelier du 16 mars 2021", "2021-03-17")


def test_a_title_about_another_day_is_left(tmp_path: Path) -> None:
    path = tmp_path / "retour.atelier"
    made = run_cli(
        "new", str(path), "--title", "Retour sur l'atelier du 2 février 2021", "--date", "16/03/2021"
    )
    assert made.returncode == 0, made.stderr
    done = run_cli("ateliers", str(path), "--rename", "2021-03-16", "--date", "17/03/2021")
    assert done.returncode == 0, done.stderr
    assert _workshop(path) == ("Retour sur l'atelier du 2 février 2021", "2021-03-17")
    assert "nouveau titre" not in done.stdout, done.stdout
